import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('edge cases', () => {
  it('a target file with nothing to check passes', async () => {
    const r = await runCli([
      'check',
      'fixtures/deals-small.csv',
      '--targets',
      'fixtures/targets-nothing-to-check.yaml',
      '--as-of',
      '2025-02-28',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { status: string; kgis: unknown[]; kpis: unknown[]; summary: unknown };
    expect([doc.status, doc.kgis, doc.kpis, doc.summary]).toEqual([
      'pass',
      [],
      [],
      { pass: 0, warn: 0, fail: 0, no_data: 0 },
    ]);
  });

  it('a deal without a currency beside JPY ones keeps the money apart, and says so', async () => {
    const r = await runCli(['report', 'fixtures/deals-currency-and-none.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'salesmetrics: warning: fixtures/deals-currency-and-none.csv has amounts in several currencies (JPY, none named): money metrics are given per currency (by currency) and are null in the totals; pass --rates FILE --currency CODE to convert them\n',
    );
    const doc = JSON.parse(r.stdout) as {
      mixedCurrencies: boolean;
      currencies: string[];
      totals: { revenue: number | null; deals_won: number };
      groups: { by: string; key: string; totals: { revenue: number | null } }[];
    };
    expect([doc.mixedCurrencies, doc.currencies, doc.totals.revenue, doc.totals.deals_won]).toEqual([
      true,
      ['JPY'],
      null,
      2,
    ]);
    expect(doc.groups.map((g) => [g.by, g.key, g.totals.revenue])).toEqual([
      ['currency', '', 5],
      ['currency', 'JPY', 100],
    ]);
  });

  it('the --date-format an ambiguous date suggests reads the file', async () => {
    const file = 'fixtures/crm-salesforce-with-footer.csv';
    const first = await runCli(['report', file, '--format', 'json']);
    expect(first.code).toBe(2);
    const suggested = /pass --date-format (\S+) /.exec(first.stderr)?.[1];
    expect(suggested).toBe('M/D/YYYY');
    const again = await runCli(['report', file, '--format', 'json', '--date-format', suggested ?? '']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { inputs: { deals: { rejected: number } } }).inputs.deals.rejected).toBe(0);
  });
});
