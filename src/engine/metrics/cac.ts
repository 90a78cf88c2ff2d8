import { moneyToNumber } from '../money.js';
import type { InputMetricDefinition } from './input-facts.js';

/** `cac` = acquisition_cost / new_customers in P; `null` when there is no new customer. */
export const cac: InputMetricDefinition = {
  id: 'cac',
  label: 'CAC',
  kind: 'money',
  additive: false,
  better: 'lower',
  input: 'costs',
  compute: (f) =>
    f.costs === null || f.newCustomers === null || f.newCustomers === 0
      ? null
      : moneyToNumber(f.costs.acquisition, f.newCustomers),
};
