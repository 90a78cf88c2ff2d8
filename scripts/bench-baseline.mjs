#!/usr/bin/env node
// Benchmark baseline: a raw csv-parse pass over FILE that only counts records.
// The same csv-parse options and the same streaming as the tool's reader
// (src/ingest/csv-records.ts), with nothing done per record but counting.
// Prints the number of records (header included).
//
// Usage: node scripts/bench-baseline.mjs FILE

import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/bench-baseline.mjs FILE\n');
  process.exit(2);
}

let n = 0;
const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
const input = createReadStream(file);
const fail = (err) => {
  process.stderr.write(`bench-baseline: ${err?.message ?? err}\n`);
  process.exit(1);
};
input.on('error', fail);
parser.on('error', fail);
parser.on('data', () => {
  n++;
});
parser.on('end', () => process.stdout.write(`${n}\n`));
input.pipe(parser);
