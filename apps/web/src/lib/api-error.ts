import { apiError as apiErrorSchema, ERROR_MESSAGES } from '@kehu/contracts';
import type { ErrorCode, FieldError, LocalizedText } from '@kehu/contracts';

/** Every failed API call surfaces as one of these: the server's error shape, typed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly text: LocalizedText,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> | undefined = undefined,
  ) {
    super(text.en);
    this.name = 'ApiError';
  }
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400: return 'validation_failed';
    case 401: return 'unauthenticated';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 413: return 'payload_too_large';
    case 415: return 'unsupported_media_type';
    case 429: return 'rate_limited';
    default: return 'internal';
  }
}

/** Builds an ApiError from a response body, tolerating bodies that are not the error shape. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const e = parsed.data;
    return new ApiError(status, e.code, e.message, e.fields ?? [], e.details);
  }
  const code = codeForStatus(status);
  return new ApiError(status, code, ERROR_MESSAGES[code]);
}

export const NETWORK_ERROR_TEXT: LocalizedText = {
  'zh-CN': '无法连接服务器，请检查网络后重试。',
  en: 'Cannot reach the server; check the network and try again.',
};
