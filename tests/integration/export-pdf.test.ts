// Needs LibreOffice (soffice) and poppler-utils (pdfinfo, pdftotext): the exported plan rendered to PDF really is
// A4 with a 22 × 28 grid. It fails, never skips, when they are missing: CI installs them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPlanDocx } from '../../electron/core/export/plan-docx';
import { forestFirePlan } from '../fixtures/forest-fire-plan';

const TIMEOUT = 60_000;

function run(cmd: string, args: string[], installHint: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: TIMEOUT, maxBuffer: 64 * 1024 * 1024 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${cmd} is not installed: this test needs it (${installHint}). It fails rather than skips so CI notices.`);
  }
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr}`);
  return r.stdout;
}

const pdfinfo = (args: string[]) => run('pdfinfo', args, 'apt-get install -y poppler-utils');
const pdftotext = (args: string[]) => run('pdftotext', args, 'apt-get install -y poppler-utils');

interface PdfLine {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  text: string;
}

/** Text lines with their positions, from `pdftotext -bbox-layout`. */
function pdfLines(pdf: string): PdfLine[] {
  const html = pdftotext(['-bbox-layout', pdf, '-']);
  const lines: PdfLine[] = [];
  [...html.matchAll(/<page [\s\S]*?<\/page>/g)].forEach((page, i) => {
    for (const m of page[0].matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)) {
      const text = [...m[4]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
      lines.push({ page: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text });
    }
  });
  return lines;
}

const mode = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};
/** Characters in a line as the grid counts them: full-width one, digits and Latin half. */
const ems = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 1 : 0.5), 0);

describe('export-pdf (needs LibreOffice soffice and poppler-utils): the forest-fire plan rendered by LibreOffice', () => {
  // Not tempDir(): that folder goes after each test, and every test here reads the one PDF.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-export-pdf-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The PDF, or why there is none: every test fails with that reason (a failing beforeAll only marks them skipped). */
  let rendered: { pdf: string } | { error: Error } = { error: new Error('not rendered yet') };
  const renderedPdf = (): string => {
    if ('error' in rendered) throw rendered.error;
    return rendered.pdf;
  };

  beforeAll(async () => {
    try {
      rendered = { pdf: await renderPlan() };
    } catch (e) {
      rendered = { error: e as Error };
    }
  }, TIMEOUT);

  async function renderPlan(): Promise<string> {
    const plan = forestFirePlan('official');
    const docx = path.join(dir, 'plan-forest-fire.docx');
    fs.writeFileSync(docx, await exportPlanDocx({ title: plan.title, doc: plan.doc, status: 'published', issuer: '太原市小店区人民政府', date: '2025-01-08' }));
    // A profile of its own, so a LibreOffice the developer has open does not take the conversion over.
    const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], 'apt-get install -y libreoffice-writer-nogui');
    const pdf = path.join(dir, 'plan-forest-fire.pdf');
    if (!fs.existsSync(pdf)) throw new Error(`soffice wrote no PDF in ${dir}`);
    return pdf;
  }

  it('is A4 portrait on every page, and long enough for the whole plan', () => {
    const pdf = renderedPdf();
    const info = pdfinfo([pdf]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(10);
    const sizes = [...pdfinfo(['-f', '1', '-l', String(pages), pdf]).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
    expect(sizes).toHaveLength(pages);
    for (const [, w, h] of sizes) {
      expect(Math.abs(Number(w) - 595)).toBeLessThanOrEqual(1);
      expect(Math.abs(Number(h) - 842)).toBeLessThanOrEqual(1);
    }
  }, TIMEOUT);

  it('shows the title, the numbered headings, the annex labels, the date and the page numbers', () => {
    const pdf = renderedPdf();
    const all = pdftotext([pdf, '-']).replace(/\s+/g, '');
    for (const t of ['小店区森林火灾应急预案', '一、总则', '（一）编制目的', '二、组织指挥体系及职责', '五、应急响应', '（二）分级响应', '1.Ⅳ级响应', '（1）启动条件', '九、附则', '附件1', '附件3', '2025年1月8日', '—1—', '—10—']) {
      expect(all, t).toContain(t);
    }
  }, TIMEOUT);

  it('sets body pages 22 lines deep and 28 characters wide', () => {
    const pdf = renderedPdf();
    const lines = pdfLines(pdf);
    // Inside the 版心 (its top 37 mm = 105 pt down, its bottom 35 mm = 99 pt up from 842), not the header or footer.
    const body = lines.filter((l) => l.yMin > 100 && l.yMin < 745);
    const perPage = [...new Set(body.map((l) => l.page))].map((p) => body.filter((l) => l.page === p).length);
    expect(mode(perPage)).toBe(22);
    // A full line runs from the left margin (28 mm = 79 pt) to the right one (26 mm = 74 pt in from 595).
    const full = body.filter((l) => l.xMin < 85 && l.xMax > 515).map((l) => ems(l.text));
    expect(full.length).toBeGreaterThan(50);
    expect(mode(full)).toBe(28);
  }, TIMEOUT);
});
