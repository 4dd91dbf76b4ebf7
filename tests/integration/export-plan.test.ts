// The plan exporter writes GB/T 9704 layout into the .docx: checked in the unzipped WordprocessingML.
import { beforeAll, describe, expect, it } from 'vitest';
import { list, paragraph, placeholder, table, text, FORMAT, type PlanDocument } from '../../electron/shared/doc-model';
import { headingNumbers } from '../../electron/shared/numbering';
import { exportPlanDocx, formatChineseDate, type PlanExportInput } from '../../electron/core/export/plan-docx';
import { printedEms, titleLines } from '../../electron/core/export/official-parts-docx';
import { ems } from '../../electron/core/export/gbt9704-styles';
import { planInput } from '../fixtures/document-inputs';
import { EMPTY_PROFILE, forestFirePlan } from '../fixtures/forest-fire-plan';
import { attr, element, elements, footerFor, paragraphs, saveExport, style, textOf, unzipDocx, type DocxParts } from '../helpers/docx';
import { expectGbt9704Layout } from '../helpers/gbt9704-layout';

function input(numbering: 'official' | 'decimal' = 'official', extra: Partial<PlanExportInput> = {}): PlanExportInput {
  return { ...planInput(numbering), ...extra };
}

async function exported(i: PlanExportInput): Promise<DocxParts> {
  return unzipDocx(await exportPlanDocx(i));
}

/** The paragraph properties a style sets, as its `<w:pPr>` element. */
const pPr = (parts: DocxParts, id: string) => element(style(parts.styles, id) ?? '', 'w:pPr') ?? '';

describe('exportPlanDocx: the forest-fire plan, official numbering', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    parts = await saveExport('plan-forest-fire', await exportPlanDocx(input('official', { status: 'draft' })));
  });

  it('has the GB/T 9704 layout every export shares: page, grid, fonts per level, page numbers', () => {
    expectGbt9704Layout(parts, ['portrait']);
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

  it('writes bold, italic and underlined runs, and numbered lists through the shared numbering', async () => {
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
    // The forest-fire plan's numbered lists use the one list definition declared once
    // (the docx package adds a default bullet definition of its own, unused).
    const lists = elements(parts.numbering, 'w:abstractNum').map((a) => attr(element(a, 'w:lvlText'), 'w:val'));
    expect(lists.filter((t) => t === '•' || t === '%1.')).toEqual(['%1.']);
    expect(parts.document).toContain('<w:numPr>');
  });

  it('sets bulleted items as body paragraphs with the two-character indent and no mark; numbered lists keep their numbers', async () => {
    const plan = forestFirePlan('official');
    const [first, ...rest] = plan.doc.sections;
    const body = [
      paragraph([text('本预案依据下列法律法规编制：')]),
      list('bullet', [[text('《中华人民共和国突发事件应对法》')], [text('《森林防火条例》（国务院令第541号）')]]),
      list('number', [[text('发现火情。')], [text('核查报告。')]]),
      list('number', [[text('另一列表的第一项。')]]),
    ];
    const parts = await saveExport('plan-lists', await exportPlanDocx({ title: plan.title, doc: { ...plan.doc, sections: [{ ...first!, body }, ...rest] }, status: 'published' }));
    const at = (t: string) => paragraphs(parts.document).find((p) => p.text === t)!;
    const intro = at('本预案依据下列法律法规编制：');
    for (const t of ['《中华人民共和国突发事件应对法》', '《森林防火条例》（国务院令第541号）']) {
      const item = at(t);
      // Exactly what a body paragraph is: Normal (no style of its own), its indent from Normal, no numbering.
      expect([item.style, element(item.xml, 'w:numPr'), element(item.xml, 'w:ind')]).toEqual([intro.style, undefined, undefined]);
    }
    expect(intro.style).toBeUndefined();
    const normalIndent = element(pPr(parts, 'Normal'), 'w:ind');
    expect([attr(normalIndent, 'w:firstLine'), attr(normalIndent, 'w:firstLineChars')]).toEqual(['630', '200']);
    // No bullet glyph anywhere in the text, and no numbering definition that draws one is used.
    expect(textOf(parts.document)).not.toMatch(/[•●○■◆▪]/);
    const numIdsUsed = new Set(elements(parts.document, 'w:numId').map((n) => attr(n, 'w:val')));
    const abstractOf = (numId: string | undefined) => attr(element(elements(parts.numbering, 'w:num').find((n) => attr(n, 'w:numId') === numId) ?? '', 'w:abstractNumId'), 'w:val');
    const formats = [...numIdsUsed].map((id) => {
      const abstract = elements(parts.numbering, 'w:abstractNum').find((a) => attr(a, 'w:abstractNumId') === abstractOf(id))!;
      return [attr(element(abstract, 'w:numFmt'), 'w:val'), attr(element(abstract, 'w:lvlText'), 'w:val')];
    });
    expect(formats.length).toBeGreaterThan(0);
    for (const f of formats) expect(f).toEqual(['decimal', '%1.']);
    // Numbered items carry their number; each list restarts at 1 as its own instance.
    const numIdOf = (t: string) => attr(element(at(t).xml, 'w:numId'), 'w:val');
    expect(numIdOf('发现火情。')).toBeDefined();
    expect(numIdOf('核查报告。')).toBe(numIdOf('发现火情。'));
    expect(numIdOf('另一列表的第一项。')).not.toBe(numIdOf('发现火情。'));
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

  it('breaks a long title into lines of at most 19 printed characters, between words, never past the 2号 line', () => {
    expect(titleLines('小店区森林火灾应急预案')).toEqual(['小店区森林火灾应急预案']);
    const long = '太原市小店区人民政府关于印发小店区森林草原火灾应急预案（2025年修订）的通知';
    const lines = titleLines(long);
    expect(lines.join('')).toBe(long);
    expect(lines).toEqual(['太原市小店区人民政府关于', '印发小店区森林草原火灾', '应急预案（2025年修订）的通知']);
    expect(titleLines('小店区森林草原火灾应急预案（2025年修订）征求意见稿附件材料汇编')).toEqual(['小店区森林草原火灾应急预案', '（2025年修订）征求意见稿附件材料汇编']);
    // Nineteen characters fit a line; a twentieth goes only with nothing else taking room, so it breaks.
    expect(titleLines('一二三四五六七八九十一二三四五六七八九')).toHaveLength(1);
    expect(titleLines('一二三四五六七八九十一二三四五六七八九十')).toHaveLength(2);
  });

  it('leaves no character alone on a line: the width counts digits and their autospace (the lone 告 and 知 seen in LibreOffice)', () => {
    // 20 characters with a number and its autospace: one line in the old count, which LibreOffice wrapped before 告.
    expect(titleLines('小店区2025年森林火灾综合应急演练评估报告')).toEqual(['小店区2025年森林火灾', '综合应急演练评估报告']);
    // Even shares once gave this title a second line of 21 characters, which wrapped before 知.
    const notice = '太原市小店区应急管理局关于印发小店区2025年森林火灾综合应急演练评估报告的通知';
    const lines = titleLines(notice);
    expect(lines.join('')).toBe(notice);
    for (const l of lines) expect(printedEms(l), l).toBeLessThanOrEqual(19);
    expect(lines.every((l) => [...l].length > 1)).toBe(true);
    expect(printedEms('小店区2025年')).toBe(3 + 2 + 1 + 0.5);
    expect(ems('小店区2025年')).toBe(6);
  });
});
