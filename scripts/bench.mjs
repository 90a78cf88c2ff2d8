#!/usr/bin/env node
// Benchmark of `salesmetrics report` against a raw csv-parse pass.
//
// Usage (after `npm run build`; `npm run bench` builds first):
//   node scripts/bench.mjs [--rows 1000000,3000000] [--quick] [--runs K|K1,K2,…]
//                          [--startup-runs M]
//
//   --rows LIST       deal counts to measure (default 1000000,3000000)
//   --quick           smoke run: rows 100000,300000
//   --runs K|LIST     timed repetitions per size; one number for every size or
//                     one per size (default: 3 for the first size, 1 for the others)
//   --startup-runs M  repetitions of the start-up measurement (default 15)
//   --activities [LIST]  instead: the activities check. Measures `report` of a
//                     100,000-deal file with `--activities` of each size in LIST
//                     (default 1000000,10000000 activity rows), one run each,
//                     and the growth of its peak RSS from the first size to the
//                     last (memory must not grow with activity rows)
//   --activities-deals M  deals in that check (default 100000)
//
// For each size N it generates bench-data/deals-N.csv with scripts/gen-deals.mjs
// (reused when bench-data/deals-N.csv.meta.json says it has N rows, the same
// size and was made by the same generator), then times, alternating the order
// on each repetition:
//   (a) baseline: node scripts/bench-baseline.mjs FILE  (csv-parse, counts rows)
//   (b) report:   node bin/salesmetrics.js report FILE --format json  (stdout discarded)
//                 (read in parts at once, --jobs auto; and again with --jobs 1, in one piece, for comparison)
// Both children are started with `--import scripts/bench-rss.mjs`, which prints
// process.resourceUsage().maxRSS (KiB) at exit, so both carry the same tiny
// overhead and the peak RSS needs no external tool.
// Start-up: `node bin/salesmetrics.js --version` vs `node -e 0`.
//
// Prints the medians, the ratios against the targets with PASS/FAIL, a summary
// table, and writes the same figures to bench-data/results.json. Exits 0 even
// when a target is missed (it is a measurement); exits 1 only when a run fails.

import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(ROOT, 'bench-data');
const GEN = resolve(ROOT, 'scripts/gen-deals.mjs');
const GEN_ACTIVITIES = resolve(ROOT, 'scripts/gen-activities.mjs');
const BASELINE = resolve(ROOT, 'scripts/bench-baseline.mjs');
const RSS_HOOK = pathToFileURL(resolve(ROOT, 'scripts/bench-rss.mjs')).href;
const CLI = resolve(ROOT, 'bin/salesmetrics.js');
const NODE = process.execPath;

const TARGETS = { ratio: 1.15, rssGrowthPct: 20, startupRatio: 1.7 };

// ------------------------------------------------------------- options ----
function parseArgs(argv) {
  const opts = {
    rows: [1_000_000, 3_000_000],
    runs: null,
    startupRuns: 15,
    quick: false,
    activities: null,
    activitiesDeals: 100_000,
  };
  const ints = (s, flag) => {
    const list = String(s ?? '')
      .split(',')
      .map((x) => Number(x.trim().replaceAll('_', '')));
    if (list.length === 0 || list.some((x) => !Number.isSafeInteger(x) || x <= 0)) {
      throw new Error(`${flag} takes positive integers separated by commas, got ${s}`);
    }
    return list;
  };
  let rowsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--rows':
        opts.rows = ints(value(), '--rows');
        rowsGiven = true;
        break;
      case '--quick':
        opts.quick = true;
        break;
      case '--runs':
        opts.runs = ints(value(), '--runs');
        break;
      case '--startup-runs':
        opts.startupRuns = ints(value(), '--startup-runs')[0];
        break;
      case '--activities': {
        const next = inline ?? argv[i + 1];
        if (next !== undefined && /^[\d_,]+$/.test(next)) {
          opts.activities = ints(next, '--activities');
          if (inline === undefined) i++;
        } else opts.activities = [1_000_000, 10_000_000];
        break;
      }
      case '--activities-deals':
        opts.activitiesDeals = ints(value(), '--activities-deals')[0];
        break;
      case '-h':
      case '--help':
        process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n\nimport')[0] + '\n');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[i]}; see --help`);
    }
  }
  if (opts.quick && !rowsGiven) opts.rows = [100_000, 300_000];
  const runs = opts.runs ?? opts.rows.map((_, i) => (i === 0 ? 3 : 1));
  if (runs.length !== 1 && runs.length !== opts.rows.length) {
    throw new Error(`--runs takes one number or one per size (${opts.rows.length})`);
  }
  opts.runs = opts.rows.map((_, i) => runs[runs.length === 1 ? 0 : i]);
  return opts;
}

