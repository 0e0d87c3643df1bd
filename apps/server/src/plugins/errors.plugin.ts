import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { localizeIssue, type ApiError } from '@kehu/contracts';
import { AppError } from '../errors/app-error.ts';

function body(e: AppError): ApiError {
  return { code: e.code, message: e.text, ...(e.options.fields ? { fields: e.options.fields } : {}), ...(e.options.details ? { details: e.options.details } : {}) };
}

/** Maps fastify's own errors (bad JSON, wrong content type, too large) to the one error shape. */
function fromFastify(err: FastifyError): AppError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? new AppError('unsupported_media_type') : new AppError('validation_failed');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    default:
      break;
  }
  if (err.statusCode === 429) return new AppError('rate_limited');
  if (err instanceof SyntaxError && err.statusCode === 400) return new AppError('malformed_json');
  if (err.statusCode === 415) return new AppError('unsupported_media_type');
  if (err.statusCode === 413) return new AppError('payload_too_large');
  return null;
}

/** The one place where errors become HTTP responses. 5xx reveal nothing of the inside. */
export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let e: AppError | null = null;
    if (err instanceof AppError) e = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext && err.validationContext !== 'body' ? `${err.validationContext}.` : '';
      e = new AppError('validation_failed', {
        fields: err.validation.map((v) => {
          const f = localizeIssue({ code: v.keyword, path: v.instancePath, message: v.message, params: v.params });
          return { ...f, path: where + f.path };
        }),
      });
    } else e = fromFastify(err);
    if (!e || e.status >= 500) {
      req.log.error({ err }, 'unhandled error');
      e = new AppError('internal');
    }
    if (e.options.headers) void reply.headers(e.options.headers);
    return reply.status(e.status).send(body(e));
  });
}, { name: 'kehu-errors' });
