import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import { Compile } from 'typebox/compile'
import { type Db, type Executor, rows } from '../db/database.ts'
import type { JobLog } from '../jobs/job.ts'
import { catalogue, orderEvents } from './catalogue.ts'
import { byApiKey, type NewEvent, type PublishedEvent } from './define.ts'
import { sequenceEvents } from './relay.ts'
import { verifySignature } from './webhooks.domain.ts'
import { deliverWebhooks, type SenderOptions } from './webhooks.sender.ts'

// Test helpers: events to record, a webhook receiver, and the relay run in a loop.

export const silent: JobLog = { debug() {}, info() {}, warn() {}, error() {} }

/** An `order.confirmed` event of an order (the simplest payload of the catalogue). */
export function confirmed(orderId: string, paidCents = 1000): NewEvent {
  return orderEvents.event('order.confirmed', {
    aggregateId: orderId,
    actor: byApiKey('key_test'),
    payload: { order_id: orderId, paid_cents: paidCents },
  })
}

/** An outbox row as a test reads it. */
export interface Recorded {
  type: string
  version: number
  aggregate_type: string
  aggregate_id: string
  actor_kind: string
  actor_id: string | null
  // biome-ignore lint/suspicious/noExplicitAny: a test reads the payload's fields as the feed gives them
  payload: Record<string, any>
}

const validators = new Map(
  catalogue.flatMap((g) =>
    g.definitions.map((d) => [d.type, { version: d.version, check: Compile(d.payload) }]),
  ),
)

/**
 * The events recorded about some aggregates (or of some types about them), in the order they were
 * recorded. Each is checked against the catalogue: a known type and version, a payload that fits its
 * schema (which admits no other field, so no personal data).
 */
export async function recordedEvents(
  q: Executor,
  aggregateIds: string | string[],
  types?: string[],
): Promise<Recorded[]> {
  const ids = typeof aggregateIds === 'string' ? [aggregateIds] : aggregateIds
  const found = await rows<Recorded>(
    q,
    sql`SELECT type, version, aggregate_type, aggregate_id, actor_kind, actor_id, payload FROM event
        WHERE aggregate_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
          AND (${types ? JSON.stringify(types) : null}::jsonb IS NULL
               OR type IN (SELECT jsonb_array_elements_text(${types ? JSON.stringify(types) : null}::jsonb)))
        ORDER BY seq`,
  )
  for (const e of found) {
    const v = validators.get(e.type)
    if (!v) throw new Error(`event type ${e.type} is not in the catalogue`)
    if (v.version !== e.version)
      throw new Error(`${e.type} recorded as v${e.version}, catalogue v${v.version}`)
    if (!v.check.Check(e.payload)) {
      const [first] = v.check.Errors(e.payload)
      throw new Error(
        `${e.type} payload ${first?.instancePath || '/'} ${first?.message}: ${JSON.stringify(e.payload)}`,
      )
    }
  }
  return found
}

/** Publishes every committed event (the relay's sequencing pass), as the `events.sequence` job does. */
export async function publishAll(db: Db): Promise<void> {
  while ((await sequenceEvents(db)) > 0) {}
}

/** How many events the outbox holds: a refused or rolled-back request leaves it unchanged. */
export async function outboxSize(q: Executor): Promise<number> {
  const [row] = await rows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM event`)
  return row!.n
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function until(done: () => boolean | Promise<boolean>, ms = 15_000, what = 'condition') {
  const end = Date.now() + ms
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

export interface Received {
  event: PublishedEvent
  signed: boolean
  headers: IncomingHttpHeaders
  at: number
}

/**
 * A webhook receiver on 127.0.0.1: records every POST, checks its signature with the secret it is given,
 * and answers what `answer` says (a status, after an optional delay).
 */
export async function startReceiver(
  answer: (
    event: PublishedEvent,
    attempt: number,
  ) => { status: number; delayMs?: number; body?: string } = () => ({
    status: 200,
  }),
) {
  const received: Received[] = []
  let secret = ''
  const attempts = new Map<string, number>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const event = JSON.parse(body) as PublishedEvent
      const header = String(req.headers['passerelle-signature'] ?? '')
      received.push({
        event,
        signed: verifySignature(secret, header, body, Math.floor(Date.now() / 1000)),
        headers: req.headers,
        at: Date.now(),
      })
      const n = (attempts.get(event.id) ?? 0) + 1
      attempts.set(event.id, n)
      const { status, delayMs = 0, body: answerBody = 'ok' } = answer(event, n)
      setTimeout(() => {
        if (!res.destroyed) res.writeHead(status, { 'content-type': 'text/plain' }).end(answerBody)
      }, delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  return {
    url,
    received,
    useSecret(s: string) {
      secret = s
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Runs the relay's passes (sequence, then webhooks) every 20 ms until stopped. */
export function runRelay(db: Db, sender: SenderOptions) {
  let running = true
  const loop = (async () => {
    while (running) {
      await sequenceEvents(db)
      await deliverWebhooks(db, silent, sender)
      await sleep(20)
    }
  })()
  return {
    async stop() {
      running = false
      await loop
    },
  }
}
