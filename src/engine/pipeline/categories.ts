/**
 * Forecast categories, as Salesforce and HubSpot name them: a rep's call on
 * how likely an open deal is to close in its period.
 */
export type ForecastCategory = 'commit' | 'most_likely' | 'best_case' | 'pipeline' | 'omitted';

/** The categories of open deals, most certain first. */
export const FORECAST_CATEGORIES: readonly ForecastCategory[] = [
  'commit',
  'most_likely',
  'best_case',
  'pipeline',
  'omitted',
];

const NAMES: Record<string, ForecastCategory> = {
  commit: 'commit',
  committed: 'commit',
  達成予測: 'commit',
  mostlikely: 'most_likely',
  可能性が最も高い: 'most_likely',
  bestcase: 'best_case',
  upside: 'best_case',
  最善達成予測: 'best_case',
  pipeline: 'pipeline',
  パイプライン: 'pipeline',
  omitted: 'omitted',
  omit: 'omitted',
  notforecasted: 'omitted',
  売上予測から除外: 'omitted',
};

/**
 * The category of an open deal from the `forecast_category` column as
 * written (case, spaces, `_` and `-` ignored): Salesforce's Commit, Most
 * Likely, Best Case, Pipeline, Omitted (and their Japanese names), HubSpot's
 * Commit, Best case, Pipeline, Not forecasted. `null` for an empty or other
 * value (`Closed` included: an open deal is not closed).
 */
export function forecastCategoryOf(written: string): ForecastCategory | null {
  if (written === '') return null;
  return NAMES[written.toLowerCase().replace(/[\s_-]+/g, '')] ?? null;
}
