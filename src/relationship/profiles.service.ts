import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import { cachedLocations } from '../network/index.ts'
import { nearestStore } from './merge.service.ts'
import { type ShopperProfile, shopperProfile } from './shopper-profile.domain.ts'

/**
 * The shopper profiles of many customers (the labels and home store of the 360 view, by the same
 * rules), from one read of their orders: what a segment over the customer base filters on.
 */
export async function shopperProfiles(
  q: Executor,
  customerIds: readonly string[],
): Promise<Map<string, ShopperProfile>> {
  const out = new Map<string, ShopperProfile>()
  if (customerIds.length === 0) return out
  const ids = JSON.stringify([...new Set(customerIds)])
  const [customers, facts, locations] = await Promise.all([
    rows<{ id: string; postcode: string; country: string }>(
      q,
      sql`SELECT id, postcode, country FROM customer
          WHERE id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`,
    ),
    rows<{
      customer_id: string
      kind: string
      code: string
      status: string
      total_cents: number
      store_id: string | null
      created_at: Date | string
    }>(
      q,
      sql`SELECT o.customer_id, c.kind, c.code, o.status, o.total_cents,
                 coalesce(o.store_id, (SELECT l.pickup_location_id FROM order_line l
                                       WHERE l.order_id = o.id AND l.pickup_location_id IS NOT NULL LIMIT 1)) AS store_id,
                 o.created_at
          FROM orders o JOIN channel c ON c.id = o.channel_id
          WHERE o.customer_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`,
    ),
    cachedLocations(q),
  ])
  const byCustomer = new Map<string, typeof facts>()
  for (const f of facts) {
    const list = byCustomer.get(f.customer_id)
    if (list) list.push(f)
    else byCustomer.set(f.customer_id, [f])
  }
  for (const c of customers) {
    const own = byCustomer.get(c.id) ?? []
    out.set(
      c.id,
      shopperProfile(
        own.map((f) => ({
          channelKind: f.kind,
          channelCode: f.code,
          status: f.status,
          totalCents: f.total_cents,
          storeId: f.store_id,
          createdAt: new Date(f.created_at),
        })),
        nearestStore(c, locations),
      ),
    )
  }
  return out
}
