// Importing .docx files as plans and as template revisions: round trips through our own export, hand-made files, bad files.
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { blocksText, charCount, paragraph, text, type BlockJSON, type PlanDocument, type PlanSection, type TableJSON } from '../../electron/shared/doc-model';
import { AppError } from '../../electron/shared/errors';
import { exportPlanDocx } from '../../electron/core/export/plan-docx';
import { createPlanFromTemplate } from '../../electron/core/domain/plans/create-plan';
import { findTemplate, loadTemplates } from '../../electron/core/templates/load-templates';
import { readDocx } from '../../electron/core/import/read-docx';
import { docxToPlan } from '../../electron/core/import/docx-to-plan';
import { docxToTemplateRevision } from '../../electron/core/import/docx-to-template';
import { EMPTY_PROFILE, TEMPLATES_DIR, XIAODIAN, forestFirePlan } from '../fixtures/forest-fire-plan';

const ids = () => {
  let n = 0;
  return () => `imp-${++n}`;
};

async function exportDoc(title: string, doc: PlanDocument): Promise<Buffer> {
  return exportPlanDocx({
    title,
    doc,
    status: 'draft',
    issuer: '太原市小店区人民政府',
    date: '2025-01-08',
    revisionRecord: [{ no: 1, date: '2025-01-08', note: '依据市2024年示范文本修订' }],
    toc: true,
  });
}

async function importBytes(bytes: Buffer) {
  return docxToPlan(await readDocx(bytes), ids());
}

const cellTexts = (t: TableJSON) => t.children.map((r) => r.children.map((c) => blocksText(c.children)));
const tables = (s: PlanSection) => s.body.filter((b): b is TableJSON => b.type === 'table').map(cellTexts);
const shape = (s: PlanSection) => ({ title: s.title, level: s.level, kind: s.kind });

async function pack(children: (Paragraph | Table)[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}): Promise<Buffer> {
  return Packer.toBuffer(new Document({ ...extra, sections: [{ children }] }));
}

