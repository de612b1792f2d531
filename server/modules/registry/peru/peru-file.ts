import { Readable, Transform, pipeline, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { withoutUnsafeText } from '@server/lib/safe-text';

// SUNAT's "padrón reducido" is a ZIP of one pipe-delimited text file of several GB: it is read as a
// stream, never held whole. A ZIP's first entry is inflated as it arrives (its local header gives
// the method; the deflate stream ends by itself, so the central directory after it is ignored).

const localHeader = 0x04034b50;

/** Drops a ZIP's first local header and passes the deflated bytes of that entry through. */
class ZipEntryStripper extends Transform {
  private head: Buffer | null = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.head === null) {
      done(null, chunk);
      return;
    }
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < 30) {
      done();
      return;
    }
    if (this.head.readUInt32LE(0) !== localHeader) {
      done(new Error('not a ZIP file'));
      return;
    }
    const method = this.head.readUInt16LE(8);
    const dataStart = 30 + this.head.readUInt16LE(26) + this.head.readUInt16LE(28);
    if (method !== 8) {
      done(new Error(`unsupported ZIP compression method ${method}`));
      return;
    }
    if (this.head.length < dataStart) {
      done();
      return;
    }
    const rest = this.head.subarray(dataStart);
    this.head = null;
    done(null, rest);
  }
}

async function* prepend(first: Buffer, rest: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    if (Buffer.isBuffer(next.value)) yield next.value;
    else if (next.value instanceof Uint8Array) yield Buffer.from(next.value);
  }
}

/** The text bytes of a download: inflated when it is a ZIP, as they are otherwise. */
export async function textBytes(source: Readable): Promise<Readable> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return Readable.from([]);
  const head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(String(first.value));
  const bytes = Readable.from(prepend(head, iterator));
  const isZip = head.length >= 4 && head.readUInt32LE(0) === localHeader;
  if (!isZip) return bytes;
  return pipeline(bytes, new ZipEntryStripper(), zlib.createInflateRaw(), () => undefined);
}

/**
 * The file's lines, decoded: UTF-8 when its first chunk is valid UTF-8, else Latin-1 (SUNAT's
 * files have been both).
 */
export async function* textLines(bytes: AsyncIterable<unknown>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let pending = '';
  for await (const value of bytes) {
    const chunk = Buffer.isBuffer(value) ? value : value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(String(value));
    if (!decoder) {
      let utf8 = true;
      try {
        // The chunk may end inside a character: judge up to its last newline.
        const upTo = chunk.lastIndexOf(0x0a);
        new TextDecoder('utf-8', { fatal: true }).decode(upTo > 0 ? chunk.subarray(0, upTo) : chunk.subarray(0, Math.max(0, chunk.length - 3)));
      } catch {
        utf8 = false;
      }
      decoder = new TextDecoder(utf8 ? 'utf-8' : 'latin1');
    }
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) yield line.replace(/\r$/, '');
  }
  if (decoder) pending += decoder.decode();
  if (pending.trim() !== '') yield pending.replace(/\r$/, '');
}

/** A header name as matched: upper case, accents and everything but letters dropped ("CONDICIÓN DE DOMICILIO" → "CONDICIONDEDOMICILIO"). */
export const headerKey = (name: string): string =>
  name.normalize('NFKD').replace(/\p{Diacritic}/gu, '').toUpperCase().replace(/[^A-Z]/g, '');

const addressParts: Array<[string, string]> = [
  ['TIPODEVIA', ''], ['NOMBREDEVIA', ''], ['NUMERO', ''], ['KILOMETRO', 'Km. '], ['MANZANA', 'Mz. '], ['LOTE', 'Lt. '],
  ['DEPARTAMENTO', 'Dpto. '], ['INTERIOR', 'Int. '],
];

/** Reads rows of a pipe-delimited file by header names, so the column order may change. */
export function columnReader(header: string) {
  const keys = header.split('|').map(headerKey);
  const index = (match: (key: string) => boolean): number => keys.findIndex(match);
  const ruc = index((key) => key === 'RUC');
  if (ruc < 0) throw new Error('the file has no RUC column: it is not SUNAT\'s padrón');
  const name = index((key) => key.startsWith('NOMBRE') && key.includes('RAZON'));
  const state = index((key) => key.startsWith('ESTADO'));
  const condition = index((key) => key.startsWith('CONDICION'));
  const ubigeo = index((key) => key === 'UBIGEO');
  const parts = addressParts.map(([key, prefix]) => ({ at: keys.indexOf(key), prefix }));
  const zoneType = keys.indexOf('TIPODEZONA');
  const zoneCode = keys.indexOf('CODIGODEZONA');
  return (line: string) => {
    const cells = withoutUnsafeText(line).split('|');
    const cell = (at: number): string | null => {
      const value = at < 0 ? '' : (cells[at] ?? '').trim();
      return value === '' || value === '-' ? null : value;
    };
    const street = parts.map(({ at, prefix }) => (cell(at) ? `${prefix}${cell(at)}` : null)).filter(Boolean).join(' ');
    const zone = [cell(zoneCode), cell(zoneType)].filter(Boolean).join(' ');
    return {
      ruc: cell(ruc) ?? '',
      name: cell(name),
      state: cell(state),
      condition: cell(condition),
      ubigeo: cell(ubigeo),
      address: [street, zone].filter((part) => part !== '').join(', ') || null,
    };
  };
}

/** Peru's departments by the first two digits of the UBIGEO code. */
const departments: Record<string, string> = {
  '01': 'Amazonas', '02': 'Áncash', '03': 'Apurímac', '04': 'Arequipa', '05': 'Ayacucho', '06': 'Cajamarca', '07': 'Callao',
  '08': 'Cusco', '09': 'Huancavelica', '10': 'Huánuco', '11': 'Ica', '12': 'Junín', '13': 'La Libertad', '14': 'Lambayeque',
  '15': 'Lima', '16': 'Loreto', '17': 'Madre de Dios', '18': 'Moquegua', '19': 'Pasco', '20': 'Piura', '21': 'Puno',
  '22': 'San Martín', '23': 'Tacna', '24': 'Tumbes', '25': 'Ucayali',
};

export const departmentOf = (ubigeo: string | null): string | null => (ubigeo ? (departments[ubigeo.slice(0, 2)] ?? null) : null);
