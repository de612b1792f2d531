import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csvCell, startsLikeFormula, uncsvCell, xlsxText } from './cell-safe';

const triggers = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫'];
const spaces = fc.array(fc.constantFrom(' ', '\u00a0', '\u3000', '\n'), { maxLength: 4 }).map((parts) => parts.join(''));

describe('csvCell', () => {
  test.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+34 600', `'+34 600`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\r=1', `'\r=1`],
    ['   =1+1', `'   =1+1`],
    ["＝2+5+cmd|' /C calc'!A0", `'＝2+5+cmd|' /C calc'!A0`],
    ['\u3000＠SUM(A1)', `'\u3000＠SUM(A1)`],
    ["'=1", "''=1"],
    ["It's", "It's"],
    ['ana@example.com', 'ana@example.com'],
    ['Acme S.A.', 'Acme S.A.'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test('empty values are empty cells', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  test('a cell that starts like a formula, also after spaces, gets an apostrophe', () => {
    fc.assert(fc.property(spaces, fc.constantFrom(...triggers), fc.string(), (lead, trigger, rest) => {
      expect(csvCell(`${lead}${trigger}${rest}`)).toBe(`'${lead}${trigger}${rest}`);
    }));
  });

  test('the output never starts like a formula, changes only by the apostrophe, and reads back as it was', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.tuple(fc.stringMatching(/^'{0,3}$/), spaces, fc.constantFrom(...triggers, 'a'), fc.string()).map((parts) => parts.join(''))), (value) => {
      const once = csvCell(value);
      expect(startsLikeFormula(once)).toBe(false);
      expect(once === value || once === `'${value}`).toBe(true);
      expect(uncsvCell(once)).toBe(value);
    }));
  });
});

describe('xlsxText', () => {
  test('keeps the text exactly, apostrophe-free, minus what XML cannot carry', () => {
    expect(xlsxText('+34 614255139')).toBe('+34 614255139');
    expect(xlsxText('=1+1')).toBe('=1+1');
    expect(xlsxText('a\u0000b\u0008c\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
    expect(xlsxText('x\ud800y😀')).toBe('x\ufffdy😀');
  });
});
