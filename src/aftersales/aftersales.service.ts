import { type SQL, sql } from 'drizzle-orm'
import { accountHolder, getCustomer, survivorOf } from '../customers/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { byApiKey, outboxInsert, outboxInsertFrom, ticketEvents } from '../events/index.ts'
import { getLocation } from '../network/index.ts'
import { findOrder, linesOfOrders } from '../orders/index.ts'
import type { Actor } from '../shared/actor.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import {
  assertMayWriteInternal,
  assertStaff,
  changeStatus,
  maySeeTicket,
  openedFrom,
  type StatusRequest,
  seesInternalNotes,
  type TicketKind,
  type TicketStatus,
  text,
  warrantyOf,
} from './aftersales.domain.ts'
import { notFound, refused } from './aftersales.errors.ts'
import type { openableTicketKinds } from './aftersales.schema.ts'
import { photosOf } from './photos.store.ts'

export interface OpenTicketInput {
  order_id: string
  order_line_id: string
  kind: (typeof openableTicketKinds)[number]
  subject: string
  /** The customer's account of the problem, shown to them with the ticket. */
  message?: string
  /** Where the product is, when the brand holds it (id or code). */
  location_id?: string
}

interface NewTicket {
  orderId: string
  orderLineId: string
  kind: TicketKind
  subject: string
  message?: string
  locationId?: string | null
  returnId?: string | null
}

/** Opens a ticket from any channel and answers with it. */
export async function openTicket(tx: Tx, actor: Actor, input: OpenTicketInput, login?: string) {
  const holder = await accountHolder(tx, actor, login)
  const id = await insertTicket(tx, actor, holder, {
    orderId: input.order_id,
    orderLineId: input.order_line_id,
    kind: input.kind,
    subject: input.subject,
    message: input.message,
    locationId: input.location_id,
  })
  return getTicket(tx, actor, id, login)
}

/**
 * Opens the ticket of an item a return brought back, inside the return's own transaction (it rolls
 * back with the return): the customer's `repair` of an item they keep, or the store's
 * `supplier_claim` on a defective item refunded (no customer: it is the brand's unit now). Returns
 * the ticket id.
 */
export async function openTicketForReturn(
  tx: Tx,
  actor: Actor,
  input: {
    orderId: string
    orderLineId: string
    returnId: string
    locationId: string
    kind: 'repair' | 'supplier_claim'
    subject: string
  },
): Promise<string> {
  return insertTicket(tx, actor, null, input)
}

async function insertTicket(tx: Tx, actor: Actor, holder: string | null, t: NewTicket): Promise<string> {
  const subject = text('subject', t.subject)
  const message = t.message === undefined ? null : text('message', t.message)
  const order = await findOrder(tx, t.orderId)
  const owner = order?.customer_id ? await survivorOf(tx, order.customer_id) : null
  // A channel does not learn that other channels' orders exist, nor a customer that others' do.
  if (!order || !maySeeTicket(actor, order.channel_id, undefined, owner, holder)) {
    throw notFound('order', t.orderId)
  }
  if (order.status === 'draft' || order.status === 'expired') {
    throw refused(
      'order_not_placed',
      `Order ${order.number} was never placed; nothing was bought to follow up.`,
    )
  }
  const lines = await linesOfOrders(tx, [order.id])
  if (!lines.some((l) => l.id === t.orderLineId)) {
    throw invalidInput('order_line_id', `is not a line of order ${order.number}`)
  }
  const location = t.locationId ? await knownLocation(tx, t.locationId) : null
  const customerId = t.kind !== 'supplier_claim' ? owner : null
  const id = newId('tkt')
  const opened = openedFrom(actor)
  await tx.execute(
    sql`WITH t AS (
          INSERT INTO service_ticket (id, order_id, order_line_id, customer_id, return_id, kind, status, subject,
                                      location_id, opened_channel_id, opened_location_id, opened_by)
          VALUES (${id}, ${order.id}, ${t.orderLineId}, ${customerId}, ${t.returnId ?? null}, ${t.kind}, 'open',
                  ${subject}, ${location?.id ?? null}, ${opened.channelId}, ${opened.locationId}, ${actor.keyId})
          RETURNING id, number, kind, order_id, order_line_id
        ),
        -- Its number is drawn by this insert: the event reads it from there.
        ev AS (${outboxInsertFrom(
          ticketEvents,
          'ticket.opened',
          byApiKey(actor.keyId),
          sql`SELECT id AS aggregate_id, jsonb_build_object('ticket_id', id, 'number', number, 'kind', kind,
                'order_id', order_id, 'order_line_id', order_line_id) AS payload FROM t`,
        )})
        INSERT INTO service_ticket_message (ticket_id, body, internal, to_status, author)
        SELECT id, ${message ?? subject}, false, 'open', ${actor.keyId} FROM t`,
  )
  return id
}

