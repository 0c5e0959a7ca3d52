import { sql } from 'drizzle-orm'
import { type Db, rows } from '../db/database.ts'
import {
  defaultRetryTiming,
  nextIdempotencyKey,
  type PaymentProvider,
  type ProviderOutcome,
  type RetryTiming,
  retryDelayMs,
} from './provider.domain.ts'

export interface SendOptions {
  /** The clock: tests move it past a backoff instead of waiting. */
  now?: Date
  timing?: RetryTiming
  /** Rows claimed per table and pass. */
  limit?: number
}

interface Claimed {
  key: string
  event_id: string
  order_id: string
  intent_id: string
  amount_cents: number
  attempts: number
  idempotency_key: string
}

/**
 * One pass: captures, then refunds, due at the provider. Each row is claimed first (its attempt
 * counted and its next attempt moved a lease ahead, in one statement, rows locked by another pass
 * skipped), then sent outside any transaction, then its answer recorded: two passes at once, in one
 * process or two, never send the same row together, and if a lease runs out mid-request the retry
 * carries the same Idempotency-Key, so the provider makes one refund. A refund is sent only once the
 * payment it gives back is captured there. Returns how many requests it made.
 */
export async function sendDueToProvider(db: Db, provider: PaymentProvider, options: SendOptions = {}) {
  const now = options.now ?? new Date()
  const timing = options.timing ?? defaultRetryTiming
  const limit = options.limit ?? 20
  const leaseUntil = new Date(now.getTime() + timing.leaseMs)
  const [due] = await rows<{ any: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM provider_payment WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz)
            OR EXISTS (SELECT 1 FROM provider_refund WHERE status = 'pending' AND provider_refund_id IS NULL AND next_attempt_at <= ${now.toISOString()}::timestamptz)
            AS any`,
  )
  if (!due?.any) return 0

  const captures = await rows<Claimed>(
    db,
    sql`UPDATE provider_payment p SET attempts = p.attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz, updated_at = now()
        WHERE p.payment_id IN (
          SELECT payment_id FROM provider_payment
          WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz
          ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING p.payment_id AS key, p.event_id, p.order_id, p.intent_id, p.amount_cents, p.attempts, p.idempotency_key`,
  )
  await Promise.all(
    captures.map(async (c) => {
      const outcome = await provider.capture(c.intent_id, c.amount_cents, c.idempotency_key)
      await record(db, 'provider_payment', 'payment_id', c, outcome, `capture-${c.event_id}`, now, timing)
    }),
  )

  const refunds = await rows<Claimed>(
    db,
    sql`UPDATE provider_refund r SET attempts = r.attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz, updated_at = now()
        WHERE r.id IN (
          SELECT f.id FROM provider_refund f
          WHERE f.status = 'pending' AND f.provider_refund_id IS NULL AND f.next_attempt_at <= ${now.toISOString()}::timestamptz
            AND NOT EXISTS (SELECT 1 FROM provider_payment p
                            WHERE p.payment_id = f.capture_payment_id AND p.status <> 'succeeded')
          ORDER BY f.next_attempt_at LIMIT ${limit} FOR UPDATE OF f SKIP LOCKED)
        RETURNING r.id AS key, r.event_id, r.order_id, r.intent_id, r.amount_cents, r.attempts, r.idempotency_key`,
  )
  await Promise.all(
    refunds.map(async (r) => {
      const outcome = await provider.refund(
        {
          intentId: r.intent_id,
          amountCents: r.amount_cents,
          passerelleRefundId: r.key,
          orderId: r.order_id,
        },
        r.idempotency_key,
      )
      await record(db, 'provider_refund', 'id', r, outcome, r.event_id, now, timing)
    }),
  )
  return captures.length + refunds.length
}

/**
 * The answer of one attempt. Done: the provider's status (a refund the bank has not settled yet stays
 * pending with its provider id, and is not sent again: its webhook moves it). Failed: pending, with the
 * reason, and due again after the backoff, with the key the next attempt must carry.
 */
async function record(
  db: Db,
  table: 'provider_payment' | 'provider_refund',
  keyColumn: 'payment_id' | 'id',
  row: Claimed,
  outcome: ProviderOutcome<{ id: string; status: string }>,
  keyBase: string,
  now: Date,
  timing: RetryTiming,
) {
  const t = sql.raw(table)
  const k = sql.raw(keyColumn)
  const refund = table === 'provider_refund'
  // A refund also keeps which kind of failure its last error is (the back-office says why it waits).
  const kind = (value: 'refused' | 'unavailable' | 'failed' | null) =>
    refund ? sql`, last_error_kind = ${value}` : sql``
  if (outcome.ok) {
    const status = statusOf(table, outcome.value.status)
    const providerId = refund ? sql`, provider_refund_id = ${outcome.value.id}` : sql``
    // Failed at once: the provider's status (failed, canceled) is all it said.
    await db.execute(
      sql`UPDATE ${t} SET status = ${status}, last_error = ${status === 'failed' ? outcome.value.status : null},
                          updated_at = now() ${providerId} ${kind(status === 'failed' ? 'failed' : null)}
          WHERE ${k} = ${row.key} AND status = 'pending'`,
    )
    return
  }
  const next = new Date(now.getTime() + retryDelayMs(timing, row.attempts))
  await db.execute(
    sql`UPDATE ${t} SET last_error = ${outcome.reason}, next_attempt_at = ${next.toISOString()}::timestamptz,
                        idempotency_key = ${nextIdempotencyKey(keyBase, row.attempts, row.idempotency_key, outcome.kind)},
                        updated_at = now() ${kind(outcome.kind)}
        WHERE ${k} = ${row.key} AND status = 'pending'`,
  )
}

/** Ours from the provider's: a capture is done once the intent succeeded; a refund once it succeeded. */
function statusOf(table: 'provider_payment' | 'provider_refund', providerStatus: string) {
  if (table === 'provider_payment') return providerStatus === 'succeeded' ? 'succeeded' : 'pending'
  if (providerStatus === 'succeeded') return 'succeeded'
  if (providerStatus === 'failed' || providerStatus === 'canceled') return 'failed'
  return 'pending'
}
