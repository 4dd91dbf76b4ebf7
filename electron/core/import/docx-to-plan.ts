// A read .docx as a new plan: title, sections with fresh ids and no lineage, numbering style, and what to check.
import { DOC_SCHEMA, placeholderKeys, type PlanDocument, type PlanSection } from '../../shared/doc-model';
import { buildOutline } from './docx-outline';
import type { DocxBody } from './read-docx';

export interface ImportedPlan {
  title: string;
  doc: PlanDocument;
  /** Chinese notes for the planner: what was dropped or guessed. */
  warnings: string[];
}

export function docxToPlan(body: DocxBody, newId: () => string, onProgress?: (done: number, total: number) => void): ImportedPlan {
  const outline = buildOutline(body, onProgress);
  // An imported plan has no template behind it, so no lineage: it merges with nothing until linked.
  const sections: PlanSection[] = outline.sections.map((s) => ({ id: newId(), level: s.level, kind: s.kind, title: s.title, body: s.body }));
  const keys: string[] = [];
  for (const s of sections) for (const k of placeholderKeys(s.body)) if (!keys.includes(k)) keys.push(k);
  return {
    title: outline.title || '未命名预案',
    doc: { schema: DOC_SCHEMA, numbering: outline.numbering, placeholders: keys.map((key) => ({ key, label: key, value: '' })), sections },
    warnings: outline.warnings,
  };
}
