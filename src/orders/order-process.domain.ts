import { conflict } from './orders.errors.ts'

/** Every status an order can have: the database column, the API enum and the type all read this list. */
export const orderStatuses = [
  'draft',
  'placed',
  'partially_fulfilled',
  'fulfilled',
  'completed',
  'cancelled',
  'expired',
] as const
export type OrderStatus = (typeof orderStatuses)[number]

/** An order is created as a draft (stock held, not paid) or placed at once. */
export const initialOrderStatuses: readonly OrderStatus[] = ['draft', 'placed']

/**
 * The order lifecycle, as data: where an order may go from each status, one step at a time (after
 * Vendure's `defaultOrderProcess`). Every status change is checked against it by `assertTransition`;
 * the draft sweeper's SQL (orders.jobs.ts) makes the one move it lists, draft → expired.
 *
 * - `draft`: confirmed with payment (`placed`), cancelled, or `expired` when its hold runs out.
 * - `placed`: fulfilled in part or in full (a till sale carried away is fulfilled when created), or
 *   cancelled while nothing has left the stock.
 * - `partially_fulfilled`: more units leave (still partly fulfilled) until every line is done.
 * - `fulfilled`: `completed` once paid and handed over (collected in store, or the parcel delivered).
 * - `completed`, `cancelled`, `expired` are final: a return or a new order follows, never a move back.
 */
export const orderTransitions: { readonly [S in OrderStatus]: { readonly to: readonly OrderStatus[] } } = {
  draft: { to: ['placed', 'cancelled', 'expired'] },
  placed: { to: ['partially_fulfilled', 'fulfilled', 'cancelled'] },
  partially_fulfilled: { to: ['partially_fulfilled', 'fulfilled'] },
  fulfilled: { to: ['completed'] },
  completed: { to: [] },
  cancelled: { to: [] },
  expired: { to: [] },
}

/** How a refusal names the move to each status: "it can only be confirmed when draft". */
const moveNames: { readonly [S in OrderStatus]: string } = {
  draft: 'made a draft again',
  placed: 'confirmed',
  partially_fulfilled: 'fulfilled',
  fulfilled: 'fulfilled',
  completed: 'completed',
  cancelled: 'cancelled',
  expired: 'expired',
}

/** The code of every refused move, with HTTP 409: the order changed meanwhile or is in the wrong status. */
export const invalidTransitionCode = 'invalid_transition'

export function mayTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].to.includes(to)
}

/** The statuses from which an order may move to `to`, in the order of the status list. */
export function statusesLeadingTo(to: OrderStatus): OrderStatus[] {
  return orderStatuses.filter((from) => mayTransition(from, to))
}

/** Refuses (409 invalid_transition) a move the lifecycle does not list, saying from where it is allowed. */
export function assertTransition(order: { id: string; status: OrderStatus }, to: OrderStatus) {
  if (mayTransition(order.status, to)) return
  const allowed = statusesLeadingTo(to)
  throw conflict(
    invalidTransitionCode,
    allowed.length > 0
      ? `Order ${order.id} is ${order.status}; it can only be ${moveNames[to]} when ${allowed.join(' or ')}.`
      : `Order ${order.id} is ${order.status}; no order becomes ${to} by a change of status.`,
    { status: order.status },
  )
}
