// Following a new municipal revision: a three-way merge per clause (base = as the plan took it,
// theirs = new municipal text, ours = the district's text), proposed first, applied with the planner's choices.
import { blocksText, paragraph, text, type BlockJSON, type PlanDocument, type PlanSection } from '../../../shared/doc-model';
import type { MergeChoice, MergeItem, MergeResolution } from '../../../shared/schemas/revision';
import type { TemplateClause, TemplateRevision } from '../../../shared/schemas/template';
import { fillBlocks } from '../plans/placeholders';
import { moveSection, subtreeEnd } from '../plans/move-section';
import { matchClauses, movedIds, type OutlineEntry } from './upstream-diff';

export interface MergeInput {
  doc: PlanDocument;
  /** The revision the plan derives from; null when its file is gone (then clauses match by id only). */
  oldRev: TemplateRevision | null;
  newRev: TemplateRevision;
}

interface Plan {
  items: MergeItem[];
  /** section id -> the new clause it follows (undefined: the clause is gone upstream). */
  target: Map<string, TemplateClause | undefined>;
  added: TemplateClause[];
  /** old clause id -> new clause id. */
  match: Map<string, { id: string }>;
}

const same = (t1: string, b1: BlockJSON[], t2: string, b2: BlockJSON[]) => t1 === t2 && blocksText(b1) === blocksText(b2);

function analyse({ doc, oldRev, newRev }: MergeInput): Plan {
  const templateId = newRev.meta.id;
  const newById = new Map(newRev.clauses.map((c) => [c.id, c]));
  const match = oldRev ? matchClauses(oldRev, newRev) : new Map(newRev.clauses.map((c) => [c.id, { id: c.id, by: 'id' as const }]));
  const fill = (c: TemplateClause) => fillBlocks(c.body, doc.placeholders);
  const items: MergeItem[] = [];
  const target = new Map<string, TemplateClause | undefined>();
  for (const s of doc.sections) {
    const l = s.lineage;
    if (!l || l.templateId !== templateId) continue;
    const theirsClause = newById.get(match.get(l.clauseId)?.id ?? (oldRev ? '' : l.clauseId));
    target.set(s.id, theirsClause);
    const key = `s:${s.id}`;
    const common = { key, sectionId: s.id, clauseId: l.clauseId, title: s.title, base: l.baseBody, ours: s.body, baseTitle: l.baseTitle, oursTitle: s.title };
    if (!theirsClause) {
      const untouched = same(s.title, s.body, l.baseTitle, l.baseBody);
      items.push(
        untouched
          ? { ...common, kind: 'removed-upstream', choices: ['remove', 'keep'], defaultChoice: 'remove' }
          : { ...common, kind: 'removed-upstream-edited', choices: ['keep', 'remove'], defaultChoice: 'keep' },
      );
      continue;
    }
    const theirs = fill(theirsClause);
    const withTheirs = { ...common, theirs, theirsTitle: theirsClause.title };
    if (same(theirsClause.title, theirs, l.baseTitle, l.baseBody)) continue; // upstream did not change it
    if (same(s.title, s.body, theirsClause.title, theirs)) continue; // both made the same change
    if (same(s.title, s.body, l.baseTitle, l.baseBody)) items.push({ ...withTheirs, kind: 'auto-updated', choices: ['theirs', 'ours'], defaultChoice: 'theirs' });
    else {
      // Hand editing in the merge page is plain text: offered only where no table or list would be flattened.
      const plain = [...s.body, ...theirs].every((b) => b.type === 'paragraph');
      items.push({ ...withTheirs, kind: 'conflict', choices: plain ? ['ours', 'theirs', 'edit'] : ['ours', 'theirs'], defaultChoice: null });
    }
  }
  // Truly new upstream clauses (no old clause maps to them); a clause the district deleted is not brought back.
  const fromOld = new Set([...match.values()].map((m) => m.id));
  const added = newRev.clauses.filter((c) => (oldRev ? !fromOld.has(c.id) : ![...target.values()].some((t) => t?.id === c.id)));
  for (const c of added) items.push({ key: `c:${c.id}`, kind: 'added-upstream', clauseId: c.id, title: c.title, theirs: fill(c), theirsTitle: c.title, choices: ['insert', 'skip'], defaultChoice: 'insert' });
  return { items, target, added, match };
}

export function proposeMerge(input: MergeInput): MergeItem[] {
  return analyse(input).items;
}

/** Items without a choice the planner still has to make (conflicts). */
export function unresolved(items: MergeItem[], resolutions: MergeResolution[]): MergeItem[] {
  const chosen = new Set(resolutions.map((r) => r.key));
  return items.filter((i) => i.defaultChoice === null && !chosen.has(i.key));
}

function editedBody(textValue: string | undefined): BlockJSON[] {
  return (textValue ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => paragraph([text(l)]));
}

