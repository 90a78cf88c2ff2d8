import { moneyToNumber } from '../money.js';
import type { InputMetricDefinition } from './input-facts.js';

/**
 * `acquisition_cost`: sales and marketing costs dated in P. In a team or
 * channel group, the costs that name that team or channel; costs without
 * one count in the totals only.
 */
export const acquisitionCost: InputMetricDefinition = {
  id: 'acquisition_cost',
  label: 'Acq. cost',
  kind: 'money',
  additive: true,
  better: 'lower',
  input: 'costs',
  compute: (f) => (f.costs === null ? null : moneyToNumber(f.costs.acquisition)),
};
