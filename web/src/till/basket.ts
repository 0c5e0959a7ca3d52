import type { TenderMethod } from '../api/client'

/** A line of the till's basket, priced from the store channel's price list (TTC). */
export interface BasketLine {
  sku: string
  name: string
  unitCents: number
  quantity: number
  /** Manual discount on the whole line, in cents. */
  discountCents: number
  vatRate: number
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
export function addToBasket(lines: BasketLine[], item: Omit<BasketLine, 'quantity' | 'discountCents'>) {
  const i = lines.findIndex((l) => l.sku === item.sku)
  if (i < 0) return [...lines, { ...item, quantity: 1, discountCents: 0 }]
  return lines.map((l, j) => (j === i ? { ...l, quantity: l.quantity + 1 } : l))
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