// ------------------------------------------------------------- helpers ----
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 3) => (x === null || !Number.isFinite(x) ? x : Math.round(x * 10 ** d) / 10 ** d);
const fmt = (x, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(d));
const mark = (ok) => (ok === null ? 'n/a ' : ok ? 'PASS' : 'FAIL');
const intl = (x) => Math.round(x).toLocaleString('en-US');
const log = (s = '') => process.stdout.write(s + '\n');

/**
 * Runs `node ...args`; resolves with wall seconds, exit code, stdout (when
 * captured), stderr without the bench-rss.mjs lines, maxRSS in KiB and CPU
 * seconds (user + system; null without the bench-rss.mjs hook).
 */
function runNode(args, { captureStdout = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(NODE, args, { cwd: ROOT, stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      let maxRssKiB = null;
      let cpuSeconds = null;
      const stderr = err
        .replace(/^MAXRSS (\d+)\n/m, (_, kib) => {
          maxRssKiB = Number(kib);
          return '';
        })
        .replace(/^CPUTIME (\d+) (\d+)\n/m, (_, user, sys) => {
          cpuSeconds = (Number(user) + Number(sys)) / 1e6;
          return '';
        });
      resolvePromise({ seconds, code, signal, stdout: out, stderr, maxRssKiB, cpuSeconds });
    });
  });
}

function ensureOk(what, r) {
  if (r.code !== 0) {
    const why = r.signal ? `signal ${r.signal}` : `exit code ${r.code}`;
    throw new Error(`${what} failed (${why}):\n${r.stderr.trim().split('\n').slice(-20).join('\n')}`);
  }
}

/** Reads a file once so that every timed run starts with it in the page cache. */
function warmCache(file) {
  return new Promise((ok, fail) => {
    createReadStream(file, { highWaterMark: 1 << 22 })
      .on('data', () => {})
      .on('end', ok)
      .on('error', fail);
  });
}

const generatorId = (script = GEN) => createHash('sha256').update(readFileSync(script)).digest('hex').slice(0, 16);

/**
 * bench-data/deals-N.csv (or, with `what`, another generator's file, e.g.
 * activities-N.csv), generated unless a matching one is already there.
 */
async function dataFile(n, what = { prefix: 'deals', script: GEN, args: [] }) {
  const file = resolve(DATA, `${what.prefix}-${n}.csv`);
  const metaFile = `${file}.meta.json`;
  const gen = `${generatorId(what.script)}${what.args.length === 0 ? '' : ` ${what.args.join(' ')}`}`;
  if (existsSync(file) && existsSync(metaFile)) {
    try {
      const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
      if (meta.rows === n && meta.generator === gen && meta.bytes === statSync(file).size) {
        log(`  data: reusing ${relative(ROOT, file)} (${intl(n)} rows, ${fmt(meta.bytes / 1048576, 1)} MiB)`);
        return { file, bytes: meta.bytes, generated: false };
      }
    } catch {
      // unreadable metadata: regenerate
    }
  }
  log(`  data: generating ${relative(ROOT, file)} (${intl(n)} rows)…`);
  mkdirSync(DATA, { recursive: true });
  const r = await runNode([what.script, String(n), file, ...what.args]);
  ensureOk(`gen-${what.prefix}`, r);
  const bytes = statSync(file).size;
  writeFileSync(metaFile, JSON.stringify({ rows: n, bytes, generator: gen }, null, 2) + '\n');
  log(`  data: generated in ${fmt(r.seconds)} s (${fmt(bytes / 1048576, 1)} MiB)`);
  return { file, bytes, generated: true, genSeconds: r.seconds };
}

