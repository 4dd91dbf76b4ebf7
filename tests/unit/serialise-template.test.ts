// Writing a template revision back as a template file: parsing what was written gives the same revision, for the
// shipped templates, for awkward text, and for any body that fitBlocks has made expressible.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT, list, paragraph, placeholder, table, text, type BlockJSON, type InlineJSON, type TableJSON } from '../../electron/shared/doc-model';
import type { TemplateRevision } from '../../electron/shared/schemas/template';
import { fitBlocks, type FitNote } from '../../electron/core/templates/fit-blocks';
import { loadTemplates } from '../../electron/core/templates/load-templates';
import { parseTemplate } from '../../electron/core/templates/parse-template';
import { serialiseTemplate } from '../../electron/core/templates/serialise-template';
import { TEMPLATES_DIR } from '../fixtures/forest-fire-plan';

/** Clause lines are where the parser found the headings; a written file has its own. */
const withoutLines = (t: TemplateRevision) => ({ ...t, clauses: t.clauses.map((c) => ({ ...c, line: 0 })) });

function roundTrip(t: TemplateRevision, note?: string): TemplateRevision {
  const source = serialiseTemplate(t, note);
  const { template, problems } = parseTemplate(source, t.file);
  expect(problems, source).toEqual([]);
  return template!;
}

const META: TemplateRevision['meta'] = {
  id: 'demo',
  revision: '2025',
  supersedes: '2024',
  title: '市测试应急预案：总则 # "引号"',
  districtTitle: '{{区名}}测试应急预案',
  issuer: '市人民政府办公室',
  revisionYear: 2025,
  hazard: '测试灾害',
  category: '事故灾难',
  modelText: false,
  leadDepartment: '{{牵头单位}}',
};
const PLACEHOLDERS: TemplateRevision['placeholders'] = [
  { key: '区名', label: '区名', profile: 'districtName' },
  { key: '牵头单位', label: '牵头单位: 指挥部办公室', default: '区应急管理局' },
];

function demo(clauses: { title: string; body: BlockJSON[]; level?: 1 | 2 | 3 | 4; kind?: 'body' | 'annex' }[]): TemplateRevision {
  return {
    meta: META,
    placeholders: PLACEHOLDERS,
    clauses: clauses.map((c, i) => ({ id: `c${i}`, level: c.level ?? 1, kind: c.kind ?? 'body', title: c.title, body: c.body, line: 0 })),
    file: 'plans/demo/2025.md',
  };
}

describe('serialiseTemplate', () => {
  it('writes every shipped template so that it parses back to the same revision', () => {
    const { templates, problems } = loadTemplates(TEMPLATES_DIR);
    expect(problems).toEqual([]);
    expect(templates.length).toBeGreaterThanOrEqual(8);
    for (const t of templates) expect(withoutLines(roundTrip(t, '由测试写出 --> 不会提前结束注释')), t.file).toEqual(withoutLines(t));
  });

  it('keeps text that looks like markup literal: list and heading starts, pipes, braces, asterisks, comments, backslashes', () => {
    const awkward = ['- 不是列表', '1. 不是编号', '12.\t也不是', '# 不是标题', '> 不是引用', '---', '***', '___', '| 不是表格 |', '<!-- 不是注释 -->', '<b>不是标签</b>', '{{不是占位符}}', '![图](x.png)', '[链接](x)', '5*3 与 2**4', 'C:\\路径\\', '+ 加号', '`代码`', '~~~', '==='];
    const t = demo([
      { title: '总则 {#x} 与 *星号* \\ 反斜杠', body: awkward.map((s) => paragraph([text(s)])) },
      {
        title: '格式',
        level: 2,
        body: [
          paragraph([text('粗', FORMAT.bold), text('斜', FORMAT.italic), text('粗斜', FORMAT.bold | FORMAT.italic), text('常规'), placeholder('区名'), text('*', FORMAT.bold), text('\\', FORMAT.italic)]),
          list('bullet', [[text('- 项')], [text('1. 项'), placeholder('牵头单位')]]),
          list('number', [[text('甲', FORMAT.italic)], [text('乙')]]),
          table([[[text('单位')], [text('职责 | 分工', FORMAT.bold)]], [[placeholder('牵头单位')], []]]),
        ],
      },
      { title: '分级标准', kind: 'annex', body: [table([[[text('级别')]], [[text('---')]]])] },
      { title: '说明', kind: 'annex', level: 2, body: [] },
    ]);
    expect(withoutLines(roundTrip(t))).toEqual(withoutLines(t));
  });

  it('refuses to write a line break it cannot represent', () => {
    expect(() => serialiseTemplate(demo([{ title: '总则', body: [paragraph([text('甲'), { type: 'linebreak', version: 1 }, text('乙')])] }]))).toThrow('段内换行');
  });
});

