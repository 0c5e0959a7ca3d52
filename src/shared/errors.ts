/**
 * The one error type of the engine. `code` is stable and documented; clients branch on it.
 * `status` is the HTTP status the error handler answers with.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** The statuses an error code may answer with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503

/** One code of a catalogue: the status it always answers with, and what it means for the client. */
export interface ErrorEntry {
  readonly status: ErrorStatus
  /** One line: what happened and what the client should do next. */
  readonly meaning: string
}

/**
 * The codes one part of the engine can answer, `as const satisfies ErrorCatalogue` in its `*.errors.ts`:
 * the closed list that `errorsOf` binds its error makers to, and that the OpenAPI document and
 * docs/errors.md publish.
 */
export type ErrorCatalogue = { readonly [code: string]: ErrorEntry }

type Code<C extends ErrorCatalogue> = keyof C & string
/** The codes of `C` that answer `S`. */
type CodeWithStatus<C extends ErrorCatalogue, S extends ErrorStatus> = {
  [K in Code<C>]: C[K]['status'] extends S ? K : never
}[Code<C>]
/** `order` for `order_not_found`: the entities `notFound` may name. */
type NotFoundEntity<C extends ErrorCatalogue> = {
  [K in Code<C>]: K extends `${infer E}_not_found` ? (C[K]['status'] extends 404 ? E : never) : never
}[Code<C>]

type Details = Record<string, unknown>

/**
 * Error makers that accept only the codes of `catalogue`, with the status it lists for them: a code
 * that is not listed, or listed with another status, does not compile.
 *
 *     export const { refused, conflict, notFound, fail } = errorsOf(ordersErrors)
 */
export function errorsOf<const C extends ErrorCatalogue>(catalogue: C) {
  return {
    /** A business rule refuses the request (422). */
    refused: (code: CodeWithStatus<C, 422>, message: string, details?: Details) =>
      new AppError(422, code, message, details),
    /** The request clashes with the current state of the data (409). */
    conflict: (code: CodeWithStatus<C, 409>, message: string, details?: Details) =>
      new AppError(409, code, message, details),
    /** Nothing with this id (404 `<entity>_not_found`). */
    notFound: (entity: NotFoundEntity<C>, id: string) =>
      new AppError(404, `${entity}_not_found`, `No ${entity.replaceAll('_', ' ')} with id or code "${id}".`, {
        id,
      }),
    /** Any listed code, with the status the catalogue gives it. */
    fail: (code: Code<C>, message: string, details?: Details) =>
      new AppError(catalogue[code]!.status, code, message, details),
  }
}

/** Input that is well-formed but wrong: names the field so the caller can fix it. */
export function invalidInput(field: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(400, 'invalid_input', `${field}: ${message}`, { field, ...details })
}

export function forbidden(message: string): AppError {
  return new AppError(403, 'forbidden', message)
}