// ----------------------------------------------------------- measures ----
async function measureSize(n, runs) {
  log(`\n== ${intl(n)} deals, ${runs} run${runs === 1 ? '' : 's'} each (alternating baseline/report/--jobs 1) ==`);
  const data = await dataFile(n);
  await warmCache(data.file);
  const rel = relative(ROOT, data.file);
  const base = [];
  const rep = [];
  const baseline = async (i) => {
    const r = await runNode(['--import', RSS_HOOK, BASELINE, data.file], { captureStdout: true });
    ensureOk(`baseline run ${i + 1}`, r);
    const count = Number(r.stdout.trim());
    if (count !== n + 1) log(`  WARNING: baseline counted ${count} records, expected ${n + 1} (header + ${n})`);
    base.push(r);
    log(
      `  run ${i + 1}: baseline ${fmt(r.seconds)} s  (CPU ${fmt(r.cpuSeconds)} s, ${count} records, ` +
        `max RSS ${fmt(r.maxRssKiB / 1024, 0)} MB)`,
    );
  };
  const one = [];
  // The default run reads a large file in parts at once (--jobs auto); --jobs 1 reads it in one piece, for comparison.
  const reportWith = (extra, into, label) => async (i) => {
    const r = await runNode(['--import', RSS_HOOK, CLI, 'report', data.file, '--format', 'json', ...extra]);
    ensureOk(`${label} run ${i + 1} (node bin/salesmetrics.js report ${rel} --format json ${extra.join(' ')})`, r);
    if (r.stderr.trim() !== '') log(`  ${label} stderr: ${r.stderr.trim().split('\n')[0]}`);
    into.push(r);
    log(
      `  run ${i + 1}: ${label.padEnd(8)} ${fmt(r.seconds)} s  (CPU ${fmt(r.cpuSeconds)} s, max RSS ${fmt(r.maxRssKiB / 1024, 0)} MB)`,
    );
  };
  const report = reportWith([], rep, 'report');
  const onePiece = reportWith(['--jobs', '1'], one, 'jobs 1');
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await baseline(i);
      await report(i);
      await onePiece(i);
    } else {
      await onePiece(i);
      await report(i);
      await baseline(i);
    }
  }
  const oneS = median(one.map((r) => r.seconds));
  const oneRss = one.map((r) => r.maxRssKiB).filter((x) => x !== null);
  const baseS = median(base.map((r) => r.seconds));
  const repS = median(rep.map((r) => r.seconds));
  const rss = rep.map((r) => r.maxRssKiB).filter((x) => x !== null);
  const repRssMB = rss.length ? median(rss) / 1024 : null;
  const baseRss = base.map((r) => r.maxRssKiB).filter((x) => x !== null);
  const ratio = repS / baseS;
  const cpu = (rs) => (rs.every((r) => r.cpuSeconds !== null) ? median(rs.map((r) => r.cpuSeconds)) : null);
  const baseCpu = cpu(base);
  const repCpu = cpu(rep);
  const cpuRatio = baseCpu && repCpu !== null ? repCpu / baseCpu : null;
  const res = {
    rows: n,
    file: rel,
    fileMiB: round(data.bytes / 1048576, 1),
    runs,
    baselineSeconds: round(baseS),
    reportSeconds: round(repS),
    ratio: round(ratio),
    ratioTarget: TARGETS.ratio,
    ratioPass: ratio <= TARGETS.ratio,
    // CPU time (user + system) of the children: informational, less sensitive
    // than wall time to other load on the machine. Not a target.
    baselineCpuSeconds: round(baseCpu),
    reportCpuSeconds: round(repCpu),
    cpuRatio: round(cpuRatio),
    loadAvgAfter: loadavg().map((x) => round(x, 2)),
    reportRowsPerSecond: Math.round(n / repS),
    baselineRowsPerSecond: Math.round(n / baseS),
    reportPeakRssMB: round(repRssMB, 1),
    reportPeakRssMBMax: rss.length ? round(Math.max(...rss) / 1024, 1) : null,
    baselinePeakRssMB: baseRss.length ? round(median(baseRss) / 1024, 1) : null,
    baselineRunsSeconds: base.map((r) => round(r.seconds)),
    reportRunsSeconds: rep.map((r) => round(r.seconds)),
    reportRunsPeakRssMB: rep.map((r) => (r.maxRssKiB === null ? null : round(r.maxRssKiB / 1024, 1))),
    // The same report read in one piece (--jobs 1): informational.
    onePieceSeconds: round(oneS),
    onePieceRatio: round(oneS / baseS),
    onePiecePeakRssMB: oneRss.length ? round(median(oneRss) / 1024, 1) : null,
    onePieceRunsSeconds: one.map((r) => round(r.seconds)),
  };
  log(
    `  -> baseline ${fmt(baseS)} s | report ${fmt(repS)} s | ratio ${fmt(ratio, 3)} (target ≤ ${TARGETS.ratio}) ` +
      `${mark(res.ratioPass)} | ${intl(res.reportRowsPerSecond)} rows/s | peak RSS ${fmt(repRssMB, 1)} MB`,
  );
  log(
    `     one piece (--jobs 1, info): ${fmt(oneS)} s | ratio ${fmt(oneS / baseS, 3)} | peak RSS ${fmt(res.onePiecePeakRssMB, 1)} MB`,
  );
  log(
    `     CPU time (info): baseline ${fmt(baseCpu)} s | report ${fmt(repCpu)} s | ratio ${fmt(cpuRatio, 3)} | ` +
      `load average now ${res.loadAvgAfter.join(' ')}`,
  );
  return res;
}

