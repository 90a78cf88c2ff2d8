import type { AggregateOptions } from './aggregate.js';
import type { Cost } from './cost.js';
import type { Dimension } from './deal.js';
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

/** The costs of one period in one group. */
export interface CostCell {
  /** Sales and marketing costs, minor units. */
  acquisition: MoneySum;
}

export const COST_CELL: CellKind<CostCell> = {
  create: () => ({ acquisition: new MoneySum() }),
  merge(into, from) {
    into.acquisition.addSum(from.acquisition);
  },
};

/** The grouping columns a cost carries. A cost without a value for one counts in the totals only. */
export const COST_DIMS: readonly Dimension[] = ['team', 'channel'];

export type CostAggregate = InputAggregate<CostCell>;

export function createCostAggregate(options: AggregateOptions): CostAggregate {
  return createInputAggregate(options, COST_DIMS);
}

/** Adds one cost line: sales and marketing costs to acquisition cost, `other` costs to nothing. */
export function addCost(agg: CostAggregate, c: Cost): void {
  const key = periodKeyFor(agg, c.day);
  if (key === null || c.category === 'other') return;
  cellAt(agg.all, key, COST_CELL).acquisition.add(c.amount);
  for (const dim of agg.dims) {
    const value = dim === 'team' ? c.team : c.channel;
    // Not the group '': a cost without a team is the whole organisation's, not the team-less deals'.
    if (value !== '') cellAt(groupCells(agg, dim, value), key, COST_CELL).acquisition.add(c.amount);
  }
}

export function mergeCostAggregates(a: CostAggregate, b: CostAggregate): CostAggregate {
  return mergeInputAggregates(a, b, COST_CELL);
}
