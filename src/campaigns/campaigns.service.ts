import { sql } from 'drizzle-orm'
import { consentGranted } from '../customers/index.ts'
import { type Db, type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import {
  type CampaignContent,
  CONSENT_WITHDRAWN,
  ERASED,
  type Language,
  queueCampaignEmails,
} from '../notifications/index.ts'
import type { Actor } from '../shared/actor.ts'
import { newId } from '../shared/ids.ts'
import { conflict, notFound } from './campaigns.errors.ts'
import { assertMarketing, getSegmentRow } from './segments.service.ts'
import { members } from './segments.store.ts'

type Content = Record<Language, CampaignContent>

interface CampaignRow {
  id: string
  name: string
  segment_id: string
  content: Content
  rate_per_minute: number
  status: 'draft' | 'sending' | 'sent'
  created_by: string | null
  sent_by: string | null
  started_at: Date | string | null
  finished_at: Date | string | null
  created_at: Date | string
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)
const states = ['pending', 'queued', 'sent', 'bounced', 'failed', 'skipped'] as const
type State = (typeof states)[number]

/**
 * Where a recipient is, from its row and its message: pending, skipped (with why), or the message's
 * own status (queued, sent, bounced, failed); a message withdrawn before it went is skipped, with why.
 */
const stateOf = sql`CASE WHEN r.status <> 'queued' THEN r.status
                         WHEN m.status IS NULL THEN 'queued'
                         WHEN m.status = 'cancelled' THEN 'skipped'
                         ELSE m.status END`
const reasonOf = sql`CASE WHEN r.status = 'skipped' THEN r.reason
                          WHEN m.status = 'cancelled' THEN CASE m.last_error WHEN ${CONSENT_WITHDRAWN} THEN 'consent_withdrawn'
                                                                             WHEN ${ERASED} THEN 'erased'
                                                                             ELSE 'cancelled' END
                          WHEN m.status IN ('bounced', 'failed') THEN m.last_error
                          ELSE NULL END`

async function view(q: Executor, c: CampaignRow) {
  const counts = await rows<{ state: State; n: number }>(
    q,
    sql`SELECT ${stateOf} AS state, count(*)::int AS n
        FROM campaign_recipient r LEFT JOIN notification_message m ON m.id = r.message_id
        WHERE r.campaign_id = ${c.id} GROUP BY 1`,
  )
  const recipients = Object.fromEntries(states.map((s) => [s, 0])) as Record<State, number>
  for (const row of counts) recipients[row.state] = row.n
  return {
    id: c.id,
    name: c.name,
    segment_id: c.segment_id,
    content: c.content,
    rate_per_minute: c.rate_per_minute,
    status: c.status,
    recipients,
    created_by: c.created_by,
    sent_by: c.sent_by,
    started_at: iso(c.started_at),
    finished_at: iso(c.finished_at),
    created_at: iso(c.created_at)!,
  }
}

const columns = sql`id, name, segment_id, content, rate_per_minute, status, created_by, sent_by, started_at,
  finished_at, created_at`

async function campaignRow(q: Executor, id: string, lock = false): Promise<CampaignRow> {
  const [c] = await rows<CampaignRow>(
    q,
    sql`SELECT ${columns} FROM campaign WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  if (!c) throw notFound('campaign', id)
  return c
}

export async function createCampaign(
  tx: Tx,
  actor: Actor,
  body: { name: string; segment_id: string; content: Content; rate_per_minute?: number },
) {
  assertMarketing(actor)
  await getSegmentRow(tx, body.segment_id)
  const [c] = await rows<CampaignRow>(
    tx,
    sql`INSERT INTO campaign (id, name, segment_id, content, rate_per_minute, created_by)
        VALUES (${newId('cmp')}, ${body.name.trim()}, ${body.segment_id}, ${JSON.stringify(body.content)}::jsonb,
                ${body.rate_per_minute ?? 600}, ${actor.keyId})
        RETURNING ${columns}`,
  )
  return view(tx, c!)
}

export async function getCampaign(q: Executor, actor: Actor, id: string) {
  assertMarketing(actor)
  return view(q, await campaignRow(q, id))
}

export async function listCampaigns(q: Executor, actor: Actor, limit: number, cursor?: string) {
  assertMarketing(actor)
  const found = await rows<CampaignRow>(
    q,
    sql`SELECT ${columns} FROM campaign ${cursor ? sql`WHERE id < ${cursor}` : sql``}
        ORDER BY id DESC LIMIT ${limit + 1}`,
  )
  const data = await Promise.all(found.slice(0, limit).map((c) => view(q, c)))
  return { data, next_cursor: found.length > limit ? data.at(-1)!.id : null }
}

/**
 * Sends the campaign: the segment's customers now become its recipients (once each, in id order),
 * and the dispatch job hands them to the sender at the campaign's pace, checking each one's consent
 * as it does. A campaign goes once.
 */
export async function sendCampaignIn(tx: Tx, actor: Actor, id: string) {
  assertMarketing(actor)
  const c = await campaignRow(tx, id, true)
  if (c.status !== 'draft')
    throw conflict('campaign_already_sent', `Campaign ${c.name} was sent already (${c.status}).`)
  const segment = await getSegmentRow(tx, c.segment_id)
  const found = await members(tx, segment.filter)
  await tx.execute(
    sql`INSERT INTO campaign_recipient (campaign_id, customer_id, position)
        SELECT ${id}, x.value, x.ordinality::int
        FROM jsonb_array_elements_text(${JSON.stringify(found.map((m) => m.id))}::jsonb) WITH ORDINALITY x
        ON CONFLICT DO NOTHING`,
  )
  const [sent] = await rows<CampaignRow>(
    tx,
    sql`UPDATE campaign SET status = ${found.length > 0 ? 'sending' : 'sent'}, sent_by = ${actor.keyId},
          sent_filter = ${JSON.stringify(segment.filter)}::jsonb, started_at = now(),
          finished_at = ${found.length > 0 ? null : sql`now()`}, updated_at = now()
        WHERE id = ${id} RETURNING ${columns}`,
  )
  return view(tx, sent!)
}

export async function listRecipients(
  q: Executor,
  actor: Actor,
  id: string,
  query: { status?: State; limit: number; cursor?: string },
) {
  assertMarketing(actor)
  await campaignRow(q, id)
  const after = query.cursor && /^\d+$/.test(query.cursor) ? Number(query.cursor) : 0
  const found = await rows<{
    position: number
    customer_id: string
    customer_name: string
    status: State
    reason: string | null
    message_id: string | null
    sent_at: Date | string | null
  }>(
    q,
    sql`SELECT * FROM (
          SELECT r.position, r.customer_id, trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) AS customer_name,
                 ${stateOf} AS status, ${reasonOf} AS reason, r.message_id, m.sent_at
          FROM campaign_recipient r LEFT JOIN notification_message m ON m.id = r.message_id
            LEFT JOIN customer c ON c.id = r.customer_id
          WHERE r.campaign_id = ${id} AND r.position > ${after}) x
        ${query.status ? sql`WHERE x.status = ${query.status}` : sql``}
        ORDER BY x.position LIMIT ${query.limit + 1}`,
  )
  const page = found.slice(0, query.limit)
  return {
    data: page.map(({ position: _, ...r }) => ({ ...r, sent_at: iso(r.sent_at) })),
    next_cursor: found.length > query.limit ? String(page.at(-1)!.position) : null,
  }
}

export const sendCampaign = inTransaction(sendCampaignIn)

/** Recipients examined per campaign and pass beyond those it may queue (the skipped cost no pace). */
const LOOKAHEAD = 500

/**
 * One pass of the dispatch: for each campaign being sent, the recipients whose turn has come at its
 * pace (`rate_per_minute` since it started, and a second's worth at once, less those queued already)
 * are checked now, in order: a
 * customer erased or merged since, without an e-mail address or without consent to marketing by
 * e-mail in force is skipped with that reason; the others' e-mails are written for the sender. A
 * campaign with no one left pending is sent. Returns how many e-mails it queued.
 */
export async function dispatchCampaigns(db: Db): Promise<number> {
  let queued = 0
  const sending = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM campaign WHERE status = 'sending' ORDER BY id LIMIT 20`,
  )
  for (const { id } of sending) queued += await db.transaction((tx) => dispatchOne(tx, id))
  return queued
}