async function measureStartup(runs) {
  log(`\n== start-up, ${runs} runs each (alternating) ==`);
  const bare = [];
  const cli = [];
  const once = async (args, into, what) => {
    const r = await runNode(args);
    ensureOk(what, r);
    if (into) into.push(r.seconds);
  };
  // Two untimed warm-ups each, so that file-system caches hold the modules.
  for (let i = 0; i < 2; i++) {
    await once(['-e', '0'], null, 'node -e 0');
    await once([CLI, '--version'], null, 'salesmetrics --version');
  }
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['bare', 'cli'] : ['cli', 'bare'];
    for (const w of order) {
      if (w === 'bare') await once(['-e', '0'], bare, 'node -e 0');
      else await once([CLI, '--version'], cli, 'salesmetrics --version');
    }
  }
  const bareS = median(bare);
  const cliS = median(cli);
  const ratio = cliS / bareS;
  const res = {
    runs,
    nodeSeconds: round(bareS, 4),
    cliSeconds: round(cliS, 4),
    ratio: round(ratio),
    ratioTarget: TARGETS.startupRatio,
    ratioPass: ratio <= TARGETS.startupRatio,
    nodeRunsSeconds: bare.map((x) => round(x, 4)),
    cliRunsSeconds: cli.map((x) => round(x, 4)),
  };
  log(
    `  -> node -e 0 ${fmt(bareS * 1000, 1)} ms | salesmetrics --version ${fmt(cliS * 1000, 1)} ms | ` +
      `ratio ${fmt(ratio, 3)} (target ≤ ${TARGETS.startupRatio}) ${mark(res.ratioPass)}`,
  );
  return res;
}

function environment() {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const status = git('status', '--porcelain', '--', 'src', 'bin', 'package.json');
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? null,
    cpus: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    loadAvgAtStart: loadavg().map((x) => round(x, 2)),
    gitCommit: git('rev-parse', '--short', 'HEAD'),
    sourceDirty: status === null ? null : status !== '',
  };
}

// ------------------------------------------------------- activities ----
/**
 * The activities check: `report DEALS --activities FILE --format json` for
 * each size, one run each, its time, rows per second (activity rows) and
 * peak RSS.
 */
