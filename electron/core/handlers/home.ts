// The home page summary channel.
import { daysBetween, localDate } from '../clock';
import { listDrills } from '../db/repos/drill-repo';
import { listItems } from '../db/repos/evaluation-repo';
import { listPlanRows } from '../db/repos/plan-repo';
import { getProfile } from '../db/repos/profile-repo';
import { upstreamRevision } from './plans';
import { homeSummary } from '../domain/home-summary';
import type Database from 'better-sqlite3';
import { REVIEW_WARNING_DAYS } from '../../shared/rules';
import type { OpenItem, ReviewDue } from '../../shared/schemas/home';
import { complianceFindings } from './drills';
import type { Handlers } from './types';

/** Drills this close are listed on the home page. */
const UPCOMING_DRILL_DAYS = 60;


function openItems(db: Database.Database, today: string): OpenItem[] {
  return listItems(db, today)
    .filter((i) => i.status === 'open' || i.status === 'doing')
    .map((i) => ({ itemId: i.id, description: i.description, unit: i.unit, deadline: i.deadline, overdue: i.overdue }));
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
    const upcomingDrills = listDrills(db)
      .filter((d) => (d.status === 'planned' || d.status === 'preparing') && d.date >= today && daysBetween(today, d.date) <= UPCOMING_DRILL_DAYS)
      .map((d) => ({ drillId: d.id, name: d.name, date: d.date, daysLeft: daysBetween(today, d.date) }));
    return homeSummary({ today, profile: getProfile(db), reviewDue: reviewDue(db, today), upcomingDrills, openItems: openItems(db, today), upstreamRevised, compliance: complianceFindings(ctx, today) });
  },
};
