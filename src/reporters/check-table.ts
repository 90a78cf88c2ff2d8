import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { CheckResult, Severity } from '../engine/check/index.js';
import { messages, type Messages } from '../i18n/index.js';
import {
  cellScope,
  describeKgi,
  describePlan,
  describePlanChain,
  formatBounds,
  formatValue,
  kgiStatusText,
} from './check-text.js';
import type { NumberStyle } from './format.js';

function marker(chalk: ChalkInstance, t: Messages, severity: Severity, noData = false): string {
  if (chalk.level === 0) return noData ? t.check.noDataMarker : t.check.marker(severity);
  switch (severity) {
    case 'pass':
      return noData ? chalk.dim('✔') : chalk.green('✔');
    case 'warn':
      return chalk.yellow('⚠');
    case 'fail':
      return chalk.red('✖');
  }
}

/**
 * The check as text: the KGI block with progress, pace and plan, then one
 * line per checked KPI cell. `style` gives the language (@default 'en') and
 * the one currency of the amounts, when known.
 */
export function renderCheckTable(result: CheckResult, chalk: ChalkInstance, style: NumberStyle = {}): string {
  const lang = style.lang ?? 'en';
  const t = messages(lang);
  const lines: string[] = [];
  const s = result.summary;
  lines.push(
    `${chalk.bold(t.check.title(result.asOf))} ${marker(chalk, t, result.status)}${chalk.level === 0 ? '' : ` ${chalk.bold(t.check.severity(result.status))}`}` +
      chalk.dim(t.check.window(result.window.from, result.window.to)),
  );
  if (result.kgis.length > 0) {
    lines.push('', chalk.bold(t.check.kgis));
    for (const k of result.kgis) {
      lines.push(
        `${marker(chalk, t, k.severity)} ${chalk.bold(k.id)}${k.name === null ? '' : ` ${k.name}`}: ${t.checkMetric(k.metric)} ${describeKgi(k, style)} — ${kgiStatusText(k, lang)}${t.check.kgiPeriod(k.start, k.deadline)}`,
      );
      if (k.plan !== null) {
        lines.push(`    ${t.check.plan}: ${describePlan(k, k.plan, style)}`);
        for (const line of describePlanChain(k.plan, style)) lines.push(`    ${t.check.chain}: ${line}`);
      }
    }
  }
  if (result.kpis.length > 0) {
    const h = t.check.head;
    const table = new Table({
      head: ['', h.kpi, h.scope, h.metric, h.actual, h.bound, h.status].map((x) => chalk.bold(x)),
      style: { head: [], border: [], compact: true },
      colAligns: ['left', 'left', 'left', 'left', 'right', 'right', 'left'],
    });
    for (const c of result.kpis) {
      table.push([
        marker(chalk, t, c.severity, c.status === 'no_data'),
        c.id,
        cellScope(c, lang),
        t.checkMetric(c.metric),
        formatValue(c.metric, c.actual, style),
        formatBounds(c, style),
        t.check.kpiStatus(c.status, c.severity),
      ]);
    }
    lines.push('', chalk.bold(t.check.kpis), table.toString());
  }
  lines.push('', t.check.summary(s.pass, s.warn, s.fail, s.no_data));
  return lines.join('\n') + '\n';
}
