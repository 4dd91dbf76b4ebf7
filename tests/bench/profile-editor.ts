// Where the editor's time goes: CPU profiles (and a timeline breakdown) of opening a generated plan,
// typing, undo, select-all and one save. A tool for reading, not a bench: nothing is written to bench.json.
//
//   node --import tsx tests/bench/profile-editor.ts [25k|100k] [--renderer-dir DIR]
//
// With the minified dist/renderer, functions show as minified names; for readable names build an
// unminified renderer elsewhere and serve it: `npx vite build --minify false --outDir /tmp/r --emptyOutDir`
// then pass `--renderer-dir /tmp/r`. Self time is grouped by the bundled module (rolldown's `// path` markers).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { freshDataDir, startHostProcess } from '../e2e/fixtures';
import { ARGS, caretAtEnd, instrument, serveOnce, take, TYPED, writePlan, type TraceEvent } from './editor';
import { floorPage } from './floor-page';
import { generatePlan } from './generate-plan';
import { round } from './report';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'renderer-dir': { type: 'string' } } });
const label = positionals[0] ?? '100k';
const chars = label === '25k' ? 25_000 : 100_000;

/** Maps a bundle's line to the module it came from, from rolldown's `// node_modules/...` comments. */
const moduleIndex = new Map<string, { line: number; name: string }[]>();
async function moduleOf(page: Page, url: string, line: number): Promise<string> {
  if (!url) return '(native)';
  if (!url.endsWith('.js')) return url;
  if (!moduleIndex.has(url)) {
    const src = await page.evaluate((u) => fetch(u).then((r) => r.text()), url);
    const marks: { line: number; name: string }[] = [];
    src.split('\n').forEach((l, i) => {
      const m = /^\/\/ (\S+\.(?:m?js|tsx?|jsx))$/.exec(l);
      if (m) marks.push({ line: i, name: m[1]!.replace(/^node_modules\//, '').replace(/\/(?:dist|cjs|es|lib)\/.*$/, '') });
    });
    moduleIndex.set(url, marks);
  }
  const marks = moduleIndex.get(url)!;
  if (!marks.length) return path.basename(url);
  let lo = 0;
  for (let i = 0; i < marks.length && marks[i]!.line <= line; i++) lo = i;
  return marks[lo]!.name;
}

async function summarize(page: Page, title: string, profile: Profile, top = 18): Promise<void> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const mods = new Map<string, number>();
  let total = 0;
  const key = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : ''}`;
  const modCache = new Map<number, string>();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(profile.samples[i]!)!;
    if (n.callFrame.functionName === '(idle)') continue;
    total += ms;
    self.set(key(n.callFrame), (self.get(key(n.callFrame)) ?? 0) + ms);
    if (!modCache.has(n.id)) modCache.set(n.id, n.callFrame.url ? await moduleOf(page, n.callFrame.url, n.callFrame.lineNumber) : n.callFrame.functionName);
    const m = modCache.get(n.id)!;
    mods.set(m, (mods.get(m) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const k = key(byId.get(id)!.callFrame);
      if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + ms);
      seen.add(k);
    }
  }
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${String(round(v)).padStart(9)} ms  ${k}`)
      .join('\n');
  console.log(`\n=== ${title}: ${round(total)} ms of busy samples ===`);
  console.log(`-- self time by module --\n${list(mods, 14)}`);
  console.log(`-- self time by function --\n${list(self, top)}`);
  console.log(`-- total (inclusive) time by function --\n${list(new Map([...incl].filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(program)'))), top)}`);
}

/**
 * Self time per timeline event (Layout, UpdateLayoutTree, Paint, FunctionCall = JS, ...) on the page's main
 * thread, and its long tasks, from a Chromium trace of `fn`.
 */
