// A municipal plan's .docx as a template revision, its clause ids carried over from the previous revision where they match.
import { blocksText, placeholderKeys } from '../../shared/doc-model';
import type { TemplateClause, TemplateMeta, TemplatePlaceholder, TemplateRevision } from '../../shared/schemas/template';
import { similarity } from '../domain/revisions/inline-diff';
import { SIMILARITY_THRESHOLD } from '../domain/revisions/upstream-diff';
import { buildOutline, type OutlineSection } from './docx-outline';
import type { DocxBody } from './read-docx';

export interface ClauseMatch {
  clauseId: string;
  title: string;
  /** The previous revision's clause this one continues, or null for a new clause. */
  matchedFrom: string | null;
  /** 'id': same heading at the same level (what an unchanged id would say); 'similarity': reworded; 'new'. */
  by: 'id' | 'similarity' | 'new';
}

export interface ImportedTemplate {
  template: TemplateRevision;
  matches: ClauseMatch[];
}

const textOf = (c: { title: string; body: TemplateClause['body'] }) => `${c.title}\n${blocksText(c.body)}`;
const norm = (s: string) => s.replace(/[\s\u3000]/g, '');

/** Index of each clause's parent (the nearest shallower clause before it), or -1. */
function parents(list: { level: number }[]): number[] {
  return list.map((c, i) => {
    for (let j = i - 1; j >= 0; j--) if (list[j]!.level < c.level) return j;
    return -1;
  });
}

/** new clause index → previous clause index, and how. */
function matchOutline(sections: OutlineSection[], previous: TemplateClause[]): Map<number, { from: number; by: 'id' | 'similarity' }> {
  const match = new Map<number, { from: number; by: 'id' | 'similarity' }>();
  const used = new Set<number>();
  const newParent = parents(sections);
  const oldParent = parents(previous);
  // Same heading text and level: taken top-down so that repeated headings (启动条件 under each 响应 level) follow their parents.
  sections.forEach((s, i) => {
    const candidates = previous.flatMap((o, j) => (!used.has(j) && o.level === s.level && o.kind === s.kind && norm(o.title) === norm(s.title) ? [j] : []));
    const parentFrom = newParent[i]! < 0 ? -1 : (match.get(newParent[i]!)?.from ?? -2);
    const j = candidates.find((c) => oldParent[c] === parentFrom) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (j === undefined) return;
    match.set(i, { from: j, by: 'id' });
    used.add(j);
  });
  // The rest by text similarity, best pair first, as matchClauses does between two revisions.
  const pairs: { i: number; j: number; s: number }[] = [];
  sections.forEach((s, i) => {
    if (match.has(i)) return;
    previous.forEach((o, j) => {
      if (!used.has(j) && o.level === s.level && o.kind === s.kind) pairs.push({ i, j, s: similarity(textOf(o), textOf(s)) });
    });
  });
  pairs.sort((a, b) => b.s - a.s);
  for (const p of pairs) {
    if (p.s < SIMILARITY_THRESHOLD) break;
    if (match.has(p.i) || used.has(p.j)) continue;
    match.set(p.i, { from: p.j, by: 'similarity' });
    used.add(p.j);
  }
  return match;
}

export function docxToTemplateRevision(body: DocxBody, options: { previous?: TemplateRevision; meta: Partial<TemplateMeta> }): ImportedTemplate {
  const { previous, meta } = options;
  const outline = buildOutline(body);
  const oldClauses = previous?.clauses ?? [];
  const match = matchOutline(outline.sections, oldClauses);
  const taken = new Set(oldClauses.map((c) => c.id));
  const ids: string[] = [];
  const newParent = parents(outline.sections);
  const matches: ClauseMatch[] = outline.sections.map((s, i) => {
    const m = match.get(i);
    let id: string;
    if (m) id = oldClauses[m.from]!.id;
    else {
      // A new clause is named under its parent (general.new-1) so it sorts with its chapter when reviewed.
      const parent = newParent[i]! >= 0 ? ids[newParent[i]!]! : null;
      const stem = parent ? `${parent}.new-` : s.kind === 'annex' ? 'annex-new-' : 'new-';
      let k = 1;
      while (taken.has(`${stem}${k}`)) k++;
      id = `${stem}${k}`;
    }
    taken.add(id);
    ids.push(id);
    return { clauseId: id, title: s.title, matchedFrom: m ? id : null, by: m ? m.by : 'new' };
  });
  const clauses: TemplateClause[] = outline.sections.map((s, i) => ({ id: ids[i]!, level: s.level, kind: s.kind, title: s.title, body: s.body, line: s.line }));

  // Placeholders: the previous revision's declarations for keys still used, plus any new key labelled by itself.
  const used: string[] = [];
  for (const c of clauses) for (const k of placeholderKeys(c.body)) if (!used.includes(k)) used.push(k);
  const declared = new Map((previous?.placeholders ?? []).map((p) => [p.key, p]));
  const placeholders: TemplatePlaceholder[] = [
    ...(previous?.placeholders ?? []),
    ...used.filter((k) => !declared.has(k)).map((key) => ({ key, label: key })),
  ];
  const prevMeta = previous?.meta;
  const title = meta.title ?? (outline.title || prevMeta?.title || '未命名预案');
  const revisionYear = meta.revisionYear ?? new Date().getFullYear();
  const fullMeta: TemplateMeta = {
    id: meta.id ?? prevMeta?.id ?? 'imported',
    revision: meta.revision ?? String(revisionYear),
    supersedes: meta.supersedes !== undefined ? meta.supersedes : (prevMeta?.revision ?? null),
    title,
    districtTitle: meta.districtTitle ?? prevMeta?.districtTitle ?? title,
    issuer: meta.issuer ?? prevMeta?.issuer ?? '',
    revisionYear,
    hazard: meta.hazard ?? prevMeta?.hazard ?? '',
    category: meta.category ?? prevMeta?.category ?? '自然灾害',
    // An imported file is the official text, not model wording written by us.
    modelText: meta.modelText ?? false,
    leadDepartment: meta.leadDepartment ?? prevMeta?.leadDepartment ?? '',
  };
  return { template: { meta: fullMeta, placeholders, clauses, file: `plans/${fullMeta.id}/${fullMeta.revision}.docx` }, matches };
}
