// Where a logged key press spends its time: the network (queueing, the host's answer, the body), the page
// turning the answer into a log entry, and CPU per press on each side. A tool for reading, not a bench.
//
//   node --import tsx tests/bench/profile-drill-log.ts [presses=200]
//
// The host's answer (ttfb) holds its commit, fsync included; on a machine shared with other work its
// tail is the disk's and the scheduler's. CPU per press counts what each process really spent.
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { startHostProcess } from '../e2e/fixtures';
import { instrumentLog, pressActions, seedDrill } from './drill-log';
import { ARGS } from './editor';
import { percentile, round } from './report';

const presses = Number(process.argv[2] ?? 200);
const TRACE = 'test-results/profile-drill-log.trace.json';

/** utime + stime of a process, ms (Linux). */
function cpuMs(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** Thread CPU time of the renderer main thread's top-level tasks in a trace, ms. */
function rendererCpuMs(file: string): number {
  const events = (JSON.parse(fs.readFileSync(file, 'utf8')) as { traceEvents: { ph: string; name: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }[] }).traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!;
  return events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask').reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000;
}

const row = (name: string, xs: number[]) => console.log(`${name.padEnd(28)} p50 ${String(round(percentile(xs, 50))).padStart(7)}  p90 ${String(round(percentile(xs, 90))).padStart(7)}  p99 ${String(round(percentile(xs, 99))).padStart(7)} ms`);

const { dataDir, drillId } = await seedDrill(1700);
const host = await startHostProcess(dataDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${host.url}/#/scripts/${drillId}/run`);
  await page.getByTestId('run-log').waitFor();
  await instrumentLog(page);
  // When each run.log answer reached the page's code, and when it had been read.
  await page.evaluate(() => {
    const w = window as unknown as { __fetch: number[][] };
    w.__fetch = [];
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const start = performance.now();
      const res = await original(input, init);
      if (String(input).includes('/rpc/run.log')) w.__fetch.push([start, performance.now()]);
      return res;
    };
  });
  const hostBefore = cpuMs(host.proc.pid!);
  await browser.startTracing(page, { path: TRACE, categories: ['toplevel', 'devtools.timeline'] });
  const total = await pressActions(page, presses);
  await browser.stopTracing();
  const hostCpu = (cpuMs(host.proc.pid!) - hostBefore) / presses;
  const net = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/rpc/run.log'))
      .map((e) => {
        const r = e as PerformanceResourceTiming;
        return [r.requestStart - r.startTime, r.responseStart - r.requestStart, r.responseEnd - r.responseStart];
      }),
  );
  const fetched = await page.evaluate(() => (window as unknown as { __fetch: number[][] }).__fetch.map(([s, e]) => e! - s!));
  row('network: queued', net.map((n) => n[0]!));
  row('network: host answer (ttfb)', net.map((n) => n[1]!));
  row('network: body', net.map((n) => n[2]!));
  row('fetch as the page saw it', fetched);
  row('key press to log entry', total);
  console.log(`CPU per press: host ${round(hostCpu)} ms, renderer main thread ${round(rendererCpuMs(TRACE) / presses)} ms (Playwright's typing and polling included)`);
  console.log(`load average now: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
} finally {
  await browser.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
