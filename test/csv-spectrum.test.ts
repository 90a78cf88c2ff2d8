import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../src/ingest/csv-records.js';

/**
 * The csv-spectrum conformance suite (fixtures/csv-spectrum, see its
 * LICENSE-NOTE.md): each `csvs/NAME.csv`, read with the project's reader,
 * must give the rows of `json/NAME.json`, keyed by the header.
 */
const SPECTRUM = join(import.meta.dirname, '..', 'fixtures', 'csv-spectrum');

/**
 * Every case of csv-spectrum v2.0.0 but `location_coordinates`, whose JSON is
 * wrong upstream. Listed, so that a lost fixture fails instead of shrinking the suite.
 */
const CASES = [
  'comma_in_quotes',
  'empty',
  'empty_crlf',
  'escaped_quotes',
  'json',
  'newlines',
  'newlines_crlf',
  'quotes_and_newlines',
  'simple',
  'simple_crlf',
  'utf8',
];

/** Reads a CSV with `readCsv`: its header and its data records. */
async function readRecords(path: string): Promise<{ header: string[]; records: string[][] }> {
  const all: string[][] = [];
  await readCsv(createReadStream(path), basename(path), {
    record(fields) {
      all.push(fields);
    },
  });
  const [header = [], ...records] = all;
  return { header, records };
}

describe('csv-spectrum conformance', () => {
  it('has exactly the expected cases, each with its CSV and JSON', () => {
    const names = (dir: string, ext: string): string[] =>
      readdirSync(join(SPECTRUM, dir))
        .filter((f) => f.endsWith(ext))
        .map((f) => f.slice(0, -ext.length))
        .sort();
    expect(names('csvs', '.csv')).toEqual(CASES);
    expect(names('json', '.json')).toEqual(CASES);
  });

  it.each(CASES.filter((c) => c.endsWith('_crlf')))('%s.csv still has its CRLF line endings', (name) => {
    const text = readFileSync(join(SPECTRUM, 'csvs', `${name}.csv`), 'utf8');
    // Every line break is CRLF: a checkout that converted them would test LF twice.
    expect(text).toContain('\r\n');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  // `empty` / `empty_crlf` hold a row `1,"",""`: some fields empty, not all, so
  // readCsv's skipping of all-empty rows does not apply and the case is asserted in full.
  it.each(CASES)('%s.csv parses to json/%s.json', async (name) => {
    const expected: unknown = JSON.parse(readFileSync(join(SPECTRUM, 'json', `${name}.json`), 'utf8'));
    expect(Array.isArray(expected)).toBe(true);
    const { header, records } = await readRecords(join(SPECTRUM, 'csvs', `${name}.csv`));
    // A field past the header would be lost in the objects: every record has the header's width.
    for (const fields of records) expect(fields).toHaveLength(header.length);
    const rows = records.map((fields) => Object.fromEntries(header.map((h, i) => [h, fields[i]])));
    expect(rows).toEqual(expected);
  });
});
