import type { FastifyReply } from 'fastify';

/** A client's file name made safe to show and to send back: no path, no control characters, bounded. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}

/**
 * RFC 6266 `attachment` with an ASCII fallback and the exact name in `filename*` (RFC 5987),
 * so quotes, semicolons or newlines in a name can never break out of the header.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Headers for bytes users uploaded: always a download, never sniffed into something runnable,
 * and sandboxed with no sources even if a browser were to render it.
 */
export function sendStoredFile(reply: FastifyReply, file: { name: string; contentType: string; size: number; cacheForever?: boolean }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', file.cacheForever ? 'private, max-age=31536000, immutable' : 'private, no-cache');
}
