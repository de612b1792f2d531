import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded bytes live, behind the smallest interface a later S3-compatible backend can
 * also implement. Keys are made by the server (ids), never taken from the client.
 */
export interface Storage {
  /** Streams the bytes under the key and answers how many were written. */
  put(key: string, body: Readable): Promise<{ size: number }>;
  /** A stream of the stored bytes; rejects with `StorageMissingError` when the key is absent. */
  get(key: string): Promise<Readable>;
  /** Removes the key; a missing key is not an error (deletes are retried after crashes). */
  delete(key: string): Promise<void>;
}

export class StorageMissingError extends Error {}

const keyPattern = /^[a-z0-9][a-z0-9-]{7,80}$/;

/** Files under `root`, sharded by the key's last two characters so no directory grows huge. */
export function diskStorage(root: string): Storage {
  const fileOf = (key: string): string => {
    // Keys are ours, but a path must never leave the root even if a caller slips.
    if (!keyPattern.test(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, key.slice(-2), key);
  };
  return {
    async put(key, body) {
      const file = fileOf(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Written to a temporary name and renamed, so a reader never sees half a file.
      const partial = `${file}.${randomUUID()}.part`;
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(body, counter, fs.createWriteStream(partial, { flags: 'wx' }));
        await fs.promises.rename(partial, file);
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
      return { size };
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const handle = await fs.promises.open(file, 'r');
        return handle.createReadStream();
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') throw new StorageMissingError(key);
        throw error;
      }
    },
    async delete(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
  };
}
