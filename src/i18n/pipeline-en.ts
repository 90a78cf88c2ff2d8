import type { PipelineText } from './messages.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `salesmetrics pipeline` in English. */
export const pipelineEn: PipelineText = {
  title: (asOf) => `Pipeline as of ${asOf}`,
  stages: 'Open deals by stage',
  stageHead: {
    stage: 'Stage',
    deals: 'Open',
    amount: 'Amount',
    weighted: 'Weighted',
    probability: 'Prob.',
    avgAge: 'Avg age (d)',
    stale: 'Stale',
    staleAmount: 'Stale amount',
  },
  total: 'Total',
  forecast: (g) => `Forecast by ${g}`,
  forecastHead: {
    period: 'Period',
    wonSoFar: 'Won so far',
    deals: 'Open',
    open: 'Open amount',
    weighted: 'Weighted',
    forecast: 'Forecast',
    expected: 'History exp.',
    historyForecast: 'History fcst',
    commit: 'Commit',
    bestCase: 'Best case',
    openPipeline: 'Pipeline',
  },
  overdue: 'overdue',
  later: 'later',
  undated: 'no date',
  history: (by) => `Forecast from history, by ${by}`,
  historyHead: {
    segment: 'Group',
    closed: 'Closed',
    won: 'Won',
    open: 'Open',
    amount: 'Amount',
    unforecastable: 'Not fcst',
    expected: 'Expected',
    winProbability: 'P(win)',
  },
  historyFoot: (p) =>
    `P(win) = expected / amount of the deals forecast; not forecast: no created date, or older than every closed deal; expected after the last period: ${p.later}`,
  backtest: (n, g) => `Back-test of the history forecast: the last ${plural(n, g)}`,
  backtestHead: {
    asOf: 'As of',
    period: 'Period',
    forecast: 'Forecast',
    won: 'Won',
    ape: 'Error',
    wonFromPipeline: 'Won from pipeline',
    apePipeline: 'Error',
  },
  mape: (mape, pipeline) =>
    `MAPE ${mape} against all revenue won; ${pipeline} against the revenue of the deals open at each date`,
  funnel: (from, to) =>
    from === null && to === null
      ? 'Stage funnel (all deals)'
      : `Stage funnel (deals created ${from ?? '…'} – ${to ?? '…'})`,
  funnelHead: {
    stage: 'Stage',
    reached: 'Reached',
    conversion: 'From previous',
    cumulative: 'From first',
    open: 'Open now',
    lost: 'Lost here',
  },
  won: 'Won',
  kgis: 'Revenue KGIs with the forecast',
  kgiLine: (p) =>
    `${p.id}${p.name === null ? '' : ` ${p.name}`}: revenue ${p.actual} of ${p.target} by ${p.deadline}; ` +
    `run rate → ${p.projection}; + weighted pipeline ${p.weighted} → ${p.weightedProjection} (${p.weightedAchievement}); ` +
    `+ history forecast ${p.expected} → ${p.historyProjection} (${p.historyAchievement})`,
  note(file, n) {
    switch (n.code) {
      case 'stage_order_from_probability':
        return `${file}: no stages in the config; stage order taken from the open deals' probabilities: ${n.stages.join(' → ')} (set stages: in salesmetrics.config.yaml to fix it)`;
      case 'no_stage_order':
        return `${file}: no stage order (no stages: in salesmetrics.config.yaml, no probability column): the stage funnel is left out`;
      case 'unknown_stages':
        return `${file}: ${plural(n.deals, 'open deal')} at stages not in the config (${n.stages.join(', ')}): listed last and left out of the funnel; add them to stages: in salesmetrics.config.yaml`;
      case 'no_probability':
        return `${file}: ${plural(n.deals, 'open deal')} without a probability (stages ${n.stages.join(', ')}): weighted amounts are null; fill the probability column or give the stages a probability in salesmetrics.config.yaml`;
      case 'unknown_lost_stages':
        return `${file}: lost_stage names stages outside the stage order (${n.stages.join(', ')}): ${plural(n.deals, 'lost deal')} counted at the first stage only`;
      case 'lost_without_stage':
        return `${file}: ${plural(n.deals, 'lost deal')} without a lost stage (add a lost_stage column): the funnel counts them at the first stage only`;
      case 'unknown_forecast_categories':
        return `${file}: unknown forecast categories ${n.names.map((x) => JSON.stringify(x)).join(', ')}: counted as uncategorized; use Commit, Most Likely, Best Case, Pipeline or Omitted`;
      case 'closed_since':
        return `${file}: ${plural(n.won + n.lost, 'deal')} open at the as-of date closed later (${n.won} won, ${n.lost} lost): their stage at the as-of date is not in the export, so the stage table and the weighted forecast leave them out (the history forecast counts them)`;
      case 'unforecastable':
        return `${file}: ${plural(n.deals, 'open deal')} without a created date, or older than every closed deal: the history forecast leaves them out`;
    }
  },
};
