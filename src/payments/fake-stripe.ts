import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { formDecode, stripeSignatureHeader } from './stripe.domain.ts'

// A LOCAL FAKE of the subset of Stripe's API that Passerelle uses. It is not Stripe and moves no money.
// The tests start it on a random port, and `passerelle serve` on the embedded database starts it in
// its own process when no STRIPE_SECRET_KEY is set, so the demo refunds web orders without an account.
//
// It answers as Stripe's API does for: POST /v1/payment_intents (create, `confirm=true` with a payment
// method; `pm_card_chargeDeclined` is declined as Stripe's test card is), GET /v1/payment_intents/:id,
// POST /v1/payment_intents/:id/confirm | capture | cancel, POST /v1/refunds (`payment_intent`,
// `amount`, `metadata[…]`), GET /v1/refunds/:id. Bodies are form-encoded, answers JSON, errors
// `{ error: { type, code, message } }`. It honours `Idempotency-Key` on every POST: the same key
// answers the first answer again (a second refund is never made); the same key with other parameters
// is refused (400 idempotency_error). As Stripe, it keeps 2xx and 4xx answers for a key; a 5xx is not
// kept, so a retry with the same key runs again. It keeps everything in memory.

export interface FakeIntent {
  id: string
  object: 'payment_intent'
  amount: number
  amount_capturable: number
  amount_received: number
  currency: string
  capture_method: 'automatic' | 'manual'
  status: string
  payment_method: string | null
  client_secret: string
  latest_charge: string | null
  metadata: Record<string, string>
}

export interface FakeRefund {
  id: string
  object: 'refund'
  amount: number
  currency: string
  payment_intent: string
  charge: string | null
  status: 'pending' | 'succeeded' | 'failed' | 'canceled'
  failure_reason: string | null
  metadata: Record<string, string>
  created: number
}

