import { sql } from 'drizzle-orm'
import type { EventConsumer } from '../events/index.ts'
import { newId } from '../shared/ids.ts'
import { paymentProvider } from './provider.ts'

/** Channels whose card payments are taken through the provider: the web shop and the app. The till's stay at the till. */
const providerChannels = sql`('web', 'mobile')`

/**
 * Money moves at the provider a moment after the order records it: a card payment of a web or app
 * order whose reference is a PaymentIntent (`pi_…`) is captured there, and each refund given back to
 * that card (a cancellation, a line nobody could serve, an expired pickup, a return at any store or
 * by post, partial ones included) is executed against that capture. This consumer only records what
 * is to be sent, in the event's transaction (one row per event: the event id is unique); the job
 * `payments.send-to-provider` sends it, retries it and records the answer. Card refunds of till sales
 * stay at the till: the terminal gave them back.
 */
export const executeAtProvider: EventConsumer = {
  id: 'payments.execute-at-provider',
  types: ['payment.captured', 'payment.refunded'],
  async apply(tx, event) {
    const d = event.data as { order_id: string; payment_id: string; method: string; amount_cents: number }
    if (d.method !== 'card') return
    const provider = paymentProvider()?.name ?? 'stripe'
    if (event.type === 'payment.captured') {
      await tx.execute(
        sql`INSERT INTO provider_payment (payment_id, order_id, provider, intent_id, amount_cents, event_id, idempotency_key)
            SELECT p.id, p.order_id, ${provider}, p.reference, p.amount_cents, ${event.id}, ${`capture-${event.id}`}
            FROM payment p JOIN orders o ON o.id = p.order_id JOIN channel ch ON ch.id = o.channel_id
            WHERE p.id = ${d.payment_id} AND p.kind = 'capture' AND p.method = 'card'
              AND p.reference LIKE 'pi\\_%' AND ch.kind IN ${providerChannels}
            ON CONFLICT DO NOTHING`,
      )
      return
    }
    // The refund payment names the capture it gives back (src/orders/refunds.service.ts).
    await tx.execute(
      sql`INSERT INTO provider_refund (id, event_id, order_id, payment_id, capture_payment_id, return_id, provider,
                                       intent_id, amount_cents, idempotency_key)
          SELECT ${newId('prf')}, ${event.id}, r.order_id, r.id, c.id, r.return_id, ${provider},
                 c.reference, r.amount_cents, ${event.id}
          FROM payment r
          JOIN payment c ON c.id = r.reference AND c.kind = 'capture' AND c.method = 'card'
          JOIN orders o ON o.id = r.order_id JOIN channel ch ON ch.id = o.channel_id
          WHERE r.id = ${d.payment_id} AND r.kind = 'refund' AND r.method = 'card'
            AND c.reference LIKE 'pi\\_%' AND ch.kind IN ${providerChannels}
          ON CONFLICT (event_id) DO NOTHING`,
    )
  },
}
