import type { Static } from '@fastify/type-provider-typebox'
import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm'
import { unitWeights } from '../catalog/index.ts'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { byApiKey, parcelEvents, recordEvents } from '../events/index.ts'
import type { DeliveryAddress } from '../network/index.ts'
import { advanceTask, findOrder, findTask, type TaskRow } from '../orders/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { relayPointOf, serviceRow } from './carriers.service.ts'
import { bandFor, lengthPlusGirthMm, zoneOf } from './rates.domain.ts'
import type * as c from './shipping.contract.ts'
import { conflict, notFound, refused } from './shipping.errors.ts'
import { carrierServices, parcelLines, parcels, trackingEvents } from './shipping.schema.ts'
import { trackingNumber } from './tracking.domain.ts'

type ParcelRow = typeof parcels.$inferSelect
type ServiceRow = typeof carrierServices.$inferSelect

/** Where a customer follows a parcel: the brand's tracking page, by tracking number. */
export const trackingUrl = (tracking: string) =>
  `${process.env.PASSERELLE_TRACKING_URL ?? '/suivi/'}${encodeURIComponent(tracking)}`

function assertPacker(actor: Actor, locationId: string) {
  if (actor.role === 'admin') return
  if (actor.role === 'store_staff' && actor.locationId === locationId) return
  throw forbidden(`A ${actor.role} key may not pack or ship the parcels of ${locationId}.`)
}

/** Units of each order line a task still has to send: what it holds, less what was rejected. */
const toSend = (task: TaskRow) =>
  new Map(task.lines.map((l) => [l.order_line_id, { sku: l.sku, left: l.quantity - l.rejected_quantity }]))

/** What the carrier charges for a parcel of this weight and size to this postcode, or why it cannot go. */
function priceParcel(service: ServiceRow, postcode: string, size: Static<typeof c.ReturnParcelIn>) {
  const zone = zoneOf(service.zones, postcode)
  const why = !service.active
    ? `${service.code} is inactive`
    : !zone
      ? `${service.code} does not serve postcode ${postcode}`
      : size.weight_g > service.maxWeightG
        ? `${service.code} carries up to ${service.maxWeightG} g, the parcel weighs ${size.weight_g} g`
        : lengthPlusGirthMm(size) > service.maxSizeMm
          ? `${service.code} takes parcels up to ${service.maxSizeMm} mm length plus girth`
          : null
  if (why || !zone) throw refused('service_not_available', `${why}: choose another service.`)
  const band = bandFor(service.rates, zone.code, size.weight_g)!
  return { zone: zone.code, costCents: band.cost_cents }
}

async function nextTrackingNumber(tx: Tx, prefix: string): Promise<string> {
  const [row] = await rows<{ n: string }>(tx, sql`SELECT nextval('tracking_serial_seq')::text AS n`)
  return trackingNumber(prefix, Number(row!.n))
}

/**
 * Packs goods of a ship task into a parcel and labels it: the service must serve the customer's
 * postcode (or relay point) for its weight and size; the lines are the task's, never more units than
 * it has left to pack. Once the task's parcels hold all its units, the task is packed.
 */