describe('fitBlocks', () => {
  it('splits merged cells, joins cell paragraphs, splits line breaks, drops underline, merges lists, and says so', () => {
    const notes = new Set<FitNote>();
    const merged: TableJSON = table([[[text('甲')], [text('乙')], [text('丙')]], [[text('丁')]], [[text('己')], [text('庚')]]]);
    merged.children[0]!.children[0]!.rowSpan = 2;
    merged.children[1]!.children[0]!.colSpan = 2;
    merged.children[2]!.children[0]!.children.push(paragraph([text('第二段')]));
    const body = fitBlocks(
      [
        paragraph([text('  第一行', FORMAT.underline | FORMAT.bold), { type: 'linebreak', version: 1 }, text('第二行  ')]),
        paragraph([text('   ')]),
        list('bullet', [[text('一')]]),
        list('bullet', [[text('二'), { type: 'linebreak', version: 1 }, text('续')], []]),
        merged,
        paragraph([placeholder('牵头 单位')]),
      ],
      notes,
    );
    expect(body).toEqual([
      paragraph([text('第一行', FORMAT.bold)]),
      paragraph([text('第二行')]),
      list('bullet', [[text('一')], [text('二 续')]]),
      table([
        [[text('甲')], [text('乙')], [text('丙')]],
        [[], [text('丁')], []],
        [[text('己 第二段')], [text('庚')], []],
      ]),
      paragraph([text('【待填写：牵头 单位】')]),
    ]);
    expect([...notes].sort()).toEqual(['cell-paragraphs', 'line-break', 'merged-cells', 'placeholder-key', 'underline']);
  });

  // Whatever a Word file holds, once fitted it is written and read back unchanged.
  const tricky = fc.constantFrom('甲', '乙 丙', ' ', '*', '**', '\\', '{', '}', '{{', '|', '#', '- ', '1. ', '>', '<!--', '-->', '<b>', '[a](b)', '!', '`', '~', '=', '_', '\u3000', '\t');
  const inlineArb: fc.Arbitrary<InlineJSON[]> = fc.array(
    fc.oneof(
      fc.record({ s: fc.array(tricky, { minLength: 1, maxLength: 4 }), f: fc.integer({ min: 0, max: 11 }) }).map(({ s, f }) => text(s.join(''), f) as InlineJSON),
      fc.constantFrom<InlineJSON>(placeholder('区名'), placeholder('牵头单位'), { type: 'linebreak', version: 1 }),
    ),
    { maxLength: 6 },
  );
  const blockArb: fc.Arbitrary<BlockJSON> = fc.oneof(
    inlineArb.map((i) => paragraph(i) as BlockJSON),
    fc.record({ t: fc.constantFrom<'bullet' | 'number'>('bullet', 'number'), items: fc.array(inlineArb, { minLength: 1, maxLength: 3 }) }).map(({ t, items }) => list(t, items) as BlockJSON),
    fc.array(fc.array(inlineArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => table(rows) as BlockJSON),
  );

  it('makes any body writable as template text (property)', () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 5 }), (blocks) => {
        const t = demo([{ title: '总则', body: fitBlocks(blocks, new Set()) }]);
        expect(withoutLines(roundTrip(t))).toEqual(withoutLines(t));
      }),
      { numRuns: 200 },
    );
  });
});
