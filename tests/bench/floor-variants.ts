// What the browser alone costs for three page designs holding the same generated plan, measured the way
// the editor bench measures (open, keystroke p50/p95, undo, select-all): one contenteditable for the whole
// plan (the floor), one per chapter (the app's shape without Lexical and React), and one per chapter with
// `content-visibility: auto`. A tool for design decisions; nothing is written to bench.json.
//
//   node --import tsx tests/bench/floor-variants.ts [25k|100k]
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ARGS, interact, openRuns, serveOnce } from './editor';
import { floorPage, type FloorLayout } from './floor-page';
import { generatePlan } from './generate-plan';
import { median, percentile, round } from './report';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const label = process.argv[2] ?? '100k';
const plan = generatePlan({ chars: label === '25k' ? 25_000 : 100_000 });
const chapters = plan.doc.sections.filter((s) => s.level === 1).length;
// The editor's text column and scroll box at the bench's 1280 × 720 viewport.
const layoutBox = { textWidth: 732, scrollHeight: 560 };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  for (const layout of ['one-root', 'root-per-chapter', 'root-per-chapter-cv'] as FloorLayout[]) {
    const server = await serveOnce(floorPage(plan.doc, { repo: REPO, ...layoutBox, layout }));
    try {
      const { page, open } = await openRuns(browser, server.url, { selector: '[contenteditable="true"]', count: layout === 'one-root' ? 1 : chapters, text: plan.lastText });
      const r = await interact(page, plan.middle.text);
      console.log(
        `${label} ${layout.padEnd(20)} open ${String(round(median(open))).padStart(7)} ms · keystroke p50 ${round(percentile(r.keys, 50))} p95 ${round(percentile(r.keys, 95))} ms · undo ${round(median(r.undo))} ms · select-all ${round(median(r.selectAll))} ms`,
      );
      await page.context().close();
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
