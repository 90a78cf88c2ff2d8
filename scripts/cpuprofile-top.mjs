#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the
// most self time, and self time per package/file group.
//
// Usage: node scripts/cpuprofile-top.mjs FILE.cpuprofile [TOP=10]

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/cpuprofile-top.mjs FILE.cpuprofile [TOP=10]\n');
  process.exit(2);
}
const top = Number(topArg ?? 10);
const prof = JSON.parse(readFileSync(file, 'utf8'));

// Self time of a node = the sum of the time deltas of the samples taken in it.
const selfUs = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const id = prof.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const where = (url) => {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  return path.startsWith('/') ? relative(process.cwd(), path) : path;
};
const group = (url) => {
  const p = where(url);
  if (p === '') return '(native / V8)';
  const nm = p.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1];
  if (p.startsWith('node:')) return 'node: internals';
  return p;
};

const byFn = new Map();
const byGroup = new Map();
for (const node of prof.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  const cf = node.callFrame;
  const name = cf.functionName || '(anonymous)';
  const key = `${name} ${where(cf.url)}${cf.url ? `:${cf.lineNumber + 1}:${cf.columnNumber + 1}` : ''}`;
  byFn.set(key, (byFn.get(key) ?? 0) + us);
  const g = group(cf.url);
  byGroup.set(g, (byGroup.get(g) ?? 0) + us);
}

const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
process.stdout.write(`profile ${file}: ${(total / 1e6).toFixed(2)} s sampled, ${prof.samples.length} samples\n\n`);
process.stdout.write(`top ${top} functions by self time\n`);
[...byFn]
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)
  .forEach(([k, us], i) => process.stdout.write(`${String(i + 1).padStart(3)}. ${pct(us)} ${ms(us)}  ${k}\n`));
process.stdout.write('\nself time by file / package\n');
[...byGroup]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 15)
  .forEach(([k, us]) => process.stdout.write(`     ${pct(us)} ${ms(us)}  ${k}\n`));