async function errorOf(bytes: Buffer): Promise<AppError> {
  try {
    await readDocx(bytes);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('readDocx did not fail');
}

describe('importing our own export (round trip)', () => {
  for (const [numbering, profile] of [
    ['decimal', XIAODIAN],
    ['official', EMPTY_PROFILE],
  ] as const) {
    it(`keeps sections, levels, annexes, tables and text with ${numbering} numbering`, async () => {
      const plan = forestFirePlan(numbering, profile);
      const bytes = await exportDoc(plan.title, plan.doc);
      const started = performance.now();
      const progress: number[] = [];
      const imported = docxToPlan(await readDocx(bytes), ids(), (done) => progress.push(done));
      console.log(`[import-docx] forest-fire (${numbering}, ${bytes.length} bytes): ${(performance.now() - started).toFixed(0)} ms`);

      expect(imported.title).toBe(plan.title);
      expect(imported.doc.numbering).toBe(numbering);
      const a = plan.doc.sections;
      const b = imported.doc.sections;
      expect(b.length).toBe(a.length);
      expect(b.map(shape)).toEqual(a.map(shape));
      expect(b.filter((s) => s.kind === 'annex').map((s) => s.title)).toEqual(a.filter((s) => s.kind === 'annex').map((s) => s.title));
      b.forEach((s, i) => {
        expect(blocksText(s.body), s.title).toBe(blocksText(a[i]!.body));
        expect(tables(s), s.title).toEqual(tables(a[i]!));
        // A bulleted list leaves as plain body paragraphs (GB/T 9704 has no bullets), so it comes back as paragraphs.
        const exportedTypes = a[i]!.body.flatMap((x: BlockJSON) => (x.type === 'list' && x.listType === 'bullet' ? x.children.map(() => 'paragraph') : [x.type]));
        expect(s.body.map((x) => x.type), s.title).toEqual(exportedTypes);
        expect(s.lineage).toBeUndefined();
      });
      expect(new Set(b.map((s) => s.id)).size).toBe(b.length);
      expect(progress[progress.length - 1]).toBeGreaterThan(0);
      // The revision record and the 署名 are not plan text; the planner is told they were left out.
      expect(imported.warnings.join('\n')).toContain('修订记录');
      expect(imported.warnings.join('\n')).toContain('署名');
      if (profile === EMPTY_PROFILE) expect(imported.doc.placeholders.map((p) => p.key)).toEqual(expect.arrayContaining(['区名']));
    });
  }

  it('imports a plan of about 100,000 characters', async () => {
    const plan = forestFirePlan('official');
    const main = plan.doc.sections.filter((s) => s.kind === 'body');
    const annexes = plan.doc.sections.filter((s) => s.kind === 'annex');
    const size = (ss: PlanSection[]) => ss.reduce((n, s) => n + charCount(s.title + blocksText(s.body)), 0);
    const sections: PlanSection[] = [];
    while (size(sections) < 100_000) sections.push(...main.map((s) => ({ ...s, id: `${s.id}-${sections.length}` })));
    sections.push(...annexes);
    const bytes = await exportDoc(plan.title, { ...plan.doc, sections });
    const started = performance.now();
    const imported = await importBytes(bytes);
    console.log(`[import-docx] ${size(sections)} characters, ${sections.length} sections (${bytes.length} bytes): ${(performance.now() - started).toFixed(0)} ms`);
    expect(imported.doc.sections.map(shape)).toEqual(sections.map(shape));
  });
});

describe('importing a hand-made document', () => {
  it('finds headings from official numbers typed as text, and keeps body paragraphs, tables and lists', async () => {
    const row = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    const bytes = await pack(
      [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('某区防汛应急预案')] }),
        new Paragraph('一、总则'),
        new Paragraph('（一）编制目的'),
        new Paragraph({ children: [new TextRun('为做好'), new TextRun({ text: '防汛', bold: true }), new TextRun('工作，由【待填写：牵头单位】牵头制定本预案。')] }),
        new Paragraph('1.适用范围'),
        new Paragraph('（1）城区'),
        new Paragraph('2.本预案适用于全区行政区域内的洪涝灾害防范与应对工作，以及上游来水对本区造成影响的应对工作。'),
        new Table({ rows: [row(['单位', '职责']), row(['区水务局', '负责水情监测'])] }),
        new Paragraph({ numbering: { reference: 'dots', level: 0 }, children: [new TextRun('第一项')] }),
        new Paragraph({ numbering: { reference: 'dots', level: 0 }, children: [new TextRun('第二项')] }),
        new Paragraph('二、组织体系'),
        new Paragraph('（一）防汛指挥部'),
        new Paragraph('区防汛指挥部负责全区防汛工作。'),
        new Paragraph('附件1'),
        new Paragraph('防汛物资清单'),
        new Table({ rows: [row(['物资', '数量']), row(['编织袋', '1000'])] }),
      ],
      { numbering: { config: [{ reference: 'dots', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] }] } },
    );
    const { title, doc, warnings } = await importBytes(bytes);
    expect(title).toBe('某区防汛应急预案');
    expect(doc.numbering).toBe('official');
    expect(doc.sections.map((s) => [s.title, s.level, s.kind])).toEqual([
      ['总则', 1, 'body'],
      ['编制目的', 2, 'body'],
      ['适用范围', 3, 'body'],
      ['城区', 4, 'body'],
      ['组织体系', 1, 'body'],
      ['防汛指挥部', 2, 'body'],
      ['防汛物资清单', 1, 'annex'],
    ]);
    const purpose = doc.sections[1]!.body;
    expect(purpose[0]).toMatchObject({ type: 'paragraph', children: [{ text: '为做好' }, { text: '防汛', format: 1 }, { text: '工作，由' }, { type: 'placeholder', key: '牵头单位' }, { text: '牵头制定本预案。' }] });
    const city = doc.sections[3]!.body;
    expect(city.map((b) => b.type)).toEqual(['paragraph', 'table', 'list']);
    expect(blocksText([city[0]!])).toMatch(/^2\.本预案/);
    expect(cellTexts(city[1] as TableJSON)).toEqual([['单位', '职责'], ['区水务局', '负责水情监测']]);
    expect(city[2]).toMatchObject({ type: 'list', listType: 'bullet', children: [{ children: [{ text: '第一项' }] }, { children: [{ text: '第二项' }] }] });
    expect(cellTexts(doc.sections[6]!.body[0] as TableJSON)).toEqual([['物资', '数量'], ['编织袋', '1000']]);
    expect(doc.placeholders).toEqual([{ key: '牵头单位', label: '牵头单位', value: '' }]);
    expect(warnings).toEqual([]);
  });

  it('finds decimal headings, keeps a numbered sentence as body text, and puts text before the first heading in 说明', async () => {
    const bytes = await pack([
      new Paragraph('某区地震应急预案'),
      new Paragraph('本预案经区政府常务会议审议通过。'),
      new Paragraph('1　总则'),
      new Paragraph('1.1编制目的'),
      new Paragraph('1.2 适用范围'),
      new Paragraph('1.3 本预案适用于本区行政区域内发生的地震灾害和其他地区发生波及本区的地震灾害的应对工作。'),
      new Paragraph('2 组织指挥体系'),
    ]);
    const { title, doc, warnings } = await importBytes(bytes);
    expect(title).toBe('某区地震应急预案');
    expect(doc.numbering).toBe('decimal');
    expect(doc.sections.map((s) => [s.title, s.level])).toEqual([
      ['说明', 1],
      ['总则', 1],
      ['编制目的', 2],
      ['适用范围', 2],
      ['组织指挥体系', 1],
    ]);
    expect(blocksText(doc.sections[0]!.body)).toBe('本预案经区政府常务会议审议通过。');
    expect(blocksText(doc.sections[3]!.body)).toMatch(/^1\.3 本预案适用于/);
    expect(warnings.join('\n')).toContain('说明');
  });

  it('maps custom heading styles by name (标题 1) and by outline level', async () => {
    const bytes = await pack([new Paragraph({ style: 'Title', children: [new TextRun('某区预案')] }), new Paragraph({ style: 'ZhH1', text: '总则' }), new Paragraph({ style: 'Sub', text: '编制目的' }), new Paragraph('正文。')], {
      styles: {
        paragraphStyles: [
          { id: 'ZhH1', name: '标题 1', run: {} },
          { id: 'Sub', name: 'My sub heading', paragraph: { outlineLevel: 1 } },
        ],
      },
    });
    const { title, doc } = await importBytes(bytes);
    expect(title).toBe('某区预案');
    expect(doc.sections.map((s) => [s.title, s.level])).toEqual([
      ['总则', 1],
      ['编制目的', 2],
    ]);
    expect(blocksText(doc.sections[1]!.body)).toBe('正文。');
  });
});

