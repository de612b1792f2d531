import { languages, type Language } from '@contract/common';
import { namespaces, type Namespace, type Translations } from './resources';

// For tests only: every translation at once. The app never imports this; it fetches one
// namespace of one language at a time (resources.ts).
const files = import.meta.glob<Translations>('./*/*.json', { eager: true, import: 'default' });

/** Every translation file, as `./es/common.json`. */
export const translationFiles = Object.keys(files).sort();

/** One namespace of one language; undefined when its file is missing. */
export function translations(language: Language, ns: Namespace): Translations | undefined {
  return files[`./${language}/${ns}.json`];
}

/** Everything, in the shape of i18next's `resources` option. */
export const resources = Object.fromEntries(
  languages.map((language) => [language, Object.fromEntries(namespaces.map((ns) => [ns, translations(language, ns) ?? {}]))]),
);
