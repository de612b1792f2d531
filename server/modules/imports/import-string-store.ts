import fs from 'node:fs';
import path from 'node:path';

const pageBytes = 64 * 1024;
const cachedPages = 32; // per file: 2 MB, whatever the workbook's size
const writeBufferBytes = 1024 * 1024;

/** A read-only file read through a small least-recently-used cache of fixed-size pages. */
class PagedFile {
  private readonly pages = new Map<number, Buffer>();

  constructor(private readonly fd: number) {}

  private page(number: number): Buffer {
    const hit = this.pages.get(number);
    if (hit) {
      this.pages.delete(number); // re-inserted below: Map order is the recency order
      this.pages.set(number, hit);
      return hit;
    }
    const buffer = Buffer.alloc(pageBytes);
    const read = fs.readSync(this.fd, buffer, 0, pageBytes, number * pageBytes);
    const page = buffer.subarray(0, read);
    this.pages.set(number, page);
    const oldest = this.pages.keys().next();
    if (this.pages.size > cachedPages && !oldest.done) this.pages.delete(oldest.value);
    return page;
  }

  /** Bytes [start, end) of the file. */
  bytes(start: number, end: number): Buffer {
    const first = Math.floor(start / pageBytes);
    const last = Math.floor((end - 1) / pageBytes);
    if (first === last) return this.page(first).subarray(start - first * pageBytes, end - first * pageBytes);
    const out = Buffer.alloc(end - start);
    for (let number = first; number <= last; number += 1) {
      const from = Math.max(start, number * pageBytes);
      const to = Math.min(end, (number + 1) * pageBytes);
      this.page(number).copy(out, from - start, from - number * pageBytes, to - number * pageBytes);
    }
    return out;
  }

  forget(): void {
    this.pages.clear();
  }
}

/** An append-only file written in large blocks. */
class BufferedWriter {
  private readonly buffer = Buffer.alloc(writeBufferBytes);
  private used = 0;
  private written = 0;

  constructor(private readonly fd: number) {}

  /** Bytes written so far, buffered ones included. */
  get size(): number {
    return this.written + this.used;
  }

  write(bytes: Buffer): void {
    if (this.used + bytes.length > this.buffer.length) this.flush();
    if (bytes.length > this.buffer.length) {
      fs.writeSync(this.fd, bytes, 0, bytes.length, this.written);
      this.written += bytes.length;
      return;
    }
    bytes.copy(this.buffer, this.used);
    this.used += bytes.length;
  }

  /** Writes out what is buffered; says whether there was anything. */
  flush(): boolean {
    if (this.used === 0) return false;
    fs.writeSync(this.fd, this.buffer, 0, this.used, this.written);
    this.written += this.used;
    this.used = 0;
    return true;
  }
}

/**
 * A workbook's shared-string table kept on disk, so memory stays flat however many strings the
 * file holds (Excel puts every text cell there: one string per e-mail, name and phone of a
 * million-row export). The strings' UTF-8 bytes go back to back in one file and each string's end
 * offset in another, 8 bytes per string, so string n is found with two small positioned reads;
 * both are read through a fixed page cache (rows mostly use strings in the order they were first
 * written, so the cache hits).
 */
export class SharedStringStore {
  private readonly offsetBytes = Buffer.alloc(8);
  private readonly data: { writer: BufferedWriter; reader: PagedFile };
  private readonly ends: { writer: BufferedWriter; reader: PagedFile };
  private count = 0;

  private constructor(private readonly dir: string, private readonly fds: number[]) {
    const [dataFd = -1, endsFd = -1] = fds;
    this.data = { writer: new BufferedWriter(dataFd), reader: new PagedFile(dataFd) };
    this.ends = { writer: new BufferedWriter(endsFd), reader: new PagedFile(endsFd) };
  }

  /** A new, empty store in a private directory made under `parent` (the disk the upload is on, not a RAM-backed /tmp). */
  static create(parent: string): SharedStringStore {
    const dir = fs.mkdtempSync(path.join(parent, '.xlsx-strings-'));
    const fds = ['data', 'ends'].map((name) => fs.openSync(path.join(dir, name), 'w+'));
    return new SharedStringStore(dir, fds);
  }

  get size(): number {
    return this.count;
  }

  append(text: string): void {
    this.data.writer.write(Buffer.from(text, 'utf8'));
    this.offsetBytes.writeDoubleLE(this.data.writer.size, 0);
    this.ends.writer.write(this.offsetBytes);
    this.count += 1;
  }

  /** String `index`; an index the table does not have reads as empty, as a blank cell would. */
  get(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return '';
    // Reading starts once the table is complete; should it not be, pages read before the last
    // strings were written out may be short, so they are forgotten.
    const flushedData = this.data.writer.flush();
    const flushedEnds = this.ends.writer.flush();
    if (flushedData || flushedEnds) {
      this.data.reader.forget();
      this.ends.reader.forget();
    }
    const bounds = index === 0 ? this.ends.reader.bytes(0, 8) : this.ends.reader.bytes((index - 1) * 8, (index + 1) * 8);
    const start = index === 0 ? 0 : bounds.readDoubleLE(0);
    const end = bounds.readDoubleLE(index === 0 ? 0 : 8);
    return end > start ? this.data.reader.bytes(start, end).toString('utf8') : '';
  }

  /** Closes and deletes the files. */
  close(): void {
    for (const fd of this.fds) fs.closeSync(fd);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
