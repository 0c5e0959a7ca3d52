import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Arrival } from './stats.ts'

/**
 * docs/webhooks.md's verification, as a receiver writes it: one `v1` HMAC-SHA256 of `<t>.<raw body>`
 * matches (compared in constant time) and `t` is within 5 minutes of now.
 */
export function verifyPasserelle(secret: string, header: string, rawBody: string, nowMs = Date.now()) {
  const parts = header.split(',').map((p) => p.split('='))
  const t = Number(parts.find(([k]) => k === 't')?.[1])
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > 300) return false
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex'))
  return parts.some(
    ([k, v]) => k === 'v1' && v?.length === expected.length && timingSafeEqual(Buffer.from(v), expected),
  )
}

/**
 * A webhook endpoint on 127.0.0.1 with one path per subscription: it verifies each request's
 * `Passerelle-Signature` with that subscription's secret, notes when the event arrived, and answers
 * 200 at once (400 to a bad signature: counted, never expected).
 */
export async function startWebhookReceiver() {
  const secrets = new Map<string, string>()
  const arrivals = new Map<string, Arrival[]>()
  let badSignatures = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const receivedAtMs = Date.now()
      const raw = Buffer.concat(chunks).toString('utf8')
      const path = req.url ?? '/'
      const secret = secrets.get(path)
      const header = String(req.headers['passerelle-signature'] ?? '')
      if (req.method !== 'POST' || !secret || !verifyPasserelle(secret, header, raw, receivedAtMs)) {
        badSignatures++
        res.writeHead(400).end('bad signature')
        return
      }
      const event = JSON.parse(raw) as {
        id: string
        type: string
        occurred_at: string
        data: { order_id?: string }
      }
      arrivals.get(path)!.push({
        eventId: event.id,
        type: event.type,
        orderId: event.data?.order_id,
        occurredAtMs: Date.parse(event.occurred_at),
        receivedAtMs,
      })
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    /** A path for one subscription: its URL, and where its arrivals go once its secret is known. */
    endpoint(path: string) {
      arrivals.set(path, [])
      return {
        url: `${base}${path}`,
        arrivals: arrivals.get(path)!,
        acceptSecret: (secret: string) => secrets.set(path, secret),
      }
    },
    badSignatures: () => badSignatures,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
