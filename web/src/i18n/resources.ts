import type { Language } from '@contract/common';

// One namespace per line, in both languages: features add theirs without touching the others'.
export const namespaces = [
  'common',
  'auth',
  'accounts',
  'users',
  'bin',
  'validation',
  'documents',
  'company',
  'activities',
  'requests',
  'leads',
  'lists',
  'tags',
  'views',
  'links',
  'imports',
  'bulk',
  'search',
  'registry',
  'mail',
  'credit',
  'notifications',
  'opportunities',
  'projects',
  'invoices',
  'campaigns',
  'dashboard',
  'quotelink',
  'quotes',
  'catalog',
  'agreements',
  'agreementlink',
  'invoicelink',
] as const;

export type Namespace = (typeof namespaces)[number];

export type Translations = { [key: string]: string | Translations };

// Each file becomes its own chunk: a page fetches only the texts it shows, and only in the user's language.
const files = import.meta.glob<Translations>('./*/*.json', { import: 'default' });

/** The texts of one namespace in one language (Spanish is the product's first language). */
export async function loadTranslations(language: Language, namespace: Namespace): Promise<Translations> {
  const load = files[`./${language}/${namespace}.json`];
  if (!load) throw new Error(`No translations for ${language}/${namespace}`);
  return load();
}
