import { isUtf8 } from 'node:buffer';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

// iconv-lite's tables load only for a file that is not UTF-8 (it is CommonJS, so it can be required on demand).
let iconvLite: typeof Iconv | undefined;
function iconv(): typeof Iconv {
  return (iconvLite ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);
}

/** Encodings salesmetrics reads. `cp932` is Windows-31J, the Shift_JIS Excel writes in Japan. */
export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'cp932';

const NAMES: Record<string, Encoding> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  utf16: 'utf16le',
  'utf-16': 'utf16le',
  utf16le: 'utf16le',
  'utf-16le': 'utf16le',
  utf16be: 'utf16be',
  'utf-16be': 'utf16be',
  cp932: 'cp932',
  'windows-31j': 'cp932',
  shift_jis: 'cp932',
  'shift-jis': 'cp932',
  sjis: 'cp932',
};

/** `--encoding` value → encoding; `auto` and unknown names → `undefined`. */
export function encodingByName(name: string): Encoding | undefined {
  return NAMES[name.toLowerCase()];
}

/** Raised when bytes are not valid in the file's encoding. */
export class EncodingError extends Error {
  constructor(
    /** 0-based offset of the first invalid byte in the file. */
    readonly byteOffset: number,
    /** 1-based line it is on. */
    readonly line: number,
  ) {
    super(`not valid UTF-8 at byte ${byteOffset}, line ${line}`);
  }
}

/** Number of LF bytes in `buf` before `end`. */
function countLines(buf: Buffer, end = buf.length): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1 && i < end; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** Length of the prefix of `buf` that ends on a whole UTF-8 character. */
function wholeUtf8(buf: Buffer): number {
  // Look back at most 3 bytes for the start of an unfinished sequence.
  for (let i = buf.length - 1, back = 0; i >= 0 && back < 4; i--, back++) {
    const b = buf[i] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return back + 1 >= need ? buf.length : i;
  }
  return buf.length;
}

/**
 * Passes UTF-8 through unchanged (minus a BOM), checking it is valid as it
 * goes; decodes UTF-16 and CP932 to text. `detect` decides from the first
 * chunk: a UTF-8 or UTF-16 BOM, else valid UTF-8, else CP932.
 */
class Decoder extends Transform {
  encoding: Encoding | undefined;
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0;
  /** Line breaks passed so far, for the line of an invalid byte. */
  private lines = 0;
  private started = false;
  private decoder: ReturnType<typeof Iconv.getDecoder> | undefined;

  constructor(forced: Encoding | undefined) {
    super({ readableObjectMode: false });
    this.encoding = forced;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      let buf = chunk;
      if (!this.started) buf = this.start(buf);
      if (this.decoder !== undefined) {
        const text = this.decoder.write(buf);
        if (text.length > 0) this.push(text);
      } else {
        const all = this.carry.length === 0 ? buf : Buffer.concat([this.carry, buf]);
        const end = wholeUtf8(all);
        const body = end === all.length ? all : all.subarray(0, end);
        if (!isUtf8(body)) {
          const bad = firstInvalid(body);
          throw new EncodingError(this.offset + bad, this.lines + countLines(body, bad) + 1);
        }
        this.carry = end === all.length ? Buffer.alloc(0) : Buffer.from(all.subarray(end));
        this.offset += body.length;
        this.lines += countLines(body);
        if (body.length > 0) this.push(body);
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.decoder !== undefined) {
      const rest = this.decoder.end();
      if (rest !== undefined && rest.length > 0) this.push(rest);
    } else if (this.carry.length > 0) {
      done(new EncodingError(this.offset, this.lines + 1));
      return;
    }
    done();
  }

  /** Detects the encoding from the first bytes and strips a BOM. */
  private start(buf: Buffer): Buffer {
    this.started = true;
    const bom8 = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    const le = buf[0] === 0xff && buf[1] === 0xfe;
    const be = buf[0] === 0xfe && buf[1] === 0xff;
    if (this.encoding === undefined) {
      if (bom8) this.encoding = 'utf8';
      else if (le) this.encoding = 'utf16le';
      else if (be) this.encoding = 'utf16be';
      else this.encoding = isUtf8(buf.subarray(0, wholeUtf8(buf))) ? 'utf8' : 'cp932';
    }
    if (this.encoding !== 'utf8') {
      this.decoder = iconv().getDecoder(this.encoding === 'cp932' ? 'cp932' : this.encoding, { stripBOM: true });
      return buf;
    }
    return bom8 ? buf.subarray(3) : buf;
  }
}

function firstInvalid(buf: Buffer): number {
  // Binary search for the longest valid prefix: isUtf8 is fast and this runs once, on failure.
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isUtf8(buf.subarray(0, wholeUtf8(buf.subarray(0, mid))))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Decodes a byte stream; `decoder.encoding` says which encoding was used once data flowed. */
export function decodeInput(input: Readable, forced: Encoding | undefined): { stream: Transform; decoder: Decoder } {
  const decoder = new Decoder(forced);
  input.pipe(decoder);
  return { stream: decoder, decoder };
}
