import type { CheckResult, Severity } from '../engine/check/index.js';
import { messages } from '../i18n/index.js';
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
 * a table of KPI cells. `style` gives the language (@default 'en') and the
 * one currency of the amounts, when known.
 */
export function renderCheckMarkdown(result: CheckResult, style: NumberStyle = {}): string {
  const lang = style.lang ?? 'en';
  const t = messages(lang);
  const s = result.summary;
  const md = t.check.markdown;
  const out: string[] = [
    md.heading(EMOJI[result.status], result.status),
    '',
    md.line(result.asOf, result.window.from, result.window.to, t.check.summary(s.pass, s.warn, s.fail, s.no_data)),
  ];
  if (result.kgis.length > 0) {
    const h = md.kgiHead;
    out.push(
      '',
      `### ${t.check.kgis}`,
      '',
      `| | ${h.kgi} | ${h.metric} | ${h.progress} | ${h.status} | ${h.period} |`,
      '|---|---|---|---|---|---|',
    );
    for (const k of result.kgis) {
      out.push(
        `| ${EMOJI[k.severity]} | ${cell(k.name === null ? k.id : `${k.id}: ${k.name}`)} | ${t.checkMetric(k.metric)} | ${cell(describeKgi(k, style))} | ${kgiStatusText(k, lang)} | ${t.check.range(k.start, k.deadline)} |`,
      );
    }
    for (const k of result.kgis) {
      if (k.plan === null) continue;
      out.push('', `${md.planFor(cell(k.id))} ${cell(describePlan(k, k.plan, style))}`);
      for (const line of describePlanChain(k.plan, style)) out.push('', `${t.check.chain}: ${cell(line)}`);
    }
  }
  if (result.kpis.length > 0) {
    const h = t.check.head;
    out.push(
      '',
      `### ${t.check.kpis}`,
      '',
      `| | ${h.kpi} | ${h.scope} | ${h.metric} | ${h.actual} | ${h.bound} | ${h.status} |`,
      '|---|---|---|---|---:|---:|---|',
    );
    for (const c of result.kpis) {
      out.push(
        `| ${EMOJI[c.severity]} | ${cell(c.id)} | ${cell(cellScope(c, lang))} | ${t.checkMetric(c.metric)} | ${formatValue(c.metric, c.actual, style)} | ${cell(formatBounds(c, style))} | ${t.check.kpiStatusShort(c.status, c.severity)} |`,
      );
    }
  }
  return out.join('\n') + '\n';
}
