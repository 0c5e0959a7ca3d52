import type { OrderInput, TenderMethod } from '../api/client'

/**
 * How the customer gets a line: taken away now, or — the endless aisle, for what is not on the
 * shelf — delivered home or collected in another store.
 */
export type LineMode = 'takeaway' | 'delivery' | 'pickup'

/** Where an article is in stock, as the API said when it was added to the basket. */
export interface LineStock {
  /** Units available at this store (null: a sale not made in a store). */
  here: number | null
  /** Other stores that have it, nearest first. */
  nearby: Array<{ id: string; name: string; available: number }>
  /** Units the web shop can deliver home. */
  online: number | null
}

/** A line of the till's basket, priced from the store channel's price list (TTC). */
export interface BasketLine {
  sku: string
  name: string
  unitCents: number
  quantity: number
  /** Manual discount on the whole line, in cents. */
  discountCents: number
  vatRate: number
  mode: LineMode
  /** The store where a `pickup` line is collected. */
  pickupStoreId?: string
  stock?: LineStock
}

export interface DeliveryAddress {
  name: string
  line1: string
  postcode: string
  city: string
}

/** A tender taken at the till before the sale is recorded. */
export interface TenderLine {
  method: TenderMethod
  amountCents: number
  /** Cash handed over (change is given back). */
  tenderedCents?: number
  /** Gift card, credit note or voucher code. */
  reference?: string
}

/** Scanning the same article again adds one to its line, as tills do. */
export function addToBasket(
  lines: BasketLine[],
  item: Omit<BasketLine, 'quantity' | 'discountCents' | 'mode' | 'pickupStoreId' | 'stock'>,
  mode: LineMode = 'takeaway',
) {
  const i = lines.findIndex((l) => l.sku === item.sku)
  if (i < 0) return [...lines, { ...item, quantity: 1, discountCents: 0, mode }]
  return lines.map((l, j) => (j === i ? { ...l, quantity: l.quantity + 1 } : l))
}

/** A line taken away from a store that has fewer units than it sells: to deliver or collect elsewhere. */
export function shortHere(line: BasketLine): boolean {
  const here = line.stock?.here
  return line.mode === 'takeaway' && here !== null && here !== undefined && line.quantity > here
}

export function lineTotal(line: BasketLine): number {
  return Math.max(0, line.unitCents * line.quantity - line.discountCents)
}

export function basketTotal(lines: BasketLine[]): number {
  return lines.reduce((sum, l) => sum + lineTotal(l), 0)
}

export function paid(tenders: TenderLine[]): number {
  return tenders.reduce((sum, t) => sum + t.amountCents, 0)
}

export function changeDue(tenders: TenderLine[]): number {
  return tenders.reduce((sum, t) => sum + Math.max(0, (t.tenderedCents ?? t.amountCents) - t.amountCents), 0)
}

/**
 * What a tender typed at the till pays: never more than is left to pay. Cash is what the customer
 * hands over, the surplus being change; another tender is refused beyond what is due (null).
 */
export function tender(
  method: TenderMethod,
  typedCents: number,
  dueCents: number,
  reference?: string,
): TenderLine | null {
  if (typedCents <= 0 || dueCents <= 0) return null
  if (method === 'cash') {
    return { method, amountCents: Math.min(typedCents, dueCents), tenderedCents: typedCents }
  }
  if (typedCents > dueCents) return null
  return { method, amountCents: typedCents, ...(reference ? { reference } : {}) }
}

/** Whether the sale needs a delivery address (a line delivered home). */
export function needsAddress(lines: BasketLine[]): boolean {
  return lines.some((l) => l.mode === 'delivery')
}

/** A line is ready to sell when a pickup line has its store. */
export function linesReady(lines: BasketLine[]): boolean {
  return lines.every((l) => l.mode !== 'pickup' || Boolean(l.pickupStoreId))
}

/** The basket as the order's lines. */
export function orderLines(lines: BasketLine[]): OrderInput['lines'] {
  return lines.map((l) => ({
    sku: l.sku,
    quantity: l.quantity,
    fulfilment: l.mode,
    ...(l.mode === 'pickup' && l.pickupStoreId ? { pickup_location_id: l.pickupStoreId } : {}),
    ...(l.discountCents > 0 ? { discount_cents: l.discountCents } : {}),
  }))
}

/** The tenders taken at the till as the order's payments. */
export function orderPayments(tenders: TenderLine[]): NonNullable<OrderInput['payments']> {
  return tenders.map((p) => ({
    method: p.method,
    amount_cents: p.amountCents,
    ...(p.tenderedCents ? { tendered_cents: p.tenderedCents } : {}),
    ...(p.reference ? { reference: p.reference } : {}),
  }))
}

/** What the server's pricing says of a basket line (its parts added up when routing splits it). */
export interface PricedLine {
  totalCents: number
  promotions: Array<{ name: string; cents: number }>
}

/** The quote's lines by basket position: promotions are shown, and paid, as the server prices them. */
export function pricedLines(quote: {
  lines: Array<{ line_no: number; total_cents: number; promotions: Array<{ name: string; cents: number }> }>
}): Map<number, PricedLine> {
  const out = new Map<number, PricedLine>()
  for (const l of quote.lines) {
    const seen = out.get(l.line_no - 1) ?? { totalCents: 0, promotions: [] }
    seen.totalCents += l.total_cents
    for (const p of l.promotions) {
      const same = seen.promotions.find((x) => x.name === p.name)
      if (same) same.cents += p.cents
      else seen.promotions.push({ name: p.name, cents: p.cents })
    }
    out.set(l.line_no - 1, seen)
  }
  return out
}
