// Template files: the body subset becomes the clause tree and Lexical JSON; every broken rule is a located Chinese problem.
import { createHeadlessEditor } from '@lexical/headless';
import { ListItemNode, ListNode } from '@lexical/list';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { $getRoot, DecoratorNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../electron/core/templates/parse-template';
import { FORMAT, blocksText, list, paragraph, placeholder, table, text, type BlockJSON } from '../../electron/shared/doc-model';
import type { TemplateProblem } from '../../electron/shared/schemas/template';

// Lines 1–21; the body starts on line 22.
const FRONT = `---
kind: plan-template
id: demo
revision: "2024"
supersedes: null
title: 市测试应急预案
districtTitle: "{{区名}}测试应急预案"
issuer: 市人民政府办公室
revisionYear: 2024
hazard: 测试灾害
category: 自然灾害
modelText: true
leadDepartment: "{{牵头单位}}"
placeholders:
  - key: 区名
    label: 区名
    profile: districtName
  - key: 牵头单位
    label: 牵头单位
    default: 区应急管理局
---
`;
const BODY = 22;
const MINIMAL = '# 总则 {#general}\n\n正文。\n';

const SAMPLE = `<!-- 示范文本 -->
# 总则 {#general}

## 编制目的 {#general.purpose}

为了做好{{区名}}的**应急**工作，
*依法*制定本预案。

- 第一项
- 第二项{{牵头单位}}

1. 甲
2. 乙

| 单位 | 职责 |
|---|---|
| {{牵头单位}} | **牵头** |
区公安分局 | 治安

<!--
  多行注释
-->
# 分级标准 {#annex-grading .annex}

## 一般 {#annex-grading.general}

内容
`;

/** FRONT with one key's line replaced (or removed when `line` is null). */
function front(key: string, line: string | null): string {
  const re = new RegExp(`^${key}:.*\\n`, 'm');
  expect(FRONT).toMatch(re);
  return FRONT.replace(re, line === null ? '' : `${line}\n`);
}

/** Parses a file that must fail, and returns its problems after the checks every problem must pass. */
function problemsOf(source: string): TemplateProblem[] {
  const r = parseTemplate(source, 'plans/demo/2024.md');
  expect(r.template).toBeNull();
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(p.file).toBe('plans/demo/2024.md');
    expect(p.message).toMatch(new RegExp(`^第 ${p.line} 行：.*[\\u4e00-\\u9fff]`));
    expect(p.message).not.toContain('plans/demo');
  }
  return r.problems;
}

function expectProblem(source: string, line: number, message: RegExp | string): void {
  const problems = problemsOf(source);
  const hit = problems.find((p) => p.line === line && (typeof message === 'string' ? p.message.includes(message) : message.test(p.message)));
  expect(hit, JSON.stringify(problems, null, 1)).toBeDefined();
}

