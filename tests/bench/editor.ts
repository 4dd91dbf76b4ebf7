// The plan editor on plans of 25k and 100k characters against the floor: the same document as semantic
// HTML in one plain contenteditable div (see /work/shared/editor-performance.md), measured in the same
// Chromium run, so that ratios, not absolute times, carry the verdict.
//
// Every time is taken inside the page: from the input (beforeinput, or keydown for shortcuts) to the next
// animation frame, i.e. requestAnimationFrame → setTimeout 0 → performance.now(), which runs after the
// frame that shows the change has been produced.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createCore } from '../../electron/core/create-core';
import { insertPlan } from '../../electron/core/db/repos/plan-repo';
import type { PlanDocument } from '../../electron/shared/doc-model';
import { freshDataDir, startHostProcess } from '../e2e/fixtures';
import { floorPage } from './floor-page';
import { generatePlan, type GeneratedPlan } from './generate-plan';
import { median, percentile, round, type Figures } from './report';

const REPO = path.resolve(import.meta.dirname, '..', '..');
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const SIZES = [
  { chars: 25_000, label: '25k' },
  { chars: 100_000, label: '100k' },
];
const OPEN_RUNS = 3;
// Keystroke series per page (62 keys each), each followed by one measured undo. The p95 of 372 keys (6 series) put two
// pages of one build up to 6 % apart; at 868 keys (14 series) they stayed within 2 %. BENCH_SERIES overrides it.
const SERIES = Number(process.env.BENCH_SERIES ?? 14);
const SELECT_ALL_RUNS = 5;
const SAVE_RUNS = 7; // a major GC lands in some saves: the median of more of them is steadier
/** 62 characters typed one at a time, as an input method commits them. */
export const TYPED = '各单位应当加强值班值守及时报送突发事件信息确保应急处置工作有序高效开展做好人员转移安置和物资保障工作切实维护人民群众生命安全';

export interface OpenWatch {
  selector: string;
  count: number;
  text: string;
  /** The first screen: the scroll box, and what must be under its top and bottom edge (an editable root). */
  screen?: { box: string; editable: string };
}

declare global {
  interface Window {
    __bench?: {
      open: number;
      /** When the first screen was painted and editable (0 until then). */
      screen: number;
      /** Every probe's [start, duration], in performance.now() time. */
      log: [number, number][];
      pending: Promise<number> | null;
      armed: boolean;
      saved: Promise<void> | null;
      attach(el: Element): void;
      /** Restarts the open watch from the next click: `open` and `screen` then count from that click. */
      watchFromClick(): void;
    };
  }
}

/**
 * Installed before any page script. Watches for the document to be complete (every editable present,
 * the last one holding the document's last text, laid out), then notes the time after the next frame.
 * Also the input/keydown probes that the measurements arm.
 */
export function instrument({ selector, count, text, screen }: OpenWatch): void {
  const afterFrame = (t0: number) =>
    new Promise<number>((res) =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          B.log.push([t0, performance.now() - t0]);
          res(performance.now() - t0);
        }, 0),
      ),
    );
  const attached = new WeakSet<Element>();
  const B: NonNullable<Window['__bench']> = {
    open: 0,
    screen: 0,
    log: [],
    pending: null,
    armed: false,
    saved: null,
    watchFromClick: () => undefined,
    // Capture phase on the editable root itself: Lexical stops input events from propagating further.
    attach(el) {
      if (attached.has(el)) return;
      attached.add(el);
      el.addEventListener(
        'beforeinput',
        () => {
          if (!B.pending) B.pending = afterFrame(performance.now());
        },
        true,
      );
    },
  };
  window.__bench = B;
  window.addEventListener(
    'keydown',
    (e) => {
      // A shortcut arrives as Control, then the key: time from the key that acts.
      if (!B.armed || ['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return;
      B.armed = false;
      B.pending = afterFrame(performance.now());
    },
    true,
  );
  /** Editable text under the scroll box's top and bottom edge: what the user sees can be typed into. */
  const screenReady = () => {
    if (!screen) return true;
    const box = document.querySelector(screen.box)?.getBoundingClientRect();
    if (!box || box.height < 100) return false;
    const x = box.left + box.width / 2;
    const y2 = Math.min(box.bottom, window.innerHeight) - 12;
    return [box.top + 120, y2].every((y) => {
      const hit = document.elementFromPoint(x, y)?.closest(screen.editable);
      return !!hit && (hit as HTMLElement).isContentEditable && (hit.textContent?.length ?? 0) > 0;
    });
  };
  // Times count from t0: the navigation (0), or the click that opens the plan inside the running app.
  let t0 = 0;
  let watching = true;
  const poll = () => {
    if (!B.screen && screenReady()) {
      const t = performance.now() - t0;
      setTimeout(() => (B.screen = B.screen || t), 0);
    }
    const els = document.querySelectorAll(selector);
    const last = els[els.length - 1];
    if (els.length >= count && last && last.textContent?.includes(text) && last.getBoundingClientRect().height > 0) {
      // This callback runs in the frame that paints the complete document: the task after it follows the paint.
      setTimeout(() => {
        B.open = performance.now() - t0;
        B.screen ||= B.open;
      }, 0);
      watching = false;
      return;
    }
    requestAnimationFrame(poll);
  };
  B.watchFromClick = () => {
    B.open = 0;
    B.screen = 0;
    document.addEventListener(
      'click',
      () => {
        t0 = performance.now();
        if (!watching) {
          watching = true;
          requestAnimationFrame(poll);
        }
      },
      { capture: true, once: true },
    );
  };
  requestAnimationFrame(poll);
}

/** The time the last armed probe measured. */
export async function take(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const B = window.__bench!;
    for (let i = 0; !B.pending && i < 400; i++) await new Promise((r) => setTimeout(r, 5));
    if (!B.pending) throw new Error('no input reached the probe');
    const ms = await B.pending;
    B.pending = null;
    return ms;
  });
}

