import { describe, expect, it } from 'vitest';
import { rejectsPathFor } from '../../src/cli/input-reading.js';
import { normalizeWord, resolveInputColumns, wordClassifier } from '../../src/ingest/input-table.js';
import { ACTIVITY_SPEC } from '../../src/ingest/activities.js';
import { COST_SPEC } from '../../src/ingest/costs.js';

describe('words of a column', () => {
  const classify = wordClassifier<'call' | 'visit'>(
    { call: ['phone', '電話'], visit: ['訪問'] },
    { 飛び込み: 'visit', PHONE: 'visit' },
  );

  it('reads the values, their words and the config’s, in any case, width and spacing', () => {
    expect(['call', 'CALL', 'Phone', ' 電話 ', 'ｃａｌｌ', '訪問', '飛び込み'].map(classify)).toEqual([
      'call',
      'call',
      'visit', // the config's word wins over the built-in one
      'call',
      'call',
      'visit',
      'visit',
    ]);
    expect(classify('fax')).toBeUndefined();
    expect(normalizeWord('Video_Call ')).toBe('video call');
  });
});

describe('the columns of an input', () => {
  it('finds fields by name, by Japanese or CRM header, or by the config’s mapping', () => {
    const r = resolveInputColumns(
      ['日付', '担当者', 'Activity Type', 'Duration (minutes)', '商談 ID', 'ステータス'],
      ACTIVITY_SPEC,
      {
        outcome: 'ステータス',
      },
    );
    expect(r).toEqual({
      ok: true,
      columns: { date: 0, owner: 1, type: 2, duration_minutes: 3, deal_id: 4, outcome: 5 },
    });
  });

  it('names the required fields it misses, or the mapped header it cannot find', () => {
    expect(resolveInputColumns(['month', 'cost'], COST_SPEC)).toEqual({ ok: false, missing: ['category'] });
    expect(resolveInputColumns(['date', 'amount', 'category'], COST_SPEC, { team: '部門' })).toEqual({
      ok: false,
      missing: ['team'],
      mapped: { field: 'team', header: '部門' },
    });
  });
});

describe('rejects files of the other inputs', () => {
  it('insert the input’s name before the extension', () => {
    expect(rejectsPathFor('rejected.csv', 'activities')).toBe('rejected-activities.csv');
    expect(rejectsPathFor('out/bad.rows.csv', 'costs')).toBe('out/bad.rows-costs.csv');
    expect(rejectsPathFor('rejects', 'surveys')).toBe('rejects-surveys');
    expect(rejectsPathFor('dir.d/rejects', 'surveys')).toBe('dir.d/rejects-surveys');
    expect(rejectsPathFor('.rejects', 'costs')).toBe('.rejects-costs');
  });
});
