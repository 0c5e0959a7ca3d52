/** Opening hours per weekday, each a list of [open, close] in local "HH:MM". A closed day is an empty list. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'
export type OpeningHours = Record<Weekday, Array<[string, string]>>

export const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/

/** Returns the path of the first invalid entry, or null when the hours are valid. */
export function invalidOpeningHours(hours: OpeningHours): string | null {
  for (const day of weekdays) {
    const ranges = hours[day]
    if (!Array.isArray(ranges)) return day
    for (const [i, range] of ranges.entries()) {
      const [open, close] = range
      if (!hhmm.test(open) || !hhmm.test(close) || open >= close) return `${day}/${i}`
    }
  }
  return null
}

/** Weekday and minutes since midnight of an instant, in the location's time zone. */
export function localTime(at: Date, timeZone: string): { day: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const day = get('weekday').toLowerCase().slice(0, 3) as Weekday
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) }
}

export function isOpenAt(hours: OpeningHours, timeZone: string, at: Date): boolean {
  const { day, minutes } = localTime(at, timeZone)
  return hours[day].some(([open, close]) => minutes >= toMinutes(open) && minutes < toMinutes(close))
}

function toMinutes(t: string): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))
}
