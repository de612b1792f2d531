import type { RegistryCountry } from '@contract/registry';
import { useCallback, useState } from 'react';

const storageKey = (userId: string) => `cartera.registry.unticked.${userId}`;

function readUnticked(userId: string): RegistryCountry[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((value): value is RegistryCountry => typeof value === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Which countries the user searches (seed 003: untick a flag to stop searching that country),
 * remembered per user on this browser. The unticked ones are stored, so a register an admin
 * turns on later starts ticked.
 */
export function useCountryTicks(userId: string, available: RegistryCountry[]) {
  const [unticked, setUnticked] = useState<RegistryCountry[]>(() => readUnticked(userId));
  const toggle = useCallback((country: RegistryCountry) => {
    setUnticked((current) => {
      const next = current.includes(country) ? current.filter((value) => value !== country) : [...current, country];
      try {
        window.localStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        // Storage can be disabled: the ticks still work until the page is left.
      }
      return next;
    });
  }, [userId]);
  return { ticked: available.filter((country) => !unticked.includes(country)), toggle };
}
