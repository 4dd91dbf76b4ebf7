// Needs LibreOffice (soffice) and poppler-utils (pdfinfo, pdftotext): every exported document type rendered to PDF in
// one LibreOffice run. A4 pages (landscape where the document turns), a sensible page count, titles on lines that fit,
// headings in the text; the 22 × 28 grid of body pages; the notice's 版记 on the foot of its last page. It fails,
// never skips, when the tools are missing: CI installs them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportImprovementListDocx } from '../../electron/core/export/improvement-docx';
import { exportNoticeDocx } from '../../electron/core/export/notice-docx';
import { titleLines } from '../../electron/core/export/official-parts-docx';
import { exportPlanDocx } from '../../electron/core/export/plan-docx';
import { exportProgrammeDocx } from '../../electron/core/export/programme-docx';
import { exportEvaluationReportDocx, reportTitle } from '../../electron/core/export/report-docx';
import { exportRevisionTableDocx } from '../../electron/core/export/revision-table-docx';
import { exportScriptDocx } from '../../electron/core/export/script-docx';
import { exportWorkPlanDocx, workPlanTitle } from '../../electron/core/export/workplan-docx';
import { REPORT_OPTIONS, improvementListInput, noticeInput, planInput, programmeInput, revisionTableInput, scriptInput, workPlanInput } from '../fixtures/document-inputs';
import { forestFireEvaluation } from '../fixtures/forest-fire-drill';

const TIMEOUT = 60_000;
/** One LibreOffice start renders every document: on two shared cores the start is most of the time. */
const RENDER_TIMEOUT = 180_000;

function run(cmd: string, args: string[], installHint: string, timeout = TIMEOUT): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
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
  yMax: number;
  text: string;
}

/** Text lines with their positions (points from the page's top left), from `pdftotext -bbox-layout`. */
function pdfLines(pdf: string): PdfLine[] {
  const html = pdftotext(['-bbox-layout', pdf, '-']);
  const lines: PdfLine[] = [];
  [...html.matchAll(/<page [\s\S]*?<\/page>/g)].forEach((page, i) => {
    for (const m of page[0].matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const text = [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
      lines.push({ page: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text });
    }
  });
  return lines;
}

/** Each page's orientation as one letter, P or L: 'PLLLP' is a portrait page, three landscape, a portrait. */
function orientations(pdf: string): string {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(pdfinfo([pdf]))?.[1]);
  const sizes = [...pdfinfo(['-f', '1', '-l', String(pages), pdf]).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
  expect(sizes).toHaveLength(pages);
  return sizes
    .map(([, w, h]) => {
      const [width, height] = [Number(w), Number(h)];
      if (Math.abs(width - 595) <= 1 && Math.abs(height - 842) <= 1) return 'P';
      if (Math.abs(width - 842) <= 1 && Math.abs(height - 595) <= 1) return 'L';
      return '?'; // not A4
    })
    .join('');
}

const mode = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};
/** Characters in a line as the grid counts them: full-width one, digits and Latin half. */
const ems = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 1 : 0.5), 0);
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The 版心's bottom edge on a portrait page: 35 mm above the paper's, in points from the top. */
const TYPE_AREA_BOTTOM = 841.89 - (35 / 25.4) * 72;
/** One line of the 22-line grid, in points. */
const LINE_PT = 28.95;

interface DocumentCase {
  name: string;
  title: string;
  build: () => Promise<Buffer>;
  /** Page orientations, one letter a page. */
  pages: RegExp;
  /** Fewest and most pages a sensible rendering takes. */
  count: [number, number];
  /** Headings and other text that must be in the PDF (whitespace ignored). */
  text: string[];
}

