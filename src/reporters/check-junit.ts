import type { CheckResult, Severity } from '../engine/check/index.js';
import { cellScope, describeKgi, formatBounds, formatValue } from './check-text.js';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot hold. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Case {
  classname: string;
  name: string;
  severity: Severity;
  skipped: boolean;
  message: string;
}

function failing(severity: Severity, failOn: Severity): boolean {
  return severity === 'fail' || (failOn === 'warn' && severity === 'warn');
}

function suite(name: string, cases: readonly Case[], failOn: Severity): string {
  const failures = cases.filter((c) => failing(c.severity, failOn)).length;
  const skipped = cases.filter((c) => c.skipped && !failing(c.severity, failOn)).length;
  const body = cases.map((c) => {
    const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"`;
    if (failing(c.severity, failOn)) {
      return `${open}>\n      <failure message="${xml(c.message)}" type="${c.severity}">${xml(c.message)}</failure>\n    </testcase>`;
    }
    if (c.skipped) return `${open}>\n      <skipped message="${xml(c.message)}"/>\n    </testcase>`;
    if (c.severity === 'warn')
      return `${open}>\n      <system-out>${xml(`warning: ${c.message}`)}</system-out>\n    </testcase>`;
    return `${open}/>`;
  });
  return [
    `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...body,
    '  </testsuite>',
  ].join('\n');
}

/**
 * The check as JUnit XML, shown natively by CI test reporters: a test case
 * per KGI and per checked KPI cell, `<failure>` with actual vs bound. With
 * `failOn: 'warn'` warnings are failures too.
 */
export function renderCheckJunit(result: CheckResult, failOn: Severity = 'fail'): string {
  const kgis: Case[] = result.kgis.map((k) => ({
    classname: `salesmetrics.kgi.${k.id}`,
    name: `${k.id}: ${k.metric} by ${k.deadline}`,
    severity: k.severity,
    skipped: false,
    message: `${k.status.replace('_', ' ')}: ${describeKgi(k)}`,
  }));
  const kpis: Case[] = result.kpis.map((c) => ({
    classname: `salesmetrics.kpi.${c.id}`,
    name: `${c.id}: ${c.metric} [${cellScope(c)}]`,
    severity: c.severity,
    skipped: c.status === 'no_data' && c.severity === 'pass',
    message:
      c.status === 'no_data'
        ? `no data: ${c.metric} has no value (counts as ${c.severity})`
        : `${c.status}: actual ${formatValue(c.metric, c.actual)}, bound ${formatBounds(c)}`,
  }));
  const all = [...kgis, ...kpis];
  const failures = all.filter((c) => failing(c.severity, failOn)).length;
  const skipped = all.filter((c) => c.skipped && !failing(c.severity, failOn)).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="salesmetrics check as of ${xml(result.asOf)}" tests="${all.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    suite('KGIs', kgis, failOn),
    suite('KPIs', kpis, failOn),
    '</testsuites>',
    '',
  ].join('\n');
}
