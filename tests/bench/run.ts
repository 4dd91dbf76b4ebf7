// `npm run bench`: runs every benchmark module and writes test-results/bench.json.
import path from 'node:path';
import { benchCoreOps } from './core-ops';
import { benchDrillLog } from './drill-log';
import { benchEditor } from './editor';
import { benchExport } from './export';
import { benchHostStart } from './host-start';
import { writeReport, type Figures } from './report';

const REPO = path.resolve(import.meta.dirname, '..', '..');

const modules: Record<string, () => Promise<Figures>> = {
  'host-start': () => benchHostStart(),
  'core-ops': () => benchCoreOps(),
  'drill-log': () => benchDrillLog(),
  editor: () => benchEditor(),
  export: () => benchExport(),
};

// `npm run bench -- drill-log` runs only the modules named; figures from earlier runs stay in bench.json.
const chosen = process.argv.slice(2);
const unknown = chosen.filter((m) => !(m in modules));
if (unknown.length) throw new Error(`unknown bench module ${unknown.join(', ')}; one of ${Object.keys(modules).join(', ')}`);
const figures: Figures = {};
for (const [name, run] of Object.entries(modules)) if (!chosen.length || chosen.includes(name)) Object.assign(figures, await run());
writeReport(REPO, figures);
