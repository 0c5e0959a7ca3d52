import { describe, expect, it } from 'vitest'
import {
  canonicalTimeZone,
  defaultOpeningHours,
  type LocationRules,
  locationProblem,
} from './network.domain.ts'
import { isOpenAt } from './opening-hours.domain.ts'

const store: LocationRules = {
  kind: 'store',
  ownership: 'franchised',
  fulfilmentModes: ['takeaway', 'pickup', 'reserve', 'delivery'],
  openingHours: defaultOpeningHours(),
}

describe('a location of the network', () => {
  it('may be a franchised store offering every mode', () => {
    expect(locationProblem(store)).toBeNull()
  })

  it('is never a franchised warehouse', () => {
    expect(locationProblem({ ...store, kind: 'warehouse', fulfilmentModes: ['delivery'] })?.field).toBe(
      'ownership',
    )
  })

  it('offers take-away or reserve & collect only as a store', () => {
    const darkStore = { ...store, kind: 'dark_store' as const, ownership: 'owned' as const }
    expect(locationProblem({ ...darkStore, fulfilmentModes: ['delivery', 'pickup'] })).toBeNull()
    expect(locationProblem({ ...darkStore, fulfilmentModes: ['reserve'] })?.field).toBe('fulfilment_modes')
  })

  it('names the day of opening hours that do not make sense', () => {
    const problem = locationProblem({
      ...store,
      openingHours: {
        ...defaultOpeningHours(),
        wed: [
          ['09:00', '12:00'],
          ['14:00', '25:00'],
        ],
      },
    })
    expect(problem).toMatchObject({ field: 'opening_hours/wed/1' })
    expect(problem?.message).toContain('Wednesday')
  })
})

describe('default opening hours', () => {
  it('open Monday to Saturday 9:00–19:00 Paris time and close on Sunday', () => {
    const hours = defaultOpeningHours()
    // Saturday 14 June 2025 at 10:00 in Paris (08:00 UTC), then Sunday at the same hour.
    expect(isOpenAt(hours, 'Europe/Paris', new Date('2025-06-14T08:00:00Z'))).toBe(true)
    expect(isOpenAt(hours, 'Europe/Paris', new Date('2025-06-15T08:00:00Z'))).toBe(false)
    expect(isOpenAt(hours, 'Europe/Paris', new Date('2025-06-14T17:30:00Z'))).toBe(false)
  })
})

describe('opening until midnight', () => {
  it('closes at 24:00: open in the last minute of the day, and 24:00 only as a closing time', () => {
    const allDay = Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, [['00:00', '24:00']]]),
    ) as LocationRules['openingHours']
    // Saturday 14 June 2025 at 23:59:30 in Paris.
    expect(isOpenAt(allDay, 'Europe/Paris', new Date('2025-06-14T21:59:30Z'))).toBe(true)
    expect(locationProblem({ ...store, openingHours: allDay })).toBeNull()
    const opensAtMidnight = { ...allDay, mon: [['24:00', '24:00']] } as LocationRules['openingHours']
    expect(locationProblem({ ...store, openingHours: opensAtMidnight })?.field).toBe('opening_hours/mon/0')
  })
})

describe('time zones', () => {
  it('are known by their IANA name, whatever the case', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris')
    expect(canonicalTimeZone('america/guadeloupe')).toBe('America/Guadeloupe')
  })

  it('are refused when they do not exist', () => {
    expect(canonicalTimeZone('Europe/Lutece')).toBeNull()
    expect(canonicalTimeZone('')).toBeNull()
  })
})
