// Section-aware comparison of two plan versions: added / removed / moved / changed, with inline diffs.
import { blocksText, type PlanDocument, type PlanSection } from '../../../shared/doc-model';
import { headingNumbers } from '../../../shared/numbering';
import type { CompareResult, SectionChange } from '../../../shared/schemas/revision';
import { inlineDiff, lcsIds } from './inline-diff';

function textOf(s: PlanSection): string {
  return `${s.title}\n${blocksText(s.body)}`;
}

export function compareDocuments(a: PlanDocument, b: PlanDocument): CompareResult {
  const oldById = new Map(a.sections.map((s) => [s.id, s]));
  const newById = new Map(b.sections.map((s) => [s.id, s]));
  const oldNumbers = new Map(a.sections.map((s, i) => [s.id, headingNumbers(a.sections, a.numbering)[i]!]));
  const newLabels = headingNumbers(b.sections, b.numbering);
  const newNumbers = new Map(b.sections.map((s, i) => [s.id, newLabels[i]!]));
  const common = (ids: string[], other: Map<string, PlanSection>) => ids.filter((id) => other.has(id));
  const stable = lcsIds(common(a.sections.map((s) => s.id), newById), common(b.sections.map((s) => s.id), oldById));
  const stats = { added: 0, removed: 0, moved: 0, changed: 0, same: 0 };

  const describe = (s: PlanSection, old: PlanSection | undefined): SectionChange => {
    if (!old) {
      stats.added++;
      return { id: s.id, kinds: ['added'], level: s.level, newTitle: s.title, newNumber: newNumbers.get(s.id), diff: [{ op: 'add', text: textOf(s) }] };
    }
    const kinds: SectionChange['kinds'] = [];
    if (!stable.has(s.id)) kinds.push('moved');
    const before = textOf(old);
    const after = textOf(s);
    if (before !== after) kinds.push('changed');
    if (kinds.length === 0) kinds.push('same');
    for (const k of kinds) stats[k as keyof typeof stats]++;
    const change: SectionChange = { id: s.id, kinds, level: s.level, oldTitle: old.title, newTitle: s.title, oldNumber: oldNumbers.get(s.id), newNumber: newNumbers.get(s.id) };
    if (before !== after) change.diff = inlineDiff(before, after);
    return change;
  };

  // Walk the new order; a removed section is listed where it stood, after the section that preceded it.
  const changes: SectionChange[] = b.sections.map((s) => describe(s, oldById.get(s.id)));
  a.sections.forEach((s, i) => {
    if (newById.has(s.id)) return;
    stats.removed++;
    const removed: SectionChange = { id: s.id, kinds: ['removed'], level: s.level, oldTitle: s.title, oldNumber: oldNumbers.get(s.id), diff: [{ op: 'del', text: textOf(s) }] };
    const prev = a.sections.slice(0, i).reverse().find((p) => newById.has(p.id) || changes.some((c) => c.id === p.id));
    const at = prev ? changes.findIndex((c) => c.id === prev.id) + 1 : 0;
    changes.splice(at, 0, removed);
  });
  return { changes, stats };
}