const evaluation = forestFireEvaluation();
const LONG_NOTE = `依据市级预案2024年修订：${Array.from({ length: 55 }, (_, i) => `第${i + 1}条采用上位文本`).join('；')}。`;
const DOCUMENTS: DocumentCase[] = [
  {
    name: 'plan',
    title: planInput().title,
    build: () => exportPlanDocx(planInput()),
    pages: /^P+$/,
    count: [12, 40],
    text: ['修订记录', '目录', '一、总则', '（一）编制目的', '二、组织指挥体系及职责', '五、应急响应', '（二）分级响应', '1.Ⅳ级响应', '（1）启动条件', '九、附则', '附件1', '附件3', '2025年1月8日', '—1—', '—10—'],
  },
  {
    // A merge's revision note lists what it took and can run longer than the page left under 修订记录.
    name: 'plan-long-revision-note',
    title: planInput().title,
    build: () => exportPlanDocx({ ...planInput(), revisionRecord: [{ no: 1, date: '2025-01-08', note: LONG_NOTE }, { no: 2, date: '2025-03-01', note: '发布' }] }),
    pages: /^P+$/,
    count: [12, 42],
    text: ['修订记录', '序号', '修订说明', '发布'],
  },
  {
    name: 'programme',
    title: '2025年度应急演练计划',
    build: () => exportProgrammeDocx(programmeInput()),
    pages: /^L+$/,
    count: [1, 3],
    text: ['序号', '演练名称', '检验预案', '小店区防汛抢险桌面推演', '《小店区防汛应急预案》', '2025年1月8日', '—1—'],
  },
  {
    name: 'workplan',
    title: workPlanTitle(workPlanInput().drill.name),
    build: () => exportWorkPlanDocx(workPlanInput()),
    pages: /^P+$/,
    count: [6, 14],
    text: ['一、演练目的', '三、组织机构及职责', '（一）演练领导小组', '六、演练科目及内容', '（一）预警（9:00—9:06）', '七、准备工作与进度安排', '完成时限', '八、保障措施', '九、评估与总结', '附件：演练人员名单', '演练人员名单', '2025年3月1日'],
  },
  {
    name: 'script',
    title: `${scriptInput().drill.name}脚本`,
    build: () => exportScriptDocx(scriptInput()),
    // Facts on a portrait page, the inject table on landscape pages, the roster on a portrait page again.
    pages: /^PL+P$/,
    count: [5, 30],
    text: ['演练时间：2025年4月8日9:00—11:30', '演练进程与情景', '实际：9:00:40', '实际：未发送', '参演人员', '张建国'],
  },
  {
    name: 'evaluation-report',
    title: reportTitle(evaluation.drill.name, '评估报告'),
    build: () => exportEvaluationReportDocx(evaluation, REPORT_OPTIONS.evaluation),
    pages: /^P+$/,
    count: [3, 8],
    text: ['一、演练基本情况', '二、评估过程', '三、情况分析', '（三）评估得分', '表1评估得分', '表2情景执行时间', '四、改进意见建议', '五、评估结论', '2025年4月18日'],
  },
  {
    name: 'summary-report',
    title: reportTitle(evaluation.drill.name, '总结报告'),
    build: () => exportEvaluationReportDocx(evaluation, REPORT_OPTIONS.summary),
    pages: /^P+$/,
    count: [1, 4],
    text: ['一、演练概况', '二、预案概述', '三、发现的问题及原因', '四、经验教训', '五、改进建议', '2025年4月25日'],
  },
  {
    name: 'improvement-list',
    title: improvementListInput().title,
    build: () => exportImprovementListDocx(improvementListInput()),
    pages: /^L+$/,
    count: [1, 2],
    text: ['问题编号', '整改措施', '预案未明确孙家寨乡扑火队伍集结地点', '配备卫星便携站', '整改中', '2025年4月15日'],
  },
  {
    name: 'revision-table',
    title: `${revisionTableInput().planTitle}修订对照表`,
    build: () => exportRevisionTableDocx(revisionTableInput()),
    pages: /^P+$/,
    count: [1, 6],
    text: ['（2022版与2025版（送审稿）对照）', '原文', '修订后', '修订理由', '（新增）', '（删除）'],
  },
  {
    name: 'notice',
    title: noticeInput().title,
    build: () => exportNoticeDocx(noticeInput()),
    pages: /^P+$/,
    count: [1, 3],
    text: ['太原市小店区应急管理局文件', '小应急发〔2025〕3号', '各乡（街道）人民政府，区直有关单位：', '附件：1.', '2025年1月8日', '抄送：', '印发'],
  },
  {
    // Short enough for one page: the 版记 must still go to the foot of the page, not follow the date.
    name: 'notice-one-page',
    title: '关于印发小店区森林火灾应急预案的通知',
    build: () => exportNoticeDocx({ ...noticeInput(), title: '关于印发小店区森林火灾应急预案的通知', body: ['现将《小店区森林火灾应急预案》印发给你们，请认真贯彻执行。'], attachments: [] }),
    pages: /^P$/,
    count: [1, 1],
    text: ['抄送：', '印发'],
  },
  {
    // Long enough that the 署名 lands at the top of a later page: the 版记 goes to that page's foot, not under the date.
    name: 'notice-long',
    title: noticeInput().title,
    build: () => exportNoticeDocx({ ...noticeInput(), body: Array.from({ length: 8 }, (_, i) => `${i + 1}.请各单位结合实际认真抓好问题整改，明确责任人和完成时限，整改情况按时报送区应急管理局，确保各项措施落到实处。`) }),
    pages: /^P+$/,
    count: [2, 4],
    text: ['抄送：', '印发'],
  },
];

