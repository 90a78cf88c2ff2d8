import type { Day } from './calendar.js';
import type { Dimension } from './deal.js';
import type { AggregateOptions } from './aggregate.js';
import { type Calendar, type DayRange, periodKeyOfDay } from './periods.js';

/** How the figures of one period are made, added to and merged. */
export interface CellKind<C> {
  create(): C;
  /** Adds everything of `from` into `into`. */
  merge(into: C, from: C): void;
}

/** Figures by (unclipped) period key. */
export type Cells<C> = Map<number, C>;

/**
 * The figures of an input other than deals (activities, costs, surveys,
 * handed-over deals), for all rows and per group of the grouping columns the
 * input can be attributed to. Memory grows with periods and groups, never
 * with rows; two aggregates of the same options merge.
 */
export interface InputAggregate<C> {
  readonly options: AggregateOptions;
  /** The grouping columns of `options.by` this input carries a value for. */
  readonly dims: readonly Dimension[];
  /** Rows added. */
  rows: number;
  /** Earliest and latest date seen; `null` before any. */
  firstDay: Day | null;
  lastDay: Day | null;
  all: Cells<C>;
  /** Per grouping column of `dims`, per value. */
  groups: Map<Dimension, Map<string, Cells<C>>>;
}

export function createInputAggregate<C>(
  options: AggregateOptions,
  attributable: readonly Dimension[],
): InputAggregate<C> {
  const dims = options.by.filter((d) => attributable.includes(d));
  return {
    options,
    dims,
    rows: 0,
    firstDay: null,
    lastDay: null,
    all: new Map(),
    groups: new Map(dims.map((d) => [d, new Map()])),
  };
}

/**
 * Notes a row's date and returns the period key its figures go to, or `null`
 * when the aggregate's window leaves the date out.
 */
export function periodKeyFor<C>(agg: InputAggregate<C>, day: Day): number | null {
  agg.rows++;
  if (agg.firstDay === null || day < agg.firstDay) agg.firstDay = day;
  if (agg.lastDay === null || day > agg.lastDay) agg.lastDay = day;
  const w = agg.options.window;
  if (w !== null && (day < w.from || day > w.to)) return null;
  return periodKeyOfDay(agg.options.calendar, day);
}

/** The cell of a period key, made on first use. */
export function cellAt<C>(cells: Cells<C>, key: number, kind: CellKind<C>): C {
  let c = cells.get(key);
  if (c === undefined) {
    c = kind.create();
    cells.set(key, c);
  }
  return c;
}

/** The cells of a group, made on first use. */
export function groupCells<C>(agg: InputAggregate<C>, dim: Dimension, key: string): Cells<C> {
  const groups = agg.groups.get(dim);
  if (groups === undefined) throw new Error(`input aggregate: not grouped by ${dim}`);
  let cells = groups.get(key);
  if (cells === undefined) {
    cells = new Map();
    groups.set(key, cells);
  }
  return cells;
}

function mergeCells<C>(into: Cells<C>, from: Cells<C>, kind: CellKind<C>): void {
  for (const [key, cell] of from) kind.merge(cellAt(into, key, kind), cell);
}

/** Merges two aggregates made with the same options: the result holds the rows of both. */
export function mergeInputAggregates<C>(
  a: InputAggregate<C>,
  b: InputAggregate<C>,
  kind: CellKind<C>,
): InputAggregate<C> {
  const out = createInputAggregate<C>(a.options, a.dims);
  for (const src of [a, b]) {
    out.rows += src.rows;
    for (const d of [src.firstDay, src.lastDay]) {
      if (d === null) continue;
      if (out.firstDay === null || d < out.firstDay) out.firstDay = d;
      if (out.lastDay === null || d > out.lastDay) out.lastDay = d;
    }
    mergeCells(out.all, src.all, kind);
    for (const [dim, groups] of src.groups)
      for (const [key, cells] of groups) mergeCells(groupCells(out, dim, key), cells, kind);
  }
  return out;
}

/** The figures of a range: every cell whose period falls in it, added up. */
export function cellsOver<C>(cells: Cells<C>, kind: CellKind<C>, cal: Calendar, r: DayRange): C {
  const first = periodKeyOfDay(cal, r.from);
  const last = periodKeyOfDay(cal, r.to);
  const out = kind.create();
  for (const [key, cell] of cells) if (key >= first && key <= last) kind.merge(out, cell);
  return out;
}
