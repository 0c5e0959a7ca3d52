import { sql } from 'drizzle-orm'
import { knownSkus } from '../catalog/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import type { Observation } from './competitor-csv.domain.ts'
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