/** A location named by id or code; unknown is the caller's mistake in `location_id`. */
async function knownLocation(q: Executor, ref: string) {
  try {
    return await getLocation(q, ref)
  } catch (err) {
    if (err instanceof AppError && err.status === 404) {
      throw invalidInput('location_id', `no location with id or code ${ref}`)
    }
    throw err
  }
}

interface TicketRow {
  id: string
  number: string
  order_id: string
  order_number: string
  order_channel_id: string
  order_line_id: string
  sku: string
  product_name: string
  customer_id: string | null
  return_id: string | null
  kind: TicketKind
  status: TicketStatus
  subject: string
  location_id: string | null
  opened_channel_id: string | null
  opened_location_id: string | null
  opened_by: string | null
  resolution: string | null
  created_at: Date
  updated_at: Date
  /** When the order's goods were last handed over or delivered: the legal guarantee runs from it. */
  delivered_at: Date | null
}

/**
 * When an order's goods were last handed over or delivered (the later, the better for the customer:
 * a parcel counts from its delivery, a till sale from the sale): the legal guarantee runs from it.
 */
export const deliveredAt = (orderId: SQL) =>
  sql`GREATEST(
    (SELECT max(e.created_at) FROM order_event e
     WHERE e.order_id = ${orderId} AND e.type IN ('fulfilled', 'fulfilled_at_till')),
    (SELECT max(te.created_at) FROM fulfilment_task ft JOIN fulfilment_task_event te ON te.task_id = ft.id
     WHERE ft.order_id = ${orderId} AND ft.kind <> 'transfer' AND te.to_status IN ('delivered', 'collected')))`

const ticketColumns = sql`t.id, t.number::text AS number, t.order_id, o.number::text AS order_number,
  o.channel_id AS order_channel_id, t.order_line_id, l.sku, l.product_name, t.customer_id, t.return_id, t.kind,
  t.status, t.subject, t.location_id, t.opened_channel_id, t.opened_location_id, t.opened_by, t.resolution,
  t.created_at, t.updated_at,
  ${deliveredAt(sql`o.id`)} AS delivered_at`

const ticketSource = sql`service_ticket t JOIN orders o ON o.id = t.order_id JOIN order_line l ON l.id = t.order_line_id`

const iso = (d: Date) => new Date(d).toISOString()

function ticketView({ order_channel_id: _, delivered_at, ...t }: TicketRow) {
  return {
    ...t,
    warranty: warrantyOf(delivered_at ? new Date(delivered_at) : null, new Date()),
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
  }
}

/** The ticket if this key may see it; 404 otherwise, as for a ticket that does not exist. */
export async function loadTicket(
  q: Executor,
  actor: Actor,
  id: string,
  lock = false,
  holder: string | null = null,
): Promise<TicketRow> {
  const [row] = await rows<TicketRow>(
    q,
    sql`SELECT ${ticketColumns} FROM ${ticketSource} WHERE t.id = ${id} ${lock ? sql`FOR UPDATE OF t` : sql``}`,
  )
  if (!row || !maySeeTicket(actor, row.order_channel_id, row.kind, row.customer_id, holder)) {
    throw notFound('ticket', id)
  }
  return row
}

/**
 * A ticket with its history, oldest first, and its photos; a channel key does not get the internal
 * notes. A channel key acting for its logged-in customer (`login`) reads that customer's tickets.
 */
export async function getTicket(q: Executor, actor: Actor, id: string, login?: string) {
  const ticket = await loadTicket(q, actor, id, false, await accountHolder(q, actor, login))
  const messages = await rows<{
    id: number
    body: string
    internal: boolean
    from_status: string | null
    to_status: string | null
    author: string | null
    created_at: Date
  }>(
    q,
    sql`SELECT id::int AS id, body, internal, from_status, to_status, author, created_at
        FROM service_ticket_message
        WHERE ticket_id = ${ticket.id} ${seesInternalNotes(actor) ? sql`` : sql`AND NOT internal`}
        ORDER BY ticket_id, id`,
  )
  return {
    ...ticketView(ticket),
    messages: messages.map((m) => ({ ...m, created_at: iso(m.created_at) })),
    photos: await photosOf(q, ticket.id),
  }
}

export interface TicketFilter {
  customer_id?: string
  order_id?: string
  status?: TicketStatus
  location_id?: string
}

