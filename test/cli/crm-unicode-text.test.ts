import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * Excel's "Unicode text" export: UTF-16LE with a BOM, tab-separated, CRLF.
 * fixtures/crm-same-deals-unicode-text-utf16le.txt holds the deals of
 * fixtures/crm-same-deals-canonical.csv, field for field.
 */
describe('Excel "Unicode text" (UTF-16, tab-separated)', () => {
  it('gives the same metrics as the same deals in canonical CSV', async () => {
    const csv = await runCli(['report', 'fixtures/crm-same-deals-canonical.csv', '--format', 'json']);
    const tsv = await runCli(['report', 'fixtures/crm-same-deals-unicode-text-utf16le.txt', '--format', 'json']);
    expect(tsv.code).toBe(0);
    const a = JSON.parse(csv.stdout) as { totals: unknown; periods: unknown; inputs: { deals: { rows: number } } };
    const b = JSON.parse(tsv.stdout) as {
      totals: unknown;
      periods: unknown;
      inputs: { deals: Record<string, unknown> };
    };
    expect(b.totals).toEqual(a.totals);
    expect(b.periods).toEqual(a.periods);
    expect(b.inputs.deals).toMatchObject({ encoding: 'utf16le', rows: a.inputs.deals.rows, rejected: 0 });
  });
});
