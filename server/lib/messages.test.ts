import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fieldIssue } from '@contract/validation';
import { languages } from '@contract/common';
import { errorStatus, type ErrorCode } from './errors';
import { errorMessage, errorTitles, fieldMessage } from './messages';

const root = path.resolve(import.meta.dirname, '../..');

/** Field-error codes the server and the contract raise by name, found in their source. */
function fieldCodesInSource(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(/\{ field: [^}]*?code: '(\w+)'/g)) if (match[1]) codes.add(match[1]);
        for (const match of text.matchAll(/(?:fieldError|invalid)\([^,]+, '(\w+)'\)/g)) if (match[1]) codes.add(match[1]);
        for (const match of text.matchAll(/params: \{ code: '(\w+)' \}/g)) if (match[1]) codes.add(match[1]);
      }
    }
  };
  walk(path.join(root, 'server'));
  walk(path.join(root, 'contract'));
  return codes;
}

describe('every message exists in Spanish and English', () => {
  test.each(languages)('%s: every error code has a detail and its status a title', (language) => {
    const codes = Object.keys(errorStatus).filter((code): code is ErrorCode => code in errorStatus);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      expect(errorMessage(language, code), code).not.toBe('');
      expect(errorTitles[language][errorStatus[code]], code).toBeDefined();
    }
  });

  test('every field code the mapping or the server can produce has its own message, not the fallback', () => {
    const mapped = ['too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value', 'unrecognized_keys']
      .flatMap((code) => [{}, { origin: 'string' }, { origin: 'array' }, { format: 'email' }, { format: 'uuid' }].map((params) => fieldIssue({ code, path: [], message: '', params }).code));
    const codes = new Set([...mapped, 'required', ...fieldCodesInSource()]);
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) {
      for (const language of languages) {
        const message = fieldMessage(language, code, { minimum: 1, maximum: 2 });
        expect(message === fieldMessage(language, 'invalid') && code !== 'invalid', `${language}: ${code} has no message`).toBe(false);
        expect(message, `${language}: ${code}`).not.toMatch(/\{\{/);
      }
    }
  });

  test('messages fill in their limits', () => {
    expect(fieldMessage('es', 'too_short', { minimum: 10 })).toBe('Demasiado corto (mínimo 10).');
    expect(fieldMessage('en', 'too_many', { maximum: 10 })).toBe('Too many items (at most 10).');
  });
});
