import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { xlsxHead, xlsxRecords } from './import-xlsx';

export type FileFormat = 'csv' | 'xlsx';
export type FileShape = { format: FileFormat; encoding: string; delimiter: string };

const sampleBytes = 1024 * 1024;
const delimiters = [',', ';', '\t', '|'] as const;

async function readStart(path: string, bytes: number): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** UTF-8 when the first megabyte decodes strictly as UTF-8, else Windows-1252 (a superset of Latin-1). */
export function detectEncoding(sample: Buffer): string {
  try {
    // stream: true tolerates a character cut in half at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The separator that splits the first lines into the same number (> 1) of columns, quotes respected. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0).slice(0, 20);
  if (lines.length > 1 && text.length >= sampleBytes - 4) lines.pop(); // the last line may be cut short
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of delimiters) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const min = Math.min(...counts);
    const consistent = counts.filter((count) => count === counts[0]).length;
    const score = min > 0 ? consistent * 1000 + min : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count += 1;
  }
  return count;
}

/** Format, encoding and delimiter of a stored upload, from its first bytes. */
export async function detectShape(path: string): Promise<FileShape> {
  const sample = await readStart(path, sampleBytes);
  // XLSX is a ZIP: "PK\x03\x04".
  if (sample.length >= 4 && sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) {
    return { format: 'xlsx', encoding: 'utf-8', delimiter: '' };
  }
  const encoding = detectEncoding(sample);
  const text = new TextDecoder(encoding).decode(sample);
  return { format: 'csv', encoding, delimiter: detectDelimiter(text) };
}

/** Decodes a byte stream chunk by chunk; multi-byte characters split across chunks survive. */
function decoder(encoding: string): Transform {
  const textDecoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, textDecoder.decode(chunk, { stream: true }));
    },
    flush(callback) {
      callback(null, textDecoder.decode());
    },
  });
}

async function* csvRecords(path: string, shape: FileShape): AsyncGenerator<string[]> {
  const parser = fs.createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(decoder(shape.encoding)).pipe(
    parse({ delimiter: shape.delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }),
  );
  for await (const record of parser) {
    if (Array.isArray(record)) yield record.map((cell) => String(cell));
  }
}

/**
 * The file's records as text cells, streamed: the header first, then data rows. Nothing but the
 * current chunk is held in memory (an XLSX's shared-string table waits on disk, see import-xlsx).
 */
export function readRecords(path: string, shape: FileShape): AsyncGenerator<string[]> {
  return shape.format === 'xlsx' ? xlsxRecords(path) : csvRecords(path, shape);
}

/** The header and up to `limit` data rows. */
export async function readHead(path: string, shape: FileShape, limit: number): Promise<{ headers: string[]; rows: string[][] }> {
  const records: string[][] = [];
  if (shape.format === 'xlsx') {
    records.push(...(await xlsxHead(path, limit + 1)));
  } else {
    for await (const record of csvRecords(path, shape)) if (records.push(record) > limit) break;
  }
  const [headers = [], ...rows] = records;
  return { headers: headers.map((cell) => cell.trim()), rows };
}

/** Number of data rows (streamed once; for progress). */
export async function countRows(path: string, shape: FileShape): Promise<number> {
  let n = -1;
  for await (const _record of readRecords(path, shape)) n += 1;
  return Math.max(n, 0);
}
