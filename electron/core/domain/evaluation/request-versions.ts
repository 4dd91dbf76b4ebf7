// Which plan versions may close a revision request: saved after it was raised, and changing one of its clauses.
import type { PlanDocument } from '../../../shared/doc-model';
import type { RevisionRequest } from '../../../shared/schemas/evaluation';
import type { VersionInfo } from '../../../shared/schemas/revision';

export interface RequestVersions {
  request: Pick<RevisionRequest, 'sectionIds' | 'raisedAt'>;
  /** The plan's versions, any order. */
  versions: readonly VersionInfo[];
  /** Called again and again for the same version: the caller reads each document once (see the request handlers). */
  docOf: (versionId: string) => PlanDocument;
}

const clauseText = (doc: PlanDocument, sectionId: string): string | null => {
  const s = doc.sections.find((x) => x.id === sectionId);
  return s ? JSON.stringify([s.title, s.body]) : null;
};

/** Why `versionId` cannot close the request, or null when it can. */
export function whyNotResolving({ request, versions, docOf }: RequestVersions, versionId: string): string | null {
  const bySeq = [...versions].sort((a, b) => a.seq - b.seq);
  const chosen = bySeq.find((v) => v.id === versionId);
  if (!chosen) return '所选版本不属于该预案。';
  // A version saved before the request (the backup before a drill, say) cannot answer it.
  if (chosen.createdAt < request.raisedAt) return `V${chosen.seq} 保存于该修订请求提出之前，不能据此销号。`;
  // Compared with the version current when the request was raised; when the plan had none yet, with the version
  // before the chosen one (the plan's first version has nothing to compare with, and may close it).
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
