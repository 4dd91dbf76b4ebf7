// Plan check findings grouped for reading: one message met in several sections is one item listing each place.
import type { CheckFinding } from './schemas/checks';

/** A section a finding points at, and how the plan numbers and names it. */
export interface FindingPlace {
  sectionId: string;
  where: string;
}

export interface FindingGroup {
  code: CheckFinding['code'];
  severity: CheckFinding['severity'];
  message: string;
  /** In the order met; empty when the finding concerns the whole plan or something missing. */
  places: FindingPlace[];
}

/** Findings with the same code, severity and message as one group, in the order of their first finding. */
export function groupFindings(findings: readonly CheckFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.code}\u0000${f.severity}\u0000${f.message}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { code: f.code, severity: f.severity, message: f.message, places: [] }));
    if (f.sectionId && !g.places.some((p) => p.sectionId === f.sectionId)) g.places.push({ sectionId: f.sectionId, where: f.where ?? '' });
  }
  return [...groups.values()];
}
