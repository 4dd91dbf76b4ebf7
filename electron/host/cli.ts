// `npm run serve -- --port N --data-dir DIR`: the browser host's entry point.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core';
import { startHost } from './server';

declare const __APP_VERSION__: string;

const USAGE = `用法：node dist/host/host.cjs [--port 5199] [--data-dir 数据文件夹] [--templates-dir 模板文件夹] [--renderer-dir 界面文件夹]
  --port           监听的本机端口（默认 5199；0 为任选空闲端口）
  --data-dir       数据文件夹（默认 WORKBENCH_DATA_DIR 或 ~/.plan-drill-workbench）
  --templates-dir  模板文件夹（默认与程序同级的 templates/）
  --renderer-dir   界面文件（默认 dist/renderer）`;

function readArgs() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '5199' },
        'data-dir': { type: 'string' },
        'templates-dir': { type: 'string' },
        'renderer-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const values = readArgs();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const here = __dirname; // dist/host once bundled
const dataDir = path.resolve(values['data-dir'] ?? process.env.WORKBENCH_DATA_DIR ?? path.join(os.homedir(), '.plan-drill-workbench'));
const templatesDir = path.resolve(values['templates-dir'] ?? path.join(here, '..', '..', 'templates'));
const rendererDir = path.resolve(values['renderer-dir'] ?? path.join(here, '..', 'renderer'));
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口“${values.port}”无效。`);
  process.exit(2);
}

/** One host per data folder: a second one would migrate and write the same database under the first. */
function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'host.lock');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid) {
      process.kill(pid, 0); // throws when that process is gone (a stale lock after a crash)
      console.error(`数据文件夹“${dir}”正被另一个工作台进程（PID ${pid}）使用，请先关闭它。`);
      process.exit(1);
    }
  } catch {
    // No lock, or a stale one.
  }
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

/** Refuses a busy port before the database is touched. */
function checkPort(p: number): Promise<void> {
  if (p === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => {
      console.error(`端口 ${p} 已被占用，请用 --port 指定其他端口。`);
      process.exit(1);
    });
    probe.listen(p, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  await checkPort(port);
  const unlock = lockDataDir(dataDir);
  const core = await createCore({ dataDir, templatesDir, shell: 'browser', version: __APP_VERSION__ });
  const host = await startHost({ core, rendererDir, port });
  console.log(`data dir: ${dataDir}`);
  console.log(`listening on ${host.url}`);
  const stop = async () => {
    await host.close();
    core.close();
    unlock();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error('启动失败：', e instanceof Error ? e.message : e);
  process.exit(1);
});
