/** A purchased line with the units the associate is taking back. */
export interface ReturningLine {
  quantity: number
  total_cents: number
  returnable_quantity: number
  /** Units brought back now. */
  back: number
}

/**
 * What the units brought back are worth, as the server counts it: units returned before took the
 * first slices of their line, these take the next ones (a discount spread over the units). An
 * estimate for the screen: the server is the judge.
 */
export function returnedValue(lines: ReturningLine[]): number {
  return lines.reduce((sum, l) => {
    if (l.back <= 0 || l.quantity <= 0) return sum
    const upTo = (n: number) => Math.round((l.total_cents * n) / l.quantity)
    const from = l.quantity - l.returnable_quantity
    return sum + upTo(from + l.back) - upTo(from)
  }, 0)
}

/**
 * An exchange's balance: new goods dearer than what comes back leave a difference to pay; cheaper
 * ones leave the rest on the credit note the customer takes away.
 */
export function exchangeBalance(returnedCents: number, newCents: number) {
  const difference = newCents - returnedCents
  return { toPayCents: Math.max(0, difference), creditLeftCents: Math.max(0, -difference) }
}
