// Converts between a chapter's sections and the Lexical editor state of that chapter (pure JSON both ways).
// A chapter is one level-1 section and the sections after it; each section is a heading node + its blocks.
import { inlineText, text, type BlockJSON, type InlineJSON, type ListItemJSON, type ParagraphJSON, type PlanSection, type SectionKind, type SectionLevel } from './doc-model';

export const HEADING_TYPE = 'section-heading';

export interface HeadingJSON {
  type: typeof HEADING_TYPE;
  sectionId: string;
  level: SectionLevel;
  kind: SectionKind;
  children: InlineJSON[];
  direction: null;
  format: '';
  indent: 0;
  version: 1;
}

interface AnyNode {
  type: string;
  children?: AnyNode[];
  [k: string]: unknown;
}

export interface EditorStateJSON {
  root: { type: 'root'; children: AnyNode[]; direction: null; format: ''; indent: 0; version: 1 };
}

export function headingJSON(sectionId: string, level: SectionLevel, kind: SectionKind, title: string): HeadingJSON {
  return { type: HEADING_TYPE, sectionId, level, kind, children: title ? [text(title)] : [], direction: null, format: '', indent: 0, version: 1 };
}

export function chapterToState(sections: PlanSection[]): EditorStateJSON {
  const children: AnyNode[] = [];
  for (const s of sections) {
    children.push(headingJSON(s.id, s.level, s.kind, s.title) as unknown as AnyNode);
    children.push(...(s.body as unknown as AnyNode[]));
  }
  return { root: { type: 'root', children, direction: null, format: '', indent: 0, version: 1 } };
}

function inlineOf(nodes: AnyNode[] | undefined): InlineJSON[] {
  const out: InlineJSON[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'text' || n.type === 'placeholder' || n.type === 'linebreak') out.push(n as unknown as InlineJSON);
    else if (n.type === 'tab') out.push(text('\t'));
    // Inline elements from pastes (links, marks): keep their text.
    else if (n.children) out.push(...inlineOf(n.children));
  }
  return out;
}

function paragraphOf(children: InlineJSON[]): ParagraphJSON {
  return { type: 'paragraph', children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', version: 1 };
}

/** Nested lists (Tab in a list) become following items of the same list: the document model keeps lists flat. */
function flattenItems(items: AnyNode[]): ListItemJSON[] {
  const out: ListItemJSON[] = [];
  for (const li of items) {
    const nested = (li.children ?? []).filter((c) => c.type === 'list');
    const own = inlineOf((li.children ?? []).filter((c) => c.type !== 'list'));
    if (own.length || !nested.length) out.push({ ...(li as unknown as ListItemJSON), children: own, value: out.length + 1, indent: 0 });
    for (const n of nested) out.push(...flattenItems(n.children ?? []).map((x) => ({ ...x, value: out.length + 1 })));
  }
  return out;
}

function blockOf(n: AnyNode): BlockJSON {
  if (n.type === 'paragraph') return { ...(n as unknown as ParagraphJSON), children: inlineOf(n.children) };
  if (n.type === 'list') return { ...(n as unknown as BlockJSON & { type: 'list' }), children: flattenItems(n.children ?? []) };
  if (n.type === 'table') return n as unknown as BlockJSON;
  // Anything else a paste may bring (quotes, code, foreign headings) keeps its text as a paragraph.
  return paragraphOf(inlineOf(n.children));
}

/**
 * Reads a chapter's sections back from its editor state. Lineage is looked up by section id. The first
 * heading is the chapter's level-1 heading; text before it (never expected) is kept in a recreated heading,
 * and any further level-1 heading is demoted to level 2 so the chapter stays one chapter.
 */
export function stateToChapter(state: EditorStateJSON, chapter: { id: string; title: string; kind: SectionKind }, lineage: (id: string) => PlanSection['lineage']): PlanSection[] {
  const sections: PlanSection[] = [];
  for (const n of state.root.children) {
    if (n.type === HEADING_TYPE) {
      const h = n as unknown as HeadingJSON;
      const first = sections.length === 0;
      const level: SectionLevel = first ? 1 : h.level === 1 ? 2 : h.level;
      const s: PlanSection = { id: first ? chapter.id : h.sectionId, level, kind: first ? h.kind : chapter.kind, title: inlineText(inlineOf(h.children as unknown as AnyNode[])).trim(), body: [] };
      const l = lineage(s.id);
      if (l) s.lineage = l;
      sections.push(s);
      continue;
    }
    if (sections.length === 0) {
      const s: PlanSection = { id: chapter.id, level: 1, kind: chapter.kind, title: chapter.title, body: [] };
      const l = lineage(s.id);
      if (l) s.lineage = l;
      sections.push(s);
    }
    sections[sections.length - 1]!.body.push(blockOf(n));
  }
  if (sections.length === 0) sections.push({ id: chapter.id, level: 1, kind: chapter.kind, title: chapter.title, body: [] });
  return sections;
}

export interface OutlineEntry {
  id: string;
  level: SectionLevel;
  kind: SectionKind;
  title: string;
}

/** The headings of a chapter's state, for the outline and numbering (top-level nodes only: cheap). */
export function outlineOf(state: EditorStateJSON): OutlineEntry[] {
  return state.root.children
    .filter((n) => n.type === HEADING_TYPE)
    .map((n) => {
      const h = n as unknown as HeadingJSON;
      return { id: h.sectionId, level: h.level, kind: h.kind, title: inlineText(inlineOf(h.children as unknown as AnyNode[])) };
    });
}
