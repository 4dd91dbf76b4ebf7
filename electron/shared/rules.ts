// Periodic rules from the domain (domain.md §1.3, §3.10) that several parts of the app apply alike.

/** Government plans are evaluated in principle every three years after publication. */
export const REVIEW_YEARS = 3;

/** A plan whose evaluation falls due within this many days is flagged (overdue ones always). */
export const REVIEW_WARNING_DAYS = 90;
