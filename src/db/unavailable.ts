/**
 * PostgreSQL errors of a connection that was cut or could not be made: the server shut down, crashed,
 * is starting up, terminated the backend (pg_terminate_backend, a failover), or has no slot left.
 */
const postgresCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
])
/** The same seen from the socket (server down, connection reset by a proxy, DNS during a failover). */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
])
/** And as the `pg` driver words it when the socket closed under it or the pool gave up waiting. */
const driverMessages =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/

interface ErrorLike {
  code?: unknown
  message?: unknown
  cause?: unknown
}

/**
 * Whether an error (or what it wraps) says the database cannot be reached right now, rather than that
 * the request is wrong: the request may be retried once the connection is back.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return connectionFailure(err) !== undefined
}

/** The code or message that shows the connection failed, for logs (never the statement or its values). */
export function connectionFailure(err: unknown): string | undefined {
  let cur = err as ErrorLike | undefined
  for (let depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    if (typeof cur.code === 'string' && (postgresCodes.has(cur.code) || socketCodes.has(cur.code))) {
      return cur.code
    }
    if (typeof cur.message === 'string' && driverMessages.test(cur.message)) return cur.message
    cur = cur.cause as ErrorLike | undefined
  }
  return undefined
}
