import pg from 'pg'
import { perSecond, summarise } from './stats.ts'
import { type BenchCatalog, type Http, prng, randomOrder } from './workload.ts'

const log = (msg: string) => process.stderr.write(`${msg}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** What the SMTP receiver got: the order number a confirmation names, and when it arrived. */
interface Arrival {
  orderNumber: string
  at: number
}

export interface SmtpReceiver {
  url: string
  arrivals: Arrival[]
  received: () => number
  close(): Promise<void>
}

/**
 * A real SMTP server in this process (the `smtp-server` package, installed with the development
 * dependencies: the bench runs from a checkout), started before the server so its SMTP_URL points here.
 */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const { SMTPServer } = await import('smtp-server')
  const arrivals: Arrival[] = []
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const at = Date.now()
        received++
        const subject = subjectOf(Buffer.concat(chunks).toString('utf8'))
        // Order numbers have six digits or more; nothing else in a confirmation's subject does.
        const orderNumber = /(\d{6,})/.exec(subject)?.[1]
        if (orderNumber) arrivals.push({ orderNumber, at })
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.server.address() as { port: number }
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    received: () => received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

/** The Subject header, unfolded, its RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ')
  const line = head.split('\r\n').find((l) => /^subject:/i.test(l)) ?? ''
  return line
    .slice(8)
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeURIComponent(
            text
              .replace(/_/g, ' ')
              .replace(/%/g, '%25')
              .replace(/=([0-9A-Fa-f]{2})/g, '%$1'),
          ),
    )
}

export interface NotificationsContext {
  admin: Http
  catalog: BenchCatalog
  receiver: SmtpReceiver
  durationS: number
  concurrency: number
  /** The scratch PostgreSQL database, when the bench runs on one: the stages' times are read there. */
  databaseUrl?: string
}

/**
 * Messages to customers under an order load: `concurrency` clients place the orders section's orders,
 * each for one of 200 customers who asked for e-receipts (so every order, till sales included, sends
 * its confirmation), while the server's own jobs render the confirmations and hand them to the SMTP
 * server in this process. Reports the orders' rate, the messages the SMTP server received per second
 * while orders came, and the lag from sending the order (before its event exists: an upper bound of
 * the lag from the event) to the e-mail's arrival, p50/p99, with the messages still missing 10 s after
 * the last order.
 */
export async function notificationsSection(ctx: NotificationsContext): Promise<Record<string, unknown>> {
  log(
    'bench: notifications — 200 customers with e-receipts, then orders for them, mail to a local SMTP server…',
  )
  const customers: string[] = []
  for (let i = 0; i < 200; i++) {
    const res = await ctx.admin.call('POST', '/api/v1/customers', {
      first_name: 'Client',
      last_name: `Bench ${i}`,
      email: `bench.${process.pid}.${i}@example.test`,
    })
    if (res.status !== 201) throw new Error(`customer refused: ${JSON.stringify(res.json)}`)
    customers.push(res.json.id)
    const prefs = await ctx.admin.call('PUT', `/api/v1/customers/${res.json.id}/notification-preferences`, {
      e_receipt: true,
    })
    if (prefs.status !== 200) throw new Error(`preferences refused: ${JSON.stringify(prefs.json)}`)
  }
  // The demo's own messages (if any) go first: the section counts only its own.
  await sleep(2000)
  const before = ctx.receiver.received()
  const rand = prng(44)
  const sentAt = new Map<string, number>()
  let errors = 0
  const start = Date.now()
  const end = start + ctx.durationS * 1000
  await Promise.all(
    Array.from({ length: ctx.concurrency }, async () => {
      while (Date.now() < end) {
        const body = { ...randomOrder(ctx.catalog, rand), customer_id: customers[Math.floor(rand() * 200)] }
        const t0 = Date.now()
        const res = await ctx.admin.call('POST', '/api/v1/orders', body)
        if (res.status === 201 && res.json.status !== 'draft') sentAt.set(String(res.json.number), t0)
        else if (res.status !== 201) errors++
      }
    }),
  )
  const loadEnd = Date.now()
  for (let waited = 0; waited < 10_000; waited += 200) {
    if (ctx.receiver.arrivals.filter((a) => sentAt.has(a.orderNumber)).length >= sentAt.size) break
    await sleep(200)
  }
  const mine = ctx.receiver.arrivals.filter((a) => sentAt.has(a.orderNumber))
  const lags = summarise(mine.map((a) => a.at - sentAt.get(a.orderNumber)!))
  const duringLoad = mine.filter((a) => a.at <= loadEnd).length
  const stages = ctx.databaseUrl ? await stageLags(ctx.databaseUrl, start) : {}
  return {
    notifications_orders_per_s: Math.round((sentAt.size / (loadEnd - start)) * 1000),
    notifications_order_errors: errors,
    notifications_messages: mine.length,
    notifications_messages_per_s: perSecond(duringLoad, start, loadEnd),
    notifications_missing_after_10s: sentAt.size - new Set(mine.map((a) => a.orderNumber)).size,
    notifications_duplicates: mine.length - new Set(mine.map((a) => a.orderNumber)).size,
    notifications_other_messages: ctx.receiver.received() - before - mine.length,
    notifications_lag_p50_ms: lags.p50_ms,
    notifications_lag_p99_ms: lags.p99_ms,
    notifications_lag_max_ms: lags.max_ms,
    ...stages,
  }
}

/**
 * Where the lag goes, from the database's own clock: the order's event written (`occurred_at`) →
 * published by the relay (`published_at`) → its message written by the notifications consumer
 * (`created_at`) → the SMTP server's acceptance recorded by the sender (`sent_at`). p99 of each stage,
 * over the confirmations of the orders placed since `since`.
 */
async function stageLags(databaseUrl: string, since: number): Promise<Record<string, number>> {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const { rows } = await db.query<Record<string, number>>(
      `SELECT
         round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM e.published_at - e.occurred_at) * 1000))::int AS p99_publish,
         round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM m.created_at - e.published_at) * 1000))::int AS p99_render,
         round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM m.sent_at - m.created_at) * 1000))::int AS p99_send
       FROM notification_message m JOIN event e ON e.id = m.event_id
       WHERE m.template = 'order_confirmation' AND e.occurred_at >= to_timestamp($1::double precision / 1000)`,
      [since],
    )
    const r = rows[0] ?? {}
    return {
      notifications_stage_publish_p99_ms: r.p99_publish ?? -1,
      notifications_stage_render_p99_ms: r.p99_render ?? -1,
      notifications_stage_send_p99_ms: r.p99_send ?? -1,
    }
  } finally {
    await db.end()
  }
}
