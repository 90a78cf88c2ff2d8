import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/*
 * The fixtures/funnel-*.csv files, worked out by hand.
 *
 * Deals (fixtures/funnel-deals.csv):
 *   F1 won  1000    created 01-06 closed 01-27  A1 Sato Field  (no channel)  appointer Kato       cycle 21
 *   F2 lost (empty) created 01-08 closed 02-10  A2 Sato Field  (no channel)  appointer Kato
 *   F3 won   400.50 created 01-15 closed 02-14  A3 Ito  Inside inside                             cycle 30
 *   F4 open  300    created 02-03               A4 Sato Field  (no channel)  appointer Kobayashi
 *   F5 won   250    created 02-05 closed 02-26  A1 Ito  Inside (no channel)                       cycle 21
 *
 * Activities (fixtures/funnel-activities.csv):
 *   01-02 Kato      call   10    F1 no_answer
 *   01-03 Kato      call   12.5  F1 appointment_set
 *   01-06 Kato      call    5    F2 appointment_set
 *   01-10 Sato      visit  90    F1                  → F1 is outside
 *   01-20 Sato      email   —    F2                  (F2: calls and an e-mail → inside)
 *   01-28 Kobayashi call    7.5  —  appointment_set
 *   02-03 Sato      meeting 60   F4                  → F4 is outside
 *   02-10 Ito       video  30    F3
 *   02-12 Kobayashi call    4    —  connected
 *   F5 has no activity and no channel → inside.
 *
 * Costs (fixtures/funnel-costs.csv): Jan sales 1200 Field/outside, 600 Inside/inside, marketing 300 (no
 * team)/inside; Feb sales 1200 Field/outside, 600 Inside/inside, marketing 500 (no team, no channel),
 * other 100 (not acquisition cost).
 *
 * Surveys (fixtures/funnel-surveys.csv), all in February: CSAT 5 (Sato), 3 (Ito); NPS 9 (Sato), 6 (Ito), 10 (Sato).
 *
 * Window: the earliest date is the cost month 2025-01 (01-01), the latest the survey of 02-27:
 * 2025-01-01 .. 2025-02-28.
 */
const FILES = [
  'fixtures/funnel-deals.csv',
  '--activities',
  'fixtures/funnel-activities.csv',
  '--costs',
  'fixtures/funnel-costs.csv',
  '--surveys',
  'fixtures/funnel-surveys.csv',
];

