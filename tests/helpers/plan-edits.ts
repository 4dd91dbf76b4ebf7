// Edits a plan through the core the way the editor saves: the whole chapter of the edited section.
import { paragraph, text, type PlanSection } from '../../electron/shared/doc-model';
import type { PlanDetail } from '../../electron/shared/schemas/plan';
import type { Core } from '../../electron/core/create-core';
import { data } from './core';

/** Replaces the body of the section that follows `clauseId` (or is titled so) with one paragraph. */
export async function editSection(core: Core, plan: PlanDetail, clauseId: string, body: string): Promise<void> {
  const sections = plan.doc.sections;
  const i = sections.findIndex((s) => s.lineage?.clauseId === clauseId || s.title === clauseId);
  let start = i;
  while (sections[start]!.level !== 1) start--;
  let end = start + 1;
  while (end < sections.length && sections[end]!.level !== 1) end++;
  const chapter: PlanSection[] = sections.slice(start, end).map((s, j) => (start + j === i ? { ...s, body: [paragraph([text(body)])] } : s));
  const order = sections.filter((s) => s.level === 1).map((s) => s.id);
  await data(core.call('plan.save', { id: plan.id, chapters: [{ id: chapter[0]!.id, sections: chapter }], chapterOrder: order }));
}