describe('importing a city plan whose headings use Word heading styles', () => {
  // The tester's city plan: the title in Heading 1, 一、 chapters in Heading 2, （一） in Heading 3, 1. typed in body text.
  type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];
  const CITY: [Heading | null, string][] = [
    [HeadingLevel.HEADING_1, '太原市危险化学品事故应急预案'],
    [HeadingLevel.HEADING_2, '一、总则'],
    [HeadingLevel.HEADING_3, '（一）编制目的'],
    [null, '为规范危险化学品事故应急处置工作，制定本预案。'],
    [HeadingLevel.HEADING_3, '（二）编制依据'],
    [HeadingLevel.HEADING_3, '（三）适用范围'],
    [HeadingLevel.HEADING_2, '二、组织指挥体系'],
    [HeadingLevel.HEADING_3, '（一）市指挥部'],
    [HeadingLevel.HEADING_2, '三、应急响应'],
    [HeadingLevel.HEADING_3, '（一）分级响应'],
    [null, '1. 启动条件'],
    [null, '发生较大事故时启动Ⅲ级响应。'],
    [HeadingLevel.HEADING_2, '四、附则'],
  ];
  const levels = (doc: PlanDocument) => doc.sections.map((s) => [s.title, s.level]);

  it('takes the Heading 1 title as the title and gives every heading the level of the plain version', async () => {
    const styled = await importBytes(await pack(CITY.map(([heading, t]) => new Paragraph(heading ? { heading, text: t } : { text: t }))));
    const plain = await importBytes(await pack(CITY.map(([heading, t]) => new Paragraph(heading === HeadingLevel.HEADING_1 ? { alignment: AlignmentType.CENTER, text: t } : { text: t }))));
    expect(levels(plain.doc)).toEqual([
      ['总则', 1],
      ['编制目的', 2],
      ['编制依据', 2],
      ['适用范围', 2],
      ['组织指挥体系', 1],
      ['市指挥部', 2],
      ['应急响应', 1],
      ['分级响应', 2],
      ['启动条件', 3],
      ['附则', 1],
    ]);
    expect(styled.title).toBe('太原市危险化学品事故应急预案');
    expect(levels(styled.doc)).toEqual(levels(plain.doc));
    expect(styled.warnings).toEqual([]);
  });

  const [H1, H2, H3]: [Heading, Heading, Heading] = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  const TITLE = '某市防汛应急预案';
  const cases: [string, [Heading, string][], string, [string, number][]][] = [
    [
      // 二、 is styled one level too deep, but its number says chapter; the unnumbered ones move by the shift the numbers show.
      'moves unnumbered headings by the shift the numbered ones show, and trusts a number over its style',
      [[H1, TITLE], [H2, '一、总则'], [H3, '工作原则'], [H3, '二、组织体系'], [H2, '应急保障'], [H3, '（一）物资保障']],
      TITLE,
      [['总则', 1], ['工作原则', 2], ['组织体系', 1], ['应急保障', 1], ['物资保障', 2]],
    ],
    [
      'with no numbers, takes the shallowest heading style under the title as the chapters',
      [[H1, TITLE], [H2, '总则'], [H3, '编制目的'], [H2, '组织体系']],
      TITLE,
      [['总则', 1], ['编制目的', 2], ['组织体系', 1]],
    ],
    [
      'takes an unnumbered Heading 1 before numbered Heading 1 chapters as the title',
      [[H1, TITLE], [H1, '一、总则'], [H2, '（一）编制目的'], [H1, '二、组织体系']],
      TITLE,
      [['总则', 1], ['编制目的', 2], ['组织体系', 1]],
    ],
    [
      'keeps unnumbered Heading 1 chapters as chapters when more than one uses it',
      [[H1, '总则'], [H2, '编制目的'], [H1, '组织体系']],
      '未命名预案',
      [['总则', 1], ['编制目的', 2], ['组织体系', 1]],
    ],
  ];
  it.each(cases)('%s', async (_label, headings, expectedTitle, expectedLevels) => {
    const { title, doc } = await importBytes(await pack(headings.map(([heading, t]) => new Paragraph({ heading, text: t }))));
    expect(title).toBe(expectedTitle);
    expect(levels(doc)).toEqual(expectedLevels);
  });
});

