// A municipal plan's .docx as a template revision, its clause ids carried over from the previous revision where they match.
import { blocksText, placeholderKeys } from '../../shared/doc-model';
import { AppError } from '../../shared/errors';
import { profileFieldLabels, type ProfileField } from '../../shared/schemas/profile';
import type { TemplateClause, TemplateMeta, TemplatePlaceholder, TemplateRevision } from '../../shared/schemas/template';
import type { MatchHow, PreviousClause, ReviewClause } from '../../shared/schemas/template-import';
import { similarity } from '../domain/revisions/inline-diff';
import { SIMILARITY_THRESHOLD } from '../domain/revisions/upstream-diff';
import { FIT_NOTES, fitBlocks, type FitNote } from '../templates/fit-blocks';
import { parseInline } from '../templates/parse-inline';
import { buildOutline, type Outline, type OutlineSection } from './docx-outline';
import type { DocxBody } from './read-docx';

/** One clause of the new revision as the review shows it (its index is its position). */
export type ClauseMatch = Omit<ReviewClause, 'index'>;

export interface ImportedTemplate {
  template: TemplateRevision;
  matches: ClauseMatch[];
  /** Previous clauses that no clause of the new revision continues. */
  removed: PreviousClause[];
  /** Chinese notes for the planner: what was guessed, dropped or simplified. */
  warnings: string[];
}

export interface TemplateImportOptions {
  previous?: TemplateRevision;
  meta: Partial<TemplateMeta>;
  /** The planner's review, by clause index: a previous clause id to continue, or null for a new clause. */
  decisions?: ReadonlyMap<number, string | null>;
}

const textOf = (c: { title: string; body: TemplateClause['body'] }) => `${c.title}\n${blocksText(c.body)}`;
const norm = (s: string) => s.replace(/[\s\u3000]/g, '');
const EXCERPT_CHARS = 60;

/** Index of each clause's parent (the nearest shallower clause before it), or -1. */
function parents(list: { level: number }[]): number[] {
  return list.map((c, i) => {
    for (let j = i - 1; j >= 0; j--) if (list[j]!.level < c.level) return j;
    return -1;
  });
}

type Match = { from: number; by: MatchHow };

