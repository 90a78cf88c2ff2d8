import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { ForecastPeriod, OpenFigures, WeightedAmounts } from '../engine/pipeline/index.js';
import { messages } from '../i18n/index.js';
import { formatCount, formatMetric, type NumberStyle } from './format.js';
import type { JsonPipeline } from './pipeline-json.js';

/** Options of the pipeline's human renderer. */
export interface PipelineTableOptions extends NumberStyle {
  /** Colours; a chalk instance with level 0 prints none. */
  chalk: ChalkInstance;
}

function newTable(chalk: ChalkInstance, head: string[], numericFrom: number): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: head.map((_, i) => (i >= numericFrom ? 'right' : 'left')),
  });
}

/** The pipeline as text tables: stages, forecast by period, history, back-test, funnel, KGIs. */
export function renderPipelineTable(p: JsonPipeline, options: PipelineTableOptions): string {
  const { chalk } = options;
  const lang = options.lang ?? 'en';
  const m = messages(lang);
  const t = m.pipeline;
  const money = (v: number | null): string => formatMetric('money', v, options);
  const count = (v: number): string => formatCount(v, lang);
  const ratio = (v: number | null): string => formatMetric('ratio', v, options);
  const days = (v: number | null): string => formatMetric('days', v, options);
  const d = p.inputs.deals;
  const lines: string[] = [
    chalk.bold(t.title(p.asOf)) + chalk.dim(m.report.settings(p.granularity, p.fiscalYearStart)),
    chalk.dim(m.report.inputs(d.path, count(d.rows), count(d.used), count(d.rejected))),
  ];

  // Stages: the probability shown is the effective one, weighted / amount.
  const h = t.stageHead;
  const stages = newTable(
    chalk,
    [h.stage, h.deals, h.amount, h.probability, h.weighted, h.avgAge, h.stale, h.staleAmount],
    1,
  );
  const stageCells = (label: string, s: OpenFigures): string[] => [
    label,
    count(s.deals),
    money(s.amount),
    ratio(s.amount === null || s.weighted === null || s.amount === 0 ? null : s.weighted / s.amount),
    money(s.weighted),
    days(s.avgAgeDays),
    count(s.stale.deals),
    money(s.stale.amount),
  ];
  for (const s of p.stages) stages.push(stageCells(s.order === null ? chalk.dim(s.stage) : s.stage, s));
  stages.push(stageCells(chalk.bold(t.total), p.totals).map((c, i) => (i === 0 ? c : chalk.bold(c))));
  lines.push('', chalk.bold(t.stages), stages.toString());

  // Forecast by period, then the open deals outside the periods.
  const f = t.forecastHead;
  const categories = p.forecast.periods.some((x) => x.categories !== null);
  const head = [f.period, f.wonSoFar, f.deals, f.open, f.weighted, f.forecast, f.expected, f.historyForecast];
  if (categories) head.push(f.commit, f.bestCase, f.openPipeline);
  const forecast = newTable(chalk, head, 1);
  const row = (label: string, won: number | null, o: WeightedAmounts, x: ForecastPeriod | null): string[] => {
    const cells = [
      label,
      money(won),
      count(o.deals),
      money(o.amount),
      money(o.weighted),
      x === null ? '' : chalk.bold(money(x.forecast)),
      x === null ? '' : money(x.expected),
      x === null ? '' : chalk.bold(money(x.historyForecast)),
    ];
    if (categories) {
      const c = x?.categories ?? null;
      cells.push(c === null ? '' : money(c.rollup.commit), c === null ? '' : money(c.rollup.bestCase));
      cells.push(c === null ? '' : money(c.rollup.openPipeline));
    }
    return cells;
  };
  for (const x of p.forecast.periods) forecast.push(row(x.period, x.wonSoFar, x.open, x));
  const rest: [string, WeightedAmounts][] = [
    [t.overdue, p.forecast.overdue],
    [t.later, p.forecast.later],
    [t.undated, p.forecast.undated],
  ];
  for (const [label, o] of rest) if (o.deals > 0) forecast.push(row(chalk.dim(label), null, o, null));
  lines.push('', chalk.bold(t.forecast(p.granularity)), forecast.toString());

  // The history forecast by segment.
  const hh = t.historyHead;
  const history = newTable(
    chalk,
    [hh.segment, hh.closed, hh.won, hh.open, hh.amount, hh.unforecastable, hh.expected, hh.winProbability],
    1,
  );
  for (const s of p.history.segments) {
    history.push([
      s.segment === '' ? chalk.dim(m.none) : s.segment,
      count(s.closedDeals),
      count(s.wonDeals),
      count(s.openDeals),
      money(s.amount),
      count(s.unforecastable.deals),
      money(s.expected),
      ratio(s.winProbability),
    ]);
  }
  const hs = p.history;
  history.push(
    [
      t.total,
      '',
      '',
      count(hs.openDeals),
      money(hs.amount),
      count(hs.unforecastable.deals),
      money(hs.expected),
      ratio(hs.winProbability),
    ].map((c) => chalk.bold(c)),
  );
  lines.push('', chalk.bold(t.history(hs.segmentBy)), history.toString());
  lines.push(chalk.dim(t.historyFoot({ later: money(hs.later) })));

  if (p.backtest !== null) {
    const b = t.backtestHead;
    const backtest = newTable(chalk, [b.asOf, b.period, b.forecast, b.won, b.ape, b.wonFromPipeline, b.apePipeline], 2);
    for (const r of p.backtest.periods) {
      backtest.push([
        r.asOf,
        r.period,
        money(r.forecast),
        money(r.won),
        ratio(r.ape),
        money(r.wonFromPipeline),
        ratio(r.apePipeline),
      ]);
    }
    lines.push(
      '',
      chalk.bold(t.backtest(p.backtest.periods.length, p.granularity)),
      backtest.toString(),
      t.mape(ratio(p.backtest.mape), ratio(p.backtest.mapePipeline)),
    );
  }

  if (p.funnel !== null) {
    const fh = t.funnelHead;
    const funnel = newTable(chalk, [fh.stage, fh.reached, fh.conversion, fh.cumulative, fh.open, fh.lost], 1);
    for (const s of p.funnel.stages)
      funnel.push([s.stage, count(s.reached), ratio(s.conversion), ratio(s.cumulative), count(s.open), count(s.lost)]);
    const w = p.funnel.won;
    funnel.push([chalk.bold(t.won), count(w.reached), ratio(w.conversion), ratio(w.cumulative), '', '']);
    lines.push('', chalk.bold(t.funnel(p.funnel.from, p.funnel.to)), funnel.toString());
  }

  if (p.kgis !== null && p.kgis.length > 0) {
    lines.push('', chalk.bold(t.kgis));
    for (const k of p.kgis) {
      lines.push(
        t.kgiLine({
          id: k.id,
          name: k.name,
          actual: money(k.actual),
          target: money(k.target),
          projection: money(k.projection),
          weighted: money(k.weighted.forecast),
          weightedProjection: money(k.weighted.projection),
          weightedAchievement: ratio(k.weighted.achievement),
          expected: money(k.history.forecast),
          historyProjection: money(k.history.projection),
          historyAchievement: ratio(k.history.achievement),
          deadline: k.deadline,
        }),
      );
    }
  }
  return lines.join('\n') + '\n';
}