export async function createParcelIn(tx: Tx, actor: Actor, input: Static<typeof c.ParcelIn>) {
  const task = await findTask(tx, input.task_id, true)
  if (!task || (actor.role === 'store_staff' && task.location_id !== actor.locationId)) {
    throw notFound('task', input.task_id)
  }
  assertPacker(actor, task.location_id)
  if (task.kind !== 'ship')
    throw invalidInput('task_id', `task ${task.id} hands goods over in store: no parcel`)
  if (!['allocated', 'picking', 'packed'].includes(task.status)) {
    throw conflict('parcel_already_shipped', `Task ${task.id} is ${task.status}: it takes no more parcels.`)
  }
  const order = (await findOrder(tx, task.order_id))!
  const service = await serviceRow(tx, input.service)
  let relayPointId: string | null = null
  let postcode = (order.delivery_address as DeliveryAddress | null)?.postcode
  if (service.kind === 'relay') {
    // The relay point the customer chose at checkout, unless the packer names another.
    const chosen = (order.routing as { delivery?: { relay_point_id: string | null } } | null)?.delivery
    const pointRef = input.relay_point_id ?? chosen?.relay_point_id ?? undefined
    if (!pointRef) {
      throw refused('relay_point_required', `${service.code} delivers to relay points: give relay_point_id.`)
    }
    const point = await relayPointOf(tx, service.id, pointRef)
    relayPointId = point.id
    postcode = point.postcode
  }
  if (!postcode) throw invalidInput('task_id', `order ${order.number} has no delivery address`)

  const left = toSend(task)
  const packed = await packedUnits(tx, task.id)
  input.lines.forEach((line, i) => {
    const room = left.get(line.order_line_id)
    const already = packed.get(line.order_line_id) ?? 0
    if (!room || line.quantity > room.left - already) {
      throw refused(
        'parcel_lines_invalid',
        room
          ? `lines/${i}/quantity: ${room.left - already} unit(s) of this line are left to pack.`
          : `lines/${i}/order_line_id: not a line of task ${task.id}.`,
        { field: `lines/${i}` },
      )
    }
  })
  const merged = new Map<string, number>()
  for (const l of input.lines) merged.set(l.order_line_id, (merged.get(l.order_line_id) ?? 0) + l.quantity)
  const weightG = input.weight_g ?? (await catalogueWeight(tx, input.lines, left))
  const price = priceParcel(service, postcode, { ...input, weight_g: weightG })

  const id = newId('pcl')
  const tracking = await nextTrackingNumber(tx, service.trackingPrefix)
  await tx.insert(parcels).values({
    id,
    trackingNumber: tracking,
    serviceId: service.id,
    direction: 'outbound',
    status: 'packed',
    orderId: order.id,
    taskId: task.id,
    locationId: task.location_id,
    relayPointId,
    address: order.delivery_address as DeliveryAddress | null,
    zone: price.zone,
    weightG,
    lengthMm: input.length_mm,
    widthMm: input.width_mm,
    heightMm: input.height_mm,
    costCents: price.costCents,
    createdBy: actor.keyId,
  })
  await tx.insert(parcelLines).values(
    [...merged].map(([orderLineId, quantity]) => ({
      parcelId: id,
      orderLineId,
      sku: left.get(orderLineId)!.sku,
      quantity,
    })),
  )
  await recordEvents(tx, [
    labelledEvent(
      id,
      tracking,
      service.code,
      order.id,
      null,
      task.location_id,
      weightG,
      price.costCents,
      actor,
    ),
  ])
  for (const [lineId, n] of merged) packed.set(lineId, (packed.get(lineId) ?? 0) + n)
  const complete = [...left].every(([lineId, l]) => (packed.get(lineId) ?? 0) >= l.left)
  if (complete) {
    // Packing the last parcel packs the task: the steps it skipped are taken now, by the packer.
    let status: string = task.status
    if (status === 'allocated') status = (await advanceTask(tx, actor, task.id, 'picking', [])).status
    if (status === 'picking') await advanceTask(tx, actor, task.id, 'packed', [])
  }
  return getParcel(tx, actor, id)
}

/**
 * A parcel not weighed at the packing bench weighs its units at the catalogue's weights (packaging
 * included there); refused, naming the SKU, when one has no weight in the catalogue.
 */
async function catalogueWeight(
  tx: Tx,
  lines: ReadonlyArray<{ order_line_id: string; quantity: number }>,
  left: ReturnType<typeof toSend>,
): Promise<number> {
  const skus = lines.map((l) => left.get(l.order_line_id)!.sku)
  const weights = await unitWeights(tx, skus)
  let grams = 0
  for (const [i, l] of lines.entries()) {
    const unit = weights.get(skus[i]!)
    if (unit === undefined) {
      throw invalidInput(
        'weight_g',
        `is required: SKU ${skus[i]} has no weight in the catalogue; weigh the parcel or set the variant's weight_g`,
      )
    }
    grams += unit * l.quantity
  }
  return grams
}

function labelledEvent(
  id: string,
  tracking: string,
  serviceCode: string,
  orderId: string,
  returnId: string | null,
  locationId: string,
  weightG: number,
  costCents: number,
  actor: Actor,
) {
  return parcelEvents.event('parcel.labelled', {
    aggregateId: id,
    actor: byApiKey(actor.keyId),
    payload: {
      parcel_id: id,
      tracking_number: tracking,
      direction: returnId ? 'return' : 'outbound',
      service_code: serviceCode,
      order_id: orderId,
      return_id: returnId,
      location_id: locationId,
      weight_g: weightG,
      cost_cents: costCents,
    },
  })
}

async function packedUnits(q: Executor, taskId: string): Promise<Map<string, number>> {
  const list = await q
    .select({
      orderLineId: parcelLines.orderLineId,
      quantity: sql<number>`sum(${parcelLines.quantity})::int`,
    })
    .from(parcelLines)
    .innerJoin(parcels, eq(parcels.id, parcelLines.parcelId))
    .where(eq(parcels.taskId, taskId))
    .groupBy(parcelLines.orderLineId)
  return new Map(list.map((r) => [r.orderLineId, Number(r.quantity)]))
}

