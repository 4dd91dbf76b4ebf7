// A real core over a real database file in a temp folder, with a fixed clock.
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core';
import { tempDir } from './temp-dir';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const TEMPLATES_DIR = path.join(REPO, 'templates');

const open: Core[] = [];

export function fixedClock(iso = '2026-03-02T09:00:00+08:00') {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

export async function makeCore(opts: Partial<CoreOptions> = {}): Promise<Core> {
  const core = await createCore({
    dataDir: opts.dataDir ?? tempDir(),
    templatesDir: opts.templatesDir ?? TEMPLATES_DIR,
    shell: 'browser',
    version: 'test',
    clock: opts.clock ?? fixedClock(),
    platform: opts.platform,
  });
  open.push(core);
  return core;
}

afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** The data of an ok Result, or a thrown error carrying the Result's error (for tests that expect success). */
export async function data<T>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as T;
}
