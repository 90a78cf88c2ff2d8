import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/*
 * The README's main command on the bundled sample (fixtures/deals.csv, activities.csv, costs.csv,
 * surveys.csv). The expected figures are recomputed here from the CSV files with plain code, apart
 * from the program: sums and counts over the rows, as docs/metrics.md defines them. Every date of the
 * sample lies in FY2024–FY2025 (2024-04-01 .. 2026-03-31), the report's window, so no row is cut off.
 */
const README_COMMAND = [
  'report',
  'fixtures/deals.csv',
  '--activities',
  'fixtures/activities.csv',
  '--costs',
  'fixtures/costs.csv',
  '--surveys',
  'fixtures/surveys.csv',
];

type Row = Record<string, string>;
const rows = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];
const count = <T>(xs: T[], f: (x: T) => boolean): number => xs.filter(f).length;

const deals = rows('fixtures/deals.csv');
const activities = rows('fixtures/activities.csv');
const costs = rows('fixtures/costs.csv');
const surveys = rows('fixtures/surveys.csv');

describe('the README main command on the sample data', () => {
  it('reads all four files, accounts for every row and agrees with sums recomputed from the files', async () => {
    const r = await runCli([...README_COMMAND, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as {
      window: { from: string; to: string };
      inputs: Record<string, { rows: number; used: number; rejected: number }>;
      totals: Record<string, number | null>;
    };
    expect(doc.window).toEqual({ from: '2024-04-01', to: '2026-03-31' });
    expect(Object.fromEntries(Object.entries(doc.inputs).map(([k, v]) => [k, [v.rows, v.used, v.rejected]]))).toEqual({
      deals: [deals.length, deals.length, 0],
      activities: [activities.length, activities.length, 0],
      costs: [costs.length, costs.length, 0],
      surveys: [surveys.length, surveys.length, 0],
    });
    const t = doc.totals;

    // Activities: counts by type, minutes → hours, appointments per call.
    const ofType = (type: string): number => count(activities, (a) => a.type === type);
    const minutes = activities.reduce((s, a) => s + Number(a.duration_minutes || 0), 0);
    const appointments = count(activities, (a) => a.outcome === 'appointment_set');
    expect(t.activities).toBe(activities.length);
    expect([
      t.activities_call,
      t.activities_email,
      t.activities_meeting,
      t.activities_visit,
      t.activities_video,
    ]).toEqual(['call', 'email', 'meeting', 'visit', 'video'].map(ofType));
    expect(t.activity_hours).toBeCloseTo(minutes / 60, 9);
    expect(t.appointments_set).toBe(appointments);
    expect(t.call_to_appointment_rate).toBe(appointments / ofType('call'));
    // Revenue per hour: the won deals' amounts (whole yen) × 60 / minutes (whole minutes), to the cent.
    const revenue = deals.filter((d) => d.stage === 'Closed Won').reduce((s, d) => s + Number(d.amount), 0);
    expect(t.revenue).toBe(revenue);
    expect(t.revenue_per_activity_hour).toBe(Math.round((revenue * 60 * 100) / minutes) / 100);

    // The funnel: deals that name an appointer and have a created date.
    const handed = deals.filter((d) => d.appointer !== '' && d.created_date !== '');
    expect([t.handoffs, t.handoffs_won, t.handoffs_lost, t.handoffs_open]).toEqual([
      handed.length,
      count(handed, (d) => d.stage === 'Closed Won'),
      count(handed, (d) => d.stage === 'Closed Lost'),
      count(handed, (d) => d.stage !== 'Closed Won' && d.stage !== 'Closed Lost'),
    ]);

    // Costs: sales and marketing, not other; CAC over the new customers of the report.
    const acquisition = costs.filter((c) => c.category !== 'other').reduce((s, c) => s + Number(c.amount), 0);
    expect(t.acquisition_cost).toBe(acquisition);
    expect(t.cac).toBe(Math.round((acquisition * 100) / (t.new_customers ?? NaN)) / 100);

    // Surveys: CSAT share of 4–5 and mean; NPS = % of 9–10 − % of 0–6.
    const csat = surveys.filter((s) => s.type === 'csat').map((s) => Number(s.score));
    const nps = surveys.filter((s) => s.type === 'nps').map((s) => Number(s.score));
    expect(t.survey_responses).toBe(surveys.length);
    expect(t.csat).toBe(count(csat, (x) => x >= 4) / csat.length);
    expect(t.csat_mean).toBeCloseTo(csat.reduce((s, x) => s + x, 0) / csat.length, 12);
    expect(t.nps).toBeCloseTo((100 * (count(nps, (x) => x >= 9) - count(nps, (x) => x <= 6))) / nps.length, 12);
  });

  it('the sample is consistent: every activity’s deal id and account are in deals.csv, every person in a team', () => {
    const ids = new Set(deals.map((d) => d.deal_id));
    const accounts = new Set(deals.map((d) => d.account_id));
    expect(activities.filter((a) => a.deal_id !== '' && !ids.has(a.deal_id))).toEqual([]);
    expect(activities.filter((a) => !accounts.has(a.account_id))).toEqual([]);
    expect(surveys.filter((s) => !accounts.has(s.account_id))).toEqual([]);
    const teams = new Set(deals.map((d) => d.team));
    expect(costs.filter((c) => c.team !== '' && !teams.has(c.team))).toEqual([]);
    // The appointers are the inside team: two who own no deal, and the two inside closers.
    expect([...new Set(deals.map((d) => d.appointer))].sort()).toEqual([
      '',
      'Kato',
      'Kobayashi',
      'Nakamura',
      'Yamamoto',
    ]);
  });
});
