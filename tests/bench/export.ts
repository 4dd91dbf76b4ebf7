// Word export and import at the issue's sizes: a plan of 100,000 characters with 40 tables (about 230 pages), a
// 300-inject script, and that plan's .docx imported back. Each runs in a Node process of its own (export-worker.ts),
// so the first run is truly cold and the peak memory is the task's own.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { median, type Figures } from './report';

/** What export-worker.ts prints for one task. */
export interface Measured {
  coldMs: number;
  coldCpuMs: number;
  warmMs: number[];
  /** Peak resident memory after the first run: what exporting once in a fresh process takes. */
  peakMbCold: number;
  /** Peak after the warm runs too: V8 lets garbage pile up before it collects. */
  peakMb: number;
  detail?: Record<string, number>;
}

function runWorker(task: 'plan' | 'script' | 'import'): Measured {
  const worker = path.join(import.meta.dirname, 'export-worker.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', worker, task], { encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`export bench ${task} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measured;
}

export async function benchExport(): Promise<Figures> {
  const plan = runWorker('plan');
  const script = runWorker('script');
  const imported = runWorker('import');
  return {
    // Cold: the first export in a fresh process, as after starting the app; warm: the median of the next five.
    'export.plan.100k': { value: plan.coldMs, unit: 'ms', target: 1500 },
    'export.plan.100k.warm': { value: median(plan.warmMs), unit: 'ms', target: 1500 },
    'export.plan.100k.cpu': { value: plan.coldCpuMs, unit: 'ms' },
    'export.plan.100k.peak-mb': { value: plan.peakMbCold, unit: 'MB', target: 300 },
    'export.script.300': { value: script.coldMs, unit: 'ms' },
    'export.script.300.warm': { value: median(script.warmMs), unit: 'ms' },
    'import.plan.100k': { value: imported.coldMs, unit: 'ms' },
    'import.plan.100k.warm': { value: median(imported.warmMs), unit: 'ms' },
  };
}

// `node --import tsx tests/bench/export.ts` runs this module alone.
if (import.meta.filename === process.argv[1]) {
  const { writeReport } = await import('./report');
  writeReport(path.resolve(import.meta.dirname, '..', '..'), await benchExport());
}