/** Tickets newest first, `limit + 1` rows for `toPage`; a channel key lists its channel's only. */
export async function listTickets(
  q: Executor,
  actor: Actor,
  filter: TicketFilter,
  limit: number,
  cursor?: string,
  login?: string,
) {
  const holder = await accountHolder(q, actor, login)
  // An absorbed profile's id still finds its tickets, which moved to the survivor.
  const customerId = filter.customer_id ? (await getCustomer(q, filter.customer_id)).id : undefined
  if (holder !== null && customerId !== undefined && customerId !== holder) return []
  const list = await rows<TicketRow>(
    q,
    sql`SELECT ${ticketColumns} FROM ${ticketSource}
        WHERE true
          ${
            holder !== null
              ? sql`AND t.customer_id = ${holder} AND t.kind <> 'supplier_claim'`
              : actor.role === 'channel'
                ? sql`AND o.channel_id = ${actor.channelId} AND t.kind <> 'supplier_claim'`
                : sql``
          }
          ${customerId ? sql`AND t.customer_id = ${customerId}` : sql``}
          ${filter.order_id ? sql`AND t.order_id = ${filter.order_id}` : sql``}
          ${filter.status ? sql`AND t.status = ${filter.status}` : sql``}
          ${filter.location_id ? sql`AND t.location_id = ${filter.location_id}` : sql``}
          ${cursor ? sql`AND t.id < ${cursor}` : sql``}
        ORDER BY t.id DESC LIMIT ${limit + 1}`,
  )
  return list.map(ticketView)
}

/** A message on the ticket; internal notes from staff only. */
export async function addMessage(
  tx: Tx,
  actor: Actor,
  ticketId: string,
  input: { body: string; internal?: boolean },
  login?: string,
) {
  const internal = input.internal ?? false
  assertMayWriteInternal(actor, internal)
  const ticket = await loadTicket(tx, actor, ticketId, false, await accountHolder(tx, actor, login))
  const body = text('body', input.body)
  const [message] = await rows<{ id: number; created_at: Date }>(
    tx,
    sql`WITH u AS (UPDATE service_ticket SET updated_at = now() WHERE id = ${ticket.id})
        INSERT INTO service_ticket_message (ticket_id, body, internal, author)
        VALUES (${ticket.id}, ${body}, ${internal}, ${actor.keyId})
        RETURNING id::int AS id, created_at`,
  )
  return {
    id: message!.id,
    ticket_id: ticket.id,
    body,
    internal,
    from_status: null,
    to_status: null,
    author: actor.keyId,
    created_at: iso(message!.created_at),
  }
}

/** Moves the ticket along its workflow (staff), recording the change, who made it and why. */
export const setStatus = inTransaction(setStatusIn)

async function setStatusIn(
  tx: Tx,
  actor: Actor,
  ticketId: string,
  request: StatusRequest & { internal?: boolean },
) {
  assertStaff(actor, 'change the status of a ticket')
  const ticket = await loadTicket(tx, actor, ticketId, true)
  const change = changeStatus(ticket, request)
  const changed = ticketEvents.event('ticket.status_changed', {
    aggregateId: ticket.id,
    actor: byApiKey(actor.keyId),
    payload: { ticket_id: ticket.id, from_status: change.from, to_status: change.to },
  })
  await tx.execute(
    sql`WITH u AS (
          UPDATE service_ticket SET status = ${change.to}, resolution = ${change.resolution}, updated_at = now()
          WHERE id = ${ticket.id}
        ),
        ev AS (${outboxInsert([changed])})
        INSERT INTO service_ticket_message (ticket_id, body, internal, from_status, to_status, author)
        VALUES (${ticket.id}, ${change.body}, ${request.internal ?? false}, ${change.from}, ${change.to},
                ${actor.keyId})`,
  )
  return getTicket(tx, actor, ticket.id)
}

/**
 * Records where the product is now (staff): a store, the warehouse, or null once it is back with
 * the customer. The move is noted in the history for staff.
 */
export const moveProduct = inTransaction(moveProductIn)

async function moveProductIn(
  tx: Tx,
  actor: Actor,
  ticketId: string,
  input: { location_id: string | null; note?: string },
) {
  assertStaff(actor, 'move the product of a ticket')
  const ticket = await loadTicket(tx, actor, ticketId, true)
  const location = input.location_id === null ? null : await knownLocation(tx, input.location_id)
  const note = input.note === undefined ? null : text('note', input.note)
  if ((location?.id ?? null) === ticket.location_id && note === null) return getTicket(tx, actor, ticket.id)
  const where = location
    ? `Product now at ${location.name} (${location.code}).`
    : 'Product back with the customer.'
  await tx.execute(
    sql`WITH u AS (
          UPDATE service_ticket SET location_id = ${location?.id ?? null}, updated_at = now() WHERE id = ${ticket.id}
        )
        INSERT INTO service_ticket_message (ticket_id, body, internal, author)
        VALUES (${ticket.id}, ${note ? `${where} ${note}` : where}, true, ${actor.keyId})`,
  )
  return getTicket(tx, actor, ticket.id)
}

/**
 * What a message to the customer says about a ticket: its number, status and customer (null for the
 * store's own supplier claims). No access rule: the caller is a consumer of the ticket's events.
 */
export async function ticketForNotice(q: Executor, id: string) {
  const [ticket] = await rows<{
    id: string
    number: string
    status: string
    customer_id: string | null
    order_id: string
  }>(
    q,
    sql`SELECT id, number::text AS number, status, customer_id, order_id FROM service_ticket WHERE id = ${id}`,
  )
  return ticket
}
