/** Opening hours per weekday, each a list of [open, close] in local "HH:MM". A closed day is an empty list. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'
export type OpeningHours = Record<Weekday, Array<[string, string]>>

export const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/
/** A closing time may also be 24:00: open until midnight, the last minute of the day included. */
const closing = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/

/** Returns the path of the first invalid entry, or null when the hours are valid. */
export function invalidOpeningHours(hours: OpeningHours): string | null {
  for (const day of weekdays) {
    const ranges = hours[day]
    if (!Array.isArray(ranges)) return day
    for (const [i, range] of ranges.entries()) {
      const [open, close] = range
      if (!hhmm.test(open) || !closing.test(close) || open >= close) return `${day}/${i}`
    }
  }
  return null
}

// Building a DateTimeFormat costs ~50 µs, using one a few: one per time zone serves every call
// (routing asks whether each location is open on every order).
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** Weekday and minutes since midnight of an instant, in the location's time zone. */
export function localTime(at: Date, timeZone: string): { day: Weekday; minutes: number } {
  let day = ''
  let hour = 0
  let minute = 0
  for (const p of formatterFor(timeZone).formatToParts(at)) {
    if (p.type === 'weekday') day = p.value.toLowerCase().slice(0, 3)
    else if (p.type === 'hour') hour = Number(p.value)
    else if (p.type === 'minute') minute = Number(p.value)
  }
  return { day: day as Weekday, minutes: hour * 60 + minute }
}

export function isOpenAt(hours: OpeningHours, timeZone: string, at: Date): boolean {
  const { day, minutes } = localTime(at, timeZone)
  return hours[day].some(([open, close]) => minutes >= toMinutes(open) && minutes < toMinutes(close))
}

function toMinutes(t: string): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))
}

/**
 * The first instant from `from` (inclusive) at which the location is open, to the quarter hour; null
 * when it does not open within `days` days (a location with no opening hours).
 */
export function nextOpenAt(hours: OpeningHours, timeZone: string, from: Date, days = 8): Date | null {
  const step = 15 * 60_000
  if (isOpenAt(hours, timeZone, from)) return from
  const start = Math.ceil(from.getTime() / step) * step
  for (let t = start; t < from.getTime() + days * 86_400_000; t += step) {
    if (isOpenAt(hours, timeZone, new Date(t))) return new Date(t)
  }
  return null
}

/**
 * When work of `minutes` started at `from` is done, counting only opening hours (a store prepares
 * while open), to the quarter hour; null when the location never opens.
 */
export function addOpenMinutes(
  hours: OpeningHours,
  timeZone: string,
  from: Date,
  minutes: number,
): Date | null {
  const step = 15 * 60_000
  let at = nextOpenAt(hours, timeZone, from)
  let left = minutes
  while (at && left > 0) {
    const next = new Date(at.getTime() + step)
    left -= 15
    at = left > 0 ? nextOpenAt(hours, timeZone, next) : next
  }
  return at
}
