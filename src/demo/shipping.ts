import { sql } from 'drizzle-orm'
import { rows, type Tx } from '../db/database.ts'
import type { orderLines, orders } from '../orders/index.ts'
import { newId } from '../shared/ids.ts'
import {
  createServiceIn,
  parcelLines as parcelLinesTable,
  parcels as parcelsTable,
  putFeeIn,
  relayPoints as relayPointsTable,
  trackingEvents as trackingEventsTable,
  trackingNumber,
} from '../shipping/index.ts'
import { insertRows } from './bulk-insert.ts'
import type { DemoChannel } from './channels.ts'
import type { Town } from './geography.ts'
import type { Random } from './random.ts'

type OrderRow = typeof orders.$inferInsert & { id: string }
type LineRow = typeof orderLines.$inferInsert

const DAY_MS = 86_400_000

/** Mainland France by département, Corsica (20…) and the overseas départements (971…976). */
const mainland = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
const zones = [
  { code: 'FR-M', name: 'France métropolitaine', postcode_prefixes: mainland },
  { code: 'FR-20', name: 'Corse', postcode_prefixes: ['20'] },
]
const withOverseas = [
  ...zones,
  { code: 'DOM', name: 'Outre-mer', postcode_prefixes: ['971', '972', '973', '974', '976'] },
]

/** Weight bands, grams, shared by the services: 0.25, 0.5, 1, 2, 5, 10, 30 kg. */
const cuts = [250, 500, 1000, 2000, 5000, 10000, 30000]
const bands = (perZone: Record<string, number[]>, max = 30000) => {
  // The last band ends at the service's maximum weight: a table that stops short would be refused.
  const edges = [...cuts.filter((c) => c < max), max]
  return Object.entries(perZone).flatMap(([zone, cents]) =>
    edges.map((up, i) => ({ zone, above_g: i === 0 ? 0 : edges[i - 1]!, up_to_g: up, cents: cents[i]! })),
  )
}
const rates = (perZone: Record<string, number[]>, max?: number) =>
  bands(perZone, max).map(({ cents, ...b }) => ({ ...b, cost_cents: cents }))
const fees = (perZone: Record<string, number[]>, max?: number) =>
  bands(perZone, max).map(({ cents, ...b }) => ({ ...b, fee_cents: cents }))

/**
 * The carriers' usual services, with neutral names: a national post parcel service (home delivery,
 * overseas included), a next-day express service and a relay-point network. Costs are what the
 * carriers charge the brand (VAT excluded), contract rates below the public counter prices.
 */
export const demoServices = [
  {
    code: 'COLIS-NATIONAL',
    name: 'Colis national',
    carrier: 'Poste nationale',
    kind: 'home' as const,
    tracking_prefix: 'CN',
    transit_days: 2,
    cutoff_hour: 16,
    max_weight_g: 30000,
    max_size_mm: 2000,
    zones: withOverseas,
    rates: rates({
      'FR-M': [420, 480, 560, 640, 820, 1190, 1890],
      'FR-20': [520, 590, 690, 790, 990, 1450, 2290],
      DOM: [1190, 1350, 1690, 2190, 3390, 5290, 9890],
    }),
  },
  {
    code: 'EXPRESS-24H',
    name: 'Express 24h',
    carrier: 'Messagerie express',
    kind: 'express' as const,
    tracking_prefix: 'XP',
    transit_days: 1,
    cutoff_hour: 13,
    max_weight_g: 30000,
    max_size_mm: 3000,
    zones,
    rates: rates({
      'FR-M': [890, 940, 1020, 1150, 1390, 1790, 2690],
      'FR-20': [1490, 1590, 1690, 1890, 2290, 2890, 3990],
    }),
  },
  {
    code: 'RELAIS',
    name: 'Relais',
    carrier: 'Réseau relais',
    kind: 'relay' as const,
    tracking_prefix: 'RL',
    transit_days: 3,
    cutoff_hour: 15,
    max_weight_g: 20000,
    max_size_mm: 1500,
    zones,
    rates: rates(
      {
        'FR-M': [290, 320, 360, 420, 560, 790, 1190],
        'FR-20': [390, 420, 460, 540, 690, 990, 1490],
      },
      20000,
    ),
  },
]

