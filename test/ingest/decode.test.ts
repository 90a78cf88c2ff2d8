import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/ingest/csv-records.js';
import { type Encoding, encodingByName } from '../../src/ingest/decode.js';
import { InputError } from '../../src/errors.js';

const TEXT =
  'deal_id,account_name,deal_name,stage\r\n' +
  'D1,㈱青葉商事,基幹システム刷新,受注\r\n' +
  'D2,髙橋製作所,生産管理①,失注\r\n' +
  'D3,北斗物流㈱,"配車最適化, 第2期",提案\r\n';
const RECORDS = [
  ['deal_id', 'account_name', 'deal_name', 'stage'],
  ['D1', '㈱青葉商事', '基幹システム刷新', '受注'],
  ['D2', '髙橋製作所', '生産管理①', '失注'],
  ['D3', '北斗物流㈱', '配車最適化, 第2期', '提案'],
];

async function read(
  chunks: Buffer[],
  encoding?: Encoding,
  name = 'deals.csv',
): Promise<{ records: string[][]; encoding: Encoding }> {
  const records: string[][] = [];
  const enc = await readCsv(
    Readable.from(chunks),
    name,
    { record: (fields) => void records.push(fields) },
    encoding === undefined ? {} : { encoding },
  );
  return { records, encoding: enc };
}

/** `buf` cut into pieces of `size` bytes, after a first piece of `first` bytes. */
function cut(buf: Buffer, size: number, first = size): Buffer[] {
  const out = [buf.subarray(0, first)];
  for (let i = first; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

async function failure(p: Promise<unknown>): Promise<InputError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe('encoding detection', () => {
  it('reads UTF-8 without a BOM', async () => {
    expect(await read([Buffer.from(TEXT, 'utf8')])).toEqual({ records: RECORDS, encoding: 'utf8' });
  });

  it('reads UTF-8 with a BOM, which is not part of the first header', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(await read([bytes])).toEqual({ records: RECORDS, encoding: 'utf8' });
  });

  it('reads UTF-8 cut in the middle of characters', async () => {
    expect(await read(cut(Buffer.from(TEXT, 'utf8'), 1, 64))).toEqual({ records: RECORDS, encoding: 'utf8' });
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text"), in chunks of odd sizes', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(await read([bytes])).toEqual({ records: RECORDS, encoding: 'utf16le' });
    expect(await read(cut(bytes, 3))).toEqual({ records: RECORDS, encoding: 'utf16le' });
  });

  it('reads bytes that are not UTF-8 as CP932, with ①, ㈱ and 髙 intact', async () => {
    const bytes = iconv.encode(TEXT, 'cp932');
    // ① 0x8740, ㈱ 0x878A and 髙 0xFBFC are Windows-31J extensions of Shift_JIS.
    expect(bytes.includes(Buffer.from([0x87, 0x40]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x87, 0x8a]))).toBe(true);
    expect(bytes.includes(Buffer.from([0xfb, 0xfc]))).toBe(true);
    expect(await read([bytes])).toEqual({ records: RECORDS, encoding: 'cp932' });
  });

  it('reads CP932 whose double-byte characters are cut between chunks', async () => {
    const bytes = iconv.encode(TEXT, 'cp932');
    // The first chunk holds non-UTF-8 bytes to detect; then one byte at a time.
    expect(await read(cut(bytes, 1, 48))).toEqual({ records: RECORDS, encoding: 'cp932' });
  });
});

describe('--encoding', () => {
  // 70 KB of ASCII first: detection, which looks at the start, would say UTF-8.
  const asciiRows = Array.from({ length: 1500 }, (_, i) => `X${i},ACME,Deal ${i},Prospecting\r\n`).join('');
  const header = 'deal_id,account_name,deal_name,stage\r\n';
  const late = Buffer.concat([
    Buffer.from(header + asciiRows, 'ascii'),
    iconv.encode('D1,㈱青葉商事,基幹システム刷新,受注\r\n', 'cp932'),
  ]);

  it('cp932 reads a file whose first chunk is plain ASCII', async () => {
    const { records, encoding } = await read(cut(late, 65_536), 'cp932');
    expect(encoding).toBe('cp932');
    expect(records).toHaveLength(1502);
    expect(records.at(-1)).toEqual(['D1', '㈱青葉商事', '基幹システム刷新', '受注']);
  });

  it('utf8 refuses CP932 bytes, suggesting --encoding cp932', async () => {
    const err = await failure(read([iconv.encode(TEXT, 'cp932')], 'utf8'));
    expect(err.code).toBe('bad_encoding');
    expect(err.message).toContain('--encoding cp932');
  });

  it('cp932 overrides detection of a BOM-less file that is valid UTF-8 too', async () => {
    // 0xC3 0xA9 is "é" in UTF-8 and "ﾃｩ" (two half-width katakana) in CP932: detection says UTF-8.
    const bytes = Buffer.from('deal_id,stage\r\nD1,\xc3\xa9\r\n', 'latin1');
    expect((await read([bytes])).records[1]).toEqual(['D1', 'é']);
    expect(await read([bytes], 'cp932')).toEqual({
      records: [
        ['deal_id', 'stage'],
        ['D1', 'ﾃｩ'],
      ],
      encoding: 'cp932',
    });
  });

  it.each([
    ['utf8', 'utf8'],
    ['UTF-8', 'utf8'],
    ['utf16', 'utf16le'],
    ['UTF-16LE', 'utf16le'],
    ['cp932', 'cp932'],
    ['Shift_JIS', 'cp932'],
    ['Windows-31J', 'cp932'],
    ['sjis', 'cp932'],
  ])('names %s as %s', (name, encoding) => {
    expect(encodingByName(name)).toBe(encoding);
  });

  it.each(['auto', 'latin1', 'euc-jp', ''])('has no encoding for %j', (name) => {
    expect(encodingByName(name)).toBeUndefined();
  });
});

describe('an invalid byte late in a UTF-8 file', () => {
  it('is a one-line error naming the file and the line, suggesting --encoding cp932', async () => {
    // 3,000 rows of ~50 bytes: the bad row (line 2,501) starts about 125 KB in, past the first 64 KiB chunk.
    const lines = ['deal_id,account_name,stage,amount,close_date'];
    for (let i = 1; i <= 3000; i++) {
      const account = i === 2500 ? 'Caf\u00e9 Oslo' : '株式会社みなと';
      lines.push(`D${String(i).padStart(5, '0')},${account},Closed Won,100,2025-04-20`);
    }
    const utf8 = Buffer.from(lines.join('\n') + '\n', 'utf8');
    // The é of line 2,501 written as one Latin-1 byte, 0xE9: not UTF-8.
    const at = utf8.indexOf(Buffer.from('Caf\u00e9', 'utf8'));
    const bytes = Buffer.concat([utf8.subarray(0, at + 3), Buffer.from([0xe9]), utf8.subarray(at + 5)]);
    expect(at).toBeGreaterThan(65_536);
    const dir = mkdtempSync(join(tmpdir(), 'salesmetrics-decode-'));
    const file = join(dir, 'deals-latin1-byte.csv');
    writeFileSync(file, bytes);

    const err = await failure(readCsv(createReadStream(file), file, { record: () => undefined }));
    expect(err.code).toBe('bad_encoding');
    expect(err.location).toMatchObject({ file, line: 2501 });
    expect(err.message).not.toContain('\n');
    expect(err.message).toContain(`${file}:2501`);
    expect(err.message).toContain('--encoding cp932');
  });
});