describe('parseTemplate: a valid file', () => {
  const r = parseTemplate(FRONT + SAMPLE, 'plans/demo/2024.md');

  it('loads the metadata and placeholders, with no problems', () => {
    expect(r.problems).toEqual([]);
    expect(r.template?.file).toBe('plans/demo/2024.md');
    expect(r.template?.meta).toEqual({
      id: 'demo',
      revision: '2024',
      supersedes: null,
      title: '市测试应急预案',
      districtTitle: '{{区名}}测试应急预案',
      issuer: '市人民政府办公室',
      revisionYear: 2024,
      hazard: '测试灾害',
      category: '自然灾害',
      modelText: true,
      leadDepartment: '{{牵头单位}}',
    });
    expect(r.template?.placeholders).toEqual([
      { key: '区名', label: '区名', profile: 'districtName' },
      { key: '牵头单位', label: '牵头单位', default: '区应急管理局' },
    ]);
  });

  it('builds the clause tree from the headings, annexes included', () => {
    expect(r.template?.clauses.map(({ id, level, kind, title, line }) => ({ id, level, kind, title, line }))).toEqual([
      { id: 'general', level: 1, kind: 'body', title: '总则', line: BODY + 1 },
      { id: 'general.purpose', level: 2, kind: 'body', title: '编制目的', line: BODY + 3 },
      { id: 'annex-grading', level: 1, kind: 'annex', title: '分级标准', line: BODY + 22 },
      { id: 'annex-grading.general', level: 2, kind: 'annex', title: '一般', line: BODY + 24 },
    ]);
    expect(r.template?.clauses[0]?.body).toEqual([]);
    expect(r.template?.clauses[3]?.body).toEqual([paragraph([text('内容')])]);
  });

  it('turns paragraphs, lists and tables into Lexical JSON with bold, italic and placeholders', () => {
    const body = r.template?.clauses[1]?.body;
    expect(body).toEqual([
      // Wrapped lines join without a separator.
      paragraph([text('为了做好'), placeholder('区名'), text('的'), text('应急', FORMAT.bold), text('工作，'), text('依法', FORMAT.italic), text('制定本预案。')]),
      list('bullet', [[text('第一项')], [text('第二项'), placeholder('牵头单位')]]),
      list('number', [[text('甲')], [text('乙')]]),
      table([
        [[text('单位')], [text('职责')]],
        [[placeholder('牵头单位')], [text('牵头', FORMAT.bold)]],
        [[text('区公安分局')], [text('治安')]],
      ]),
    ]);
    const t = body?.[3];
    expect(t?.type === 'table' && t.children.map((row) => row.children.map((c) => c.headerState))).toEqual([
      [2, 2],
      [0, 0],
      [0, 0],
    ]);
  });

  it('reads CRLF files, numeric revisions, an absent supersedes, and no placeholders at all', () => {
    let src = front('revision', 'revision: 2024').replace(/^supersedes:.*\n/m, '');
    src = src.replace(/^districtTitle:.*$/m, 'districtTitle: 区测试应急预案').replace(/^leadDepartment:.*$/m, 'leadDepartment: 区应急管理局');
    src = src.replace(/^placeholders:[\s\S]*?(?=^---)/m, '');
    const crlf = parseTemplate((src + MINIMAL).replace(/\n/g, '\r\n'), 'x.md');
    expect(crlf.problems).toEqual([]);
    expect(crlf.template?.meta.revision).toBe('2024');
    expect(crlf.template?.meta.supersedes).toBeNull();
    expect(crlf.template?.placeholders).toEqual([]);
    expect(crlf.template?.clauses[0]?.body).toEqual([paragraph([text('正文。')])]);
  });

  it('keeps escaped asterisks and a numbered list after blank lines as one list', () => {
    const t = parseTemplate(`${FRONT}# 总则 {#g}\n\n风速 5\\*3 级\n\n1. 甲\n\n2. 乙\n`, 'x.md').template;
    expect(t?.clauses[0]?.body).toEqual([paragraph([text('风速 5*3 级')]), list('number', [[text('甲')], [text('乙')]])]);
  });
});

