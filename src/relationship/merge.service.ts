import { sql } from 'drizzle-orm'
import { type CustomerRow, getCustomer, toDto } from '../customers/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { byApiKey, customerEvents, outboxInsert } from '../events/index.ts'
import { loyaltySummary } from '../loyalty/index.ts'
import { cachedLocations, type LocationRow, locateAddress } from '../network/index.ts'
import { messagesOf } from '../notifications/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { distanceKm } from '../shared/geo.domain.ts'
import { type DuplicatePair, findDuplicates } from './duplicates.domain.ts'
import { conflict, notFound } from './relationship.errors.ts'
import { shopperProfile } from './shopper-profile.domain.ts'

/** Who may see duplicates and merge profiles: head office and the call centre. */
function assertMayMerge(actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'call_centre') {
    throw forbidden('Only head office and the call centre merge customer profiles.')
  }
}

export async function listDuplicates(q: Executor, actor: Actor, minScore: number, limit: number) {
  assertMayMerge(actor)
  const profiles = await rows<{
    id: string
    first_name: string
    last_name: string
    postcode: string
    address_line: string
    email: string | null
    phone: string | null
  }>(
    q,
    sql`SELECT id, first_name, last_name, postcode, address_line, email, phone FROM customer
        WHERE merged_into IS NULL AND last_name <> '' AND postcode <> ''`,
  )
  const byId = new Map(profiles.map((p) => [p.id, p]))
  const pairs: DuplicatePair[] = findDuplicates(
    profiles.map((p) => ({
      id: p.id,
      firstName: p.first_name,
      lastName: p.last_name,
      postcode: p.postcode,
      addressLine: p.address_line,
      email: p.email,
      phone: p.phone,
    })),
    minScore,
  )
  const brief = (id: string) => {
    const p = byId.get(id)!
    return {
      id,
      name: `${p.first_name} ${p.last_name}`.trim(),
      email: p.email,
      phone: p.phone,
      postcode: p.postcode,
    }
  }
  return {
    compared: profiles.length,
    data: pairs.slice(0, limit).map((p) => ({
      customers: [brief(p.ids[0]), brief(p.ids[1])],
      score: p.score,
      evidence: p.evidence,
    })),
  }
}

/**
 * Merges `absorbedId` into `survivorId` in one transaction: the absorbed profile's orders, notes,
 * loyalty, after-sales tickets, returns and stored-value accounts (gift cards, store credit, vouchers)
 * move to the survivor, which takes the e-mail, phone and card it lacked; the absorbed profile is kept
 * as it was in the merge record and its id resolves to the survivor from then on.
 */
export const mergeCustomers = inTransaction(mergeCustomersIn)

