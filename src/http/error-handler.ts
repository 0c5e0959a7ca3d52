import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { loggableError } from '../db/loggable-error.ts'
import { connectionFailure } from '../db/unavailable.ts'
import { type commonErrors, fail } from '../shared/common.errors.ts'
import { AppError } from '../shared/errors.ts'

interface PgErrorLike {
  code?: string
  column?: string
  constraint?: string
  detail?: string
  message?: string
}

/** Maps every error to `{ error: { code, message, details } }` and its status, in one place. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (connectionFailure(err)) return databaseUnavailable(err, req, reply)
  const app = toAppError(err)
  // Never `{ err }`: a database error carries the statement's parameters, i.e. personal data.
  if (app.status >= 500) req.log.error({ error: loggableError(err) }, 'request failed')
  // Bad input that only the database caught: a schema lacks a bound worth adding.
  else if (app.details?.pg_code) req.log.warn({ error: loggableError(err) }, 'database refused a value')
  const retryAfter = app.details?.retry_after_s
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter))
  return reply.status(app.status).send({
    error: { code: app.code, message: app.message, ...(app.details ? { details: app.details } : {}) },
  })
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  const e = err as FastifyError
  if (e.validation && e.validation.length > 0) return validationError(e)
  const pgErr = findPgError(err)
  if (pgErr) return pgError(pgErr)
  if (typeof e.statusCode === 'number' && e.statusCode < 500) return requestError(e)
  return fail('internal_error', 'Something went wrong on our side; the request was not applied.')
}

/** Seconds a client waits before retrying when the database cannot be reached. */
const RETRY_AFTER_S = 1

/**
 * The database connection was cut or refused (restart, failover, terminated backend): a 503 the client
 * retries, with the same Idempotency-Key so that a request whose commit went through is not applied twice.
 * Logged as a warning with the failure only, never the statement or its values.
 */
function databaseUnavailable(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  req.log.warn({ reason: connectionFailure(err) }, 'database unavailable')
  return reply
    .status(503)
    .header('retry-after', String(RETRY_AFTER_S))
    .send({
      error: {
        code: 'database_unavailable',
        message:
          'The database cannot be reached right now (restart, failover or lost connection); the request ' +
          'may not have been applied. It is retryable: retry in a moment with the same Idempotency-Key, ' +
          'which applies it once.',
      },
    })
}

function validationError(e: FastifyError): AppError {
  const first = e.validation![0]!
  const params = first.params as Record<string, unknown>
  const base = `${e.validationContext ?? 'body'}${first.instancePath}`
  const field =
    typeof params.missingProperty === 'string'
      ? `${base}/${params.missingProperty}`
      : typeof params.additionalProperty === 'string'
        ? `${base}/${params.additionalProperty}`
        : base
  const message =
    typeof params.additionalProperty === 'string' ? 'is not a known field' : (first.message ?? 'is invalid')
  return fail('invalid_input', `${field}: ${message}`, { field })
}

/** Fastify's own refusals of a request it cannot read, under stable codes. */
const fastifyCodes: Record<string, keyof typeof commonErrors> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_body',
}

function requestError(e: FastifyError): AppError {
  const status = e.statusCode!
  // Any other refusal is `bad_request`, under the 4xx status Fastify gave it: the list of codes stays closed.
  const code =
    fastifyCodes[e.code] ?? (status === 400 && e instanceof SyntaxError ? 'invalid_body' : 'bad_request')
  const hint =
    code === 'unsupported_media_type'
      ? ' Send JSON with "Content-Type: application/json".'
      : code === 'invalid_body'
        ? ' Send a valid JSON document.'
        : ''
  const message = `${e.message}.${hint}`.replace('..', '.')
  return code === 'bad_request' ? new AppError(status, 'bad_request', message) : fail(code, message)
}

function findPgError(err: unknown): PgErrorLike | undefined {
  let cur = err as (PgErrorLike & { cause?: unknown }) | undefined
  for (let depth = 0; cur && depth < 4; depth++) {
    if (typeof cur.code === 'string' && /^[0-9A-Z]{5}$/.test(cur.code)) return cur
    cur = cur.cause as typeof cur
  }
  return undefined
}

function pgError(e: PgErrorLike): AppError {
  switch (e.code) {
    case '23505':
      return fail('already_exists', `Already exists: ${e.detail ?? e.constraint ?? 'duplicate value'}.`, {
        constraint: e.constraint,
      })
    case '23503':
      return fail('unknown_reference', `Refers to something that does not exist: ${e.detail ?? ''}`, {
        constraint: e.constraint,
      })
    case '23514':
      return fail('constraint_violated', `Refused by rule ${e.constraint ?? ''}.`, {
        constraint: e.constraint,
      })
    // Values the database cannot store: normally refused by the schemas first (see input-guard.ts).
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22021':
    case '22P02':
    case '22P05':
      return fail(
        'invalid_input',
        'A value in the request cannot be stored: a number out of range, a malformed date or id, ' +
          'text that is too long or holds a character such as NUL (\\u0000). Correct it and send again.',
        { pg_code: e.code, ...(e.column ? { field: e.column } : {}) },
      )
    case '40001':
    case '40P01':
      return fail('retry', 'Another request changed the same data; retry the request.')
    default:
      return fail('internal_error', 'Something went wrong on our side; the request was not applied.')
  }
}
