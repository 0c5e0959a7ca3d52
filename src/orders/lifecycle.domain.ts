import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { valueOfUnits } from '../shared/money.domain.ts'
import { assertTransition } from './order-process.domain.ts'
import type { FulfilmentMode, OrderStatus, PaymentInput, PlannedEvent } from './orders.domain.ts'
import { refused } from './orders.errors.ts'

export interface OrderState {
  id: string
  status: OrderStatus
  channelId: string
  storeId: string | null
  totalCents: number
  paidCents: number
  draftExpiresAt: Date | null
}

export interface LineState {
  id: string
  lineNo: number
  sku: string
  quantity: number
  totalCents: number
  fulfilment: FulfilmentMode
  sourceLocationId: string
  pickupLocationId: string | null
  fulfilledQuantity: number
  cancelledQuantity: number
}

/** Admin and the call centre see every order; a store sees the orders it sold or serves; a channel its own. */
export function maySee(actor: Actor, order: OrderState, lines: LineState[]): boolean {
  switch (actor.role) {
    case 'admin':
    case 'call_centre':
      return true
    case 'channel':
      return order.channelId === actor.channelId
    case 'store_staff':
      return (
        order.storeId === actor.locationId ||
        lines.some((l) => l.sourceLocationId === actor.locationId || l.pickupLocationId === actor.locationId)
      )
    case 'franchisee':
      // A franchisee reads its attributed orders through the franchise routes, never the order itself.
      return false
  }
}

export function assertDraftConfirmable(order: OrderState, now: Date) {
  if (
    order.status === 'expired' ||
    (order.status === 'draft' && order.draftExpiresAt && order.draftExpiresAt <= now)
  ) {
    throw refused('draft_expired', `Draft ${order.id} expired and its stock was released; place a new order.`)
  }
  assertTransition(order, 'placed')
}

export interface FulfilmentRequest {
  line_id: string
  quantity: number
}

export interface FulfilmentPlan {
  items: Array<{ orderLineId: string; quantity: number }>
  /** Value of the reserve & collect units handed over, to be paid now. */
  dueCents: number
  status: OrderStatus
  events: PlannedEvent[]
}

/**
 * Which units leave the stock now and what the order becomes. A store may only hand over or ship
 * what it holds; reserve & collect units are paid as they are collected.
 */
export function planFulfilment(
  actor: Actor,
  order: OrderState,
  lines: LineState[],
  request: FulfilmentRequest[],
): FulfilmentPlan {
  assertTransition(order, 'fulfilled')
  const byId = new Map(lines.map((l) => [l.id, l]))
  const wanted = new Map<string, number>()
  request.forEach((r, i) => {
    const line = byId.get(r.line_id)
    if (!line) throw invalidInput(`lines/${i}/line_id`, `is not a line of order ${order.id}`)
    if (actor.role === 'store_staff' && line.sourceLocationId !== actor.locationId) {
      throw forbidden(`Line ${line.lineNo} is served by ${line.sourceLocationId}, not by this store.`)
    }
    wanted.set(r.line_id, (wanted.get(r.line_id) ?? 0) + r.quantity)
  })
  let dueCents = 0
  const items = [...wanted].map(([lineId, quantity]) => {
    const line = byId.get(lineId)!
    const open = line.quantity - line.fulfilledQuantity - line.cancelledQuantity
    if (quantity > open) {
      throw refused(
        'over_fulfilment',
        `Line ${line.lineNo} has ${open} unit(s) left to fulfil, not ${quantity}.`,
        {
          line_id: lineId,
          open,
        },
      )
    }
    if (line.fulfilment === 'reserve') {
      dueCents += valueOfUnits(line, line.fulfilledQuantity, line.fulfilledQuantity + quantity)
    }
    return { orderLineId: lineId, quantity }
  })
  const done = lines.every(
    (l) => l.quantity - l.cancelledQuantity === l.fulfilledQuantity + (wanted.get(l.id) ?? 0),
  )
  const paidAfter = order.paidCents + dueCents
  const status: OrderStatus = !done
    ? 'partially_fulfilled'
    : handedOverInStore(lines) && paidAfter >= order.totalCents
      ? 'completed'
      : 'fulfilled'
  const events: PlannedEvent[] = [
    { type: 'fulfilled', fromStatus: order.status, toStatus: status === 'completed' ? 'fulfilled' : status },
  ]
  if (status === 'completed')
    events.push({ type: 'completed', fromStatus: 'fulfilled', toStatus: 'completed' })
  return { items, dueCents, status, events }
}

/** Goods collected in a store (or carried away) complete the order; deliveries wait for delivery. */
function handedOverInStore(lines: LineState[]): boolean {
  return lines.every((l) => l.fulfilment !== 'delivery' || l.quantity === l.cancelledQuantity)
}

export function assertPaymentsCover(payments: PaymentInput[], dueCents: number) {
  const paid = payments.reduce((s, p) => s + p.amount_cents, 0)
  if (paid !== dueCents) {
    throw refused(
      'payment_mismatch',
      `payments: ${(paid / 100).toFixed(2)} € paid but ${(dueCents / 100).toFixed(2)} € is due for the collected units.`,
      { field: 'payments', due_cents: dueCents, paid_cents: paid },
    )
  }
}

/** An order can be cancelled while nothing has left the stock; after that it is a return. */
export function assertCancellable(order: OrderState, lines: LineState[]) {
  assertTransition(order, 'cancelled')
  if (lines.some((l) => l.fulfilledQuantity > 0)) {
    throw refused('partially_fulfilled', `Order ${order.id} has fulfilled lines; return them instead.`)
  }
}
