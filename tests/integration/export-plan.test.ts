// The plan exporter writes GB/T 9704 layout into the .docx: checked in the unzipped WordprocessingML.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraph, placeholder, table, text, FORMAT, type PlanDocument } from '../../electron/shared/doc-model';
import { headingNumbers } from '../../electron/shared/numbering';
import { exportPlanDocx, formatChineseDate, type PlanExportInput } from '../../electron/core/export/plan-docx';
import { titleLines } from '../../electron/core/export/official-parts-docx';
import { ems } from '../../electron/core/export/gbt9704-styles';
import { EMPTY_PROFILE, forestFirePlan } from '../fixtures/forest-fire-plan';
import { attr, eastAsiaFont, element, elements, footerFor, paragraphs, style, textOf, unzipDocx, type DocxParts } from '../helpers/docx';

const OUT = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'exports', 'plan-forest-fire.docx');

function input(numbering: 'official' | 'decimal' = 'official', extra: Partial<PlanExportInput> = {}): PlanExportInput {
  const plan = forestFirePlan(numbering);
  return {
    title: plan.title,
    doc: plan.doc,
    status: 'published',
    issuer: '太原市小店区人民政府',
    date: '2025-01-08',
    revisionRecord: [{ version: '2025版', date: '2025-01-08', note: '依据市2024年示范文本修订' }],
    toc: true,
    ...extra,
  };
}

async function exported(i: PlanExportInput): Promise<DocxParts> {
  return unzipDocx(await exportPlanDocx(i));
}

/** The paragraph properties a style sets, as its `<w:pPr>` element. */
const pPr = (parts: DocxParts, id: string) => element(style(parts.styles, id) ?? '', 'w:pPr') ?? '';
const rPr = (parts: DocxParts, id: string) => element(style(parts.styles, id) ?? '', 'w:rPr') ?? '';

