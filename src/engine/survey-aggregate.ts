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
import type { SurveyResponse } from './survey.js';

/** The survey responses of one period in one group. */
export interface SurveyCell {
  csat: number;
  /** CSAT scores of 4 or 5. */
  satisfied: number;
  /** Sum of the CSAT scores. */
  csatSum: number;
  nps: number;
  /** NPS scores of 9 or 10. */
  promoters: number;
  /** NPS scores of 0 to 6. */
  detractors: number;
}

export const SURVEY_CELL: CellKind<SurveyCell> = {
  create: () => ({ csat: 0, satisfied: 0, csatSum: 0, nps: 0, promoters: 0, detractors: 0 }),
  merge(into, from) {
    into.csat += from.csat;
    into.satisfied += from.satisfied;
    into.csatSum += from.csatSum;
    into.nps += from.nps;
    into.promoters += from.promoters;
    into.detractors += from.detractors;
  },
};

/** The grouping columns a response carries; one that leaves a column empty is in the group `''`. */
export const SURVEY_DIMS: readonly Dimension[] = ['owner', 'team'];

export type SurveyAggregate = InputAggregate<SurveyCell>;

export function createSurveyAggregate(options: AggregateOptions): SurveyAggregate {
  return createInputAggregate(options, SURVEY_DIMS);
}

function addToCell(c: SurveyCell, r: SurveyResponse): void {
  if (r.type === 'csat') {
    c.csat++;
    c.csatSum += r.score;
    if (r.score >= 4) c.satisfied++;
  } else {
    c.nps++;
    if (r.score >= 9) c.promoters++;
    else if (r.score <= 6) c.detractors++;
  }
}

export function addSurveyResponse(agg: SurveyAggregate, r: SurveyResponse): void {
  const key = periodKeyFor(agg, r.day);
  if (key === null) return;
  addToCell(cellAt(agg.all, key, SURVEY_CELL), r);
  for (const dim of agg.dims)
    addToCell(cellAt(groupCells(agg, dim, dim === 'owner' ? r.owner : r.team), key, SURVEY_CELL), r);
}

export function mergeSurveyAggregates(a: SurveyAggregate, b: SurveyAggregate): SurveyAggregate {
  return mergeInputAggregates(a, b, SURVEY_CELL);
}
