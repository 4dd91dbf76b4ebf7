// The home page's summary: what needs attention, computed in the core from stored data.
import type { ComplianceFinding } from './drill';

export interface ReviewDue {
  planId: string;
  title: string;
  nextReviewDate: string;
  daysLeft: number;
}

export interface UpcomingDrill {
  drillId: string;
  name: string;
  date: string;
  daysLeft: number;
}

export interface OpenItem {
  itemId: string;
  description: string;
  unit: string;
  deadline: string;
  overdue: boolean;
}

export interface UpstreamRevised {
  planId: string;
  title: string;
  templateTitle: string;
  newRevision: string;
}

export interface HomeSummary {
  today: string;
  profileComplete: boolean;
  reviewDue: ReviewDue[];
  upcomingDrills: UpcomingDrill[];
  openItems: OpenItem[];
  upstreamRevised: UpstreamRevised[];
  /** Drill-frequency rules at risk or overdue. */
  compliance: ComplianceFinding[];
}
