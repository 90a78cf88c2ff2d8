import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/*
 * fixtures/targets-funnel.yaml on fixtures/funnel-*.csv as of 2025-02-28 (the files are worked out in
 * test/cli/inputs.test.ts). KPI window 2025-01-01 .. 2025-02-28.
 *
 * KGI q1-revenue: 5,000 by 2025-03-31. Actual 1,650.50 (F1 1000, F3 400.50, F5 250).
 *   remaining 3,349.50; avg deal 1,650.50 / 3 = 550.17 (to the cent)
 *   deals to win ⌈334,950 / 55,017⌉ (cents) = ⌈6.088…⌉ = 7
 *   deals to close ⌈7 × (3 won + 1 lost) / 3⌉ = ⌈9.33…⌉ = 10
 *   remaining months after 02-28 through 03-31: March = 1
 *   meetings: 3 handoffs (F1, F2, F4), 2 closed (F1 won, F2 lost) → ⌈10 × 3 / 2⌉ = 15
 *   calls: 5 calls set 3 appointments → ⌈15 × 5 / 3⌉ = 25
 *   Kato: 2 of 3 handoffs → ⌈15 × 2 / 3⌉ = 10 meetings; his 3 calls set 2 → ⌈10 × 3 / 2⌉ = 15 calls
 *   Kobayashi: 1 of 3 → ⌈15 / 3⌉ = 5 meetings; 2 calls set 1 → ⌈5 × 2 / 1⌉ = 10 calls
 *
 * KPIs: cac ≤ 2,200 each month: Jan 2,100 pass, Feb 2,300 fail; csat 0.5 (min 0.4, warn below 0.6): warn;
 * handoff_win_rate ≥ 0.4 by appointer: '' no data (no handoff), Kato 0.5 pass, Kobayashi no data (F4
 * still open), when_missing pass; call_to_appointment_rate 3 / 5 = 0.6 ≥ 0.5: pass.
 */
const ARGS = [
  'check',
  'fixtures/funnel-deals.csv',
  '--targets',
  'fixtures/targets-funnel.yaml',
  '--as-of',
  '2025-02-28',
  '--activities',
  'fixtures/funnel-activities.csv',
  '--costs',
  'fixtures/funnel-costs.csv',
  '--surveys',
  'fixtures/funnel-surveys.csv',
];

interface CheckDoc {
  status: string;
  inputs: Record<string, { rows: number; used: number; rejected: number }>;
  kgis: { id: string; status: string; plan: Record<string, unknown> }[];
  kpis: {
    id: string;
    group: string | null;
    period: string | null;
    actual: number | null;
    status: string;
    severity: string;
  }[];
}

