// Which plan versions may close a revision request: saved after it was raised, and changing one of its clauses.
import { createHash } from 'node:crypto';
import type { PlanDocument } from '../../../shared/doc-model';
import type { RevisionRequest } from '../../../shared/schemas/evaluation';
import type { VersionInfo } from '../../../shared/schemas/revision';

/** Section id -> digest of the clause as the plan held it when the request was raised (null: not in the plan). */
export type RaisedClauses = Record<string, string | null>;

export interface RequestVersions {
  /** `raisedClauses` is null for a request raised before the app kept them. */
  request: Pick<RevisionRequest, 'sectionIds' | 'raisedAt'> & { raisedClauses?: RaisedClauses | null };
  /** The plan's versions, any order. */
  versions: readonly VersionInfo[];
  /** Called again and again for the same version: the caller reads each document once (see the request handlers). */
  docOf: (versionId: string) => PlanDocument;
}

const clauseText = (doc: PlanDocument, sectionId: string): string | null => {
  const s = doc.sections.find((x) => x.id === sectionId);
  return s ? JSON.stringify([s.title, s.body]) : null;
};

const clauseDigest = (doc: PlanDocument, sectionId: string): string | null => {
  const t = clauseText(doc, sectionId);
  return t === null ? null : createHash('sha256').update(t).digest('hex');
};

/** The request's clauses as `doc` (the plan's current text) holds them, to be stored with the request. */
export function raisedClauses(doc: PlanDocument, sectionIds: readonly string[]): RaisedClauses {
  return Object.fromEntries(sectionIds.map((id) => [id, clauseDigest(doc, id)]));
}

/** Why `versionId` cannot close the request, or null when it can. */
export function whyNotResolving({ request, versions, docOf }: RequestVersions, versionId: string): string | null {
  const bySeq = [...versions].sort((a, b) => a.seq - b.seq);
  const chosen = bySeq.find((v) => v.id === versionId);
  if (!chosen) return '所选版本不属于该预案。';
  // A version saved before the request (the backup before a drill, say) cannot answer it.
  if (chosen.createdAt < request.raisedAt) return `V${chosen.seq} 保存于该修订请求提出之前，不能据此销号。`;
  const raised = request.raisedClauses;
  if (raised && request.sectionIds.every((id) => id in raised)) {
    // Compared with the clauses as they were when the request was raised, saved in a version or not.
    const after = docOf(chosen.id);
    const touched = request.sectionIds.some((id) => clauseDigest(after, id) !== raised[id]);
    return touched ? null : `V${chosen.seq} 没有修改该请求涉及的条款（与提出请求时相比），不能据此销号。`;
  }
  // A request from before the clauses were kept: compared with the version current when it was raised; when the
  // plan had none yet, with the version before the chosen one (the plan's first version has nothing to compare with).
  const current = bySeq.filter((v) => v.createdAt < request.raisedAt).at(-1) ?? bySeq.filter((v) => v.seq < chosen.seq).at(-1);
  if (!current) return null;
  const before = docOf(current.id);
  const after = docOf(chosen.id);
  // Rewritten, retitled, removed, or (when it came after that version) first saved.
  const touched = request.sectionIds.some((id) => clauseText(before, id) !== clauseText(after, id));
  return touched ? null : `V${chosen.seq} 没有修改该请求涉及的条款（与 V${current.seq} 相比），不能据此销号。`;
}

/** The versions that may close the request, newest first. */
export function resolvingVersionIds(input: RequestVersions): string[] {
  return [...input.versions]
    .sort((a, b) => b.seq - a.seq)
    .filter((v) => whyNotResolving(input, v.id) === null)
    .map((v) => v.id);
}

/** Why a version saved from `draft` at `now` could not close the request, or null when it could (offered in 保存版本). */
export function whyDraftNotResolving(input: RequestVersions, draft: PlanDocument, now: Date): string | null {
  const seq = input.versions.reduce((m, v) => Math.max(m, v.seq), 0) + 1;
  const id = '(draft)';
  const next: VersionInfo = { id, seq, kind: 'manual', internal: false, note: '', author: '', status: 'draft', templateId: null, templateRevision: null, title: '', charCount: 0, createdAt: now.toISOString(), restoredFrom: null };
  return whyNotResolving({ ...input, versions: [...input.versions, next], docOf: (v) => (v === id ? draft : input.docOf(v)) }, id);
}