/** What the web shop, the app, the call centre and the catalogue charge: free from 60 € (relay 40 €). */
const demoFees: Record<string, { free: number | null; fees: Record<string, number[]> }> = {
  'COLIS-NATIONAL': {
    free: 6000,
    fees: {
      'FR-M': [490, 490, 590, 690, 890, 1290, 1990],
      'FR-20': [690, 690, 790, 890, 1090, 1590, 2490],
      DOM: [1490, 1690, 1990, 2490, 3990, 5990, 10990],
    },
  },
  'EXPRESS-24H': {
    free: null,
    fees: {
      'FR-M': [1290, 1290, 1390, 1490, 1690, 1990, 2990],
      'FR-20': [1790, 1890, 1990, 2190, 2590, 3190, 4290],
    },
  },
  RELAIS: {
    free: 4000,
    fees: {
      'FR-M': [390, 390, 390, 490, 590, 890, 1290],
      'FR-20': [490, 490, 490, 590, 790, 1090, 1590],
    },
  },
}

const shops = [
  'Tabac-Presse du Centre',
  'Librairie de la Gare',
  'Épicerie du Marché',
  'Pressing de la Mairie',
  'Fleuriste des Halles',
  'Bazar de la Poste',
  'Cordonnerie Minute',
  'Supérette des Tilleuls',
]
const streets = [
  'place de la Mairie',
  'rue de la République',
  'avenue Jean-Jaurès',
  'rue Victor-Hugo',
  'place du Marché',
  'rue Gambetta',
  'boulevard Carnot',
  'rue Pasteur',
]

/**
 * Relay points in real French towns: the most populous towns of the data sets, two to four points
 * each around the town centre (the shops and streets are names French towns have, not a directory).
 */
export function planRelayPoints(random: Random, towns: Town[], count = 60) {
  const biggest = [...towns]
    .filter((t) => !t.postcodes[0]!.startsWith('97'))
    .sort((a, b) => b.population - a.population || a.insee.localeCompare(b.insee))
    .slice(0, count)
  return biggest.flatMap((town, i) => {
    const n = town.population > 200_000 ? 4 : town.population > 60_000 ? 3 : 2
    return Array.from({ length: n }, (_, k) => ({
      code: `RP${String(i * 10 + k + 1).padStart(5, '0')}`,
      name: `${shops[(i + k) % shops.length]}`,
      line1: `${random.int(1, 80)} ${streets[(i * 3 + k) % streets.length]}`,
      postcode: town.postcodes[k % town.postcodes.length]!,
      city: town.name,
      // Within a kilometre or two of the town's centre.
      lat: Math.round((town.lat + (random.next() - 0.5) * 0.03) * 1e5) / 1e5,
      lon: Math.round((town.lon + (random.next() - 0.5) * 0.04) * 1e5) / 1e5,
      openingHours: k % 2 === 0 ? 'Lun-Sam 7h30-19h30' : 'Mar-Sam 9h-12h30, 14h-19h',
    }))
  })
}

export type RelayPointPlan = ReturnType<typeof planRelayPoints>[number]

/** One parcel per source of the delivered lines of the recent web orders, with what their carrier reported. */
export function planParcels(random: Random, orderRows: OrderRow[], lineRows: LineRow[], now: Date) {
  const since = now.getTime() - 21 * DAY_MS
  const linesOf = new Map<string, LineRow[]>()
  for (const l of lineRows) {
    if (l.fulfilment !== 'delivery') continue
    linesOf.set(l.orderId, [...(linesOf.get(l.orderId) ?? []), l])
  }
  const plans = []
  for (const o of orderRows) {
    if (o.status !== 'completed' || !o.placedAt || o.placedAt.getTime() < since) continue
    const lines = linesOf.get(o.id)
    const address = o.deliveryAddress as { postcode: string } | null
    if (!lines || !address) continue
    const bySource = new Map<string, LineRow[]>()
    for (const l of lines) bySource.set(l.sourceLocationId, [...(bySource.get(l.sourceLocationId) ?? []), l])
    const shippedAt = new Date(
      Math.max(o.placedAt.getTime() + 4 * 3_600_000, (o.updatedAt as Date).getTime() - DAY_MS),
    )
    for (const [source, ls] of bySource) {
      const units = ls.reduce((s, l) => s + l.quantity, 0)
      plans.push({
        order: o,
        postcode: address.postcode,
        locationId: source,
        lines: ls,
        weightG: Math.min(29_000, units * random.int(350, 1800)),
        size: [
          random.pick([300, 400, 500]),
          random.pick([200, 250, 300]),
          random.pick([100, 150, 200]),
        ] as const,
        shippedAt,
        // Two days door to door, so the last two days' parcels are still on their way.
        ageH: (now.getTime() - shippedAt.getTime()) / 3_600_000,
      })
    }
  }
  return plans
}

type ParcelPlan = ReturnType<typeof planParcels>[number]

