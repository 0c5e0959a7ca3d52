import type { Command } from 'commander'
import { loadConfig } from '../shared/config.ts'
import { configFlags, databaseOptions } from './options.ts'
import { progressOnStderr } from './progress.ts'

export function serveCommand(program: Command) {
  databaseOptions(
    program
      .command('serve')
      .description(
        'Start the HTTP API; an empty embedded database first gets the demo retailer and its demo keys',
      )
      .option('-p, --port <port>', 'port to listen on, 0 for any free port (env PORT, default 3000)')
      .option('--host <host>', 'interface to listen on (env HOST, default 127.0.0.1)'),
  )
    .option(
      '--log-level <level>',
      'fatal, error, warn, info, debug, trace or silent (env LOG_LEVEL, default info)',
    )
    .option(
      '--sweep-interval <seconds>',
      'seconds between passes of the draft-expiry, scheduled-price and analytics jobs (env PASSERELLE_SWEEP_INTERVAL, default 15)',
    )
    .option(
      '--rate-limit <n>',
      'requests per minute and client address without a valid API key, 0 for none (env PASSERELLE_RATE_LIMIT, default 1000)',
    )
    .option(
      '--auth-failure-limit <n>',
      'failed authentications per minute and client address before 429 (env PASSERELLE_AUTH_FAILURE_LIMIT, default 20)',
    )
    .option(
      '--trust-proxy <proxies>',
      'addresses or CIDRs of reverse proxies whose X-Forwarded-For gives the client address (env PASSERELLE_TRUST_PROXY)',
    )
    .option('--no-jobs', 'leave the background jobs to a `passerelle worker` on the same PostgreSQL database')
    .option('--demo', 'load the demo retailer into an empty PostgreSQL database too (for trying only)')
    .option('--no-demo', 'leave an empty embedded database empty (no demo retailer, no demo keys)')
    .addHelpText(
      'after',
      `
Examples:
  $ passerelle serve
  $ PORT=8080 passerelle serve --data-dir /var/lib/passerelle
  $ passerelle serve --host 0.0.0.0 --database-url postgres://passerelle@db:5432/passerelle

An empty PostgreSQL database starts with no data and no API key: create the first admin key with
\`passerelle keys create --role admin --name "Back office"\`. A server listening on an address other
than 127.0.0.1, ::1 or localhost refuses to start while the public demo keys work
(\`passerelle keys revoke-demo\` revokes them).`,
    )
    .action(async (opts: Record<string, string | undefined> & { demo?: boolean; jobs?: boolean }) => {
      const config = loadConfig(configFlags(opts))
      const progress = progressOnStderr()
      try {
        // The server's modules are loaded when it starts: `--help` and a refused setting answer at once.
        const { startServer } = await import('../app/server.ts')
        await startServer(config, { onProgress: progress.onProgress, demo: opts.demo, jobs: opts.jobs })
      } finally {
        progress.stop()
      }
    })
}
