import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

/*
 * fixtures/deals-abtest-pitch.csv (scripts/make-abtest-fixture.mjs), worked out by hand:
 *
 *   old: 48 won of 80 closed; amounts 24 × 1,000,000 and 24 × 1,200,000; ten cycles 11 9 10 11 10 12 9 11 12 9
 *   new: 56 won of 70 closed; amounts 28 × 1,000,000 and 28 × 1,400,000; ten cycles 11 13 10 13 12 9 11 12 12 11
 *   plus 3 open deals, 2 closed deals without a pitch (2025-03), and 2 "new" deals closed in December 2024
 *   (1 won: 5,000,000, cycle 9; 1 lost) — outside --from 2025-01-01.
 *
 * Win rates: new − old = 0.8 − 0.6 = 0.2, Newcombe (1998) example (a): 95% CI 0.0524 .. 0.3339.
 * z = 0.2 / √(104/150 × 46/150 × (1/70 + 1/80)) = 2.650172, p = 2Φ(−z) = 0.0080451.
 * Needed per arm: (1.959964 × √(2 × 0.7 × 0.3) + 0.841621 × √(0.6 × 0.4 + 0.8 × 0.2))² / 0.2² = 81.22 → 82 > 70.
 * Deal size: +100,000; SE = √(4×10¹⁰/55 + 10¹⁰/47) = 30,660.05; t = 3.261573; df = 83.5229; p = 0.0016052;
 *   t₀.₉₇₅ = 1.988776 → 39,024.04 .. 160,975.96 (t-distribution values by numerical integration, apart).
 * Cycle: +1; R's t.test of the two samples: t = 1.8325 (−1.8325 the other way), df = 17.9, p = 0.08356,
 *   CI −0.1469104 .. 2.1469104.
 */
const FILE = 'fixtures/deals-abtest-pitch.csv';
const IN_2025 = ['--from', '2025-01-01'];

const OLD = {
  variant: 'old',
  control: true,
  closed: 80,
  won: 48,
  lost: 32,
  // Wilson of 48/80 and 56/70, from the formula worked apart: 0.490455 .. 0.700382, 0.691834 .. 0.876953.
  win_rate: { value: 0.6, low: expect.closeTo(0.4904546500516039, 12), high: expect.closeTo(0.7003817240412905, 12) },
  avg_deal_size: { n: 48, value: 1_100_000, sd: 101_058.23 }, // 100,000 × √(48/47)
  sales_cycle_days_mean: { n: 10, value: 10.4, sd: expect.closeTo(Math.sqrt(12.4 / 9), 12) },
};
const NEW = {
  variant: 'new',
  control: false,
  closed: 70,
  won: 56,
  lost: 14,
  win_rate: { value: 0.8, low: expect.closeTo(0.6918335550374695, 12), high: expect.closeTo(0.8769526075163705, 12) },
  avg_deal_size: { n: 56, value: 1_200_000, sd: 201_809.99 }, // 200,000 × √(56/55)
  sales_cycle_days_mean: { n: 10, value: 11.4, sd: expect.closeTo(Math.sqrt(1.6), 12) },
};
const NEW_VS_OLD = {
  variant: 'new',
  control: 'old',
  win_rate: {
    difference: expect.closeTo(0.2, 12),
    low: expect.closeTo(0.0524, 4),
    high: expect.closeTo(0.3339, 4),
    z: expect.closeTo(2.6501719512585327, 10),
    pValue: expect.closeTo(0.00804508136819659, 10),
    significant: true,
    sampleSizePerArm: 82,
    underpowered: true,
  },
  avg_deal_size: {
    difference: 100_000,
    low: 39_024.04,
    high: 160_975.96,
    t: expect.closeTo(3.2615732526350727, 9),
    df: expect.closeTo(83.52288564482478, 9),
    pValue: expect.closeTo(0.0016051880566935722, 8),
    significant: true,
  },
  sales_cycle_days_mean: {
    difference: expect.closeTo(1, 12),
    low: expect.closeTo(-0.1469104, 6),
    high: expect.closeTo(2.1469104, 6),
    t: expect.closeTo(1.8325416653445787, 9),
    df: expect.closeTo(17.900310146211783, 9),
    pValue: expect.closeTo(0.08355979161928191, 7),
    significant: false,
  },
};

