import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { cachedChannel } from '../channels/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { cachedLocations, forgetCachedLocations, locateAddress } from '../network/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { type SkuStock, summariseAvailability } from './availability.domain.ts'
import { AVAILABILITY_LOCATIONS_DEFAULT, type AvailabilityQuery } from './inventory.contract.ts'
import * as stock from './stock.store.ts'

/** Store staff manage the stock of their own store only. */
export function assertMayManageStock(actor: Actor, locationId: string) {
  if (actor.role === 'admin') return
  if (actor.role === 'store_staff' && actor.locationId === locationId) return
  throw forbidden(`A ${actor.role} key may not change the stock of ${locationId}.`)
}

export async function assertKnown(
  q: Executor,
  locationId: string,
  field: string,
  skus: Array<{ sku: string; field: string }>,
) {
  const [location] = await rows<{ id: string }>(q, sql`SELECT id FROM location WHERE id = ${locationId}`)
  if (!location) throw invalidInput(field, `no location ${locationId}`)
  const known = await rows<{ sku: string }>(
    q,
    sql`SELECT sku FROM variant WHERE sku IN (SELECT jsonb_array_elements_text(${JSON.stringify(skus.map((s) => s.sku))}::jsonb))`,
  )
  const set = new Set(known.map((k) => k.sku))
  const unknown = skus.find((s) => !set.has(s.sku))
  if (unknown) throw invalidInput(unknown.field, `no variant with SKU ${unknown.sku}`)
}

export async function receiveGoods(
  tx: Tx,
  actor: Actor,
  input: { location_id: string; lines: Array<{ sku: string; quantity: number }>; reference?: string },
) {
  assertMayManageStock(actor, input.location_id)
  await assertKnown(
    tx,
    input.location_id,
    'location_id',
    input.lines.map((l, i) => ({ sku: l.sku, field: `lines/${i}/sku` })),
  )
  const reference = input.reference ?? newId('trf')
  const levels = await stock.receive(tx, input.location_id, input.lines, reference, actor.keyId)
  return { reference, levels }
}

export async function adjustStock(
  tx: Tx,
  actor: Actor,
  input: { location_id: string; sku: string; delta?: number; counted_quantity?: number; reason: string },
) {
  assertMayManageStock(actor, input.location_id)
  if ((input.delta === undefined) === (input.counted_quantity === undefined)) {
    throw invalidInput(
      'delta',
      'give either delta (a correction) or counted_quantity (a stock count), not both',
    )
  }
  if (input.delta === 0) throw invalidInput('delta', 'must not be 0')
  await assertKnown(tx, input.location_id, 'location_id', [{ sku: input.sku, field: 'sku' }])
  return stock.adjust(tx, {
    locationId: input.location_id,
    sku: input.sku,
    delta: input.delta,
    counted: input.counted_quantity,
    reason: input.reason,
    actor: actor.keyId,
  })
}

export async function transferStock(
  tx: Tx,
  actor: Actor,
  input: {
    from_location_id: string
    to_location_id: string
    lines: Array<{ sku: string; quantity: number }>
  },
) {
  assertMayManageStock(actor, input.from_location_id)
  if (input.from_location_id === input.to_location_id) {
    throw invalidInput('to_location_id', 'must differ from from_location_id')
  }
  const skus = input.lines.map((l, i) => ({ sku: l.sku, field: `lines/${i}/sku` }))
  await assertKnown(tx, input.from_location_id, 'from_location_id', skus)
  await assertKnown(tx, input.to_location_id, 'to_location_id', [])
  const reference = newId('trf')
  await stock.transfer(tx, {
    fromId: input.from_location_id,
    toId: input.to_location_id,
    lines: input.lines,
    reference,
    actor: actor.keyId,
  })
  return { reference }
}

export const updateSafetyStock = inTransaction(updateSafetyStockIn)

