import * as z from 'zod';
import { DEAL_FIELDS, PRESET_NAMES } from '../ingest/columns.js';

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
