import type { Day } from './calendar.js';
import type { Minor } from './money.js';

/** What a cost was spent on: acquisition cost is sales and marketing; `other` is read and left out. */
export type CostCategory = 'sales' | 'marketing' | 'other';

export const COST_CATEGORIES: readonly CostCategory[] = ['sales', 'marketing', 'other'];

/** One cost line as the engine sees it. */
export interface Cost {
  /** The day it is booked on (a month written `YYYY-MM` is its first day). */
  day: Day;
  /** Minor units (1/10,000 of the currency unit), in the deals' currency. */
  amount: Minor;
  category: CostCategory;
  /** The team it is for; `''` for costs of the whole organisation (counted in the totals only). */
  team: string;
  /** The channel it is for (`inside`, `outside`, …); `''` when none (counted in the totals only). */
  channel: string;
}
