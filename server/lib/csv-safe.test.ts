import { describe, expect, test } from 'vitest';
import { neutralizeCell } from './csv-safe';

describe('formula-looking cells', () => {
  test.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+34 600', `'+34 600`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\r=1', `'\r=1`],
    ['   =1+1', `'   =1+1`],
    ['ana@example.com', 'ana@example.com'],
    ['Acme S.A.', 'Acme S.A.'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });
});
