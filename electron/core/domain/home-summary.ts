// What the home page asks the user to look at, from plain records.
import type { DistrictProfile } from '../../shared/schemas/profile';
import type { ComplianceFinding } from '../../shared/schemas/drill';
import type { HomeSummary, OpenItem, OpenRequest, ReviewDue, UpcomingDrill, UpstreamRevised } from '../../shared/schemas/home';

export interface HomeInputs {
  today: string;
  profile: DistrictProfile;
  reviewDue: ReviewDue[];
  upcomingDrills: UpcomingDrill[];
  openItems: OpenItem[];
  upstreamRevised: UpstreamRevised[];
  compliance: ComplianceFinding[];
  openRequests: OpenRequest[];
}

export function homeSummary(i: HomeInputs): HomeSummary {
  const p = i.profile;
  return {
    today: i.today,
    profileComplete: Boolean(p.districtName && p.governmentName && p.emergencyBureau),
    reviewDue: [...i.reviewDue].sort((a, b) => a.nextReviewDate.localeCompare(b.nextReviewDate)),
    upcomingDrills: [...i.upcomingDrills].sort((a, b) => a.date.localeCompare(b.date)),
    // Overdue first, then by deadline.
    compliance: i.compliance.filter((f) => f.state !== 'met'),
    upstreamRevised: [...i.upstreamRevised].sort((a, b) => a.title.localeCompare(b.title, 'zh-CN')),
    openItems: [...i.openItems].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline)),
    openRequests: [...i.openRequests].sort((a, b) => a.planTitle.localeCompare(b.planTitle, 'zh-CN')),
  };
}
