/** A value from the audit log, readable in a sentence: lists joined, objects as their filled parts. */
export function formatChangeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    const parts = value.map(formatChangeValue).filter((part) => part !== '—');
    return parts.length > 0 ? parts.join(', ') : '—';
  }
  if (typeof value === 'object') {
    const parts = Object.values(value).map(formatChangeValue).filter((part) => part !== '—');
    return parts.length > 0 ? parts.join(', ') : '—';
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '—';
}
