// What evaluators' answers mean under a criteria set, and what becomes of them when a drill's criteria change.
//
// Shared by the core (which applies the change) and the page (which shows it before saving), so that
// the warning the user agrees to is exactly what the core then does.
import type { CriteriaSet, Criterion, EvaluatorForm } from './schemas/evaluation';

/**
 * One answer as a share 0..1 of the criterion's full marks, or null when it says nothing usable: no
 * value, a score outside 0..max, a label the scale does not have, or a value of the other scale's kind
 * (a criterion whose scale was changed after the form was filled in). Such answers are left out rather
 * than read as zero: a blank is "not judged", not "failed".
 */
export function answerShare(criterion: Criterion, value: number | string | null): number | null {
  const scale = criterion.scale;
  if (scale.kind === 'score') {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > scale.max) return null;
    return value / scale.max;
  }
  if (typeof value !== 'string') return null;
  const label = value.trim();
  return scale.levels.find((l) => l.label.trim() === label)?.value ?? null;
}

/**
 * Why a value typed for `criterion` cannot be kept, in Chinese, or null when it can (a blank is fine).
 * The form shows it at the field and the core refuses a form that has one: a score of 12 out of 10 is
 * a typing slip to correct, never to be read as 10.
 */
export function answerProblem(criterion: Criterion, value: number | string | null): string | null {
  if (value === null || answerShare(criterion, value) !== null) return null;
  const scale = criterion.scale;
  if (scale.kind === 'score' && typeof value === 'number') return `${value} 分超出范围，请填写 0～${scale.max} 分`;
  return unusableReason(criterion, value);
}

/** Every answer of `form` the set cannot keep, as “信息报告与预警：12 分超出范围，请填写 0～10 分”. */
export function formProblems(set: CriteriaSet, form: EvaluatorForm): string[] {
  const byId = new Map(set.criteria.map((c) => [c.id, c]));
  return form.answers.flatMap((a) => {
    const criterion = byId.get(a.criterionId);
    const problem = criterion ? answerProblem(criterion, a.value) : null;
    return problem ? [`${criterion!.title}：${problem}`] : [];
  });
}

export interface AnswerChange {
  formId: string;
  evaluator: string;
  criterionId: string;
  /** The criterion's title, new if it is kept, else as it was. */
  title: string;
  /** dropped: the answer (or its value) is removed; rescaled: a score carried over to a new full mark. */
  kind: 'dropped' | 'rescaled';
  /** Why or how, in Chinese. */
  reason: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function unusableReason(criterion: Criterion, value: number | string): string {
  const scale = criterion.scale;
  if (scale.kind === 'score') return typeof value === 'number' ? `${value} 分超出满分 ${scale.max}` : '评分方式已改为打分';
  return typeof value === 'string' ? `等级“${value}”已不存在` : '评分方式已改为选择等级';
}

/**
 * The forms under the `after` set, matched by criterion id. Kept: every answer whose criterion stays
 * and whose value the new scale can read; a score whose criterion's full mark changed is carried over
 * at the same share. Dropped (and listed): answers to criteria no longer in the set, and values the
 * new scale cannot read (their notes stay). Blank answers to removed criteria go without a mention.
 */
export function reconcileAnswers(before: CriteriaSet, after: CriteriaSet, forms: readonly EvaluatorForm[]): { forms: EvaluatorForm[]; changes: AnswerChange[] } {
  const oldById = new Map(before.criteria.map((c) => [c.id, c]));
  const newById = new Map(after.criteria.map((c) => [c.id, c]));
  const changes: AnswerChange[] = [];
  const next = forms.map((form) => {
    const answers: EvaluatorForm['answers'] = [];
    for (const answer of form.answers) {
      const old = oldById.get(answer.criterionId);
      const now = newById.get(answer.criterionId);
      const change = (kind: AnswerChange['kind'], reason: string) =>
        changes.push({ formId: form.id, evaluator: form.evaluator, criterionId: answer.criterionId, title: (now ?? old)?.title ?? answer.criterionId, kind, reason });
      if (!now) {
        if (answer.value !== null || answer.note !== '') change('dropped', old ? '评估项已删除' : '评估项不在当前评估标准中');
        continue;
      }
      const value = answer.value;
      if (value === null) {
        answers.push(answer);
        continue;
      }
      if (old?.scale.kind === 'score' && now.scale.kind === 'score' && old.scale.max !== now.scale.max && typeof value === 'number' && answerShare(old, value) !== null) {
        const carried = round2((value / old.scale.max) * now.scale.max);
        change('rescaled', `${value}/${old.scale.max} 按新满分换算为 ${carried}/${now.scale.max}`);
        answers.push({ ...answer, value: carried });
        continue;
      }
      if (answerShare(now, value) !== null) {
        answers.push(answer);
        continue;
      }
      change('dropped', unusableReason(now, value));
      answers.push({ ...answer, value: null });
    }
    return { ...form, answers };
  });
  return { forms: next, changes };
}

/** “李评估：信息报告与预警（评估项已删除）” */
export function describeAnswerChange(c: AnswerChange): string {
  return `${c.evaluator}：${c.title}（${c.reason}）`;
}
