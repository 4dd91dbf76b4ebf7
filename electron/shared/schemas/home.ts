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

/** A revision request an improvement item raised on a plan, not yet closed by a version. */
export interface OpenRequest {
  requestId: string;
  planId: string;
  planTitle: string;
  /** The first clause named, where the plan opens. */
  sectionId: string;
  /** The clauses as the plan numbers them ("5.1 先期处置"). */
  clauses: string[];
  /** The 整改 item that asked for it. */
  item: string;
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
  openRequests: OpenRequest[];
}
