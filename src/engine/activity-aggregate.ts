import { ACTIVITY_TYPES, type Activity, type ActivityType } from './activity.js';
import type { AggregateOptions } from './aggregate.js';
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

/** The activities of one period in one group. */
export interface ActivityCell {
  /** Count per type, in the order of {@link ACTIVITY_TYPES}. */
  byType: number[];
  /** Activities with outcome `appointment_set`. */
  appointments: number;
  /** Sum of durations, 1/10,000 of a minute. */
  minutes: MoneySum;
}

export const ACTIVITY_CELL: CellKind<ActivityCell> = {
  create: () => ({ byType: [0, 0, 0, 0, 0, 0], appointments: 0, minutes: new MoneySum() }),
  merge(into, from) {
    for (let i = 0; i < ACTIVITY_TYPES.length; i++)
      into.byType[i] = (into.byType[i] as number) + (from.byType[i] as number);
    into.appointments += from.appointments;
    into.minutes.addSum(from.minutes);
  },
};

/**
 * The grouping columns an activity carries: its `owner` (for `--by owner`,
 * and for `--by appointer`, where an appointer's own activities sit next to
 * the meetings they handed over), its `team` and its `channel`.
 */
export const ACTIVITY_DIMS: readonly Dimension[] = ['owner', 'team', 'channel', 'appointer'];

export type ActivityAggregate = InputAggregate<ActivityCell>;

export function createActivityAggregate(options: AggregateOptions): ActivityAggregate {
  return createInputAggregate(options, ACTIVITY_DIMS);
}

const TYPE_INDEX = new Map<ActivityType, number>(ACTIVITY_TYPES.map((t, i) => [t, i]));

function addToCell(c: ActivityCell, a: Activity, typeIndex: number): void {
  c.byType[typeIndex] = (c.byType[typeIndex] as number) + 1;
  if (a.appointmentSet) c.appointments++;
  if (a.minutes !== 0) c.minutes.add(a.minutes);
}

function groupValue(a: Activity, dim: Dimension): string {
  switch (dim) {
    case 'team':
      return a.team;
    case 'channel':
      return a.channel;
    default:
      return a.owner; // owner, appointer
  }
}

/** Adds one activity: to all activities and to its group of each grouping column it carries. */
export function addActivity(agg: ActivityAggregate, a: Activity): void {
  const key = periodKeyFor(agg, a.day);
  if (key === null) return;
  const i = TYPE_INDEX.get(a.type) ?? ACTIVITY_TYPES.length - 1;
  addToCell(cellAt(agg.all, key, ACTIVITY_CELL), a, i);
  const dims = agg.dims;
  for (let d = 0; d < dims.length; d++) {
    const dim = dims[d] as Dimension;
    addToCell(cellAt(groupCells(agg, dim, groupValue(a, dim)), key, ACTIVITY_CELL), a, i);
  }
}

export function mergeActivityAggregates(a: ActivityAggregate, b: ActivityAggregate): ActivityAggregate {
  return mergeInputAggregates(a, b, ACTIVITY_CELL);
}