async function mergeCustomersIn(tx: Tx, actor: Actor, survivorId: string, absorbedId: string) {
  assertMayMerge(actor)
  if (survivorId === absorbedId) throw invalidInput('absorbed_id', 'a profile cannot be merged into itself')
  // Both rows locked in id order: two merges of the same pair cannot cross.
  const locked = await rows<CustomerRow & { merged_into: string | null }>(
    tx,
    sql`SELECT id, merged_into, email, phone, loyalty_card, first_name, last_name, address_line, postcode, city
        FROM customer WHERE id IN (${survivorId}, ${absorbedId}) ORDER BY id FOR UPDATE`,
  )
  const survivor = locked.find((c) => c.id === survivorId) as Record<string, unknown> | undefined
  const absorbed = locked.find((c) => c.id === absorbedId) as Record<string, unknown> | undefined
  if (!survivor) throw notFound('customer', survivorId)
  if (!absorbed) throw invalidInput('absorbed_id', `no customer ${absorbedId}`)
  if (absorbed.merged_into) {
    throw conflict(
      'already_merged',
      `Customer ${absorbedId} was already merged into ${absorbed.merged_into}.`,
      {
        survivor_id: absorbed.merged_into,
      },
    )
  }
  if (survivor.merged_into) {
    throw conflict(
      'already_merged',
      `Customer ${survivorId} was merged into ${survivor.merged_into}: merge into that one.`,
      {
        survivor_id: survivor.merged_into,
      },
    )
  }
  const snapshot = await getCustomer(tx, absorbedId)
  await tx.execute(
    sql`WITH a AS (
          UPDATE customer SET merged_into = ${survivorId}, email = NULL, phone = NULL, loyalty_card = NULL,
                 updated_at = now()
          WHERE id = ${absorbedId}
        ),
        o AS (UPDATE orders SET customer_id = ${survivorId}, updated_at = now() WHERE customer_id = ${absorbedId}),
        n AS (UPDATE customer_note SET customer_id = ${survivorId} WHERE customer_id = ${absorbedId}),
        r AS (UPDATE customer_merge SET survivor_id = ${survivorId} WHERE survivor_id = ${absorbedId}),
        -- Profiles merged into the absorbed one point at the survivor: an old id is one hop away.
        c AS (UPDATE customer SET merged_into = ${survivorId} WHERE merged_into = ${absorbedId}),
        t AS (UPDATE service_ticket SET customer_id = ${survivorId}, updated_at = now() WHERE customer_id = ${absorbedId}),
        rt AS (UPDATE "return" SET customer_id = ${survivorId}, updated_at = now() WHERE customer_id = ${absorbedId}),
        sv AS (
          UPDATE stored_value_account SET customer_id = ${survivorId}, updated_at = now()
          WHERE customer_id = ${absorbedId}
        ),
        le AS (UPDATE loyalty_entry SET customer_id = ${survivorId} WHERE customer_id = ${absorbedId}),
        ca AS (UPDATE customer_channel_account SET customer_id = ${survivorId}, updated_at = now() WHERE customer_id = ${absorbedId}),
        la AS (DELETE FROM loyalty_account WHERE customer_id = ${absorbedId} RETURNING balance),
        lb AS (
          INSERT INTO loyalty_account (customer_id, balance) SELECT ${survivorId}, balance FROM la
          ON CONFLICT (customer_id) DO UPDATE SET balance = loyalty_account.balance + excluded.balance, updated_at = now()
        ),
        ev AS (${outboxInsert([
          customerEvents.event('customer.merged', {
            aggregateId: survivorId,
            actor: byApiKey(actor.keyId),
            payload: { customer_id: survivorId, merged_id: absorbedId },
          }),
        ])})
        INSERT INTO customer_merge (absorbed_id, survivor_id, absorbed, actor)
        VALUES (${absorbedId}, ${survivorId}, ${JSON.stringify(snapshot)}::jsonb, ${actor.keyId})`,
  )
  // The identities move once the absorbed profile has let go of them (they are unique).
  await tx.execute(
    sql`UPDATE customer SET
          email = coalesce(email, ${snapshot.email}),
          phone = coalesce(phone, ${snapshot.phone}),
          loyalty_card = coalesce(loyalty_card, ${snapshot.loyaltyCard}),
          first_name = CASE WHEN first_name = '' THEN ${snapshot.firstName} ELSE first_name END,
          last_name = CASE WHEN last_name = '' THEN ${snapshot.lastName} ELSE last_name END,
          address_line = CASE WHEN address_line = '' THEN ${snapshot.addressLine} ELSE address_line END,
          postcode = CASE WHEN postcode = '' THEN ${snapshot.postcode} ELSE postcode END,
          city = CASE WHEN city = '' THEN ${snapshot.city} ELSE city END,
          updated_at = now()
        WHERE id = ${survivorId}`,
  )
  return getCustomer(tx, survivorId)
}

/** A note from the call centre or a store, kept with the customer. */
export const addNote = inTransaction(addNoteIn)

async function addNoteIn(tx: Tx, actor: Actor, customerId: string, body: string) {
  if (actor.role === 'channel') throw forbidden('Notes are written by staff.')
  const customer = await getCustomer(tx, customerId)
  const [note] = await rows<{ id: number; created_at: Date }>(
    tx,
    sql`INSERT INTO customer_note (customer_id, body, actor) VALUES (${customer.id}, ${body}, ${actor.keyId})
        RETURNING id::int AS id, created_at`,
  )
  return {
    id: note!.id,
    customer_id: customer.id,
    body,
    actor: actor.keyId,
    created_at: new Date(note!.created_at).toISOString(),
  }
}

/**
 * One call for the whole relationship: the profile, what it bought in each channel, its latest
 * orders from every channel, its after-sales tickets and returns, the notes staff wrote, and the
 * profiles merged into it.
 */