describe('annex labels', () => {
  it('drops the number an annex title repeats after 附件：', async () => {
    const bytes = await pack([
      new Paragraph({ alignment: AlignmentType.CENTER, text: '某市预案' }),
      new Paragraph('一、附则'),
      new Paragraph('本预案自印发之日起施行。'),
      new Paragraph('附件：1. 危险化学品事故分级标准'),
      new Paragraph('附件2：2、应急物资清单'),
      new Paragraph('附件3　1. 第一批名单'),
    ]);
    const { doc } = await importBytes(bytes);
    expect(doc.sections.filter((s) => s.kind === 'annex').map((s) => s.title)).toEqual(['危险化学品事故分级标准', '应急物资清单', '1. 第一批名单']);
  });
});

describe('Word numbered lists', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const para = (t: string, pPr = '') => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
  const lvl = (fmt: string) => `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1."/></w:lvl>`;
  const numbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>
    <w:abstractNum w:abstractNumId="10"><w:styleLink w:val="StepList"/>${lvl('decimal')}</w:abstractNum>
    <w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="StepList"/></w:abstractNum>
    <w:abstractNum w:abstractNumId="12">${lvl('bullet')}</w:abstractNum>
    <w:abstractNum w:abstractNumId="13">${lvl('chineseCounting')}</w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="11"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="12"/><w:lvlOverride w:ilvl="0">${lvl('decimal')}</w:lvlOverride></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="13"/></w:num>
  </w:numbering>`;
  const listStyle = `<w:style w:type="paragraph" w:styleId="Steps"><w:name w:val="Steps"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>`;

  it('come in as ordered lists: through a list style, a level override, and a paragraph that sets only its level', async () => {
    const zip = await JSZip.loadAsync(await pack([new Paragraph('占位')]));
    const body = [
      para('某市预案', '<w:jc w:val="center"/>'),
      para('一、应急响应'),
      para('（一）分级响应'),
      para('1. 启动条件'),
      para('先期处置', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
      para('现场警戒', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
      para('2. 响应措施'),
      para('人员疏散', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'),
      para('3. 响应结束'),
      para('现场清理', '<w:pStyle w:val="Steps"/><w:numPr><w:ilvl w:val="0"/></w:numPr>'),
    ].join('');
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
    zip.file('word/numbering.xml', numbering);
    const styles = await zip.file('word/styles.xml')!.async('string');
    zip.file('word/styles.xml', styles.replace('</w:styles>', `${listStyle}</w:styles>`));
    const { doc } = await importBytes(await zip.generateAsync({ type: 'nodebuffer' }));
    const lists = doc.sections.filter((s) => s.level === 3).map((s) => [s.title, s.body.map((b) => (b.type === 'list' ? b.listType : b.type))]);
    expect(lists).toEqual([
      ['启动条件', ['number']],
      ['响应措施', ['number']],
      ['响应结束', ['number']],
    ]);
    expect(blocksText(doc.sections[2]!.body)).toBe('先期处置\n现场警戒');
  });
});

describe('importing bad files', () => {
  it('refuses a file that is not a .docx', async () => {
    const e = await errorOf(Buffer.from('这不是 Word 文档', 'utf8'));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^文件不是 Word（\.docx）文档/);
  });

  it('refuses a password-protected document', async () => {
    const e = await errorOf(Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(2048)]));
    expect(e.message).toBe('文档已加密，请在 Word/WPS 中取消密码后再导入。');
  });

  it('tells a damaged or truncated .docx from a file that is not one', async () => {
    const DAMAGED = /^文件已损坏或不完整/;
    const NOT_DOCX = /^文件不是 Word（\.docx）文档/;
    const docx = await pack([new Paragraph('一、总则'), new Paragraph('本预案适用于全区。')]);
    // Cut short, as a broken download or copy leaves it: still starts as a zip.
    expect((await errorOf(docx.subarray(0, Math.floor(docx.length / 2)))).message).toMatch(DAMAGED);
    const lost = await JSZip.loadAsync(docx);
    lost.remove('word/document.xml');
    expect((await errorOf(await lost.generateAsync({ type: 'nodebuffer' }))).message).toMatch(DAMAGED);
    const other = new JSZip();
    other.file('readme.txt', 'hello');
    expect((await errorOf(await other.generateAsync({ type: 'nodebuffer' }))).message).toMatch(NOT_DOCX);
    const workbook = new JSZip();
    workbook.file('[Content_Types].xml', '<Types/>');
    workbook.file('xl/workbook.xml', '<workbook/>');
    expect((await errorOf(await workbook.generateAsync({ type: 'nodebuffer' }))).message).toMatch(NOT_DOCX);
    expect((await errorOf(Buffer.from('这不是 Word 文档', 'utf8'))).message).toMatch(NOT_DOCX);
  });

  it('refuses an empty document', async () => {
    const e = await errorOf(await pack([new Paragraph('')]));
    expect(e.message).toBe('文档是空的。');
  });
});

describe('docxToTemplateRevision', () => {
  it('carries clause ids over from the previous revision, by heading and by similarity, and names new clauses under their parent', async () => {
    const { templates } = loadTemplates(TEMPLATES_DIR);
    const previous = findTemplate(templates, 'forest-fire', '2019')!;
    let n = 0;
    const plan = createPlanFromTemplate(previous, XIAODIAN, 'decimal', () => `s${++n}`);
    const sections = [...plan.doc.sections];
    const renamed = sections.findIndex((s) => s.lineage?.clauseId === 'warning.release');
    sections[renamed] = { ...sections[renamed]!, title: '预警信息的发布、调整与解除' };
    sections.splice(renamed + 1, 0, { id: 'added', level: 2, kind: 'body', title: '巡护与隐患排查', body: [paragraph([text('林区经营单位组织护林员开展日常巡护。')])] });
    const bytes = await exportDoc('市森林火灾应急预案', { ...plan.doc, sections });

    const { template, matches } = docxToTemplateRevision(await readDocx(bytes), { previous, meta: { revision: '2025', revisionYear: 2025 } });
    expect(template.meta).toMatchObject({ id: 'forest-fire', revision: '2025', supersedes: '2019', title: '市森林火灾应急预案' });
    expect(template.clauses.length).toBe(sections.length);
    const byId = matches.filter((m) => m.by === 'id');
    expect(byId.length).toBeGreaterThanOrEqual(previous.clauses.length - 1);
    // Repeated headings (启动条件 under each response level) keep their own ids.
    matches.forEach((m, i) => {
      const expected = sections[i]!.lineage?.clauseId;
      if (expected) expect(m.clauseId, m.title).toBe(expected);
    });
    expect(matches[renamed]).toMatchObject({ clauseId: 'warning.release', title: '预警信息的发布、调整与解除', matchedFrom: 'warning.release', by: 'similarity' });
    expect(matches[renamed + 1]).toMatchObject({ clauseId: 'warning.new-1', title: '巡护与隐患排查', matchedFrom: null, by: 'new' });
    expect(new Set(template.clauses.map((c) => c.id)).size).toBe(template.clauses.length);
    expect(template.placeholders.map((p) => p.key)).toEqual(previous.placeholders.map((p) => p.key));
  });
});
