import type { Static } from '@fastify/type-provider-typebox'
import { stringify } from 'csv-stringify/sync'
import { eq, inArray } from 'drizzle-orm'
import type { Executor } from '../db/database.ts'
import { type DeliveryAddress, getLocation } from '../network/index.ts'
import { findOrder } from '../orders/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden } from '../shared/errors.ts'
import { serviceRow } from './carriers.service.ts'
import { getParcel, shippedOn } from './parcels.service.ts'
import type * as c from './shipping.contract.ts'
import { carrierServices, parcels, relayPoints } from './shipping.schema.ts'

const addressLines = (a: { line1: string; postcode: string; city: string; country?: string }) => [
  a.line1,
  `${a.postcode} ${a.city.toUpperCase()}`,
  ...(a.country && a.country !== 'FR' ? [a.country] : []),
]

/** The parcel's label as PDF: staff who pack it, or the customer's channel for a return label. */
export async function parcelLabel(q: Executor, actor: Actor, ref: string): Promise<Uint8Array> {
  const view = await getParcel(q, actor, ref)
  if (actor.role === 'channel' && view.direction !== 'return') {
    throw forbidden('A channel prints return labels only; the shipping label is the packer’s.')
  }
  const [row] = await q
    .select({ parcel: parcels, service: carrierServices })
    .from(parcels)
    .innerJoin(carrierServices, eq(carrierServices.id, parcels.serviceId))
    .where(eq(parcels.id, view.id))
  const { parcel, service } = row!
  const location = await getLocation(q, parcel.locationId)
  const order = await findOrder(q, parcel.orderId)
  const [relay] = parcel.relayPointId
    ? await q.select().from(relayPoints).where(eq(relayPoints.id, parcel.relayPointId))
    : []
  const customer = parcel.address as DeliveryAddress | null
  const site = {
    name: location.name,
    lines: addressLines({ line1: location.addressLine, postcode: location.postcode, city: location.city }),
  }
  const person = {
    name: customer?.name ?? '',
    lines: relay
      ? addressLines({ line1: `${relay.name}, ${relay.line1}`, postcode: relay.postcode, city: relay.city })
      : customer
        ? addressLines(customer)
        : [],
  }
  // The PDF and barcode libraries load with the first label, not with the server (idle memory).
  const { labelPdf } = await import('./label.ts')
  return labelPdf({
    trackingNumber: parcel.trackingNumber,
    serviceName: service.name,
    carrier: service.carrier,
    kind: service.kind,
    direction: parcel.direction,
    from: parcel.direction === 'return' ? person : site,
    to: parcel.direction === 'return' ? site : person,
    relayPoint: relay ? { code: relay.code, name: relay.name } : null,
    weightG: parcel.weightG,
    sizeMm: [parcel.lengthMm, parcel.widthMm, parcel.heightMm],
    orderNumber: order?.number ?? 0,
    zone: parcel.zone,
    createdAt: parcel.createdAt,
  })
}

const MANIFEST_COLUMNS = [
  'service_code',
  'tracking_number',
  'order_number',
  'weight_g',
  'length_mm',
  'width_mm',
  'height_mm',
  'zone',
  'recipient',
  'address',
  'postcode',
  'city',
  'relay_point',
  'shipped_at',
  'cost_cents',
]

/**
 * The day's manifest of a location, as the carriers' drivers sign it: every parcel handed over that
 * Paris day, by service, as CSV (one row per parcel, the totals in the file name's day).
 */
export async function manifestCsv(q: Executor, actor: Actor, query: Static<typeof c.ManifestQuery>) {
  const location = await getLocation(q, query.location)
  if (actor.role === 'channel' || (actor.role === 'store_staff' && actor.locationId !== location.id)) {
    throw forbidden('The manifest is the shipping location’s (or head office’s).')
  }
  const service = query.service ? await serviceRow(q, query.service) : undefined
  const list = await shippedOn(q, location.id, query.date, service?.id)
  const relayIds = list.map((r) => r.parcel.relayPointId).filter((id): id is string => id !== null)
  const relays = relayIds.length
    ? await q.select().from(relayPoints).where(inArray(relayPoints.id, relayIds))
    : []
  const orderNumbers = new Map<string, number>()
  for (const { parcel } of list) {
    if (!orderNumbers.has(parcel.orderId)) {
      orderNumbers.set(parcel.orderId, (await findOrder(q, parcel.orderId))?.number ?? 0)
    }
  }
  const records = list.map(({ parcel, service: s }) => {
    const a = parcel.address as DeliveryAddress | null
    const relay = relays.find((r) => r.id === parcel.relayPointId)
    return [
      s.code,
      parcel.trackingNumber,
      orderNumbers.get(parcel.orderId),
      parcel.weightG,
      parcel.lengthMm,
      parcel.widthMm,
      parcel.heightMm,
      parcel.zone,
      a?.name ?? '',
      relay ? relay.line1 : (a?.line1 ?? ''),
      relay ? relay.postcode : (a?.postcode ?? ''),
      relay ? relay.city : (a?.city ?? ''),
      relay?.code ?? '',
      parcel.shippedAt?.toISOString() ?? '',
      parcel.costCents,
    ]
  })
  return {
    filename: `manifest-${location.code}-${query.date}${service ? `-${service.code}` : ''}.csv`,
    csv: stringify([MANIFEST_COLUMNS, ...records]),
    count: records.length,
  }
}
