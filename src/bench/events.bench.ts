import { connect, DeliverPolicy, type NatsConnection } from 'nats'
import pg from 'pg'
import type { OrderLoad } from './order-load.ts'
import { type Arrival, firstArrivalLags, perSecond, summarise } from './stats.ts'
import { startWebhookReceiver } from './webhook-receiver.ts'
import type { Http } from './workload.ts'

const log = (msg: string) => process.stderr.write(`${msg}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export interface EventsContext {
  /** An admin client of one API process. */
  admin: Http
  /** Runs the order load (the same as the orders section's) and returns what it placed. */
  runLoad: () => Promise<OrderLoad>
  /** The scratch PostgreSQL database, when the bench runs on one: backlog and clock are read there. */
  databaseUrl?: string
}

/**
 * How long the facts of an order take to leave the building while orders keep coming: a webhook
 * subscription to every event type, registered through the admin API, delivered to a receiver in this
 * process that verifies each signature; and, when NATS_URL is set, a JetStream consumer of the stream.
 * The server runs its jobs (the relay passes every 200 ms), or a worker beside API processes does.
 *
 * Lag is the time an `order.placed` event reached the receiver minus the event's `occurred_at`. The
 * order's statement writes its event with `occurred_at = now()`, the start of the order's transaction
 * on the database server: the commit follows within the statement's few milliseconds, so this lag is
 * the lag from commit plus that statement's duration (it overstates the lag from commit slightly).
 * Both clocks are this machine's: the database and the server listen on 127.0.0.1, and on PostgreSQL
 * the offset between the database's clock and this process's is measured and reported.
 */
export async function eventsSection(ctx: EventsContext): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {}
  const receiver = await startWebhookReceiver()
  const db = ctx.databaseUrl ? new pg.Client({ connectionString: ctx.databaseUrl }) : undefined
  await db?.connect()
  const nats = natsTarget()
  let listener: Awaited<ReturnType<typeof listenJetStream>> | undefined
  try {
    if (db) {
      const host = new URL(ctx.databaseUrl!).hostname
      if (!['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(host))
        log(`bench: warning: the database is on ${host}: its clock may not be this machine's`)
      result.clock_offset_ms = await clockOffsetMs(db)
      log(`bench: database clock − this process's clock: ${result.clock_offset_ms} ms`)
    }

    // The demo's own events are published first (JetStream's stream is created then), and the
    // subscription is made after that: it receives the load's events only, on an idle relay.
    await caughtUp(db, nats)
    const live = receiver.endpoint('/live')
    const sub = await ctx.admin.call('POST', '/api/v1/webhooks', {
      url: live.url,
      event_types: ['*'],
      description: 'bench: every event, lag under order load',
    })
    if (sub.status !== 201) throw new Error(`webhook subscription refused: ${JSON.stringify(sub.json)}`)
    live.acceptSecret(sub.json.secret)
    await drained(db, sub.json.id)
    if (nats) listener = await listenJetStream(nats)

    log(
      `bench: events — an order load of its own, a webhook receiver${nats ? ' and JetStream' : ''} listening…`,
    )
    const load = await ctx.runLoad()
    const placed = new Set(load.placed)
    result.event_orders_per_s = Math.round(load.latencies.length / load.elapsedS)

    // Does the relay keep up? What is still waiting one second after the last order was answered.
    await sleep(1000)
    if (db) Object.assign(result, await backlog(db, sub.json.id, nats))
    if (db) {
      const [r] = (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM event
           WHERE occurred_at >= to_timestamp($1 / 1000.0) AND occurred_at < to_timestamp($2 / 1000.0)`,
          [load.startedAt, load.endedAt],
        )
      ).rows
      result.events_per_s_during_load = perSecond(r!.n, load.startedAt, load.endedAt)
    }

    const isPlaced = (a: Arrival) =>
      a.type === 'order.placed' && a.orderId !== undefined && placed.has(a.orderId)
    const arrived = (list: Arrival[]) => new Set(list.filter(isPlaced).map((a) => a.orderId)).size
    const waitFor = async (list: Arrival[], what: string) => {
      const deadline = Date.now() + 120_000
      while (arrived(list) < placed.size && Date.now() < deadline) await sleep(100)
      const missing = placed.size - arrived(list)
      if (missing > 0) log(`bench: ${missing} order.placed events never reached ${what} within 2 minutes`)
      return missing
    }
    result.event_lag_missing = await waitFor(live.arrivals, 'the webhook receiver')
    const lags = summarise(firstArrivalLags(live.arrivals, isPlaced))
    result.event_lag_p50_ms = lags.p50_ms
    result.event_lag_p99_ms = lags.p99_ms
    result.event_lag_max_ms = lags.max_ms
    if (listener) {
      result.event_lag_nats_missing = await waitFor(listener.arrivals, 'JetStream')
      const natsLags = summarise(firstArrivalLags(listener.arrivals, isPlaced))
      result.event_lag_nats_p50_ms = natsLags.p50_ms
      result.event_lag_nats_p99_ms = natsLags.p99_ms
      result.event_lag_nats_max_ms = natsLags.max_ms
    }
    // Every other event of the load (payments, completions…) delivered too before the next measure.
    await drained(db, sub.json.id)

    Object.assign(result, await deliveryRate(ctx.admin, receiver, load))
    result.webhook_bad_signatures = receiver.badSignatures()
    return result
  } finally {
    await listener?.stop()
    await receiver.close()
    await db?.end()
  }
}

/** The database's clock minus this process's, read halfway through the round trip, in ms. */
async function clockOffsetMs(db: pg.Client): Promise<number> {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 }
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now()
    const { rows } = await db.query<{ ms: string }>(
      'SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms',
    )
    const t1 = Date.now()
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: Number(rows[0]!.ms) - (t0 + t1) / 2 }
  }
  return Math.round(best.offset * 10) / 10
}

interface NatsTarget {
  url: string
  stream: string
  prefix: string
}

/** The server's NATS settings, read from the same environment it was started with. */
function natsTarget(): NatsTarget | undefined {
  const url = process.env.NATS_URL?.trim()
  if (!url) return undefined
  return {
    url,
    stream: process.env.PASSERELLE_NATS_STREAM?.trim() || 'PASSERELLE',
    prefix: process.env.PASSERELLE_NATS_SUBJECT_PREFIX?.trim() || 'passerelle',
  }
}

/** Waits until every event is published, and on NATS until the publisher reached the head (2 min at most). */
async function caughtUp(db: pg.Client | undefined, nats: NatsTarget | undefined) {
  const deadline = Date.now() + 120_000
  if (!db) {
    // The embedded database is the server's alone: a few relay passes, and the stream must exist.
    await sleep(3000)
    if (nats) {
      const nc = await connect({ servers: nats.url.split(','), name: 'passerelle-bench' })
      try {
        const jsm = await nc.jetstreamManager()
        while (Date.now() < deadline && !(await jsm.streams.info(nats.stream).catch(() => null)))
          await sleep(200)
      } finally {
        await nc.close()
      }
    }
    return
  }
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ unpublished: number; head: string; nats: string | null }>(
      `SELECT (SELECT count(*) FROM event WHERE position IS NULL)::int AS unpublished,
              (SELECT position FROM event_cursor WHERE id = 'events.sequence') AS head,
              (SELECT position FROM event_cursor WHERE id = $1) AS nats`,
      [`nats:${nats?.stream ?? ''}`],
    )
    const r = rows[0]!
    if (r.unpublished === 0 && (!nats || r.nats === r.head)) return
    await sleep(200)
  }
  throw new Error('the relay did not catch up with the demo events within 2 minutes')
}

/** An ordered JetStream consumer of `<prefix>.>` on the stream, from new messages on. */
async function listenJetStream(nats: NatsTarget) {
  const nc: NatsConnection = await connect({ servers: nats.url.split(','), name: 'passerelle-bench' })
  const js = nc.jetstream()
  const consumer = await js.consumers.get(nats.stream, {
    // One subject, not a list: a list needs NATS server 2.10 or later.
    filterSubjects: `${nats.prefix}.>`,
    deliver_policy: DeliverPolicy.New,
  })
  const messages = await consumer.consume()
  const arrivals: Arrival[] = []
  const reading = (async () => {
    for await (const m of messages) {
      const receivedAtMs = Date.now()
      const e = m.json<{ id: string; type: string; occurred_at: string; data: { order_id?: string } }>()
      arrivals.push({
        eventId: e.id,
        type: e.type,
        orderId: e.data?.order_id,
        occurredAtMs: Date.parse(e.occurred_at),
        receivedAtMs,
      })
    }
  })()
  return {
    arrivals,
    stop: async () => {
      await messages.close()
      await reading.catch(() => {})
      await nc.close()
    },
  }
}

/** What the relay has not handed on yet: events unpublished, webhook deliveries to make, NATS behind. */
async function backlog(db: pg.Client, subscriptionId: string, nats: NatsTarget | undefined) {
  const { rows } = await db.query<{ unpublished: number; webhook: number; nats: number | null }>(
    `SELECT (SELECT count(*) FROM event WHERE position IS NULL)::int AS unpublished,
            ((SELECT count(*) FROM webhook_delivery WHERE subscription_id = $1 AND status = 'pending')
             + (SELECT count(*) FROM event e JOIN webhook_subscription s ON s.id = $1
                WHERE e.position > s.position))::int AS webhook,
            (SELECT count(*) FROM event WHERE position > coalesce(
               (SELECT position FROM event_cursor WHERE id = $2), 0))::int AS nats`,
    [subscriptionId, `nats:${nats?.stream ?? ''}`],
  )
  const r = rows[0]!
  return {
    event_backlog_after_s: r.unpublished,
    webhook_backlog_after_s: r.webhook,
    ...(nats ? { nats_backlog_after_s: r.nats } : {}),
  }
}

/** Until the subscription has nothing left to send (2 min at most; without a database, 3 s). */
async function drained(db: pg.Client | undefined, subscriptionId: string) {
  if (!db) return sleep(3000)
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    const r = await backlog(db, subscriptionId, undefined)
    if (r.event_backlog_after_s === 0 && r.webhook_backlog_after_s === 0) return
    await sleep(200)
  }
  log('bench: the webhook subscription still had deliveries pending after 2 minutes')
}

/**
 * How many deliveries a second the relay makes to one fast receiver: a second subscription (to
 * `order.placed`) replays the load's orders — up to 10,000 events queued at once — and the rate is the
 * number queued over the time from the replay request to the last arrival.
 */
async function deliveryRate(
  admin: Http,
  receiver: Awaited<ReturnType<typeof startWebhookReceiver>>,
  load: OrderLoad,
) {
  const target = receiver.endpoint('/replay')
  const sub = await admin.call('POST', '/api/v1/webhooks', {
    url: target.url,
    event_types: ['order.placed'],
    description: 'bench: delivery rate',
  })
  if (sub.status !== 201) throw new Error(`webhook subscription refused: ${JSON.stringify(sub.json)}`)
  target.acceptSecret(sub.json.secret)
  const from = load.startedAt - 1000
  let to = load.endedAt + 5000
  for (;;) {
    const t0 = Date.now()
    const res = await admin.call('POST', `/api/v1/webhooks/${sub.json.id}/replay`, {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    })
    if (res.status === 202) {
      const queued = res.json.queued as number
      log(`bench: ${queued} order.placed events replayed to a second subscription…`)
      const deadline = Date.now() + 300_000
      const distinct = () => new Set(target.arrivals.map((a) => a.eventId)).size
      while (distinct() < queued && Date.now() < deadline) await sleep(50)
      const last = Math.max(...target.arrivals.map((a) => a.receivedAtMs))
      return {
        webhook_replayed: queued,
        webhook_deliveries_per_s: perSecond(distinct(), t0, last),
      }
    }
    if (res.json?.error?.code !== 'replay_too_large')
      throw new Error(`replay refused: ${JSON.stringify(res.json)}`)
    to = from + (to - from) / 2
  }
}
