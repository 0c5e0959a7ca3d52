import { sql } from 'drizzle-orm'
import { type Db, rows, type Tx } from '../db/database.ts'
import type { JobLog } from '../jobs/job.ts'
import { AppError } from '../shared/errors.ts'
import { fail } from './payments.errors.ts'
import type { PaymentProvider, ProviderWebhook } from './provider.domain.ts'

const list = (values: Array<string | null>) =>
  sql`(SELECT jsonb_array_elements_text(${JSON.stringify(values.filter((v) => v !== null))}::jsonb))`

/**
 * A webhook from the provider: its signature checked over the raw body, its event id recorded once,
 * and the refunds it reports applied to the refunds Passerelle sent (succeeded, or failed with the
 * provider's reason). Refused with 400, logged with the reason and ids only (never the body: it may
 * carry a name or an e-mail), and nothing changed, when it is not signed by the provider, signed
 * outside the tolerance, received before, or about a payment Passerelle never sent there.
 */
export async function receiveProviderWebhook(
  db: Db,
  provider: PaymentProvider | undefined,
  raw: string,
  headers: Record<string, string | string[] | undefined>,
  log: Pick<JobLog, 'warn'>,
  nowS = Math.floor(Date.now() / 1000),
): Promise<{ received: true; event_id: string; refunds_updated: number }> {
  if (!provider) {
    // Nothing to check it against: the endpoint is not there (a 4xx, never a 5xx, for whatever is sent).
    throw fail(
      'payment_webhooks_not_configured',
      'No payment provider is configured here: provider webhooks are not accepted.',
    )
  }
  const refuse = (err: AppError, ids: { event_id?: string; type?: string }) => {
    log.warn(
      { provider: provider.name, reason: err.code, ...ids },
      'provider webhook refused; nothing changed',
    )
    return err
  }
  const check = provider.verifyWebhook(raw, headers, nowS)
  if (!check.ok) {
    throw refuse(
      check.reason === 'outside_tolerance'
        ? fail(
            'webhook_replayed',
            'The webhook was signed more than 5 minutes from now: a replay is refused.',
          )
        : check.reason === 'unreadable'
          ? fail('webhook_signature_invalid', 'The webhook is signed but is not a provider event.')
          : check.reason === 'no_webhook_secret'
            ? fail(
                'webhook_signature_invalid',
                'STRIPE_WEBHOOK_SECRET is not set: no webhook can be verified.',
              )
            : check.reason === 'missing_signature'
              ? fail(
                  'webhook_signature_invalid',
                  'The Stripe-Signature header is missing or has no t= and v1=.',
                )
              : fail(
                  'webhook_signature_invalid',
                  "The Stripe-Signature does not sign this body with the endpoint's secret.",
                ),
      {},
    )
  }
  const w = check.webhook
  try {
    return await db.transaction(async (tx) => {
      const first = await rows(
        tx,
        sql`INSERT INTO provider_webhook_event (id, provider, type) VALUES (${w.id}, ${provider.name}, ${w.type})
            ON CONFLICT (id) DO NOTHING RETURNING 1`,
      )
      if (first.length === 0) throw fail('webhook_replayed', `Event ${w.id} was received before.`)
      if (!(await known(tx, w))) {
        throw fail(
          'webhook_unknown_payment',
          'The webhook is about a payment Passerelle did not send to the provider.',
        )
      }
      let updated = 0
      for (const r of w.refunds) {
        const failed = r.status === 'failed' || r.status === 'canceled'
        const done = await rows(
          tx,
          sql`UPDATE provider_refund SET
                status = CASE WHEN ${r.status} = 'succeeded' THEN 'succeeded' WHEN ${failed} THEN 'failed' ELSE status END,
                last_error = CASE WHEN ${r.status} = 'succeeded' THEN NULL
                                  WHEN ${failed} THEN ${r.failure ?? r.status}
                                  ELSE last_error END,
                last_error_kind = CASE WHEN ${r.status} = 'succeeded' THEN NULL
                                       WHEN ${failed} THEN 'failed'
                                       ELSE last_error_kind END,
                provider_refund_id = coalesce(provider_refund_id, ${r.id}),
                updated_at = now()
              WHERE (provider_refund_id = ${r.id} OR (provider_refund_id IS NULL AND id = ${r.passerelleRefundId ?? ''}))
                AND intent_id = ${r.intentId ?? w.intentId ?? ''}
              RETURNING id`,
        )
        updated += done.length
      }
      return { received: true as const, event_id: w.id, refunds_updated: updated }
    })
  } catch (err) {
    if (err instanceof AppError) throw refuse(err, { event_id: w.id, type: w.type })
    throw err
  }
}

/** Whether the webhook names a payment or a refund Passerelle sent to the provider. */
async function known(tx: Tx, w: ProviderWebhook): Promise<boolean> {
  const intents = [w.intentId, ...w.refunds.map((r) => r.intentId)]
  const refunds = w.refunds.map((r) => r.id)
  const ours = w.refunds.map((r) => r.passerelleRefundId)
  const [k] = await rows<{ known: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM provider_payment WHERE intent_id IN ${list(intents)})
            OR EXISTS (SELECT 1 FROM provider_refund
                       WHERE intent_id IN ${list(intents)} OR provider_refund_id IN ${list(refunds)}
                          OR id IN ${list(ours)}) AS known`,
  )
  return k?.known === true
}