async function traced(fn: () => Promise<void>): Promise<{ self: Map<string, number>; tasks: { at: number; ms: number; top: string }[] }> {
  await browser.startTracing(undefined, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
  await fn();
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`)) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  // The page's main thread: the renderer main thread that did the most rendering work (a navigation may change process).
  const work = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && /^(ParseHTML|LocalFrameView::performLayout|Paint|FunctionCall|EventDispatch)$/.test(e.name) && mains.has(`${e.pid}:${e.tid}`)) work.set(`${e.pid}:${e.tid}`, (work.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...(work.size ? work : busy)].sort((a, b) => b[1] - a[1])[0]?.[0];
  const xs = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const tasks: { at: number; ms: number; top: string }[] = [];
  const t0 = xs[0]?.ts ?? 0;
  const stack: { e: TraceEvent; child: number; selfBy: Map<string, number> | null }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= upTo) {
      const top = stack.pop()!;
      const own = (top.e.dur! - top.child) / 1000;
      const name = top.e.name === 'FunctionCall' || top.e.name === 'EventDispatch' || top.e.name === 'TimerFire' || top.e.name === 'FireAnimationFrame' || top.e.name === 'RunMicrotasks' || top.e.name === 'v8.run' ? `${top.e.name} (JS)` : top.e.name;
      self.set(name, (self.get(name) ?? 0) + own);
      const task = stack.find((x) => x.selfBy);
      if (task && top.e.name !== 'RunTask') task.selfBy!.set(name, (task.selfBy!.get(name) ?? 0) + own);
      if (top.selfBy) {
        const ms = top.e.dur! / 1000;
        if (ms >= 8) tasks.push({ at: (top.e.ts - t0) / 1000, ms, top: [...top.selfBy].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${round(v)}`).join(', ') });
      }
      if (stack.length) stack[stack.length - 1]!.child += top.e.dur!;
    }
  };
  for (const e of xs) {
    close(e.ts);
    stack.push({ e, child: 0, selfBy: e.name === 'RunTask' && !stack.some((x) => x.selfBy) ? new Map() : null });
  }
  close(Infinity);
  return { self, tasks };
}

function printTrace(title: string, t: Awaited<ReturnType<typeof traced>>): void {
  const rows = [...t.self].filter(([k]) => k !== 'RunTask').sort((a, b) => b[1] - a[1]).slice(0, 16);
  console.log(`\n=== ${title}: main-thread self time by timeline event ===\n${rows.map(([k, v]) => `  ${String(round(v)).padStart(9)} ms  ${k}`).join('\n')}`);
  console.log(`-- tasks of 8 ms or more: ${t.tasks.length} --\n${t.tasks.slice(0, 25).map((x) => `  at ${String(Math.round(x.at)).padStart(6)}: ${String(round(x.ms)).padStart(8)} ms  ${x.top}`).join('\n')}`);
}

async function profiled(cdp: CDPSession, fn: () => Promise<void>): Promise<Profile> {
  await cdp.send('Profiler.start');
  await fn();
  return (await cdp.send('Profiler.stop')).profile as unknown as Profile;
}

