import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AbTestAggregate,
  abTestVariants,
  addAbTestDeal,
  analyzeAbTest,
  createAbTest,
  mergeAbTests,
} from '../src/engine/abtest.js';
import { dayFromYMD } from '../src/engine/calendar.js';
import {
  addCohortDeal,
  buildCohorts,
  type CohortAggregate,
  cohortWindow,
  createCohorts,
  mergeCohorts,
} from '../src/engine/cohorts.js';
import type { Deal } from '../src/engine/deal.js';
import type { DayRange, Granularity } from '../src/engine/periods.js';
import { type Distributions, loadDistributions } from '../src/engine/stats/distributions.js';

/**
 * Property: the A/B and cohort aggregates are mergeable and order-free, as
 * the report's is. Their sums are exact integers, so merged results are
 * equal, not merely close.
 */

let dist: Distributions;
beforeAll(async () => {
  dist = await loadDistributions();
});

const BASE = dayFromYMD(2024, 1, 1);
const SPAN = 700;

/** A valid deal (as ingestion lets through) with its variant value. */
const rowArb: fc.Arbitrary<[Omit<Deal, 'dealId'>, string]> = fc
  .record({
    status: fc.constantFrom<Deal['status']>('won', 'lost', 'open'),
    // Amounts up to 2⁴⁷ minor units: squares far past 2⁵³, so the exact sums are exercised.
    amount: fc.oneof(fc.constant(0), fc.integer({ min: -1_000_000, max: 2 ** 47 })),
    day: fc.integer({ min: 0, max: SPAN }),
    cycle: fc.integer({ min: 0, max: 300 }),
    createdKnown: fc.nat(4).map((n) => n > 0),
    account: fc.option(fc.constantFrom('A-1', 'A-2', 'A-3', 'A-4', 'A-5'), { nil: null, freq: 5 }),
    currency: fc.constantFrom('JPY', 'JPY', 'JPY', 'USD', ''),
    variant: fc.constantFrom('', 'A', 'B', 'C'),
  })
  .map(({ status, amount, day, cycle, createdKnown, account, currency, variant }) => {
    const open = status === 'open';
    const closeDate = open ? null : BASE + day;
    const createdDate = !createdKnown ? null : open ? BASE + day : BASE + day - cycle;
    const dims = { owner: '', team: '', segment: '', channel: '', source: '', currency, appointer: '' };
    return [{ status, amount, closeDate, createdDate, account, dims }, variant];
  });

const rowsArb = fc
  .array(rowArb, { maxLength: 60 })
  .map((rows) => rows.map(([d, v], i): [Deal, string] => [{ dealId: `D-${i}`, ...d }, v]));

const windowArb: fc.Arbitrary<DayRange | null> = fc.option(
  fc
    .tuple(fc.integer({ min: -30, max: SPAN }), fc.integer({ min: 0, max: 400 }))
    .map(([from, length]) => ({ from: BASE + from, to: BASE + from + length })),
  { nil: null, freq: 2 },
);

function abAggregate(rows: readonly [Deal, string][], window: DayRange | null): AbTestAggregate {
  const agg = createAbTest({ window });
  for (const [d, v] of rows) addAbTestDeal(agg, d, v);
  return agg;
}

function abAnalysis(agg: AbTestAggregate): unknown {
  const variants = abTestVariants(agg);
  const control = variants[0];
  return control === undefined || variants.length < 2 ? variants : analyzeAbTest(agg, { control }, dist);
}

describe('A/B aggregate', () => {
  it('merging two halves gives the analysis of all the deals; so does any order', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.nat({ max: rows.length }))),
        windowArb,
        ([rows, split], window) => {
          const whole = abAggregate(rows, window);
          const merged = mergeAbTests(
            abAggregate(rows.slice(0, split), window),
            abAggregate(rows.slice(split), window),
          );
          const reversed = abAggregate([...rows].reverse(), window);
          expect(merged.deals).toBe(rows.length);
          expect(abAnalysis(merged)).toEqual(abAnalysis(whole));
          expect(abAnalysis(reversed)).toEqual(abAnalysis(whole));
          // Every deal is counted once.
          const tested = [...whole.arms.values()].reduce((n, a) => n + a.won + a.lost, 0);
          expect(tested + whole.open + whole.outsideWindow + whole.unassigned).toBe(rows.length);
          expect(JSON.stringify(abAnalysis(whole))).not.toContain('NaN');
        },
      ),
      { numRuns: 200 },
    );
  });
});

function cohortAggregate(deals: readonly Deal[], granularity: Granularity, window: DayRange | null): CohortAggregate {
  const agg = createCohorts({ calendar: { granularity, fiscalYearStart: 4 }, window });
  for (const d of deals) addCohortDeal(agg, d);
  return agg;
}

function cohortsOf(agg: CohortAggregate, window: DayRange | null): unknown {
  const w = window ?? cohortWindow(agg);
  return w === null ? null : buildCohorts(agg, { window: w });
}

describe.each(['month', 'quarter', 'year'] as const)('cohort aggregate by %s', (granularity) => {
  it('merging two halves gives the triangle of all the deals; so does any order', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) => fc.tuple(fc.constant(rows.map(([d]) => d)), fc.nat({ max: rows.length }))),
        windowArb,
        ([deals, split], window) => {
          const whole = cohortAggregate(deals, granularity, window);
          const merged = mergeCohorts(
            cohortAggregate(deals.slice(0, split), granularity, window),
            cohortAggregate(deals.slice(split), granularity, window),
          );
          expect(cohortsOf(merged, window)).toEqual(cohortsOf(whole, window));
          expect(cohortsOf(cohortAggregate([...deals].reverse(), granularity, window), window)).toEqual(
            cohortsOf(whole, window),
          );
          expect(JSON.stringify(cohortsOf(whole, window))).not.toContain('NaN');
        },
      ),
      { numRuns: 150 },
    );
  });
});
