import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import type { Storage } from '@server/lib/storage';

// Enough of the start of a file for file-type to recognise containers (zip-based office files) too.
const sampleBytes = 64 * 1024;

/** Extensions whose undetected content is plain text; anything else unknown is a binary blob. */
const textExtensions = new Set(['.txt', '.csv', '.tsv', '.md', '.log', '.json', '.xml', '.html', '.htm', '.svg', '.ics', '.vcf', '.yml', '.yaml', '.ini']);

// Markup a browser could interpret (script in SVG, XHTML): kept, but only ever as text.
const markupTypes = new Set(['image/svg+xml', 'application/xml', 'text/xml', 'text/html', 'application/xhtml+xml']);

/**
 * The type of stored bytes from their content. Text is never given a type a browser would run
 * (HTML, SVG): a text file is text/plain, and only by extension when no binary signature matched.
 */
export async function contentTypeOf(sample: Buffer, fileName: string): Promise<string> {
  const detected = await fileTypeFromBuffer(sample);
  if (detected) return markupTypes.has(detected.mime) ? 'text/plain' : detected.mime;
  const looksText = !sample.includes(0);
  return looksText && textExtensions.has(path.extname(fileName).toLowerCase()) ? 'text/plain' : 'application/octet-stream';
}

/** Streams an upload into storage, keeping only its first bytes in memory to detect the type. */
export async function storeUpload(storage: Storage, key: string, body: Readable, fileName: string): Promise<{ size: number; contentType: string }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  const sampler = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (kept < sampleBytes) {
        const part = chunk.subarray(0, sampleBytes - kept);
        chunks.push(part);
        kept += part.length;
      }
      done(null, chunk);
    },
  });
  body.on('error', (error) => sampler.destroy(error));
  const { size } = await storage.put(key, body.pipe(sampler));
  return { size, contentType: await contentTypeOf(Buffer.concat(chunks), fileName) };
}