const plan = generatePlan({ chars });
const id = `p-bench-${label}`;
const chapters = plan.doc.sections.filter((s) => s.level === 1).length;
const dataDir = freshDataDir();
await writePlan(dataDir, id, plan.doc, label);
const host = await startHostProcess(dataDir, values['renderer-dir'] ? ['--renderer-dir', values['renderer-dir']] : []);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  const page = await browser.newPage();
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page.addInitScript(instrument, { selector: '.chapter-editable', count: chapters, text: plan.lastText });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });

  const open = await profiled(cdp, async () => {
    await page.goto(`${host.url}/#/plans/${id}`);
    await page.waitForFunction(() => (window.__bench?.open ?? 0) > 0, null, { timeout: 60_000, polling: 50 });
  });
  const phases = await page.evaluate(() => {
    const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      painted: window.__bench!.open,
      domContentLoaded: nav.domContentLoadedEventEnd,
      resources: res.map((r) => `${r.name.replace(location.origin, '')} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)} ms, ${r.transferSize} B`),
    };
  });
  console.log(`open: painted at ${round(phases.painted)} ms, DOMContentLoaded ${round(phases.domContentLoaded)} ms\n  ${phases.resources.join('\n  ')}`);
  await summarize(page, 'open', open);

  const target = plan.middle.text;
  await caretAtEnd(page, target);
  const keys: number[] = [];
  const typing = await profiled(cdp, async () => {
    for (const ch of TYPED) {
      await page.keyboard.insertText(ch);
      keys.push(await take(page));
    }
  });
  console.log(`\ntyping ${keys.length} keys: ${keys.map(round).join(' ')}`);
  await summarize(page, `typing ${TYPED.length} characters`, typing);

  const undo = await profiled(cdp, async () => {
    await page.evaluate(() => (window.__bench!.armed = true));
    await page.keyboard.press('Control+z');
    console.log(`undo: ${round(await take(page))} ms`);
  });
  await summarize(page, 'one undo', undo);

  await caretAtEnd(page, target);
  const selectAll = await profiled(cdp, async () => {
    await page.evaluate(() => (window.__bench!.armed = true));
    await page.keyboard.press('Control+a');
    console.log(`select-all: ${round(await take(page))} ms`);
  });
  await summarize(page, 'one select-all', selectAll);

  await caretAtEnd(page, target);
  await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 15_000 });
  await page.keyboard.insertText('。');
  await take(page);
  const save = await profiled(cdp, async () => {
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 15_000 });
  });
  await summarize(page, 'one save (Ctrl+S)', save);

  // Second pass, with the timeline instead of the sampler: what the native side (style, layout, paint) costs.
  const page2 = await browser.newPage();
  await page2.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page2.addInitScript(instrument, { selector: '.chapter-editable', count: chapters, text: plan.lastText });
  printTrace(
    'open',
    await traced(async () => {
      await page2.goto(`${host.url}/#/plans/${id}`);
      await page2.waitForFunction(() => (window.__bench?.open ?? 0) > 0, null, { timeout: 60_000, polling: 50 });
    }),
  );
  await page.close();
  await caretAtEnd(page2, target);
  const keys2: number[] = [];
  printTrace(
    `typing ${TYPED.length} characters`,
    await traced(async () => {
      for (const ch of TYPED) {
        await page2.keyboard.insertText(ch);
        keys2.push(await take(page2));
      }
    }),
  );
  console.log(`keys: ${keys2.map(round).join(' ')}`);
  printTrace(
    'one undo',
    await traced(async () => {
      await page2.evaluate(() => (window.__bench!.armed = true));
      await page2.keyboard.press('Control+z');
      console.log(`undo: ${round(await take(page2))} ms`);
    }),
  );
  await caretAtEnd(page2, target);
  printTrace(
    'one select-all',
    await traced(async () => {
      await page2.evaluate(() => (window.__bench!.armed = true));
      await page2.keyboard.press('Control+a');
      console.log(`select-all: ${round(await take(page2))} ms`);
    }),
  );
  await caretAtEnd(page2, target);
  await page2.getByTestId('save-state').and(page2.locator('[data-state="saved"]')).waitFor({ timeout: 15_000 });
  await page2.keyboard.insertText('。');
  await take(page2);
  printTrace(
    'one save (Ctrl+S)',
    await traced(async () => {
      await page2.keyboard.press('Control+s');
      await page2.getByTestId('save-state').and(page2.locator('[data-state="saved"]')).waitFor({ timeout: 15_000 });
    }),
  );
  const layout = await page2.evaluate(() => ({
    textWidth: document.querySelector('.chapter-editable')!.getBoundingClientRect().width,
    scrollHeight: document.querySelector('.plan-scroll')!.getBoundingClientRect().height,
  }));
  await page2.close();

  // The floor, typed into the same way, for comparison.
  const server = await serveOnce(floorPage(plan.doc, { repo: path.resolve(import.meta.dirname, '..', '..'), ...layout }));
  const floor = await browser.newPage();
  await floor.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await floor.addInitScript(instrument, { selector: '[data-testid="floor"]', count: 1, text: plan.lastText });
  printTrace(
    'floor: open',
    await traced(async () => {
      await floor.goto(server.url);
      await floor.waitForFunction(() => (window.__bench?.open ?? 0) > 0, null, { timeout: 60_000, polling: 50 });
    }),
  );
  await caretAtEnd(floor, target);
  const keys3: number[] = [];
  printTrace(
    `floor: typing ${TYPED.length} characters`,
    await traced(async () => {
      for (const ch of TYPED) {
        await floor.keyboard.insertText(ch);
        keys3.push(await take(floor));
      }
    }),
  );
  console.log(`floor keys: ${keys3.map(round).join(' ')}`);
  await floor.close();
  await server.close();
  fs.mkdirSync(path.join('test-results', 'profiles'), { recursive: true });
  for (const [name, p] of Object.entries({ open, typing, undo, selectAll, save })) fs.writeFileSync(path.join('test-results', 'profiles', `editor-${label}-${name}.cpuprofile`), JSON.stringify(p));
  console.log(`\nprofiles written to test-results/profiles/ (open them in DevTools' Performance panel)`);
} finally {
  await browser.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
