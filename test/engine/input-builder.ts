/**
 * Builds activities, costs and survey responses for the hand-computed engine
 * tests, and runs the engine over them with deals. Not a test file itself.
 */
import {
  type Activity,
  type ActivityType,
  addActivity,
  addCost,
  addDealToInputs,
  addSurveyResponse,
  buildInputReport,
  type Calendar,
  channelOfType,
  type Cost,
  type CostCategory,
  createInputAggregates,
  type Deal,
  type DayRange,
  type Dimension,
  type Granularity,
  type InputAggregates,
  type InputReport,
  MINUTE_UNITS,
  type SalesChannel,
  type SurveyResponse,
  type SurveyType,
} from '../../src/engine/index.js';
import { day, money } from './deal-builder.js';

export interface ActivitySpec {
  date: string;
  type: ActivityType;
  owner: string;
  /** Minutes as a decimal string, e.g. `'12.5'`; none counts 0. */
  minutes?: string;
  appointment?: boolean;
  channel?: SalesChannel;
  team?: string;
}

export function activity(s: ActivitySpec): Activity {
  const minutes = s.minutes === undefined ? 0 : Math.round(Number(s.minutes) * MINUTE_UNITS);
  return {
    day: day(s.date),
    type: s.type,
    minutes,
    appointmentSet: s.appointment ?? false,
    channel: s.channel ?? channelOfType(s.type),
    owner: s.owner,
    team: s.team ?? '',
  };
}

export interface CostSpec {
  date: string;
  amount: string;
  category: CostCategory;
  team?: string;
  channel?: string;
}

export function cost(s: CostSpec): Cost {
  return {
    day: day(s.date),
    amount: money(s.amount),
    category: s.category,
    team: s.team ?? '',
    channel: s.channel ?? '',
  };
}

export interface SurveySpec {
  date: string;
  type: SurveyType;
  score: number;
  owner?: string;
  team?: string;
}

export function survey(s: SurveySpec): SurveyResponse {
  return { day: day(s.date), type: s.type, score: s.score, owner: s.owner ?? '', team: s.team ?? '' };
}

export interface InputRunOptions {
  granularity?: Granularity;
  fiscalYearStart?: number;
  by?: Dimension | null;
  /** The report window; also the aggregation window unless `aggregateWindow` says otherwise. */
  window: DayRange;
  /** The aggregation window: `null` follows the data. @default the report window */
  aggregateWindow?: DayRange | null;
  deals?: readonly Deal[];
  activities?: readonly Activity[] | null;
  costs?: readonly Cost[] | null;
  surveys?: readonly SurveyResponse[] | null;
  appointers?: boolean;
  durations?: boolean;
  /** Whether the deals carry amounts. @default true */
  amounts?: boolean;
}

export function aggregateInputs(o: InputRunOptions): InputAggregates {
  const calendar: Calendar = { granularity: o.granularity ?? 'month', fiscalYearStart: o.fiscalYearStart ?? 1 };
  const agg = createInputAggregates(
    {
      calendar,
      by: o.by == null ? [] : [o.by],
      window: o.aggregateWindow === undefined ? o.window : o.aggregateWindow,
    },
    { activities: o.activities != null, costs: o.costs != null, surveys: o.surveys != null },
  );
  for (const a of o.activities ?? []) if (agg.activities) addActivity(agg.activities, a);
  for (const d of o.deals ?? []) addDealToInputs(agg, d);
  for (const c of o.costs ?? []) if (agg.costs) addCost(agg.costs, c);
  for (const s of o.surveys ?? []) if (agg.surveys) addSurveyResponse(agg.surveys, s);
  return agg;
}

export function runInputs(o: InputRunOptions): InputReport {
  return buildInputReport(aggregateInputs(o), {
    window: o.window,
    appointers: o.appointers ?? false,
    durations: o.durations ?? true,
    amounts: o.amounts ?? true,
  });
}
