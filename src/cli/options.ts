import type { Command } from 'commander'
import type { ConfigInput } from '../shared/config.ts'

/** The flags every command that opens the database accepts. */
export function databaseOptions(command: Command): Command {
  return command
    .option('--database-url <url>', 'PostgreSQL URL (env DATABASE_URL); without it, the embedded database')
    .option(
      '--data-dir <dir>',
      'directory of the embedded database (env PASSERELLE_DATA_DIR, default ./data)',
    )
}

export function configFlags(opts: Record<string, string | undefined>): ConfigInput {
  return {
    port: opts.port,
    host: opts.host,
    databaseUrl: opts.databaseUrl,
    dataDir: opts.dataDir,
    logLevel: opts.logLevel,
    sweepInterval: opts.sweepInterval,
    rateLimit: opts.rateLimit,
    authFailureLimit: opts.authFailureLimit,
    trustProxy: opts.trustProxy,
  }
}
