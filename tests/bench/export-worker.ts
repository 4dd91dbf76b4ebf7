// One export bench in a fresh Node process (started by export.ts): times the first (cold) and later (warm) runs of a
// task and reports the process's peak resident memory, which only a process of its own can measure honestly.
// Prints one JSON line: Measured and a task's detail. Each task imports only what it needs,
// so the memory it reports is that task's, not the whole core's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Inject, Script } from '../../electron/shared/schemas/drill';
import type { Measured } from './export';

const WARM_RUNS = 5;
const peakMb = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes

/** The plan of the issue: 100,000 characters with 40 tables, exported as the plan.export-docx handler does. */
async function planExport(): Promise<() => Promise<Buffer>> {
  const { exportPlanDocx } = await import('../../electron/core/export/plan-docx');
  const { generatePlan } = await import('./generate-plan');
  const g = generatePlan({ chars: 100_000, tables: 40 });
  return () => exportPlanDocx({ title: '小店区综合应急预案', doc: g.doc, status: 'published', issuer: '太原市小店区人民政府', date: '2025-01-08', revisionRecord: [], toc: false });
}

/** 300 injects with realistic texts: the forest-fire script's injects again and again, five minutes apart. */
async function script300(): Promise<Script> {
  const { forestFireScript } = await import('../fixtures/forest-fire-drill');
  const base = forestFireScript();
  const injects: Inject[] = Array.from({ length: 300 }, (_, i) => {
    const from = base.injects[i % base.injects.length]!;
    return { ...from, id: `i-${i}`, time: { mode: 'relative', offsetSec: i * 300 }, scene: `${from.scene}（${Math.floor(i / base.injects.length) + 1}）` };
  });
  return { ...base, injects };
}

/** CPU time of this process in ms: on a machine shared with other work it moves far less than wall time. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function measure(run: () => Promise<unknown>): Promise<Measured> {
  let t = performance.now();
  const cpu = cpuMs();
  await run();
  const coldMs = performance.now() - t;
  const coldCpuMs = cpuMs() - cpu;
  const peakMbCold = peakMb();
  const warmMs: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    t = performance.now();
    await run();
    warmMs.push(performance.now() - t);
  }
  return { coldMs, coldCpuMs, warmMs, peakMbCold, peakMb: peakMb() };
}

async function main(task: string): Promise<object> {
  if (task === 'plan') {
    const run = await planExport();
    const before = peakMb();
    let bytes = 0;
    const m = await measure(async () => (bytes = (await run()).length));
    return { ...m, detail: { baselineMb: before, docxBytes: bytes } };
  }
  if (task === 'script') {
    const script = await script300();
    const { exportScriptDocx } = await import('../../electron/core/export/script-docx');
    const { forestFireDrill } = await import('../fixtures/forest-fire-drill');
    return measure(() => exportScriptDocx({ drill: forestFireDrill(), script, eventsOrNull: null }));
  }
  if (task === 'import') {
    // The plan's .docx back in through the channel, as the 导入 button sends it: base64, parse, one transaction.
    const file = { fileName: '小店区综合应急预案.docx', dataBase64: (await (await planExport())()).toString('base64') };
    const { createCore } = await import('../../electron/core/create-core');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-import-'));
    const core = await createCore({ dataDir, templatesDir: 'templates', shell: 'browser', version: 'bench' });
    try {
      let sections = 0;
      const m = await measure(async () => {
        const r = await core.call('plan.import-docx', file);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        sections = (r.data as { sections: number }).sections;
      });
      return { ...m, detail: { sections } };
    } finally {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  throw new Error(`unknown export bench task: ${task}`);
}

console.log(JSON.stringify(await main(process.argv[2] ?? '')));
