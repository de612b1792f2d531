import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isFormulaLike, neutralizeCell } from './spreadsheet-safe';

const triggers = ['=', '+', '-', '@', '\t', '\r'];

describe('neutralizeCell', () => {
  test('cells that start like a formula, also after spaces, get an apostrophe', () => {
    fc.assert(fc.property(fc.stringMatching(/^ {0,4}$/), fc.constantFrom(...triggers), fc.string(), (spaces, trigger, rest) => {
      expect(neutralizeCell(`${spaces}${trigger}${rest}`)).toBe(`'${spaces}${trigger}${rest}`);
    }));
  });

  test('every other cell passes unchanged', () => {
    fc.assert(fc.property(fc.string(), (value) => {
      fc.pre(!/^\s*[=+\-@\t\r]/.test(value) && !/^[\s\u00a0\u3000]*[\uff1d\uff0b\uff0d\uff20]/.test(value) && !/^\u00a0|^\u3000/.test(value));
      expect(neutralizeCell(value)).toBe(value);
    }));
  });

  test('the output never reads as a formula, and neutralising twice changes nothing more', () => {
    fc.assert(fc.property(fc.string(), (value) => {
      const once = neutralizeCell(value);
      expect(isFormulaLike(once)).toBe(false);
      expect(neutralizeCell(once)).toBe(once);
      expect(once === value || once === `'${value}`).toBe(true);
    }));
  });

  test('known attack strings', () => {
    for (const attack of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '   =cmd|" /C calc"!A0']) {
      expect(neutralizeCell(attack).startsWith("'")).toBe(true);
    }
    expect(neutralizeCell('Ana García')).toBe('Ana García');
  });
});
