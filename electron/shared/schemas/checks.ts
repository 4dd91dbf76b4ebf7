// Plan check findings: what the checks panel lists and the Word export reports, one shape for both.
import type { PlanDocument } from '../doc-model';

export type CheckSeverity = 'error' | 'warning' | 'info';

export type CheckCode =
  | 'missing-section'
  | 'empty-section'
  | 'unfilled-placeholder'
  | 'response-level-missing'
  | 'response-level-incomplete'
  | 'contact-table-incomplete'
  | 'superseded-citation'
  | 'evaluation-overdue'
  | 'evaluation-due-soon'
  | 'upstream-revised';

export interface CheckFinding {
  code: CheckCode;
  severity: CheckSeverity;
  /** Chinese, and says what to do about it. */
  message: string;
  /** The section to jump to; absent when the finding concerns the whole plan or something missing. */
  sectionId?: string;
  /** That section as the plan numbers and names it ("5.1 先期处置", "附件2 联系方式"). */
  where?: string;
  /** The evidence: keys, counts, the quoted text. */
  detail?: string;
}

export interface PlanCheckInput {
  doc: PlanDocument;
  /** YYYY-MM-DD, local date. */
  today: string;
  /** YYYY-MM-DD or null when no evaluation date is set. */
  nextReviewDate: string | null;
  /** The municipal template the plan follows: the revision it was built on and the newest one known. */
  upstream?: { templateTitle: string; currentRevision: string; newestRevision: string } | null;
}

export const checkSeverityLabels: Record<CheckSeverity, string> = { error: '错误', warning: '警告', info: '提示' };
