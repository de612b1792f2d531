import fs from 'node:fs';
import path from 'node:path';

/** A multipart/form-data body with one file part, as a browser's FormData would send it. */
export function multipartFile(fileName: string, content: Buffer | string, claimedType = 'application/octet-stream') {
  const boundary = `----cartera${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${claimedType}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The smallest valid PNG (1×1, transparent). */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Every file under a storage directory, so a test can see that nothing was written (or left behind). */
export function storedFilesIn(filesDir: string): string[] {
  if (!fs.existsSync(filesDir)) return [];
  return fs.readdirSync(filesDir, { recursive: true, encoding: 'utf8' }).filter((entry) => fs.statSync(path.join(filesDir, entry)).isFile());
}
