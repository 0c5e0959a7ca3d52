import type { Tx } from '../db/database.ts'

/**
 * Loyalty points as a tender, seen from the order: what must be true when the order is answered
 * (the points spent, or given back by a refund) is written in the order's transaction, so the order
 * needs the points ledger; but loyalty sits below orders and learns of orders only from their events.
 * The order names what it needs here and the composition (src/app/ports.ts) plugs loyalty in.
 */
export interface PointsTender {
  /** What one point pays, in cents. */
  pointValueCents: number
  /** Points of the loyalty tenders among these payments (refused unless whole points). */
  pointsOf(payments: ReadonlyArray<{ method: string; amount_cents: number }>): number
  /** Spends points for an order, refused when the balance lacks them; nothing when `points` is 0. */
  spend(
    tx: Tx,
    customerId: string | null,
    orderId: string,
    points: number,
    reference: string,
    actor: string,
  ): Promise<void>
  /** Gives points back to the customer (a refunded loyalty tender), once per reference. */
  giveBack(
    tx: Tx,
    customerId: string,
    orderId: string,
    points: number,
    reference: string,
    actor: string,
  ): Promise<void>
}

let provided: PointsTender | null = null

/** Called once by the composition, before any order is placed. */
export function providePointsTender(tender: PointsTender) {
  provided = tender
}

export function pointsTender(): PointsTender {
  if (!provided) {
    throw new Error('No points tender provided: the composition (src/app/ports.ts) must be loaded first.')
  }
  return provided
}
