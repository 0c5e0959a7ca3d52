import type { FulfilmentMode } from '../channels/index.ts'
import { invalidOpeningHours, type OpeningHours, type Weekday } from './opening-hours.domain.ts'

export const locationKinds = ['warehouse', 'store', 'dark_store'] as const
export type LocationKind = (typeof locationKinds)[number]

/** Succursale (company-owned) or franchisé. */
export const ownerships = ['owned', 'franchised'] as const
export type Ownership = (typeof ownerships)[number]

const weekdayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}

const shopDay = (): Array<[string, string]> => [['09:00', '19:00']]

/** The usual French high-street week: Monday to Saturday 9:00–19:00, closed on Sunday. */
export function defaultOpeningHours(): OpeningHours {
  return {
    mon: shopDay(),
    tue: shopDay(),
    wed: shopDay(),
    thu: shopDay(),
    fri: shopDay(),
    sat: shopDay(),
    sun: [],
  }
}

/** The canonical IANA name of a time zone (`europe/paris` → `Europe/Paris`), or null when unknown. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

export interface LocationRules {
  kind: LocationKind
  ownership: Ownership
  fulfilmentModes: readonly FulfilmentMode[]
  openingHours: OpeningHours
}

/** The first field of a location that breaks a rule of the network, with why; null when all hold. */
export function locationProblem(l: LocationRules): { field: string; message: string } | null {
  if (l.kind === 'warehouse' && l.ownership !== 'owned') {
    return {
      field: 'ownership',
      message: 'a warehouse is always owned by the brand; only stores are franchised',
    }
  }
  const repeated = l.fulfilmentModes.find((m, i) => l.fulfilmentModes.indexOf(m) !== i)
  if (repeated) return { field: 'fulfilment_modes', message: `${repeated} is listed twice` }
  // Take-away and reserve & collect are paid at a till, on a shop floor customers walk into.
  const counter = l.fulfilmentModes.find((m) => m === 'takeaway' || m === 'reserve')
  if (counter && l.kind !== 'store') {
    return {
      field: 'fulfilment_modes',
      message: `${counter} needs a shop floor and a till: only a store offers it`,
    }
  }
  const bad = invalidOpeningHours(l.openingHours)
  if (bad) {
    const day = weekdayNames[bad.split('/')[0] as Weekday] ?? bad
    return {
      field: `opening_hours/${bad}`,
      message: `${day}: give opening ranges as ["HH:MM", "HH:MM"] with the opening before the closing, e.g. ["09:00", "19:00"]; [] when closed`,
    }
  }
  return null
}
