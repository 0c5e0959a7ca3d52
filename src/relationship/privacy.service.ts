import { sql } from 'drizzle-orm'
import { findCustomerByIdentity, getCustomer, visibleCustomer } from '../customers/index.ts'
import { inTransaction, rows, type Tx } from '../db/database.ts'
import { byApiKey, customerEvents, orderEvents, outboxInsert, outboxInsertFrom } from '../events/index.ts'
import { earnForOrder } from '../loyalty/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { conflict, notFound } from './relationship.errors.ts'

/** Exports and erasures are head office's and the call centre's: a store key may not. */
function assertMayHandlePrivacy(actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'call_centre') {
    throw forbidden('Data exports and erasures are handled by head office or the call centre.')
  }
}

/**
 * Everything held about a customer (GDPR right of access), as JSON: the profile, the profiles merged
 * into it, every order with its lines and payments, the notes staff wrote, after-sales tickets with
 * every message (internal notes included: they are data about the customer too), returns with their
 * lines, gift cards, store credit and vouchers, and the record of earlier exports and erasures. The
 * export itself is recorded.
 */
export const exportCustomer = inTransaction(exportCustomerIn)

/**
 * The customer's own copy (GDPR self-service): a web shop or app exports everything held about the
 * customer logged in on it, nobody else (any other id answers 404). It is the same document staff
 * get: the right of access covers what staff wrote about the person too. Recorded with the key.
 */
async function exportCustomerIn(tx: Tx, actor: Actor, id: string, login?: string) {
  if (actor.role === 'channel') await visibleCustomer(tx, actor, id, login)
  else assertMayHandlePrivacy(actor)
  const customer = await getCustomer(tx, id)
  const [data] = await rows<{
    orders: unknown
    notes: unknown
    merges: unknown
    requests: unknown
    consents: unknown
    tickets: unknown
    returns: unknown
    stored_value_accounts: unknown
    channel_accounts: unknown
  }>(
    tx,
    sql`SELECT
          (SELECT coalesce(json_agg(json_build_object(
              'id', o.id, 'number', o.number::text, 'channel', c.code, 'status', o.status, 'total_cents', o.total_cents,
              'delivery_address', o.delivery_address, 'created_at', o.created_at,
              'lines', (SELECT coalesce(json_agg(json_build_object('sku', l.sku, 'product_name', l.product_name,
                          'quantity', l.quantity, 'total_cents', l.total_cents) ORDER BY l.line_no), '[]'::json)
                        FROM order_line l WHERE l.order_id = o.id),
              'payments', (SELECT coalesce(json_agg(json_build_object('kind', p.kind, 'method', p.method,
                             'amount_cents', p.amount_cents, 'at', p.created_at) ORDER BY p.id), '[]'::json)
                           FROM payment p WHERE p.order_id = o.id)) ORDER BY o.id), '[]'::json)
           FROM orders o JOIN channel c ON c.id = o.channel_id WHERE o.customer_id = ${customer.id}) AS orders,
          (SELECT coalesce(json_agg(json_build_object('body', n.body, 'at', n.created_at) ORDER BY n.id), '[]'::json)
           FROM customer_note n WHERE n.customer_id = ${customer.id}) AS notes,
          (SELECT coalesce(json_agg(json_build_object('absorbed_id', m.absorbed_id, 'profile', m.absorbed,
                    'merged_at', m.merged_at) ORDER BY m.merged_at), '[]'::json)
           FROM customer_merge m WHERE m.survivor_id = ${customer.id}) AS merges,
          (SELECT coalesce(json_agg(json_build_object('kind', r.kind, 'at', r.created_at) ORDER BY r.id), '[]'::json)
           FROM privacy_request r WHERE r.customer_id = ${customer.id}) AS requests,
          (SELECT coalesce(json_agg(json_build_object('purpose', c.purpose, 'medium', c.medium, 'granted', c.granted,
                    'channel_id', c.channel_id, 'at', c.created_at) ORDER BY c.id), '[]'::json)
           FROM consent c WHERE c.customer_id = ${customer.id}) AS consents,
          (SELECT coalesce(json_agg(json_build_object(
              'id', t.id, 'number', t.number::text, 'kind', t.kind, 'status', t.status, 'subject', t.subject,
              'order_id', t.order_id, 'resolution', t.resolution, 'created_at', t.created_at,
              'messages', (SELECT coalesce(json_agg(json_build_object('body', m.body, 'internal', m.internal,
                             'from_status', m.from_status, 'to_status', m.to_status, 'at', m.created_at)
                             ORDER BY m.id), '[]'::json)
                           FROM service_ticket_message m WHERE m.ticket_id = t.id)) ORDER BY t.id), '[]'::json)
           FROM service_ticket t WHERE t.customer_id = ${customer.id}) AS tickets,
          (SELECT coalesce(json_agg(json_build_object(
              'id', r.id, 'number', r.number::text, 'order_id', r.order_id, 'status', r.status, 'method', r.method,
              'refund_to', r.refund_to, 'refund_cents', r.refund_cents, 'created_at', r.created_at,
              'lines', (SELECT coalesce(json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity,
                          'reason', l.reason, 'condition', l.condition, 'refund_cents', l.refund_cents)
                          ORDER BY l.line_no), '[]'::json)
                        FROM return_line l WHERE l.return_id = r.id)) ORDER BY r.id), '[]'::json)
           FROM "return" r WHERE r.customer_id = ${customer.id}) AS returns,
          (SELECT coalesce(json_agg(json_build_object('code', s.code, 'kind', s.kind,
                    'balance_cents', s.balance_cents, 'expires_at', s.expires_at) ORDER BY s.id), '[]'::json)
           FROM stored_value_account s WHERE s.customer_id = ${customer.id}) AS stored_value_accounts,
          (SELECT coalesce(json_agg(json_build_object('channel_id', a.channel_id, 'login', a.login,
                    'created_at', a.created_at) ORDER BY a.channel_id, a.login), '[]'::json)
           FROM customer_channel_account a WHERE a.customer_id = ${customer.id}) AS channel_accounts`,
  )
  await record(tx, customer.id, 'export', actor.keyId)
  return {
    exported_at: new Date().toISOString(),
    customer: {
      id: customer.id,
      email: customer.email,
      phone: customer.phone,
      loyalty_card: customer.loyaltyCard,
      first_name: customer.firstName,
      last_name: customer.lastName,
      address_line: customer.addressLine,
      postcode: customer.postcode,
      city: customer.city,
      country: customer.country,
      created_at: customer.createdAt.toISOString(),
      erased_at: customer.erasedAt?.toISOString() ?? null,
    },
    ...data!,
  }
}

