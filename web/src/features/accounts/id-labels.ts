import type { TFunction } from 'i18next';

/** Countries whose tax id and national id have their own names (seed 001's RUC, seed 003's registers, Spain). */
const namedCountries = ['ES', 'PE', 'NO', 'SE', 'DK', 'GB'];

/** The tax id's name where the account is: RUC in Peru, NIF / CIF in Spain, Org.nr. in Norway… */
export function taxIdLabel(t: TFunction, country: string | null): string {
  return country && namedCountries.includes(country) ? t(`company:taxId.label.${country}`) : t('accounts:field.taxId');
}

/** A person's national id number by country: DNI / NIE in Spain, DNI in Peru, fødselsnummer in Norway… */
export function nationalIdLabel(t: TFunction, country: string | null): string {
  return country && namedCountries.includes(country) ? t(`company:nationalId.label.${country}`) : t('accounts:field.nationalId');
}

/** Languages a person is most often written to in; the names come from the browser in the user's language. */
export const personLanguages = ['es', 'en', 'pt', 'fr', 'de', 'it', 'ca', 'eu', 'gl', 'nb', 'sv', 'da'] as const;

export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
