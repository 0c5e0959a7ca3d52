import type {
  IntentState,
  PaymentProvider,
  ProviderOutcome,
  ProviderWebhook,
  RefundState,
  WebhookCheck,
} from './provider.domain.ts'
import {
  checkStripeSignature,
  DEFAULT_TOLERANCE_S,
  formEncode,
  STRIPE_SIGNATURE_HEADER,
} from './stripe.domain.ts'

export interface StripeSettings {
  /** `https://api.stripe.com` in production; the local fake's address in the demo and the tests. */
  apiBase: string
  secretKey: string
  /** The signing secret of the webhook endpoint (`whsec_…`). */
  webhookSecret: string
  /** Seconds a webhook's timestamp may be away from now (Stripe's libraries: 300). */
  toleranceS?: number
  /** A request without an answer after this long counts as unavailable (it may have been done). */
  timeoutMs?: number
}

/** Stripe's settings from STRIPE_API_BASE, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET; none without a key. */
export function stripeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): StripeSettings | undefined {
  const secretKey = env.STRIPE_SECRET_KEY?.trim()
  if (!secretKey) return undefined
  return {
    apiBase: env.STRIPE_API_BASE?.trim() || 'https://api.stripe.com',
    secretKey,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET?.trim() ?? '',
  }
}

interface StripeIntent {
  id: string
  status: string
  amount: number
  amount_received?: number
  client_secret?: string | null
}
interface StripeRefund {
  id: string
  status: string
  amount: number
  payment_intent?: string | null
  failure_reason?: string | null
  metadata?: Record<string, string>
}

const intentOf = (i: StripeIntent): IntentState => ({
  id: i.id,
  status: i.status,
  amountCents: i.amount,
  receivedCents: i.amount_received ?? 0,
  clientSecret: i.client_secret ?? null,
})
const refundOf = (r: StripeRefund): RefundState => ({ id: r.id, status: r.status, amountCents: r.amount })

/**
 * Stripe's PaymentIntents and Refunds over its published HTTP API, with `fetch` (no SDK): form-encoded
 * bodies, the secret key as Bearer, an `Idempotency-Key` on every POST. Card data never passes here:
 * the web shop or app collects it with Stripe's own components and sends the payment method's id.
 */
