// What changed between two municipal revisions, clause by clause: matched by stable id, then by similarity.
import { blocksText } from '../../../shared/doc-model';
import { headingNumbers } from '../../../shared/numbering';
import type { ClauseChange } from '../../../shared/schemas/revision';
import type { TemplateClause, TemplateRevision } from '../../../shared/schemas/template';
import { fillKeys } from '../plans/placeholders';
import { inlineDiff, lcsIds, similarity } from './inline-diff';

/** Below this a differently-numbered clause is a removal plus an addition, not a rewrite. */
export const SIMILARITY_THRESHOLD = 0.6;

/** A chip's text; without one, chips read as {{key}}. */
type Fill = (key: string) => string;

function titleOf(c: TemplateClause, fill?: Fill): string {
  return fill ? fillKeys(c.title, fill) : c.title;
}

function textOf(c: TemplateClause, fill?: Fill): string {
  return `${titleOf(c, fill)}\n${blocksText(c.body, fill)}`;
}

/** An outline entry: a clause of a revision, or a section of a plan named by the clause it follows. */
export interface OutlineEntry {
  id: string;
  level: number;
}

function parentId(outline: readonly OutlineEntry[], i: number): string | null {
  const level = outline[i]!.level;
  for (let j = i - 1; j >= 0; j--) if (outline[j]!.level < level) return outline[j]!.id;
  return null;
}

/**
 * The entries of `after` (in its ids) that moved from where they were in `before`: their parent changed, or they
 * fell out of the longest run kept in order. `toAfter` maps a `before` id to its `after` id (undefined: gone).
 */
export function movedIds(before: readonly OutlineEntry[], after: readonly OutlineEntry[], toAfter: (id: string) => string | undefined): Set<string> {
  const mapped = before.map((e) => toAfter(e.id));
  const present = new Set(mapped.filter((id): id is string => id !== undefined));
  const stable = lcsIds(
    mapped.filter((id): id is string => id !== undefined),
    after.filter((e) => present.has(e.id)).map((e) => e.id),
  );
  const parentAfter = new Map<string, string | null>();
  before.forEach((_, i) => {
    const id = mapped[i];
    if (id === undefined) return;
    const p = parentId(before, i);
    parentAfter.set(id, p === null ? null : (toAfter(p) ?? `gone:${p}`));
  });
  const moved = new Set<string>();
  after.forEach((e, i) => {
    if (!parentAfter.has(e.id)) return;
    if (parentAfter.get(e.id) !== parentId(after, i) || !stable.has(e.id)) moved.add(e.id);
  });
  return moved;
}

/** old clause id -> new clause id, by id first, then by text similarity among the unmatched (best pair first). */
export function matchClauses(oldRev: TemplateRevision, newRev: TemplateRevision): Map<string, { id: string; by: 'id' | 'similarity' }> {
  const newIds = new Set(newRev.clauses.map((c) => c.id));
  const match = new Map<string, { id: string; by: 'id' | 'similarity' }>();
  for (const c of oldRev.clauses) if (newIds.has(c.id)) match.set(c.id, { id: c.id, by: 'id' });
  const oldLeft = oldRev.clauses.filter((c) => !match.has(c.id));
  const taken = new Set([...match.values()].map((m) => m.id));
  const newLeft = newRev.clauses.filter((c) => !taken.has(c.id));
  const pairs: { o: string; n: string; s: number }[] = [];
  for (const o of oldLeft) for (const n of newLeft) if (o.level === n.level) pairs.push({ o: o.id, n: n.id, s: similarity(textOf(o), textOf(n)) });
  pairs.sort((x, y) => y.s - x.s);
  const usedNew = new Set<string>();
  for (const p of pairs) {
    if (p.s < SIMILARITY_THRESHOLD) break;
    if (match.has(p.o) || usedNew.has(p.n)) continue;
    match.set(p.o, { id: p.n, by: 'similarity' });
    usedNew.add(p.n);
  }
  return match;
}

/**
 * The clause-by-clause changes from `oldRev` to `newRev`. `fill` gives both sides' chips the same text (a plan's
 * values), so a planner compares like with like; clauses still pair up on the municipal text itself.
 */
export function compareRevisions(oldRev: TemplateRevision, newRev: TemplateRevision, fill?: Fill): ClauseChange[] {
  const match = matchClauses(oldRev, newRev);
  const back = new Map([...match.entries()].map(([o, n]) => [n.id, o]));
  const oldLabels = headingNumbers(oldRev.clauses, 'decimal');
  const newLabels = headingNumbers(newRev.clauses, 'decimal');
  const oldIndex = new Map(oldRev.clauses.map((c, i) => [c.id, i]));
  // Order is compared in the new revision's id space.
  const moved = movedIds(oldRev.clauses, newRev.clauses, (id) => match.get(id)?.id);
  const changes: ClauseChange[] = newRev.clauses.map((n, ni) => {
    const oid = back.get(n.id);
    if (oid === undefined) return { kinds: ['added'], newId: n.id, newTitle: titleOf(n, fill), newNumber: newLabels[ni], diff: [{ op: 'add', text: textOf(n, fill) }] };
    const oi = oldIndex.get(oid)!;
    const o = oldRev.clauses[oi]!;
    const kinds: ClauseChange['kinds'] = [];
    if (moved.has(n.id)) kinds.push('moved');
    if (textOf(o, fill) !== textOf(n, fill)) kinds.push('reworded');
    if (!kinds.includes('moved') && oldLabels[oi] !== newLabels[ni]) kinds.push('renumbered');
    if (kinds.length === 0) kinds.push('same');
    const change: ClauseChange = { kinds, oldId: oid, newId: n.id, matchedBy: match.get(oid)!.by, oldTitle: titleOf(o, fill), newTitle: titleOf(n, fill), oldNumber: oldLabels[oi], newNumber: newLabels[ni] };
    if (kinds.includes('reworded')) change.diff = inlineDiff(textOf(o, fill), textOf(n, fill));
    return change;
  });
  oldRev.clauses.forEach((o, oi) => {
    if (match.has(o.id)) return;
    const removed: ClauseChange = { kinds: ['removed'], oldId: o.id, oldTitle: titleOf(o, fill), oldNumber: oldLabels[oi], diff: [{ op: 'del', text: textOf(o, fill) }] };
    const prev = oldRev.clauses.slice(0, oi).reverse().find((p) => match.has(p.id));
    const at = prev ? changes.findIndex((c) => c.oldId === prev.id) + 1 : 0;
    changes.splice(at, 0, removed);
  });
  return changes;
}
