/** A zod issue reduced to what both server and web need to show a translated field error. */
export type IssueLike = {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  params?: Record<string, unknown>;
};

export type FieldIssue = { field: string; code: string; params: Record<string, unknown> };

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Maps a zod issue to a stable field-error code (required, too_long, invalid_email…) that both
 * languages have a message for. Missing values read "required", not "invalid type".
 */
export function fieldIssue(issue: IssueLike): FieldIssue {
  const params = issue.params ?? {};
  const field = issue.path.map(String).join('.');
  const origin = str(params.origin);
  const code = ((): string => {
    switch (issue.code) {
      case 'too_small':
        if (origin === 'string') return params.minimum === 1 ? 'required' : 'too_short';
        return 'too_small';
      case 'too_big':
        if (origin === 'string') return 'too_long';
        if (origin === 'array') return 'too_many';
        return 'too_big';
      case 'invalid_format':
        if (params.format === 'email') return 'invalid_email';
        if (params.format === 'uuid') return 'invalid_uuid';
        return 'invalid_format';
      case 'invalid_type':
        return /received undefined/.test(issue.message) ? 'required' : 'invalid_type';
      case 'invalid_value':
      case 'invalid_union':
      case 'invalid_key':
      case 'invalid_element':
        return 'invalid_value';
      case 'unrecognized_keys':
        return 'unknown_field';
      case 'custom': {
        const nested = params.params;
        const custom = typeof nested === 'object' && nested !== null && 'code' in nested ? str(nested.code) : str(params.code);
        return custom ?? 'invalid';
      }
      default:
        return 'invalid';
    }
  })();
  return { field, code, params: { minimum: params.minimum, maximum: params.maximum } };
}

/**
 * The field errors of one zod issue: an unknown-keys issue names each key it refused
 * (`country`, `addresses.visit.zip`), not the object that held them.
 */
export function fieldIssues(issue: IssueLike): FieldIssue[] {
  const keys = issue.params?.keys;
  if (issue.code !== 'unrecognized_keys' || !Array.isArray(keys) || keys.length === 0) return [fieldIssue(issue)];
  return keys.map((key) => fieldIssue({ ...issue, path: [...issue.path, String(key)] }));
}
