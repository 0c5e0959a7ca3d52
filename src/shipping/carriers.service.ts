import { randomBytes } from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { and, asc, eq, or, sql } from 'drizzle-orm'
import { getChannel } from '../channels/index.ts'
import type { Executor, Tx } from '../db/database.ts'
import { locateAddress } from '../network/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { distanceKm } from '../shared/geo.domain.ts'
import { newId } from '../shared/ids.ts'
import { deliveryDate, type FeeRecord, quoteAll, type ServiceRecord } from './delivery.domain.ts'
import { forgetChannelOffers } from './offer-generation.ts'
import { assertCoverage, assertZones } from './rates.domain.ts'
import type * as c from './shipping.contract.ts'
import { conflict, notFound } from './shipping.errors.ts'
import { carrierServices, deliveryFees, relayPoints } from './shipping.schema.ts'

type ServiceInput = Static<typeof c.ServiceIn>
type ServiceRow = typeof carrierServices.$inferSelect

/** A rate table is checked before it is saved: zones distinct, every zone and weight covered. */
function assertServiceInput(input: ServiceInput) {
  assertZones(input.zones)
  assertCoverage('rates', input.zones, input.rates, input.max_weight_g)
}

export function serviceView(s: ServiceRow) {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    carrier: s.carrier,
    kind: s.kind,
    tracking_prefix: s.trackingPrefix,
    transit_days: s.transitDays,
    cutoff_hour: s.cutoffHour,
    max_weight_g: s.maxWeightG,
    max_size_mm: s.maxSizeMm,
    zones: s.zones,
    rates: s.rates,
    active: s.active,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  }
}

const columns = (input: ServiceInput) => ({
  code: input.code,
  name: input.name,
  carrier: input.carrier,
  kind: input.kind,
  trackingPrefix: input.tracking_prefix,
  transitDays: input.transit_days,
  cutoffHour: input.cutoff_hour,
  maxWeightG: input.max_weight_g,
  maxSizeMm: input.max_size_mm,
  zones: input.zones,
  rates: input.rates,
  active: input.active ?? true,
})

/** Creates a carrier service; its webhook secret is answered once. */
export async function createServiceIn(tx: Tx, input: ServiceInput) {
  assertServiceInput(input)
  const [exists] = await tx
    .select({ id: carrierServices.id })
    .from(carrierServices)
    .where(eq(carrierServices.code, input.code))
  if (exists) throw conflict('carrier_service_exists', `A carrier service has code ${input.code} already.`)
  const secret = `whsec_${randomBytes(24).toString('hex')}`
  const [row] = await tx
    .insert(carrierServices)
    .values({ id: newId('csv'), ...columns(input), webhookSecret: secret })
    .returning()
  return { ...serviceView(row!), webhook_secret: secret }
}

/** Replaces a service's terms (its rate table checked again); fees of channels must still cover its zones. */
export async function replaceServiceIn(tx: Tx, ref: string, input: ServiceInput) {
  assertServiceInput(input)
  const current = await serviceRow(tx, ref)
  const fees = await tx.select().from(deliveryFees).where(eq(deliveryFees.serviceId, current.id))
  for (const fee of fees) assertCoverage('rates', input.zones, fee.bands, input.max_weight_g)
  const [row] = await tx
    .update(carrierServices)
    .set({ ...columns(input), updatedAt: new Date() })
    .where(eq(carrierServices.id, current.id))
    .returning()
  // Orders of this process price with the new table at once; other servers' within 5 s.
  forgetChannelOffers()
  return serviceView(row!)
}

export async function serviceRow(q: Executor, ref: string): Promise<ServiceRow> {
  const [row] = await q
    .select()
    .from(carrierServices)
    .where(or(eq(carrierServices.id, ref), eq(carrierServices.code, ref)))
  if (!row) throw notFound('carrier_service', ref)
  return row
}

