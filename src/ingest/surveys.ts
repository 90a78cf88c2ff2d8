import type { Readable } from 'node:stream';
import { SCORE_RANGE, type SurveyResponse, type SurveyType, SURVEY_TYPES } from '../engine/survey.js';
import {
  type InputProfile,
  type InputRow,
  type InputSpec,
  readInputTable,
  type ReadInputResult,
  wordClassifier,
} from './input-table.js';
import type { RowProblem } from './row-problem.js';

/** The columns of a survey file. */
export const SURVEY_FIELDS = ['date', 'score', 'type', 'account_id', 'owner', 'team'] as const;

export type SurveyField = (typeof SURVEY_FIELDS)[number];

export const SURVEY_SPEC: InputSpec<SurveyField> = {
  input: 'surveys',
  fields: SURVEY_FIELDS,
  required: ['date', 'score', 'type'],
  synonyms: {
    date: ['response date', 'submitted', 'submitted at', '回答日', '日付', '回答日時'],
    score: ['rating', 'スコア', '点数', '評価'],
    type: ['survey', 'survey type', '種別', '調査種別', 'アンケート種別'],
    account_id: ['account id', '取引先 id', '取引先id', '顧客id'],
    owner: ['担当者'],
    team: ['チーム'],
  },
};

const TYPE_WORDS: Readonly<Record<SurveyType, readonly string[]>> = {
  csat: ['customer satisfaction', 'satisfaction', '顧客満足度', '満足度'],
  nps: ['net promoter score', 'ネットプロモータースコア', '推奨度'],
};

/** How a survey file is written: its config file section and the flags. */
export interface SurveysProfile extends InputProfile {
  /** Word → survey type, e.g. `{ 満足度調査: csat }`. */
  types?: Readonly<Record<string, SurveyType>>;
}

export interface ReadSurveysOptions {
  file: string;
  profile?: SurveysProfile;
  onResponse(response: SurveyResponse): void;
  onReject(problems: RowProblem[], fields: readonly string[], header: readonly string[]): void;
}

const WHOLE = /^\d{1,2}$/;

/**
 * Streams a survey CSV: `date`, `score` and `type` (`csat` scored 1–5,
 * `nps` scored 0–10) required; `account_id`, `owner` and `team` optional.
 * A score that is not a whole number on its type's scale is rejected.
 */
export async function readSurveys(input: Readable, options: ReadSurveysOptions): Promise<ReadInputResult<SurveyField>> {
  const profile = options.profile ?? {};
  const typeOf = wordClassifier(TYPE_WORDS, profile.types);
  const parse = (row: InputRow<SurveyField>): SurveyResponse => {
    const day = row.date('date');
    const type = row.choice('type', row.required('type'), typeOf, { allowed: SURVEY_TYPES, config: 'surveys.types' });
    const rawScore = row.required('score');
    const digits = rawScore.normalize('NFKC');
    const score = WHOLE.test(digits) ? Number(digits) : NaN;
    if (rawScore !== '' && type !== undefined) {
      const { min, max } = SCORE_RANGE[type];
      if (!(score >= min && score <= max))
        row.problem({ code: 'bad_score', column: 'score', value: rawScore, score: { type, min, max } });
    }
    return { day: day ?? 0, type: type ?? 'csat', score, owner: row.get('owner'), team: row.get('team') };
  };
  return readInputTable(input, {
    file: options.file,
    spec: SURVEY_SPEC,
    profile,
    parse,
    onRecord: options.onResponse,
    onReject: options.onReject,
  });
}
