import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDeal, createAggregate, type AggregateOptions, type DealAggregate } from '../../src/engine/aggregate.js';
import { createInputAggregates, type InputAggregates } from '../../src/engine/input-report.js';
import { buildReport, reportWindow } from '../../src/engine/report.js';
import { notesOf, readDeals, type DealsProfile, type ReadDealsResult } from '../../src/ingest/deals.js';
import type { RowProblem } from '../../src/ingest/row-problem.js';
import { partsFor, readDealsInParts, splitPoints } from '../../src/ingest/split-read.js';
import { ROOT } from '../helpers/run-cli.js';

// The parts are read by the built worker script (dist/ingest/deals-worker.js): `npm run check` builds first.
beforeAll(() => {
  if (!existsSync(resolve(ROOT, 'dist/ingest/deals-worker.js'))) {
    throw new Error('dist/ingest/deals-worker.js is missing: run `npm run build` before these tests');
  }
});

const OPTIONS: AggregateOptions = {
  calendar: { granularity: 'month', fiscalYearStart: 4 },
  by: ['owner', 'team'],
  window: null,
};

function fixture(name: string): string {
  return resolve(ROOT, 'fixtures', name);
}

/** The file read in one piece: result, notes, first rejected rows, aggregate. */
async function inOnePiece(name: string, profile: DealsProfile = {}) {
  const agg = createAggregate(OPTIONS);
  const rejected: RowProblem[][] = [];
  const read = await readDeals(createReadStream(fixture(name)), {
    file: name,
    profile,
    onDeal: (d) => addDeal(agg, d),
    onReject: (p) => {
      if (rejected.length < 10) rejected.push(p);
    },
  });
  return { read, notes: notesOf(read), rejected, agg };
}

const NONE = { activities: false, costs: false, surveys: false };

async function inParts(name: string, parts: number, profile: DealsProfile = {}) {
  const inputs: InputAggregates = createInputAggregates(OPTIONS, NONE);
  const split = await readDealsInParts({
    path: fixture(name),
    file: name,
    profile,
    parts,
    aggregates: [inputs],
    keepRejected: 10,
  });
  return split === null ? null : { ...split, notes: notesOf(split.read), agg: inputs.deals };
}

function report(agg: DealAggregate, read: ReadDealsResult) {
  const window = reportWindow(agg, null);
  if (window === null) throw new Error('no window');
  return buildReport(agg, { window, accounts: read.hasAccounts, amounts: read.hasAmounts });
}

describe('reading a deals file in parts', () => {
  it('cuts after the first line feed at or after each share of the bytes', () => {
    // The cut points are line starts, strictly inside the file and increasing.
    const points = splitPoints(fixture('deals.csv'), 3);
    expect(points).toHaveLength(2);
    const [a, b] = points as [number, number];
    expect(a).toBeLessThan(b);
  });

  it('asks for parts only for files of 32 MiB or more unless a number is given', () => {
    expect(partsFor('auto', 1000)).toBe(1);
    expect(partsFor(3, 1000)).toBe(3);
    expect(partsFor(1, 10 ** 9)).toBe(1);
    expect(partsFor('auto', 64 * 1024 * 1024)).toBeGreaterThanOrEqual(1);
  });

  it.each([2, 3, 5])('gives the same deals, counts and report as one piece (%i parts)', async (n) => {
    const one = await inOnePiece('deals.csv');
    const split = await inParts('deals.csv', n);
    expect(split?.parts).toBe(n);
    expect(split?.read).toEqual(one.read);
    expect(split?.agg.deals).toBe(200);
    expect(report(split!.agg, split!.read)).toEqual(report(one.agg, one.read));
  });

  it('numbers rejected rows by their line in the whole file', async () => {
    const one = await inOnePiece('deals-invalid-rows.csv');
    const split = await inParts('deals-invalid-rows.csv', 2);
    expect(split?.parts).toBe(2);
    expect(split?.read.rejected).toBe(12);
    expect(split?.rejected).toEqual(one.rejected);
    // Lines 3..12: the first ten of the file's twelve rejected rows (lines 3..14), whichever part read them.
    expect(split?.rejected.map((p) => p[0]?.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('keeps a detected preset, CP932 and the footer lines of the last part', async () => {
    const name = 'crm-salesforce-ja-cp932-with-footer.csv';
    const one = await inOnePiece(name);
    const split = await inParts(name, 2);
    expect(split?.parts).toBe(2);
    expect(split?.read).toEqual(one.read);
    expect(split?.read.encoding).toBe('cp932');
    expect(split?.read.preset).toBe('salesforce-ja');
    expect(split?.notes).toEqual(one.notes);
    expect(report(split!.agg, split!.read)).toEqual(report(one.agg, one.read));
  });

  it('gives up (the caller reads in one piece) when a cut falls inside a quoted field', async () => {
    // The middle of the file is inside D-6's 121-line quoted note: the first part ends inside quotes.
    expect(await inParts('deals-split-in-quoted-field.csv', 2)).toBeNull();
  });

  it('gives up when two parts hold the same deal id', async () => {
    // D-1 is on line 2 and again on line 42, in the other half.
    expect(await inParts('deals-duplicate-id-far-apart.csv', 2)).toBeNull();
  });

  it('gives up on UTF-16, which cannot be cut at a byte', async () => {
    expect(await inParts('crm-same-deals-utf16le-bom.csv', 2)).toBeNull();
  });

  it('gives up when the first part fails, leaving the aggregates untouched', async () => {
    const inputs = createInputAggregates(OPTIONS, NONE);
    const agg = inputs.deals;
    const split = await readDealsInParts({
      path: fixture('deals-missing-stage-column.csv'),
      file: 'deals-missing-stage-column.csv',
      profile: {},
      parts: 2,
      aggregates: [inputs],
      keepRejected: 10,
    });
    expect(split).toBeNull();
    expect(agg.deals).toBe(0);
  });
});