/**
 * A return label: a parcel from the customer to the location receiving the return, paid by the
 * brand, with its tracking number. Called by the returns capability inside its own transaction.
 */
export async function createReturnParcelIn(
  tx: Tx,
  actor: Actor,
  input: {
    orderId: string
    returnId: string
    locationId: string
    address: DeliveryAddress
  } & Static<typeof c.ReturnParcelIn>,
) {
  const service = await serviceRow(tx, input.service)
  // A relay network takes returns at any of its points: the label is priced to the customer's zone.
  const price = priceParcel(service, input.address.postcode, input)
  const id = newId('pcl')
  const tracking = await nextTrackingNumber(tx, service.trackingPrefix)
  await tx.insert(parcels).values({
    id,
    trackingNumber: tracking,
    serviceId: service.id,
    direction: 'return',
    status: 'packed',
    orderId: input.orderId,
    returnId: input.returnId,
    locationId: input.locationId,
    address: input.address,
    zone: price.zone,
    weightG: input.weight_g,
    lengthMm: input.length_mm,
    widthMm: input.width_mm,
    heightMm: input.height_mm,
    costCents: price.costCents,
    createdBy: actor.keyId,
  })
  await recordEvents(tx, [
    labelledEvent(
      id,
      tracking,
      service.code,
      input.orderId,
      input.returnId,
      input.locationId,
      input.weight_g,
      price.costCents,
      actor,
    ),
  ])
  return getParcel(tx, { ...actor, role: 'admin' }, id)
}

async function loadParcel(q: Executor, actor: Actor, ref: string, lock = false) {
  const [row] = await q
    .select({ parcel: parcels, service: carrierServices })
    .from(parcels)
    .innerJoin(carrierServices, eq(carrierServices.id, parcels.serviceId))
    .where(or(eq(parcels.id, ref), eq(parcels.trackingNumber, ref)))
  if (!row) throw notFound('parcel', ref)
  if (lock) {
    // Shipping the same parcel twice at once: the second waits here, then finds it shipped.
    await q.execute(sql`SELECT 1 FROM parcel WHERE id = ${row.parcel.id} FOR UPDATE`)
    const [fresh] = await q.select().from(parcels).where(eq(parcels.id, row.parcel.id))
    row.parcel = fresh!
  }
  if (actor.role === 'channel') {
    // A web shop sees its own customers' parcels, never another channel's.
    const order = await findOrder(q, row.parcel.orderId)
    if (order?.channel_id !== actor.channelId) throw notFound('parcel', ref)
  }
  return row
}

function parcelView(
  p: ParcelRow,
  s: ServiceRow,
  lines: Array<{ orderLineId: string; sku: string; quantity: number }>,
  events: Array<typeof trackingEvents.$inferSelect>,
  actor: Actor,
) {
  return {
    id: p.id,
    tracking_number: p.trackingNumber,
    tracking_url: trackingUrl(p.trackingNumber),
    direction: p.direction,
    status: p.status,
    service_code: s.code,
    service_name: s.name,
    carrier: s.carrier,
    order_id: p.orderId,
    task_id: p.taskId,
    return_id: p.returnId,
    location_id: p.locationId,
    relay_point_id: p.relayPointId,
    zone: p.zone,
    weight_g: p.weightG,
    length_mm: p.lengthMm,
    width_mm: p.widthMm,
    height_mm: p.heightMm,
    cost_cents: actor.role === 'channel' ? 0 : p.costCents,
    lines: lines.map((l) => ({ order_line_id: l.orderLineId, sku: l.sku, quantity: l.quantity })),
    tracking: events.map((e) => ({
      status: e.status,
      description: e.description,
      place: e.place,
      occurred_at: e.occurredAt.toISOString(),
      source: e.source,
    })),
    shipped_at: p.shippedAt?.toISOString() ?? null,
    delivered_at: p.deliveredAt?.toISOString() ?? null,
    created_at: p.createdAt.toISOString(),
  }
}

export async function getParcel(q: Executor, actor: Actor, ref: string) {
  const { parcel, service } = await loadParcel(q, actor, ref)
  const [views] = await viewsOf(q, actor, [{ parcel, service }])
  return views!
}

async function viewsOf(q: Executor, actor: Actor, list: Array<{ parcel: ParcelRow; service: ServiceRow }>) {
  if (list.length === 0) return []
  const ids = list.map((r) => r.parcel.id)
  const lines = await q.select().from(parcelLines).where(inArray(parcelLines.parcelId, ids))
  const events = await q
    .select()
    .from(trackingEvents)
    .where(inArray(trackingEvents.parcelId, ids))
    .orderBy(asc(trackingEvents.occurredAt), asc(trackingEvents.id))
  return list.map(({ parcel, service }) =>
    parcelView(
      parcel,
      service,
      lines.filter((l) => l.parcelId === parcel.id),
      events.filter((e) => e.parcelId === parcel.id),
      actor,
    ),
  )
}

