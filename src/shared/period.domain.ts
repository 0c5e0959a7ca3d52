/** Statements are monthly, in the brand's time zone: a sale at 23:30 on 31 January in Paris is January's. */
export const STATEMENT_TIME_ZONE = 'Europe/Paris'

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: STATEMENT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day of an instant in Paris, as YYYY-MM-DD. */
export function dayOf(at: Date): string {
  return dayFormat.format(at)
}

/** The month of an instant in Paris, as YYYY-MM. */
export function periodOf(at: Date): string {
  return dayOf(at).slice(0, 7)
}

export function isPeriod(p: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(p)
}

export function nextPeriod(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

export function previousPeriod(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** The last month over in Paris at `now`: the one a month's fiscal files are first asked for. */
export function lastPeriodOver(now: Date): string {
  return previousPeriod(periodOf(now))
}

/**
 * The month an entry is booked in: the month of its event, unless that month's statement is
 * already closed; then the first month after the last closed one (corrections go forward, a
 * closed statement never changes).
 */
export function bookingPeriod(eventPeriod: string, lastClosed: string | null): string {
  if (lastClosed === null || eventPeriod > lastClosed) return eventPeriod
  return nextPeriod(lastClosed)
}

/** Whether a month is over in Paris at `now` (only a finished month can be closed). */
export function isOver(period: string, now: Date): boolean {
  return periodOf(now) > period
}
