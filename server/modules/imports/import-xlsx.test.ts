import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countRows, readHead, readRecords } from './import-file';
import { SharedStringStore } from './import-string-store';
import { readZipDirectory } from './import-xlsx-zip';

const xlsx = { format: 'xlsx' as const, encoding: 'utf-8', delimiter: '' };
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-xlsx-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function records(file: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const record of readRecords(file, xlsx)) out.push(record);
  return out;
}

type Part = { name: string; text: string };

/**
 * A ZIP written by hand, so a test controls what writers differ in: the order of the parts, data
 * descriptors instead of sizes in the local headers, and ZIP64 records.
 */
function zipOf(parts: Part[], options: { descriptors?: boolean; zip64?: boolean } = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = Buffer.from(part.text, 'utf8');
    const data = zlib.deflateRawSync(raw);
    const crc = zlib.crc32(raw);
    const name = Buffer.from(part.name, 'utf8');
    const flags = options.descriptors ? 0x0808 : 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    if (!options.descriptors) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(raw.length, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(options.descriptors ? 16 : 0);
    if (options.descriptors) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
    }
    const entry = Buffer.alloc(46 + name.length + (options.zip64 ? 28 : 0));
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(45, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(options.zip64 ? 0xffffffff : data.length, 20);
    entry.writeUInt32LE(options.zip64 ? 0xffffffff : raw.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(options.zip64 ? 28 : 0, 30);
    entry.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 42);
    name.copy(entry, 46);
    if (options.zip64) {
      const extra = 46 + name.length;
      entry.writeUInt16LE(0x0001, extra);
      entry.writeUInt16LE(24, extra + 2);
      entry.writeBigUInt64LE(BigInt(raw.length), extra + 4);
      entry.writeBigUInt64LE(BigInt(data.length), extra + 12);
      entry.writeBigUInt64LE(BigInt(offset), extra + 20);
    }
    central.push(entry);
    chunks.push(local, name, data, descriptor);
    offset += local.length + name.length + data.length + descriptor.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    return Buffer.concat([...chunks, directory, record, locator, end]);
  }
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const sheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${main}><sheetData>${rows}</sheetData></worksheet>`;

/** Every part after the sheets, as Excel writes them: the string table, styles and workbook come last. */
const handMade: Part[] = [
  { name: '[Content_Types].xml', text: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
  { name: 'xl/worksheets/sheet2.xml', text: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>second sheet</t></is></c></row>') },
  {
    name: 'xl/worksheets/sheet1.xml',
    text: sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Inline &amp; más</t></is></c>'
      + '<c r="D1"><v>42.5</v></c><c r="E1" s="1"><v>45356</v></c></row>'
      + '<row r="2"><c r="A2" t="s"><v>3</v></c></row>'
      + '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="s"><v>0</v></c></row>',
    ),
  },
  {
    name: 'xl/sharedStrings.xml',
    text: `<sst ${main} count="4" uniqueCount="4"><si><t>Ángela</t></si><si><r><rPr><b/></rPr><t>Ri</t></r><r><t xml:space="preserve">ch </t></r></si><si><t/></si><si><t xml:space="preserve">   </t></si></sst>`,
  },
  {
    name: 'xl/styles.xml',
    text: `<styleSheet ${main}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts>`
      + '<fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
      + '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    text: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + `<Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relNs}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
  },
  { name: 'xl/workbook.xml', text: `<workbook ${main} xmlns:r="${relNs}"><sheets><sheet name="Personas" sheetId="1" r:id="rId1"/><sheet name="Otra" sheetId="2" r:id="rId2"/></sheets></workbook>` },
];

// Row 2 holds only blanks (a string of spaces) and is left out; holes become empty cells.
const handMadeRecords = [
  ['Ángela', 'Rich ', 'Inline & más', '42.5', '2024-03-05'],
  ['', '', 'true', 'Ángela'],
];

