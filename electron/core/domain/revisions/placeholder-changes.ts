// Names a new municipal revision changes: a placeholder whose default the city changed (an agency renamed,
// 区森林防火指挥部 → 区森林草原防灭火指挥部) while the plan still holds the old default, and placeholders
// the revision adds. Adopting a renamed value rewrites it throughout the plan, as the planner would by hand.
import { blocksText, type PlanDocument } from '../../../shared/doc-model';
import type { DistrictProfile } from '../../../shared/schemas/profile';
import type { PlaceholderChange } from '../../../shared/schemas/revision';
import type { TemplateRevision } from '../../../shared/schemas/template';
import { defaultValues, renameInBlocks } from '../plans/placeholders';

export function placeholderChanges(doc: PlanDocument, oldRev: TemplateRevision | null, newRev: TemplateRevision, profile: DistrictProfile, choices: readonly { key: string; adopt: boolean }[] = []): PlaceholderChange[] {
  const out: PlaceholderChange[] = [];
  // The plan's text, only read when a renamed default needs checking.
  let planText: string | undefined;
  const inPlan = (name: string) => (planText ??= doc.sections.map((s) => `${s.title}\n${blocksText(s.body)}`).join('\n')).includes(name);
  for (const p of newRev.placeholders) {
    const proposed = defaultValues([p], profile)[0]!.value;
    const current = doc.placeholders.find((v) => v.key === p.key);
    if (!current) {
      out.push({ key: p.key, label: p.label, current: null, proposed, adopt: true, collides: false });
      continue;
    }
    const old = oldRev?.placeholders.find((o) => o.key === p.key);
    const oldDefault = old ? defaultValues([old], profile)[0]!.value : null;
    if (proposed && oldDefault !== null && current.value === oldDefault && proposed !== oldDefault) {
      const collides = inPlan(proposed);
      out.push({ key: p.key, label: p.label, current: current.value, proposed, adopt: choices.find((c) => c.key === p.key)?.adopt ?? !collides, collides });
    }
  }
  return out;
}

/** The plan with the adopted names: new placeholders declared, renamed values rewritten in text and lineage. */
export function adoptPlaceholders(doc: PlanDocument, changes: PlaceholderChange[]): PlanDocument {
  let next = doc;
  for (const c of changes) {
    if (c.current === null) {
      next = { ...next, placeholders: [...next.placeholders, { key: c.key, label: c.label, value: c.proposed }] };
      continue;
    }
    if (!c.adopt) continue;
    const { current: from, proposed: to } = c;
    next = {
      ...next,
      placeholders: next.placeholders.map((v) => (v.key === c.key ? { ...v, value: to } : v)),
      // The lineage's base text is renamed too: a section the district never touched stays untouched.
      sections: next.sections.map((s) => ({
        ...s,
        title: s.title.split(from).join(to),
        body: renameInBlocks(s.body, from, to),
        ...(s.lineage ? { lineage: { ...s.lineage, baseTitle: s.lineage.baseTitle.split(from).join(to), baseBody: renameInBlocks(s.lineage.baseBody, from, to) } } : {}),
      })),
    };
  }
  return next;
}
