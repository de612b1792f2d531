import type { FastifyRequest } from 'fastify';
import { AppError } from '@server/lib/errors';
import type { Upload } from './documents.service';

/**
 * The one file part of a multipart request, streamed (never buffered) with the size limit applied:
 * documents, logos and product pictures. The route's plugin registers @fastify/multipart.
 */
export function uploadOf(request: FastifyRequest, maxBytes: number): () => Promise<Upload> {
  return async () => {
    if (!request.isMultipart()) throw new AppError('unsupported_media_type');
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: false });
    if (!part) throw new AppError('validation_failed', { fields: [{ field: 'file', code: 'required' }] });
    return { file: part.file, fileName: part.filename, maxBytes };
  };
}