function trackingOf(p: ParcelPlan, place: string) {
  const h = (hours: number) => new Date(p.shippedAt.getTime() + hours * 3_600_000)
  const steps = [
    { status: 'shipped' as const, description: 'Colis remis au transporteur', at: h(0), place },
    {
      status: 'in_transit' as const,
      description: 'Colis en cours d’acheminement',
      at: h(8),
      place: 'Plateforme de tri',
    },
    {
      status: 'out_for_delivery' as const,
      description: 'Colis en cours de livraison',
      at: h(40),
      place: p.postcode,
    },
    { status: 'delivered' as const, description: 'Colis livré', at: h(46), place: p.postcode },
  ]
  return steps.filter((s) => s.at.getTime() <= p.shippedAt.getTime() + p.ageH * 3_600_000)
}

/**
 * Carrier services with their rate tables, the channels' delivery fees, relay points in real towns,
 * and parcels with tracking for the recent web deliveries: written through shipping's own checks
 * (a rate table with a gap would stop the seed).
 */
export async function seedShipping(
  tx: Tx,
  channels: DemoChannel[],
  relayPoints: RelayPointPlan[],
  parcels: ParcelPlan[],
  locationName: (id: string) => string,
  progress: (step: string, done: number, total: number) => void,
) {
  const services = new Map<string, Awaited<ReturnType<typeof createServiceIn>>>()
  for (const s of demoServices) services.set(s.code, await createServiceIn(tx, s))
  for (const channel of channels) {
    if (!['web', 'mobile', 'call_centre', 'catalogue'].includes(channel.row.kind)) continue
    for (const [code, fee] of Object.entries(demoFees)) {
      await putFeeIn(tx, channel.row.id, code, {
        bands: fees(fee.fees, services.get(code)!.max_weight_g),
        free_from_cents: fee.free,
        free_codes: ['LIVRAISONOFFERTE'],
        vat_rate_bp: 2000,
      })
    }
  }
  const relay = services.get('RELAIS')!
  await insertRows(
    tx,
    relayPointsTable,
    relayPoints.map((r) => ({ id: newId('rly'), serviceId: relay.id, ...r })),
    (done) => progress('relay points', done, relayPoints.length),
  )
  const home = services.get('COLIS-NATIONAL')!
  const parcelRows = []
  const lineRows = []
  const eventRows = []
  // Serials from the sequence the service draws from: parcels made after the seed follow on.
  const serials = await rows<{ n: string }>(
    tx,
    sql`SELECT nextval('tracking_serial_seq')::text AS n FROM generate_series(1, ${parcels.length})`,
  )
  for (const [i, p] of parcels.entries()) {
    const zone = p.postcode.startsWith('20') ? 'FR-20' : p.postcode.startsWith('97') ? 'DOM' : 'FR-M'
    const band = home.rates.find((b) => b.zone === zone && b.above_g < p.weightG && p.weightG <= b.up_to_g)
    if (!band) continue
    const id = newId('pcl')
    const events = trackingOf(p, locationName(p.locationId))
    const last = events.at(-1)!
    parcelRows.push({
      id,
      trackingNumber: trackingNumber(home.tracking_prefix, Number(serials[i]!.n)),
      serviceId: home.id,
      direction: 'outbound' as const,
      status: last.status,
      orderId: p.order.id,
      locationId: p.locationId,
      address: p.order.deliveryAddress,
      zone,
      weightG: p.weightG,
      lengthMm: p.size[0],
      widthMm: p.size[1],
      heightMm: p.size[2],
      costCents: band.cost_cents,
      shippedAt: p.shippedAt,
      deliveredAt: last.status === 'delivered' ? last.at : null,
      createdBy: 'demo',
      createdAt: p.shippedAt,
      updatedAt: last.at,
    })
    lineRows.push(
      ...p.lines.map((l) => ({ parcelId: id, orderLineId: l.id!, sku: l.sku, quantity: l.quantity })),
    )
    eventRows.push(
      ...events.map((e, k) => ({
        parcelId: id,
        externalId: `demo-${i}-${k}`,
        status: e.status,
        description: e.description,
        place: e.place,
        occurredAt: e.at,
        source: 'import' as const,
        createdAt: e.at,
      })),
    )
  }
  await insertRows(tx, parcelsTable, parcelRows, (done) => progress('parcels', done, parcelRows.length))
  await insertRows(tx, parcelLinesTable, lineRows, () => {})
  await insertRows(tx, trackingEventsTable, eventRows, () => {})
  return { services: services.size, relayPoints: relayPoints.length, parcels: parcelRows.length }
}
