// Each test gets its own browser host on a fresh data folder, started as `npm run serve` would start it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const SCREENS = path.join(REPO, 'test-results', 'screens');

export interface HostProcess {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts dist/host/host.cjs on a free port and resolves once it prints its URL. */
export function startHostProcess(dataDir: string, extraArgs: string[] = []): Promise<HostProcess> {
  const proc = spawn(process.execPath, [path.join(REPO, 'dist', 'host', 'host.cjs'), '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        dataDir,
        proc,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (proc.exitCode !== null || proc.signalCode !== null) return done();
            proc.once('exit', () => done());
            proc.kill(signal);
          }),
      });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
}

/** Calls a channel from the page as the app does; throws on an error result (for setting the scene). */
export async function invoke<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  const r = await page.evaluate(([c, i]) => window.workbench!.invoke(c as never, i as never), [channel, input] as const);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

export const test = base.extend<{ host: HostProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  host: async ({}, use) => {
    const host = await startHostProcess(freshDataDir());
    await use(host);
    await host.stop();
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
