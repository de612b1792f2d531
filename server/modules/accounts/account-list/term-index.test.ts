import { describe, expect, test } from 'vitest';
import { termsMatch } from './term-index.repo';

// The expression is bound as a parameter, but FTS5 parses it: nothing in it may be syntax, and
// no quoted string may hold a character the index's tokenizer splits on (a phrase, which the
// index refuses with an error).
describe('the FTS5 expression of a list search', () => {
  test('each word a quoted prefix with its alternatives, ANDed, and the holder as a whole token', () => {
    expect(termsMatch([['garcia'], ['b-10', 'b10']], 'u1')).toBe('("garcia"*) AND ("b-10"* OR "b10"*) AND "~u1"');
    expect(termsMatch([['ana.b+c@x.example']], null)).toBe('("ana.b+c@x.example"*)');
  });

  test('characters the tokenizer splits on are dropped; a word left with nothing matches nothing', () => {
    expect(termsMatch([['a"b:c'], ['ñandú']], null)).toBe('("abc"*) AND ("ñandú"*)');
    expect(termsMatch([['garcia'], ['":*']], 'u1')).toBe('"~"');
    expect(termsMatch([['~u1']], null)).toBe('("u1"*)');
  });
});
