import type { Day } from './calendar.js';
import type { Minor } from './money.js';

/** Whether a deal is won, lost or still open. */
export type DealStatus = 'won' | 'lost' | 'open';

/**
 * Columns a report can be grouped by. `appointer` is who set the deal's first
 * meeting (inside sales); `owner` is who closes it.
 */
export type Dimension = 'owner' | 'team' | 'segment' | 'channel' | 'source' | 'currency' | 'appointer';

export const DIMENSIONS: readonly Dimension[] = [
  'owner',
  'team',
  'segment',
  'channel',
  'source',
  'currency',
  'appointer',
];

/** One deal (opportunity) as the engine sees it. */
export interface Deal {
  /** Unique id of the deal. */
  dealId: string;
  status: DealStatus;
  /** Amount in minor units (1/10,000 of the currency unit); 0 when the export left it empty on a lost or open deal. */
  amount: Minor;
  /** Day the deal was won or lost; `null` for open deals. */
  closeDate: Day | null;
  /** Day the deal was created; `null` when unknown (then it has no sales cycle). */
  createdDate: Day | null;
  /** The account that buys: `account_id`, or the account name when the export has no id. */
  account: string | null;
  /** Values of the grouping columns; `''` when empty. */
  dims: Readonly<Record<Dimension, string>>;
  /** The stage as exported (`''` when empty), for the pipeline and the stage funnel. */
  stage?: string;
  /**
   * When an open deal is expected to close: `expected_close_date`, else (in
   * exports without that column, as Salesforce and HubSpot write it) an open
   * deal's `close_date`; `null` when not given.
   */
  expectedCloseDate?: Day | null;
  /**
   * The `probability` column as written, in 1/10,000 of the written number
   * (`75` → 750000, `0.75` → 7500); whether the file writes percentages or
   * fractions is decided per file (see `ReadDealsResult.probabilityScale`).
   * `null` when empty.
   */
  probability?: number | null;
  /** The `forecast_category` column as written (`Commit`, `Best Case`, …); `''` when empty. */
  forecastCategory?: string;
  /** For a lost deal: the stage it was lost at, as written; `''` when not given. */
  lostStage?: string;
}
