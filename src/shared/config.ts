import { startupError } from './common.errors.ts'
import type { AppError } from './errors.ts'

export interface Config {
  port: number
  host: string
  databaseUrl?: string
  dataDir: string
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** Seconds between two passes of the draft-expiry sweeper. */
  sweepIntervalS: number
  /** Requests per minute and client address without a valid API key (0: no limit). */
  rateLimit: number
  /** Failed authentications per minute and client address before 429 (0: no limit). */
  authFailureLimit: number
  /** Reverse proxies whose X-Forwarded-For is believed: addresses or CIDRs, comma-separated. */
  trustProxy?: string
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

export type ConfigInput = Partial<
  Record<
    | 'port'
    | 'host'
    | 'databaseUrl'
    | 'dataDir'
    | 'logLevel'
    | 'sweepInterval'
    | 'rateLimit'
    | 'authFailureLimit'
    | 'trustProxy',
    string
  >
>

/**
 * Configuration from the environment, overridden by CLI flags. Any invalid value stops the start
 * with a message naming the variable and what it accepts.
 */
export function loadConfig(flags: ConfigInput = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer('PORT / --port', flags.port ?? env.PORT ?? '3000', 0, 65535)
  const host = flags.host ?? env.HOST ?? '127.0.0.1'
  if (!host.trim()) throw configError('HOST / --host', 'must not be empty')
  const databaseUrl = flags.databaseUrl ?? env.DATABASE_URL ?? undefined
  if (databaseUrl !== undefined && databaseUrl !== '' && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw configError('DATABASE_URL / --database-url', 'must start with postgres:// or postgresql://')
  }
  const dataDir = flags.dataDir ?? env.PASSERELLE_DATA_DIR ?? './data'
  const logLevel = (flags.logLevel ?? env.LOG_LEVEL ?? 'info') as Config['logLevel']
  if (!logLevels.includes(logLevel)) {
    throw configError('LOG_LEVEL / --log-level', `must be one of ${logLevels.join(', ')}`)
  }
  const sweepIntervalS = integer(
    'PASSERELLE_SWEEP_INTERVAL / --sweep-interval',
    flags.sweepInterval ?? env.PASSERELLE_SWEEP_INTERVAL ?? '15',
    1,
    3600,
  )
  const rateLimit = integer(
    'PASSERELLE_RATE_LIMIT / --rate-limit',
    flags.rateLimit ?? env.PASSERELLE_RATE_LIMIT ?? '1000',
    0,
    10_000_000,
  )
  const authFailureLimit = integer(
    'PASSERELLE_AUTH_FAILURE_LIMIT / --auth-failure-limit',
    flags.authFailureLimit ?? env.PASSERELLE_AUTH_FAILURE_LIMIT ?? '20',
    0,
    100_000,
  )
  const proxies = (flags.trustProxy ?? env.PASSERELLE_TRUST_PROXY ?? '').trim()
  const trustProxy = proxies === '' ? undefined : proxies
  return {
    port,
    host,
    databaseUrl: databaseUrl || undefined,
    dataDir,
    logLevel,
    sweepIntervalS,
    rateLimit,
    authFailureLimit,
    trustProxy,
  }
}

function integer(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw)
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw configError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`)
  }
  return value
}

function configError(name: string, message: string): AppError {
  return startupError('invalid_config', `${name} ${message}.`, { setting: name })
}
