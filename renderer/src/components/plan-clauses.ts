// Plan clauses as people name them: the numbered heading and its title (三、（二） 响应启动), never the raw section id.
import { useMemo } from 'react';
import { clauseLabels } from '@shared/numbering';
import type { PlanDetail } from '@shared/schemas/plan';
import { request } from '../api/client';
import { useLoad } from './use-load';

export interface ClauseRef {
  planId: string;
  sectionId: string;
}

export interface Clause extends ClauseRef {
  /** "三、（二） 响应启动" */
  label: string;
}

export interface PlanClauses {
  planId: string;
  title: string;
  clauses: Clause[];
}

export const clauseKey = (c: ClauseRef) => `${c.planId}|${c.sectionId}`;

export function parseClauseKey(key: string): ClauseRef {
  const [planId, sectionId] = key.split('|') as [string, string];
  return { planId, sectionId };
}

export function planClauses(plan: PlanDetail): PlanClauses {
  const labels = clauseLabels(plan.doc.sections, plan.doc.numbering);
  return { planId: plan.id, title: plan.title, clauses: plan.doc.sections.map((s) => ({ planId: plan.id, sectionId: s.id, label: labels.get(s.id)! })) };
}

/** One plan's sections for a single-plan picker (value = section id). */
export function sectionTreeData(plan: PlanDetail) {
  return planClauses(plan).clauses.map((c) => ({ value: c.sectionId, key: c.sectionId, title: c.label }));
}

/** Several plans' sections under their plan titles (value and key = clauseKey; plans themselves cannot be picked). */
export function clauseTreeData(plans: PlanClauses[]) {
  return plans.map((p) => ({
    value: `plan|${p.planId}`,
    key: `plan|${p.planId}`,
    title: p.title,
    selectable: false,
    checkable: false,
    children: p.clauses.map((c) => ({ value: clauseKey(c), key: clauseKey(c), title: c.label })),
  }));
}

/** What a link shows: its label and plan, or that the clause is gone; undefined while its plan loads. */
export type ClauseLookup = (c: ClauseRef) => { label: string; plan: string } | { missing: true } | undefined;

/**
 * Loads the named plans (each once) and answers labels for clause links. A plan that cannot be read
 * (archived, deleted) counts as gone, so its links show as 已删除的条款 instead of waiting for ever.
 * While other plans are named than those loaded, `plans` is undefined: a picker never offers the clauses
 * of the plans named before (which a reload keeps until the new ones arrive).
 */
export function usePlanClauses(planIds: string[]): { plans: PlanClauses[] | undefined; lookup: ClauseLookup } {
  const key = [...new Set(planIds)].sort().join(',');
  const loaded = useLoad(
    async () => ({
      key,
      plans: await Promise.all(key.split(',').filter(Boolean).map((id) => request('plan.get', { id }).then(planClauses, () => ({ planId: id, title: '', clauses: [] as Clause[], gone: true })))),
    }),
    [key],
  );
  const current = loaded.data?.key === key ? loaded.data.plans : undefined;
  return useMemo(() => {
    const byPlan = new Map((current ?? []).map((p) => [p.planId, p]));
    const byKey = new Map((current ?? []).flatMap((p) => p.clauses.map((c) => [clauseKey(c), { label: c.label, plan: p.title }] as const)));
    const lookup: ClauseLookup = (c) => byKey.get(clauseKey(c)) ?? (byPlan.has(c.planId) ? { missing: true } : undefined);
    const plans = current?.filter((p) => !('gone' in p));
    return { plans, lookup };
  }, [current]);
}
