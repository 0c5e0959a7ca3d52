import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Db } from '../db/database.ts'
import type { JobLog } from '../jobs/job.ts'
import { orderEvents } from './catalogue.ts'
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
