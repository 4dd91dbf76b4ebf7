// Which sections of a chapter an update touched, and those sections alone as state JSON: typing saves the
// section it changed (O(section)), not the chapter. The ids follow stateToChapter: the chapter's first
// heading, and anything before it, is the chapter's own section.
import { stateToChapter, type EditorStateJSON } from '@shared/chapter-json';
import type { PlanSection, SectionKind } from '@shared/doc-model';
import { $exportNodeJSON, $getNodeByKey, $getRoot, $isElementNode, $isRootNode, type LexicalNode, type NodeKey, type SerializedLexicalNode } from 'lexical';
import { $isSectionHeadingNode, type SectionHeadingNode } from './nodes/SectionHeadingNode';

/**
 * The root's child that holds a node: for text in a table cell, the table. (Lexical's getTopLevelElement stops at
 * the cell, a shadow root, and answers with the cell's paragraph, above which no heading is found.)
 */
export function $blockOf(node: LexicalNode): LexicalNode | null {
  for (let n: LexicalNode | null = node; n; ) {
    const parent: LexicalNode | null = n.getParent();
    if (parent === null) return null;
    if ($isRootNode(parent)) return n;
    n = parent;
  }
  return null;
}

/** The nearest heading at or above a top-level block. */
export function $headingAbove(top: LexicalNode | null): SectionHeadingNode | null {
  let node = top;
  while (node && !$isSectionHeadingNode(node)) node = node.getPreviousSibling();
  return node && $isSectionHeadingNode(node) ? node : null;
}

function $firstHeading(): SectionHeadingNode | null {
  for (let n = $getRoot().getFirstChild(); n; n = n.getNextSibling()) if ($isSectionHeadingNode(n)) return n;
  return null;
}

function $sectionIdOf(top: LexicalNode, chapterId: string, first: SectionHeadingNode | null): string {
  const h = $headingAbove(top);
  return !h || h.is(first) ? chapterId : h.getSectionId();
}

/**
 * The sections holding the nodes an update changed; 'all' when that cannot be told from them: a change of
 * the whole state (undo sets one: only the root is marked) or of a node no longer in the chapter.
 */
export function $dirtySections(dirtyElements: ReadonlyMap<NodeKey, boolean>, dirtyLeaves: ReadonlySet<NodeKey>, chapterId: string): Set<string> | 'all' {
  const first = $firstHeading();
  const out = new Set<string>();
  for (const keys of [dirtyElements.keys(), dirtyLeaves.values()]) {
    for (const key of keys) {
      if (key === 'root') continue;
      const node = $getNodeByKey(key);
      const top = node && $blockOf(node);
      if (!top) return 'all';
      out.add($sectionIdOf(top, chapterId, first));
    }
  }
  return out.size ? out : 'all';
}

/** Whether an update can have changed the headings: the root's children were written to, or a heading was touched. */
export function $headingsMayChange(dirtyElements: ReadonlyMap<NodeKey, boolean>): boolean {
  if (dirtyElements.get('root') === true) return true;
  for (const key of dirtyElements.keys()) if ($isSectionHeadingNode($getNodeByKey(key))) return true;
  return false;
}

function $nodeJSON(node: LexicalNode): SerializedLexicalNode {
  const json = $exportNodeJSON(node) as SerializedLexicalNode & { children?: SerializedLexicalNode[] };
  if ($isElementNode(node)) json.children = node.getChildren().map($nodeJSON);
  return json;
}

/** The chapter's sections named in `only`, as stateToChapter makes them; null when one of them is not there. */
export function $sectionsJSON(only: ReadonlySet<string>, chapter: { id: string; title: string; kind: SectionKind }, lineage: (id: string) => PlanSection['lineage']): PlanSection[] | null {
  const first = $firstHeading();
  // Every heading (cheap, and it keeps stateToChapter's numbering of levels), the bodies of the wanted sections only.
  const children: SerializedLexicalNode[] = [];
  let current = chapter.id;
  for (let n = $getRoot().getFirstChild(); n; n = n.getNextSibling()) {
    if ($isSectionHeadingNode(n)) current = n.is(first) ? chapter.id : n.getSectionId();
    if ($isSectionHeadingNode(n) || only.has(current)) children.push($nodeJSON(n));
  }
  const state = { root: { children, type: 'root' } } as unknown as EditorStateJSON;
  const sections = stateToChapter(state, chapter, lineage).filter((s) => only.has(s.id));
  return sections.length === only.size ? sections : null;
}
