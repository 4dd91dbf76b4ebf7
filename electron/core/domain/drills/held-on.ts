// The date a drill took place: the local calendar day its clock started, else (not yet run) the planned date.
import { localDate } from '../../clock';
import type { Drill } from '../../../shared/schemas/drill';

/**
 * A drill moved at short notice is still dated by its programme entry until someone edits it; what it
 * tested, and when, is what the log says. `startedAt` is its first clock.start (ISO), if any.
 */
export function heldOn(drill: Pick<Drill, 'date'>, startedAt: string | undefined): string {
  const at = startedAt === undefined ? NaN : Date.parse(startedAt);
  return Number.isNaN(at) ? drill.date : localDate(new Date(at));
}
