import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../src/engine/calendar.js';
import type { Deal } from '../src/engine/deal.js';
import {
  addPipelineDeal,
  buildPipeline,
  createPipeline,
  mergePipelines,
  type PipelineAggregate,
  type PipelineOptions,
} from '../src/engine/pipeline/index.js';

/**
 * Property: the pipeline aggregate is mergeable. Aggregating two parts of
 * any deals (a file read in two pieces) and merging gives the same pipeline,
 * forecasts, back-test and funnel as aggregating them all at once.
 */

const BASE = dayFromYMD(2024, 1, 1);
const SPAN = 700;
const AS_OF = BASE + 500;

// '' as exports with a status column may leave it (Pipedrive).
const STAGES = ['Lead', 'Demo', 'Proposal', 'Closed Won', 'Closed Lost', 'Legal', ''];
const CATEGORIES = ['', 'Commit', 'Best Case', 'Pipeline', 'Omitted', 'Maybe'];

const dealArb: fc.Arbitrary<Omit<Deal, 'dealId'>> = fc
  .record({
    status: fc.constantFrom<Deal['status']>('won', 'lost', 'open'),
    amount: fc.oneof(fc.constant(0), fc.integer({ min: -1_000_000, max: 2 ** 40 })),
    day: fc.integer({ min: 0, max: SPAN }),
    cycle: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 })),
    createdKnown: fc.nat(5).map((n) => n > 0),
    segment: fc.constantFrom('', 'smb', 'ent'),
    currency: fc.constantFrom('JPY'),
    stage: fc.constantFrom(...STAGES),
    probability: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    expected: fc.option(fc.integer({ min: 300, max: SPAN + 200 }), { nil: null }),
    category: fc.constantFrom(...CATEGORIES),
    lostStage: fc.constantFrom('', 'Lead', 'Demo', 'Nowhere'),
  })
  .map((r) => {
    const open = r.status === 'open';
    return {
      status: r.status,
      amount: r.amount,
      closeDate: open ? null : BASE + r.day,
      createdDate: !r.createdKnown ? null : open ? BASE + r.day : BASE + r.day - r.cycle,
      account: null,
      dims: { owner: '', team: '', segment: r.segment, channel: '', source: '', currency: r.currency, appointer: '' },
      stage: r.stage,
      expectedCloseDate: r.expected === null ? null : BASE + r.expected,
      probability: r.probability,
      forecastCategory: r.category,
      lostStage: r.status === 'lost' ? r.lostStage : '',
    };
  });

const dealsArb: fc.Arbitrary<Deal[]> = fc
  .array(dealArb, { maxLength: 60 })
  .map((rows) => rows.map((body, i) => ({ dealId: `D-${i}`, ...body })));

const OPTIONS: PipelineOptions[] = [
  {
    calendar: { granularity: 'month', fiscalYearStart: 1 },
    asOf: AS_OF,
    horizon: 3,
    staleDays: 90,
    stages: [
      { name: 'Lead', probability: 100_000 },
      { name: 'Demo', probability: null },
      { name: 'Proposal', probability: 600_000 },
    ],
    segmentBy: 'segment',
    backtest: 4,
    funnel: { from: -Infinity, to: Infinity },
  },
  {
    calendar: { granularity: 'quarter', fiscalYearStart: 4 },
    asOf: AS_OF,
    horizon: 2,
    staleDays: 30,
    stages: [],
    segmentBy: 'segment',
    backtest: 3,
    funnel: { from: BASE + 100, to: BASE + 400 },
  },
];

function aggregate(options: PipelineOptions, deals: readonly Deal[]): PipelineAggregate {
  const agg = createPipeline(options);
  for (const d of deals) addPipelineDeal(agg, d);
  return agg;
}

const build = (agg: PipelineAggregate): unknown =>
  buildPipeline(agg, {
    probabilityScale: 'percent',
    forecastCategories: true,
    isClosedStage: (s) => s.startsWith('Closed'),
  });

describe.each(OPTIONS.map((o, i) => [i, o] as const))('options %i', (_i, options) => {
  it('merging the aggregates of two parts gives the pipeline of all the deals', () => {
    fc.assert(
      fc.property(
        dealsArb.chain((deals) => fc.tuple(fc.constant(deals), fc.nat({ max: deals.length }))),
        ([deals, split]) => {
          const whole = aggregate(options, deals);
          const merged = mergePipelines(
            aggregate(options, deals.slice(0, split)),
            aggregate(options, deals.slice(split)),
          );
          expect(merged.deals).toBe(deals.length);
          expect(build(merged)).toEqual(build(whole));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the generated deals', () => {
  it('reach what the property is about: open deals with and without ages, closed deals in every snapshot', () => {
    const samples = fc.sample(dealsArb, { numRuns: 200, seed: 7 });
    const reached = { openUndated: false, closedSince: false, backtestWins: false, lostWithStage: false };
    for (const deals of samples) {
      const p = buildPipeline(aggregate(OPTIONS[0] as PipelineOptions, deals), { probabilityScale: 'percent' });
      if (p.history.unforecastable.deals > 0 && deals.some((d) => d.status === 'open' && d.createdDate === null))
        reached.openUndated = true;
      if (p.closedSince.won.deals + p.closedSince.lost.deals > 0) reached.closedSince = true;
      if (p.backtest?.periods.some((r) => r.forecast !== null && (r.wonFromPipeline ?? 0) > 0))
        reached.backtestWins = true;
      if ((p.funnel?.stages[1]?.lost ?? 0) > 0) reached.lostWithStage = true;
    }
    expect(reached).toEqual({ openUndated: true, closedSince: true, backtestWins: true, lostWithStage: true });
  });
});