export async function customer360(q: Executor, actor: Actor, id: string, ordersLimit: number) {
  if (actor.role === 'channel') throw forbidden('The 360 view is for staff; a channel reads its own orders.')
  const customer = await getCustomer(q, id)
  // Five round trips, not ten: the short lists come back as JSON columns of one statement, and the
  // per-channel figures are summed from the order facts the shopper profile reads anyway.
  const [orders, loyalty, facts, locations, [lists], messages] = await Promise.all([
    rows<{
      id: string
      number: number
      channel_code: string
      status: string
      total_cents: number
      store_id: string | null
      created_at: Date
    }>(
      q,
      sql`SELECT o.id, o.number::int AS number, c.code AS channel_code, o.status, o.total_cents, o.store_id, o.created_at
          FROM orders o JOIN channel c ON c.id = o.channel_id
          WHERE o.customer_id = ${customer.id} ORDER BY o.customer_id, o.id DESC LIMIT ${ordersLimit}`,
    ),
    loyaltySummary(q, customer.id),
    rows<{
      kind: string
      code: string
      status: string
      total_cents: number
      refunded_cents: number
      store_id: string | null
      created_at: Date
    }>(
      q,
      sql`SELECT c.kind, c.code, o.status, o.total_cents, o.refunded_cents,
                 coalesce(o.store_id, (SELECT l.pickup_location_id FROM order_line l
                                       WHERE l.order_id = o.id AND l.pickup_location_id IS NOT NULL LIMIT 1)) AS store_id,
                 o.created_at
          FROM orders o JOIN channel c ON c.id = o.channel_id WHERE o.customer_id = ${customer.id}`,
    ),
    cachedLocations(q),
    rows<{
      notes: Array<{ id: number; body: string; actor: string | null; created_at: string }>
      merged: Array<{ absorbed_id: string; merged_at: string }>
      tickets: Array<{
        id: string
        number: string
        kind: string
        status: string
        subject: string
        order_id: string
        created_at: string
        updated_at: string
      }>
      returns: Array<{
        id: string
        number: string
        order_id: string
        status: string
        method: string
        refund_cents: number
        created_at: string
      }>
    }>(
      q,
      sql`SELECT
            (SELECT coalesce(json_agg(n ORDER BY n.id DESC), '[]'::json) FROM (
               SELECT id::int AS id, body, actor, created_at FROM customer_note
               WHERE customer_id = ${customer.id} ORDER BY id DESC LIMIT 50) n) AS notes,
            (SELECT coalesce(json_agg(m ORDER BY m.merged_at), '[]'::json) FROM (
               SELECT absorbed_id, merged_at FROM customer_merge WHERE survivor_id = ${customer.id}) m) AS merged,
            (SELECT coalesce(json_agg(t ORDER BY t.id DESC), '[]'::json) FROM (
               SELECT id, number::text AS number, kind, status, subject, order_id, created_at, updated_at
               FROM service_ticket WHERE customer_id = ${customer.id} ORDER BY customer_id, id DESC LIMIT 50) t) AS tickets,
            (SELECT coalesce(json_agg(r ORDER BY r.id DESC), '[]'::json) FROM (
               SELECT id, number::text AS number, order_id, status, method, refund_cents, created_at
               FROM "return" WHERE customer_id = ${customer.id} ORDER BY customer_id, id DESC LIMIT 50) r) AS returns`,
    ),
    messagesOf(q, customer.id, 50),
  ])
  const { notes, merged, tickets, returns } = lists!
  const channels = channelFigures(facts)
  const iso = (d: Date | string) => new Date(d).toISOString()
  return {
    customer: toDto(customer),
    channels: channels.map((c) => ({ ...c, last_order_at: iso(c.last_order_at) })),
    orders: orders.map((o) => ({ ...o, number: String(o.number), created_at: iso(o.created_at) })),
    tickets: tickets.map((t) => ({ ...t, created_at: iso(t.created_at), updated_at: iso(t.updated_at) })),
    returns: returns.map((r) => ({ ...r, created_at: iso(r.created_at) })),
    messages,
    notes: notes.map((n) => ({ ...n, created_at: iso(n.created_at) })),
    merged_profiles: merged.map((m) => ({ id: m.absorbed_id, merged_at: iso(m.merged_at) })),
    loyalty,
    profile: shopperProfile(
      facts.map((f) => ({
        channelKind: f.kind,
        channelCode: f.code,
        status: f.status,
        totalCents: f.total_cents,
        storeId: f.store_id,
        createdAt: new Date(f.created_at),
      })),
      nearestStore(customer, locations),
    ),
  }
}

/** Orders, money spent (net of refunds; cancelled, expired and drafts left out) and last order per channel. */
function channelFigures(
  facts: Array<{
    code: string
    status: string
    total_cents: number
    refunded_cents: number
    created_at: Date
  }>,
) {
  const by = new Map<
    string,
    { channel_code: string; orders: number; spent_cents: number; last_order_at: Date }
  >()
  for (const f of facts) {
    const c = by.get(f.code) ?? {
      channel_code: f.code,
      orders: 0,
      spent_cents: 0,
      last_order_at: new Date(0),
    }
    c.orders += 1
    if (!['cancelled', 'expired', 'draft'].includes(f.status))
      c.spent_cents += f.total_cents - f.refunded_cents
    const at = new Date(f.created_at)
    if (at > c.last_order_at) c.last_order_at = at
    by.set(f.code, c)
  }
  return [...by.values()].sort((a, b) => b.orders - a.orders || a.channel_code.localeCompare(b.channel_code))
}

/** The store nearest the customer's address (placed by its postcode), if it can be placed. */
export function nearestStore(
  customer: { postcode: string; country: string },
  locations: Map<string, LocationRow>,
) {
  if (!customer.postcode) return null
  const home = locateAddress({ postcode: customer.postcode, country: customer.country })
  if (!home) return null
  let best: { id: string; name: string; distanceKm: number } | null = null
  for (const l of locations.values()) {
    if (l.kind !== 'store') continue
    const d = distanceKm(home, l)
    if (!best || d < best.distanceKm) best = { id: l.id, name: l.name, distanceKm: d }
  }
  return best
}