async function measureActivities(sizes, dealsCount) {
  log(`\n== activities: ${sizes.map(intl).join(', ')} rows with ${intl(dealsCount)} deals, one run each ==`);
  const deals = await dataFile(dealsCount);
  const out = [];
  for (const n of sizes) {
    const data = await dataFile(n, { prefix: 'activities', script: GEN_ACTIVITIES, args: [String(dealsCount)] });
    await warmCache(data.file);
    const args = ['--import', RSS_HOOK, CLI, 'report', deals.file, '--activities', data.file, '--format', 'json'];
    const r = await runNode(args, { captureStdout: true });
    ensureOk(`report --activities (${relative(ROOT, data.file)})`, r);
    const json = JSON.parse(r.stdout);
    const read = json.inputs.activities;
    if (read.rows !== n || read.used + read.rejected !== read.rows) {
      throw new Error(
        `report read ${read.rows} activity rows (${read.used} used, ${read.rejected} rejected), expected ${n}`,
      );
    }
    const res = {
      activityRows: n,
      deals: dealsCount,
      file: relative(ROOT, data.file),
      fileMiB: round(data.bytes / 1048576, 1),
      seconds: round(r.seconds),
      cpuSeconds: round(r.cpuSeconds),
      activityRowsPerSecond: Math.round(n / r.seconds),
      peakRssMB: r.maxRssKiB === null ? null : round(r.maxRssKiB / 1024, 1),
      activities: json.totals.activities,
      activityHours: round(json.totals.activity_hours, 1),
    };
    log(
      `  ${intl(n)} activity rows (${fmt(res.fileMiB, 1)} MiB): ${fmt(res.seconds)} s (CPU ${fmt(res.cpuSeconds)} s), ` +
        `${intl(res.activityRowsPerSecond)} rows/s, peak RSS ${fmt(res.peakRssMB, 1)} MB`,
    );
    out.push(res);
  }
  return out;
}

async function mainActivities(opts, env) {
  const sizes = await measureActivities(opts.activities, opts.activitiesDeals);
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const growth =
    sizes.length >= 2 && first.peakRssMB && last.peakRssMB !== null
      ? round(((last.peakRssMB - first.peakRssMB) / first.peakRssMB) * 100, 1)
      : null;
  log('\n=== Summary: activities ===');
  log(
    table([
      ['activity rows', 'seconds', 'rows/s', 'peak RSS MB'],
      ...sizes.map((x) => [intl(x.activityRows), fmt(x.seconds), intl(x.activityRowsPerSecond), fmt(x.peakRssMB, 1)]),
    ]),
  );
  if (growth !== null) {
    log(
      `\npeak RSS ${intl(first.activityRows)} → ${intl(last.activityRows)} activity rows: ${fmt(first.peakRssMB, 1)} → ` +
        `${fmt(last.peakRssMB, 1)} MB = ${fmt(growth, 1)}% (target < ${TARGETS.rssGrowthPct}%) ${mark(growth < TARGETS.rssGrowthPct)}`,
    );
  }
  mkdirSync(DATA, { recursive: true });
  const file = resolve(DATA, 'results-activities.json');
  writeFileSync(
    file,
    JSON.stringify(
      { ...env, loadAvgAtEnd: loadavg().map((x) => round(x, 2)), sizes, rssGrowthPercent: growth },
      null,
      2,
    ) + '\n',
  );
  log(`results written to ${relative(ROOT, file)}`);
}

