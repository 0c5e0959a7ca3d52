import { type Command, InvalidArgumentError } from 'commander'
import { type BenchSection, benchSections } from '../bench/sections.ts'
import { loadConfig } from '../shared/config.ts'

function positive(name: string, max: number) {
  return (raw: string) => {
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(`${name} is a whole number from 1 to ${max}.`)
    return n
  }
}

function sections(raw: string): BenchSection[] {
  const list = raw.split(',').map((s) => s.trim())
  const unknown = list.filter((s) => !benchSections.includes(s as BenchSection))
  if (unknown.length)
    throw new InvalidArgumentError(
      `unknown section ${unknown.join(', ')}; sections: ${benchSections.join(', ')}.`,
    )
  return list as BenchSection[]
}

export function benchCommand(program: Command) {
  program
    .command('bench')
    .description(
      'Measure the engine over HTTP on a scratch database: orders/s, latencies, oversell race, availability',
    )
    .option('--duration <s>', 'seconds of order load (and of pgbench)', positive('--duration', 3600), 20)
    .option(
      '--concurrency <n>',
      'concurrent HTTP clients placing orders',
      positive('--concurrency', 1000),
      16,
    )
    .option('--only <sections>', `comma-separated sections: ${benchSections.join(', ')}`, sections)
    .option(
      '--api-processes <n>',
      'API processes sharing the load: above 1, `serve --no-jobs` processes plus a `passerelle worker` (PostgreSQL only)',
      positive('--api-processes', 16),
      1,
    )
    .option('--json', 'print one JSON object as the last line')
    .option(
      '--database-url <url>',
      'PostgreSQL server to create the scratch database on (default DATABASE_URL)',
    )
    .addHelpText(
      'after',
      `
The bench starts a real server in its own process on a scratch database — a new database on the
PostgreSQL server of DATABASE_URL (dropped afterwards), or a temporary embedded one — loads the demo
retailer, tops up stock, then measures. On PostgreSQL it also runs pgbench TPC-B (-s 10, 16 clients)
on the same server so both figures come from one run. The scale section (PostgreSQL only) loads
the demo, then grows copies of it to 10× and 100× its catalogue over 200 stores, and measures orders,
availability and routing at each size (a few minutes). Progress goes to stderr.

Examples:
  $ npm run bench
  $ npm run bench -- --duration 30 --concurrency 32 --json
  $ DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run bench -- --only orders,oversell
  $ DATABASE_URL=… NATS_URL=nats://127.0.0.1:4222 npm run bench -- --only orders,pgbench,events --json
  $ DATABASE_URL=… npm run bench -- --only orders --api-processes 2 --duration 10

The events section places orders again while a webhook receiver started by the bench (and, with
NATS_URL, a JetStream consumer) measures the lag from each order's commit to its event's arrival, the
backlog 1 s after the load stops, and the deliveries per second of a replay to a second subscription.`,
    )
    .action(
      async (opts: {
        duration: number
        concurrency: number
        only?: BenchSection[]
        json?: boolean
        databaseUrl?: string
        apiProcesses: number
      }) => {
        const config = loadConfig({ databaseUrl: opts.databaseUrl })
        const { runBench } = await import('../bench/bench.ts')
        const result = await runBench({
          durationS: opts.duration,
          concurrency: opts.concurrency,
          only: opts.only,
          json: Boolean(opts.json),
          databaseUrl: config.databaseUrl,
          apiProcesses: opts.apiProcesses,
        })
        const width = Math.max(...Object.keys(result).map((k) => k.length))
        for (const [k, v] of Object.entries(result)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`)
        if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`)
      },
    )
}
