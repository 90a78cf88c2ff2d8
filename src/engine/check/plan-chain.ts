import type { MetricValues } from '../metrics/index.js';
import type { Plan } from './plan.js';

/** One appointer's share of the meetings and calls still needed. */
export interface AppointerPlan {
  appointer: string;
  /** Their handoffs in the KGI window so far. */
  handoffs: number;
  /** ⌈meetings needed × their handoffs / all handoffs⌉. */
  meetingsNeeded: number | null;
  meetingsNeededPerMonth: number | null;
  /** Their own appointments per call so far; `null` without activities or calls. */
  callToAppointmentRate: number | null;
  /** ⌈their meetings needed × their calls / their appointments set⌉. */
  callsNeeded: number | null;
  callsNeededPerMonth: number | null;
}

/**
 * The plan further down the chain (逆算): from the deals to close to the
 * meetings inside sales must hand over, and to the calls that set them.
 */
export interface MeetingPlan {
  /** The rates used, over the KGI window so far: handoffs, and of them those won or lost. */
  handoffs: number;
  handoffsClosed: number;
  /** ⌈deals to close × handoffs / handoffs closed⌉. */
  meetingsNeeded: number | null;
  meetingsNeededPerMonth: number | null;
  /** appointments_set / activities_call over the KGI window; `null` without activities or calls. */
  callToAppointmentRate: number | null;
  /** ⌈meetings needed × calls / appointments set⌉. */
  callsNeeded: number | null;
  callsNeededPerMonth: number | null;
  /** Per appointer with handoffs in the KGI window, by name. */
  byAppointer: AppointerPlan[];
  /** Why a figure is null, for people. */
  reasons: string[];
}

/** The reason the calls are unknown when no activities file was given. */
export const NO_ACTIVITIES = 'no activities file, so the calls per appointment are unknown';

/** ⌈a × b / c⌉ for non-negative integers and c > 0, exactly. */
function ceilMulDiv(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((n + d - 1n) / d);
}

const perMonth = (n: number | null, months: number): number | null =>
  n === null || months === 0 ? null : ceilMulDiv(n, 1, months);

/** Calls needed for `meetings` at `appointments` per `calls`; `null` when unknown. */
function callsFor(
  meetings: number | null,
  calls: number | undefined | null,
  appointments: number | undefined | null,
): number | null {
  if (meetings === null || calls == null || appointments == null) return null;
  if (meetings === 0) return 0;
  return appointments === 0 ? null : ceilMulDiv(meetings, calls, appointments);
}

/**
 * Extends a plan down the chain when the KGI window's values hold the
 * funnel (`handoffs`, the deals file names appointers):
 *
 * - meetings needed = ⌈deals to close × handoffs / (handoffs won + lost)⌉,
 *   as if every deal still to close came from a handed-over meeting;
 * - with activities, calls needed = ⌈meetings needed × calls / appointments
 *   set⌉ (the inverse of call_to_appointment_rate);
 * - both per remaining month, and per appointer: an appointer's meetings are
 *   their share of the handoffs so far, their calls at their own rate.
 *
 * `appointers` are the `--by appointer` groups of the KGI window. Returns the
 * plan unchanged when the values hold no funnel.
 */
export function extendPlan(
  plan: Plan,
  totals: MetricValues,
  appointers: readonly { key: string; values: MetricValues }[],
): Plan {
  const handoffs = totals.handoffs;
  if (handoffs === undefined || handoffs === null) return plan;
  const closed = (totals.handoffs_won ?? 0) + (totals.handoffs_lost ?? 0);
  const months = plan.remainingMonths;
  const reasons: string[] = [];
  let meetings: number | null = null;
  if (plan.dealsToClose === 0) meetings = 0;
  else if (plan.dealsToClose !== null) {
    if (closed === 0)
      reasons.push('no handoff closed yet in the KGI window, so the meetings per closed deal are unknown');
    else meetings = ceilMulDiv(plan.dealsToClose, handoffs, closed);
  }
  const withActivities = totals.activities_call !== undefined;
  if (!withActivities) reasons.push(NO_ACTIVITIES);
  else if (meetings !== null && meetings > 0 && (totals.appointments_set ?? 0) === 0)
    reasons.push('no appointment set yet in the KGI window, so the calls per appointment are unknown');
  const calls = withActivities ? callsFor(meetings, totals.activities_call, totals.appointments_set) : null;

  const byAppointer: AppointerPlan[] = appointers
    .filter((a) => a.key !== '' && (a.values.handoffs ?? 0) > 0)
    .map((a) => {
      const own = a.values.handoffs ?? 0;
      const m = meetings === null ? null : ceilMulDiv(meetings, own, handoffs);
      const c = withActivities ? callsFor(m, a.values.activities_call, a.values.appointments_set) : null;
      return {
        appointer: a.key,
        handoffs: own,
        meetingsNeeded: m,
        meetingsNeededPerMonth: perMonth(m, months),
        callToAppointmentRate: a.values.call_to_appointment_rate ?? null,
        callsNeeded: c,
        callsNeededPerMonth: perMonth(c, months),
      };
    })
    .sort((x, y) => (x.appointer < y.appointer ? -1 : x.appointer > y.appointer ? 1 : 0));

  return {
    ...plan,
    meetings: {
      handoffs,
      handoffsClosed: closed,
      meetingsNeeded: meetings,
      meetingsNeededPerMonth: perMonth(meetings, months),
      callToAppointmentRate: totals.call_to_appointment_rate ?? null,
      callsNeeded: calls,
      callsNeededPerMonth: perMonth(calls, months),
      byAppointer,
      reasons,
    },
  };
}