/** new clause index → previous clause index, and how. */
function matchOutline(sections: OutlineSection[], previous: TemplateClause[]): Map<number, Match> {
  const match = new Map<number, Match>();
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

/** The planner's decisions over the proposal; a previous clause taken by a decision is released from the clause it was proposed for. */
function applyDecisions(proposed: Map<number, Match>, decisions: ReadonlyMap<number, string | null>, sections: OutlineSection[], previous: TemplateClause[]): Map<number, Match> {
  const index = new Map(previous.map((c, j) => [c.id, j]));
  const chosenBy = new Map<string, number>();
  for (const [i, id] of decisions) {
    if (!Number.isInteger(i) || i < 0 || i >= sections.length) throw new AppError('INVALID_INPUT', `第 ${i + 1} 条条款不存在，请重新读取文档后再核对。`);
    if (id === null) continue;
    if (!index.has(id)) throw new AppError('INVALID_INPUT', previous.length ? `原修订版本中没有条款“${id}”。` : '新模板没有可对应的原条款。');
    const other = chosenBy.get(id);
    if (other !== undefined) {
      const title = previous[index.get(id)!]!.title;
      throw new AppError('INVALID_INPUT', `原条款“${title}”同时对应了“${sections[other]!.title}”和“${sections[i]!.title}”，每条原条款只能对应一条新条款。`);
    }
    chosenBy.set(id, i);
  }
  const final = new Map(proposed);
  for (const [i, id] of decisions) {
    if (id === null) {
      final.delete(i);
      continue;
    }
    const j = index.get(id)!;
    if (proposed.get(i)?.from === j) continue;
    for (const [k, m] of final) if (m.from === j && !decisions.has(k)) final.delete(k);
    final.set(i, { from: j, by: 'manual' });
  }
  return final;
}

/** Annexes come last and everything after the first one belongs to an annex; bodies as the template format holds them. */
function fitSections(outline: Outline, notes: Set<FitNote>, warnings: string[]): OutlineSection[] {
  let inAnnex = false;
  return outline.sections.map((s) => {
    if (s.kind === 'annex' && s.level === 1) inAnnex = true;
    else if (inAnnex && s.kind === 'body' && s.level === 1) warnings.push(`附件中的一级标题「${s.title}」已作为单独的附件，请核对。`);
    return { ...s, kind: inAnnex ? 'annex' : 'body', title: s.title.trim(), body: fitBlocks(s.body, notes) };
  });
}

/** Previous declarations for keys still used, a declaration for each new key, and for keys the titles use. */
function declarePlaceholders(clauses: TemplateClause[], meta: TemplateMeta, previous: TemplatePlaceholder[], warnings: string[]): TemplatePlaceholder[] {
  const used: string[] = [];
  for (const c of clauses) for (const k of placeholderKeys(c.body)) if (!used.includes(k)) used.push(k);
  if (used.length) warnings.push(`文中有 ${used.length} 种待填写占位符：${used.join('、')}。`);
  const declared = new Map(previous.map((p) => [p.key, p]));
  const fresh = [...used, ...[meta.districtTitle, meta.leadDepartment].flatMap((v) => parseInline(v).keys.map((k) => k.key))].filter((k, i, all) => !declared.has(k) && all.indexOf(k) === i);
  if (fresh.length && previous.length) warnings.push(`新出现的占位符 ${fresh.join('、')} 已按名称声明，可在模板文件中补充说明。`);
  const profileOf = (key: string) => (Object.entries(profileFieldLabels).find(([, label]) => label === key)?.[0] as ProfileField | undefined);
  return [...previous, ...fresh.map((key) => ({ key, label: key, ...(profileOf(key) ? { profile: profileOf(key)! } : {}) }))];
}

export function templateFromOutline(outline: Outline, options: TemplateImportOptions): ImportedTemplate {
  const { previous, meta } = options;
  const notes = new Set<FitNote>();
  const warnings = [...outline.warnings];
  const sections = fitSections(outline, notes, warnings);
  const oldClauses = previous?.clauses ?? [];
  const proposed = matchOutline(sections, oldClauses);
  const match = options.decisions ? applyDecisions(proposed, options.decisions, sections, oldClauses) : proposed;
  // Ids of removed clauses are not reused (templates/README.md), so every previous id counts as taken.
  const taken = new Set(oldClauses.map((c) => c.id));
  const ids: string[] = [];
  const newParent = parents(sections);
  const matches: ClauseMatch[] = sections.map((s, i) => {
    const m = match.get(i);
    const old = m ? oldClauses[m.from]! : null;
    let id: string;
    if (old) id = old.id;
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
    const text = blocksText(s.body).replace(/\s+/g, ' ').trim();
    return {
      clauseId: id,
      title: s.title,
      level: s.level,
      kind: s.kind,
      matchedFrom: old ? id : null,
      matchedTitle: old?.title ?? null,
      score: old ? similarity(textOf(old), textOf(s)) : null,
      by: m ? m.by : 'new',
      changed: old ? norm(textOf(old)) !== norm(textOf(s)) : false,
      excerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text,
    };
  });
  const clauses: TemplateClause[] = sections.map((s, i) => ({ id: ids[i]!, level: s.level, kind: s.kind, title: s.title, body: s.body, line: s.line }));
  const kept = new Set(matches.flatMap((m) => (m.matchedFrom ? [m.matchedFrom] : [])));
  const removed = oldClauses.filter((c) => !kept.has(c.id)).map(({ id, title, level, kind }) => ({ id, title, level, kind }));

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
  const placeholders = declarePlaceholders(clauses, fullMeta, previous?.placeholders ?? [], warnings);
  warnings.push(...[...notes].map((n) => FIT_NOTES[n]));
  return { template: { meta: fullMeta, placeholders, clauses, file: `plans/${fullMeta.id}/${fullMeta.revision}.md` }, matches, removed, warnings };
}

export function docxToTemplateRevision(body: DocxBody, options: TemplateImportOptions): ImportedTemplate {
  return templateFromOutline(buildOutline(body), options);
}
