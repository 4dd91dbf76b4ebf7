// The body of a template file, line by line: headings become clauses, the blocks under them Lexical JSON.
import { inlineText, list, paragraph, table, type InlineJSON, type SectionLevel, type BlockJSON } from '../../shared/doc-model';
import type { TemplateClause } from '../../shared/schemas/template';
import { parseInline, type LineIssue } from './parse-inline';

export interface Body {
  clauses: TemplateClause[];
  /** Every placeholder use, with its line, for the declaration check. */
  uses: { key: string; line: number }[];
  issues: LineIssue[];
}

/** One source line of a block, trimmed, with its 1-based file line. */
interface Part {
  text: string;
  line: number;
}

const LEVEL_NAMES = ['', '一', '二', '三', '四'];
const CLAUSE_ID = /^[a-z0-9][a-z0-9.-]*$/;
const TABLE_SEPARATOR = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/;
const LIST_ITEM = /^(-|\d+\.)\s+(.*)$/;
const HEADING_ATTRS = /\s*\{([^{}]*)\}\s*$/;

// Markdown forms outside the subset, recognised so the author gets a precise reason.
const UNSUPPORTED: [RegExp, string][] = [
  [/^#{5,}(\s|$)/, '只支持 # 至 #### 四级标题'],
  [/^#{1,4}[^#\s]/, '标题的 # 之后须有一个空格'],
  [/^\s+(-|\*|\+|\d+\.)\s/, '不支持嵌套列表或缩进的列表项'],
  [/^[*+]\s/, '列表项须以 “- ” 或 “1. ” 开头'],
  [/^(```|~~~)/, '不支持代码块'],
  [/^>/, '不支持引用块'],
  [/^(-{3,}|\*{3,}|_{3,}|={3,})\s*$/, '不支持分隔线'],
];

type LineKind = 'blank' | 'comment' | 'heading' | 'item' | 'unsupported' | 'text';

function kindOf(raw: string): LineKind {
  const t = raw.trim();
  if (!t) return 'blank';
  if (t.startsWith('<!--')) return 'comment';
  if (UNSUPPORTED.some(([re]) => re.test(raw))) return 'unsupported';
  if (/^#{1,4}(\s|$)/.test(raw)) return 'heading';
  if (LIST_ITEM.test(raw)) return 'item';
  return 'text';
}

const listTypeOf = (raw: string) => (raw.startsWith('-') ? 'bullet' : 'number');

/** Splits a pipe-table row into trimmed cells; `\|` stays inside a cell for the inline parser. */
export function splitRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '\\' && row[i + 1] === '|') cell += row[i++] + '|';
    else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  const t = row.trim();
  if (t.startsWith('|')) cells.shift();
  if (t.endsWith('|') && !t.endsWith('\\|')) cells.pop();
  return cells.map((c) => c.trim());
}

/** Parses `lines` from the 0-based index `start` (the line after the front matter). */
export function parseBody(lines: string[], start: number): Body {
  return new BodyReader(lines).read(start);
}

class BodyReader {
  private readonly body: Body = { clauses: [], uses: [], issues: [] };
  private readonly seen = new Map<string, number>();
  private current: TemplateClause | null = null;
  private inAnnex = false;
  private orphanReported = false;

  constructor(private readonly lines: string[]) {}

  read(start: number): Body {
    let i = start;
    while (i < this.lines.length) {
      const raw = this.at(i);
      const kind = kindOf(raw);
      if (kind === 'comment') i = this.comment(i);
      else if (kind === 'item') i = this.list(i);
      else if (kind === 'text' && this.isTableStart(i)) i = this.table(i);
      else if (kind === 'text' && raw.trim().startsWith('|')) i = this.tableWithoutSeparator(i);
      else if (kind === 'text') i = this.paragraph(i);
      else {
        if (kind === 'heading') this.heading(raw.trim(), i + 1);
        if (kind === 'unsupported') this.issue(i + 1, UNSUPPORTED.find(([re]) => re.test(raw))?.[1] ?? '不支持的写法');
        i++;
      }
    }
    if (!this.body.clauses.length) this.issue(Math.max(1, Math.min(start + 1, this.lines.length)), '正文没有任何条款：至少须有一个一级标题（# 标题 {#编号}）');
    return this.body;
  }

  private at(i: number): string {
    return this.lines[i] ?? '';
  }

  private issue(line: number, text: string): void {
    this.body.issues.push({ line, text });
  }

  /** Inline text of a block, joined without separators (wrapped Chinese lines have no spaces). */
  private inline(parts: Part[]): InlineJSON[] {
    const starts: number[] = [];
    let joined = '';
    for (const p of parts) {
      starts.push(joined.length);
      joined += p.text;
    }
    const lineAt = (offset: number) => parts[starts.findLastIndex((s) => s <= offset)]?.line ?? 0;
    const r = parseInline(joined);
    r.issues.forEach((x) => this.issue(lineAt(x.offset), x.text));
    r.keys.forEach((k) => this.body.uses.push({ key: k.key, line: lineAt(k.offset) }));
    return r.nodes;
  }

  private add(block: BlockJSON, line: number): void {
    if (this.current) this.current.body.push(block);
    else if (!this.orphanReported) {
      this.issue(line, '第一个标题之前不能有正文：正文须从一级标题（# 标题 {#编号}）开始');
      this.orphanReported = true;
    }
  }

  private heading(raw: string, line: number): void {
    const level = Math.min(4, /^#+/.exec(raw)?.[0].length ?? 1) as SectionLevel;
    const m = HEADING_ATTRS.exec(raw);
    const attrs = m?.[1]?.trim().split(/\s+/) ?? [];
    const id = attrs[0]?.startsWith('#') ? attrs[0].slice(1) : null;
    const annex = attrs.slice(1).includes('.annex');
    this.checkId(id, line);
    for (const a of attrs.slice(1)) if (a !== '.annex') this.issue(line, `不支持的标题属性 “${a}”：只允许 .annex`);
    const title = this.headingTitle((id !== null && m ? raw.slice(0, m.index) : raw).replace(/^#+/, ''), line);
    this.checkPlace(level, annex, line);
    if (level === 1 && annex) this.inAnnex = true;
    this.current = { id: id ?? '', level, kind: this.inAnnex ? 'annex' : 'body', title, body: [], line };
    this.body.clauses.push(this.current);
  }

  private checkId(id: string | null, line: number): void {
    const first = id === null ? undefined : this.seen.get(id);
    if (id === null) this.issue(line, '标题缺少条款编号：标题末尾须写 {#编号}，如 ## 编制目的 {#purpose}');
    else if (!CLAUSE_ID.test(id)) this.issue(line, `条款编号 “${id}” 格式不正确：只能用小写字母、数字、“-”和“.”，且以字母或数字开头`);
    else if (first !== undefined) this.issue(line, `条款编号 “${id}” 重复（第 ${first} 行已使用）`);
    else this.seen.set(id, line);
  }

  /** Heading text is plain: no placeholders, no bold or italic. */
  private headingTitle(src: string, line: number): string {
    const r = parseInline(src.trim());
    r.issues.forEach((x) => this.issue(line, x.text));
    r.keys.forEach((k) => this.issue(line, `标题中不能使用占位符 {{${k.key}}}`));
    if (r.nodes.some((n) => n.type === 'text' && n.format !== 0)) this.issue(line, '标题须为纯文字，不能加粗或倾斜');
    const title = inlineText(r.nodes).trim();
    if (!title) this.issue(line, '标题文字为空');
    return title;
  }

  /** Levels descend one step at a time; annexes are level 1 and come after the main text. */
  private checkPlace(level: SectionLevel, annex: boolean, line: number): void {
    const prev = this.body.clauses[this.body.clauses.length - 1];
    if (!prev && level !== 1) this.issue(line, '第一个标题须为一级标题（#）');
    if (prev && level > prev.level + 1) this.issue(line, `标题层级跳跃：${LEVEL_NAMES[level]}级标题不能直接位于${LEVEL_NAMES[prev.level]}级标题之下`);
    if (annex && level !== 1) this.issue(line, '只有一级标题可以标记为附件（.annex）');
    if (level === 1 && !annex && this.inAnnex) this.issue(line, '附件之后不能再有正文一级标题：附件须放在正文之后');
  }

  /** A comment may span lines; nothing may follow its `-->` on the same line. */
  private comment(i: number): number {
    for (let j = i; j < this.lines.length; j++) {
      const l = this.at(j);
      const end = l.indexOf('-->', j === i ? l.indexOf('<!--') + 4 : 0);
      if (end < 0) continue;
      if (l.slice(end + 3).trim()) this.issue(j + 1, 'HTML 注释须单独成行：--> 之后不能再有文字');
      return j + 1;
    }
    this.issue(i + 1, '注释没有结束：缺少 -->');
    return this.lines.length;
  }

  private paragraph(i: number): number {
    const parts: Part[] = [];
    while (i < this.lines.length && kindOf(this.at(i)) === 'text' && !(parts.length && this.isTableStart(i))) {
      parts.push({ text: this.at(i).trim(), line: i + 1 });
      i++;
    }
    this.add(paragraph(this.inline(parts)), parts[0]?.line ?? i);
    return i;
  }

  /** Items of one kind, with wrapped continuation lines; blank lines between items keep the list. */
  private list(i: number): number {
    const first = i + 1;
    const listType = listTypeOf(this.at(i));
    const sameKind = (l: string) => kindOf(l) === 'item' && listTypeOf(l) === listType;
    const items: Part[][] = [];
    while (i < this.lines.length) {
      const l = this.at(i);
      const nextItem = this.skipBlank(i);
      if (sameKind(l)) items.push([{ text: LIST_ITEM.exec(l)?.[2]?.trim() ?? '', line: i + 1 }]);
      else if (kindOf(l) === 'text' && this.at(i - 1).trim()) items[items.length - 1]?.push({ text: l.trim(), line: i + 1 });
      else if (kindOf(l) === 'blank' && sameKind(this.at(nextItem))) i = nextItem - 1;
      else break;
      i++;
    }
    this.add(list(listType, items.map((parts) => this.inline(parts))), first);
    return i;
  }

  private skipBlank(i: number): number {
    while (i < this.lines.length && !this.at(i).trim()) i++;
    return i;
  }

  private isTableStart(i: number): boolean {
    return this.at(i).includes('|') && TABLE_SEPARATOR.test(this.at(i + 1).trim());
  }

  private table(i: number): number {
    const first = i + 1;
    const header = splitRow(this.at(i));
    const width = header.length;
    const separator = splitRow(this.at(i + 1)).length;
    if (separator !== width) this.issue(i + 2, `表格分隔行有 ${separator} 列，表头有 ${width} 列`);
    const rows: InlineJSON[][][] = [header.map((c) => this.inline([{ text: c, line: first }]))];
    for (i += 2; i < this.lines.length && this.at(i).includes('|') && kindOf(this.at(i)) === 'text'; i++) {
      const cells = splitRow(this.at(i));
      if (cells.length !== width) this.issue(i + 1, `表格这一行有 ${cells.length} 个单元格，表头有 ${width} 个`);
      rows.push(cells.map((c) => this.inline([{ text: c, line: i + 1 }])));
    }
    this.add(table(rows), first);
    return i;
  }

  private tableWithoutSeparator(i: number): number {
    this.issue(i + 1, '表格缺少第二行的 |---| 分隔行');
    while (i < this.lines.length && this.at(i).trim() && this.at(i).includes('|')) i++;
    return i;
  }
}
