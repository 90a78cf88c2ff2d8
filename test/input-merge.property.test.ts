import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_TYPES,
  type Activity,
  addActivity,
  addCost,
  addDealToInputs,
  addSurveyResponse,
  buildInputReport,
  COST_CATEGORIES,
  type Cost,
  createInputAggregates,
  type DayRange,
  type Deal,
  type Dimension,
  type Granularity,
  type InputAggregates,
  inputsWindow,
  mergeInputAggregateSets,
  type SurveyResponse,
} from '../src/engine/index.js';

/*
 * Activities, costs, surveys and the funnel merge like deals: aggregating
 * two parts of every input and merging gives the report of all of it.
 */
const BASE = 20089; // 2025-01-01
const SPAN = 500;
const pool = (values: string[]): fc.Arbitrary<string> => fc.constantFrom('', ...values);
const dayArb = fc.integer({ min: -20, max: SPAN }).map((d) => BASE + d);

const dealArb: fc.Arbitrary<Omit<Deal, 'dealId'>> = fc
  .record({
    status: fc.constantFrom<Deal['status']>('won', 'lost', 'open'),
    amount: fc.integer({ min: 0, max: 2 ** 40 }),
    day: dayArb,
    cycle: fc.integer({ min: 0, max: 120 }),
    createdKnown: fc.nat(5).map((n) => n > 0),
    account: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: null }),
    owner: pool(['Sato', 'Ito']),
    team: pool(['Ent', 'SMB']),
    channel: pool(['inside', 'outside']),
    appointer: pool(['Kato', 'Kobayashi']),
  })
  .map(({ status, amount, day, cycle, createdKnown, account, owner, team, channel, appointer }) => ({
    status,
    amount,
    closeDate: status === 'open' ? null : day,
    createdDate: !createdKnown ? null : status === 'open' ? day : day - cycle,
    account,
    dims: { owner, team, segment: '', channel, source: '', currency: '', appointer },
  }));

const activityArb: fc.Arbitrary<Activity> = fc.record({
  day: dayArb,
  type: fc.constantFrom(...ACTIVITY_TYPES),
  minutes: fc.integer({ min: 0, max: 600_000 }),
  appointmentSet: fc.boolean(),
  channel: fc.constantFrom('inside' as const, 'outside' as const),
  owner: fc.constantFrom('Sato', 'Kato', 'Kobayashi'),
  team: pool(['Ent', 'Inside']),
});

const costArb: fc.Arbitrary<Cost> = fc.record({
  day: dayArb,
  amount: fc.integer({ min: -1_000_000, max: 2 ** 40 }),
  category: fc.constantFrom(...COST_CATEGORIES),
  team: pool(['Ent', 'SMB']),
  channel: pool(['inside', 'outside']),
});

const surveyArb: fc.Arbitrary<SurveyResponse> = fc
  .record({
    day: dayArb,
    type: fc.constantFrom('csat' as const, 'nps' as const),
    n: fc.nat(10),
    owner: pool(['Sato']),
    team: pool(['Ent']),
  })
  .map(({ day, type, n, owner, team }) => ({ day, type, score: type === 'csat' ? 1 + (n % 5) : n, owner, team }));

const inputsArb = fc.record({
  deals: fc.array(dealArb, { maxLength: 30 }).map((ds) => ds.map((d, i) => ({ dealId: `D${i}`, ...d }))),
  activities: fc.array(activityArb, { maxLength: 40 }),
  costs: fc.array(costArb, { maxLength: 20 }),
  surveys: fc.array(surveyArb, { maxLength: 20 }),
  split: fc.double({ min: 0, max: 1, noNaN: true }),
});

const windowArb: fc.Arbitrary<DayRange | null> = fc.option(
  fc
    .tuple(fc.integer({ min: -30, max: SPAN }), fc.integer({ min: 0, max: 300 }))
    .map(([f, n]) => ({ from: BASE + f, to: BASE + f + n })),
  { nil: null, freq: 2 },
);

interface Rows {
  deals: Deal[];
  activities: Activity[];
  costs: Cost[];
  surveys: SurveyResponse[];
}

function aggregate(
  by: Dimension | null,
  granularity: Granularity,
  window: DayRange | null,
  rows: Rows,
): InputAggregates {
  const agg = createInputAggregates(
    { calendar: { granularity, fiscalYearStart: 4 }, by: by === null ? [] : [by], window },
    { activities: true, costs: true, surveys: true },
  );
  for (const a of rows.activities) if (agg.activities) addActivity(agg.activities, a);
  for (const d of rows.deals) addDealToInputs(agg, d);
  for (const c of rows.costs) if (agg.costs) addCost(agg.costs, c);
  for (const s of rows.surveys) if (agg.surveys) addSurveyResponse(agg.surveys, s);
  return agg;
}

function report(agg: InputAggregates, window: DayRange | null): unknown {
  const w = window ?? inputsWindow(agg);
  return w === null ? null : buildInputReport(agg, { window: w, appointers: true });
}

const SETUPS: [Dimension | null, Granularity][] = [
  [null, 'month'],
  ['owner', 'quarter'],
  ['team', 'month'],
  ['channel', 'week'],
  ['appointer', 'month'],
];

describe.each(SETUPS)('by %s, %s', (by, granularity) => {
  it('merging the aggregates of two parts of every input gives the report of all of them', () => {
    fc.assert(
      fc.property(inputsArb, windowArb, ({ split, ...rows }, window) => {
        const cut = <T>(xs: T[]): [T[], T[]] => {
          const at = Math.floor(xs.length * split);
          return [xs.slice(0, at), xs.slice(at)];
        };
        const [d1, d2] = cut(rows.deals);
        const [a1, a2] = cut(rows.activities);
        const [c1, c2] = cut(rows.costs);
        const [s1, s2] = cut(rows.surveys);
        const whole = aggregate(by, granularity, window, rows);
        const merged = mergeInputAggregateSets(
          aggregate(by, granularity, window, { deals: d1, activities: a1, costs: c1, surveys: s1 }),
          aggregate(by, granularity, window, { deals: d2, activities: a2, costs: c2, surveys: s2 }),
        );
        expect(inputsWindow(merged)).toEqual(inputsWindow(whole));
        expect(report(merged, window)).toEqual(report(whole, window));
      }),
      { numRuns: 100 },
    );
  });
});
