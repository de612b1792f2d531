import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fts5Match, queryWords, tsQuery } from './search-terms';

describe('search terms', () => {
  test('words become quoted phrases, the last token a prefix, separators give a compact form too', () => {
    const words = queryWords('Ángela  B-1001 p12345@gmail.example m');
    expect(fts5Match(words)).toBe('"angela" * AND ("b 1001" * OR "b1001" *) AND ("p12345 gmail example" * OR "p12345gmailexample" *) AND "m"');
    expect(tsQuery(words)).toBe("'angela':* & ('b' <-> '1001':* | 'b1001':*) & ('p12345' <-> 'gmail' <-> 'example':* | 'p12345gmailexample':*) & 'm'");
  });

  test('query syntax of either database is dropped, not interpreted', () => {
    expect(fts5Match(queryWords('"garcia" OR -lopez* NEAR(a b) name:x ^y'))).toBe('"garcia" * AND "or" * AND "lopez" * AND ("near a" OR "neara" *) AND "b" AND ("name x" OR "namex" *) AND "y"');
    expect(queryWords('*** () "" -')).toEqual([]);
  });

  test('whatever is typed, the expressions hold only quoted letters and digits', () => {
    const fts5 = /^(\(?"[\p{L}\p{N}]+( [\p{L}\p{N}]+)*"( \*)?( OR "[\p{L}\p{N}]+"( \*)?\))?( AND |$))*$/u;
    const ts = /^(\(?'[\p{L}\p{N}]+'(:\*)?( <-> '[\p{L}\p{N}]+'(:\*)?)*( \| '[\p{L}\p{N}]+'(:\*)?\))?( & |$))*$/u;
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (q) => {
      const words = queryWords(q);
      expect(words.length).toBeLessThanOrEqual(8);
      expect(fts5Match(words)).toMatch(fts5);
      expect(tsQuery(words)).toMatch(ts);
    }), { numRuns: 2000 });
  });
});