describe('exportPlanDocx: the forest-fire plan, official numbering', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    const buffer = await exportPlanDocx(input('official', { status: 'draft' }));
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, buffer); // for people to open and look at
    parts = await unzipDocx(buffer);
  });

  it('lays out every section on A4 with the GB/T 9704 margins and a 22-line grid', () => {
    const sections = elements(parts.document, 'w:sectPr');
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) {
      expect([attr(element(s, 'w:pgSz'), 'w:w'), attr(element(s, 'w:pgSz'), 'w:h')]).toEqual(['11906', '16838']);
      const m = element(s, 'w:pgMar');
      expect([attr(m, 'w:top'), attr(m, 'w:bottom'), attr(m, 'w:left'), attr(m, 'w:right')]).toEqual(['2098', '1984', '1587', '1474']);
      expect(attr(element(s, 'w:docGrid'), 'w:type')).toBe('lines');
      expect(attr(element(s, 'w:docGrid'), 'w:linePitch')).toBe('579');
    }
    const spacing = element(pPr(parts, 'Normal'), 'w:spacing');
    expect([attr(spacing, 'w:line'), attr(spacing, 'w:lineRule')]).toEqual(['579', 'exact']);
    // 28 characters a line: 16 pt glyphs condensed by 0.25 pt; body paragraphs indented two characters.
    expect(attr(element(rPr(parts, 'Normal'), 'w:spacing'), 'w:val')).toBe('-5');
    expect(attr(element(rPr(parts, 'Normal'), 'w:sz'), 'w:val')).toBe('32');
    expect(attr(element(pPr(parts, 'Normal'), 'w:ind'), 'w:firstLineChars')).toBe('200');
  });

  it('names the East-Asian font of the body, heading and title styles, and of the document defaults', () => {
    expect(eastAsiaFont(parts.styles, 'Normal')).toBe('仿宋_GB2312');
    expect(eastAsiaFont(parts.styles, 'Title')).toBe('方正小标宋简体');
    expect(attr(element(rPr(parts, 'Title'), 'w:sz'), 'w:val')).toBe('44');
    expect(eastAsiaFont(parts.styles, 'Heading1')).toBe('黑体');
    expect(eastAsiaFont(parts.styles, 'Heading2')).toBe('楷体_GB2312');
    expect(eastAsiaFont(parts.styles, 'Heading3')).toBe('仿宋_GB2312');
    expect(eastAsiaFont(parts.styles, 'Heading4')).toBe('仿宋_GB2312');
    expect(eastAsiaFont(parts.styles, 'AnnexLabel')).toBe('黑体');
    expect(attr(element(element(parts.styles, 'w:docDefaults') ?? '', 'w:rFonts'), 'w:eastAsia')).toBe('仿宋_GB2312');
    for (const id of ['Normal', 'Title', 'Heading1', 'Heading2']) expect(attr(element(rPr(parts, id), 'w:rFonts'), 'w:ascii')).toBe('Times New Roman');
    // Word's built-in headings are blue and sized; the redefined ones are neither.
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Heading4']) {
      expect(rPr(parts, id)).not.toContain('<w:color');
      expect(attr(element(rPr(parts, id), 'w:sz'), 'w:val')).toBe('32');
    }
  });

  it('zeroes both first-line indents where nothing may be indented', () => {
    for (const id of ['Title', 'AnnexLabel', 'AnnexTitle', 'TableText', 'Footer']) {
      const ind = element(pPr(parts, id), 'w:ind') ?? element(pPr(parts, attr(element(style(parts.styles, id) ?? '', 'w:basedOn'), 'w:val') ?? ''), 'w:ind');
      expect([id, attr(ind, 'w:firstLine'), attr(ind, 'w:firstLineChars')]).toEqual([id, '0', '0']);
    }
  });

  it('puts the title first, centred, in its own style', () => {
    const first = paragraphs(parts.document)[0]!;
    expect(first.style).toBe('Title');
    expect(first.text).toBe('小店区森林火灾应急预案');
    expect(attr(element(pPr(parts, 'Title'), 'w:jc'), 'w:val')).toBe('center');
  });

  it('writes each heading number as text in front of the heading', () => {
    const plan = input('official');
    const labels = headingNumbers(plan.doc.sections, 'official');
    const headings = paragraphs(parts.document).filter((p) => p.style?.startsWith('Heading'));
    const body = plan.doc.sections.map((s, i) => ({ s, label: labels[i]! })).filter(({ s }) => s.kind === 'body');
    expect(headings.map((h) => h.text)).toEqual(body.map(({ s, label }) => `${label}${s.title}`));
    expect(headings.map((h) => h.style)).toEqual(body.map(({ s }) => `Heading${s.level}`));
    for (const t of ['一、总则', '（一）编制目的', '五、应急响应', '（二）分级响应', '1.Ⅳ级响应', '（1）启动条件', '九、附则']) expect(headings.map((h) => h.text)).toContain(t);
  });

  it('numbers pages "— N —" in 宋体 四号: odd pages right, even pages left, one character in', () => {
    expect(parts.settings).toMatch(/<w:evenAndOddHeaders\/>/);
    expect(eastAsiaFont(parts.styles, 'Footer')).toBe('宋体');
    expect(attr(element(rPr(parts, 'Footer'), 'w:sz'), 'w:val')).toBe('28');
    for (const s of elements(parts.document, 'w:sectPr')) {
      const odd = footerFor(parts, s, 'default');
      const even = footerFor(parts, s, 'even');
      expect(odd && even).toBeTruthy();
      for (const f of [odd!, even!]) {
        expect(f).toMatch(/<w:t[^>]*>— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:t[^>]*> —<\/w:t>/);
        expect(element(f, 'w:pStyle')).toContain('w:val="Footer"');
      }
      expect(attr(element(odd!, 'w:jc'), 'w:val')).toBe('right');
      expect(attr(element(odd!, 'w:ind'), 'w:right')).toBe('280');
      expect(attr(element(even!, 'w:jc'), 'w:val')).toBe('left');
      expect(attr(element(even!, 'w:ind'), 'w:left')).toBe('280');
    }
  });

  it('repeats the first row of every table as its header, keeps rows whole and fills the 版心 width', () => {
    const tables = elements(parts.document, 'w:tbl');
    expect(tables.length).toBeGreaterThanOrEqual(3); // 修订记录 and the annexes' tables
    for (const t of tables) {
      const rows = elements(t, 'w:tr');
      expect(element(rows[0]!, 'w:tblHeader')).toBe('<w:tblHeader/>');
      for (const r of rows.slice(1)) expect(r).not.toMatch(/<w:tblHeader\/>/);
      for (const r of rows) expect(r).toContain('<w:cantSplit/>');
      const grid = elements(t, 'w:gridCol').map((g) => Number(attr(g, 'w:w')));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
      expect(attr(element(t, 'w:tblW'), 'w:w')).toBe('8845');
      expect(element(t, 'w:tblBorders')).toMatch(/<w:insideH w:val="single"/);
      expect(element(rows[0]!, 'w:pStyle')).toContain('TableHeader');
    }
  });

  it('starts each annex on a new page: 附件N flush left in 黑体, the annex title after it', () => {
    const ps = paragraphs(parts.document);
    for (const [n, title] of [
      [1, '森林火灾分级标准'],
      [2, '成员单位通讯录'],
      [3, '应急响应流程'],
    ] as const) {
      const at = ps.findIndex((p) => p.text === `附件${n}`);
      expect(at, `附件${n}`).toBeGreaterThan(0);
      expect(ps[at]!.style).toBe('AnnexLabel');
      expect(ps[at]!.xml).toContain('<w:pageBreakBefore/>');
      expect(ps[at + 1]).toMatchObject({ style: 'AnnexTitle', text: title });
    }
    expect(pPr(parts, 'AnnexLabel')).toContain('<w:pageBreakBefore/>');
    expect(attr(element(pPr(parts, 'AnnexLabel'), 'w:jc'), 'w:val')).toBe('left');
    // One blank line after the label puts the title on line 3.
    expect(attr(element(pPr(parts, 'AnnexLabel'), 'w:spacing'), 'w:after')).toBe('579');
  });

  it('keeps the title and table styles off the line grid, in schema order', () => {
    for (const id of ['Title', 'AnnexTitle', 'TableText', 'TableHeader']) {
      expect(pPr(parts, id), id).toMatch(/<w:snapToGrid w:val="0"\/>(?:(?!<w:pStyle|<w:keepNext|<w:pageBreakBefore)[\s\S])*$/);
      const spacing = pPr(parts, id).indexOf('<w:spacing');
      if (spacing >= 0) expect(pPr(parts, id).indexOf('<w:snapToGrid')).toBeLessThan(spacing);
    }
    expect(pPr(parts, 'Normal')).not.toContain('snapToGrid');
  });

  it('marks a draft in the header of odd and even pages', () => {
    for (const s of elements(parts.document, 'w:sectPr')) {
      expect(elements(s, 'w:headerReference').map((r) => attr(r, 'w:type')).sort()).toEqual(['default', 'even']);
    }
    expect(Object.values(parts.headers).map(textOf)).toEqual(['草稿', '草稿']);
  });

  it('signs the main text with the issuer and the 成文日期 before the first annex', () => {
    const texts = paragraphs(parts.document).map((p) => p.text);
    const date = texts.lastIndexOf('2025年1月8日'); // the revision record has it too
    expect(texts[date - 1]).toBe('太原市小店区人民政府');
    expect(date).toBeLessThan(texts.indexOf('附件1'));
  });

  it('lists the contents and the revision record up front', () => {
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(parts.document).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(texts.indexOf('目　录')).toBeLessThan(texts.indexOf('一、总则'));
    expect(texts).toContain('附件1　森林火灾分级标准');
    expect(texts.slice(0, texts.indexOf('目　录'))).toContain('修订记录');
  });

  it('fills every chip of a fully named plan: no 【待填写…】 and no {{…}}', () => {
    const all = textOf(parts.document);
    expect(all).not.toContain('【待填写');
    expect(all).not.toContain('{{');
    expect(all).toContain('太原市小店区应急管理局');
  });
});

