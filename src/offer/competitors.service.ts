import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { knownSkus } from '../catalog/index.ts'
import { type Db, type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { type Observation, readObservations } from './competitor-csv.domain.ts'
import type { RecordObservationsBody } from './offer.contract.ts'
import { channelRefs, offerId } from './offer.store.ts'

const CHUNK = 5000

/** Where an observation came from, to name it in an error: `observations/3` or `row 4`. */
export type Locate = (index: number, column: string) => { field: string; details: Record<string, unknown> }

/**
 * Records competitor observations all or nothing: every SKU and channel (id or code) must exist; the
 * first that does not is named by `locate`. Written 5,000 rows per statement (one JSON parameter each),
 * reporting progress after each, so a file of hundreds of thousands of rows stays one transaction.
 */
export const recordObservations = inTransaction(recordObservationsIn)

export async function recordObservationsIn(
  tx: Tx,
  observations: Observation[],
  locate: Locate,
  onProgress: (done: number, total: number) => void = () => {},
) {
  const channels = await channelRefs(tx)
  const byRef = new Map<string, string>()
  for (const c of channels) byRef.set(c.code, c.id)
  for (const c of channels) byRef.set(c.id, c.id)
  const badChannel = observations.findIndex((o) => !byRef.has(o.channel))
  if (badChannel >= 0) {
    const { field, details } = locate(badChannel, 'channel')
    throw invalidInput(field, `no channel ${observations[badChannel]!.channel}`, details)
  }
  const known = await knownSkus(tx, [...new Set(observations.map((o) => o.sku))])
  const badSku = observations.findIndex((o) => !known.has(o.sku))
  if (badSku >= 0) {
    const { field, details } = locate(badSku, 'sku')
    throw invalidInput(field, `no variant has SKU ${observations[badSku]!.sku}`, details)
  }
  for (let i = 0; i < observations.length; i += CHUNK) {
    const chunk = observations.slice(i, i + CHUNK).map((o) => ({
      id: offerId('cob'),
      competitor: o.competitor,
      sku: o.sku,
      channel_id: byRef.get(o.channel),
      price_cents: o.priceCents,
      observed_at: o.observedAt.toISOString(),
      source: o.source,
    }))
    await tx.execute(
      sql`INSERT INTO competitor_price (id, competitor, sku, channel_id, price_cents, observed_at, source)
          SELECT x.id, x.competitor, x.sku, x.channel_id, x.price_cents, x.observed_at, x.source
          FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
            AS x(id text, competitor text, sku text, channel_id text, price_cents int, observed_at timestamptz, source text)`,
    )
    onProgress(i + chunk.length, observations.length)
  }
  return { imported: observations.length }
}

export async function listObservations(
  q: Executor,
  opts: { sku?: string; channelId?: string; limit: number; cursor?: string },
) {
  return rows<{
    id: string
    competitor: string
    sku: string
    channel_id: string
    price_cents: number
    observed_at: Date | string
    source: string
  }>(
    q,
    sql`SELECT id, competitor, sku, channel_id, price_cents, observed_at, source FROM competitor_price
        WHERE true ${opts.sku ? sql`AND sku = ${opts.sku}` : sql``}
          ${opts.channelId ? sql`AND channel_id = ${opts.channelId}` : sql``}
          ${opts.cursor ? sql`AND id < ${opts.cursor}` : sql``}
        ORDER BY id DESC LIMIT ${opts.limit + 1}`,
  )
}

/** Observations sent as JSON: an error names the observation and its field (`observations/3/sku`). */
export function recordObservedPrices(db: Db, body: Static<typeof RecordObservationsBody>) {
  const observations = body.observations.map((o) => ({
    competitor: o.competitor,
    sku: o.sku,
    channel: o.channel,
    priceCents: o.price_cents,
    observedAt: new Date(o.observed_at),
    source: o.source ?? '',
  }))
  return recordObservations(db, observations, (i, column) => ({
    field: `observations/${i}/${column}`,
    details: {},
  }))
}

/** Observations sent as a CSV file: an error names the row (the header is row 1) and the column. */
export function importObservedPrices(db: Db, csv: string, onProgress: (done: number, total: number) => void) {
  const read = readObservations(csv, new Date())
  if (!read.ok) {
    const { row, column, message } = read.error
    throw new AppError(400, 'invalid_input', `row ${row}, column ${column}: ${message}`, {
      field: `rows/${row}/${column}`,
      row,
      column,
    })
  }
  // A data row's number in the file: the header is row 1 and blank lines are skipped when read.
  return recordObservations(
    db,
    read.observations,
    (i, column) => ({
      field: `rows/${read.rows[i]}/${column}`,
      details: { row: read.rows[i], column },
    }),
    onProgress,
  )
}

/** Competitor prices, newest first, their channel shown by code (`channel`: an id or a code). */
export async function observedPrices(
  q: Executor,
  query: { sku?: string; channel?: string; limit: number; cursor?: string },
) {
  const channels = await channelRefs(q)
  const channel = query.channel
    ? channels.find((c) => c.id === query.channel || c.code === query.channel)
    : undefined
  const found = await listObservations(q, {
    sku: query.sku,
    channelId: query.channel ? (channel?.id ?? query.channel) : undefined,
    limit: query.limit,
    cursor: query.cursor,
  })
  const code = new Map(channels.map((c) => [c.id, c.code]))
  return found.map((o) => ({
    ...o,
    channel: code.get(o.channel_id) ?? o.channel_id,
    observed_at: new Date(o.observed_at).toISOString(),
  }))
}