describe('parseTemplate: front matter problems', () => {
  it('a file without front matter', () => expectProblem(MINIMAL, 1, '缺少 YAML 前言'));
  it('front matter that never closes', () => expectProblem(FRONT.replace(/---\n$/, '') + MINIMAL, 1, '前言没有结束'));
  it('a YAML syntax error, at its line in the file', () => expectProblem(front('title', 'title: "市测试应急预案') + MINIMAL, 6, 'YAML 语法错误'));
  it('a duplicate YAML key', () => expectProblem(front('hazard', 'hazard: 测试灾害\nhazard: 其他') + MINIMAL, 11, '字段重复'));
  it('an unquoted {{placeholder}} value, with a hint', () => expectProblem(front('districtTitle', 'districtTitle: {{区名}}测试应急预案') + MINIMAL, 7, '须用引号'));
  it('a missing key', () => expectProblem(front('hazard', null) + MINIMAL, 1, /缺少字段 hazard（灾种）/));
  it('an unknown key (a typo)', () => expectProblem(front('issuer', 'issuer: 市人民政府办公室\nissure: 市政府') + MINIMAL, 9, '未知的前言字段 “issure”'));
  it('kind other than plan-template', () => expectProblem(front('kind', 'kind: plan') + MINIMAL, 2, '须为 plan-template'));
  it('an id with capitals or underscores', () => expectProblem(front('id', 'id: Demo_1') + MINIMAL, 3, 'id（模板编号）只能用小写字母'));
  it('an empty revision', () => expectProblem(front('revision', 'revision: ""') + MINIMAL, 4, 'revision（修订版本）须为非空文字'));
  it('a supersedes that is not text', () => expectProblem(front('supersedes', 'supersedes: [2019]') + MINIMAL, 5, 'supersedes'));
  it('a supersedes naming the revision itself', () => expectProblem(front('supersedes', 'supersedes: "2024"') + MINIMAL, 5, '不能是本修订版本自身'));
  it('a revisionYear that is not an integer', () => {
    expectProblem(front('revisionYear', 'revisionYear: "2024"') + MINIMAL, 9, '须为整数年份');
    expectProblem(front('revisionYear', 'revisionYear: 2024.5') + MINIMAL, 9, '须为整数年份');
  });
  it('a category outside the four', () => expectProblem(front('category', 'category: 自然') + MINIMAL, 11, '须为 自然灾害、事故灾难、公共卫生事件、社会安全事件 之一'));
  it('a modelText that is not a boolean', () => expectProblem(front('modelText', 'modelText: "是"') + MINIMAL, 12, '须为 true 或 false'));
  it('an empty title or issuer', () => {
    expectProblem(front('title', 'title: ""') + MINIMAL, 6, 'title（预案标题）须为非空文字');
    expectProblem(front('issuer', 'issuer: 2024') + MINIMAL, 8, 'issuer（发布机关）须为非空文字');
  });
  it('a placeholder entry without label or key', () => {
    expectProblem(FRONT.replace('    label: 区名\n', '') + MINIMAL, 15, '缺少 label');
    expectProblem(FRONT.replace('  - key: 牵头单位\n    label: 牵头单位', '  - label: 牵头单位') + MINIMAL, 18, '缺少 key');
  });
  it('a placeholder profile that is not a profile field', () => expectProblem(FRONT.replace('profile: districtName', 'profile: district') + MINIMAL, 15, /profile 须为 districtName、governmentName、emergencyBureau 之一/));
  it('a placeholder declared twice, naming the first declaration', () => expectProblem(FRONT.replace('  - key: 牵头单位', '  - key: 区名\n    label: 又一个\n  - key: 牵头单位') + MINIMAL, 18, '占位符 {{区名}} 重复声明（第 15 行已声明）'));
  it('a placeholders value that is not a list', () => expectProblem(FRONT.replace(/^placeholders:[\s\S]*?(?=^---)/m, 'placeholders: 区名\n').replace(/"\{\{.*?\}\}/g, '"') + MINIMAL, 14, '须为列表'));
  it('undeclared placeholders in districtTitle and leadDepartment', () => {
    expectProblem(front('districtTitle', 'districtTitle: "{{区县}}测试应急预案"') + MINIMAL, 7, '未声明的占位符 {{区县}}');
    expectProblem(front('leadDepartment', 'leadDepartment: "{{牵头部门}}"') + MINIMAL, 13, '未声明的占位符 {{牵头部门}}');
  });
});

describe('parseTemplate: body problems', () => {
  const body = (s: string) => FRONT + s;
  it('a heading without a clause id', () => expectProblem(body('# 总则 {#g}\n\n## 编制目的\n'), BODY + 2, '标题缺少条款编号'));
  it('a clause id with bad characters', () => expectProblem(body('# 总则 {#General_1}\n'), BODY, '条款编号 “General_1” 格式不正确'));
  it('a duplicate clause id, naming the first line', () => expectProblem(body('# 总则 {#g}\n\n## 目的 {#g.a}\n\n## 依据 {#g.a}\n'), BODY + 4, `条款编号 “g.a” 重复（第 ${BODY + 2} 行已使用）`));
  it('a level jump', () => expectProblem(body('# 总则 {#g}\n\n### 目的 {#g.a}\n'), BODY + 2, '标题层级跳跃：三级标题不能直接位于一级标题之下'));
  it('a first heading below level 1', () => expectProblem(body('## 目的 {#a}\n'), BODY, '第一个标题须为一级标题'));
  it('.annex on a heading below level 1', () => expectProblem(body('# 总则 {#g}\n\n## 附表 {#g.t .annex}\n'), BODY + 2, '只有一级标题可以标记为附件'));
  it('a body level-1 heading after an annex', () => expectProblem(body('# 附件 {#annex-a .annex}\n\n# 附则 {#supplement}\n'), BODY + 2, '附件之后不能再有正文一级标题'));
  it('an unknown heading class', () => expectProblem(body('# 总则 {#g .appendix}\n'), BODY, '不支持的标题属性 “.appendix”'));
  it('an undeclared placeholder in the body, at its own line of the paragraph', () => expectProblem(body('# 总则 {#g}\n\n第一行\n由{{指挥长}}负责。\n'), BODY + 3, '未声明的占位符 {{指挥长}}'));
  it('a placeholder in a heading', () => expectProblem(body('# {{区名}}总则 {#g}\n'), BODY, '标题中不能使用占位符 {{区名}}'));
  it('a table row with the wrong number of cells', () => expectProblem(body('# 总则 {#g}\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n| 3 |\n'), BODY + 5, '表格这一行有 1 个单元格，表头有 2 个'));
  it('a table without its separator row', () => expectProblem(body('# 总则 {#g}\n\n| 甲 | 乙 |\n| 1 | 2 |\n'), BODY + 2, '分隔行'));
  it('an unclosed ** in a wrapped paragraph, at the line where it opens', () => expectProblem(body('# 总则 {#g}\n\n第一行\n第二行**加粗\n第三行\n'), BODY + 3, '“**” 没有闭合'));
  it('raw HTML, as a line or inline', () => {
    expectProblem(body('# 总则 {#g}\n\n<div>\n'), BODY + 2, '不支持 HTML 标签 <div>');
    expectProblem(body('# 总则 {#g}\n\n- 第一项<br/>换行\n'), BODY + 2, '不支持 HTML 标签 <br/>');
  });
  it('a comment sharing its line with text, and one never closed', () => {
    expectProblem(body('# 总则 {#g}\n\n正文<!-- 注释 -->\n'), BODY + 2, '注释须单独成行');
    expectProblem(body('# 总则 {#g}\n\n<!-- 注释\n正文\n'), BODY + 2, '注释没有结束');
  });
  it('nested lists and other Markdown outside the subset', () => {
    expectProblem(body('# 总则 {#g}\n\n- 甲\n  - 乙\n'), BODY + 3, '不支持嵌套列表');
    expectProblem(body('# 总则 {#g}\n\n> 引用\n'), BODY + 2, '不支持引用块');
    expectProblem(body('# 总则 {#g}\n\n##### 五级 {#g.a}\n'), BODY + 2, '只支持 # 至 #### 四级标题');
  });
  it('text before the first heading', () => expectProblem(body('前言文字\n\n# 总则 {#g}\n'), BODY, '第一个标题之前不能有正文'));
  it('a body with no clauses', () => expectProblem(body('\n<!-- 只有注释 -->\n'), BODY, '正文没有任何条款'));
  it('reports every problem of a file, in line order, and loads nothing', () => {
    const problems = problemsOf(body('# 总则\n\n## 目的 {#a}\n\n{{未知}}\n'));
    expect(problems.map((p) => p.line)).toEqual([BODY, BODY + 4]);
  });
});

// ---- Lexical accepts the JSON -----------------------------------------------------------------

type SerializedPlaceholderNode = Spread<{ key: string }, SerializedLexicalNode>;

/** The smallest placeholder chip the editor needs to read the JSON; the app's real one renders a tag. */
class PlaceholderNode extends DecoratorNode<null> {
  __placeholder: string;

  static override getType(): string {
    return 'placeholder';
  }
  static override clone(node: PlaceholderNode): PlaceholderNode {
    return new PlaceholderNode(node.__placeholder, node.__key);
  }
  static override importJSON(json: SerializedPlaceholderNode): PlaceholderNode {
    return new PlaceholderNode(json.key);
  }
  constructor(placeholderKey: string, key?: NodeKey) {
    super(key);
    this.__placeholder = placeholderKey;
  }
  override exportJSON(): SerializedPlaceholderNode {
    return { type: 'placeholder', version: 1, key: this.__placeholder };
  }
  override createDOM(): HTMLElement {
    return document.createElement('span');
  }
  override updateDOM(): false {
    return false;
  }
  override decorate(): null {
    return null;
  }
  override isInline(): true {
    return true;
  }
  override getTextContent(): string {
    return `{{${this.__placeholder}}}`;
  }
}

/** What a node means, without the element fields Lexical recomputes. */
function shape(node: unknown): unknown {
  const n = node as Record<string, unknown>;
  const keep = ['type', 'text', 'format', 'key', 'listType', 'headerState', 'colSpan', 'rowSpan'].filter((k) => k in n && !(n.type !== 'text' && k === 'format'));
  return { ...Object.fromEntries(keep.map((k) => [k, n[k]])), ...(Array.isArray(n.children) ? { children: n.children.map(shape) } : {}) };
}

describe('parseTemplate: the body JSON in a real Lexical editor', () => {
  it('loads into a headless editor and exports back the same content', () => {
    const t = parseTemplate(FRONT + SAMPLE, 'x.md').template;
    const body: BlockJSON[] = t?.clauses.flatMap((c) => c.body) ?? [];
    expect(body.length).toBe(5);
    const editor = createHeadlessEditor({
      namespace: 'template-test',
      nodes: [ListNode, ListItemNode, TableNode, TableRowNode, TableCellNode, PlaceholderNode],
      onError: (e) => {
        throw e;
      },
    });
    editor.setEditorState(editor.parseEditorState({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: body } } as never));
    const exported = editor.getEditorState().toJSON().root.children as unknown as BlockJSON[];
    expect(blocksText(exported)).toBe(blocksText(body));
    // Lexical derives some element fields (a paragraph's textFormat) itself; the content must survive intact.
    expect(exported.map(shape)).toEqual(body.map(shape));
    const content = editor.getEditorState().read(() => $getRoot().getTextContent());
    for (const piece of ['为了做好{{区名}}的应急工作，依法制定本预案。', '第二项{{牵头单位}}', '区公安分局', '内容']) expect(content).toContain(piece);
  });
});