async function dispatchOne(tx: Tx, id: string): Promise<number> {
  const [c] = await rows<{ content: Content; allowance: number }>(
    tx,
    sql`SELECT content,
               floor(rate_per_minute * extract(epoch FROM now() - started_at) / 60)::int
               + ceil(rate_per_minute / 60.0)::int
               - (SELECT count(*)::int FROM campaign_recipient WHERE campaign_id = c.id AND status = 'queued') AS allowance
        FROM campaign c WHERE id = ${id} AND status = 'sending' FOR UPDATE SKIP LOCKED`,
  )
  if (!c) return 0
  const allowance = Math.min(c.allowance, 1000)
  const turn =
    allowance > 0
      ? await rows<{ customer_id: string; reason: string | null }>(
          tx,
          sql`SELECT r.customer_id,
                   CASE WHEN cu.id IS NULL OR cu.erased_at IS NOT NULL THEN 'erased'
                        WHEN cu.merged_into IS NOT NULL THEN 'merged'
                        WHEN cu.email IS NULL THEN 'no_email'
                        WHEN NOT ${consentGranted(sql`r.customer_id`, 'marketing', 'email')} THEN 'no_consent'
                        ELSE NULL END AS reason
            FROM campaign_recipient r LEFT JOIN customer cu ON cu.id = r.customer_id
            WHERE r.campaign_id = ${id} AND r.status = 'pending'
            ORDER BY r.position LIMIT ${allowance + LOOKAHEAD}`,
        )
      : []
  const decided: Array<{
    customer_id: string
    status: 'queued' | 'skipped'
    reason: string | null
    message_id: string | null
  }> = []
  const eligible: string[] = []
  for (const r of turn) {
    if (r.reason === null) {
      if (eligible.length >= allowance) break
      eligible.push(r.customer_id)
    } else decided.push({ customer_id: r.customer_id, status: 'skipped', reason: r.reason, message_id: null })
  }
  const written = await queueCampaignEmails(tx, { campaignId: id, content: c.content }, eligible)
  for (const customerId of eligible) {
    const messageId = written.get(customerId)
    decided.push(
      messageId
        ? { customer_id: customerId, status: 'queued', reason: null, message_id: messageId }
        : { customer_id: customerId, status: 'skipped', reason: 'not_written', message_id: null },
    )
  }
  if (decided.length > 0) {
    await tx.execute(
      sql`UPDATE campaign_recipient r SET status = x.status, reason = x.reason, message_id = x.message_id, updated_at = now()
          FROM jsonb_to_recordset(${JSON.stringify(decided)}::jsonb)
            AS x(customer_id text, status text, reason text, message_id text)
          WHERE r.campaign_id = ${id} AND r.customer_id = x.customer_id`,
    )
  }
  await tx.execute(
    sql`UPDATE campaign SET status = 'sent', finished_at = now(), updated_at = now()
        WHERE id = ${id} AND NOT EXISTS (SELECT 1 FROM campaign_recipient WHERE campaign_id = ${id} AND status = 'pending')`,
  )
  return written.size
}
