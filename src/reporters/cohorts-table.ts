import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { cohortsMessages } from '../i18n/cohorts.js';
import { messages } from '../i18n/index.js';
import type { JsonCohorts } from './cohorts-json.js';
import { formatCount, formatMetric, type NumberStyle } from './format.js';

/** Options of the human renderer. */
export interface CohortsTableOptions extends NumberStyle {
  chalk: ChalkInstance;
}

function triangle(
  chalk: ChalkInstance,
  doc: JsonCohorts,
  head: string[],
  row: (c: JsonCohorts['cohorts'][number]) => string[],
): string {
  const width = doc.cohorts.length;
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: head.map((_, i) => (i === 0 ? 'left' : 'right')),
  });
  for (const c of doc.cohorts) {
    const cells = row(c);
    // Later periods the window does not reach are left blank: the triangle.
    table.push([...cells, ...new Array<string>(head.length - cells.length).fill('')]);
  }
  return width === 0 ? '' : table.toString();
}

/**
 * The cohorts for people: two triangles, one row per cohort and one column
 * per period since its first: the share of the cohort that bought again,
 * then the revenue relative to the first period.
 */
export function renderCohortsTable(doc: JsonCohorts, options: CohortsTableOptions): string {
  const { chalk } = options;
  const lang = options.lang ?? 'en';
  const style: NumberStyle = { lang, ...(options.currency === undefined ? {} : { currency: options.currency }) };
  const t = messages(lang);
  const c = cohortsMessages(lang);
  const d = doc.inputs.deals;
  const count = (n: number): string => formatCount(n, lang);
  const offsets = doc.cohorts.map((_, k) => c.head.offset(k));
  const lines: string[] = [];
  lines.push(
    chalk.bold(c.title(doc.window.from, doc.window.to)) +
      chalk.dim(t.report.settings(doc.granularity, doc.fiscalYearStart)),
  );
  lines.push(chalk.dim(t.report.inputs(d.path, count(d.rows), count(d.used), count(d.rejected))));
  lines.push(chalk.dim(c.summary(doc.accounts, doc.deals.wonWithoutAccount, count)));
  lines.push(
    '',
    chalk.bold(c.retentionHeading),
    triangle(chalk, doc, [c.head.cohort, c.head.accounts, ...offsets], (row) => [
      row.cohort,
      count(row.accounts),
      ...row.periods.map((p) => formatMetric('ratio', p.retention)),
    ]),
  );
  lines.push(
    '',
    chalk.bold(c.revenueHeading),
    triangle(chalk, doc, [c.head.cohort, c.head.firstRevenue, ...offsets], (row) => [
      row.cohort,
      formatMetric('money', row.periods[0]?.revenue ?? null, style),
      ...row.periods.map((p) => formatMetric('ratio', p.revenue_retention)),
    ]),
  );
  return lines.join('\n') + '\n';
}