export const serviceRecord = (s: ServiceRow): ServiceRecord => ({
  id: s.id,
  code: s.code,
  name: s.name,
  carrier: s.carrier,
  kind: s.kind,
  trackingPrefix: s.trackingPrefix,
  transitDays: s.transitDays,
  cutoffHour: s.cutoffHour,
  maxWeightG: s.maxWeightG,
  maxSizeMm: s.maxSizeMm,
  zones: s.zones,
  rates: s.rates,
  active: s.active,
})

export async function listServices(q: Executor) {
  const list = await q.select().from(carrierServices).orderBy(asc(carrierServices.code))
  return { data: list.map(serviceView) }
}

type FeeInput = Static<typeof c.FeeIn>

/** Sets what a channel charges for a service; a table with a gap (zone or weight) is refused. */
export async function putFeeIn(tx: Tx, channelRef: string, serviceRef: string, input: FeeInput) {
  const channel = await getChannel(tx, channelRef)
  const service = await serviceRow(tx, serviceRef)
  assertCoverage('bands', service.zones, input.bands, service.maxWeightG)
  const values = {
    bands: input.bands,
    freeFromCents: input.free_from_cents,
    freeCodes: (input.free_codes ?? []).map((code) => code.trim().toUpperCase()),
    vatRateBp: input.vat_rate_bp,
  }
  await tx
    .insert(deliveryFees)
    .values({ id: newId('dfc'), channelId: channel.id, serviceId: service.id, ...values })
    .onConflictDoUpdate({
      target: [deliveryFees.channelId, deliveryFees.serviceId],
      set: { ...values, updatedAt: new Date() },
    })
  // Orders of this process price with the new table at once; other servers' within 5 s.
  forgetChannelOffers()
  return feeView(channel.id, service, { serviceId: service.id, ...values })
}

function feeView(channelId: string, service: ServiceRow, fee: FeeRecord) {
  return {
    channel_id: channelId,
    service_id: service.id,
    service_code: service.code,
    bands: fee.bands,
    free_from_cents: fee.freeFromCents,
    free_codes: fee.freeCodes,
    vat_rate_bp: fee.vatRateBp,
  }
}

export async function listFees(q: Executor, channelRef: string) {
  const channel = await getChannel(q, channelRef)
  const list = await q
    .select({ fee: deliveryFees, service: carrierServices })
    .from(deliveryFees)
    .innerJoin(carrierServices, eq(carrierServices.id, deliveryFees.serviceId))
    .where(eq(deliveryFees.channelId, channel.id))
    .orderBy(asc(carrierServices.code))
  return { data: list.map((r) => feeView(channel.id, r.service, r.fee)) }
}

/** The services a channel sells and their fees. */
export async function channelOffer(q: Executor, channelId: string) {
  const list = await q
    .select({ fee: deliveryFees, service: carrierServices })
    .from(deliveryFees)
    .innerJoin(carrierServices, eq(carrierServices.id, deliveryFees.serviceId))
    .where(eq(deliveryFees.channelId, channelId))
  return {
    services: list.map((r) => serviceRecord(r.service)),
    fees: new Map<string, FeeRecord>(list.map((r) => [r.service.id, r.fee])),
  }
}

type OptionsQuery = Static<typeof c.OptionsQuery>

/**
 * The delivery options a web shop shows at checkout: each service its channel sells to this
 * postcode for this weight, its fee (waived above the basket threshold or with a promotion's code),
 * and the day it is handed over and delivered.
 */
