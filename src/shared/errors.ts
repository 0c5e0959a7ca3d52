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

/** Input that is well-formed but wrong: names the field so the caller can fix it. */
export function invalidInput(field: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(400, 'invalid_input', `${field}: ${message}`, { field, ...details })
}

export function notFound(entity: string, id: string): AppError {
  return new AppError(
    404,
    `${entity}_not_found`,
    `No ${entity.replaceAll('_', ' ')} with id or code "${id}".`,
    {
      id,
    },
  )
}

export function forbidden(message: string): AppError {
  return new AppError(403, 'forbidden', message)
}

export function conflict(code: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(409, code, message, details)
}

/** A business rule refuses the request (422). */
export function refused(code: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(422, code, message, details)
}
