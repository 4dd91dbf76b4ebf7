// The home page summary channel.
import { daysBetween, localDate } from '../clock';
import { clockSpans, listDrills } from '../db/repos/drill-repo';
import { listItems, listRequests } from '../db/repos/evaluation-repo';
import { getPlanDocument, listPlanRows } from '../db/repos/plan-repo';
import { getProfile } from '../db/repos/profile-repo';
import { upstreamRevision } from './plans';
import { homeSummary } from '../domain/home-summary';
import type Database from 'better-sqlite3';
import { REVIEW_WARNING_DAYS } from '../../shared/rules';
import { clauseLabels } from '../../shared/numbering';
import type { ImprovementItem } from '../../shared/schemas/evaluation';
import type { OpenItem, OpenRequest, ReviewDue } from '../../shared/schemas/home';
import { complianceFindings } from './drills';
import type { Handlers } from './types';

/** Drills this close are listed on the home page. */
const UPCOMING_DRILL_DAYS = 60;


function openItems(items: ImprovementItem[]): OpenItem[] {
  return items
    .filter((i) => i.status === 'open' || i.status === 'doing')
    .map((i) => ({ itemId: i.id, description: i.description, unit: i.unit, deadline: i.deadline, overdue: i.overdue }));
}

/** Requests still open, on plans not archived, with their clauses named as each plan numbers them. */
function openRequests(db: Database.Database, allItems: ImprovementItem[]): OpenRequest[] {
  const open = listRequests(db).filter((r) => r.status === 'open');
  if (!open.length) return [];
  const plans = new Map(listPlanRows(db, false).map((p) => [p.id, p]));
  const items = new Map(allItems.map((i) => [i.id, i]));
  const labels = new Map<string, Map<string, string>>();
  const labelsOf = (planId: string) => {
    if (!labels.has(planId)) {
      const doc = getPlanDocument(db, plans.get(planId)!);
      labels.set(planId, clauseLabels(doc.sections, doc.numbering));
    }
    return labels.get(planId)!;
  };
  return open.flatMap((r) => {
    const plan = plans.get(r.planId);
    if (!plan || !r.sectionIds.length) return [];
    const named = labelsOf(r.planId);
    return [{ requestId: r.id, planId: r.planId, planTitle: plan.title, sectionId: r.sectionIds[0]!, clauses: r.sectionIds.flatMap((id) => named.get(id) ?? []), item: items.get(r.itemId)?.description ?? '' }];
  });
}

function reviewDue(db: Database.Database, today: string): ReviewDue[] {
  const rows = db.prepare('SELECT id, title, next_review_date AS d FROM plans WHERE archived_at IS NULL AND next_review_date IS NOT NULL').all() as { id: string; title: string; d: string }[];
  return rows
    .map((r) => ({ planId: r.id, title: r.title, nextReviewDate: r.d, daysLeft: daysBetween(today, r.d) }))
    .filter((r) => r.daysLeft <= REVIEW_WARNING_DAYS);
}

export const homeHandlers: Handlers<'home.summary'> = {
  'home.summary': (_input, ctx) => {
    const db = ctx.store.get();
    const today = localDate(ctx.clock.now());
    const upstreamRevised = listPlanRows(db, false).flatMap((r) => {
      const newRevision = upstreamRevision(ctx, r);
      return newRevision ? [{ planId: r.id, title: r.title, templateTitle: ctx.templates.find(r.template_id!, newRevision)?.meta.title ?? '', newRevision }] : [];
    });
    // A drill whose clock has started is under way or held (see heldTime), not coming up on its planned date.
    const started = clockSpans(db);
    const upcomingDrills = listDrills(db)
      .filter((d) => (d.status === 'planned' || d.status === 'preparing') && !started.has(d.id) && d.date >= today && daysBetween(today, d.date) <= UPCOMING_DRILL_DAYS)
      .map((d) => ({ drillId: d.id, name: d.name, date: d.date, daysLeft: daysBetween(today, d.date) }));
    // One read of the ledger: the open items and the requests' item names come from it.
    const items = listItems(db, today);
    return homeSummary({ today, profile: getProfile(db), reviewDue: reviewDue(db, today), upcomingDrills, openItems: openItems(items), upstreamRevised, compliance: complianceFindings(ctx, today), openRequests: openRequests(db, items) });
  },
};
