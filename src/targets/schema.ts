import * as z from 'zod';
import { DIMENSIONS } from '../engine/deal.js';
import { ALL_METRICS } from '../engine/metrics/index.js';
import { GRANULARITIES } from '../engine/periods.js';
import { dealsInputSchema } from '../config/schema.js';

const METRIC_IDS = ALL_METRICS.map((m) => m.id) as [string, ...string[]];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date YYYY-MM-DD' })
  .describe('A calendar date, YYYY-MM-DD.');

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'expected an id of letters, digits, -, _ or .' })
  .describe('A unique id: letters, digits, -, _ or .');

const metric = z
  .enum(METRIC_IDS)
  .describe(
    'A metric id, as in docs/metrics.md; the metrics of activities, costs, surveys and handoffs need those inputs.',
  );

const bounds = {
  min: z.number().optional().describe('Fails below this value (inclusive bound: equal passes).'),
  max: z.number().optional().describe('Fails above this value (inclusive bound: equal passes).'),
};

/** A key goal indicator: a metric to reach by a deadline. */
export const kgiSchema = z
  .strictObject({
    id,
    name: z.string().optional().describe('What the goal is, for people.'),
    metric,
    target: z.number().describe('The value to reach: currency units for money, 0..1 for rates.'),
    deadline: isoDate.describe('The last day of the goal, inclusive.'),
    start: isoDate.optional().describe('The first day counted; defaults to window.from.'),
    behind: z
      .enum(['warn', 'fail'])
      .default('warn')
      .describe('How being behind pace before the deadline counts: a warning (default) or a failure.'),
  })
  .describe('A KGI: specific, measurable, time-bound.');

/** A critical success factor: what must go right for a KGI. */
export const csfSchema = z.strictObject({
  id,
  name: z.string().describe('The factor, for people.'),
  kgi: id.optional().describe('The KGI it serves.'),
});

/** A key performance indicator: a metric with bounds. */
export const kpiSchema = z.strictObject({
  id,
  name: z.string().optional().describe('What the KPI is, for people.'),
  metric,
  ...bounds,
  warn: z.strictObject(bounds).optional().describe('Warns outside these bounds when not failing.'),
  csf: id.optional().describe('The CSF this KPI tracks.'),
  by: z.enum(DIMENSIONS).optional().describe('Every group of this column must meet the KPI.'),
  each_period: z.boolean().default(false).describe('Every period must meet it, not only the whole window.'),
  when_missing: z.enum(['fail', 'warn', 'pass']).default('fail').describe('How a cell without a value (null) counts.'),
});

/** The target file, version 1. */
export const targetFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    version: z.literal(1).describe('The version of this file format.'),
    window: z
      .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
      .optional()
      .describe('The window KPIs are checked over; --from/--to override.'),
    fiscal_year_start: z.number().int().min(1).max(12).optional().describe('First month of the fiscal year, 1..12.'),
    period: z.enum(GRANULARITIES).optional().describe('The period of each_period checks and report rows.'),
    kgis: z.array(kgiSchema).default([]),
    csfs: z.array(csfSchema).default([]),
    kpis: z.array(kpiSchema).default([]),
    deals: dealsInputSchema.optional().describe('How the deals export is written, as in salesmetrics.config.yaml.'),
  })
  .describe('salesmetrics targets: KGIs, the CSFs behind them and the KPIs that track them.');

export type TargetFile = z.output<typeof targetFileSchema>;
export type Kgi = z.output<typeof kgiSchema>;
export type Kpi = z.output<typeof kpiSchema>;
export type Csf = z.output<typeof csfSchema>;

/** The JSON Schema of the target file, generated from the zod schema. */
export function targetsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(targetFileSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'salesmetrics targets',
  };
}
