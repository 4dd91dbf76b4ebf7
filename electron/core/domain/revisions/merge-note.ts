// The 修订说明 a merge writes: what it took from the city, how conflicts were settled, what it moved, each clause
// named so that a title repeated in the outline (启动条件 under every response level) says which one it is.
import type { PlanDocument } from '../../../shared/doc-model';
import type { MergeChoice, MergeItem, MergeResolution } from '../../../shared/schemas/revision';
import type { MergeInput } from './three-way-merge';
import { movedIds } from './upstream-diff';

interface TitledEntry {
  title: string;
  level: number;
}

const SEP = ' › ';

function parentIndex(outline: readonly TitledEntry[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (outline[j]!.level < outline[i]!.level) return j;
  return -1;
}

/**
 * Each entry's name: the shortest tail of its title path (ancestors first) that no other entry's path ends with,
 * so a unique title stands alone and 启动条件 becomes “Ⅱ级响应 › 启动条件”.
 */
export function distinctLabels(outline: readonly TitledEntry[]): string[] {
  const paths: string[][] = [];
  outline.forEach((e, i) => {
    const p = parentIndex(outline, i);
    paths.push([...(p < 0 ? [] : paths[p]!), e.title]);
  });
  const tail = (p: string[], k: number) => p.slice(-k).join(SEP);
  return paths.map((path, i) => {
    for (let k = 1; k < path.length; k++) {
      const mine = tail(path, k);
      if (!paths.some((other, j) => j !== i && other.length >= k && tail(other, k) === mine)) return mine;
    }
    return path.join(SEP);
  });
}

export interface MergeSummary {
  autoUpdated: string[];
  conflicts: { title: string; choice: MergeChoice }[];
  inserted: string[];
  removed: string[];
  keptRemoved: string[];
  /** Sections the merge put elsewhere because the city moved them, with where from and to. */
  moved: string[];
}

/** The sections whose place `merged` changed from `before`, said as “title（由“A”移至“B”）”. */
function movedSections(before: PlanDocument, merged: PlanDocument): string[] {
  const kept = new Set(merged.sections.map((s) => s.id));
  const ids = movedIds(before.sections, merged.sections, (id) => (kept.has(id) ? id : undefined));
  const labels = distinctLabels(merged.sections);
  const parentTitle = (d: PlanDocument, i: number) => {
    const p = parentIndex(d.sections, i);
    return p < 0 ? '' : d.sections[p]!.title;
  };
  const out: string[] = [];
  merged.sections.forEach((s, i) => {
    if (!ids.has(s.id)) return;
    const from = parentTitle(before, before.sections.findIndex((b) => b.id === s.id));
    const to = parentTitle(merged, i);
    out.push(from === to ? `${labels[i]}（${to ? `在“${to}”内` : ''}调整顺序）` : `${labels[i]}（由“${from || '正文首层'}”移至“${to || '正文首层'}”）`);
  });
  return out;
}

export function summarise(input: MergeInput, items: MergeItem[], resolutions: MergeResolution[], merged: PlanDocument): MergeSummary {
  const r = new Map(resolutions.map((x) => [x.key, x.choice]));
  const chosen = (i: MergeItem) => (r.has(i.key) && i.choices.includes(r.get(i.key)!) ? r.get(i.key)! : i.defaultChoice);
  const sectionLabels = distinctLabels(input.doc.sections);
  const clauseLabels = distinctLabels(input.newRev.clauses);
  const bySection = new Map(input.doc.sections.map((s, i) => [s.id, sectionLabels[i]!]));
  const byClause = new Map(input.newRev.clauses.map((c, i) => [c.id, clauseLabels[i]!]));
  const label = (i: MergeItem) => (i.sectionId ? bySection.get(i.sectionId) : byClause.get(i.clauseId)) ?? i.title;
  const s: MergeSummary = { autoUpdated: [], conflicts: [], inserted: [], removed: [], keptRemoved: [], moved: movedSections(input.doc, merged) };
  for (const i of items) {
    const c = chosen(i);
    if (i.kind === 'auto-updated' && c === 'theirs') s.autoUpdated.push(label(i));
    else if (i.kind === 'conflict' && c) s.conflicts.push({ title: label(i), choice: c });
    else if (i.kind === 'added-upstream' && c === 'insert') s.inserted.push(label(i));
    else if ((i.kind === 'removed-upstream' || i.kind === 'removed-upstream-edited') && c === 'remove') s.removed.push(label(i));
    else if ((i.kind === 'removed-upstream' || i.kind === 'removed-upstream-edited') && c === 'keep') s.keptRemoved.push(label(i));
  }
  return s;
}

const choiceLabels: Partial<Record<MergeChoice, string>> = { ours: '保留本区文本', theirs: '采用上位文本', edit: '人工修改' };

/** The 修订说明 of the merged draft: which upstream changes were applied and how conflicts were settled. */
export function mergeNote(templateTitle: string, from: string, to: string, s: MergeSummary): string {
  const lines = [`依据《${templateTitle}》（${to}年修订，替代${from}年修订）修订。`];
  if (s.autoUpdated.length) lines.push(`采用上位修改 ${s.autoUpdated.length} 条：${s.autoUpdated.join('、')}。`);
  if (s.conflicts.length) lines.push(`处理冲突 ${s.conflicts.length} 条：${s.conflicts.map((c) => `${c.title}（${choiceLabels[c.choice] ?? c.choice}）`).join('、')}。`);
  if (s.inserted.length) lines.push(`新增条款 ${s.inserted.length} 条：${s.inserted.join('、')}。`);
  if (s.moved.length) lines.push(`调整位置 ${s.moved.length} 条：${s.moved.join('、')}。`);
  if (s.removed.length) lines.push(`删除上位已废止条款 ${s.removed.length} 条：${s.removed.join('、')}。`);
  if (s.keptRemoved.length) lines.push(`上位已删除但本区保留 ${s.keptRemoved.length} 条：${s.keptRemoved.join('、')}。`);
  return lines.join('\n');
}
