import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { AbMeanMetric, MeanComparison } from '../engine/abtest.js';
import { DEAL_METRICS, type MetricId } from '../engine/metrics/index.js';
import { abtestMessages } from '../i18n/abtest.js';
import { type Lang, messages } from '../i18n/index.js';
import type { JsonAbTest } from './abtest-json.js';
import { formatCount, formatMetric, NULL_MARK, type NumberStyle } from './format.js';

/** Options of the human renderer. */
export interface AbTestTableOptions extends NumberStyle {
  chalk: ChalkInstance;
}

function newTable(chalk: ChalkInstance, head: string[], aligns: ('left' | 'right')[]): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: aligns,
  });
}

/** A difference with its sign: `+1,234`, `-0.5`, `0`. */
function signed(value: number | null, kind: 'money' | 'days' | 'points', style: NumberStyle): string {
  if (value === null) return NULL_MARK;
  const locale = messages(style.lang).locale;
  const digits =
    kind === 'money'
      ? Number.isInteger(value)
        ? { maximumFractionDigits: 0 }
        : { minimumFractionDigits: 2, maximumFractionDigits: 2 }
      : { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  const yen = kind === 'money' && style.lang === 'ja' && style.currency === 'JPY';
  return new Intl.NumberFormat(locale, {
    signDisplay: 'exceptZero',
    ...(yen ? { style: 'currency', currency: 'JPY' } : {}),
    ...digits,
  }).format(kind === 'points' ? value * 100 : value);
}

/** `0.008`, `< 0.001`. */
export function formatPValue(p: number | null): string {
  if (p === null) return NULL_MARK;
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

const percent = (v: number | null): string => formatMetric('ratio', v);

/** A metric's name in tables, in the language. */
function label(id: MetricId, lang: Lang): string {
  const def = DEAL_METRICS.find((m) => m.id === id);
  return messages(lang).metricName(id, def?.label ?? id);
}

/**
 * The A/B test for people: each variant with its win rate and interval,
 * deal size and cycle; then each variant against the control, one row per
 * metric, with the difference, its interval, the p-value, the verdict and
 * the deals per arm needed; then the warnings.
 */
export function renderAbTestTable(doc: JsonAbTest, options: AbTestTableOptions): string {
  const { chalk } = options;
  const lang = options.lang ?? 'en';
  const style: NumberStyle = { lang, ...(options.currency === undefined ? {} : { currency: options.currency }) };
  const t = messages(lang);
  const a = abtestMessages(lang);
  const count = (n: number): string => formatCount(n, lang);
  const d = doc.inputs.deals;
  const lines: string[] = [];
  lines.push(chalk.bold(a.title(doc.variant, doc.control)) + chalk.dim(a.window(doc.window.from, doc.window.to)));
  lines.push(chalk.dim(t.report.inputs(d.path, count(d.rows), count(d.used), count(d.rejected))));
  lines.push(
    chalk.dim(
      a.deals({
        column: doc.variant,
        tested: count(doc.deals.tested),
        open: count(doc.deals.open),
        outsideWindow: count(doc.deals.outsideWindow),
        unassigned: count(doc.deals.unassigned),
      }),
    ),
  );

  const h = a.head;
  const arms = newTable(
    chalk,
    [h.variant, h.closed, h.won, h.lost, h.winRate, h.interval, h.avgDeal, h.cycle],
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  for (const arm of doc.arms) {
    const w = arm.win_rate;
    arms.push([
      arm.control ? `${arm.variant}${chalk.dim(a.controlMark)}` : arm.variant,
      count(arm.closed),
      count(arm.won),
      count(arm.lost),
      percent(w.value),
      w.low === null || w.high === null ? NULL_MARK : `${percent(w.low)} – ${percent(w.high)}`,
      formatMetric('money', arm.avg_deal_size.value, style),
      formatMetric('days', arm.sales_cycle_days_mean.value, style),
    ]);
  }
  lines.push('', chalk.bold(a.variants), arms.toString());

  if (doc.comparisons.length > 0) {
    const c = a.compareHead;
    const table = newTable(
      chalk,
      [c.variant, c.metric, c.difference, c.interval, c.p, c.verdict, c.needed],
      ['left', 'left', 'right', 'right', 'right', 'left', 'right'],
    );
    const verdict = (significant: boolean | null): string =>
      significant === null ? NULL_MARK : significant ? chalk.bold(a.verdict(true)) : a.verdict(false);
    const points = (v: number | null): string => (v === null ? NULL_MARK : `${signed(v, 'points', style)}${a.points}`);
    const meanRow = (variant: string, metric: AbMeanMetric, m: MeanComparison): string[] => {
      const kind = metric === 'avg_deal_size' ? 'money' : 'days';
      return [
        variant,
        label(metric, lang),
        signed(m.difference, kind, style),
        m.low === null || m.high === null
          ? NULL_MARK
          : `${signed(m.low, kind, style)} – ${signed(m.high, kind, style)}`,
        formatPValue(m.pValue),
        verdict(m.significant),
        '',
      ];
    };
    for (const cmp of doc.comparisons) {
      const w = cmp.win_rate;
      const needed = w.sampleSizePerArm === null ? NULL_MARK : count(w.sampleSizePerArm);
      table.push([
        cmp.variant,
        label('win_rate', lang),
        points(w.difference),
        w.low === null || w.high === null ? NULL_MARK : `${points(w.low)} – ${points(w.high)}`,
        formatPValue(w.pValue),
        verdict(w.significant),
        w.underpowered === true ? chalk.yellow(needed) : needed,
      ]);
      table.push(meanRow(cmp.variant, 'avg_deal_size', cmp.avg_deal_size));
      table.push(meanRow(cmp.variant, 'sales_cycle_days_mean', cmp.sales_cycle_days_mean));
    }
    lines.push('', chalk.bold(a.against(doc.control)), table.toString(), chalk.dim(a.footnote));
  }

  if (doc.warnings.length > 0) {
    lines.push('', chalk.bold(a.warningsHeading));
    for (const w of doc.warnings) {
      const numbers =
        w.code === 'underpowered'
          ? {
              points: (w.difference * 100).toFixed(1),
              needed: count(w.needed),
              variantClosed: count(w.variantClosed),
              controlClosed: count(w.controlClosed),
            }
          : w.code === 'too_few_values'
            ? { n: count(w.n) }
            : {};
      lines.push(`${chalk.yellow(lang === 'ja' ? '・' : '- ')}${a.warning(w, numbers)}`);
    }
  }
  return lines.join('\n') + '\n';
}