function write(name: string, content: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('reading XLSX files', () => {
  test('the string table after the sheet (as Excel writes it): shared, rich and inline strings, numbers, dates; first sheet only', async () => {
    const file = write('excel-order.xlsx', zipOf(handMade));
    const names = (await readZipDirectory(file)).map((entry) => entry.name);
    expect(names.indexOf('xl/sharedStrings.xml')).toBeGreaterThan(names.indexOf('xl/worksheets/sheet1.xml'));
    expect(await records(file)).toEqual(handMadeRecords);
  });

  test('data descriptors and ZIP64 records read the same', async () => {
    expect(await records(write('descriptors.xlsx', zipOf(handMade, { descriptors: true })))).toEqual(handMadeRecords);
    expect(await records(write('zip64.xlsx', zipOf(handMade, { zip64: true })))).toEqual(handMadeRecords);
  });

  test('a workbook saved by exceljs: rich text, formulas by result, hyperlinks by text, dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personas');
    sheet.addRow(['Nombre', 'Alta', 'Web', 'Total', 'Nota']);
    sheet.addRow(['Lucía', new Date(Date.UTC(2025, 0, 31)), { text: 'acme.example', hyperlink: 'https://acme.example' }, { formula: '1+1', result: 2 }, { richText: [{ text: 'muy ' }, { text: 'bien', font: { bold: true } }] }]);
    sheet.getCell('B2').numFmt = 'dd/mm/yyyy';
    workbook.addWorksheet('Otra').addRow(['no']);
    const file = write('exceljs.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await records(file)).toEqual([['Nombre', 'Alta', 'Web', 'Total', 'Nota'], ['Lucía', '2025-01-31', 'acme.example', '2', 'muy bien']]);
  });

  test("exceljs's streaming writer with shared strings (relationships last): every row, in order", async () => {
    const file = path.join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = writer.addWorksheet('Personas');
    sheet.addRow(['email', 'nombre']).commit();
    for (let i = 0; i < 3000; i += 1) sheet.addRow([`p${i}@example.com`, i % 2 === 0 ? 'Ana' : 'Íñigo']).commit();
    sheet.commit();
    await writer.commit();
    const rows = await records(file);
    expect(rows).toHaveLength(3001);
    expect(rows[2999]).toEqual(['p2998@example.com', 'Ana']);
    expect(rows[3000]).toEqual(['p2999@example.com', 'Íñigo']);
    expect(await countRows(file, xlsx)).toBe(3000);
    // The preview reads only the beginning of the string table, and agrees with the full read.
    expect(await readHead(file, xlsx, 20)).toEqual({ headers: ['email', 'nombre'], rows: rows.slice(1, 21) });
  });

  test('the preview skips a row that only looks filled (a string of spaces) exactly as the import does', async () => {
    const file = write('preview.xlsx', zipOf(handMade));
    expect(await readHead(file, xlsx, 1)).toEqual({ headers: ['Ángela', 'Rich', 'Inline & más', '42.5', '2024-03-05'], rows: [['', '', 'true', 'Ángela']] });
    expect(await readHead(file, xlsx, 5)).toEqual({ headers: ['Ángela', 'Rich', 'Inline & más', '42.5', '2024-03-05'], rows: [['', '', 'true', 'Ángela']] });
  });

  test('nothing is left on disk, after a full read or a preview that stops early', async () => {
    const file = write('leftovers.xlsx', zipOf(handMade));
    const tmpBefore = fs.readdirSync(os.tmpdir()).sort();
    const dirBefore = fs.readdirSync(dir).sort();
    expect(await readHead(file, xlsx, 0)).toEqual({ headers: ['Ángela', 'Rich', 'Inline & más', '42.5', '2024-03-05'], rows: [] });
    expect(await countRows(file, xlsx)).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(dirBefore);
    expect(fs.readdirSync(os.tmpdir()).filter((name) => !tmpBefore.includes(name) && !name.startsWith('cartera-'))).toEqual([]);
  });

  test('a file that is not a workbook is an error, not a crash', async () => {
    await expect(records(write('not.xlsx', Buffer.from('PK\u0003\u0004 not really a zip')))).rejects.toThrow(/ZIP/);
    const cut = zipOf(handMade);
    await expect(records(write('cut.xlsx', cut.subarray(0, cut.length - 30)))).rejects.toThrow();
  });
});

describe('the on-disk string table', () => {
  test('gives back every string, across page boundaries and in any order; files go on close', () => {
    const store = SharedStringStore.create(dir);
    const texts = Array.from({ length: 50_000 }, (_, i) => (i % 7 === 0 ? '' : `${'ñ'.repeat(i % 13)}texto ${i} ${'x'.repeat(i % 200)}`));
    texts.push('y'.repeat(200_000)); // longer than a page and than the write buffer's share
    for (const text of texts) store.append(text);
    expect(store.size).toBe(texts.length);
    for (const index of [0, 1, 7, 49_999, 50_000, 12_345, 3, 40_000]) expect(store.get(index)).toBe(texts[index]);
    for (let index = 0; index < texts.length; index += 1) if (store.get(index) !== texts[index]) throw new Error(`string ${index} differs`);
    expect([store.get(-1), store.get(texts.length), store.get(1.5)]).toEqual(['', '', '']);
    const before = fs.readdirSync(dir).filter((name) => name.startsWith('.xlsx-strings-'));
    expect(before).toHaveLength(1);
    store.close();
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.xlsx-strings-'))).toEqual([]);
  });
});