async function updateSafetyStockIn(
  tx: Tx,
  actor: Actor,
  input: { location_id: string; sku: string; safety_stock: number },
) {
  assertMayManageStock(actor, input.location_id)
  await assertKnown(tx, input.location_id, 'location_id', [{ sku: input.sku, field: 'sku' }])
  return stock.setSafetyStock(tx, input.location_id, input.sku, input.safety_stock)
}

export async function availability(
  q: Executor,
  input: {
    channelId: string
    channelModes: string[]
    skus: string[]
    locationId?: string
    position?: { lat: number; lon: number }
    maxLocations?: number
  },
) {
  const [found, cached] = await Promise.all([
    stock.stockForAvailability(q, input.skus, input.channelId),
    cachedLocations(q),
  ])
  // A store opened a moment ago holds stock but is not in the cache yet: read the locations again
  // rather than leave it out.
  const locations = found.some((row) => row.location_ids?.some((id) => !cached.has(id)))
    ? await freshLocations(q)
    : cached
  const catalog = new Map<string, SkuStock>()
  for (const row of found) {
    catalog.set(row.sku, {
      listed: row.listed,
      locationIds: row.location_ids ?? [],
      quantities: row.quantities ?? [],
    })
  }
  return summariseAvailability(input.skus, catalog, locations, input)
}

/**
 * Availability asked through the API, for a channel (id or code) and comma-separated SKUs (1 to 200).
 * Each SKU lists the first `max_locations` (5 unless asked, every one with `locations=all`) of the
 * locations holding it: a shop shows the few nearest stores, and 50 SKUs over 200 stores listed in full
 * make an answer of about a megabyte. Nearest first from lat/lon, a French postcode or a location
 * (`near`, already an id); a channel key asks for its own channel only.
 */
export async function channelAvailability(
  q: Executor,
  actor: Actor,
  query: Static<typeof AvailabilityQuery>,
) {
  const skus = [
    ...new Set(
      query.skus
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
  if (skus.length === 0 || skus.length > 200) throw invalidInput('querystring/skus', 'give 1 to 200 SKUs')
  if ((query.lat === undefined) !== (query.lon === undefined)) {
    throw invalidInput(
      query.lat === undefined ? 'querystring/lat' : 'querystring/lon',
      'give both lat and lon',
    )
  }
  const origins = [query.lat !== undefined, query.postcode !== undefined, query.near !== undefined]
  if (origins.filter(Boolean).length > 1) {
    throw invalidInput('querystring/near', 'give one of lat/lon, postcode or near, not several')
  }
  const channel = await cachedChannel(q, query.channel)
  if (actor.role === 'channel' && actor.channelId !== channel.id) {
    throw forbidden('A channel key only sees the availability of its own channel.')
  }
  const items = await availability(q, {
    channelId: channel.id,
    channelModes: channel.fulfilmentModes,
    skus,
    locationId: query.location,
    position: await originOf(q, query),
    maxLocations:
      query.locations === 'all' ? undefined : (query.max_locations ?? AVAILABILITY_LOCATIONS_DEFAULT),
  })
  return { channelCode: channel.code, items }
}

/** Where "nearest" is measured from: coordinates, a postcode's centre, or a location; none: no distances. */
async function originOf(q: Executor, query: Static<typeof AvailabilityQuery>) {
  if (query.lat !== undefined && query.lon !== undefined) return { lat: query.lat, lon: query.lon }
  if (query.postcode !== undefined) {
    const at = locateAddress({ postcode: query.postcode })
    if (!at) throw invalidInput('querystring/postcode', `no French postcode or department ${query.postcode}`)
    return { lat: at.lat, lon: at.lon }
  }
  if (query.near !== undefined) {
    const loc = (await cachedLocations(q)).get(query.near) ?? (await freshLocations(q)).get(query.near)
    if (!loc) throw invalidInput('querystring/near', `no location ${query.near}`)
    return { lat: loc.lat, lon: loc.lon }
  }
  return undefined
}

function freshLocations(q: Executor) {
  forgetCachedLocations(q)
  return cachedLocations(q)
}
