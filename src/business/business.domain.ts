/**
 * The rules of selling to companies: payment terms and the due date they give, the B2B price of a
 * quantity (quantity breaks, excluding VAT), and the credit an account has left.
 */

/** Payment terms: a number of days, optionally then to the end of that month ("30 jours fin de mois"). */
export interface PaymentTerms {
  days: number
  endOfMonth: boolean
}

/**
 * French law caps agreed terms (Code de commerce, art. L441-10): 60 days from the invoice date, or
 * 45 days end of month.
 */
export function termsProblem(t: PaymentTerms): string | null {
  if (t.endOfMonth && t.days > 45) return 'may not exceed 45 days end of month (art. L441-10)'
  if (!t.endOfMonth && t.days > 60) return 'may not exceed 60 days from the invoice date (art. L441-10)'
  return null
}

/** The date a sum invoiced on `issued` (YYYY-MM-DD) is due under `terms`. */
export function dueDate(issued: string, terms: PaymentTerms): string {
  const d = new Date(`${issued}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + terms.days)
  if (terms.endOfMonth) d.setUTCMonth(d.getUTCMonth() + 1, 0)
  return d.toISOString().slice(0, 10)
}

/** The terms in words, as an invoice prints them. */
export function termsLabel(t: PaymentTerms, lang: 'fr' | 'en' = 'fr'): string {
  if (t.days === 0) return lang === 'fr' ? 'Paiement à réception' : 'Due on receipt'
  if (lang === 'fr') return `${t.days} jours${t.endOfMonth ? ' fin de mois' : ' date de facture'}`
  return `${t.days} days${t.endOfMonth ? ' end of month' : ' from the invoice date'}`
}

/** One price of a B2B price list: from `minQuantity` units up, the unit price excluding VAT. */
export interface PriceBreak {
  sku: string
  minQuantity: number
  unitPriceExclCents: number
}

/** The unit price excluding VAT for `quantity` units: the break with the largest threshold reached. */
export function breakPrice(breaks: PriceBreak[], sku: string, quantity: number): PriceBreak | null {
  let best: PriceBreak | null = null
  for (const b of breaks) {
    if (b.sku !== sku || b.minQuantity > quantity) continue
    if (!best || b.minQuantity > best.minQuantity) best = b
  }
  return best
}

/** A line as the channel would sell it (VAT included), before the account's price. */
export interface ListedLine {
  sku: string
  quantity: number
  unitPriceCents: number
  /** Percent, e.g. 20 or 5.5. */
  vatRate: number
}

/** What the account pays for a line: the B2B price with VAT, and the difference from the listed price. */
export interface BusinessLine {
  sku: string
  quantity: number
  unitPriceExclCents: number | null
  totalCents: number
  discountCents: number
}

/**
 * Prices a line at the account's price list: excluding VAT × quantity, plus VAT at the line's rate,
 * rounded once per line. Without a B2B price the channel's price applies. A B2B price above the
 * listed price is not a discount: `null` says so (the caller refuses the line).
 */
export function businessLine(line: ListedLine, breaks: PriceBreak[]): BusinessLine | null {
  const listed = line.unitPriceCents * line.quantity
  const b = breakPrice(breaks, line.sku, line.quantity)
  if (!b) return { ...pick(line), unitPriceExclCents: null, totalCents: listed, discountCents: 0 }
  const excl = b.unitPriceExclCents * line.quantity
  const total = Math.round((excl * (100 + line.vatRate)) / 100)
  if (total > listed) return null
  return {
    ...pick(line),
    unitPriceExclCents: b.unitPriceExclCents,
    totalCents: total,
    discountCents: listed - total,
  }
}

const pick = (l: ListedLine) => ({ sku: l.sku, quantity: l.quantity })

/** Whether an order of `orderCents` fits under the credit limit, given what the account already owes. */
export function creditCheck(limitCents: number | null, openCents: number, orderCents: number) {
  if (limitCents === null) return { ok: true as const }
  const available = limitCents - openCents
  return orderCents <= available ? { ok: true as const } : { ok: false as const, available }
}
