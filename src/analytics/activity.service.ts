import { sql } from 'drizzle-orm'
import { getCustomer } from '../customers/index.ts'
import { type Executor, rows } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { notFound } from './analytics.errors.ts'
import type { ActivityKind } from './analytics.schema.ts'

export interface ActivityInput {
  kind: ActivityKind
  location_id?: string
  sku?: string
  occurred_at?: string
}

/**
 * Records what a customer did online (a wishlist entry, an availability check for a store, a cart):
 * the evidence ROPO looks for before a store purchase. Written by the web shop and the app with
 * their channel keys; a merged profile's activity goes to its survivor.
 */
export async function recordActivity(db: Executor, actor: Actor, customerRef: string, body: ActivityInput) {
  if (actor.role !== 'admin' && actor.role !== 'channel')
    throw forbidden('Online activity is recorded by the web shop and the app (channel keys).')
  const customer = await getCustomer(db, customerRef)
  let locationId: string | null = null
  if (body.location_id) {
    const [loc] = await rows<{ id: string }>(
      db,
      sql`SELECT id FROM location WHERE id = ${body.location_id} OR code = ${body.location_id}`,
    )
    if (!loc) throw notFound('location', body.location_id)
    locationId = loc.id
  }
  const id = newId('act')
  const at = body.occurred_at ? new Date(body.occurred_at) : new Date()
  await db.execute(
    sql`INSERT INTO customer_activity (id, customer_id, kind, channel_id, location_id, sku, occurred_at)
        VALUES (${id}, ${customer.id}, ${body.kind}, ${actor.channelId}, ${locationId}, ${body.sku ?? null}, ${at})`,
  )
  return {
    id,
    customer_id: customer.id,
    kind: body.kind,
    channel_id: actor.channelId,
    location_id: locationId,
    sku: body.sku ?? null,
    occurred_at: at.toISOString(),
  }
}
