import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { isPeriod, nextPeriod, STATEMENT_TIME_ZONE } from '../shared/period.domain.ts'
import { getChannel } from './channels.service.ts'

/** Money a partner takes from customers: card and cash (gift cards and credit notes are the brand's). */
const moneyTenders = sql`('card', 'cash')`

/**
 * What a channel that takes the customers' money (a marketplace) owes the brand for a month, in
 * the brand's time zone: the money it collected on the brand's orders, less the refunds it gave
 * back for the brand (refund method `partner`). A refund the brand paid itself (a manager's till
 * override) leaves the partner owing what it collected. Refunds are listed oldest first, a page at
 * a time; the totals cover the whole month.
 */
export async function channelSettlement(
  q: Executor,
  actor: Actor,
  ref: string,
  month: string,
  limit: number,
  cursor?: string,
) {
  if (!isPeriod(month)) throw invalidInput('month', 'give the month as YYYY-MM, e.g. 2025-03')
  const channel = await getChannel(q, ref)
  if (actor.role === 'channel' && actor.channelId !== channel.id) {
    throw forbidden('A channel key reads its own channel’s settlement only.')
  }
  const tz = STATEMENT_TIME_ZONE
  const inMonth = sql`p.created_at >= (${`${month}-01`}::timestamp AT TIME ZONE ${tz})
    AND p.created_at < (${`${nextPeriod(month)}-01`}::timestamp AT TIME ZONE ${tz})`
  const [totals] = await rows<{ collected: string; refunded: string }>(
    q,
    sql`SELECT
          coalesce(sum(p.amount_cents) FILTER (WHERE p.kind = 'capture' AND p.method IN ${moneyTenders}), 0)::bigint
            AS collected,
          coalesce(sum(p.amount_cents) FILTER (WHERE p.kind = 'refund' AND p.method = 'partner'), 0)::bigint
            AS refunded
        FROM orders o JOIN payment p ON p.order_id = o.id
        WHERE o.channel_id = ${channel.id} AND ${inMonth}`,
  )
  const refunds = await rows<{
    id: string
    order_id: string
    order_number: number
    return_id: string | null
    return_number: number | null
    amount_cents: number
    created_at: Date
  }>(
    q,
    sql`SELECT p.id, p.order_id, o.number::int AS order_number, p.return_id, r.number::int AS return_number,
               p.amount_cents, p.created_at
        FROM orders o JOIN payment p ON p.order_id = o.id LEFT JOIN "return" r ON r.id = p.return_id
        WHERE o.channel_id = ${channel.id} AND p.kind = 'refund' AND p.method = 'partner' AND ${inMonth}
          ${cursor ? sql`AND p.id > ${cursor}` : sql``}
        ORDER BY p.id LIMIT ${limit + 1}`,
  )
  const collected = channel.collectsPayment ? Number(totals!.collected) : 0
  const refunded = Number(totals!.refunded)
  const page = refunds.slice(0, limit)
  return {
    channel: { id: channel.id, code: channel.code, name: channel.name },
    month,
    collects_payment: channel.collectsPayment,
    collected_cents: collected,
    refunded_through_partner_cents: refunded,
    due_from_partner_cents: collected - refunded,
    refunds: page.map((p) => ({
      payment_id: p.id,
      order_id: p.order_id,
      order_number: String(p.order_number),
      return_id: p.return_id,
      return_number: p.return_number === null ? null : String(p.return_number),
      amount_cents: p.amount_cents,
      at: new Date(p.created_at).toISOString(),
    })),
    next_cursor: refunds.length > limit ? page.at(-1)!.id : null,
  }
}
