import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shellNamespaces } from '@web/app/i18n';
import { namespaces } from './resources';

// The app fetches translations one namespace at a time: the shell's at start-up, and each lazily
// loaded module's with it (withTexts). A namespace left off a list shows raw keys on that page, so
// this reads the source the way the bundler does and checks every list against the keys in use.

const src = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@web/')) base = join(src, specifier.slice('@web/'.length));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else return null; // a package or @contract: no translation keys there
  const file = ['.ts', '.tsx', '/index.ts', ''].map((ext) => `${base}${ext}`).find((path) => existsSync(path) && statSync(path).isFile());
  if (!file) throw new Error(`${from}: cannot resolve ${specifier}`);
  return file;
}

// Value imports and re-exports (type-only ones are erased); dynamic imports start a chunk of their own.
const staticImport = /^(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?'([^']+)'/gm;
const namespaceUse = new RegExp(`['"\`](${namespaces.join('|')}):`, 'g');
const lazyModule = /withTexts\(\[([^\]]*)\],\s*\(\)\s*=>\s*import\('([^']+)'\)\)/g;

function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(staticImport)].flatMap((match) => resolveImport(file, match[1] ?? '') ?? []);
}

/** The namespaces whose keys a module and everything it imports statically ask for. */
function namespacesUsedFrom(entry: string): Set<string> {
  const used = new Set<string>();
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(namespaceUse)) used.add(match[1] ?? '');
    pending.push(...staticImports(file));
  }
  return used;
}

const lazyModules = sourceFiles(src).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(lazyModule)].map((match) => ({
    from: file.slice(src.length),
    module: match[2] ?? '',
    file: resolveImport(file, match[2] ?? ''),
    declared: [...(match[1] ?? '').matchAll(/'([^']+)'/g)].map((ns) => ns[1] ?? ''),
  })),
);

describe('namespaces loaded on demand', () => {
  it('cover what the shell shows', () => {
    const missing = [...namespacesUsedFrom(join(src, 'main.tsx'))].filter((ns) => !shellNamespaces.some((name) => name === ns));
    expect(missing, 'add these to shellNamespaces in web/src/app/i18n.ts').toEqual([]);
  });

  it('load every lazily loaded module through withTexts', () => {
    // Packages hold no translation keys: only the app's own modules need their namespaces listed.
    const dynamicImports = sourceFiles(src).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bimport\('(?:@web\/|\.)/g)].map(() => file.slice(src.length)),
    );
    expect(dynamicImports.length).toBeGreaterThan(0);
    expect(lazyModules.map((lazy) => lazy.from).sort()).toEqual(dynamicImports.sort());
  });

  it.each(lazyModules.map((lazy) => [lazy.module, lazy]))('cover what %s shows', (_, lazy) => {
    if (!lazy.file) throw new Error(`cannot resolve ${lazy.module}`);
    const used = namespacesUsedFrom(lazy.file);
    const shell = new Set<string>(shellNamespaces);
    const missing = [...used].filter((ns) => !shell.has(ns) && !lazy.declared.includes(ns));
    expect(missing, `add these to withTexts([...], () => import('${lazy.module}')) in ${lazy.from}`).toEqual([]);
    // Unused ones would be fetched for nothing.
    const unused = lazy.declared.filter((ns) => shell.has(ns) || !used.has(ns));
    expect(unused, `remove these from withTexts([...], () => import('${lazy.module}')) in ${lazy.from}`).toEqual([]);
  });
});
