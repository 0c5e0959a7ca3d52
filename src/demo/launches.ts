import { newId } from '../shared/ids.ts'
import { DAY_MS } from './calendar.ts'
import type { DemoLocation } from './network.ts'

/**
 * Click & collect opened at six large stores, one a month, 9 to 14 months ago (before that their
 * customers could only collect elsewhere): the cannibalisation view compares them with the stores that
 * always had it, each over half a year either side of its own launch. Days before `now`, launched on a
 * Monday.
 */
const LAUNCHES: Array<[string, number]> = [
  ['STO-LYON-PART-DIEU', 420],
  ['STO-LILLE-EURALILLE', 390],
  ['STO-BORDEAUX-SAINTE-CATHERINE', 360],
  ['STO-MARSEILLE-PRADO', 330],
  ['STO-NANTES-COMMERCE', 300],
  ['STO-TOULOUSE-CAPITOLE', 270],
]

export interface DemoLaunch {
  store: DemoLocation
  service: 'pickup'
  /** Paris day, YYYY-MM-DD. */
  on: string
  /** Midnight UTC of that day: orders from then on may be collected there. */
  at: Date
}

export function planLaunches(now: Date, network: DemoLocation[]): DemoLaunch[] {
  return LAUNCHES.map(([code, daysAgo]) => {
    const d = new Date(now.getTime() - daysAgo * DAY_MS)
    const monday = new Date(
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)),
    )
    return {
      store: network.find((l) => l.row.code === code)!,
      service: 'pickup' as const,
      on: monday.toISOString().slice(0, 10),
      at: monday,
    }
  })
}

export function launchRows(launches: DemoLaunch[], setupAt: Date) {
  return launches.map((l) => ({
    id: newId('svl'),
    locationId: l.store.row.id,
    service: l.service,
    launchedOn: l.on,
    note: 'Lancement du retrait en magasin (démo)',
    createdBy: 'demo',
    createdAt: setupAt,
    updatedAt: setupAt,
  }))
}

/**
 * Online activity before store visits, for ROPO: a quarter of identified till purchases follow an
 * availability check of that store in the days before, one in ten a wishlist entry.
 */
export function demoActivity(
  random: { chance(p: number): boolean; int(min: number, max: number): number },
  orders: Array<{
    customerId?: string | null
    storeId?: string | null
    channelId: string
    placedAt?: Date | null
  }>,
  tillChannelId: string,
  webChannelId: string,
) {
  const rows: Array<Record<string, unknown>> = []
  for (const o of orders) {
    if (o.channelId !== tillChannelId || !o.customerId || !o.storeId || !o.placedAt) continue
    const before = (minH: number, maxH: number) =>
      new Date(o.placedAt!.getTime() - random.int(minH, maxH) * 3_600_000)
    if (random.chance(0.25)) {
      const at = before(2, 6 * 24)
      rows.push({
        id: newId('act'),
        customerId: o.customerId,
        kind: 'availability_check',
        channelId: webChannelId,
        locationId: o.storeId,
        occurredAt: at,
        createdAt: at,
        updatedAt: at,
      })
    }
    if (random.chance(0.1)) {
      const at = before(24, 20 * 24)
      rows.push({
        id: newId('act'),
        customerId: o.customerId,
        kind: 'wishlist',
        channelId: webChannelId,
        occurredAt: at,
        createdAt: at,
        updatedAt: at,
      })
    }
  }
  return rows
}
