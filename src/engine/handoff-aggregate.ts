import type { AggregateOptions } from './aggregate.js';
import { DIMENSIONS, type Deal, type Dimension } from './deal.js';
import {
  type CellKind,
  cellAt,
  createInputAggregate,
  groupCells,
  type InputAggregate,
  mergeInputAggregates,
  periodKeyFor,
} from './input-cells.js';
import { MoneySum } from './money.js';

/**
 * The deals handed over in one period (created then, with an appointer) and
 * where they stand at the end of the window: won, lost, or still open.
 */
export interface HandoffCell {
  handoffs: number;
  won: number;
  lost: number;
  /** Amount of the won ones, minor units. */
  revenue: MoneySum;
}

export const HANDOFF_CELL: CellKind<HandoffCell> = {
  create: () => ({ handoffs: 0, won: 0, lost: 0, revenue: new MoneySum() }),
  merge(into, from) {
    into.handoffs += from.handoffs;
    into.won += from.won;
    into.lost += from.lost;
    into.revenue.addSum(from.revenue);
  },
};

/**
 * The appointer → closer funnel: deals with an appointer, by the period they
 * were created in, for all deals and per group of every grouping column (and
 * per currency, where mixed currencies put money). With `--by appointer`,
 * also each appointer × owner pair over the window.
 */
export interface HandoffAggregate extends InputAggregate<HandoffCell> {
  /** Appointer → owner → the pair's handoffs over the window; `null` unless grouped by appointer. */
  pairs: Map<string, Map<string, HandoffCell>> | null;
}

export function createHandoffAggregate(options: AggregateOptions): HandoffAggregate {
  const by = options.by.includes('currency') ? options.by : [...options.by, 'currency' as const];
  return {
    ...createInputAggregate<HandoffCell>({ ...options, by }, DIMENSIONS),
    pairs: options.by.includes('appointer') ? new Map() : null,
  };
}

function addToCell(c: HandoffCell, outcome: 'won' | 'lost' | 'open', amount: number): void {
  c.handoffs++;
  if (outcome === 'won') {
    c.won++;
    c.revenue.add(amount);
  } else if (outcome === 'lost') c.lost++;
}

/**
 * Adds a deal when it is a handoff: it names an appointer and has a created
 * date. Its outcome is as of the end of the aggregate's window: a deal
 * closed after it is still open there.
 */
export function addHandoff(agg: HandoffAggregate, deal: Deal): void {
  const appointer = deal.dims.appointer;
  if (appointer === '' || deal.createdDate === null) return;
  const key = periodKeyFor(agg, deal.createdDate);
  if (key === null) return;
  const end = agg.options.window?.to ?? Infinity;
  const closed = deal.status !== 'open' && deal.closeDate !== null && deal.closeDate <= end;
  const outcome = closed ? deal.status : 'open';
  addToCell(cellAt(agg.all, key, HANDOFF_CELL), outcome, deal.amount);
  const dims = agg.dims;
  for (let i = 0; i < dims.length; i++) {
    const dim = dims[i] as Dimension;
    addToCell(cellAt(groupCells(agg, dim, deal.dims[dim]), key, HANDOFF_CELL), outcome, deal.amount);
  }
  if (agg.pairs !== null) {
    let closers = agg.pairs.get(appointer);
    if (closers === undefined) agg.pairs.set(appointer, (closers = new Map()));
    let pair = closers.get(deal.dims.owner);
    if (pair === undefined) closers.set(deal.dims.owner, (pair = HANDOFF_CELL.create()));
    addToCell(pair, outcome, deal.amount);
  }
}

export function mergeHandoffAggregates(a: HandoffAggregate, b: HandoffAggregate): HandoffAggregate {
  const out: HandoffAggregate = { ...mergeInputAggregates(a, b, HANDOFF_CELL), pairs: null };
  if (a.pairs !== null || b.pairs !== null) {
    const pairs = new Map<string, Map<string, HandoffCell>>();
    for (const src of [a.pairs, b.pairs]) {
      for (const [appointer, closers] of src ?? []) {
        let into = pairs.get(appointer);
        if (into === undefined) pairs.set(appointer, (into = new Map()));
        for (const [owner, cell] of closers) {
          let target = into.get(owner);
          if (target === undefined) into.set(owner, (target = HANDOFF_CELL.create()));
          HANDOFF_CELL.merge(target, cell);
        }
      }
    }
    out.pairs = pairs;
  }
  return out;
}
