import type { Command } from 'commander'
import type { JobLog } from '../jobs/job.ts'
import { type Config, loadConfig } from '../shared/config.ts'
import { configFlags, databaseOptions } from './options.ts'

const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const

/** JSON lines on stdout, the shape the API server's log has (level, time, msg and the job's fields). */
function jsonLines(level: Config['logLevel']): JobLog {
  const from = level === 'silent' ? levels.length : levels.indexOf(level)
  const at = (name: (typeof levels)[number], n: number) => (o: object, msg: string) => {
    if (levels.indexOf(name) < from) return
    process.stdout.write(`${JSON.stringify({ level: n, time: Date.now(), ...o, msg })}\n`)
  }
  return { debug: at('debug', 20), info: at('info', 30), warn: at('warn', 40), error: at('error', 50) }
}

export function workerCommand(program: Command) {
  databaseOptions(
    program
      .command('worker')
      .description(
        'Run the background jobs only (event relay, webhooks, NATS, draft expiry, scheduled prices, analytics) beside API servers started with --no-jobs',
      ),
  )
    .option(
      '--log-level <level>',
      'fatal, error, warn, info, debug, trace or silent (env LOG_LEVEL, default info)',
    )
    .option(
      '--sweep-interval <seconds>',
      'seconds between passes of jobs without an interval of their own (env PASSERELLE_SWEEP_INTERVAL, default 15)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ passerelle serve --no-jobs --database-url postgres://passerelle@db:5432/passerelle   (API, as many as needed)
  $ passerelle worker --database-url postgres://passerelle@db:5432/passerelle            (jobs)

Each job runs in one process at a time (an advisory lock per job), so a second worker is a standby.
On the embedded database \`passerelle serve\` runs the jobs itself: it is the only process.`,
    )
    .action(async (opts: Record<string, string | undefined>) => {
      const config = loadConfig(configFlags(opts))
      const { startWorker } = await import('../app/server.ts')
      await startWorker(config, { log: jsonLines(config.logLevel) })
    })
}