/**
 * Erases a customer's personal data (GDPR right to erasure) and keeps the accounts: the profile
 * becomes a pseudonym (no name, contact, address or card), the names and addresses on its orders and
 * in its merge records are removed, its notes deleted; orders, lines, payments and the stock ledger
 * stay as they are, so totals and VAT still add up. Recorded; erasing twice is refused.
 *
 * After-sales tickets, returns and stored-value accounts are kept whole, message bodies included:
 * a ticket is the record of a warranty claim the brand must be able to show for as long as the legal
 * guarantee and the time to dispute it run (GDPR art. 17(3)(b) and (e)), returns are accounting
 * records, and a gift card or credit note is money owed to its bearer. What ties them to the person,
 * the profile, is a pseudonym from now on. Notes, unlike messages, are about the person rather than a
 * claim, and are deleted.
 */
export const eraseCustomer = inTransaction(eraseCustomerIn)

async function eraseCustomerIn(tx: Tx, actor: Actor, id: string) {
  assertMayHandlePrivacy(actor)
  const customer = await getCustomer(tx, id)
  if (customer.erasedAt) throw conflict('already_erased', `Customer ${customer.id} was already erased.`)
  const absorbed = sql`(SELECT absorbed_id FROM customer_merge WHERE survivor_id = ${customer.id})`
  await tx.execute(
    sql`WITH c AS (
          UPDATE customer SET email = NULL, phone = NULL, loyalty_card = NULL, first_name = '', last_name = '',
                 address_line = '', postcode = '', city = '', erased_at = now(), updated_at = now()
          WHERE id = ${customer.id} OR id IN ${absorbed}
        ),
        o AS (
          UPDATE orders SET delivery_address = CASE WHEN delivery_address IS NULL THEN NULL
                   ELSE jsonb_build_object('name', '[erased]', 'line1', '[erased]', 'postcode', '[erased]',
                                           'city', '[erased]', 'country', delivery_address->'country') END,
                 updated_at = now()
          WHERE customer_id = ${customer.id}
        ),
        m AS (
          UPDATE customer_merge SET absorbed = jsonb_build_object('id', absorbed_id, 'erased', true)
          WHERE survivor_id = ${customer.id}
        ),
        n AS (DELETE FROM customer_note WHERE customer_id = ${customer.id}),
        -- A login is often the e-mail itself; the web shop's account is closed with the profile.
        ca AS (DELETE FROM customer_channel_account WHERE customer_id = ${customer.id}),
        -- The id of the person and of every profile merged into it: subscribers erase what they hold.
        ev AS (${outboxInsertFrom(
          customerEvents,
          'customer.erased',
          byApiKey(actor.keyId),
          sql`SELECT id AS aggregate_id, jsonb_build_object('customer_id', id) AS payload FROM customer
              WHERE id = ${customer.id} OR id IN ${absorbed}
              ORDER BY id <> ${customer.id}, id`,
        )})
        SELECT 1`,
  )
  await record(tx, customer.id, 'erasure', actor.keyId)
  return { id: customer.id, erased_at: new Date().toISOString() }
}

