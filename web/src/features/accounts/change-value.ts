export const emptyValue = '—';

/** A value from the audit log, readable in a sentence: lists joined, objects as their filled parts. */
export function formatChangeValue(value: unknown, translate: (text: string) => string = (text) => text): string {
  if (value === null || value === undefined || value === '') return emptyValue;
  if (Array.isArray(value) || typeof value === 'object') {
    const parts = Object.values(value)
      .map((part) => formatChangeValue(part, translate))
      .filter((part) => part !== emptyValue);
    return parts.length > 0 ? parts.join(', ') : emptyValue;
  }
  if (typeof value === 'string') return translate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return emptyValue;
}