/** Parcels of an order or a task, newest first. A channel key names one of its orders. */
export async function listParcels(
  q: Executor,
  actor: Actor,
  filter: { order_id?: string; task_id?: string },
  limit: number,
  cursor?: string,
) {
  if (actor.role === 'channel') {
    if (!filter.order_id)
      throw invalidInput('order_id', 'a channel key lists the parcels of one of its orders')
    const order = await findOrder(q, filter.order_id)
    if (order?.channel_id !== actor.channelId) return []
  }
  const list = await q
    .select({ parcel: parcels, service: carrierServices })
    .from(parcels)
    .innerJoin(carrierServices, eq(carrierServices.id, parcels.serviceId))
    .where(
      and(
        filter.order_id ? eq(parcels.orderId, filter.order_id) : undefined,
        filter.task_id ? eq(parcels.taskId, filter.task_id) : undefined,
        actor.role === 'store_staff' ? eq(parcels.locationId, actor.locationId!) : undefined,
        cursor ? lt(parcels.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(parcels.id))
    .limit(limit + 1)
  return viewsOf(q, actor, list)
}

/**
 * Hands a parcel over to its carrier. When every parcel of its task has left, the task ships: its
 * lines are fulfilled, and the order's `order.line_fulfilled` events name the carrier and the
 * tracking numbers (the customer's "shipped" message says them).
 */
export async function shipParcelIn(tx: Tx, actor: Actor, ref: string) {
  const { parcel, service } = await loadParcel(tx, actor, ref, true)
  assertPacker(actor, parcel.locationId)
  if (parcel.direction !== 'outbound') {
    throw refused('parcel_not_shippable', 'A return parcel is handed to the carrier by the customer.')
  }
  if (parcel.status !== 'packed') {
    throw conflict('parcel_already_shipped', `Parcel ${parcel.trackingNumber} is ${parcel.status} already.`)
  }
  const task = parcel.taskId ? await findTask(tx, parcel.taskId, true) : undefined
  if (!task || !['picking', 'packed'].includes(task.status)) {
    throw refused(
      'parcel_not_shippable',
      `Task ${parcel.taskId} is ${task?.status ?? 'gone'}: pack its goods before the parcel leaves.`,
    )
  }
  await tx
    .update(parcels)
    .set({ status: 'shipped', shippedAt: new Date(), updatedAt: new Date() })
    .where(eq(parcels.id, parcel.id))
  await recordEvents(tx, [
    parcelEvents.event('parcel.shipped', {
      aggregateId: parcel.id,
      actor: byApiKey(actor.keyId),
      payload: {
        parcel_id: parcel.id,
        tracking_number: parcel.trackingNumber,
        service_code: service.code,
        order_id: parcel.orderId,
        location_id: parcel.locationId,
      },
    }),
  ])
  const ofTask = await tx
    .select({ status: parcels.status, tracking: parcels.trackingNumber })
    .from(parcels)
    .where(eq(parcels.taskId, task.id))
    .orderBy(asc(parcels.id))
  const packed = await packedUnits(tx, task.id)
  const complete = [...toSend(task)].every(([lineId, l]) => (packed.get(lineId) ?? 0) >= l.left)
  if (task.status === 'packed' && complete && ofTask.every((p) => p.status !== 'packed')) {
    await advanceTask(tx, actor, task.id, 'shipped', [], undefined, {
      carrier: service.name,
      tracking_numbers: ofTask.map((p) => p.tracking),
    })
  }
  return getParcel(tx, actor, parcel.id)
}

/** The parcels a location handed over on a Paris day, for the carriers' manifest. */
export async function shippedOn(q: Executor, locationId: string, day: string, serviceId?: string) {
  return q
    .select({ parcel: parcels, service: carrierServices })
    .from(parcels)
    .innerJoin(carrierServices, eq(carrierServices.id, parcels.serviceId))
    .where(
      and(
        eq(parcels.locationId, locationId),
        eq(parcels.direction, 'outbound'),
        sql`(${parcels.shippedAt} AT TIME ZONE 'Europe/Paris')::date = ${day}::date`,
        serviceId ? eq(parcels.serviceId, serviceId) : undefined,
      ),
    )
    .orderBy(asc(carrierServices.code), asc(parcels.trackingNumber))
}
