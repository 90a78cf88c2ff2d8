import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { CheckResult, Severity } from '../engine/check/index.js';
import { cellScope, describeKgi, describePlan, formatBounds, formatValue, kgiStatusText } from './check-text.js';

function marker(chalk: ChalkInstance, severity: Severity, noData = false): string {
  if (chalk.level === 0) return noData ? 'NO DATA' : severity.toUpperCase();
  switch (severity) {
    case 'pass':
      return noData ? chalk.dim('✔') : chalk.green('✔');
    case 'warn':
      return chalk.yellow('⚠');
    case 'fail':
      return chalk.red('✖');
  }
}

/** The check as text: the KGI block with progress, pace and plan, then one line per checked KPI cell. */
export function renderCheckTable(result: CheckResult, chalk: ChalkInstance): string {
  const lines: string[] = [];
  const s = result.summary;
  lines.push(
    `${chalk.bold(`Targets as of ${result.asOf}:`)} ${marker(chalk, result.status)}${chalk.level === 0 ? '' : ` ${chalk.bold(result.status)}`}` +
      chalk.dim(`  (KPI window ${result.window.from} – ${result.window.to})`),
  );
  if (result.kgis.length > 0) {
    lines.push('', chalk.bold('KGIs'));
    for (const k of result.kgis) {
      lines.push(
        `${marker(chalk, k.severity)} ${chalk.bold(k.id)}${k.name === null ? '' : ` ${k.name}`}: ${k.metric} ${describeKgi(k)} — ${kgiStatusText(k)} (${k.start} – ${k.deadline})`,
      );
      if (k.plan !== null) lines.push(`    plan: ${describePlan(k, k.plan)}`);
    }
  }
  if (result.kpis.length > 0) {
    const table = new Table({
      head: ['', 'KPI', 'Scope', 'Metric', 'Actual', 'Bound', 'Status'].map((h) => chalk.bold(h)),
      style: { head: [], border: [], compact: true },
      colAligns: ['left', 'left', 'left', 'left', 'right', 'right', 'left'],
    });
    for (const c of result.kpis) {
      table.push([
        marker(chalk, c.severity, c.status === 'no_data'),
        c.id,
        cellScope(c),
        c.metric,
        formatValue(c.metric, c.actual),
        formatBounds(c),
        c.status === 'no_data' ? `no data (counts as ${c.severity})` : c.status,
      ]);
    }
    lines.push('', chalk.bold('KPIs'), table.toString());
  }
  lines.push('', `${s.pass} pass, ${s.warn} warn, ${s.fail} fail, ${s.no_data} no data`);
  return lines.join('\n') + '\n';
}