/** The plan's outline in the template's clause ids as the plan took them; the district's own sections by their id. */
function districtOutline(doc: PlanDocument, templateId: string): OutlineEntry[] {
  return doc.sections.map((s) => ({ id: s.lineage?.templateId === templateId ? s.lineage.clauseId : `own:${s.id}`, level: s.level }));
}

export function applyMerge(input: MergeInput, resolutions: MergeResolution[], newSectionId: () => string): PlanDocument {
  const { items, target, added, match } = analyse(input);
  const choice = new Map(resolutions.map((r) => [r.key, r]));
  const pick = (item: MergeItem): { choice: MergeChoice; text?: string } => {
    const r = choice.get(item.key);
    if (r && item.choices.includes(r.choice)) return r;
    if (item.defaultChoice === null) throw new Error(`unresolved merge item ${item.key}`);
    return { choice: item.defaultChoice };
  };
  const byKey = new Map(items.map((i) => [i.key, i]));
  const rev = input.newRev.meta;
  const out: PlanSection[] = [];
  for (const s of input.doc.sections) {
    const item = byKey.get(`s:${s.id}`);
    const theirsClause = target.get(s.id);
    let next: PlanSection = s;
    if (item) {
      const c = pick(item);
      if (c.choice === 'remove' && !(s.level === 1 && out.length === 0)) continue;
      if (c.choice === 'theirs') next = { ...s, title: item.theirsTitle!, body: item.theirs! };
      if (c.choice === 'edit') next = { ...s, body: editedBody(c.text) };
    }
    if (s.lineage && s.lineage.templateId === rev.id && target.has(s.id)) {
      if (theirsClause) {
        next = { ...next, lineage: { templateId: rev.id, revision: rev.revision, clauseId: theirsClause.id, baseTitle: theirsClause.title, baseBody: fillBlocks(theirsClause.body, input.doc.placeholders) } };
      } else {
        // Kept although gone upstream: it is the district's own clause from now on.
        const { lineage: _gone, ...own } = next;
        next = own;
      }
    }
    out.push(next);
  }
  // In the new revision's order: insert each new clause, and move each clause the city moved, after the section
  // that holds its predecessor in the new revision. A section the district itself moved keeps the district's
  // place: the planner put it there on purpose, and the city's move is shown in 上位变化 for them to weigh.
  const sectionOfClause = new Map<string, string>();
  for (const s of out) if (s.lineage?.templateId === rev.id) sectionOfClause.set(s.lineage.clauseId, s.id);
  const clauses = input.newRev.clauses;
  const addedIds = new Set(added.map((c) => c.id));
  const movedUpstream = input.oldRev ? movedIds(input.oldRev.clauses, clauses, (id) => match.get(id)?.id) : new Set<string>();
  const movedByDistrict = input.oldRev ? movedIds(input.oldRev.clauses, districtOutline(input.doc, rev.id), (id) => id) : new Set<string>();
  const back = new Map([...match.entries()].map(([o, n]) => [n.id, o]));
  const placeAfterPredecessor = (idx: number, level: number, sections: PlanSection[]): number => {
    for (let j = idx - 1; j >= 0; j--) {
      const anchor = sectionOfClause.get(clauses[j]!.id);
      const at = anchor === undefined ? -1 : sections.findIndex((s) => s.id === anchor);
      if (at < 0) continue;
      // Past the predecessor's own sub-sections deeper than the clause being placed.
      let end = at + 1;
      while (end < sections.length && sections[end]!.level > level) end++;
      return end;
    }
    return 0;
  };
  clauses.forEach((c, idx) => {
    if (addedIds.has(c.id)) {
      const item = byKey.get(`c:${c.id}`)!;
      if (pick(item).choice !== 'insert') return;
      const body = fillBlocks(c.body, input.doc.placeholders);
      const section: PlanSection = { id: newSectionId(), level: c.level, kind: c.kind, title: c.title, body, lineage: { templateId: rev.id, revision: rev.revision, clauseId: c.id, baseTitle: c.title, baseBody: body } };
      let at = placeAfterPredecessor(idx, c.level, out);
      // Annex clauses never land inside the main text and vice versa.
      if (c.kind === 'body') {
        const firstAnnex = out.findIndex((s) => s.kind === 'annex');
        if (firstAnnex >= 0 && at > firstAnnex) at = firstAnnex;
      }
      out.splice(at, 0, section);
      sectionOfClause.set(c.id, section.id);
      return;
    }
    const sectionId = sectionOfClause.get(c.id);
    const oldId = back.get(c.id);
    if (!movedUpstream.has(c.id) || sectionId === undefined || oldId === undefined || movedByDistrict.has(oldId)) return;
    // The section moves with everything under it, as the outline's drag does.
    const from = out.findIndex((s) => s.id === sectionId);
    const rest = [...out.slice(0, from), ...out.slice(subtreeEnd(out, from))];
    const at = placeAfterPredecessor(idx, c.level, rest);
    if (at === 0 && c.level > 1) return;
    const moved = moveSection(out, sectionId, rest[at]?.id ?? null);
    out.splice(0, out.length, ...moved);
  });
  return { ...input.doc, sections: out };
}