const JAN = {
  revenue: 1000,
  deals_won: 1,
  deals_lost: 0,
  deals_open: 2, // F2 (closes 02-10, amount 0), F3 (closes 02-14)
  pipeline_value: 400.5,
  win_rate: 1,
  avg_deal_size: 1000,
  sales_cycle_days_mean: 21,
  sales_cycle_days_median: 21,
  new_customers: 1, // A1
  customer_retention_rate: null, // nobody bought in December
  handoffs: 2, // F1, F2
  handoffs_won: 1,
  handoffs_lost: 1,
  handoffs_open: 0,
  handoff_win_rate: 0.5,
  handoff_revenue: 1000,
  activities: 6,
  activities_call: 4,
  activities_email: 1,
  activities_meeting: 0,
  activities_visit: 1,
  activities_video: 0,
  activities_other: 0,
  activity_hours: 125 / 60, // 10 + 12.5 + 5 + 90 + 0 + 7.5 = 125 min
  appointments_set: 3,
  call_to_appointment_rate: 0.75, // 3 / 4 calls
  revenue_per_activity_hour: 480, // 1000 × 60 / 125
  activity_hours_per_won_deal: 125 / 60,
  acquisition_cost: 2100, // 1200 + 600 + 300
  cac: 2100, // one new customer
  survey_responses: 0,
  csat: null,
  csat_mean: null,
  nps: null,
};
const FEB = {
  revenue: 650.5, // F3 400.50 + F5 250
  deals_won: 2,
  deals_lost: 1, // F2
  deals_open: 1, // F4
  pipeline_value: 300,
  win_rate: 2 / 3,
  avg_deal_size: 325.25,
  sales_cycle_days_mean: 25.5, // (30 + 21) / 2
  sales_cycle_days_median: 25.5,
  new_customers: 1, // A3 (A1's F5 is a repeat)
  customer_retention_rate: 1, // A(Jan) = {A1}; A1 bought again
  handoffs: 1, // F4
  handoffs_won: 0,
  handoffs_lost: 0,
  handoffs_open: 1,
  handoff_win_rate: null,
  handoff_revenue: 0,
  activities: 3, // meeting, video, call
  activities_call: 1,
  activities_email: 0,
  activities_meeting: 1,
  activities_visit: 0,
  activities_video: 1,
  activities_other: 0,
  activity_hours: 94 / 60, // 60 + 30 + 4
  appointments_set: 0,
  call_to_appointment_rate: 0,
  revenue_per_activity_hour: 415.21, // 650.50 × 60 / 94 = 39030 / 94 = 415.2127…
  activity_hours_per_won_deal: 94 / 60 / 2,
  acquisition_cost: 2300, // 1200 + 600 + 500; the 100 of other costs is left out
  cac: 2300,
  survey_responses: 5,
  csat: 0.5, // 5 of (5, 3)
  csat_mean: 4,
  nps: 100 / 3, // promoters 9, 10; detractor 6: (2 − 1) / 3
};
const TOTALS = {
  revenue: 1650.5,
  deals_won: 3,
  deals_lost: 1,
  deals_open: 1,
  pipeline_value: 300,
  win_rate: 0.75,
  avg_deal_size: 550.17, // 1650.50 / 3 = 550.1666…
  sales_cycle_days_mean: 24, // (21 + 30 + 21) / 3
  sales_cycle_days_median: 21,
  new_customers: 2,
  customer_retention_rate: null, // Nov–Dec 2024: nobody
  handoffs: 3,
  handoffs_won: 1,
  handoffs_lost: 1,
  handoffs_open: 1,
  handoff_win_rate: 0.5,
  handoff_revenue: 1000,
  activities: 9,
  activities_call: 5,
  activities_email: 1,
  activities_meeting: 1,
  activities_visit: 1,
  activities_video: 1,
  activities_other: 0,
  activity_hours: 3.65, // 219 min
  appointments_set: 3,
  call_to_appointment_rate: 0.6,
  revenue_per_activity_hour: 452.19, // 1650.50 × 60 / 219 = 99030 / 219 = 452.1917…
  activity_hours_per_won_deal: 3.65 / 3,
  acquisition_cost: 4400,
  cac: 2200, // 4400 / 2
  survey_responses: 5,
  csat: 0.5,
  csat_mean: 4,
  nps: 100 / 3,
};

const CANONICAL = { encoding: 'utf8', preset: null, skipped: { title: 0, footer: 0 } };
const INPUTS = {
  deals: { path: 'fixtures/funnel-deals.csv', rows: 5, used: 5, rejected: 0, ...CANONICAL },
  activities: { path: 'fixtures/funnel-activities.csv', rows: 9, used: 9, rejected: 0, encoding: 'utf8' },
  costs: { path: 'fixtures/funnel-costs.csv', rows: 7, used: 7, rejected: 0, encoding: 'utf8' },
  surveys: { path: 'fixtures/funnel-surveys.csv', rows: 5, used: 5, rejected: 0, encoding: 'utf8' },
};

interface Doc {
  totals: Record<string, number | null>;
  groups: { by: string; key: string; totals: Record<string, number | null> }[];
  handoffMatrix?: unknown;
}

