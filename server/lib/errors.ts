/** Every error a client can see, with its HTTP status. Messages live in lib/messages.ts. */
export const errorStatus = {
  validation_failed: 400,
  bad_cursor: 400,
  wrong_password: 400,
  invalid_reference: 400,
  encoded_path: 400,
  malformed_url: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  email_taken: 409,
  setup_done: 409,
  team_not_empty: 409,
  contact_exists: 409,
  last_admin: 409,
  already_customer: 409,
  not_qualified: 409,
  mail_not_configured: 409,
  mail_from_environment: 409,
  merge_not_undoable: 409,
  merged_account: 409,
  quote_not_draft: 409,
  quote_not_open: 409,
  quote_expired: 409,
  quote_not_accepted: 409,
  invoice_number_taken: 409,
  invoice_not_payable: 409,
  invoice_not_deliverable: 409,
  agreement_not_draft: 409,
  agreement_invalid_transition: 409,
  agreement_no_document: 409,
  agreement_not_open: 409,
  agreement_ended: 409,
  stale_version: 412,
  payload_too_large: 413,
  file_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  assignee_cannot_see_account: 422,
  too_many_attempts: 429,
  headers_too_large: 431,
  registry_quota: 429,
  internal: 500,
  registry_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldError = { field: string; code: string; params?: Record<string, unknown> };

/** The one error type: a stable code, mapped to a status and a translated message by the handler. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, options: { fields?: FieldError[]; params?: Record<string, string | number> } = {}) {
    super(code);
    this.code = code;
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = () => new AppError('not_found');
export const fieldError = (field: string, code: string) => new AppError('validation_failed', { fields: [{ field, code }] });