/** Puts the caret at the end of the paragraph that starts with `start`, scrolled to the middle of the view. */
export async function caretAtEnd(page: Page, start: string): Promise<void> {
  await page.evaluate((start) => {
    const found = [...document.querySelectorAll('p')].filter((x) => x.textContent?.startsWith(start));
    if (found.length !== 1) throw new Error(`${found.length} paragraphs start with the target text`);
    const p = found[0]!;
    const root = p.closest('[contenteditable="true"]') as HTMLElement;
    window.__bench!.attach(root);
    p.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    while (walker.nextNode()) last = walker.currentNode as Text;
    root.focus({ preventScroll: true });
    window.getSelection()!.setBaseAndExtent(last!, last!.length, last!, last!.length);
  }, start);
  // Let the editor pick up the DOM selection (selectionchange) before input arrives.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30)))));
}

function paragraphText(page: Page, start: string): Promise<string> {
  return page.evaluate((start) => [...document.querySelectorAll('p')].find((x) => x.textContent?.startsWith(start))?.textContent ?? '', start);
}

export interface Interaction {
  keys: number[];
  undo: number[];
  selectAll: number[];
}

/** One keystroke series at the end of the target paragraph, then a measured Ctrl+Z. */
async function typeSeries(page: Page, target: string, out: Interaction): Promise<void> {
  await caretAtEnd(page, target);
  const before = await paragraphText(page, target);
  for (const ch of TYPED) {
    await page.keyboard.insertText(ch);
    out.keys.push(await take(page));
  }
  const typed = await paragraphText(page, target);
  if (typed !== before + TYPED) throw new Error(`typing did not land at the end of the paragraph:\n${typed.slice(-80)}`);
  await page.evaluate(() => (window.__bench!.armed = true));
  await page.keyboard.press('Control+z');
  out.undo.push(await take(page));
  if ((await paragraphText(page, target)) === typed) throw new Error('Ctrl+Z changed nothing');
}

async function selectAllRuns(page: Page, target: string, out: Interaction): Promise<void> {
  for (let i = 0; i < SELECT_ALL_RUNS; i++) {
    await caretAtEnd(page, target);
    await page.evaluate(() => (window.__bench!.armed = true));
    await page.keyboard.press('Control+a');
    out.selectAll.push(await take(page));
    const selected = await page.evaluate(() => window.getSelection()!.toString().length);
    if (selected < 1000) throw new Error(`Ctrl+A selected only ${selected} characters`);
  }
  await caretAtEnd(page, target);
}

/**
 * Keystroke series (each followed by a measured Ctrl+Z), then Ctrl+A runs, on each open page. With several
 * pages (the editor and the floor) the series alternate between them, so that a change in the machine's load
 * during the run falls on both alike: the ratio compares the two under the same conditions.
 */
export async function interactAlternately(pages: Page[], target: string): Promise<Interaction[]> {
  const out = pages.map((): Interaction => ({ keys: [], undo: [], selectAll: [] }));
  for (let s = 0; s < SERIES; s++) for (const [i, page] of pages.entries()) await typeSeries(page, target, out[i]!);
  for (const [i, page] of pages.entries()) await selectAllRuns(page, target, out[i]!);
  return out;
}

