import { invalidInput } from '../shared/errors.ts'

/**
 * The loyalty programme: points earned per euro paid (loyalty points spent earn nothing), and what a
 * point is worth when spent as a tender in any channel.
 */
export const programme = {
  pointsPerEuro: 1,
  /** 100 points pay 5 €. */
  pointValueCents: 5,
}

/** Points earned by an order: one per whole euro paid with anything but points. */
export function pointsEarned(paidCents: number, paidWithPointsCents: number): number {
  return Math.max(0, Math.floor(((paidCents - paidWithPointsCents) / 100) * programme.pointsPerEuro))
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
