import * as z from 'zod';
import { ACTIVITY_TYPES, SALES_CHANNELS } from '../engine/activity.js';
import { COST_CATEGORIES } from '../engine/cost.js';
import { SURVEY_TYPES } from '../engine/survey.js';
import { ACTIVITY_FIELDS } from '../ingest/activities.js';
import { DEAL_FIELDS, PRESET_NAMES } from '../ingest/columns.js';
import { COST_FIELDS } from '../ingest/costs.js';
import { SURVEY_FIELDS } from '../ingest/surveys.js';

const ENCODINGS = [
  'auto',
  'utf8',
  'utf-8',
  'utf16',
  'utf-16',
  'utf16le',
  'utf16be',
  'cp932',
  'shift_jis',
  'windows-31j',
] as const;

/** How a deals export is written: the `deals:` section of a config or target file. */
export const dealsInputSchema = z
  .strictObject({
    preset: z.enum(PRESET_NAMES).optional().describe('The CRM export this file comes from; detected when not given.'),
    columns: z
      .partialRecord(z.enum(DEAL_FIELDS), z.string())
      .optional()
      .describe("Field → the export's header, e.g. deal_id: Opportunity ID."),
    stages: z
      .strictObject({
        won: z.array(z.string()).optional().describe('Stage (or status) names that mean won, e.g. [Closed Won, 受注].'),
        lost: z
          .array(z.string())
          .optional()
          .describe('Stage (or status) names that mean lost, e.g. [Closed Lost, 失注].'),
      })
      .optional(),
    date_format: z
      .string()
      .optional()
      .describe(
        'Format of dates that are not YYYY-MM-DD, YYYY/M/D or YYYY年M月D日: tokens YYYY MM DD M D, e.g. MM/DD/YYYY.',
      ),
    decimal_comma: z.boolean().optional().describe('Amounts are written 1.234,56.'),
    encoding: z.enum(ENCODINGS).optional().describe('The file encoding; auto detects UTF-8, UTF-16 (BOM) and CP932.'),
  })
  .describe('How the deals export is written.');

export type DealsInputConfig = z.output<typeof dealsInputSchema>;

/** One stage of the sales pipeline: its name as exported, its default probability and its place. */
export const stageSchema = z
  .strictObject({
    name: z.string().min(1).describe('The stage as the export writes it, e.g. Proposal/Price Quote.'),
    probability: z
      .number()
      .min(0)
      .max(1)
      .refine((p) => Math.abs(p * 1e6 - Math.round(p * 1e6)) < 1e-6, {
        message: 'expected at most 6 decimal places',
      })
      .optional()
      .describe('Chance that a deal at this stage is won, 0..1; a probability column wins over it.'),
    order: z.number().int().optional().describe('Place in the pipeline, smaller first; defaults to the list order.'),
  })
  .describe('A pipeline stage.');

export type StageConfig = z.output<typeof stageSchema>;

const dateFormat = z
  .string()
  .optional()
  .describe(
    'Format of dates that are not YYYY-MM-DD, YYYY/M/D or YYYY年M月D日: tokens YYYY MM DD M D, e.g. MM/DD/YYYY.',
  );
const encoding = z
  .enum(ENCODINGS)
  .optional()
  .describe('The file encoding; auto detects UTF-8, UTF-16 (BOM) and CP932.');

/** Word → value maps: the export's words for a column's values. */
function words<const T extends readonly string[]>(values: T, example: string) {
  return z
    .record(z.string(), z.enum(values))
    .optional()
    .describe(`The export's words for ${values.join(', ')}, e.g. ${example}.`);
}

/** How an activities export is written: the `activities:` section of the config file. */
export const activitiesInputSchema = z
  .strictObject({
    columns: z
      .partialRecord(z.enum(ACTIVITY_FIELDS), z.string())
      .optional()
      .describe("Field → the export's header, e.g. type: 活動種別."),
    types: words(ACTIVITY_TYPES, '{ テレアポ: call, 往訪: visit }'),
    outcomes: words(['appointment_set', 'other'] as const, '{ アポ獲得: appointment_set }'),
    channels: words(SALES_CHANNELS, '{ IS: inside, FS: outside }'),
    date_format: dateFormat,
    encoding,
  })
  .describe('How the activities export is written.');

export type ActivitiesInputConfig = z.output<typeof activitiesInputSchema>;

/** How a costs file is written: the `costs:` section of the config file. */
export const costsInputSchema = z
  .strictObject({
    columns: z
      .partialRecord(z.enum(COST_FIELDS), z.string())
      .optional()
      .describe("Field → the file's header, e.g. amount: 金額."),
    categories: words(COST_CATEGORIES, '{ 人件費: sales, 展示会: marketing }'),
    date_format: dateFormat,
    decimal_comma: z.boolean().optional().describe('Amounts are written 1.234,56.'),
    encoding,
  })
  .describe('How the costs file is written.');

export type CostsInputConfig = z.output<typeof costsInputSchema>;

/** How a survey file is written: the `surveys:` section of the config file. */
export const surveysInputSchema = z
  .strictObject({
    columns: z
      .partialRecord(z.enum(SURVEY_FIELDS), z.string())
      .optional()
      .describe("Field → the file's header, e.g. score: 回答."),
    types: words(SURVEY_TYPES, '{ 満足度調査: csat }'),
    date_format: dateFormat,
    encoding,
  })
  .describe('How the survey file is written.');

export type SurveysInputConfig = z.output<typeof surveysInputSchema>;

/** `salesmetrics.config.yaml`, version 1. */
export const configFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    version: z.literal(1).describe('The version of this file format.'),
    deals: dealsInputSchema.optional(),
    stages: z
      .array(stageSchema)
      .optional()
      .describe('The open stages of the pipeline, first to last, with their default probabilities.'),
    activities: activitiesInputSchema.optional(),
    costs: costsInputSchema.optional(),
    surveys: surveysInputSchema.optional(),
  })
  .describe('salesmetrics configuration: how your CRM exports are written.');

export type ConfigFile = z.output<typeof configFileSchema>;

/** The JSON Schema of the config file, generated from the zod schema. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configFileSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'salesmetrics configuration',
  };
}
