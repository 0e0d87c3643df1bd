import { ERROR_MESSAGES, FIELD_MESSAGES, type ErrorCode, type FieldError, type FieldMessageKey, type LocalizedText } from '@kehu/contracts';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  account_locked: 429,
  rate_limited: 429,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  import_failed: 422,
  internal: 500,
};

/** The one error type of the server; mapped to HTTP in the errors plugin only. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: { message?: LocalizedText; fields?: FieldError[]; details?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.status = STATUS[code];
  }
  get text(): LocalizedText {
    return this.options.message ?? ERROR_MESSAGES[this.code];
  }
}

export const notFound = (): AppError => new AppError('not_found');
export const forbidden = (): AppError => new AppError('forbidden');

/** A 409 naming the field that collides, e.g. a duplicate ID number in the tenant. */
export function conflictOn(path: string, message: LocalizedText): AppError {
  return new AppError('conflict', { message, fields: [{ path, code: 'duplicate', message }] });
}

/** A 400 naming one field, with a catalogue message. */
export function invalidField(path: string, key: FieldMessageKey): AppError {
  return new AppError('validation_failed', { fields: [{ path, code: key, message: FIELD_MESSAGES[key] }] });
}
