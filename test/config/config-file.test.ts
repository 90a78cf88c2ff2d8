import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { configJsonSchema } from '../../src/config/schema.js';
import { runCli } from '../helpers/run-cli.js';

const shippedText = readFileSync('schema/config.schema.json', 'utf8');

describe('the config file', () => {
  it('schema/config.schema.json is the one generated from the zod schema', () => {
    expect(configJsonSchema(), 'schema/config.schema.json is out of date: run `npm run schemas`').toEqual(
      JSON.parse(shippedText),
    );
  });

  it('salesmetrics schema config prints it', async () => {
    expect(await runCli(['schema', 'config'])).toEqual({ code: 0, stdout: shippedText, stderr: '' });
  });

  it('parses a deals section', () => {
    const text = [
      'version: 1',
      'deals:',
      '  preset: salesforce-ja',
      '  columns: { owner: 担当者 }',
      '  stages: { won: [受注, 成約], lost: [失注] }',
      '  date_format: DD/MM/YYYY',
      '  decimal_comma: true',
      '  encoding: cp932',
      '',
    ].join('\n');
    expect(parseConfig(text, 'c.yaml')).toEqual({
      version: 1,
      deals: {
        preset: 'salesforce-ja',
        columns: { owner: '担当者' },
        stages: { won: ['受注', '成約'], lost: ['失注'] },
        date_format: 'DD/MM/YYYY',
        decimal_comma: true,
        encoding: 'cp932',
      },
    });
  });

  it.each([
    ['version: 1\ndeals:\n  columns: { dealid: Id }\n', 'c.yaml:3:14: deals.columns: unknown key "dealid"'],
    ['version: 1\ndeals:\n  preset: salesforse\n', 'c.yaml:3:11: deals.preset: expected'],
    ['version: 1\ndeals:\n  date_format: YYYY/MM\n', 'c.yaml:3:16: deals.date_format: "YYYY/MM": use the tokens'],
  ])('rejects %j with a one-line message', (text, start) => {
    let message = '';
    try {
      parseConfig(text, 'c.yaml');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.startsWith(start), message).toBe(true);
    expect(message).not.toContain('\n');
  });
});
