// Rule: plans are evaluated in principle every 3 years (domain.md §1.3); warn ahead, flag when overdue.
import type { CheckFinding } from '../../../shared/schemas/checks';
import { REVIEW_WARNING_DAYS } from '../../../shared/rules';
import { daysBetween } from '../../clock';

/** Same window as the home page's “评估到期” list, so the two never disagree. */
export const EVALUATION_WARNING_DAYS = REVIEW_WARNING_DAYS;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkEvaluation(today: string, nextReviewDate: string | null): CheckFinding[] {
  if (!nextReviewDate || !ISO_DATE.test(nextReviewDate) || !ISO_DATE.test(today)) return [];
  const days = daysBetween(today, nextReviewDate);
  if (days < 0) {
    return [
      {
        code: 'evaluation-overdue',
        severity: 'error',
        message: `预案评估已逾期${-days}天（应于${nextReviewDate}前完成），请尽快组织评估，需要修订的及时启动修订。`,
        detail: nextReviewDate,
      },
    ];
  }
  if (days <= EVALUATION_WARNING_DAYS) {
    return [
      {
        code: 'evaluation-due-soon',
        severity: 'warning',
        message: `${days === 0 ? '预案评估今天到期' : `预案评估还有${days}天到期`}（${nextReviewDate}），请提前安排评估工作。`,
        detail: nextReviewDate,
      },
    ];
  }
  return [];
}