describe('exportPlanDocx: other plans', () => {
  it('numbers headings 1 / 1.1 / 1.1.1 / 1.1.1.1 in the decimal style', async () => {
    const parts = await exported(input('decimal'));
    const headings = paragraphs(parts.document).filter((p) => p.style?.startsWith('Heading')).map((p) => p.text);
    for (const t of ['1　总则', '1.1　编制目的', '5　应急响应', '5.2　分级响应', '5.2.1　Ⅳ级响应', '5.2.1.1　启动条件', '9　附则']) expect(headings).toContain(t);
    expect(paragraphs(parts.document).filter((p) => p.style === 'AnnexLabel').map((p) => p.text)).toEqual(['附件1', '附件2', '附件3']);
  });

  it('shows unfilled chips as highlighted 【待填写：key】, and fills chips whose value was given later', async () => {
    const plan = forestFirePlan('official', EMPTY_PROFILE);
    const unfilled = await exported({ title: plan.title, doc: plan.doc, status: 'draft' });
    const run = elements(unfilled.document, 'w:r').find((r) => textOf(r) === '【待填写：人民政府名称】');
    expect(run).toBeDefined();
    expect(element(run!, 'w:highlight')).toContain('w:val="yellow"');
    expect(textOf(unfilled.document)).toContain('【待填写：区名】');

    const values: Record<string, string> = { 区名: '小店区', 人民政府名称: '太原市小店区人民政府', 应急管理部门: '太原市小店区应急管理局' };
    const doc: PlanDocument = { ...plan.doc, placeholders: plan.doc.placeholders.map((p) => ({ ...p, value: values[p.key] ?? p.value })) };
    const filled = await exported({ title: '小店区森林火灾应急预案', doc, status: 'draft' });
    expect(textOf(filled.document)).not.toContain('【待填写');
    expect(textOf(filled.document)).toContain('《小店区突发事件总体应急预案》');
  });

  it('writes bold, italic and underlined runs, and lists through the shared numbering', async () => {
    const plan = forestFirePlan('official');
    const [first, ...rest] = plan.doc.sections;
    const body = [paragraph([text('加粗', FORMAT.bold), text('倾斜', FORMAT.italic), text('下划线', FORMAT.underline), placeholder('牵头单位')])];
    const parts = await exported({ title: plan.title, doc: { ...plan.doc, sections: [{ ...first!, body }, ...rest] }, status: 'published' });
    const runs = elements(parts.document, 'w:r');
    const runOf = (t: string) => runs.find((r) => textOf(r) === t) ?? '';
    expect(runOf('加粗')).toContain('<w:b/>');
    expect(runOf('倾斜')).toContain('<w:i/>');
    expect(runOf('下划线')).toMatch(/<w:u w:val="single"\/>/);
    expect(runOf('区应急管理局')).not.toContain('<w:highlight');
    // The forest-fire plan's bullet and numbered lists use the two list definitions declared once
    // (the docx package adds a default bullet definition of its own, unused).
    const lists = elements(parts.numbering, 'w:abstractNum').map((a) => attr(element(a, 'w:lvlText'), 'w:val'));
    expect(lists.filter((t) => t === '•' || t === '%1.')).toEqual(['•', '%1.']);
    expect(parts.document).toContain('<w:numPr>');
  });

  it('puts a table too wide for portrait on a landscape page, numbered like the others', async () => {
    const plan = forestFirePlan('official');
    const columns = ['序号', '时间节点', '演练阶段', '情景描述', '信息来源', '处置行动', '执行人员', '指令与对白', '备注'];
    const wide = table([columns.map((c) => [text(c)]), columns.map((c) => [text(`${c}内容`)])]);
    const sections = plan.doc.sections.map((s) => (s.title === '成员单位职责' ? { ...s, body: [...s.body, wide, paragraph([text('宽表之后的正文。')])] } : s));
    const parts = await exported({ title: plan.title, doc: { ...plan.doc, sections }, status: 'published' });
    const sectPrs = elements(parts.document, 'w:sectPr');
    expect(sectPrs.map((s) => attr(element(s, 'w:pgSz'), 'w:orient'))).toEqual(['portrait', 'landscape', 'portrait']);
    const landscape = sectPrs[1]!;
    expect([attr(element(landscape, 'w:pgSz'), 'w:w'), attr(element(landscape, 'w:pgSz'), 'w:h')]).toEqual(['16838', '11906']);
    const m = element(landscape, 'w:pgMar');
    expect(16838 - Number(attr(m, 'w:left')) - Number(attr(m, 'w:right'))).toBe(12756);
    const wideTable = elements(parts.document, 'w:tbl').find((t) => elements(t, 'w:gridCol').length === 9)!;
    expect(elements(wideTable, 'w:gridCol').reduce((sum, g) => sum + Number(attr(g, 'w:w')), 0)).toBe(12756);
    // Every section carries both footers: without its own, a section would take the previous one's (pitfall 5).
    for (const s of sectPrs) expect([footerFor(parts, s, 'default'), footerFor(parts, s, 'even')].every(Boolean)).toBe(true);
  });

  it('keeps merged cells on the table grid: column spans sum their widths, row spans continue below', async () => {
    const plan = forestFirePlan('official');
    const merged = table([
      [[text('项目')], [text('内容')], [text('备注')]],
      [[text('跨两行')], [text('甲')], [text('乙')]],
      [[text('丙')], [text('丁')]],
    ]);
    merged.children[1]!.children[0]!.rowSpan = 2; // Lexical leaves the covered cell out of the next row
    const [first, ...rest] = plan.doc.sections;
    const parts = await exported({ title: plan.title, doc: { ...plan.doc, sections: [{ ...first!, body: [merged] }, ...rest] }, status: 'published' });
    const t = elements(parts.document, 'w:tbl')[0]!;
    const rows = elements(t, 'w:tr');
    expect(rows.map((r) => elements(r, 'w:tc').length)).toEqual([3, 3, 3]);
    expect(element(rows[1]!, 'w:vMerge')).toContain('restart');
    expect(element(rows[2]!, 'w:vMerge')).toContain('continue');
    expect(elements(t, 'w:gridCol').reduce((sum, g) => sum + Number(attr(g, 'w:w')), 0)).toBe(8845);
  });

  it('marks consultation and review drafts, and nothing on a published plan', async () => {
    const marks = async (status: PlanExportInput['status']) => Object.values((await exported(input('official', { status, toc: false }))).headers).map(textOf);
    expect(await marks('consultation')).toEqual(['征求意见稿', '征求意见稿']);
    expect(await marks('review')).toEqual(['送审稿', '送审稿']);
    const published = await exported(input('official', { status: 'published' }));
    expect(published.headers).toEqual({});
    expect(published.document).not.toContain('w:headerReference');
  });
});

