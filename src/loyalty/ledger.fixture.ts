import fc from 'fast-check'

/** A ledger step: credit points on a day, spend some, or run the expiry with a cutoff on a day. */
export type Step =
  | { kind: 'earn'; points: number }
  | { kind: 'burn'; points: number }
  | { kind: 'expire'; cutoffStep: number }

export const arbSteps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('earn' as const), points: fc.integer({ min: 1, max: 500 }) }),
    fc.record({ kind: fc.constant('burn' as const), points: fc.integer({ min: 1, max: 400 }) }),
    fc.record({ kind: fc.constant('expire' as const), cutoffStep: fc.nat(30) }),
  ),
  { minLength: 1, maxLength: 30 },
)

/**
 * The reference: every lot kept with what is left of it, spends taken from the oldest lot left,
 * an expiry emptying the lots credited before its cutoff. What it expires is what the closed form
 * (and the SQL) must expire.
 */
export function referenceLedger(steps: Step[]) {
  const lots: Array<{ step: number; left: number }> = []
  const expired: number[] = []
  let balance = 0
  steps.forEach((s, i) => {
    if (s.kind === 'earn') {
      lots.push({ step: i, left: s.points })
      balance += s.points
    } else if (s.kind === 'burn') {
      if (s.points > balance) return
      let due = s.points
      for (const lot of lots) {
        const take = Math.min(lot.left, due)
        lot.left -= take
        due -= take
      }
      balance -= s.points
    } else {
      let n = 0
      for (const lot of lots) {
        if (lot.step < s.cutoffStep) {
          n += lot.left
          lot.left = 0
        }
      }
      expired.push(n)
      balance -= n
    }
  })
  return { expired, balance }
}