describe('salesmetrics check on the metrics of activities, costs, surveys and handoffs', () => {
  it('KPIs on the new metrics, and the plan down to meetings and calls per appointer', async () => {
    const r = await runCli([...ARGS, '--format', 'json']);
    expect(r.code).toBe(1); // the February CAC fails
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as CheckDoc;
    expect(Object.keys(doc.inputs)).toEqual(['deals', 'activities', 'costs', 'surveys']);
    expect(doc.kpis.map((k) => [k.id, k.group, k.period, k.actual, k.status, k.severity])).toEqual([
      ['cac', null, '2025-01', 2100, 'pass', 'pass'],
      ['cac', null, '2025-02', 2300, 'fail', 'fail'],
      ['csat', null, null, 0.5, 'warn', 'warn'],
      ['handoff-win-rate', '', null, null, 'no_data', 'pass'],
      ['handoff-win-rate', 'Kato', null, 0.5, 'pass', 'pass'],
      ['handoff-win-rate', 'Kobayashi', null, null, 'no_data', 'pass'],
      ['appointments-per-call', null, null, 0.6, 'pass', 'pass'],
    ]);
    const kgi = doc.kgis[0];
    expect(kgi?.status).toBe('behind');
    expect(kgi?.plan).toEqual({
      remaining: 3349.5,
      avgDealSize: 550.17,
      winRate: 0.75,
      dealsToWin: 7,
      dealsToClose: 10,
      remainingMonths: 1,
      dealsToWinPerMonth: 7,
      dealsToClosePerMonth: 10,
      reasons: [],
      meetings: {
        handoffs: 3,
        handoffsClosed: 2,
        meetingsNeeded: 15,
        meetingsNeededPerMonth: 15,
        callToAppointmentRate: 0.6,
        callsNeeded: 25,
        callsNeededPerMonth: 25,
        byAppointer: [
          {
            appointer: 'Kato',
            handoffs: 2,
            meetingsNeeded: 10,
            meetingsNeededPerMonth: 10,
            callToAppointmentRate: 2 / 3,
            callsNeeded: 15,
            callsNeededPerMonth: 15,
          },
          {
            appointer: 'Kobayashi',
            handoffs: 1,
            meetingsNeeded: 5,
            meetingsNeededPerMonth: 5,
            callToAppointmentRate: 0.5,
            callsNeeded: 10,
            callsNeededPerMonth: 10,
          },
        ],
        reasons: [],
      },
    });
  });

  it('prints the plan’s meetings and calls under the KGI', async () => {
    const r = await runCli(ARGS);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.slice(3, 7)).toEqual([
      'WARN q1-revenue Q1 revenue 5,000: revenue 1,650.50 of 5,000 (33.0%), elapsed 65.6%, pace 3,277.78, projection 2,517.71 — behind (2025-01-01 – 2025-03-31)',
      '    plan: remaining 3,349.50 → 7 deals to win at avg 550.17 → 10 deals to close at win rate 75.0% → per month over 1: 7 to win, 10 to close',
      '    meetings: 15 meetings to hand over (2 of 3 handoffs closed) → 25 calls at 60.0% appointments per call → per month over 1: 15 meetings, 25 calls',
      '    meetings: per appointer: Kato 10 meetings, 15 calls (10, 15 a month); Kobayashi 5 meetings, 10 calls (5, 10 a month)',
    ]);
    const md = await runCli([...ARGS, '--format', 'markdown']);
    expect(md.stdout).toContain(
      'meetings: 15 meetings to hand over (2 of 3 handoffs closed) → 25 calls at 60.0% appointments per call → per month over 1: 15 meetings, 25 calls',
    );
  });

  it('without --activities the calls are unknown, and said why; without --costs the CAC KPI has no data, with a warning', async () => {
    const r = await runCli([
      'check',
      'fixtures/funnel-deals.csv',
      '--targets',
      'fixtures/targets-funnel.yaml',
      '--as-of',
      '2025-02-28',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1); // cac and csat and call_to_appointment_rate: no data, counted as fail
    expect(r.stderr).toBe(
      [
        'salesmetrics: warning: fixtures/targets-funnel.yaml: kpis[0] (cac) needs --costs FILE; it has no data',
        'salesmetrics: warning: fixtures/targets-funnel.yaml: kpis[1] (csat) needs --surveys FILE; it has no data',
        'salesmetrics: warning: fixtures/targets-funnel.yaml: kpis[3] (call_to_appointment_rate) needs --activities FILE; it has no data',
        '',
      ].join('\n'),
    );
    const doc = JSON.parse(r.stdout) as CheckDoc;
    expect(doc.kpis.filter((k) => k.id === 'cac').map((k) => k.status)).toEqual(['no_data', 'no_data']);
    expect(doc.kgis[0]?.plan.meetings).toMatchObject({
      meetingsNeeded: 15,
      callsNeeded: null,
      callToAppointmentRate: null,
      reasons: ['no activities file, so the calls per appointment are unknown'],
    });
  });

  it('without --activities the plan line gives the meetings alone', async () => {
    const r = await runCli([
      'check',
      'fixtures/funnel-deals.csv',
      '--targets',
      'fixtures/targets-funnel.yaml',
      '--as-of',
      '2025-02-28',
    ]);
    const lines = r.stdout.split('\n');
    expect(lines.slice(5, 7)).toEqual([
      '    meetings: 15 meetings to hand over (2 of 3 handoffs closed) → per month over 1: 15 meetings',
      '    meetings: per appointer: Kato 10 meetings (10 a month); Kobayashi 5 meetings (5 a month)',
    ]);
  });

  it('a deals file without an appointer column: no meetings in the plan, and the funnel KPI has no data', async () => {
    const r = await runCli([
      'check',
      'fixtures/deals-small.csv',
      '--targets',
      'fixtures/targets-funnel.yaml',
      '--as-of',
      '2025-02-28',
      '--format',
      'json',
    ]);
    const doc = JSON.parse(r.stdout) as CheckDoc;
    expect(doc.kgis[0]?.plan).not.toHaveProperty('meetings');
    expect(r.stderr).toContain(
      'kpis[2] (handoff_win_rate) needs an appointer column in the deals file; it has no data',
    );
  });
});