// ------------------------------------------------------------- output ----
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) =>
    r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${err.message}\n`);
    process.exit(2);
  }
  if (!existsSync(resolve(ROOT, 'dist/cli/main.js'))) {
    process.stderr.write('bench: dist/ is missing; run `npm run build` first (or `npm run bench`)\n');
    process.exit(1);
  }
  const env = environment();
  log(`salesmetrics benchmark — node ${env.node}, ${env.cpus} × ${env.cpu}, load ${env.loadAvgAtStart.join(' ')}`);
  if (opts.activities !== null) {
    await mainActivities(opts, env);
    return;
  }
  log(`sizes ${opts.rows.map(intl).join(', ')}; runs ${opts.runs.join(', ')}; start-up runs ${opts.startupRuns}`);

  const sizes = [];
  for (let i = 0; i < opts.rows.length; i++) sizes.push(await measureSize(opts.rows[i], opts.runs[i]));

  let growth = null;
  if (sizes.length >= 2) {
    const first = sizes[0];
    const last = sizes[sizes.length - 1];
    const pct =
      first.reportPeakRssMB && last.reportPeakRssMB !== null
        ? ((last.reportPeakRssMB - first.reportPeakRssMB) / first.reportPeakRssMB) * 100
        : null;
    growth = {
      fromRows: first.rows,
      toRows: last.rows,
      fromMB: first.reportPeakRssMB,
      toMB: last.reportPeakRssMB,
      percent: round(pct, 1),
      target: TARGETS.rssGrowthPct,
      pass: pct === null ? null : pct < TARGETS.rssGrowthPct,
    };
    log(
      `\nRSS growth ${intl(first.rows)} → ${intl(last.rows)}: ${fmt(first.reportPeakRssMB, 1)} → ` +
        `${fmt(last.reportPeakRssMB, 1)} MB = ${fmt(pct, 1)}% (target < ${TARGETS.rssGrowthPct}%) ${mark(growth.pass)}`,
    );
  }

  const startup = await measureStartup(opts.startupRuns);

  // ------------------------------------------------------------ summary ----
  log('\n=== Summary ===');
  const head = [
    'rows',
    'runs',
    'baseline s',
    'report s',
    'ratio',
    `≤${TARGETS.ratio}`,
    'report rows/s',
    'peak RSS MB',
    'CPU ratio (info)',
  ];
  log(
    table([
      head,
      ...sizes.map((s) => [
        intl(s.rows),
        s.runs,
        fmt(s.baselineSeconds),
        fmt(s.reportSeconds),
        fmt(s.ratio, 3),
        mark(s.ratioPass),
        intl(s.reportRowsPerSecond),
        fmt(s.reportPeakRssMB, 1),
        fmt(s.cpuRatio, 3),
      ]),
    ]),
  );
  log('');
  const checks = [
    ['check', 'value', 'target', 'result'],
    ...sizes.map((s) => [
      `report/baseline at ${intl(s.rows)}`,
      fmt(s.ratio, 3),
      `≤ ${TARGETS.ratio}`,
      mark(s.ratioPass),
    ]),
    ...(growth
      ? [
          [
            `peak RSS growth ${intl(growth.fromRows)} → ${intl(growth.toRows)}`,
            `${fmt(growth.percent, 1)}%`,
            `< ${TARGETS.rssGrowthPct}%`,
            mark(growth.pass),
          ],
        ]
      : []),
    ['start-up (--version / node -e 0)', fmt(startup.ratio, 3), `≤ ${TARGETS.startupRatio}`, mark(startup.ratioPass)],
  ];
  log(table(checks));
  const failed = checks.slice(1).filter((c) => c[3] === 'FAIL').length;
  log(
    failed === 0 ? '\nAll targets met.' : `\nFAIL: ${failed} target${failed === 1 ? '' : 's'} missed (see FAIL above).`,
  );
  log('(times are medians of wall-clock seconds; RSS is the peak resident set, MB = 2^20 bytes;');
  log(' CPU ratio = median user+system CPU seconds, report / baseline — informational, not a target)');
  const load = loadavg()[0];
  if (load > env.cpus) {
    log(
      `WARNING: the 1-minute load average is ${fmt(load)} on ${env.cpus} CPUs; wall times are noisy, compare CPU ratios`,
    );
  }

  const results = {
    ...env,
    loadAvgAtEnd: loadavg().map((x) => round(x, 2)),
    quick: opts.quick,
    targets: TARGETS,
    sizes,
    rssGrowth: growth,
    startup,
    targetsMissed: failed,
  };
  mkdirSync(DATA, { recursive: true });
  const out = resolve(DATA, 'results.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  log(`results written to ${relative(ROOT, out)}`);
}

main().catch((err) => {
  process.stderr.write(`bench: ${err?.message ?? err}\n`);
  process.exit(1);
});
