import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../../src/engine/deal.js';
import { parseProbability, readDeals, type ReadDealsResult } from '../../src/ingest/deals.js';
import type { RowProblem } from '../../src/ingest/row-problem.js';

describe('parseProbability', () => {
  it('reads the number as written, in 1/10,000 units, and whether it had a % sign', () => {
    expect(parseProbability('75', false)).toEqual({ value: 750_000, percent: false });
    expect(parseProbability('75%', false)).toEqual({ value: 750_000, percent: true });
    expect(parseProbability('０.７５', false)).toEqual({ value: 7_500, percent: false }); // full-width
    expect(parseProbability('12,5', true)).toEqual({ value: 125_000, percent: false });
    expect(parseProbability('100', false)).toEqual({ value: 1_000_000, percent: false });
    expect(parseProbability('0', false)).toEqual({ value: 0, percent: false });
  });

  it('rejects what is not a number from 0 to 100', () => {
    for (const bad of ['abc', '-5', '100.01', '150', '', '75 %%', '1e2'])
      expect(parseProbability(bad, false)).toBeNull();
  });
});

async function read(csv: string): Promise<{ result: ReadDealsResult; deals: Deal[]; problems: RowProblem[][] }> {
  const deals: Deal[] = [];
  const problems: RowProblem[][] = [];
  const result = await readDeals(Readable.from([Buffer.from(csv)]), {
    file: 'deals.csv',
    onDeal: (d) => deals.push(d),
    onReject: (p) => problems.push(p),
  });
  return { result, deals, problems };
}

describe('pipeline columns', () => {
  it('decides percent or fraction over the whole file', async () => {
    // 0.5 alone would be a fraction; the 25 on the next line makes the file percentages.
    const r = await read('deal_id,stage,probability\nD1,Proposal,0.5\nD2,Qualification,25\nD3,Lead,\n');
    expect(r.result.probabilityScale).toBe('percent');
    expect(r.deals.map((d) => d.probability)).toEqual([5_000, 250_000, null]);
    const f = await read('deal_id,stage,probability\nD1,Proposal,0.5\nD2,Closed Won,1\n');
    expect(f.result.probabilityScale).toBe('fraction');
    const none = await read('deal_id,stage,probability\nD1,Proposal,\n');
    expect(none.result.probabilityScale).toBeNull();
    const pct = await read('deal_id,stage,probability\nD1,Proposal,1%\n');
    expect(pct.result.probabilityScale).toBe('percent');
    // A rejected row (no id) does not decide: 0.5 alone is a fraction.
    const rejected = await read('deal_id,stage,probability\n,Proposal,50\nD2,Proposal,0.5\n');
    expect(rejected.result.probabilityScale).toBe('fraction');
  });

  it('carries stage, expected close date, forecast category and lost stage', async () => {
    const r = await read(
      'deal_id,stage,amount,close_date,expected_close_date,forecast_category,lost_stage\n' +
        'D1,Proposal,10,,2025-06-30,Best Case,\n' +
        'D2,Closed Lost,5,2025-05-01,,Omitted,Qualification\n',
    );
    expect(r.result.hasForecastCategories).toBe(true);
    expect(r.deals.map((d) => [d.stage, d.expectedCloseDate, d.forecastCategory, d.lostStage])).toEqual([
      ['Proposal', 20269, 'Best Case', ''], // 2025-06-30 is day 20269 since 1970-01-01
      ['Closed Lost', null, 'Omitted', 'Qualification'],
    ]);
  });

  it('rejects a row whose probability is not a probability, naming line, column and value', async () => {
    const r = await read('deal_id,stage,probability\nD1,Proposal,high\nD2,Proposal,120\nD3,Proposal,60\n');
    expect(r.result).toMatchObject({ rows: 3, used: 1, rejected: 2 });
    expect(r.problems).toEqual([
      [{ code: 'bad_probability', file: 'deals.csv', line: 2, column: 'probability', value: 'high' }],
      [{ code: 'bad_probability', file: 'deals.csv', line: 3, column: 'probability', value: '120' }],
    ]);
  });
});
