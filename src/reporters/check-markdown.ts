import type { CheckResult, Severity } from '../engine/check/index.js';
import { cellScope, describeKgi, describePlan, formatBounds, formatValue, kgiStatusText } from './check-text.js';

const EMOJI: Record<Severity, string> = { pass: '✅', warn: '⚠️', fail: '❌' };

/** Escapes text for a GitHub-flavoured Markdown table cell. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/([<>*_`[\]])/g, '\\$1');
}

/**
 * The check as GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY` and
 * pull-request comments: a status line, a table of KGIs with their plans and
 * a table of KPI cells.
 */
export function renderCheckMarkdown(result: CheckResult): string {
  const s = result.summary;
  const out: string[] = [
    `## ${EMOJI[result.status]} salesmetrics targets: ${result.status}`,
    '',
    `As of ${result.asOf} · KPI window ${result.window.from} – ${result.window.to} · ${s.pass} pass, ${s.warn} warn, ${s.fail} fail, ${s.no_data} no data`,
  ];
  if (result.kgis.length > 0) {
    out.push('', '### KGIs', '', '| | KGI | Metric | Progress | Status | Period |', '|---|---|---|---|---|---|');
    for (const k of result.kgis) {
      out.push(
        `| ${EMOJI[k.severity]} | ${cell(k.name === null ? k.id : `${k.id}: ${k.name}`)} | ${k.metric} | ${cell(describeKgi(k))} | ${kgiStatusText(k)} | ${k.start} – ${k.deadline} |`,
      );
    }
    for (const k of result.kgis)
      if (k.plan !== null) out.push('', `**Plan for ${cell(k.id)}:** ${cell(describePlan(k, k.plan))}`);
  }
  if (result.kpis.length > 0) {
    out.push(
      '',
      '### KPIs',
      '',
      '| | KPI | Scope | Metric | Actual | Bound | Status |',
      '|---|---|---|---|---:|---:|---|',
    );
    for (const c of result.kpis) {
      out.push(
        `| ${EMOJI[c.severity]} | ${cell(c.id)} | ${cell(cellScope(c))} | ${c.metric} | ${formatValue(c.metric, c.actual)} | ${cell(formatBounds(c))} | ${c.status === 'no_data' ? `no data (${c.severity})` : c.status} |`,
      );
    }
  }
  return out.join('\n') + '\n';
}
