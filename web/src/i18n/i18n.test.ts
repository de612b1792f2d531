import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languages } from '@contract/common';
import { listKeys } from '@contract/lists';
import { translationFiles, translations } from './all-resources';
import { namespaces } from './resources';

type Tree = { [key: string]: string | Tree };

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(tree: unknown, prefix = ''): string[] {
  if (!isTree(tree)) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => flatten(value, prefix ? `${prefix}.${key}` : key));
}

function keysOf(language: 'es' | 'en'): string[] {
  return namespaces.flatMap((ns) => flatten(translations(language, ns)).map((key) => `${ns}:${key}`)).sort();
}

function lookup(language: 'es' | 'en', fullKey: string): unknown {
  const [ns, path = ''] = fullKey.split(':');
  const namespace = namespaces.find((name) => name === ns);
  if (!namespace) return undefined;
  let node: unknown = translations(language, namespace);
  for (const part of path.split('.')) node = isTree(node) ? node[part] : undefined;
  return node;
}

const pluralSuffixes = ['_one', '_many', '_other'];

describe('translations', () => {
  it('are one file per language and listed namespace, and nothing else', () => {
    const expected = languages.flatMap((language) => namespaces.map((ns) => `./${language}/${ns}.json`)).sort();
    expect(translationFiles).toEqual(expected);
  });

  it('have exactly the same keys in Spanish and English', () => {
    const es = keysOf('es');
    const en = keysOf('en');
    expect(es.filter((key) => !en.includes(key)), 'keys only in es').toEqual([]);
    expect(en.filter((key) => !es.includes(key)), 'keys only in en').toEqual([]);
  });

  it('have no empty texts', () => {
    for (const language of ['es', 'en'] as const) {
      const empty = keysOf(language).filter((key) => String(lookup(language, key)).trim() === '');
      expect(empty, `empty texts in ${language}`).toEqual([]);
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const differing = keysOf('es').filter(
      (key) => JSON.stringify(placeholders(lookup('es', key))) !== JSON.stringify(placeholders(lookup('en', key))),
    );
    expect(differing).toEqual([]);
  });

  it('contain every literal key the code asks for', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(path);
      }
    };
    walk(root);
    const literalKey = new RegExp(`['\`]((?:${namespaces.join('|')}):[A-Za-z0-9_.-]+)['\`]`, 'g');
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(literalKey)) {
        if (match[1]) used.add(match[1]);
      }
    }
    const missing = [...used].filter((key) => {
      const found = (language: 'es' | 'en') =>
        lookup(language, key) !== undefined || pluralSuffixes.some((suffix) => lookup(language, `${key}${suffix}`) !== undefined);
      return !found('es') || !found('en');
    });
    expect(missing).toEqual([]);
  });

  it('name every configurable list (the lists page builds those keys)', () => {
    const unnamed = listKeys.map((key) => `lists:name.${key}`).filter((key) => languages.some((language) => lookup(language, key) === undefined));
    expect(unnamed).toEqual([]);
  });
});
