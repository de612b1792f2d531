import fs from 'node:fs';
import { Readable } from 'node:stream';

/** One file inside a ZIP archive, as its central directory describes it. */
export type ZipEntry = {
  name: string;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export class ZipFormatError extends Error {}

const eocdSignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EocdSignature = 0x06064b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;
const max32 = 0xffffffff;
// An XLSX has a handful of entries; a directory this large is not a workbook (and would be read into memory).
const maxDirectoryBytes = 16 * 1024 * 1024;

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipFormatError('unexpected end of the ZIP file');
  return buffer;
}

/** Where the central directory is and how many entries it has, from the end record (ZIP64 when it says so). */
async function locateDirectory(handle: fs.promises.FileHandle, fileSize: number): Promise<{ offset: number; size: number; count: number }> {
  const tailLength = Math.min(fileSize, 22 + 0xffff); // the end record plus the longest comment
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) !== eocdSignature) continue;
    const count = tail.readUInt16LE(at + 10);
    const size = tail.readUInt32LE(at + 12);
    const offset = tail.readUInt32LE(at + 16);
    if (count !== 0xffff && size !== max32 && offset !== max32) return { offset, size, count };
    const locatorAt = fileSize - tailLength + at - 20;
    const locator = await readAt(handle, locatorAt, 20);
    if (locator.readUInt32LE(0) !== zip64LocatorSignature) throw new ZipFormatError('ZIP64 end record missing');
    const record = await readAt(handle, Number(locator.readBigUInt64LE(8)), 56);
    if (record.readUInt32LE(0) !== zip64EocdSignature) throw new ZipFormatError('ZIP64 end record missing');
    return { count: Number(record.readBigUInt64LE(32)), size: Number(record.readBigUInt64LE(40)), offset: Number(record.readBigUInt64LE(48)) };
  }
  throw new ZipFormatError('not a ZIP file');
}

/** The ZIP64 extra field holds, in order, whichever of these the fixed fields mark as too big. */
function zip64Values(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size) throw new ZipFormatError('short ZIP64 field');
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === max32) entry.uncompressedSize = next();
      if (entry.compressedSize === max32) entry.compressedSize = next();
      if (entry.localHeaderOffset === max32) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** The entries of a ZIP file, from its central directory: no entry data is read. */
export async function readZipDirectory(path: string): Promise<ZipEntry[]> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const { offset, size, count } = await locateDirectory(handle, fileSize);
    if (size > maxDirectoryBytes || offset + size > fileSize) throw new ZipFormatError('ZIP directory out of bounds');
    const directory = await readAt(handle, offset, size);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let index = 0; index < count; index += 1) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== centralSignature) throw new ZipFormatError('bad ZIP directory entry');
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const entry: ZipEntry = {
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        flags: directory.readUInt16LE(at + 8),
        method: directory.readUInt16LE(at + 10),
        time: directory.readUInt16LE(at + 12),
        date: directory.readUInt16LE(at + 14),
        crc32: directory.readUInt32LE(at + 16),
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      };
      zip64Values(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
      entries.push(entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** A local header with the sizes filled in (the original may defer them to a data descriptor, which we do not copy). */
function localHeader(entry: ZipEntry): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const large = entry.compressedSize >= max32 || entry.uncompressedSize >= max32;
  const header = Buffer.alloc(30 + name.length + (large ? 20 : 0));
  header.writeUInt32LE(localSignature, 0);
  header.writeUInt16LE(large ? 45 : 20, 4);
  header.writeUInt16LE((entry.flags & ~0x0008) | 0x0800, 6); // sizes known; the name is UTF-8
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(entry.time, 10);
  header.writeUInt16LE(entry.date, 12);
  header.writeUInt32LE(entry.crc32, 14);
  header.writeUInt32LE(large ? max32 : entry.compressedSize, 18);
  header.writeUInt32LE(large ? max32 : entry.uncompressedSize, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(large ? 20 : 0, 28);
  name.copy(header, 30);
  if (large) {
    const extra = 30 + name.length;
    header.writeUInt16LE(0x0001, extra);
    header.writeUInt16LE(16, extra + 2);
    header.writeBigUInt64LE(BigInt(entry.uncompressedSize), extra + 4);
    header.writeBigUInt64LE(BigInt(entry.compressedSize), extra + 12);
  }
  return header;
}

function endRecord(): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(eocdSignature, 0);
  return record;
}

async function* entryBytes(path: string, entries: ZipEntry[]): AsyncGenerator<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    for (const entry of entries) {
      if (entry.flags & 0x0001) throw new ZipFormatError('encrypted ZIP entries are not supported');
      const local = await readAt(handle, entry.localHeaderOffset, 30);
      if (local.readUInt32LE(0) !== localSignature) throw new ZipFormatError('bad ZIP local header');
      const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      yield localHeader(entry);
      for (let done = 0; done < entry.compressedSize;) {
        const length = Math.min(256 * 1024, entry.compressedSize - done);
        yield await readAt(handle, start + done, length);
        done += length;
      }
    }
    yield endRecord();
  } finally {
    await handle.close();
  }
}

/**
 * A ZIP stream holding only these entries, in this order, their compressed bytes copied as they
 * are (nothing is inflated here). Destroying the stream closes the file.
 */
export function zipStreamOf(path: string, entries: ZipEntry[]): Readable {
  return Readable.from(entryBytes(path, entries), { objectMode: false });
}
