// The home page summary channel.
import { localDate } from '../clock';
import { getProfile } from '../db/repos/profile-repo';
import { homeSummary } from '../domain/home-summary';
import type { Handlers } from './types';

export const homeHandlers: Handlers<'home.summary'> = {
  'home.summary': (_input, ctx) => {
    const db = ctx.store.get();
    // Plans, drills and improvement items join this summary as their stores land.
    return homeSummary({ today: localDate(ctx.clock.now()), profile: getProfile(db), reviewDue: [], upcomingDrills: [], openItems: [] });
  },
};
