import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

/*
 * The back-test on the bundled sample (fixtures/deals.csv), checked against a naive
 * re-implementation of the definitions in docs/metrics.md written here from scratch: one loop
 * over the rows per deal, floating point, days from Date.UTC. It shares no code with the engine
 * (no histograms, no ledgers, no exact fractions), so agreement to the cent checks the engine.
 */

interface Row {
  stage: string;
  amount: number;
  created: number | null;
  closed: number | null;
  segment: string;
  probability: number | null;
}

const dayOf = (s: string): number | null =>
  s === '' ? null : Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;

const rows: Row[] = (
  parse(readFileSync(join(ROOT, 'fixtures/deals.csv')), { columns: true }) as Record<string, string>[]
).map((r) => ({
  stage: r.stage ?? '',
  amount: Number(r.amount),
  created: dayOf(r.created_date ?? ''),
  closed: dayOf(r.close_date ?? ''),
  segment: r.segment ?? '',
  probability: r.probability === '' || r.probability === undefined ? null : Number(r.probability),
}));
const won = (r: Row): boolean => r.stage === 'Closed Won';
const closedBy = (r: Row, d: number): boolean => r.stage.startsWith('Closed') && r.closed !== null && r.closed <= d;
const openAt = (r: Row, d: number): boolean => (r.created === null || r.created <= d) && !closedBy(r, d);

/** The history forecast of the deals open at the end of day d, closing in [from, to]. */
function naiveForecast(d: number, from: number, to: number): number {
  const history = rows.filter((r) => closedBy(r, d) && r.created !== null);
  let total = 0;
  for (const r of rows) {
    if (!openAt(r, d) || r.created === null) continue;
    const age = d - r.created;
    const created = r.created;
    const longer = (h: Row[]): Row[] => h.filter((x) => (x.closed as number) - (x.created as number) > age);
    let pool = longer(history.filter((x) => x.segment === r.segment));
    if (pool.length === 0) pool = longer(history);
    if (pool.length === 0) continue;
    const wonIn = pool.filter((x) => {
      const closeDay = created + (x.closed as number) - (x.created as number);
      return won(x) && closeDay >= from && closeDay <= to;
    });
    total += (r.amount * wonIn.length) / pool.length;
  }
  return total;
}

// Fiscal quarters (April start) before 2026-03-31, latest first.
const QUARTERS = [
  ['FY2025-Q4', '2026-01-01', '2026-03-31'],
  ['FY2025-Q3', '2025-10-01', '2025-12-31'],
  ['FY2025-Q2', '2025-07-01', '2025-09-30'],
  ['FY2025-Q1', '2025-04-01', '2025-06-30'],
] as const;

interface Backtest {
  periods: { period: string; forecast: number; won: number; wonFromPipeline: number; ape: number }[];
  mape: number;
  mapePipeline: number;
}

describe('salesmetrics pipeline on the sample data', () => {
  it('back-tests the history forecast over the last 4 fiscal quarters as a naive computation does', async () => {
    const r = await runCli([
      'pipeline',
      'fixtures/deals.csv',
      '--as-of',
      '2026-03-31',
      '--period',
      'quarter',
      '--fiscal-year-start',
      '4',
      '--backtest',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const { backtest, totals } = JSON.parse(r.stdout) as { backtest: Backtest; totals: { weighted: number } };
    const apes: number[] = [];
    QUARTERS.forEach(([label, fromText, toText], i) => {
      const from = dayOf(fromText) as number;
      const to = dayOf(toText) as number;
      const d = from - 1;
      const forecast = naiveForecast(d, from, to);
      const wonIn = rows.filter((x) => won(x) && x.closed !== null && x.closed >= from && x.closed <= to);
      const actual = wonIn.reduce((s, x) => s + x.amount, 0);
      const fromPipeline = wonIn.filter((x) => openAt(x, d)).reduce((s, x) => s + x.amount, 0);
      const row = backtest.periods[i];
      expect(row?.period).toBe(label);
      expect(row?.forecast).toBeCloseTo(forecast, 2);
      expect(row?.won).toBe(actual);
      expect(row?.wonFromPipeline).toBe(fromPipeline);
      apes.push(Math.abs(forecast - actual) / actual);
    });
    const mape = apes.reduce((a, b) => a + b, 0) / apes.length;
    expect(backtest.mape).toBeCloseTo(mape, 6);
    // The figure the README quotes.
    expect((backtest.mape * 100).toFixed(1)).toBe('46.4');

    // Weighted pipeline as of 2026-03-31: every deal still open, amount × probability / 100.
    const weighted = rows.filter((x) => openAt(x, dayOf('2026-03-31') as number) && !x.stage.startsWith('Closed'));
    expect(totals.weighted).toBeCloseTo(
      weighted.reduce((s, x) => s + (x.amount * (x.probability ?? 0)) / 100, 0),
      2,
    );
  });

  it('prints the table the README shows', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const command =
      'salesmetrics pipeline fixtures/deals.csv --as-of 2026-03-31 --period quarter --fiscal-year-start 4 --backtest';
    const start = readme.indexOf(`$ ${command}\n`);
    expect(start).toBeGreaterThan(0);
    const shown = readme.slice(start + command.length + 3, readme.indexOf('```', start));
    const r = await runCli(command.split(' ').slice(1));
    expect(r.stdout).toBe(shown);
  });
});
