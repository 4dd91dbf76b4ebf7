// `npm start`: builds, then opens the Electron app; where no Electron binary can be had
// (offline machine, blocked download), says so and starts the browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
if (run('npm', ['run', 'build', '--silent']).status !== 0) process.exit(1);

const require = createRequire(import.meta.url);
let electronPath = null;
try {
  electronPath = require('electron'); // downloads the binary on first use (ELECTRON_MIRROR is honoured)
} catch (e) {
  console.error(`\n无法获取 Electron 程序（${e instanceof Error ? e.message.split('\n')[0] : e}）。`);
  console.error('改为以浏览器模式启动：请在 Chromium/Chrome/Edge 中打开下面的地址。\n');
}

const args = process.argv.slice(2);
const child = electronPath
  ? spawn(electronPath, ['.', ...args], { stdio: 'inherit' })
  : spawn(process.execPath, ['dist/host/host.cjs', ...args], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