export async function deliveryOptions(q: Executor, actor: Actor, query: OptionsQuery) {
  const channelRef = actor.role === 'channel' ? actor.channelId! : query.channel
  if (!channelRef) throw invalidInput('channel', 'name the channel whose delivery options to quote')
  if (actor.role === 'channel' && query.channel && query.channel !== actor.channelId) {
    const asked = await getChannel(q, query.channel)
    if (asked.id !== actor.channelId) throw forbidden('A channel key quotes its own channel’s delivery.')
  }
  const channel = await getChannel(q, channelRef)
  const offer = await channelOffer(q, channel.id)
  const readyAt = query.ready_at ? new Date(query.ready_at) : new Date()
  const quotes = quoteAll(offer.services, offer.fees, {
    postcode: query.postcode,
    weightG: query.weight_g,
    basketCents: query.basket_cents,
    promotionCodes: (query.promotion_codes ?? '').split(',').filter((s) => s.trim() !== ''),
  })
  return {
    data: quotes.map((quote) => {
      const dates = deliveryDate(quote.service, readyAt)
      return {
        service_code: quote.service.code,
        name: quote.service.name,
        carrier: quote.service.carrier,
        kind: quote.service.kind,
        zone: quote.zone,
        fee_cents: quote.feeCents,
        vat_cents: quote.vatCents,
        vat_rate_bp: quote.vatRateBp,
        list_fee_cents: quote.listFeeCents,
        free_reason: quote.freeReason,
        handover_date: dates.handover,
        delivery_date: dates.delivery,
        relay_point_required: quote.service.kind === 'relay',
      }
    }),
  }
}

type RelayInput = Static<typeof c.RelayIn>
type RelayRow = typeof relayPoints.$inferSelect

function relayView(r: RelayRow, serviceCode: string, distance: number | null) {
  return {
    id: r.id,
    service_code: serviceCode,
    code: r.code,
    name: r.name,
    line1: r.line1,
    postcode: r.postcode,
    city: r.city,
    lat: r.lat,
    lon: r.lon,
    opening_hours: r.openingHours,
    distance_km: distance === null ? null : Math.round(distance * 10) / 10,
  }
}

/** Adds or updates a relay point of a relay service (by its carrier code). */
export async function putRelayPointIn(tx: Tx, serviceRef: string, input: RelayInput) {
  const service = await serviceRow(tx, serviceRef)
  if (service.kind !== 'relay') throw invalidInput('service', `${service.code} is not a relay service`)
  const values = {
    name: input.name,
    line1: input.line1,
    postcode: input.postcode,
    city: input.city,
    lat: input.lat,
    lon: input.lon,
    openingHours: input.opening_hours,
  }
  const [row] = await tx
    .insert(relayPoints)
    .values({ id: newId('rly'), serviceId: service.id, code: input.code, ...values })
    .onConflictDoUpdate({
      target: [relayPoints.serviceId, relayPoints.code],
      set: { ...values, updatedAt: new Date() },
    })
    .returning()
  return relayView(row!, service.code, null)
}

/**
 * The relay points a customer chooses from: nearest first to the point given, or to the centre of the
 * postcode's towns; with neither, the points of that postcode. Only active points.
 */
export async function listRelayPoints(q: Executor, query: Static<typeof c.RelayQuery>) {
  const service = await serviceRow(q, query.service)
  const limit = query.limit ?? 10
  const origin =
    query.lat !== undefined && query.lon !== undefined
      ? { lat: query.lat, lon: query.lon }
      : query.postcode
        ? locateAddress({ postcode: query.postcode })
        : null
  if (!origin) {
    throw invalidInput(
      'postcode',
      'give a postcode (5 digits, in France) or lat and lon to find relay points',
    )
  }
  // A box of ±0.6° (about 50 km) narrows the candidates by index-free arithmetic; distance sorts them.
  const candidates = await q
    .select()
    .from(relayPoints)
    .where(
      and(
        eq(relayPoints.serviceId, service.id),
        eq(relayPoints.active, true),
        sql`abs(${relayPoints.lat} - ${origin.lat}) < 0.6 AND abs(${relayPoints.lon} - ${origin.lon}) < 0.9`,
      ),
    )
  const near = candidates
    .map((r) => ({ r, d: distanceKm(origin, r) }))
    .sort((a, b) => a.d - b.d || a.r.code.localeCompare(b.r.code))
    .slice(0, limit)
  return { data: near.map(({ r, d }) => relayView(r, service.code, d)) }
}

export async function relayPointOf(q: Executor, serviceId: string, ref: string): Promise<RelayRow> {
  const [row] = await q
    .select()
    .from(relayPoints)
    .where(and(eq(relayPoints.serviceId, serviceId), or(eq(relayPoints.id, ref), eq(relayPoints.code, ref))))
  if (!row?.active) throw notFound('relay_point', ref)
  return row
}
