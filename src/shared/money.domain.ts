/**
 * Money is integer cents, prices are VAT-inclusive (TTC). VAT rates are basis points
 * (2000 = 20 %, 1000 = 10 %, 550 = 5.5 %, 210 = 2.1 %: the French rates).
 *
 * Rounding rule: the VAT of a line is extracted from the line's VAT-inclusive total and rounded
 * half-up to the cent: vat = round(total × rate / (1 + rate)). The order's VAT per rate is the
 * sum of its lines' VAT at that rate, so every line on a receipt adds up to the summary.
 */
export const frenchVatRatesBp = [2000, 1000, 550, 210] as const

export function vatIncluded(totalCents: number, rateBp: number): number {
  if (totalCents < 0) return -vatIncluded(-totalCents, rateBp)
  // Integer arithmetic: round-half-up of totalCents * rateBp / (10000 + rateBp).
  const denominator = 10_000 + rateBp
  return Math.floor((2 * totalCents * rateBp + denominator) / (2 * denominator))
}

export interface PricedLine {
  unitPriceCents: number
  quantity: number
  discountCents: number
  vatRateBp: number
}

export interface LineAmounts {
  totalCents: number
  vatCents: number
}

export function lineAmounts(line: PricedLine): LineAmounts {
  const totalCents = line.unitPriceCents * line.quantity - line.discountCents
  return { totalCents, vatCents: vatIncluded(totalCents, line.vatRateBp) }
}

export interface VatSummaryRow {
  rate_bp: number
  /** VAT-inclusive amount taxed at this rate. */
  base_incl_cents: number
  vat_cents: number
}

export function vatSummary(lines: Array<LineAmounts & { vatRateBp: number }>): VatSummaryRow[] {
  const byRate = new Map<number, VatSummaryRow>()
  for (const l of lines) {
    const row = byRate.get(l.vatRateBp) ?? { rate_bp: l.vatRateBp, base_incl_cents: 0, vat_cents: 0 }
    row.base_incl_cents += l.totalCents
    row.vat_cents += l.vatCents
    byRate.set(l.vatRateBp, row)
  }
  return [...byRate.values()].sort((a, b) => b.rate_bp - a.rate_bp)
}

/** 2000 → 20, 550 → 5.5 */
export function rateToPercent(rateBp: number): number {
  return rateBp / 100
}

/** 20 → 2000, 5.5 → 550; null when the percent has more than two decimals. */
export function percentToRate(percent: number): number | null {
  const bp = Math.round(percent * 100)
  return Math.abs(bp - percent * 100) < 1e-9 ? bp : null
}

/**
 * Value of units `from`…`to` of a line, discount included. Taken as the difference of two rounded
 * cumulative values, so the parts of a line always add up to its total to the cent.
 */
export function valueOfUnits(
  line: { quantity: number; totalCents: number },
  from: number,
  to: number,
): number {
  const upTo = (n: number) => Math.round((line.totalCents * n) / line.quantity)
  return upTo(to) - upTo(from)
}