describe('salesmetrics report with activities, costs and surveys', () => {
  it('gives the hand-computed metrics of every input, in totals and periods', async () => {
    const r = await runCli(['report', ...FILES, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 1,
      window: { from: '2025-01-01', to: '2025-02-28' },
      granularity: 'month',
      fiscalYearStart: 1,
      inputs: INPUTS,
      currencies: [],
      mixedCurrencies: false,
      totals: TOTALS,
      periods: [
        { period: '2025-01', from: '2025-01-01', to: '2025-01-31', metrics: JAN },
        { period: '2025-02', from: '2025-02-01', to: '2025-02-28', metrics: FEB },
      ],
      groups: [],
    });
  });

  it('--by channel: a deal without a channel is outside when an activity about it was a visit or meeting', async () => {
    const r = await runCli(['report', ...FILES, '--format', 'json', '--by', 'channel']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.totals).toEqual(TOTALS);
    expect(doc.groups.map((g) => [g.by, g.key])).toEqual([
      ['channel', 'inside'], // F2, F3, F5
      ['channel', 'outside'], // F1, F4
    ]);
    expect(doc.groups[0]?.totals).toEqual({
      revenue: 650.5,
      deals_won: 2,
      deals_lost: 1,
      deals_open: 0,
      pipeline_value: 0,
      win_rate: 2 / 3,
      avg_deal_size: 325.25,
      sales_cycle_days_mean: 25.5,
      sales_cycle_days_median: 25.5,
      new_customers: 1, // A3; A1's first won deal (F1) is outside
      customer_retention_rate: null,
      handoffs: 1, // F2
      handoffs_won: 0,
      handoffs_lost: 1,
      handoffs_open: 0,
      handoff_win_rate: 0,
      handoff_revenue: 0,
      // Inside activities: the 5 calls, the e-mail, the video call: 10 + 12.5 + 5 + 7.5 + 4 + 30 = 69 min.
      activities: 7,
      activities_call: 5,
      activities_email: 1,
      activities_meeting: 0,
      activities_visit: 0,
      activities_video: 1,
      activities_other: 0,
      activity_hours: 1.15,
      appointments_set: 3,
      call_to_appointment_rate: 0.6,
      revenue_per_activity_hour: 565.65, // 650.50 × 60 / 69 = 565.652…
      activity_hours_per_won_deal: 0.575,
      acquisition_cost: 1500, // 600 + 300 + 600
      cac: 1500,
      survey_responses: null, // responses name no channel
      csat: null,
      csat_mean: null,
      nps: null,
    });
    expect(doc.groups[1]?.totals).toEqual({
      revenue: 1000,
      deals_won: 1,
      deals_lost: 0,
      deals_open: 1, // F4
      pipeline_value: 300,
      win_rate: 1,
      avg_deal_size: 1000,
      sales_cycle_days_mean: 21,
      sales_cycle_days_median: 21,
      new_customers: 1, // A1
      customer_retention_rate: null,
      handoffs: 2, // F1 won, F4 open
      handoffs_won: 1,
      handoffs_lost: 0,
      handoffs_open: 1,
      handoff_win_rate: 1,
      handoff_revenue: 1000,
      activities: 2, // the visit and the meeting: 150 min
      activities_call: 0,
      activities_email: 0,
      activities_meeting: 1,
      activities_visit: 1,
      activities_video: 0,
      activities_other: 0,
      activity_hours: 2.5,
      appointments_set: 0,
      call_to_appointment_rate: null,
      revenue_per_activity_hour: 400,
      activity_hours_per_won_deal: 2.5,
      acquisition_cost: 2400, // 1200 + 1200; the February 500 names no channel: totals only
      cac: 2400,
      survey_responses: null,
      csat: null,
      csat_mean: null,
      nps: null,
    });
  });

  it('without --activities a deal without a channel stays in the group ""', async () => {
    const r = await runCli(['report', 'fixtures/funnel-deals.csv', '--format', 'json', '--by', 'channel']);
    const doc = JSON.parse(r.stdout) as Doc;
    // F1, F2, F4, F5 name no channel; F3 is inside.
    expect(doc.groups.map((g) => [g.key, g.totals.deals_won, g.totals.deals_lost, g.totals.deals_open])).toEqual([
      ['', 2, 1, 1],
      ['inside', 1, 0, 0],
    ]);
    // The deals name appointers: the funnel is there, the other inputs' metrics are not.
    expect(doc.totals.handoffs).toBe(3);
    expect(doc.totals).not.toHaveProperty('activities');
    expect(doc.totals).not.toHaveProperty('cac');
    expect(doc.totals).not.toHaveProperty('nps');
  });

  it('--by appointer: the funnel per appointer, their own activities, and each appointer × owner pair', async () => {
    const r = await runCli(['report', ...FILES, '--format', 'json', '--by', 'appointer']);
    const doc = JSON.parse(r.stdout) as Doc;
    const pick = (key: string): (number | null | undefined)[] => {
      const t = doc.groups.find((g) => g.key === key)?.totals ?? {};
      return [
        t.deals_won,
        t.handoffs,
        t.handoffs_won,
        t.handoffs_lost,
        t.handoff_win_rate,
        t.activities_call,
        t.appointments_set,
        t.acquisition_cost,
      ];
    };
    // '' : F3, F5 (won, no handoff); no activity is anyone's without a name; costs carry no appointer.
    expect(pick('')).toEqual([2, 0, 0, 0, null, 0, 0, null]);
    // Kato: F1 won, F2 lost; his 3 calls, 2 appointments.
    expect(pick('Kato')).toEqual([1, 2, 1, 1, 0.5, 3, 2, null]);
    // Kobayashi: F4 open; 2 calls, 1 appointment.
    expect(pick('Kobayashi')).toEqual([0, 1, 0, 0, null, 2, 1, null]);
    // Sato and Ito did activities but set no meeting of these deals: no appointer group.
    expect(doc.groups.map((g) => g.key)).toEqual(['', 'Kato', 'Kobayashi']);
    expect(doc.handoffMatrix).toEqual([
      { appointer: 'Kato', owner: 'Sato', handoffs: 2, won: 1, lost: 1, open: 0, handoff_win_rate: 0.5, revenue: 1000 },
      {
        appointer: 'Kobayashi',
        owner: 'Sato',
        handoffs: 1,
        won: 0,
        lost: 0,
        open: 1,
        handoff_win_rate: null,
        revenue: 0,
      },
    ]);
  });

  it('--by owner: people with activities but no deal get their own row', async () => {
    const r = await runCli(['report', ...FILES, '--format', 'json', '--by', 'owner']);
    const doc = JSON.parse(r.stdout) as Doc;
    const rows = doc.groups.map((g) => [g.key, g.totals.deals_won, g.totals.activities, g.totals.activity_hours]);
    expect(rows).toEqual([
      ['Ito', 2, 1, 0.5], // video 30 min
      ['Kato', 0, 3, 27.5 / 60],
      ['Kobayashi', 0, 2, 11.5 / 60],
      ['Sato', 1, 3, 2.5], // visit 90 + e-mail + meeting 60
    ]);
  });

  it('prints a table per input, the inside vs outside comparison and the costs footnote', async () => {
    const r = await runCli(['report', ...FILES, '--by', 'channel']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });

  it('prints the appointer × owner matrix as won / handed over', async () => {
    const r = await runCli(['report', ...FILES, '--by', 'appointer']);
    const matrix = r.stdout.slice(r.stdout.indexOf('Handoffs by appointer × owner'));
    expect(matrix).toBe(
      [
        'Handoffs by appointer × owner (won / handed over)',
        '┌───────────────────┬──────┬───────┐',
        '│ Appointer \\ Owner │ Sato │ Total │',
        '├───────────────────┼──────┼───────┤',
        '│ Kato              │  1/2 │   1/2 │',
        '│ Kobayashi         │  0/1 │   0/1 │',
        '└───────────────────┴──────┴───────┘',
        '',
      ].join('\n'),
    );
  });

  it('CSV has a column per metric of every input', async () => {
    const r = await runCli(['report', ...FILES, '--format', 'csv']);
    const [head, , , total] = r.stdout.split('\n');
    expect(head?.split(',').slice(5)).toEqual(Object.keys(TOTALS));
    expect(total).toBe(
      ',,total,2025-01-01,2025-02-28,1650.5,3,1,1,300,0.75,550.17,24,21,2,,3,1,1,1,0.5,1000,9,5,1,1,1,1,0,3.65,3,0.6,452.19,1.2166666666666666,4400,2200,5,0.5,4,33.333333333333336',
    );
  });
});

describe('rows of the other inputs are accounted for like deals', () => {
  const tempDir = (): string => mkdtempSync(join(tmpdir(), 'salesmetrics-inputs-'));

  it('invalid activity rows: file, line, column, value and the fix; exit 2', async () => {
    const r = await runCli([
      'report',
      'fixtures/funnel-deals.csv',
      '--activities',
      'fixtures/activities-invalid-rows.csv',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'fixtures/activities-invalid-rows.csv:3: column date: "2025-02-30" is not a date (YYYY-MM-DD)',
        'fixtures/activities-invalid-rows.csv:4: column type: "fax" is not one of call, email, meeting, visit, video, other; map it in salesmetrics.config.yaml: activities: { types: { "fax": <call|email|meeting|visit|video|other> } }',
        'fixtures/activities-invalid-rows.csv:5: column duration_minutes: "-5" is not a number of minutes (like 30 or 12.5, not negative)',
        'fixtures/activities-invalid-rows.csv:6: column owner: empty; every activity needs an owner',
        'fixtures/activities-invalid-rows.csv:7: column channel: "remote" is not one of inside, outside; map it in salesmetrics.config.yaml: activities: { channels: { "remote": <inside|outside> } }',
        'salesmetrics: fixtures/activities-invalid-rows.csv: 5 invalid rows; fix them, or pass --skip-invalid to leave them out',
        '',
      ].join('\n'),
    );
  });

  it('--skip-invalid and --rejects: rows = used + rejected, rejected rows written next to the deals’ rejects', async () => {
    const dir = tempDir();
    const rejects = join(dir, 'rejected.csv');
    const r = await runCli([
      'report',
      'fixtures/funnel-deals.csv',
      '--activities',
      'fixtures/activities-invalid-rows.csv',
      '--skip-invalid',
      '--rejects',
      rejects,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { inputs: Record<string, unknown>; totals: Record<string, number> };
    expect(doc.inputs.activities).toEqual({
      path: 'fixtures/activities-invalid-rows.csv',
      rows: 7,
      used: 2, // lines 2 and 8
      rejected: 5,
      encoding: 'utf8',
    });
    // Line 2: a call of 10 min; line 8: a visit of 20.5 min, its channel written as 外勤 (outside).
    expect(doc.totals.activities).toBe(2);
    expect(doc.totals.activity_hours).toBe(30.5 / 60);
    expect(r.stderr).toContain(`salesmetrics: warning: skipped 5 invalid rows of fixtures/activities-invalid-rows.csv`);
    expect(r.stderr).toContain(`written to ${join(dir, 'rejected-activities.csv')}`);
    expect(readFileSync(join(dir, 'rejected-activities.csv'), 'utf8').split('\n').slice(0, 2)).toEqual([
      'date,owner,type,duration_minutes,deal_id,channel,reason',
      '2025-02-30,Kato,call,10,F1,,"column date: ""2025-02-30"" is not a date (YYYY-MM-DD)"',
    ]);
    // The deals had no invalid row: their rejects file holds the header alone.
    expect(readFileSync(rejects, 'utf8')).toBe(
      'deal_id,stage,amount,created_date,close_date,account_id,owner,team,channel,appointer,reason\n',
    );
  });

  it('invalid cost and survey rows', async () => {
    const costs = await runCli(['report', 'fixtures/funnel-deals.csv', '--costs', 'fixtures/costs-invalid-rows.csv']);
    expect(costs.code).toBe(2);
    expect(costs.stderr.split('\n').slice(0, 4)).toEqual([
      'fixtures/costs-invalid-rows.csv:2: column date: "2025-13" is not a date (YYYY-MM-DD)',
      'fixtures/costs-invalid-rows.csv:3: column amount: "12,3x" is not a plain decimal (like 1234.5, at most 4 decimal places)',
      'fixtures/costs-invalid-rows.csv:4: column category: "travel" is not one of sales, marketing, other; map it in salesmetrics.config.yaml: costs: { categories: { "travel": <sales|marketing|other> } }',
      'fixtures/costs-invalid-rows.csv:5: column amount: empty; every cost line needs an amount',
    ]);
    const surveys = await runCli([
      'report',
      'fixtures/funnel-deals.csv',
      '--surveys',
      'fixtures/surveys-invalid-rows.csv',
    ]);
    expect(surveys.code).toBe(2);
    expect(surveys.stderr.split('\n').slice(0, 4)).toEqual([
      'fixtures/surveys-invalid-rows.csv:2: column score: "6" is not a whole number from 1 to 5 (the csat scale)',
      'fixtures/surveys-invalid-rows.csv:3: column score: "11" is not a whole number from 0 to 10 (the nps scale)',
      'fixtures/surveys-invalid-rows.csv:4: column score: "4.5" is not a whole number from 1 to 5 (the csat scale)',
      'fixtures/surveys-invalid-rows.csv:5: column type: "ces" is not one of csat, nps; map it in salesmetrics.config.yaml: surveys: { types: { "ces": <csat|nps> } }',
    ]);
  });

  it('under --format json the invalid rows are a JSON error on stdout', async () => {
    const r = await runCli([
      'report',
      'fixtures/funnel-deals.csv',
      '--surveys',
      'fixtures/surveys-invalid-rows.csv',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as {
      error: {
        code: string;
        file: string;
        count: number;
        rows: { line: number; column: string; value: string; code: string }[];
      };
    };
    expect(doc.error).toMatchObject({ code: 'invalid_rows', file: 'fixtures/surveys-invalid-rows.csv', count: 4 });
    expect(doc.error.rows.map((x) => [x.line, x.column, x.value, x.code])).toEqual([
      [2, 'score', '6', 'bad_score'],
      [3, 'score', '11', 'bad_score'],
      [4, 'score', '4.5', 'bad_score'],
      [5, 'type', 'ces', 'bad_choice'],
    ]);
  });

  it('a missing column names the headers found and the config lines that map it', async () => {
    const r = await runCli(['report', 'fixtures/funnel-deals.csv', '--activities', 'fixtures/funnel-costs.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'salesmetrics: fixtures/funnel-costs.csv: columns `owner`, `type` not found; found: date, amount, category, team, channel — map it in salesmetrics.config.yaml: activities: { columns: { owner: <header>, type: <header> } }\n',
    );
  });

  it('an ambiguous date in an input says to pass --date-format, which then reads every input', async () => {
    const dir = tempDir();
    const file = join(dir, 'costs.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'date,amount,category\n02/01/2025,100,sales\n');
    const r = await runCli(['report', 'fixtures/funnel-deals.csv', '--costs', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:2: column date: "02/01/2025" could be MM/DD/YYYY or DD/MM/YYYY; pass --date-format`,
    );
    const dayFirst = await runCli([
      'report',
      'fixtures/funnel-deals.csv',
      '--costs',
      file,
      '--date-format',
      'DD/MM/YYYY',
      '--format',
      'json',
    ]);
    expect(dayFirst.code).toBe(0);
    // 2 January 2025: January's acquisition cost.
    expect(
      (JSON.parse(dayFirst.stdout) as { periods: { metrics: Record<string, number> }[] }).periods[0]?.metrics
        .acquisition_cost,
    ).toBe(100);
  });

  it('only one input can come from standard input', async () => {
    const r = await runCli(['report', '-', '--activities', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'salesmetrics: only one input can be read from standard input (-); give the others as files\n',
    );
  });
});
