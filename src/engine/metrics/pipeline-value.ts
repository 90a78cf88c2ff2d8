import { moneyToNumber } from '../money.js';
import type { MetricDefinition } from './facts.js';

/** `pipeline_value`: the amount of the deals open at the end of P. */
export const pipelineValue: MetricDefinition = {
  id: 'pipeline_value',
  label: 'Pipeline',
  kind: 'money',
  additive: false,
  better: 'higher',
  compute: (f) => moneyToNumber(f.openAmount),
};