export interface FakeStripe {
  /** Base URL to give the adapter as STRIPE_API_BASE. */
  url: string
  /** Any `sk_…` is accepted; this one is what the embedded default uses. */
  secretKey: string
  webhookSecret: string
  intents: Map<string, FakeIntent>
  /** Refunds made, oldest first (a replayed Idempotency-Key adds none). */
  refunds: FakeRefund[]
  /** Every request received: method, path and Idempotency-Key. */
  requests: Array<{ method: string; path: string; idempotencyKey: string | null }>
  /** The next `n` refund requests fail: 402 (refused by the card network) or 500 (Stripe's error). */
  failNextRefunds(n: number, status: 402 | 500): void
  /** Refunds made from now on stay `pending` until `settleRefund` (as bank refunds can). */
  holdRefunds(hold: boolean): void
  /** Moves a refund to its final status; returns the refund. */
  settleRefund(id: string, status: 'succeeded' | 'failed', failureReason?: string): FakeRefund
  /** A webhook as Stripe sends it: the JSON body and its `Stripe-Signature` header, signed now unless told. */
  webhook(
    type: string,
    object: object,
    options?: { id?: string; timestampS?: number; secret?: string },
  ): { body: string; signature: string; id: string }
  close(): Promise<void>
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`

interface Answer {
  status: number
  body: unknown
}
const error = (status: number, type: string, code: string | null, message: string): Answer => ({
  status,
  body: { error: { type, ...(code ? { code } : {}), message } },
})

export async function startFakeStripe(
  options: { port?: number; host?: string; webhookSecret?: string } = {},
): Promise<FakeStripe> {
  const intents = new Map<string, FakeIntent>()
  const refunds: FakeRefund[] = []
  const requests: FakeStripe['requests'] = []
  const keyed = new Map<string, { params: string; path: string; answer: Answer }>()
  let failures: { left: number; status: 402 | 500 } = { left: 0, status: 500 }
  let hold = false
  const webhookSecret = options.webhookSecret ?? `whsec_fake_${randomBytes(16).toString('hex')}`

  const refunded = (pi: string) =>
    refunds
      .filter((r) => r.payment_intent === pi && r.status !== 'failed' && r.status !== 'canceled')
      .reduce((s, r) => s + r.amount, 0)

  const authorise = (intent: FakeIntent, paymentMethod: string | undefined): Answer => {
    if (!paymentMethod) {
      intent.status = 'requires_payment_method'
      return error(
        400,
        'invalid_request_error',
        'parameter_missing',
        'Missing required param: payment_method.',
      )
    }
    intent.payment_method = paymentMethod
    if (paymentMethod === 'pm_card_chargeDeclined') {
      intent.status = 'requires_payment_method'
      return error(402, 'card_error', 'card_declined', 'Your card was declined.')
    }
    intent.latest_charge = id('ch')
    if (intent.capture_method === 'manual') {
      intent.status = 'requires_capture'
      intent.amount_capturable = intent.amount
    } else {
      intent.status = 'succeeded'
      intent.amount_received = intent.amount
    }
    return { status: 200, body: intent }
  }

  function handle(method: string, path: string, params: ReturnType<typeof formDecode>): Answer {
    const p = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined)
    const meta = (typeof params.metadata === 'object' ? params.metadata : {}) as Record<string, string>
    const int = (k: string) => (p(k) !== undefined && /^\d+$/.test(p(k)!) ? Number(p(k)) : undefined)
    const piMatch = /^\/v1\/payment_intents\/([^/]+)(?:\/(confirm|capture|cancel))?$/.exec(path)
    if (method === 'POST' && path === '/v1/payment_intents') {
      const amount = int('amount')
      if (!amount || amount < 1)
        return error(400, 'invalid_request_error', 'parameter_invalid_integer', 'Invalid amount.')
      const intent: FakeIntent = {
        id: id('pi'),
        object: 'payment_intent',
        amount,
        amount_capturable: 0,
        amount_received: 0,
        currency: p('currency') ?? 'eur',
        capture_method: p('capture_method') === 'manual' ? 'manual' : 'automatic',
        status: 'requires_payment_method',
        payment_method: null,
        client_secret: '',
        latest_charge: null,
        metadata: meta,
      }
      intent.client_secret = `${intent.id}_secret_${randomBytes(8).toString('hex')}`
      intents.set(intent.id, intent)
      if (p('confirm') === 'true') {
        const answer = authorise(intent, p('payment_method'))
        if (answer.status !== 200) return answer
      } else if (p('payment_method')) {
        intent.payment_method = p('payment_method')!
        intent.status = 'requires_confirmation'
      }
      return { status: 200, body: intent }
    }
    if (piMatch) {
      const intent = intents.get(piMatch[1]!)
      if (!intent)
        return error(
          404,
          'invalid_request_error',
          'resource_missing',
          `No such payment_intent: '${piMatch[1]}'`,
        )
      const action = piMatch[2]
      if (method === 'GET' && !action) return { status: 200, body: intent }
      if (method !== 'POST' || !action)
        return error(404, 'invalid_request_error', null, 'Unrecognized request URL.')
      if (action === 'confirm') {
        if (!['requires_payment_method', 'requires_confirmation'].includes(intent.status))
          return unexpected(intent, 'confirm')
        return authorise(intent, p('payment_method') ?? intent.payment_method ?? undefined)
      }
      if (action === 'capture') {
        if (intent.status !== 'requires_capture') return unexpected(intent, 'capture')
        const amount = int('amount_to_capture') ?? intent.amount_capturable
        if (amount < 1 || amount > intent.amount_capturable)
          return error(
            400,
            'invalid_request_error',
            'amount_too_large',
            'amount_to_capture is greater than amount_capturable.',
          )
        intent.amount_received = amount
        intent.amount_capturable = 0
        intent.status = 'succeeded'
        return { status: 200, body: intent }
      }
      if (['succeeded', 'canceled'].includes(intent.status)) return unexpected(intent, 'cancel')
      intent.status = 'canceled'
      intent.amount_capturable = 0
      return { status: 200, body: intent }
    }
    if (method === 'POST' && path === '/v1/refunds') {
      if (failures.left > 0) {
        failures.left--
        return failures.status === 402
          ? error(
              402,
              'card_error',
              'expired_or_canceled_card',
              'The card this payment was made with is closed.',
            )
          : error(500, 'api_error', null, 'An unknown error occurred at the fake provider.')
      }
      const intent = intents.get(p('payment_intent') ?? '')
      if (!intent)
        return error(
          400,
          'invalid_request_error',
          'resource_missing',
          `No such payment_intent: '${p('payment_intent')}'`,
        )
      if (intent.status !== 'succeeded')
        return error(
          400,
          'invalid_request_error',
          'charge_not_captured',
          'This PaymentIntent has no captured charge to refund.',
        )
      const left = intent.amount_received - refunded(intent.id)
      const amount = int('amount') ?? left
      if (left <= 0)
        return error(
          400,
          'invalid_request_error',
          'charge_already_refunded',
          'The charge was already refunded.',
        )
      if (amount < 1 || amount > left)
        return error(
          400,
          'invalid_request_error',
          'amount_too_large',
          `Refund amount is greater than the unrefunded ${left}.`,
        )
      const refund: FakeRefund = {
        id: id('re'),
        object: 'refund',
        amount,
        currency: intent.currency,
        payment_intent: intent.id,
        charge: intent.latest_charge,
        status: hold ? 'pending' : 'succeeded',
        failure_reason: null,
        metadata: meta,
        created: Math.floor(Date.now() / 1000),
      }
      refunds.push(refund)
      return { status: 200, body: refund }
    }
    const refundMatch = /^\/v1\/refunds\/([^/]+)$/.exec(path)
    if (method === 'GET' && refundMatch) {
      const refund = refunds.find((r) => r.id === refundMatch[1])
      return refund
        ? { status: 200, body: refund }
        : error(404, 'invalid_request_error', 'resource_missing', 'No such refund.')
    }
    return error(404, 'invalid_request_error', null, `Unrecognized request URL (${method}: ${path}).`)
  }

  const unexpected = (intent: FakeIntent, what: string) =>
    error(
      400,
      'invalid_request_error',
      'payment_intent_unexpected_state',
      `You cannot ${what} this PaymentIntent because it has a status of ${intent.status}.`,
    )

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const method = req.method ?? 'GET'
      const path = (req.url ?? '/').split('?')[0]!
      const keyHeader = req.headers['idempotency-key']
      const key = typeof keyHeader === 'string' ? keyHeader : null
      requests.push({ method, path, idempotencyKey: key })
      const send = (a: Answer, replayed = false) => {
        res.writeHead(a.status, {
          'content-type': 'application/json',
          ...(key ? { 'idempotency-key': key } : {}),
          ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
        })
        res.end(JSON.stringify(a.body))
      }
      if (!/^Bearer sk_\S+$/.test(req.headers.authorization ?? '')) {
        return send(error(401, 'invalid_request_error', null, 'Invalid API Key provided.'))
      }
      if (method === 'POST' && key) {
        const seen = keyed.get(key)
        if (seen) {
          if (seen.params !== raw || seen.path !== path) {
            return send(
              error(
                400,
                'idempotency_error',
                null,
                'Keys for idempotent requests can only be used with the same parameters they were first used with.',
              ),
            )
          }
          return send(seen.answer, true)
        }
      }
      const answer = handle(method, path, formDecode(raw))
      if (method === 'POST' && key && answer.status < 500) {
        keyed.set(key, {
          params: raw,
          path,
          answer: { status: answer.status, body: structuredClone(answer.body) },
        })
      }
      send(answer)
    })
  })
  // Idle connections are left to the client to close: with Node's default (5 s), a request sent on a
  // kept-alive connection just as the server times it out is reset before it is read (seen on a loaded
  // machine as a capture that failed with connection_reset and never reached the fake).
  server.keepAliveTimeout = 0
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    secretKey: 'sk_test_passerelle_local_fake',
    webhookSecret,
    intents,
    refunds,
    requests,
    failNextRefunds(n, status) {
      failures = { left: n, status }
    },
    holdRefunds(h) {
      hold = h
    },
    settleRefund(refundId, status, failureReason) {
      const refund = refunds.find((r) => r.id === refundId)
      if (!refund) throw new Error(`fake Stripe: no refund ${refundId}`)
      refund.status = status
      refund.failure_reason = status === 'failed' ? (failureReason ?? 'unknown') : null
      return refund
    },
    webhook(type, object, o = {}) {
      const eventId = o.id ?? id('evt')
      const body = JSON.stringify({
        id: eventId,
        object: 'event',
        api_version: '2024-06-20',
        created: Math.floor(Date.now() / 1000),
        type,
        data: { object },
        livemode: false,
      })
      const t = o.timestampS ?? Math.floor(Date.now() / 1000)
      return { body, signature: stripeSignatureHeader(o.secret ?? webhookSecret, t, body), id: eventId }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
