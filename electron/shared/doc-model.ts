// The saved shape of a plan document: sections with stable ids and lineage, bodies as Lexical JSON.
// Core code (templates, merge, checks, search, export) reads and builds these without an editor.

export const DOC_SCHEMA = 1;

export type NumberingStyle = 'official' | 'decimal';
export type SectionLevel = 1 | 2 | 3 | 4;
export type SectionKind = 'body' | 'annex';

/** Lexical text format bits (lexical's TextNode `format`). */
export const FORMAT = { bold: 1, italic: 2, underline: 8 } as const;

export interface TextJSON {
  type: 'text';
  text: string;
  format: number;
  detail: 0;
  mode: 'normal';
  style: string;
  version: 1;
}

/** A placeholder chip, e.g. {{牵头单位}}, until the planner fills it. */
export interface PlaceholderJSON {
  type: 'placeholder';
  key: string;
  version: 1;
}

export interface LineBreakJSON {
  type: 'linebreak';
  version: 1;
}

export type InlineJSON = TextJSON | PlaceholderJSON | LineBreakJSON;

interface ElementBase {
  direction: 'ltr' | 'rtl' | null;
  format: '' | 'left' | 'center' | 'right' | 'justify' | 'start' | 'end';
  indent: number;
  version: 1;
}

export interface ParagraphJSON extends ElementBase {
  type: 'paragraph';
  children: InlineJSON[];
  textFormat: number;
  textStyle: string;
}

export interface ListItemJSON extends ElementBase {
  type: 'listitem';
  value: number;
  children: InlineJSON[];
}

export interface ListJSON extends ElementBase {
  type: 'list';
  listType: 'bullet' | 'number';
  start: number;
  tag: 'ul' | 'ol';
  children: ListItemJSON[];
}

export interface TableCellJSON extends ElementBase {
  type: 'tablecell';
  /** 0 none, 1 row header, 2 column header, 3 both (lexical's TableCellHeaderStates). */
  headerState: number;
  colSpan: number;
  rowSpan: number;
  backgroundColor: null;
  children: ParagraphJSON[];
}

export interface TableRowJSON extends ElementBase {
  type: 'tablerow';
  children: TableCellJSON[];
}

export interface TableJSON extends ElementBase {
  type: 'table';
  children: TableRowJSON[];
}

export type BlockJSON = ParagraphJSON | ListJSON | TableJSON;

export interface SectionLineage {
  templateId: string;
  revision: string;
  clauseId: string;
  /** The template's title and body as the plan took them (placeholders filled as they were then). */
  baseTitle: string;
  baseBody: BlockJSON[];
}

export interface PlanSection {
  id: string;
  level: SectionLevel;
  kind: SectionKind;
  title: string;
  body: BlockJSON[];
  lineage?: SectionLineage;
}

export interface PlaceholderValue {
  key: string;
  label: string;
  value: string;
}

export interface PlanDocument {
  schema: typeof DOC_SCHEMA;
  numbering: NumberingStyle;
  placeholders: PlaceholderValue[];
  sections: PlanSection[];
}

// ---- builders -------------------------------------------------------------------------------

const element = { direction: null, format: '', indent: 0, version: 1 } as const;

export function text(value: string, format = 0): TextJSON {
  return { type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 };
}

export function placeholder(key: string): PlaceholderJSON {
  return { type: 'placeholder', key, version: 1 };
}

export function paragraph(children: InlineJSON[]): ParagraphJSON {
  return { ...element, type: 'paragraph', children, textFormat: 0, textStyle: '' };
}

export function list(listType: 'bullet' | 'number', items: InlineJSON[][]): ListJSON {
  return {
    ...element,
    type: 'list',
    listType,
    start: 1,
    tag: listType === 'bullet' ? 'ul' : 'ol',
    children: items.map((children, i) => ({ ...element, type: 'listitem', value: i + 1, children })),
  };
}

/** A table whose first row is the header row. */
export function table(rows: InlineJSON[][][]): TableJSON {
  return {
    ...element,
    type: 'table',
    children: rows.map((cells, r) => ({
      ...element,
      type: 'tablerow',
      children: cells.map((inline) => ({ ...element, type: 'tablecell', headerState: r === 0 ? 2 : 0, colSpan: 1, rowSpan: 1, backgroundColor: null, children: [paragraph(inline)] })),
    })),
  };
}

// ---- reading --------------------------------------------------------------------------------

export function inlineText(nodes: InlineJSON[], fill?: (key: string) => string | undefined): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'linebreak' ? '\n' : (fill?.(n.key) ?? `{{${n.key}}}`))).join('');
}

/** Plain text of a body, one line per paragraph, list item or table row (cells tab-separated). */
export function blocksText(blocks: BlockJSON[], fill?: (key: string) => string | undefined): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') lines.push(inlineText(b.children, fill));
    else if (b.type === 'list') for (const li of b.children) lines.push(inlineText(li.children, fill));
    else for (const row of b.children) lines.push(row.children.map((c) => c.children.map((p) => inlineText(p.children, fill)).join('\n')).join('\t'));
  }
  return lines.join('\n');
}

/** The declared keys still unfilled in a title or lead unit (as {{key}} or 〔key〕; other 〔…〕, say 〔2024〕, are text). */
export function titleKeys(s: string, declared: readonly { key: string }[]): string[] {
  return declared.map((p) => p.key).filter((key) => s.includes(`〔${key}〕`) || s.includes(`{{${key}}}`));
}

/** Placeholder keys used anywhere in the blocks, in order of first use. */
export function placeholderKeys(blocks: BlockJSON[]): string[] {
  const keys: string[] = [];
  const visit = (inline: InlineJSON[]) => inline.forEach((n) => n.type === 'placeholder' && !keys.includes(n.key) && keys.push(n.key));
  for (const b of blocks) {
    if (b.type === 'paragraph') visit(b.children);
    else if (b.type === 'list') b.children.forEach((li) => visit(li.children));
    else b.children.forEach((r) => r.children.forEach((c) => c.children.forEach((p) => visit(p.children))));
  }
  return keys;
}

/** Counts characters as a Chinese word processor does: everything but whitespace. */
export function charCount(s: string): number {
  return s.replace(/\s/g, '').length;
}
