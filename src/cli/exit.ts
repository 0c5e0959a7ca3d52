import { AppError } from '../shared/errors.ts'

/**
 * Ends the process with exit code 1 and a message a person can act on. Configuration, lock and
 * business refusals (AppError) and unreachable databases print their message only; anything else is
 * a bug and keeps its stack.
 */
export function exitWithError(err: unknown): never {
  process.stderr.write(`passerelle: ${describe(err)}\n`)
  process.exit(1)
}

function describe(err: unknown): string {
  if (err instanceof AppError) {
    return err.code === 'invalid_config' ? `invalid configuration: ${err.message}` : err.message
  }
  const code = (err as { code?: unknown })?.code
  const message = err instanceof Error ? err.message : String(err)
  if (typeof code === 'string' && /^(E[A-Z]+|[0-9A-Z]{5})$/.test(code)) {
    // Network errors (ECONNREFUSED, ENOTFOUND…) and PostgreSQL errors (SQLSTATE, e.g. 3D000).
    return `cannot use the database: ${message || code}`
  }
  return err instanceof Error ? (err.stack ?? message) : message
}
