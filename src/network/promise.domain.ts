import { distanceKm } from '../shared/geo.domain.ts'
import { addOpenMinutes, type OpeningHours } from './opening-hours.domain.ts'

/*
 * When a location will have prepared what reaches it, and how long goods take between two locations:
 * what order promises, task planning and transfers all count on.
 */

/** A location as promises need it: where it is, when it opens, how long it takes to prepare. */
export interface TaskSite {
  id: string
  kind: string
  lat: number
  lon: number
  openingHours: OpeningHours
  timezone: string
  prepLeadMinutes: number
}

/**
 * When goods that leave `from` at `departure` reach `to`: a day by road up to 500 km, a day more per
 * further 500 km (a carrier's next-day network).
 */
export function transitArrival(from: TaskSite, to: TaskSite, departure: Date): Date {
  const days = Math.max(1, Math.ceil(distanceKm(from, to) / 500))
  return new Date(departure.getTime() + days * 86_400_000)
}

const promises = new Map<string, { hours: OpeningHours; at: Date }>()

/**
 * When a location will have prepared an order that reaches it now. Worked out once per location and
 * minute: every order of that minute gets the same promise.
 */
export function promiseAt(site: TaskSite, now: Date): Date {
  const key = `${site.id}|${site.timezone}|${site.prepLeadMinutes}|${Math.floor(now.getTime() / 60_000)}`
  const hit = promises.get(key)
  if (hit && hit.hours === site.openingHours) return hit.at
  const at = computePromise(site, now)
  if (promises.size > 10_000) promises.clear()
  promises.set(key, { hours: site.openingHours, at })
  return at
}

function computePromise(site: TaskSite, now: Date): Date {
  const lead = site.prepLeadMinutes
  const alwaysOpen = Object.values(site.openingHours).every((slots) => slots.length === 0)
  if (alwaysOpen) return new Date(now.getTime() + lead * 60_000)
  return (
    addOpenMinutes(site.openingHours, site.timezone, now, lead) ?? new Date(now.getTime() + lead * 60_000)
  )
}
