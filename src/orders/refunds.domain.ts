import type { PaymentMethod, TenderMethod } from './orders.schema.ts'

/** A payment taken on an order, and how much of it was already given back. */
export interface CaptureState {
  id: string
  method: TenderMethod
  amountCents: number
  refundedCents: number
}

export interface RefundPart {
  captureId: string
  /** The tender given back, or `partner` when the channel that collected the money gives it back. */
  method: PaymentMethod
  amountCents: number
}

export interface RefundRules {
  /** The customer is at a till: cash can be handed back. */
  atTill: boolean
  /** The customer chose a credit note rather than money back. */
  toStoreCredit: boolean
  pointValueCents: number
  /**
   * The order's channel took the money (a marketplace): the money part goes back through it, owed
   * on its settlement, never from a till.
   */
  channelCollected?: boolean
  /** A manager gives that money back at the till instead, in this tender. */
  tillOverride?: 'card' | 'cash'
}

export interface RefundAllocation {
  parts: RefundPart[]
  /** Value that goes to a new credit note (chosen by the customer, or with no tender to take it). */
  storeCreditCents: number
}

/**
 * The order in which a refund goes back to the tenders of the order. Value that only spends in the
 * brand goes back first (credit notes, vouchers, gift cards, then points), so a partial return never
 * turns a gift card into cash; then the card; cash last, and only at a till, never more than the cash
 * taken. What no tender can take (cash paid in store, returned by post) becomes a credit note, never
 * more than was paid (an order on account is credited on its invoice).
 * Money a partner channel collected goes back through that partner, wherever the goods come back.
 */
export const refundOrder: TenderMethod[] = [
  'store_credit',
  'voucher',
  'gift_card',
  'loyalty_points',
  'card',
  'cash',
]

/** Tenders that hold value in the brand: a refund to them is a refund in kind, never in money. */
const inKind = new Set<TenderMethod>(['store_credit', 'voucher', 'gift_card', 'loyalty_points'])

/**
 * Splits a refund over the order's tenders in `refundOrder`. Points go back in whole points
 * (`pointValueCents` each); the cents a point cannot carry move on to the next tender.
 */
export function allocateRefund(
  amountCents: number,
  captures: CaptureState[],
  options: RefundRules,
): RefundAllocation {
  let left = amountCents
  const parts: RefundPart[] = []
  const ordered = [...captures].sort(
    (a, b) => refundOrder.indexOf(a.method) - refundOrder.indexOf(b.method) || a.id.localeCompare(b.id),
  )
  for (const c of ordered) {
    if (left <= 0) break
    if (options.toStoreCredit && !inKind.has(c.method)) continue
    const viaChannel = options.channelCollected === true && !inKind.has(c.method)
    if (c.method === 'cash' && !options.atTill && !viaChannel) continue
    let take = Math.min(left, c.amountCents - c.refundedCents)
    if (c.method === 'loyalty_points') take -= take % options.pointValueCents
    if (take <= 0) continue
    const method = viaChannel ? (options.tillOverride ?? 'partner') : c.method
    parts.push({ captureId: c.id, method, amountCents: take })
    left -= take
  }
  // A credit note carries only money that was taken: an order sold on account (nothing paid, the
  // invoice owed) is credited by its invoice's credit note, not a second time here.
  const untaken = captures.reduce((s, c) => s + c.amountCents - c.refundedCents, 0)
  const given = parts.reduce((s, p) => s + p.amountCents, 0)
  return { parts, storeCreditCents: Math.max(0, Math.min(left, untaken - given)) }
}
