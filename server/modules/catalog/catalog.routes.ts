import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import {
  maxProductImageBytes, productCreateSchema, productExportQuerySchema, productImageQuerySchema, productImportResultSchema, productListQuerySchema, productListSchema,
  productSchema, productUpdateSchema,
  taxRateCreateSchema, taxRateSchema, taxRatesQuerySchema, taxRatesSchema, taxRateUpdateSchema,
} from '@contract/products';
import { sendStoredFile } from '@server/lib/attachment';
import { AppError } from '@server/lib/errors';
import { csvFile, defaultSeparator, xlsxFile } from '@server/lib/spreadsheet-writer';
import { actorOf } from '@server/plugins/request-context';
import { uploadOf } from '@server/modules/documents/upload-part';
import { openProductImage, replaceProductImage } from './product-image.service';
import { importProducts, productSheetColumns, productSheetRows } from './product-sheet';
import { createProduct, createTaxRate, findProducts, findTaxRates, getProduct, updateProduct, updateTaxRate } from './products.service';

const tags = ['catalog'];
const uploadTypes = ['application/octet-stream', 'text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];
const contentTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  // The import's file is the raw request body, handed over as a stream.
  app.addContentTypeParser(uploadTypes, (_request, payload, done) => done(null, payload));

  app.get('/products', { schema: { tags, querystring: productListQuerySchema, response: { 200: productListSchema } } }, async (request) =>
    findProducts(db, actorOf(request), request.query));

  app.post('/products', { schema: { tags, body: productCreateSchema, response: { 201: productSchema } } }, async (request, reply) => {
    reply.code(201);
    return createProduct(db, actorOf(request), request.body);
  });

  app.get('/products/export', { schema: { tags, querystring: productExportQuerySchema } }, async (request, reply) => {
    const { format, separator, timeZone, ...query } = request.query;
    const language = request.language;
    const sheet = { name: language === 'es' ? 'Catálogo' : 'Catalog', columns: productSheetColumns(language), rows: productSheetRows(db, actorOf(request), query, language) };
    const reader = { language, timeZone: timeZone ?? 'UTC' };
    reply.header('content-disposition', `attachment; filename="catalog-${new Date().toISOString().slice(0, 10)}.${format}"`);
    reply.type(contentTypes[format]);
    return reply.send(format === 'csv' ? csvFile(sheet, { ...reader, separator: separator ?? defaultSeparator(language) }) : xlsxFile(sheet, reader));
  });

  app.post('/products/import', { bodyLimit: 11 * 1024 * 1024, schema: { tags, response: { 200: productImportResultSchema } } }, async (request) => {
    const body = request.body;
    if (!(body instanceof Readable)) throw new AppError('unsupported_media_type');
    return importProducts(db, actorOf(request), body, request.language);
  });

  app.get('/products/:id', { schema: { tags, params: idParamsSchema, response: { 200: productSchema } } }, async (request) =>
    getProduct(db, actorOf(request), request.params.id));

  app.patch('/products/:id', { schema: { tags, params: idParamsSchema, body: productUpdateSchema, response: { 200: productSchema } } }, async (request) =>
    updateProduct(db, actorOf(request), request.params.id, request.body));

  // A product's picture arrives as a multipart file part, like a document (and is checked like a logo).
  await app.register(multipart, { limits: { fileSize: maxProductImageBytes } });
  const files = { db, storage: app.storage, log: app.log };

  app.get('/products/:id/image', { schema: { tags, params: idParamsSchema, querystring: productImageQuerySchema } }, async (request, reply) => {
    const { row, stream } = await openProductImage(files, actorOf(request), request.params.id);
    // The address carries the picture's id, so a cached copy is never stale.
    return sendStoredFile(reply, { name: row.image_name ?? 'image', contentType: row.image_type, size: Number(row.image_size ?? 0), cacheForever: true }).send(stream);
  });

  app.put('/products/:id/image', { schema: { tags, params: idParamsSchema, response: { 200: productSchema } } }, async (request) =>
    replaceProductImage(files, actorOf(request), request.params.id, uploadOf(request, maxProductImageBytes)));

  app.delete('/products/:id/image', { schema: { tags, params: idParamsSchema, response: { 200: productSchema } } }, async (request) =>
    replaceProductImage(files, actorOf(request), request.params.id, null));

  // Every signed-in user reads the tax rates (quote lines offer them); admins change them.
  app.get('/tax-rates', { schema: { tags, querystring: taxRatesQuerySchema, response: { 200: taxRatesSchema } } }, async (request) =>
    ({ items: await findTaxRates(db, request.query.includeInactive ?? false) }));

  app.post('/tax-rates', { schema: { tags, body: taxRateCreateSchema, response: { 201: taxRateSchema } } }, async (request, reply) => {
    reply.code(201);
    return createTaxRate(db, actorOf(request), request.body);
  });

  app.patch('/tax-rates/:id', { schema: { tags, params: idParamsSchema, body: taxRateUpdateSchema, response: { 200: taxRateSchema } } }, async (request) =>
    updateTaxRate(db, actorOf(request), request.params.id, request.body));
};
