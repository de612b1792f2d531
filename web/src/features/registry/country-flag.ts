import type { RegistryCountry } from '@contract/registry';

/** The country's flag as regional-indicator letters (the code is always shown beside it too). */
export const countryFlag = (country: RegistryCountry): string =>
  String.fromCodePoint(...[...country].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65));