async function record(tx: Tx, customerId: string, kind: 'export' | 'erasure', actor: string) {
  await tx.execute(
    sql`INSERT INTO privacy_request (customer_id, kind, actor) VALUES (${customerId}, ${kind}, ${actor})`,
  )
}

/**
 * A sale made without a customer is attached later, when the shopper gives a card, phone or e-mail
 * (on the receipt, or at the next visit). Only an order with no customer yet; by staff.
 */
export const attachCustomer = inTransaction(attachCustomerIn)

async function attachCustomerIn(
  tx: Tx,
  actor: Actor,
  orderId: string,
  typed: { customer_id?: string; email?: string; phone?: string; card?: string },
) {
  if (actor.role === 'channel') throw forbidden('Staff attach a customer to a sale.')
  const customer = typed.customer_id
    ? await getCustomer(tx, typed.customer_id)
    : await findCustomerByIdentity(tx, typed)
  if (!customer) {
    if (!typed.customer_id && !typed.email && !typed.phone && !typed.card) {
      throw invalidInput('customer_id', 'give customer_id, or the card, phone or e-mail the shopper gave')
    }
    throw invalidInput(
      typed.card ? 'card' : typed.phone ? 'phone' : 'email',
      'no customer known by this identifier',
    )
  }
  const [order] = await rows<{ customer_id: string | null; store_id: string | null; status: string }>(
    tx,
    sql`SELECT customer_id, store_id, status FROM orders WHERE id = ${orderId} FOR UPDATE`,
  )
  if (!order) throw notFound('order', orderId)
  if (actor.role === 'store_staff' && order.store_id !== actor.locationId) throw notFound('order', orderId)
  if (order.customer_id === customer.id) return customer
  if (order.customer_id) {
    throw conflict(
      'customer_already_set',
      `Order ${orderId} already belongs to customer ${order.customer_id}.`,
    )
  }
  // The order's history keeps the attachment (its timeline); the event tells customer statistics.
  const attached = orderEvents.event('order.customer_attached', {
    aggregateId: orderId,
    actor: byApiKey(actor.keyId),
    payload: { order_id: orderId, customer_id: customer.id },
  })
  await tx.execute(
    sql`WITH o AS (UPDATE orders SET customer_id = ${customer.id}, updated_at = now() WHERE id = ${orderId}),
        ev AS (${outboxInsert([attached])})
        INSERT INTO order_event (order_id, type, actor, data)
        VALUES (${orderId}, 'customer_attached', ${actor.keyId}, ${JSON.stringify({ customer_id: customer.id })}::jsonb)`,
  )
  // The sale earns its points now, as if the card had been scanned at the till.
  if (order.status === 'completed') await earnForOrder(tx, orderId, actor.keyId)
  return customer
}
