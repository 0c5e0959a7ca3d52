/**
 * Points expire a number of months after they were credited, oldest first. Every point credited
 * (earned, given back, added by head office) is a lot; every point taken (spent, taken back,
 * removed, expired) consumes the oldest lot left. Because a balance never goes below zero, taking
 * points always from the oldest lots is the same, at any moment, as applying each movement in
 * turn; so what is still unconsumed of the lots credited before the cutoff is simply
 * what was credited before it less everything ever taken, when that is positive.
 */
export function pointsToExpire(
  entries: ReadonlyArray<{ points: number; createdAt: Date }>,
  cutoff: Date,
): number {
  let creditedBefore = 0
  let taken = 0
  for (const e of entries) {
    if (e.points > 0 && e.createdAt < cutoff) creditedBefore += e.points
    if (e.points < 0) taken -= e.points
  }
  return Math.max(0, creditedBefore - taken)
}

/**
 * The same date `months` earlier, in UTC; a day the earlier month lacks becomes its last day
 * (31 March − 1 month = 28 or 29 February).
 */
export function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date.getTime())
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - months)
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, lastDay))
  return d
}