describe('export-pdf (needs LibreOffice soffice and poppler-utils): every document type rendered by LibreOffice', () => {
  // Not tempDir(): that folder goes after each test, and every test here reads the PDFs.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-export-pdf-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The PDFs by document name, or why there are none: every test fails with that reason (a failing beforeAll only marks them skipped). */
  let rendered: { pdfs: Record<string, string> } | { error: Error } = { error: new Error('not rendered yet') };
  const pdfOf = (name: string): string => {
    if ('error' in rendered) throw rendered.error;
    const pdf = rendered.pdfs[name];
    if (!pdf) throw new Error(`no PDF for ${name}`);
    return pdf;
  };

  beforeAll(async () => {
    try {
      rendered = { pdfs: await renderAll() };
    } catch (e) {
      rendered = { error: e as Error };
    }
  }, RENDER_TIMEOUT);

  async function renderAll(): Promise<Record<string, string>> {
    const files = [];
    for (const d of DOCUMENTS) {
      const docx = path.join(dir, `${d.name}.docx`);
      fs.writeFileSync(docx, await d.build());
      files.push(docx);
    }
    // A profile of its own, so a LibreOffice the developer has open does not take the conversion over.
    const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], 'apt-get install -y libreoffice-writer-nogui', RENDER_TIMEOUT);
    const pdfs = Object.fromEntries(DOCUMENTS.map((d) => [d.name, path.join(dir, `${d.name}.pdf`)]));
    for (const pdf of Object.values(pdfs)) if (!fs.existsSync(pdf)) throw new Error(`soffice wrote no ${path.basename(pdf)} in ${dir}`);
    return pdfs;
  }

  describe.each(DOCUMENTS)('$name', (d) => {
    it('is A4 on every page, landscape where the document turns, and a sensible number of pages', () => {
      const pages = orientations(pdfOf(d.name));
      expect(pages).toMatch(d.pages);
      expect(pages.length).toBeGreaterThanOrEqual(d.count[0]);
      expect(pages.length).toBeLessThanOrEqual(d.count[1]);
    });

    it('sets the title on its own lines as titleLines breaks it, no character left alone', () => {
      const lines = pdfLines(pdfOf(d.name)).filter((l) => l.page === 1);
      const expected = titleLines(d.title);
      const at = lines.findIndex((l) => squeeze(l.text) === expected[0]);
      expect(at, `${expected[0]} in ${lines.map((l) => l.text).join(' / ')}`).toBeGreaterThanOrEqual(0);
      expect(lines.slice(at, at + expected.length).map((l) => squeeze(l.text))).toEqual(expected);
    });

    it('shows its headings and key text', () => {
      const all = squeeze(pdftotext([pdfOf(d.name), '-']));
      for (const t of d.text) expect(all, t).toContain(squeeze(t));
    });
  });

  it('repeats the script table header on every landscape page', () => {
    const pdf = pdfOf('script');
    const landscape = [...orientations(pdf)].flatMap((o, i) => (o === 'L' ? [i + 1] : []));
    expect(landscape.length).toBeGreaterThan(1);
    for (const page of landscape) {
      const text = squeeze(pdftotext(['-f', String(page), '-l', String(page), pdf, '-']));
      for (const header of ['序号', '情景信息', '预期行动', '解说词']) expect(text, `page ${page}: ${header}`).toContain(header);
    }
  });

  it.each(['plan', 'workplan'])('sets the text pages of the %s on the 22-line grid, 28 characters a full line', (name) => {
    // Inside the 版心 (its top 37 mm = 105 pt down, its bottom 35 mm = 99 pt up from 842), not the header or footer.
    const body = pdfLines(pdfOf(name)).filter((l) => l.yMin > 100 && l.yMin < 745);
    // Table rows keep off the grid by design; a table's cells start a padding in from the margin.
    const tablePages = new Set(body.filter((l) => l.xMin > 82 && l.xMin < 100).map((l) => l.page));
    // Body lines start at the left margin (28 mm = 79 pt) or two characters in.
    const text = body.filter((l) => !tablePages.has(l.page) && (l.xMin < 82 || Math.abs(l.xMin - 111) < 2));
    const pages = new Set(text.map((l) => l.page));
    expect(pages.size).toBeGreaterThan(3);
    const top = mode([...pages].map((p) => Math.min(...text.filter((l) => l.page === p).map((l) => l.yMin))))!;
    const slots = text.map((l) => (l.yMin - top) / LINE_PT);
    for (const [i, slot] of slots.entries()) expect(Math.abs(slot - Math.round(slot)), `${text[i]!.text} on page ${text[i]!.page}`).toBeLessThan(0.03);
    // Twenty-two lines a page, and some page uses them all.
    expect(Math.max(...slots.map(Math.round))).toBe(21);
    expect(Math.min(...slots.map(Math.round))).toBe(0);
    // A full line runs from the left margin to the right one (26 mm = 74 pt in from 595).
    const full = text.filter((l) => l.xMin < 85 && l.xMax > 515).map((l) => ems(l.text));
    expect(full.length).toBeGreaterThan(20);
    expect(mode(full)).toBe(28);
  });

  it('sets the plan\'s bulleted items as body paragraphs, two characters in with no mark, and keeps the numbered lists\' numbers', () => {
    const lines = pdfLines(pdfOf('plan'));
    // 编制依据 is a bulleted list of laws in the template; each is one short line.
    for (const law of ['《中华人民共和国森林法》（2019年修订）', '《森林防火条例》（国务院令第541号）', '《国家森林草原火灾应急预案》']) {
      const line = lines.find((l) => squeeze(l.text) === law);
      expect(line, law).toBeDefined();
      expect(Math.abs(line!.xMin - 111), `${law} starts at ${line!.xMin}`).toBeLessThan(2); // as a body paragraph: 79 pt margin + two characters
    }
    expect(lines.filter((l) => /^[•●○■◆▪]/.test(l.text.trim())).map((l) => l.text)).toEqual([]);
    // The 处置流程 steps are a numbered list: the numbers print in front, two characters in.
    const step = lines.find((l) => squeeze(l.text).startsWith('1.发现火情'));
    expect(step, lines.map((l) => l.text).join(' / ').slice(0, 2000)).toBeDefined();
    expect(Math.abs(step!.xMin - 111)).toBeLessThan(2);
    expect(lines.some((l) => squeeze(l.text).startsWith('2.核查报告'))).toBe(true);
  });

  it('starts the 修订记录 table on the page of its label, a long note running on to the next page', () => {
    const lines = pdfLines(pdfOf('plan-long-revision-note'));
    const label = lines.find((l) => squeeze(l.text) === '修订记录')!;
    const header = lines.find((l) => squeeze(l.text).includes('修订说明'))!;
    expect(header.page).toBe(label.page);
    expect(lines.filter((l) => l.page === label.page).map((l) => squeeze(l.text)).join('')).toContain('第1条采用上位文本');
    expect(lines.filter((l) => l.page === label.page + 1).map((l) => squeeze(l.text)).join('')).toContain('第55条采用上位文本');
  });

  it.each(['notice', 'notice-one-page', 'notice-long'])('puts the 版记 of the %s on the foot of the 版心 of its last page, below the 署名 and 成文日期', (name) => {
    const pdf = pdfOf(name);
    const lines = pdfLines(pdf);
    const last = Math.max(...lines.map((l) => l.page));
    const printed = lines.find((l) => l.text.endsWith('印发'))!;
    const copy = lines.find((l) => l.text.startsWith('抄送：'))!;
    expect([printed.page, copy.page]).toEqual([last, last]);
    // The 印发 line sits in the last grid line of the 版心: the rule under it is the 版心's bottom edge.
    expect(printed.yMax).toBeLessThanOrEqual(TYPE_AREA_BOTTOM + 1);
    expect(printed.yMax).toBeGreaterThan(TYPE_AREA_BOTTOM - LINE_PT);
    expect(copy.yMax).toBeLessThanOrEqual(printed.yMin);
    expect(printed.yMin - copy.yMin).toBeLessThan(2 * LINE_PT);
    const date = lines.filter((l) => squeeze(l.text) === '2025年1月8日').at(-1)!;
    expect(date.page === last ? date.yMax < copy.yMin : date.page < last).toBe(true);
  });
});
