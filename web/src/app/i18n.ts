import { languages, type Language } from '@contract/common';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { namespaces, resources } from '@web/i18n/resources';

const storageKey = 'cartera.language';

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

export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered across visits, but the switch still works now.
  }
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export async function setupI18n(): Promise<void> {
  const language = initialLanguage();
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'es',
    supportedLngs: [...languages],
    ns: [...namespaces],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
}

export { i18next };