export async function interact(page: Page, target: string): Promise<Interaction> {
  return (await interactAlternately([page], target))[0]!;
}

interface SaveCost {
  busy: number;
  longest: number;
}

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { type?: string; functionName?: string; url?: string } };
}

/**
 * Main-thread cost of one save of the edited chapter, read from a Chromium trace rather than from inside
 * the app: type one character (the chapter becomes dirty), then press Ctrl+S (the app then runs at once the
 * same saveNow its one-second autosave timer runs) and trace until the save state reads "saved" and that
 * is painted. Every top-level task (RunTask) the page's main thread ran from the Ctrl+S keydown on is
 * counted: collecting the chapter's state, serialising the request, handling the reply, the re-renders the
 * save-state changes cause, and the frames painted meanwhile. `busy` is their sum (the figure with the
 * target), `longest` the largest single task, i.e. how long a keystroke can be held up behind a save.
 * This is cleaner than a requestAnimationFrame gap sampler: no frame-alignment blur, no "minus 16.7 ms",
 * and it sees work that finishes between two frames. It does not see the host's own time for the save.
 */
async function saveCost(browser: Browser, page: Page, target: string): Promise<SaveCost> {
  await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 15_000 });
  await caretAtEnd(page, target);
  await page.keyboard.insertText('。');
  await take(page);
  await page.getByTestId('save-state').and(page.locator('[data-state="dirty"]')).waitFor();
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.evaluate(() => {
    window.__bench!.saved = new Promise<void>((res) => {
      const mo = new MutationObserver(() => {
        if (document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state') !== 'saved') return;
        mo.disconnect();
        requestAnimationFrame(() => setTimeout(res, 0));
      });
      mo.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
    });
  });
  await page.keyboard.press('Control+s');
  await page.evaluate(() => window.__bench!.saved);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const events = trace.traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const keydown = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown' && mains.has(`${e.pid}:${e.tid}`));
  if (!keydown) throw new Error('no keydown in the trace');
  const main = `${keydown.pid}:${keydown.tid}`;
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && `${e.pid}:${e.tid}` === main && e.ts + (e.dur ?? 0) >= keydown.ts);
  const durs = tasks.map((e) => (e.dur ?? 0) / 1000);
  if (process.env.BENCH_VERBOSE) console.error(`  save: ${tasks.length} tasks; ≥ 4 ms at +ms: ${tasks.filter((e) => e.dur! >= 4000).map((e) => `${Math.round((e.ts - keydown.ts) / 1000)}:${round(e.dur! / 1000)}`).join(' ')}`);
  return { busy: durs.reduce((a, b) => a + b, 0), longest: Math.max(0, ...durs) };
}

/**
 * Memory allocated per keystroke (KB), collected or not: what the editor leaves for the garbage collector, whose
 * young-generation pauses (several ms on this machine) then land on keystrokes. Chromium's sampling heap profiler,
 * counting objects already collected, over one series typed at the target paragraph.
 */
async function garbagePerKey(page: Page, target: string): Promise<number> {
  await caretAtEnd(page, target);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (const ch of TYPED) {
    await page.keyboard.insertText(ch);
    await take(page);
  }
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  await cdp.detach();
  type SamplingNode = { selfSize: number; children: SamplingNode[] };
  const total = (n: SamplingNode): number => n.selfSize + n.children.reduce((a, c) => a + total(c), 0);
  return total(profile.head as SamplingNode) / TYPED.length / 1024;
}

/** Writes the plan with the core, as the app would have stored it, into a fresh data folder. */
export async function writePlan(dataDir: string, id: string, doc: PlanDocument, label: string): Promise<void> {
  const core = await createCore({ dataDir, templatesDir: path.join(REPO, 'templates'), shell: 'browser', version: 'bench' });
  try {
    insertPlan(core.context.store.get(), { id, code: `BENCH-${label}`, title: `基准测试预案（${label}）`, hazard: '综合', category: '综合应急预案', leadUnit: '区应急管理局', templateId: null, templateRevision: null, doc }, new Date());
  } finally {
    core.close();
  }
}

