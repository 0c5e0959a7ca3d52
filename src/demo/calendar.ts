import type { OpeningHours, Weekday } from '../network/index.ts'

export const DAY_MS = 86_400_000
export const HOUR_MS = 3_600_000
export const MINUTE_MS = 60_000

/** A calendar day of the history, in France. */
export interface Day {
  year: number
  month: number
  date: number
  weekday: Weekday
}

const weekdayOf: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** The French calendar days from `days` ago up to today. */
export function lastDays(now: Date, days: number): Day[] {
  const today = parisParts(now)
  const list: Day[] = []
  for (let i = days; i >= 0; i--) {
    const d = new Date(Date.UTC(today.year, today.month, today.date - i))
    list.push({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth(),
      date: d.getUTCDate(),
      weekday: weekdayOf[d.getUTCDay()]!,
    })
  }
  return list
}

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function parisParts(at: Date) {
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month) - 1,
    date: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  }
}

/** The instant of a French wall-clock time (minutes after midnight) on a day. */
export function parisTime(day: Day, minutes: number): Date {
  const naive = Date.UTC(day.year, day.month, day.date, 0, minutes)
  // Paris is UTC+1 or UTC+2: measure the offset at the naive instant, then correct once more.
  let instant = naive - 60 * MINUTE_MS
  for (let i = 0; i < 2; i++) {
    const p = parisParts(new Date(instant))
    const shown = Date.UTC(p.year, p.month, p.date, 0, p.minutes)
    instant += naive - shown
  }
  return new Date(instant)
}

export function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

/** Minutes of the day a location is open, as [open, close) ranges. */
export function openRanges(hours: OpeningHours, day: Day): Array<[number, number]> {
  return hours[day.weekday].map(([o, c]) => [toMinutes(o), toMinutes(c)])
}
