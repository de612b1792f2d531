import { languages, type Language } from '@contract/common';
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadTranslations, namespaces, type Namespace } from '@web/i18n/resources';

const storageKey = 'cartera.language';

/** What the shell itself shows (header, navigation, bell, errors); pages add theirs as they load. */
export const shellNamespaces = ['common', 'activities', 'accounts', 'notifications', 'credit'] as const satisfies readonly Namespace[];

export function toLanguage(value: string | null | undefined): Language | null {
  const base = value?.toLowerCase().split('-')[0];
  return languages.find((language) => language === base) ?? null;
}

/** Before login: the last choice on this browser, else the browser's language, else Spanish. */
function initialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(storageKey);
  } catch {
    // Storage can be disabled; the browser language still decides.
  }
  return toLanguage(stored) ?? toLanguage(navigator.language) ?? 'es';
}

export function currentLanguage(): Language {
  return toLanguage(i18next.language) ?? 'es';
}

const translationFiles: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read: (language, namespace, callback) => {
    const lng = toLanguage(language);
    const ns = namespaces.find((name) => name === namespace);
    if (!lng || !ns) {
      callback(new Error(`No translations for ${language}/${namespace}`), null);
      return;
    }
    loadTranslations(lng, ns).then(
      (texts) => callback(null, texts),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

let ready: Promise<void> | undefined;

/** Starts i18next in the initial language with the shell's texts; later calls wait for the same start. */
export function setupI18n(): Promise<void> {
  ready ??= (async () => {
    const language = initialLanguage();
    document.documentElement.lang = language;
    await i18next.use(translationFiles).use(initReactI18next).init({
      lng: language,
      // Every key exists in both languages (a test checks it), so the other language is never fetched.
      fallbackLng: false,
      supportedLngs: [...languages],
      load: 'languageOnly',
      ns: [...shellNamespaces],
      defaultNS: 'common',
      // A text shown before its namespace loaded reads as its full key, namespace first: easy to spot (the browser tests look for it).
      appendNamespaceToMissingKey: true,
      interpolation: { escapeValue: false },
    });
  })();
  return ready;
}

// The language change under way, if any: namespaces asked for meanwhile wait to load in its language.
let languageChange: Promise<unknown> = Promise.resolve();

/**
 * Loads namespaces in the current language. Once loaded, i18next keeps them in its list, so a
 * later language change loads them too before it switches (no flash of raw keys).
 */
export async function loadNamespaces(ns: readonly Namespace[]): Promise<void> {
  await setupI18n();
  let change: Promise<unknown>;
  do {
    change = languageChange;
    await change;
  } while (change !== languageChange);
  await i18next.loadNamespaces([...ns]);
  const missing = ns.filter((name) => !i18next.hasLoadedNamespace(name));
  if (missing.length > 0) throw new Error(`Could not load the translations of ${missing.join(', ')}`);
}

/**
 * A lazily loaded module together with the namespaces it shows beyond the shell's, fetched side
 * by side. Every dynamic import goes through here: web/src/i18n/namespaces.test.ts checks each
 * list against the keys the module and its imports use.
 */
export async function withTexts<M>(ns: readonly Namespace[], load: () => Promise<M>): Promise<M> {
  const [module] = await Promise.all([load(), loadNamespaces(ns)]);
  return module;
}

/** Switches the app's language; `remember: false` for a page that speaks another's language (a quote's), not the reader's choice. */
export async function changeLanguage(language: Language, options: { remember?: boolean } = {}): Promise<void> {
  try {
    if (options.remember !== false) window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered across visits, but the switch still works now.
  }
  document.documentElement.lang = language;
  await setupI18n();
  languageChange = i18next.changeLanguage(language);
  await languageChange;
}

export { i18next };
