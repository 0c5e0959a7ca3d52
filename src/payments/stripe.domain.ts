import { createHmac, timingSafeEqual } from 'node:crypto'

// Stripe's wire rules, without I/O: the form encoding of request bodies and the `Stripe-Signature`
// header of its webhooks (https://docs.stripe.com/webhooks#verify-manually).

export const STRIPE_SIGNATURE_HEADER = 'stripe-signature'

/** Stripe's default: a webhook signed more than five minutes from now is refused as a replay. */
export const DEFAULT_TOLERANCE_S = 300

type FormValue = string | number | boolean | undefined | null | { [key: string]: FormValue }

/**
 * A body as Stripe's API reads it: `application/x-www-form-urlencoded`, nested objects as
 * `metadata[order_id]=…`; undefined and null fields are left out.
 */
export function formEncode(params: Record<string, FormValue>): string {
  const pairs: string[] = []
  const walk = (prefix: string, value: FormValue) => {
    if (value === undefined || value === null) return
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(`${prefix}[${k}]`, v)
      return
    }
    pairs.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`)
  }
  for (const [k, v] of Object.entries(params)) walk(k, v)
  return pairs.join('&')
}

/** The reverse of `formEncode`, one level of brackets (`metadata[order_id]`): what the fake reads. */
export function formDecode(body: string): Record<string, string | Record<string, string>> {
  const out: Record<string, string | Record<string, string>> = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const nested = /^([^[\]]+)\[([^[\]]+)\]$/.exec(key)
    if (nested) {
      const parent = out[nested[1]!]
      const obj = typeof parent === 'object' ? parent : {}
      obj[nested[2]!] = value
      out[nested[1]!] = obj
    } else out[key] = value
  }
  return out
}

/** The HMAC-SHA256, in hex, Stripe puts in `v1`: over `<timestamp>.<raw body>` with the endpoint's secret. */
export function stripeSignature(secret: string, timestampS: number, payload: string): string {
  return createHmac('sha256', secret).update(`${timestampS}.${payload}`, 'utf8').digest('hex')
}

/** The header Stripe sends with a webhook: `t=<unix seconds>,v1=<signature>`. */
export function stripeSignatureHeader(secret: string, timestampS: number, payload: string): string {
  return `t=${timestampS},v1=${stripeSignature(secret, timestampS, payload)}`
}

export type SignatureCheck =
  | { ok: true; timestampS: number }
  | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'outside_tolerance' }

/**
 * Checks a webhook's `Stripe-Signature` against its raw body: one of its `v1` values must be the HMAC of
 * `t.payload` (compared in constant time), and `t` within `toleranceS` of now, so a request captured
 * and sent again later is refused. Other schemes (`v0`) are ignored, as Stripe's libraries do.
 */
export function checkStripeSignature(
  secret: string,
  header: string | undefined,
  payload: string,
  nowS: number,
  toleranceS = DEFAULT_TOLERANCE_S,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing_signature' }
  const parts = header.split(',').map((p) => {
    const at = p.indexOf('=')
    return at < 0 ? [p.trim(), ''] : [p.slice(0, at).trim(), p.slice(at + 1).trim()]
  })
  const t = Number(parts.find(([k]) => k === 't')?.[1])
  const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => v!)
  if (!Number.isInteger(t) || signatures.length === 0) return { ok: false, reason: 'missing_signature' }
  const expected = Buffer.from(stripeSignature(secret, t, payload), 'utf8')
  const matches = signatures.some((v) => {
    const given = Buffer.from(v, 'utf8')
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
  if (!matches) return { ok: false, reason: 'bad_signature' }
  if (Math.abs(nowS - t) > toleranceS) return { ok: false, reason: 'outside_tolerance' }
  return { ok: true, timestampS: t }
}
