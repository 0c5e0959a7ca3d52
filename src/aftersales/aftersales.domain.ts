import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { conflict } from './aftersales.errors.ts'
import type { ticketKinds, ticketStatuses } from './aftersales.schema.ts'

export type TicketKind = (typeof ticketKinds)[number]
export type TicketStatus = (typeof ticketStatuses)[number]

/**
 * Where a ticket may go from each status.
 *
 * - `open`: taken in charge (`in_progress`), settled on the spot (`resolved`, e.g. a complaint answered
 *   at the counter), or `closed` without follow-up (opened by mistake, a duplicate).
 * - `in_progress`: waiting for the customer (a photo, the product brought in), sent to the repairer,
 *   resolved or closed.
 * - `waiting_customer`: back to `in_progress` when the customer answers, resolved, or closed when the
 *   customer never comes back.
 * - `at_repairer`: back to `in_progress` when the product returns, or `resolved` (repaired and handed
 *   back). Never closed from there: the product is still away and someone must follow it.
 * - `resolved`: reopened (`in_progress`) when the customer disagrees, or `closed`.
 * - `closed` is final: a new problem is a new ticket.
 */
export const transitions: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['in_progress', 'resolved', 'closed'],
  in_progress: ['waiting_customer', 'at_repairer', 'resolved', 'closed'],
  waiting_customer: ['in_progress', 'resolved', 'closed'],
  at_repairer: ['in_progress', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
}

export interface TicketState {
  /** The number staff and customers quote. */
  number: string
  status: TicketStatus
  resolution: string | null
}

export interface StatusRequest {
  to: TicketStatus
  /** How the ticket ended: required to resolve, and to close one that was never resolved. */
  resolution?: string
  /** What to say in the history; a plain account of the change when left out. */
  note?: string
}

export interface StatusChange {
  from: TicketStatus
  to: TicketStatus
  resolution: string | null
  /** The history row's text. */
  body: string
}

/** Decides a status change: refused unless the workflow allows it and says how a ticket ended. */
export function changeStatus(ticket: TicketState, request: StatusRequest): StatusChange {
  const from = ticket.status
  const { to } = request
  const allowed = transitions[from]
  if (!allowed.includes(to)) {
    throw conflict(
      'invalid_transition',
      from === 'closed'
        ? `Ticket ${ticket.number} is closed, which is final; open a new ticket for a new problem.`
        : `Ticket ${ticket.number} is ${from}; it can go to ${allowed.join(', ')}, not to ${to}.`,
      { from, to, allowed },
    )
  }
  const given = request.resolution === undefined ? null : text('resolution', request.resolution)
  const ending = to === 'resolved' || to === 'closed'
  if (given !== null && !ending) {
    throw invalidInput('resolution', `is given when resolving or closing a ticket, not when it goes ${to}`)
  }
  if (to === 'resolved' && given === null) {
    throw invalidInput('resolution', 'say how the problem was solved (repaired, replaced, refunded…)')
  }
  if (to === 'closed' && from !== 'resolved' && given === null) {
    throw invalidInput('resolution', 'say why the ticket is closed without being resolved')
  }
  // Reopening drops the resolution from the ticket; the history row that gave it keeps it.
  const resolution = ending ? (given ?? ticket.resolution) : null
  const note = request.note === undefined ? null : text('note', request.note)
  return { from, to, resolution, body: note ?? given ?? `Status changed from ${from} to ${to}.` }
}

/** Trimmed text, refused when nothing is left of it. */
export function text(field: string, value: string): string {
  const trimmed = value.trim()
  if (trimmed === '') throw invalidInput(field, 'must not be empty')
  return trimmed
}

/**
 * Tickets are followed from every staff channel (a ticket opened at a till is picked up by the call
 * centre, or by the store the customer walks into next); a channel key sees the tickets of its own
 * channel's orders only, and never the brand's own supplier claims.
 */
export function maySeeTicket(
  actor: Actor,
  orderChannelId: string,
  kind?: TicketKind,
  customerId?: string | null,
  holder: string | null = null,
): boolean {
  if (actor.role !== 'channel') return true
  if (kind === 'supplier_claim') return false
  // Acting for its logged-in customer, a web shop follows that customer's tickets from every channel.
  if (holder !== null) return customerId === holder
  return actor.channelId === orderChannelId
}

/** The French legal guarantee of conformity runs two years from delivery (Code de la consommation, L217-3). */
export const conformityGuaranteeMonths = 24

/**
 * What the customer is covered for on a purchase: the legal guarantee of conformity, two years from
 * the day the goods were handed over or delivered; null while they have not been.
 */
export function warrantyOf(deliveredAt: Date | null, now: Date) {
  if (deliveredAt === null) return null
  const until = new Date(deliveredAt)
  const day = until.getUTCDate()
  until.setUTCMonth(until.getUTCMonth() + conformityGuaranteeMonths)
  // 29 February plus two years is 28 February, not 1 March.
  if (until.getUTCDate() !== day) until.setUTCDate(0)
  return {
    delivered_at: deliveredAt.toISOString(),
    legal_guarantee_until: until.toISOString(),
    under_legal_guarantee: now.getTime() <= until.getTime(),
  }
}

/** Internal notes are staff's: a channel key (web shop, app) shows what it reads to the customer. */
export function seesInternalNotes(actor: Actor): boolean {
  return actor.role !== 'channel'
}

export function assertMayWriteInternal(actor: Actor, internal: boolean) {
  if (internal && !seesInternalNotes(actor)) {
    throw forbidden('A channel key writes messages the customer sees; internal notes are written by staff.')
  }
}

/** Moving the product and the workflow are staff work; a channel key converses. */
export function assertStaff(actor: Actor, action: string) {
  if (actor.role === 'channel') throw forbidden(`A channel key may not ${action}; staff do.`)
}

/** Where a ticket was opened: the till's store for store staff, the key's channel otherwise. */
export function openedFrom(actor: Actor): { channelId: string | null; locationId: string | null } {
  if (actor.role === 'store_staff') return { channelId: null, locationId: actor.locationId }
  return { channelId: actor.channelId, locationId: null }
}
