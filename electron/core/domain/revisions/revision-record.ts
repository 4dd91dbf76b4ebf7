// The 修订记录 filed with a plan: its revisions, oldest first, numbered 1, 2, 3… in the order they are listed.
import type { RevisionRecordRow, VersionInfo } from '../../../shared/schemas/revision';
import { localDate } from '../../clock';

/**
 * A revision is a version the planners made: not the app's safety copy before a merge (internal) and not a restore
 * (the planner went back to an earlier text; the revision is the one saved after it).
 */
export const isRevision = (v: Pick<VersionInfo, 'internal' | 'kind'>): boolean => !v.internal && v.kind !== 'restore';

/**
 * The rows of the 修订记录, from versions in any order. The rows carry their own sequence number (序号) because the
 * version numbers V1, V2… count every version, internal ones included, and would show gaps (V1, V3) to the reader;
 * the V-number stays on the row so the 版本与状态 drawer can say which version each row is. `upToSeq` limits the
 * record to the revisions made by then, for the export of an earlier version.
 */
export function revisionRecord(versions: readonly VersionInfo[], upToSeq = Infinity): RevisionRecordRow[] {
  const kept: VersionInfo[] = [];
  for (const v of versions.filter((x) => x.seq <= upToSeq).sort((a, b) => a.seq - b.seq)) {
    // A restore took the text back to an earlier version: the revisions made after that one were undone, and a
    // record listing them would describe changes the plan no longer has.
    if (v.kind === 'restore' && v.restoredFrom !== null) while (kept.length && kept.at(-1)!.seq > v.restoredFrom) kept.pop();
    if (isRevision(v)) kept.push(v);
  }
  return kept.map((v, i) => ({ no: i + 1, versionId: v.id, version: `V${v.seq}`, date: localDate(new Date(v.createdAt)), note: v.note }));
}
