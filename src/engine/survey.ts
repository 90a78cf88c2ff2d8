import type { Day } from './calendar.js';

/** `csat`: satisfaction on 1–5; `nps`: likelihood to recommend on 0–10. */
export type SurveyType = 'csat' | 'nps';

export const SURVEY_TYPES: readonly SurveyType[] = ['csat', 'nps'];

/** The lowest and highest score of each survey type, inclusive. */
export const SCORE_RANGE: Readonly<Record<SurveyType, { min: number; max: number }>> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
};

/** One survey response as the engine sees it. */
export interface SurveyResponse {
  day: Day;
  type: SurveyType;
  /** A whole number within {@link SCORE_RANGE} of its type. */
  score: number;
  /** The sales person the response is about; `''` when none. */
  owner: string;
  team: string;
}