export async function openPage(browser: Browser, url: string, watch: OpenWatch): Promise<{ page: Page; ms: number; screen: number }> {
  const page = await browser.newPage();
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name(): give pages a no-op one.
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page.addInitScript(instrument, watch);
  await page.goto(url);
  await page.waitForFunction(() => (window.__bench?.open ?? 0) > 0, null, { timeout: 60_000, polling: 50 });
  const ms = await page.evaluate(() => window.__bench!.open);
  const screen = await page.evaluate(() => window.__bench!.screen);
  if (process.env.BENCH_VERBOSE) {
    const marks = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => `${r.name.replace(location.origin, '')} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)}`).join(', '),
    );
    console.error(`  open ${url.slice(0, 60)}: painted ${Math.round(ms)} ms; ${marks}`);
  }
  return { page, ms, screen };
}

/** Opens OPEN_RUNS times (fresh context each), keeps the last page open for the interactions. */
export async function openRuns(browser: Browser, url: string, watch: OpenWatch): Promise<{ page: Page; open: number[]; screen: number[] }> {
  const open: number[] = [];
  const screen: number[] = [];
  for (let i = 0; ; i++) {
    const r = await openPage(browser, url, watch);
    open.push(r.ms);
    screen.push(r.screen);
    if (i === OPEN_RUNS - 1) return { page: r.page, open, screen };
    await r.page.context().close();
  }
}

/**
 * Opens the plan from the library inside the running app, `runs` times: back to 预案库, let it settle, click the
 * plan's name, and time from that click to the first screen editable (`screen`) and to every chapter mounted (`open`).
 * This is what opening a plan costs a planner once the app is running; openRuns adds the app's own start.
 */
export async function openInApp(page: Page, title: string, runs = OPEN_RUNS): Promise<{ open: number[]; screen: number[] }> {
  const open: number[] = [];
  const screen: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => (window.location.hash = '#/plans'));
    const link = page.getByText(title, { exact: true });
    await link.waitFor();
    await page.waitForTimeout(1000);
    await page.evaluate(() => window.__bench!.watchFromClick());
    await link.click();
    await page.waitForFunction(() => (window.__bench?.open ?? 0) > 0, null, { timeout: 60_000, polling: 50 });
    const r = await page.evaluate(() => ({ open: window.__bench!.open, screen: window.__bench!.screen }));
    open.push(r.open);
    screen.push(r.screen);
  }
  return { open, screen };
}

export function serveOnce(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((done) => server.close(() => done())) })),
  );
}

