import { type ErrorCatalogue, errorsOf } from './errors.ts'

/**
 * Codes any route may answer, whatever its capability: input the HTTP layer refuses, authentication,
 * rate limits, idempotency, database refusals no schema caught, and failures on our side.
 */
export const commonErrors = {
  invalid_input: {
    status: 400,
    meaning:
      'A field is missing, malformed or out of range (`details.field` names it): correct it and send again.',
  },
  invalid_body: { status: 400, meaning: 'The body is not a readable JSON document: send valid JSON.' },
  bad_request: {
    status: 400,
    meaning: 'The request itself cannot be read (URL, headers): the message says what to correct.',
  },
  unauthenticated: {
    status: 401,
    meaning: 'No API key, or an unknown or revoked one: send a valid key as `Authorization: Bearer <key>`.',
  },
  forbidden: {
    status: 403,
    meaning: "This key's role, store or channel may not do this: use a key that may, or a manager key.",
  },
  route_not_found: { status: 404, meaning: 'No such method and path: check the URL against /openapi.json.' },
  already_exists: {
    status: 409,
    meaning: 'Something with the same unique value already exists: look it up instead of creating it again.',
  },
  retry: {
    status: 409,
    meaning: 'Another request changed the same data at the same moment: send the request again.',
  },
  body_too_large: { status: 413, meaning: 'The body is over 5 MB: send less at a time.' },
  unsupported_media_type: {
    status: 415,
    meaning: 'The body is not JSON: send it with `Content-Type: application/json`.',
  },
  idempotency_key_reused: {
    status: 422,
    meaning: 'This Idempotency-Key was used for a different request: use a new key for a new request.',
  },
  unknown_reference: {
    status: 422,
    meaning: 'The request refers to something that does not exist (`details.constraint`): create it first.',
  },
  constraint_violated: {
    status: 422,
    meaning: 'The database refused a value by one of its rules (`details.constraint`): correct the value.',
  },
  too_many_requests: {
    status: 429,
    meaning:
      'Too many failed authentications or keyless requests from this address: wait as `Retry-After` says.',
  },
  internal_error: {
    status: 500,
    meaning: 'Something failed on our side and nothing was applied: retry later, and report it if it lasts.',
  },
  database_unavailable: {
    status: 503,
    meaning:
      'The database cannot be reached right now: retry after `Retry-After` with the same Idempotency-Key.',
  },
} as const satisfies ErrorCatalogue

/**
 * Codes that stop a command or the server's start, never answered over HTTP: the command line prints
 * their message and exits.
 */
export const startupErrors = {
  invalid_config: {
    status: 400,
    meaning:
      'A setting (environment variable or flag) has a value it does not accept: the message says which.',
  },
  data_dir_locked: {
    status: 409,
    meaning: 'Another process uses this embedded database: stop it, or use another data directory.',
  },
  database_not_empty: {
    status: 409,
    meaning: 'The demo is only loaded into an empty database: use a new data directory or database.',
  },
  demo_keys_active: {
    status: 409,
    meaning:
      'The public demo keys still work and the address is reachable: revoke them or serve on 127.0.0.1.',
  },
} as const satisfies ErrorCatalogue

export const { fail } = errorsOf(commonErrors)
export const { fail: startupError } = errorsOf(startupErrors)
