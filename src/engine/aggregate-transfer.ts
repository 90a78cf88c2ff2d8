import type { DealAggregate, GroupState, PeriodCell } from './aggregate.js';
import { DayLedger } from './day-ledger.js';
import type { HandoffAggregate, HandoffCell } from './handoff-aggregate.js';
import type { Cells } from './input-cells.js';
import { DaySet } from './day-set.js';
import { Histogram } from './histogram.js';
import { MoneySum } from './money.js';

/*
 * An aggregate crosses to another thread by structured clone, which keeps
 * every field (maps, typed arrays, bigints) but not the classes: these put
 * the prototypes back, walking the same shape `createAggregate` builds.
 */

function as<T extends object>(value: unknown, proto: T): T {
  Object.setPrototypeOf(value, proto);
  return value as T;
}

function reviveLedger(value: unknown): DayLedger {
  const ledger = as(value, DayLedger.prototype);
  // The ledger's own sums; reached through its fields, which are private to the class.
  const sums = (ledger as unknown as { sums: (MoneySum | undefined)[] }).sums;
  for (let i = 0; i < sums.length; i++) if (sums[i] != null) as(sums[i], MoneySum.prototype);
  return ledger;
}

function reviveGroup(g: GroupState): GroupState {
  for (const cell of g.cells.values()) reviveCell(cell);
  as(g.openBefore.amount, MoneySum.prototype);
  reviveLedger(g.openDeltas);
  for (let i = 0; i < g.wonDays.length; i++) if (g.wonDays[i] != null) as(g.wonDays[i], DaySet.prototype);
  return g;
}

function reviveCell(cell: PeriodCell): void {
  as(cell.revenue, MoneySum.prototype);
  as(cell.cycle, Histogram.prototype);
}

/**
 * An aggregate again after a structured clone (`postMessage`, `structuredClone`).
 * Revives in place and returns its argument.
 */
export function reviveAggregate(value: unknown): DealAggregate {
  const agg = value as DealAggregate;
  reviveGroup(agg.all);
  for (const groups of agg.groups.values()) for (const g of groups.values()) reviveGroup(g);
  if (agg.currency.split !== null) for (const g of agg.currency.split.values()) reviveGroup(g);
  return agg;
}

function reviveHandoffCells(cells: Cells<HandoffCell> | Map<string, HandoffCell>): void {
  for (const cell of cells.values()) as(cell.revenue, MoneySum.prototype);
}

/** A funnel aggregate again after a structured clone; revives in place. */
export function reviveHandoffAggregate(value: unknown): HandoffAggregate {
  const agg = value as HandoffAggregate;
  reviveHandoffCells(agg.all);
  for (const groups of agg.groups.values()) for (const cells of groups.values()) reviveHandoffCells(cells);
  if (agg.pairs !== null) for (const closers of agg.pairs.values()) reviveHandoffCells(closers);
  return agg;
}
