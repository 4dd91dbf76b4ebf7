// Bundles the Node-side entry points with esbuild: Electron main, sandboxed preload, browser host.
// Native and Electron modules stay external; the preload is one CommonJS file, as a sandbox requires.
import { build } from 'esbuild';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/preload/preload.cjs' }),
  build({ ...common, entryPoints: ['electron/host/cli.ts'], outfile: 'dist/host/host.cjs' }),
]);
