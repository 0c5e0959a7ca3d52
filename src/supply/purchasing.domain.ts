import type { ReceiptLine } from './supply.schema.ts'

/*
 * Purchasing, pure: what a delivery says against its order (over, short, damaged), whether it
 * needs approval, and what to buy to keep a warehouse covered.
 */

export interface OrderLine {
  sku: string
  quantity: number
  received: number
  damaged: number
}

/**
 * A delivery against its order: per SKU, what was still owed, what came good and damaged, what is
 * over or missing. `needsApproval` when, with what came before, a line exceeds its ordered quantity
 * by more than the supplier's tolerance.
 */
export function checkDelivery(
  order: readonly OrderLine[],
  delivered: ReadonlyArray<{ sku: string; received: number; damaged: number }>,
  tolerancePct: number,
): { lines: ReceiptLine[]; needsApproval: boolean; overBy: string[] } {
  const bySku = new Map<string, { received: number; damaged: number }>()
  for (const d of delivered) {
    const x = bySku.get(d.sku) ?? { received: 0, damaged: 0 }
    bySku.set(d.sku, { received: x.received + d.received, damaged: x.damaged + d.damaged })
  }
  const ordered = new Map<string, OrderLine>()
  for (const l of order) {
    const x = ordered.get(l.sku)
    ordered.set(
      l.sku,
      x
        ? {
            sku: l.sku,
            quantity: x.quantity + l.quantity,
            received: x.received + l.received,
            damaged: x.damaged + l.damaged,
          }
        : { ...l },
    )
  }
  const lines: ReceiptLine[] = []
  const overBy: string[] = []
  for (const [sku, o] of ordered) {
    const d = bySku.get(sku) ?? { received: 0, damaged: 0 }
    const outstanding = Math.max(0, o.quantity - o.received - o.damaged)
    const came = d.received + d.damaged
    const over = Math.max(0, came - outstanding)
    const short = Math.max(0, outstanding - came)
    if (came === 0 && outstanding === 0) continue
    lines.push({
      sku,
      ordered: o.quantity,
      outstanding,
      received: d.received,
      damaged: d.damaged,
      over,
      short,
    })
    const total = o.received + o.damaged + came
    if (total * 100 > o.quantity * (100 + tolerancePct)) overBy.push(sku)
  }
  return { lines, needsApproval: overBy.length > 0, overBy }
}

/** Rounds a quantity up to whole packs. */
export function toPacks(quantity: number, packSize: number): number {
  const pack = Math.max(1, packSize)
  return Math.ceil(quantity / pack) * pack
}

/**
 * What to buy of a SKU for a warehouse: enough for the supplier's lead time plus the cover aimed
 * at, from the daily demand (its own sales and what it sends stores), minus what it holds, has on
 * its way and has on order; in whole packs.
 */
export function purchaseNeed(input: {
  dailyDemand: number
  onHand: number
  reserved: number
  inTransit: number
  onOrder: number
  leadDays: number
  coverDays: number
  packSize: number
}): { target: number; position: number; quantity: number } {
  const target = Math.ceil(input.dailyDemand * (input.leadDays + input.coverDays) - 1e-9)
  const position = input.onHand - input.reserved + input.inTransit + input.onOrder
  const quantity = position < target ? toPacks(target - position, input.packSize) : 0
  return { target, position, quantity }
}

/** Which step a purchase order is at from its lines. */
export function orderStatus(lines: readonly OrderLine[]): 'open' | 'partially_received' | 'received' {
  const came = lines.reduce((s, l) => s + l.received + l.damaged, 0)
  if (came === 0) return 'open'
  return lines.every((l) => l.received + l.damaged >= l.quantity) ? 'received' : 'partially_received'
}
