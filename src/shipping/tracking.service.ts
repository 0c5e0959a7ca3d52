import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { parse } from 'csv-parse/sync'
import { and, eq, sql } from 'drizzle-orm'
import { Compile } from 'typebox/compile'
import type { Db, Tx } from '../db/database.ts'
import { byJob, parcelEvents, recordEvents } from '../events/index.ts'
import { advanceTask, findTask } from '../orders/index.ts'
import type { Actor } from '../shared/actor.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { serviceRow } from './carriers.service.ts'
import * as c from './shipping.contract.ts'
import { fail } from './shipping.errors.ts'
import { parcels, trackingEvents } from './shipping.schema.ts'
import { carrierStatuses, type ParcelStatus, statusAfter } from './tracking.domain.ts'

type CarrierEvent = Static<typeof c.WebhookIn>['events'][number]
type Outcome = Static<typeof c.TrackingOutcome>

/** The carrier's delivery reports act on the order as this actor (never a person's key). */
const carrierActor: Actor = {
  keyId: 'system',
  name: 'carrier tracking',
  role: 'admin',
  locationId: null,
  channelId: null,
}

/**
 * Records one carrier event on its parcel, once (the carrier's event id is unique per parcel):
 * the parcel keeps the furthest status reached, and `parcel.tracking_updated` tells it. When every
 * parcel of a ship task is delivered, the task is delivered (and the order completes once paid).
 * Answers whether the event was new.
 */
async function recordCarrierEvent(
  tx: Tx,
  serviceId: string,
  event: CarrierEvent,
  source: 'webhook' | 'import',
): Promise<boolean> {
  const [parcel] = await tx
    .select()
    .from(parcels)
    .where(and(eq(parcels.trackingNumber, event.tracking_number), eq(parcels.serviceId, serviceId)))
    .for('update')
  if (!parcel) {
    throw fail(
      'tracking_number_unknown',
      `No parcel of this service has tracking number ${event.tracking_number}.`,
    )
  }
  const occurredAt = new Date(event.occurred_at)
  const inserted = await tx
    .insert(trackingEvents)
    .values({
      parcelId: parcel.id,
      externalId: event.event_id,
      status: event.status,
      description: event.description,
      place: event.place ?? null,
      occurredAt,
      source,
    })
    .onConflictDoNothing()
    .returning({ id: trackingEvents.id })
  if (inserted.length === 0) return false
  const status = statusAfter(parcel.status, event.status)
  await tx
    .update(parcels)
    .set({
      status,
      shippedAt: parcel.shippedAt ?? (status !== 'packed' ? occurredAt : null),
      deliveredAt: status === 'delivered' && !parcel.deliveredAt ? occurredAt : parcel.deliveredAt,
      updatedAt: new Date(),
    })
    .where(eq(parcels.id, parcel.id))
  await recordEvents(tx, [
    parcelEvents.event('parcel.tracking_updated', {
      aggregateId: parcel.id,
      actor: byJob(`carrier.${source}`),
      payload: {
        parcel_id: parcel.id,
        tracking_number: parcel.trackingNumber,
        order_id: parcel.orderId,
        status: event.status,
        parcel_status: status,
        occurred_at: occurredAt.toISOString(),
      },
    }),
  ])
  if (status === 'delivered' && parcel.status !== 'delivered' && parcel.taskId) {
    await deliverTaskWhenAllDelivered(tx, parcel.taskId)
  }
  return true
}

async function deliverTaskWhenAllDelivered(tx: Tx, taskId: string) {
  const task = await findTask(tx, taskId, true)
  if (task?.status !== 'shipped') return
  const [open] = await tx
    .select({ id: parcels.id })
    .from(parcels)
    .where(and(eq(parcels.taskId, taskId), sql`${parcels.status} <> 'delivered'`))
    .limit(1)
  if (!open) await advanceTask(tx, carrierActor, taskId, 'delivered', [])
}

/** Each event in its own savepoint: one unknown parcel does not refuse the others. */
async function recordAll(
  db: Db,
  serviceId: string,
  events: CarrierEvent[],
  source: 'webhook' | 'import',
  errors: Outcome['errors'] = [],
  rowOf: (i: number) => number = (i) => i + 1,
): Promise<Outcome> {
  let recorded = 0
  let duplicates = 0
  // Oldest first, so a task is delivered by its last parcel's event whatever order the carrier sent.
  const order = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.occurred_at.localeCompare(b.e.occurred_at))
  await db.transaction(async (tx) => {
    for (const { e, i } of order) {
      try {
        const isNew = await tx.transaction((sp) => recordCarrierEvent(sp, serviceId, e, source))
        if (isNew) recorded++
        else duplicates++
      } catch (err) {
        if (!(err instanceof AppError)) throw err
        errors.push({ row: rowOf(i), code: err.code, message: err.message })
      }
    }
  })
  return { recorded, duplicates, errors: errors.sort((a, b) => a.row - b.row) }
}

