// What Passerelle asks of a payment provider, and the rules of retrying it, without I/O.

/** The answer to one request: done (with the provider's ids and status), or failed and why. */
export type ProviderOutcome<T> =
  | { ok: true; value: T }
  | {
      ok: false
      /**
       * `refused`: the provider answered that it did nothing (a 4xx: declined, invalid, not allowed);
       * `unavailable`: no answer, or a 5xx: it may or may not have been done.
       */
      kind: 'refused' | 'unavailable'
      /** The provider's error code, or the network failure (never a card number nor a name). */
      reason: string
      httpStatus: number | null
    }

export interface IntentState {
  /** The provider's payment id (`pi_…`). */
  id: string
  /** requires_payment_method, requires_confirmation, requires_action, requires_capture, succeeded, canceled… */
  status: string
  amountCents: number
  /** Money actually taken. */
  receivedCents: number
  /** Handed to the customer's browser or app to confirm the payment (3-D Secure). */
  clientSecret: string | null
}

export interface RefundState {
  /** The provider's refund id (`re_…`). */
  id: string
  /** pending, requires_action, succeeded, failed or canceled. */
  status: string
  amountCents: number
}

/** An incoming provider webhook, once its signature was checked. */
export interface ProviderWebhook {
  id: string
  type: string
  /** The refunds it reports, with the payment they belong to. */
  refunds: Array<
    RefundState & { intentId: string | null; passerelleRefundId: string | null; failure: string | null }
  >
  /** The payment it is about, if any. */
  intentId: string | null
}

export type WebhookCheck =
  | { ok: true; webhook: ProviderWebhook }
  | {
      ok: false
      reason: 'no_webhook_secret' | 'missing_signature' | 'bad_signature' | 'outside_tolerance' | 'unreadable'
    }

/**
 * A payment provider: money authorised, captured, refunded against the capture, or released; and the
 * signature of the webhooks it sends. Every call that changes something carries an idempotency key:
 * the same key again gets the first answer, never a second effect.
 */
export interface PaymentProvider {
  /** `stripe`: stored with each payment and refund sent through it. */
  readonly name: string
  authorise(
    input: { amountCents: number; currency: string; paymentMethod: string; reference: string },
    idempotencyKey: string,
  ): Promise<ProviderOutcome<IntentState>>
  capture(
    intentId: string,
    amountCents: number,
    idempotencyKey: string,
  ): Promise<ProviderOutcome<IntentState>>
  refund(
    input: { intentId: string; amountCents: number; passerelleRefundId: string; orderId: string },
    idempotencyKey: string,
  ): Promise<ProviderOutcome<RefundState>>
  cancel(intentId: string, idempotencyKey: string): Promise<ProviderOutcome<IntentState>>
  /** Checks an incoming webhook's signature over its raw body and reads it. */
  verifyWebhook(
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
    nowS: number,
  ): WebhookCheck
}

/** How long to wait between attempts. Injectable so tests run retries at once. */
export interface RetryTiming {
  /** The wait after the first failed attempt; it doubles after each failure… */
  firstRetryMs: number
  /** …up to this. */
  maxRetryMs: number
  /** An attempt in flight holds its row this long; a process that dies mid-request leaves it to another after that. */
  leaseMs: number
}

/** 30 s, 1 min, 2 min… capped at 6 h: a provider outage of a day costs about a dozen attempts per refund. */
export const defaultRetryTiming: RetryTiming = {
  firstRetryMs: 30_000,
  maxRetryMs: 6 * 3_600_000,
  leaseMs: 60_000,
}

/** The wait before the next attempt after `failures` failed attempts (≥ 1). */
export function retryDelayMs(timing: RetryTiming, failures: number): number {
  const doubled = timing.firstRetryMs * 2 ** Math.min(Math.max(failures - 1, 0), 30)
  return Math.min(doubled, timing.maxRetryMs)
}

/**
 * The Idempotency-Key of the next attempt. The first is the event's id. It stays the same after an
 * attempt that may have been done (no answer, a 5xx: the provider answers the retry with what it did,
 * so the money never moves twice); it changes only after the provider answered that it did nothing (a
 * 4xx), since a provider such as Stripe keeps that refusal as the key's answer for good.
 */
export function nextIdempotencyKey(
  base: string,
  attempts: number,
  current: string,
  failure: 'refused' | 'unavailable',
): string {
  return failure === 'refused' ? `${base}-retry-${attempts}` : current
}

/**
 * Why a refund is not done yet, or why it failed, in words a screen can translate (the provider's own
 * message goes beside it):
 * - `awaiting_capture`: the card payment it gives back is not captured at the provider yet;
 * - `provider_refused`: the provider answered that it did nothing (declined, invalid): sent again under a new key;
 * - `provider_unreachable`: no answer, or the provider's error (a 5xx, busy): sent again with the same key;
 * - `awaiting_settlement`: the provider accepted it, the bank has not settled it yet (its webhook will);
 * - `provider_failed`: the provider reports the refund failed or was cancelled: final;
 * - `provider_not_configured`: no payment provider is configured here: nothing is sent.
 */
export const refundReasonCodes = [
  'awaiting_capture',
  'provider_refused',
  'provider_unreachable',
  'awaiting_settlement',
  'provider_failed',
  'provider_not_configured',
] as const
export type RefundReasonCode = (typeof refundReasonCodes)[number]

/** A refund's reason code from where it stands; null when there is nothing to explain (done, or not sent yet). */
export function refundReasonCode(r: {
  status: 'pending' | 'succeeded' | 'failed'
  providerRefundId: string | null
  lastErrorKind: 'refused' | 'unavailable' | 'failed' | null
  /** The status of the capture it gives back, when Passerelle captures it. */
  captureStatus: 'pending' | 'succeeded' | 'failed' | null
  providerConfigured: boolean
}): RefundReasonCode | null {
  if (r.status === 'succeeded') return null
  if (r.status === 'failed') return 'provider_failed'
  if (r.providerRefundId !== null) return 'awaiting_settlement'
  if (!r.providerConfigured) return 'provider_not_configured'
  if (r.captureStatus !== null && r.captureStatus !== 'succeeded') return 'awaiting_capture'
  if (r.lastErrorKind === 'refused') return 'provider_refused'
  if (r.lastErrorKind === 'unavailable') return 'provider_unreachable'
  return null
}
