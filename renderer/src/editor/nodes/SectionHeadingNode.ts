// A section heading inside a chapter editor: carries the section's stable id, level (1–4) and kind.
import { HEADING_TYPE, type HeadingJSON } from '@shared/chapter-json';
import type { SectionKind, SectionLevel } from '@shared/doc-model';
import {
  $applyNodeReplacement,
  $createParagraphNode,
  ElementNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type LexicalNode,
  type LexicalUpdateJSON,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical';
import { newSectionId } from '../ids';

type SerializedSectionHeading = SerializedElementNode & Pick<HeadingJSON, 'sectionId' | 'level' | 'kind'>;

export class SectionHeadingNode extends ElementNode {
  __sectionId: string;
  __level: SectionLevel;
  __kind: SectionKind;

  static getType(): string {
    return HEADING_TYPE;
  }

  static clone(node: SectionHeadingNode): SectionHeadingNode {
    return new SectionHeadingNode(node.__sectionId, node.__level, node.__kind, node.__key);
  }

  constructor(sectionId = '', level: SectionLevel = 2, kind: SectionKind = 'body', key?: string) {
    super(key);
    this.__sectionId = sectionId;
    this.__level = level;
    this.__kind = kind;
  }

  getSectionId(): string {
    return this.getLatest().__sectionId;
  }

  getLevel(): SectionLevel {
    return this.getLatest().__level;
  }

  getKind(): SectionKind {
    return this.getLatest().__kind;
  }

  setSectionId(id: string): this {
    const w = this.getWritable();
    w.__sectionId = id;
    return w;
  }

  setLevel(level: SectionLevel): this {
    const w = this.getWritable();
    w.__level = level;
    return w;
  }

  createDOM(): HTMLElement {
    const el = document.createElement('div');
    el.className = 'doc-h';
    el.setAttribute('role', 'heading');
    this.applyAttributes(el);
    return el;
  }

  private applyAttributes(el: HTMLElement): void {
    el.dataset.level = String(this.__level);
    el.dataset.kind = this.__kind;
    el.dataset.sectionId = this.__sectionId;
    el.setAttribute('aria-level', String(this.__level));
  }

  updateDOM(prev: SectionHeadingNode, dom: HTMLElement): boolean {
    if (prev.__level !== this.__level || prev.__kind !== this.__kind || prev.__sectionId !== this.__sectionId) this.applyAttributes(dom);
    return false;
  }

  // Pasted Word/WPS headings arrive as h1–h6: inside a chapter they become levels 2–4.
  static importDOM(): DOMConversionMap {
    const as = (level: SectionLevel) => () => ({ conversion: (): DOMConversionOutput => ({ node: $createSectionHeadingNode(newSectionId(), level, 'body') }), priority: 1 as const });
    return { h1: as(2), h2: as(2), h3: as(3), h4: as(4), h5: as(4), h6: as(4) };
  }

  static importJSON(json: SerializedSectionHeading): SectionHeadingNode {
    return $createSectionHeadingNode(json.sectionId, json.level, json.kind).updateFromJSON(json);
  }

  updateFromJSON(json: LexicalUpdateJSON<SerializedSectionHeading>): this {
    return super.updateFromJSON(json);
  }

  exportJSON(): SerializedSectionHeading {
    return { ...super.exportJSON(), type: HEADING_TYPE, sectionId: this.getSectionId(), level: this.getLevel(), kind: this.getKind(), version: 1 };
  }

  // Enter at the end of a heading starts a body paragraph, as in Word.
  insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    const p = $createParagraphNode();
    this.insertAfter(p, restoreSelection);
    return p;
  }

  // Backspace at the start of the chapter's own heading must not dissolve the chapter.
  collapseAtStart(): boolean {
    if (this.getLevel() === 1) return true;
    const p = $createParagraphNode();
    this.getChildren().forEach((c) => p.append(c));
    this.replace(p);
    p.selectStart();
    return true;
  }
}

export function $createSectionHeadingNode(sectionId: string, level: SectionLevel, kind: SectionKind): SectionHeadingNode {
  return $applyNodeReplacement(new SectionHeadingNode(sectionId, level, kind));
}

export function $isSectionHeadingNode(node: LexicalNode | null | undefined): node is SectionHeadingNode {
  return node instanceof SectionHeadingNode;
}
