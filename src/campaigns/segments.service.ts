import { sql } from 'drizzle-orm'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import type { SegmentFilter } from './campaigns.contract.ts'
import { notFound, refused } from './campaigns.errors.ts'
import { contradiction, toCsv } from './segments.domain.ts'
import { countMembers, members } from './segments.store.ts'

/** Segments and campaigns are head office's: the customer base is read whole. */
export function assertMarketing(actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('Only head office works with segments and campaigns.')
}

interface SegmentRow {
  id: string
  name: string
  filter: SegmentFilter
  created_by: string | null
  created_at: Date | string
  updated_at: Date | string
}

const view = (s: SegmentRow) => ({
  id: s.id,
  name: s.name,
  filter: s.filter,
  created_by: s.created_by,
  created_at: new Date(s.created_at).toISOString(),
  updated_at: new Date(s.updated_at).toISOString(),
})

/**
 * The references a filter names must exist (a typo would silently empty the segment), and its bounds
 * must leave room for someone. Refusals name the field.
 */
async function assertFilter(q: Executor, f: SegmentFilter): Promise<void> {
  const bad = contradiction(f)
  if (bad) throw refused('contradictory_filter', `${bad.field}: ${bad.message}`, { field: bad.field })
  const unknown = async (
    values: readonly string[] | undefined,
    known: (list: string) => ReturnType<typeof sql>,
  ) => {
    if (!values) return []
    const found = await rows<{ v: string }>(q, known(JSON.stringify(values)))
    const ok = new Set(found.map((r) => r.v))
    return values.filter((v) => !ok.has(v))
  }
  const channels = await unknown(
    f.channels_used,
    (l) => sql`SELECT code AS v FROM channel WHERE code IN (SELECT jsonb_array_elements_text(${l}::jsonb))`,
  )
  if (channels.length > 0)
    throw refused('unknown_channel', `filter.channels_used: no channel with code ${channels.join(', ')}.`, {
      field: 'filter.channels_used',
      codes: channels,
    })
  const tiers = await unknown(
    f.tiers,
    (l) =>
      sql`SELECT code AS v FROM loyalty_tier WHERE code IN (SELECT jsonb_array_elements_text(${l}::jsonb))`,
  )
  if (tiers.length > 0)
    throw refused('unknown_tier', `filter.tiers: no loyalty tier with code ${tiers.join(', ')}.`, {
      field: 'filter.tiers',
      codes: tiers,
    })
  const stores = await unknown(
    f.home_stores,
    (l) =>
      sql`SELECT id AS v FROM location WHERE kind = 'store' AND id IN (SELECT jsonb_array_elements_text(${l}::jsonb))`,
  )
  if (stores.length > 0)
    throw refused('unknown_store', `filter.home_stores: ${stores.join(', ')} is not a store.`, {
      field: 'filter.home_stores',
      ids: stores,
    })
}

export async function getSegmentRow(q: Executor, id: string): Promise<SegmentRow> {
  const [s] = await rows<SegmentRow>(
    q,
    sql`SELECT id, name, filter, created_by, created_at, updated_at FROM segment WHERE id = ${id}`,
  )
  if (!s) throw notFound('segment', id)
  return s
}

export async function createSegment(tx: Tx, actor: Actor, body: { name: string; filter: SegmentFilter }) {
  assertMarketing(actor)
  await assertFilter(tx, body.filter)
  const [s] = await rows<SegmentRow>(
    tx,
    sql`INSERT INTO segment (id, name, filter, created_by)
        VALUES (${newId('seg')}, ${body.name.trim()}, ${JSON.stringify(body.filter)}::jsonb, ${actor.keyId})
        RETURNING id, name, filter, created_by, created_at, updated_at`,
  )
  return { ...view(s!), count: await countMembers(tx, body.filter) }
}

export async function updateSegmentIn(
  tx: Tx,
  actor: Actor,
  id: string,
  body: { name: string; filter: SegmentFilter },
) {
  assertMarketing(actor)
  await assertFilter(tx, body.filter)
  const [s] = await rows<SegmentRow>(
    tx,
    sql`UPDATE segment SET name = ${body.name.trim()}, filter = ${JSON.stringify(body.filter)}::jsonb, updated_at = now()
        WHERE id = ${id} RETURNING id, name, filter, created_by, created_at, updated_at`,
  )
  if (!s) throw notFound('segment', id)
  return { ...view(s), count: await countMembers(tx, body.filter) }
}

export async function getSegment(q: Executor, actor: Actor, id: string) {
  assertMarketing(actor)
  const s = await getSegmentRow(q, id)
  return { ...view(s), count: await countMembers(q, s.filter) }
}

export async function listSegments(q: Executor, actor: Actor, limit: number, cursor?: string) {
  assertMarketing(actor)
  const found = await rows<SegmentRow>(
    q,
    sql`SELECT id, name, filter, created_by, created_at, updated_at FROM segment
        ${cursor ? sql`WHERE id < ${cursor}` : sql``} ORDER BY id DESC LIMIT ${limit + 1}`,
  )
  const data = found.slice(0, limit).map(view)
  return { data, next_cursor: found.length > limit ? data.at(-1)!.id : null }
}

/** The count of a filter not saved yet: what the back-office shows while a segment is being drawn. */
export async function countFilter(q: Executor, actor: Actor, filter: SegmentFilter) {
  assertMarketing(actor)
  await assertFilter(q, filter)
  return countMembers(q, filter)
}

const csvHeader = [
  'customer_id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'postcode',
  'city',
  'country',
  'tier',
  'spend_cents',
  'last_purchase_at',
  'channels',
  'marketing_email_consent',
] as const

/** The segment's customers now, as CSV: one line each, in id order. */
export async function exportSegment(q: Executor, actor: Actor, id: string): Promise<string> {
  assertMarketing(actor)
  const s = await getSegmentRow(q, id)
  const found = await members(q, s.filter)
  return toCsv(
    csvHeader,
    found.map((m) => [
      m.id,
      m.first_name,
      m.last_name,
      m.email,
      m.phone,
      m.postcode,
      m.city,
      m.country,
      m.tier,
      m.spend_cents,
      m.last_at ? new Date(m.last_at).toISOString() : null,
      [...m.channels].sort().join(' '),
      m.email_consent ? 'yes' : 'no',
    ]),
  )
}

export const updateSegment = inTransaction(updateSegmentIn)
