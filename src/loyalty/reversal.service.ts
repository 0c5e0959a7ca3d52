import { sql } from 'drizzle-orm'
import { rows, type Tx } from '../db/database.ts'

/**
 * Takes back the points an order earned, in proportion to the money given back for returned goods:
 * after every return, the order has reversed floor(earned × refunded ÷ paid) points in all (money
 * paid with points neither earns nor counts). Cumulative, so a sequence of partial returns never
 * takes back more than the order earned. A balance already spent is not taken below zero: what
 * cannot be taken back is written in the entry's reason.
 * Nothing happens for an order that has not earned yet: its earning will count net of refunds.
 */
export async function reversePointsForReturn(tx: Tx, orderId: string, returnId: string, actor: string) {
  const [o] = await rows<{
    customer_id: string | null
    earned: number
    reversed: number
    paid: number
    refunded: number
  }>(
    tx,
    sql`SELECT
          (SELECT customer_id FROM loyalty_entry WHERE order_id = ${orderId} AND kind = 'earn' LIMIT 1) AS customer_id,
          coalesce((SELECT sum(points) FROM loyalty_entry WHERE order_id = ${orderId} AND kind = 'earn'), 0)::int AS earned,
          coalesce((SELECT -sum(points) FROM loyalty_entry
                    WHERE order_id = ${orderId} AND kind = 'reversal' AND reference LIKE 'return:%'), 0)::int AS reversed,
          coalesce((SELECT sum(amount_cents) FROM payment
                    WHERE order_id = ${orderId} AND kind = 'capture' AND method <> 'loyalty_points'), 0)::int AS paid,
          coalesce((SELECT sum(amount_cents) FROM payment
                    WHERE order_id = ${orderId} AND kind = 'refund' AND return_id IS NOT NULL
                      AND method <> 'loyalty_points'), 0)::int AS refunded`,
  )
  if (!o?.customer_id || o.earned <= 0 || o.paid <= 0) return 0
  const target = Math.floor((o.earned * Math.min(o.refunded, o.paid)) / o.paid)
  const due = target - o.reversed
  if (due <= 0) return 0
  await tx.execute(
    sql`INSERT INTO loyalty_account (customer_id) VALUES (${o.customer_id}) ON CONFLICT (customer_id) DO NOTHING`,
  )
  const [taken] = await rows<{ taken: number }>(
    tx,
    sql`WITH cur AS (SELECT balance FROM loyalty_account WHERE customer_id = ${o.customer_id} FOR UPDATE),
        t AS (SELECT least(balance, ${due})::int AS taken FROM cur),
        a AS (
          UPDATE loyalty_account SET balance = balance - (SELECT taken FROM t), updated_at = now()
          WHERE customer_id = ${o.customer_id}
        ),
        e AS (
          INSERT INTO loyalty_entry (customer_id, kind, points, order_id, reference, reason, actor)
          SELECT ${o.customer_id}, 'reversal', -${due}::int + (${due}::int - taken), ${orderId}, ${`return:${returnId}`},
                 CASE WHEN taken < ${due} THEN (${due}::int - taken) || ' points could not be taken back: already spent'
                      ELSE 'goods returned' END,
                 ${actor}
          FROM t
        )
        SELECT taken FROM t`,
  )
  return taken?.taken ?? 0
}
