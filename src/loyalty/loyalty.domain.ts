import { invalidInput } from '../shared/errors.ts'

/**
 * What a point is worth when spent as a tender in any channel. A constant rather than a setting:
 * tenders already taken are given back at this value when an order is cancelled, and changing it
 * would change the value of every balance outstanding. How points are earned is configurable
 * (see `earning.domain.ts`).
 */
export const programme = {
  /** 100 points pay 5 €. */
  pointValueCents: 5,
}

/** The points a loyalty tender of this amount spends; the amount must be a whole number of points. */
export function pointsForTender(amountCents: number, field: string): number {
  if (amountCents % programme.pointValueCents !== 0) {
    throw invalidInput(
      field,
      `a loyalty tender is a whole number of points of ${programme.pointValueCents} cents`,
    )
  }
  return amountCents / programme.pointValueCents
}

/** 12345 → "123.45 €", for explanations read by staff and customers. */
export function formatEuros(cents: number): string {
  return `${(cents / 100).toFixed(2)} €`
}