const SIGNATURE_TOLERANCE_S = 300

/**
 * Checks `X-Carrier-Signature: t=<unix seconds>,v1=<hex>` where v1 is HMAC-SHA256, keyed with the
 * service's webhook secret, of `<t>.<the body as received>`; older or newer than 5 minutes is refused
 * (a replayed request).
 */
export function verifyCarrierSignature(
  secret: string,
  header: string | undefined,
  body: string,
  now = Date.now(),
) {
  const parts = new Map((header ?? '').split(',').map((kv) => kv.trim().split('=', 2) as [string, string]))
  const t = Number(parts.get('t'))
  const v1 = parts.get('v1') ?? ''
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')
  const fresh = Number.isFinite(t) && Math.abs(now / 1000 - t) <= SIGNATURE_TOLERANCE_S
  const same =
    v1.length === expected.length && timingSafeEqual(Buffer.from(v1, 'utf8'), Buffer.from(expected, 'utf8'))
  if (!fresh || !same) {
    throw fail('webhook_signature_invalid', 'X-Carrier-Signature is missing, wrong or older than 5 minutes.')
  }
}

/** Signs a body as a carrier does (used by the carrier simulator and tests). */
export function carrierSignature(secret: string, body: string, at = Date.now()): string {
  const t = Math.floor(at / 1000)
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`
}

const webhookBody = Compile(c.WebhookIn)

/** A carrier's tracking webhook: signed, validated, each event recorded once. */
export async function receiveCarrierWebhook(
  db: Db,
  serviceRef: string,
  body: string,
  signature: string | undefined,
): Promise<Outcome> {
  const service = await serviceRow(db, serviceRef)
  verifyCarrierSignature(service.webhookSecret, signature, body)
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    throw invalidInput('body', 'is not JSON')
  }
  if (!webhookBody.Check(parsed)) {
    const [first] = webhookBody.Errors(parsed)
    throw invalidInput(first?.instancePath?.slice(1) || 'body', first?.message ?? 'does not match the schema')
  }
  return recordAll(db, service.id, (parsed as Static<typeof c.WebhookIn>).events, 'webhook')
}

const COLUMNS = ['event_id', 'tracking_number', 'status', 'description', 'place', 'occurred_at'] as const

/** A carrier's tracking file: rows with errors are listed by number, the others recorded. */
export async function importTracking(db: Db, serviceRef: string, csv: string): Promise<Outcome> {
  const service = await serviceRow(db, serviceRef)
  let records: Record<string, string>[]
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true })
  } catch (err) {
    throw invalidInput('csv', `cannot be read as CSV (${(err as Error).message.split('\n')[0]})`)
  }
  const header = Object.keys(records[0] ?? {})
  const missing = COLUMNS.filter((col) => col !== 'place' && !header.includes(col))
  if (records.length === 0 || missing.length > 0) {
    throw invalidInput(
      'csv',
      `the header row must name ${COLUMNS.join(',')}${missing.length ? `; missing ${missing.join(', ')}` : ''}`,
    )
  }
  const errors: Outcome['errors'] = []
  const events: CarrierEvent[] = []
  const rowOf: number[] = []
  records.forEach((r, i) => {
    const problem = rowProblem(r)
    if (problem) errors.push({ row: i + 1, code: 'invalid_input', message: problem })
    else {
      events.push({
        event_id: r.event_id!,
        tracking_number: r.tracking_number!,
        status: r.status as CarrierEvent['status'],
        description: r.description!,
        ...(r.place ? { place: r.place } : {}),
        occurred_at: new Date(r.occurred_at!).toISOString(),
      })
      rowOf.push(i + 1)
    }
  })
  return recordAll(db, service.id, events, 'import', errors, (i) => rowOf[i]!)
}

function rowProblem(r: Record<string, string>): string | null {
  if (!r.event_id) return 'event_id: is empty'
  if (!/^[A-Z]{2}[0-9]{9}[A-Z]{2}$/.test(r.tracking_number ?? ''))
    return 'tracking_number: is not a tracking number'
  if (!(carrierStatuses as readonly string[]).includes(r.status ?? '')) {
    return `status: must be one of ${carrierStatuses.join(', ')}`
  }
  if (!r.description) return 'description: is empty'
  if (!r.occurred_at || Number.isNaN(Date.parse(r.occurred_at))) return 'occurred_at: is not a date and time'
  return null
}

export type { ParcelStatus }
