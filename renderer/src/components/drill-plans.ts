// The plans a drill's script and evaluation can name clauses of.
import type { ClauseRef } from './plan-clauses';
import type { Drill, Script } from '@shared/schemas/drill';

/**
 * Those the drill tests, those its script's injects link to (a plan linked only through the script, or since
 * unlinked from the drill), then any the caller already names: each once, the drill's own first.
 */
export function drillPlanIds({ drill, script }: { drill: Pick<Drill, 'planLinks'>; script: Pick<Script, 'injects'> }, named: ClauseRef[] = []): string[] {
  return [...new Set([...drill.planLinks.map((l) => l.planId), ...script.injects.flatMap((i) => i.clauseLinks.map((c) => c.planId)), ...named.map((c) => c.planId)])];
}

/** What the clause pickers say when the drill names no plan at all. */
export const NO_DRILL_PLAN = '本演练尚未关联预案：请在“演练计划”中打开该演练，点“编辑”选择检验的预案。';