export function stripeProvider(settings: StripeSettings): PaymentProvider {
  const base = settings.apiBase.replace(/\/+$/, '')
  const timeoutMs = settings.timeoutMs ?? 20_000

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    params: Parameters<typeof formEncode>[0] | undefined,
    idempotencyKey: string | undefined,
  ): Promise<ProviderOutcome<T>> {
    let res: Response
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${settings.secretKey}`,
          ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        ...(params ? { body: formEncode(params) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (err) {
      return { ok: false, kind: 'unavailable', reason: networkFailure(err), httpStatus: null }
    }
    const body = (await res.json().catch(() => null)) as
      | (T & { error?: { code?: string; decline_code?: string; type?: string; message?: string } })
      | null
    if (res.ok && body) return { ok: true, value: body }
    const e = body?.error
    const code = e?.decline_code ?? e?.code ?? e?.type ?? 'error'
    return {
      ok: false,
      // 409 is a concurrent request with the same key still running: nothing is known yet.
      kind: res.status >= 500 || res.status === 409 || res.status === 429 ? 'unavailable' : 'refused',
      reason: `HTTP ${res.status} ${code}${e?.message ? `: ${e.message.slice(0, 200)}` : ''}`,
      httpStatus: res.status,
    }
  }

  const map = <A, B>(o: ProviderOutcome<A>, f: (a: A) => B): ProviderOutcome<B> =>
    o.ok ? { ok: true, value: f(o.value) } : o

  return {
    name: 'stripe',
    async authorise(input, key) {
      const o = await call<StripeIntent>(
        'POST',
        '/v1/payment_intents',
        {
          amount: input.amountCents,
          currency: input.currency.toLowerCase(),
          payment_method: input.paymentMethod,
          capture_method: 'manual',
          confirm: true,
          metadata: { passerelle_reference: input.reference },
        },
        key,
      )
      return map(o, intentOf)
    },
    async capture(intentId, amountCents, key) {
      const o = await call<StripeIntent>(
        'POST',
        `/v1/payment_intents/${encodeURIComponent(intentId)}/capture`,
        { amount_to_capture: amountCents },
        key,
      )
      if (o.ok || o.kind !== 'refused') return map(o, intentOf)
      // Captured already (the web shop captured it, or an earlier attempt did): that is the goal.
      const now = await call<StripeIntent>(
        'GET',
        `/v1/payment_intents/${encodeURIComponent(intentId)}`,
        undefined,
        undefined,
      )
      if (now.ok && now.value.status === 'succeeded' && (now.value.amount_received ?? 0) >= amountCents) {
        return { ok: true, value: intentOf(now.value) }
      }
      return o
    },
    async refund(input, key) {
      const o = await call<StripeRefund>(
        'POST',
        '/v1/refunds',
        {
          payment_intent: input.intentId,
          amount: input.amountCents,
          metadata: { passerelle_refund_id: input.passerelleRefundId, order_id: input.orderId },
        },
        key,
      )
      return map(o, refundOf)
    },
    async cancel(intentId, key) {
      const o = await call<StripeIntent>(
        'POST',
        `/v1/payment_intents/${encodeURIComponent(intentId)}/cancel`,
        {},
        key,
      )
      return map(o, intentOf)
    },
    verifyWebhook(rawBody, headers, nowS): WebhookCheck {
      // Without the endpoint's secret nothing can be verified: an empty key would sign anything.
      if (!settings.webhookSecret) return { ok: false, reason: 'no_webhook_secret' }
      const header = headers[STRIPE_SIGNATURE_HEADER]
      const check = checkStripeSignature(
        settings.webhookSecret,
        Array.isArray(header) ? header.join(',') : header,
        rawBody,
        nowS,
        settings.toleranceS ?? DEFAULT_TOLERANCE_S,
      )
      if (!check.ok) return check
      const webhook = readStripeEvent(rawBody)
      return webhook ? { ok: true, webhook } : { ok: false, reason: 'unreadable' }
    },
  }
}

/** The parts of a Stripe event Passerelle acts on: refunds, by themselves or listed on their charge. */
function readStripeEvent(raw: string): ProviderWebhook | null {
  let event: { id?: unknown; type?: unknown; data?: { object?: Record<string, unknown> } }
  try {
    event = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof event.id !== 'string' || typeof event.type !== 'string') return null
  const object = event.data?.object ?? {}
  const text = (v: unknown) => (typeof v === 'string' ? v : null)
  const refundFrom = (r: StripeRefund, intent: string | null) => ({
    ...refundOf(r),
    intentId: text(r.payment_intent) ?? intent,
    passerelleRefundId: text(r.metadata?.passerelle_refund_id),
    failure: text(r.failure_reason),
  })
  let refunds: ProviderWebhook['refunds'] = []
  const intentId =
    text(object.payment_intent) ?? (object.object === 'payment_intent' ? text(object.id) : null)
  if (object.object === 'refund') refunds = [refundFrom(object as unknown as StripeRefund, null)]
  else if (object.object === 'charge') {
    const listed = (object.refunds as { data?: StripeRefund[] } | undefined)?.data ?? []
    refunds = listed.map((r) => refundFrom(r, intentId))
  }
  return { id: event.id, type: event.type, refunds, intentId }
}

/** A failure without an answer, named without the message (which may quote the URL). */
function networkFailure(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout'
  const code = e?.cause?.code
  if (code === 'ECONNREFUSED') return 'connection_refused'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host_not_found'
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection_reset'
  return typeof code === 'string' ? `network_error (${code})` : 'network_error'
}