async function benchSize(browser: Browser, size: (typeof SIZES)[number], plan: GeneratedPlan): Promise<Figures> {
  const { label } = size;
  const id = `p-bench-${label}`;
  const chapters = plan.doc.sections.filter((s) => s.level === 1).length;
  const target = plan.middle.text;
  const dataDir = freshDataDir();
  await writePlan(dataDir, id, plan.doc, label);
  const host = await startHostProcess(dataDir);
  let ed: { open: number[]; screen: number[]; cold: { open: number[]; screen: number[] } } & Interaction & { saves: SaveCost[]; garbage: number };
  let fl: { open: number[]; screen: number[] } & Interaction;
  let server: Awaited<ReturnType<typeof serveOnce>> | null = null;
  try {
    const cold = await openRuns(browser, `${host.url}/#/plans/${id}`, { selector: '.chapter-editable', count: chapters, text: plan.lastText, screen: { box: '.plan-scroll', editable: '.chapter-editable' } });
    const { page } = cold;
    const { open, screen } = await openInApp(page, `基准测试预案（${label}）`);
    // The floor gets the editor's text column and scroll box, so both lay out and paint the same amount.
    const layout = await page.evaluate(() => ({
      textWidth: document.querySelector('.chapter-editable')!.getBoundingClientRect().width,
      scrollHeight: document.querySelector('.plan-scroll')!.getBoundingClientRect().height,
    }));
    server = await serveOnce(floorPage(plan.doc, { repo: REPO, ...layout }));
    const floor = await openRuns(browser, server.url, { selector: '[data-testid="floor"]', count: 1, text: plan.lastText, screen: { box: '.floor-scroll', editable: '[data-testid="floor"]' } });
    const [edInter, flInter] = await interactAlternately([page, floor.page], target);
    await floor.page.context().close();
    const saves: SaveCost[] = [];
    for (let i = 0; i < SAVE_RUNS; i++) saves.push(await saveCost(browser, page, target));
    const garbage = await garbagePerKey(page, target);
    ed = { open, screen, cold, ...edInter!, saves, garbage };
    fl = { open: floor.open, screen: floor.screen, ...flInter! };
    await page.context().close();
  } finally {
    await server?.close();
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const p95 = percentile(ed.keys, 95);
  const floorP95 = percentile(fl.keys, 95);
  if (process.env.BENCH_VERBOSE) {
    const top = (xs: number[]) => [...xs].sort((a, b) => b - a).slice(0, 20).map(round).join(' ');
    console.error(`[editor ${label}] slowest keys: ${top(ed.keys)}\n[floor ${label}] slowest keys: ${top(fl.keys)}`);
  }
  console.error(
    `[editor ${label}] in the app: first screen ${ed.screen.map(round).join('/')} · whole ${ed.open.map(round).join('/')} · from navigation: ${ed.cold.screen.map(round).join('/')} · whole ${ed.cold.open.map(round).join('/')} · floor ${fl.screen.map(round).join('/')} / ${fl.open.map(round).join('/')} · keys ${ed.keys.length} (max ${round(Math.max(...ed.keys))}, floor max ${round(Math.max(...fl.keys))})` +
      ` · undo ${ed.undo.map(round).join('/')} · floor undo ${fl.undo.map(round).join('/')} · select-all ${ed.selectAll.map(round).join('/')} · floor ${fl.selectAll.map(round).join('/')}` +
      ` · save busy ${ed.saves.map((s) => round(s.busy)).join('/')} longest ${ed.saves.map((s) => round(s.longest)).join('/')}`,
  );
  return {
    // Open: clicking the plan in 预案库 to its first screen painted and editable, as editor-performance.md times an
    // editor (its data loaded, its editors mounted, painted); far chapters mount later (see late-chapters.tsx).
    // open.whole: to every chapter's editor mounted and the last one painted. open.cold: the same from navigating
    // to the plan's address, the app's own start included (the floor's page has nothing to start).
    [`editor.open.${label}`]: { value: median(ed.screen), unit: 'ms', target: 1000 },
    [`floor.open.${label}`]: { value: median(fl.screen), unit: 'ms' },
    [`editor.open.whole.${label}`]: { value: median(ed.open), unit: 'ms' },
    [`floor.open.whole.${label}`]: { value: median(fl.open), unit: 'ms' },
    [`editor.open.cold.${label}`]: { value: median(ed.cold.screen), unit: 'ms' },
    [`editor.open.cold.whole.${label}`]: { value: median(ed.cold.open), unit: 'ms' },
    [`editor.keystroke.p50.${label}`]: { value: percentile(ed.keys, 50), unit: 'ms' },
    [`floor.keystroke.p50.${label}`]: { value: percentile(fl.keys, 50), unit: 'ms' },
    [`editor.keystroke.p95.${label}`]: { value: p95, unit: 'ms', target: round(floorP95) },
    [`floor.keystroke.p95.${label}`]: { value: floorP95, unit: 'ms' },
    [`editor.keystroke.ratio.${label}`]: { value: p95 / floorP95, unit: 'x', target: 1.0 },
    [`editor.keystroke.garbage.${label}`]: { value: ed.garbage, unit: 'KB' },
    [`editor.undo.${label}`]: { value: median(ed.undo), unit: 'ms', target: 100 },
    [`floor.undo.${label}`]: { value: median(fl.undo), unit: 'ms' },
    [`editor.select-all.${label}`]: { value: median(ed.selectAll), unit: 'ms', target: 100 },
    [`floor.select-all.${label}`]: { value: median(fl.selectAll), unit: 'ms' },
    [`editor.autosave.${label}`]: { value: median(ed.saves.map((s) => s.busy)), unit: 'ms', target: 20 },
    [`editor.autosave.longest-task.${label}`]: { value: median(ed.saves.map((s) => s.longest)), unit: 'ms' },
  };
}

/** Share of all cores' time spent busy over the next `ms` milliseconds. */
async function cpuBusy(ms: number): Promise<number> {
  const sample = () => os.cpus().reduce((a, c) => ({ idle: a.idle + c.times.idle, total: a.total + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle }), { idle: 0, total: 0 });
  const a = sample();
  await new Promise((r) => setTimeout(r, ms));
  const b = sample();
  return b.total === a.total ? 0 : 1 - (b.idle - a.idle) / (b.total - a.total);
}

export async function benchEditor(): Promise<Figures> {
  // Times here are only comparable within one run on a quiet machine: say so when something else is busy.
  const busy = await cpuBusy(1000);
  if (busy > 0.3) console.error(`[editor] note: the CPUs were ${Math.round(busy * 100)} % busy before the bench started: another process is running, figures will be noisy`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const figures: Figures = {};
  try {
    for (const size of SIZES) Object.assign(figures, await benchSize(browser, size, generatePlan({ chars: size.chars })));
  } finally {
    await browser.close();
  }
  return figures;
}