describe('salesmetrics abtest --format json', () => {
  it('gives the hand-computed test of the new pitch against the old one', async () => {
    const r = await runCli(['abtest', FILE, '--variant', 'pitch', '--control', 'old', ...IN_2025, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 1,
      window: { from: '2025-01-01', to: null },
      variant: 'pitch',
      control: 'old',
      confidence: 0.95,
      alpha: 0.05,
      power: 0.8,
      inputs: {
        deals: {
          path: FILE,
          rows: 157,
          used: 157,
          rejected: 0,
          encoding: 'utf8',
          preset: null,
          skipped: { title: 0, footer: 0 },
        },
      },
      // 150 tested + 3 open + 2 in December + 2 without a pitch = 157 used.
      deals: { tested: 150, open: 3, outsideWindow: 2, unassigned: 2 },
      currencies: ['JPY'],
      mixedCurrencies: false,
      arms: [OLD, NEW],
      comparisons: [NEW_VS_OLD],
      warnings: [
        {
          code: 'underpowered',
          variant: 'new',
          control: 'old',
          needed: 82,
          difference: expect.closeTo(0.2, 12),
          variantClosed: 70,
          controlClosed: 80,
        },
      ],
    });
  });

  it('keeps the key order stable', async () => {
    const r = await runCli(['abtest', FILE, '--variant', 'pitch', '--control', 'old', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & { comparisons: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual([
      'schemaVersion',
      'window',
      'variant',
      'control',
      'confidence',
      'alpha',
      'power',
      'inputs',
      'deals',
      'currencies',
      'mixedCurrencies',
      'arms',
      'comparisons',
      'warnings',
    ]);
    expect(Object.keys(doc.comparisons[0] ?? {})).toEqual([
      'variant',
      'control',
      'win_rate',
      'avg_deal_size',
      'sales_cycle_days_mean',
    ]);
  });

  it('without a window the December deals count: new has 57 won of 72 and a 5,000,000 deal', async () => {
    const r = await runCli(['abtest', FILE, '--variant', 'pitch', '--control', 'old', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as {
      window: unknown;
      deals: unknown;
      arms: { variant: string; closed: number; won: number; avg_deal_size: { n: number; value: number } }[];
    };
    expect(doc.window).toEqual({ from: null, to: null });
    expect(doc.deals).toEqual({ tested: 152, open: 3, outsideWindow: 0, unassigned: 2 });
    // (56 × 1,200,000 + 5,000,000) / 57 = 72,200,000 / 57 = 1,266,666.67
    expect(doc.arms.map((a) => [a.variant, a.closed, a.won, a.avg_deal_size.n, a.avg_deal_size.value])).toEqual([
      ['old', 80, 48, 48, 1_100_000],
      ['new', 72, 57, 57, 1_266_666.67],
    ]);
  });

  it('the default control is the first variant in text order ("new"), and the column is matched like a header', async () => {
    const r = await runCli(['abtest', FILE, '--variant', ' Pitch ', ...IN_2025, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { control: string; comparisons: { variant: string; win_rate: unknown }[] };
    expect(doc.control).toBe('new');
    // old − new: −0.2, Newcombe interval −0.3339 .. −0.0524, z −2.650172, same p; same sample size.
    expect(doc.comparisons[0]?.variant).toBe('old');
    expect(doc.comparisons[0]?.win_rate).toEqual({
      difference: expect.closeTo(-0.2, 12),
      low: expect.closeTo(-0.3339, 4),
      high: expect.closeTo(-0.0524, 4),
      z: expect.closeTo(-2.6501719512585327, 10),
      pValue: expect.closeTo(0.00804508136819659, 10),
      significant: true,
      sampleSizePerArm: 82,
      underpowered: true,
    });
  });

  it('reads standard input for -', async () => {
    const csv = readFileSync(FILE, 'utf8');
    const r = await runCli(['abtest', '-', '--variant', 'pitch', '--control', 'old', ...IN_2025, '--format', 'json'], {
      stdin: csv,
    });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { comparisons: unknown[] }).comparisons).toEqual([NEW_VS_OLD]);
  });
});

describe('salesmetrics abtest on a canonical column of the sample data', () => {
  it('--variant channel: inside 26 won of 45, outside 64 of 115 (counted from fixtures/deals.csv apart)', async () => {
    const r = await runCli(['abtest', 'fixtures/deals.csv', '--variant', 'channel', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      control: string;
      deals: unknown;
      arms: { variant: string; closed: number; won: number }[];
      comparisons: { win_rate: { difference: number; sampleSizePerArm: number } }[];
    };
    expect(doc.control).toBe('inside');
    expect(doc.deals).toEqual({ tested: 160, open: 40, outsideWindow: 0, unassigned: 0 });
    expect(doc.arms.map((a) => [a.variant, a.closed, a.won])).toEqual([
      ['inside', 45, 26],
      ['outside', 115, 64],
    ]);
    // 64/115 − 26/45 = 0.556522 − 0.577778 = −0.021256; a difference that small needs 8,529 deals per arm.
    expect(doc.comparisons[0]?.win_rate.difference).toBeCloseTo(-0.021256038647342934, 12);
    expect(doc.comparisons[0]?.win_rate.sampleSizePerArm).toBe(8529);
  });
});

describe('salesmetrics abtest on a CRM export', () => {
  it('--variant source reads a Salesforce export’s Lead Source through the preset', async () => {
    // Rows by hand: Web won 1, 4, 7 and lost 10 → 3/4; Trade Show lost 2, won 5 → 1/2;
    // Partner Referral won 3, lost 6 → 1/2; rows 8 and 9 are open.
    const file = 'fixtures/crm-salesforce-with-footer.csv';
    const r = await runCli(['abtest', file, '--variant', 'source', '--date-format', 'M/D/YYYY', '--control', 'Web']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '8 closed deals tested; left out: 2 open, 0 closed outside the window, 0 without a source',
    );
    expect(r.stdout).toContain('│ Web (control)    │      4 │   3 │    1 │    75.0% │');
    expect(r.stdout).toContain('│ Partner Referral │      2 │   1 │    1 │    50.0% │');
    // One won deal per arm but Web: no t-test for them, said plainly.
    expect(r.stdout).toContain(
      '- Trade Show has 1 won deal: its average deal size is not tested (a t-test needs two or more)',
    );
    expect(r.stdout).toContain(
      '- Trade Show has 1 won deal with a created date: its sales cycle is not tested (a t-test needs two or more)',
    );
    expect(r.stdout).toContain('│ Trade Show       │ Avg deal      │   -735,000 │                   — │       — │ —');
  });
});

describe('salesmetrics abtest --format table', () => {
  it('prints the variants, the comparisons and the warning, without colour off a terminal', async () => {
    const r = await runCli(['abtest', FILE, '--variant', 'pitch', '--control', 'old', ...IN_2025]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('A/B test by pitch, control old  (deals closed 2025-01-01 – …)');
    expect(lines[2]).toBe('150 closed deals tested; left out: 3 open, 2 closed outside the window, 2 without a pitch');
    // The figures of the JSON test, as people read them.
    expect(r.stdout).toContain(
      '│ old (control) │     80 │  48 │   32 │    60.0% │ 49.0% – 70.0% │ 1,100,000 │          10.4 │',
    );
    expect(r.stdout).toContain(
      '│ new     │ Win rate      │   +20.0 pp │       +5.2 pp – +33.4 pp │   0.008 │ significant     │             82 │',
    );
    expect(r.stdout).toContain(
      '│ new     │ Avg deal      │   +100,000 │ +39,024.04 – +160,975.96 │   0.002 │ significant     │                │',
    );
    expect(r.stdout).toContain(
      '│ new     │ Cycle avg (d) │       +1.0 │              -0.1 – +2.1 │   0.084 │ not significant │                │',
    );
    expect(r.stdout).toContain(
      '- new vs old is underpowered: detecting a 20.0-point difference in win rate with 80% power at α = 0.05 takes 82 closed deals per arm; new has 70, old 80.',
    );
    expect(r.stdout).toMatchSnapshot();
  });

  it('in Japanese: headings, verdicts and the warning; yen amounts', async () => {
    const r = await runCli(['abtest', FILE, '--variant', 'pitch', '--control', 'old', ...IN_2025, '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('A/B テスト: pitch 別（対照 old）（2025-01-01 〜 … にクローズした商談）');
    expect(r.stdout).toContain('old（対照）');
    expect(r.stdout).toContain('￥1,100,000');
    expect(r.stdout).toContain('有意差なし');
    expect(r.stdout).toContain('+20.0 pt');
    expect(r.stdout).toContain('各群 82 件のクローズ済み商談が必要ですが、new は 70 件、old は 80 件です');
  });

  it('colours a terminal', async () => {
    const r = await runCli(['abtest', FILE, '--variant', 'pitch', '--control', 'old'], { isTTY: true });
    expect(r.stdout).toContain('\u001b[1m');
  });
});

describe('salesmetrics abtest errors (exit 2)', () => {
  it.each([
    [
      ['--variant', 'pich'],
      "salesmetrics: fixtures/deals-abtest-pitch.csv: column `pich` (--variant) not found; found: deal_id, stage, amount, currency, created_date, close_date, pitch — did you mean `pitch`? --variant 'pitch'",
    ],
    [
      ['--variant', 'pitch', '--control', 'Old'],
      'salesmetrics: --control Old: no closed deal has pitch "Old"; values: new, old — did you mean old?',
    ],
    [
      ['--variant', 'pitch', '--to', '2024-12-31'],
      'salesmetrics: fixtures/deals-abtest-pitch.csv: the closed deals in the window have one value ("new") in column `pitch`; an A/B test compares two or more — check --variant, --from and --to',
    ],
    [
      ['--variant', 'currency'],
      'salesmetrics: fixtures/deals-abtest-pitch.csv: the closed deals have one value ("JPY") in column `currency`; an A/B test compares two or more — check --variant',
    ],
    [
      ['--variant', 'pitch', '--from', '2025-02-01', '--to', '2025-01-01'],
      'salesmetrics: --from is after --to; give a window with from ≤ to.',
    ],
    [[], "salesmetrics: required option '--variant <column>' not specified; see salesmetrics --help"],
  ])('%j', async (args, message) => {
    const r = await runCli(['abtest', FILE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message + '\n');
  });

  it('errors are JSON on stdout under --format json', async () => {
    const r = await runCli(['abtest', FILE, '--variant', 'pitch', '--control', 'Old', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 1,
      error: {
        kind: 'usage',
        code: 'unknown_control',
        message: '--control Old: no closed deal has pitch "Old"; values: new, old — did you mean old?',
      },
    });
  });

  it('in Japanese', async () => {
    const missing = await runCli(['abtest', FILE, '--variant', 'pich', '--lang', 'ja']);
    expect(missing.stderr).toBe(
      "salesmetrics: fixtures/deals-abtest-pitch.csv: 列 `pich`（--variant）が見つかりません。見つかった列: deal_id, stage, amount, currency, created_date, close_date, pitch — `pitch` のことですか？ --variant 'pitch'\n",
    );
    const control = await runCli(['abtest', FILE, '--variant', 'pitch', '--control', 'x', '--lang', 'ja']);
    expect(control.stderr).toBe(
      'salesmetrics: --control x: pitch が "x" のクローズ済み商談がありません。値: new, old\n',
    );
    const one = await runCli(['abtest', FILE, '--variant', 'currency', '--lang', 'ja']);
    expect(one.stderr).toBe(
      'salesmetrics: fixtures/deals-abtest-pitch.csv: クローズした商談の列 `currency` の値が 1 種類（"JPY"）だけです。A/B テストには 2 種類以上が必要です。--variant を確認してください\n',
    );
  });
});

describe('salesmetrics abtest --help', () => {
  it('lists the options with examples', async () => {
    const r = await runCli(['abtest', '--help']);
    expect(r.code).toBe(0);
    for (const option of [
      '--variant <column>',
      '--control <value>',
      '--from <date>',
      '--to <date>',
      '--format <format>',
      '--map <field=Header>',
      '--skip-invalid',
    ]) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toContain('$ salesmetrics abtest fixtures/deals.csv --variant channel --control inside');
  });

  it('is listed by salesmetrics --help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toMatch(/abtest \[options\] <file>\s+compare variants/);
  });
});

describe('start-up', () => {
  /** The project modules a source file imports as values (not `import type`), followed through. */
  function staticImports(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)';/gms)) {
      const spec = m[1] ?? '';
      if (spec.startsWith('.')) staticImports(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen);
      else seen.add(spec);
    }
    return seen;
  }

  it('the CLI loads the A/B test, its statistics and the @stdlib packages only when abtest runs', () => {
    const modules = [...staticImports(join(ROOT, 'src/cli/run.ts'))];
    expect(modules).toContain(join(ROOT, 'src/i18n/en.ts'));
    expect(modules.filter((m) => /abtest|cohorts|stats|@stdlib/.test(m))).toEqual([]);
    // The command reaches @stdlib through loadDistributions' dynamic import only.
    const command = [...staticImports(join(ROOT, 'src/cli/abtest-command.ts'))];
    expect(command).toContain(join(ROOT, 'src/engine/stats/distributions.ts'));
    expect(command.filter((m) => m.startsWith('@stdlib'))).toEqual([]);
  });
});
