// `npm run serve -- --port N --data-dir DIR`: the browser host's entry point.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core';
import { startHost } from './server';

declare const __APP_VERSION__: string;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    'data-dir': { type: 'string' },
    'templates-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
  },
});

const here = __dirname; // dist/host once bundled
const dataDir = path.resolve(values['data-dir'] ?? process.env.WORKBENCH_DATA_DIR ?? path.join(os.homedir(), '.plan-drill-workbench'));
const templatesDir = path.resolve(values['templates-dir'] ?? path.join(here, '..', '..', 'templates'));
const rendererDir = path.resolve(values['renderer-dir'] ?? path.join(here, '..', 'renderer'));
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口“${values.port}”无效。`);
  process.exit(2);
}

async function main(): Promise<void> {
  const core = await createCore({ dataDir, templatesDir, shell: 'browser', version: __APP_VERSION__ });
  const host = await startHost({ core, rendererDir, port });
  console.log(`data dir: ${dataDir}`);
  console.log(`listening on ${host.url}`);
  const stop = async () => {
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error('启动失败：', e instanceof Error ? e.message : e);
  process.exit(1);
});
