import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// The rules of webhook delivery, without I/O: signing, backoff, when to give up, which URLs are accepted.

export const SIGNATURE_HEADER = 'passerelle-signature'

/** A new signing secret: 32 random bytes, readable prefix. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

/**
 * The signature header of a body sent at `timestampS` (Unix seconds): `t=<timestamp>,v1=<hex HMAC-SHA256
 * of "<timestamp>.<body>" under the secret>`. Signing the timestamp with the body lets a receiver refuse
 * a replayed request (an old timestamp) as well as a forged one.
 */
export function signatureHeader(secret: string, timestampS: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex')
  return `t=${timestampS},v1=${mac}`
}

/**
 * What a receiver does (docs/webhooks.md shows the same in a few lines): true when one `v1` signature of
 * the header matches the body and the timestamp is within `toleranceS` of now.
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowS: number,
  toleranceS = 300,
): boolean {
  const parts = header.split(',').map((p) => p.split('='))
  const t = Number(parts.find(([k]) => k === 't')?.[1])
  if (!Number.isInteger(t) || Math.abs(nowS - t) > toleranceS) return false
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'))
  return parts
    .filter(([k]) => k === 'v1')
    .some(
      ([, v]) => v !== undefined && v.length === expected.length && timingSafeEqual(Buffer.from(v), expected),
    )
}

/** How long to wait and when to stop. Injectable so tests run retries in milliseconds. */
export interface WebhookTiming {
  /** A subscriber has this long to answer (headers and body) before the attempt counts as failed. */
  timeoutMs: number
  /** The wait after the first failed attempt; it doubles after each failure… */
  firstRetryMs: number
  /** …up to this. */
  maxRetryMs: number
  /** A delivery still failing this long after the event was handed to the subscription is given up. */
  giveUpAfterMs: number
  /** A subscription whose every attempt failed for this long is disabled. */
  disableAfterMs: number
}

const HOUR = 3_600_000

/**
 * Stripe's convention: retried with exponential backoff for up to 3 days. 1 min, 2, 4… capped at 6 h:
 * about 20 attempts over 72 h. 10 s to answer: a receiver should queue the event and answer at once.
 */
export const defaultWebhookTiming: WebhookTiming = {
  timeoutMs: 10_000,
  firstRetryMs: 60_000,
  maxRetryMs: 6 * HOUR,
  giveUpAfterMs: 72 * HOUR,
  disableAfterMs: 72 * HOUR,
}

/** The wait before attempt `failures + 1`, after `failures` failed attempts (≥ 1). */
export function retryDelayMs(timing: WebhookTiming, failures: number): number {
  const doubled = timing.firstRetryMs * 2 ** Math.min(Math.max(failures - 1, 0), 40)
  return Math.min(doubled, timing.maxRetryMs)
}

/** Why a URL is refused as a webhook destination, or null when it is accepted. */
export function refusedUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'is not an absolute URL (https://example.com/hooks/passerelle)'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use https (or http)'
  if (url.username || url.password) {
    return 'must not carry credentials: verify the Passerelle-Signature header instead'
  }
  if (!url.hostname) return 'has no host'
  if (url.hash) return 'must not have a #fragment'
  return null
}

const EXCERPT_CHARS = 500

/** The start of a response body kept in the delivery log, on one line. */
export function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat
}

/** The reason kept on a subscription an administrator disabled. */
export const ADMIN_DISABLED_REASON = 'Disabled by an administrator.'

/** The reason shown on a subscription disabled after failing for too long. */
export function disabledReason(failingSince: Date, lastFailure: string): string {
  return `Disabled automatically: every delivery failed since ${failingSince.toISOString()} (last: ${lastFailure}). Fix the endpoint, then enable the subscription again; events of the meantime can be replayed.`
}
