import { moneyToNumber } from '../money.js';
import type { InputMetricDefinition } from './input-facts.js';

/**
 * `handoffs`: deals created in P that name an appointer (who set the first
 * meeting): the meetings inside sales handed over to the closers.
 */
export const handoffs: InputMetricDefinition = {
  id: 'handoffs',
  label: 'Handoffs',
  kind: 'count',
  additive: true,
  better: 'higher',
  input: 'handoffs',
  compute: (f) => f.handoffs?.handoffs ?? null,
};

/** `handoffs_won`: of the handoffs of P, those won by the end of the window. */
export const handoffsWon: InputMetricDefinition = {
  id: 'handoffs_won',
  label: 'HO won',
  kind: 'count',
  additive: true,
  better: 'higher',
  input: 'handoffs',
  compute: (f) => f.handoffs?.won ?? null,
};

/** `handoffs_lost`: of the handoffs of P, those lost by the end of the window. */
export const handoffsLost: InputMetricDefinition = {
  id: 'handoffs_lost',
  label: 'HO lost',
  kind: 'count',
  additive: true,
  better: 'lower',
  input: 'handoffs',
  compute: (f) => f.handoffs?.lost ?? null,
};

/** `handoffs_open`: of the handoffs of P, those still open at the end of the window. */
export const handoffsOpen: InputMetricDefinition = {
  id: 'handoffs_open',
  label: 'HO open',
  kind: 'count',
  additive: true,
  better: 'higher',
  input: 'handoffs',
  compute: (f) => (f.handoffs === null ? null : f.handoffs.handoffs - f.handoffs.won - f.handoffs.lost),
};

/** `handoff_revenue`: the amount of the handoffs of P won by the end of the window. */
export const handoffRevenue: InputMetricDefinition = {
  id: 'handoff_revenue',
  label: 'HO revenue',
  kind: 'money',
  additive: true,
  better: 'higher',
  input: 'handoffs',
  compute: (f) => (f.handoffs?.revenue == null ? null : moneyToNumber(f.handoffs.revenue)),
};
