/*
 * The rules of a stock count, pure: which items a cycle count takes, which lines are recounted,
 * and what a line adds to the ledger once approved.
 */

export interface CountLineFigures {
  snapshot: number
  counted: number | null
  recounted: number | null
}

/** What the counters found: the recount when there was one, else the count; an item never scanned was not found. */
export function finalQuantity(line: CountLineFigures): number {
  return line.recounted ?? line.counted ?? 0
}

/** Found minus expected at the start of the count. */
export function variance(line: CountLineFigures): number {
  return finalQuantity(line) - line.snapshot
}

/**
 * A line is recounted when its variance is large: over `units` units and over `pct` percent of what
 * was expected (a 1-unit gap on a shelf of 2 is 50 % but not worth a second walk; 40 missing of
 * 1,000 is 4 % but 40 units).
 */
export function needsRecount(line: CountLineFigures, units: number, pct: number): boolean {
  const gap = Math.abs(variance(line))
  if (gap <= units) return false
  return line.snapshot === 0 || (gap * 100) / line.snapshot > pct || gap > units * 10
}

export interface CycleCandidate {
  sku: string
  onHand: number
  unitsSold: number
  unitCostCents: number
  /** When it was last counted at this location, if ever. */
  lastCountedAt: Date | null
}

/**
 * The items a cycle count takes: those that matter most (value moved plus value held: cost ×
 * (units sold over the weeks + on hand)) among those not counted within `restDays`, at most `size`.
 * Ties go by SKU so the choice is the same for the same data.
 */
export function pickCycle(
  candidates: readonly CycleCandidate[],
  size: number,
  now: Date,
  restDays: number,
): string[] {
  const rested = now.getTime() - restDays * 86_400_000
  return candidates
    .filter((c) => c.onHand > 0 || c.unitsSold > 0)
    .filter((c) => c.lastCountedAt === null || c.lastCountedAt.getTime() < rested)
    .map((c) => ({ sku: c.sku, score: Math.max(c.unitCostCents, 1) * (c.unitsSold + c.onHand) }))
    .sort((a, b) => b.score - a.score || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .slice(0, size)
    .map((c) => c.sku)
}

export const countTransitions = {
  counting: ['recount', 'review', 'cancelled'],
  recount: ['review', 'cancelled'],
  review: ['approved', 'cancelled'],
  approved: [],
  cancelled: [],
} as const
