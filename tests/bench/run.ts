// `npm run bench`: runs every benchmark module and writes test-results/bench.json.
import path from 'node:path';
import { benchCoreOps } from './core-ops';
import { benchDrillLog } from './drill-log';
import { benchEditor } from './editor';
import { benchExport } from './export';
import { benchHostStart } from './host-start';
import { writeReport, type Figures } from './report';

const REPO = path.resolve(import.meta.dirname, '..', '..');

const figures: Figures = {
  ...(await benchHostStart()),
  ...(await benchCoreOps()),
  ...(await benchDrillLog()),
  ...(await benchEditor()),
  ...(await benchExport()),
};
writeReport(REPO, figures);