describe('formatChineseDate and titleLines', () => {
  it('writes 成文日期 with Arabic numerals and no leading zeros', () => {
    expect(formatChineseDate('2025-01-08')).toBe('2025年1月8日');
    expect(formatChineseDate('2024-12-31')).toBe('2024年12月31日');
    expect(() => formatChineseDate('2025-02-30')).toThrow(RangeError);
    expect(() => formatChineseDate('2025/1/8')).toThrow(RangeError);
  });

  it('breaks a long title into lines of at most 20 characters, shorter above, between words', () => {
    expect(titleLines('小店区森林火灾应急预案')).toEqual(['小店区森林火灾应急预案']);
    const long = '太原市小店区人民政府关于印发小店区森林草原火灾应急预案（2025年修订）的通知';
    const lines = titleLines(long);
    expect(lines.join('')).toBe(long);
    expect(lines.length).toBe(2);
    expect(lines).toEqual(['太原市小店区人民政府关于印发小店区', '森林草原火灾应急预案（2025年修订）的通知']);
    expect(lines.every((l) => ems(l) <= 20)).toBe(true);
    expect(ems(lines[0]!)).toBeLessThanOrEqual(ems(lines[1]!));
    expect(titleLines('小店区森林草原火灾应急预案（2025年修订）征求意见稿附件材料汇编')).toEqual(['小店区森林草原火灾应急预案', '（2025年修订）征求意见稿附件材料汇编']);
  });
});
