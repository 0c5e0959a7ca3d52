import { sql } from 'drizzle-orm'
import { consentGranted } from '../customers/index.ts'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { CAMPAIGN_TEMPLATE } from './marketing.service.ts'

/** Queued messages of this template about this order, reference or ticket are withdrawn (a reminder once collected). */
export async function cancelQueued(tx: Tx, subjectRef: string, template: string): Promise<void> {
  await tx.execute(
    sql`UPDATE notification_message SET status = 'cancelled', last_error = 'no longer relevant', updated_at = now()
        WHERE subject_ref = ${subjectRef} AND template = ${template} AND status = 'queued'`,
  )
}

/** Why a message of an erased customer did not go. */
export const ERASED = 'customer erased'

/**
 * An erased customer's messages keep what happened (template, medium, status, dates) and lose what
 * was said and where it went; those not sent yet never go.
 */
export async function anonymiseMessagesOf(tx: Tx, customerId: string): Promise<void> {
  await tx.execute(
    sql`UPDATE notification_message
        SET address = NULL, subject = '[erased]', body_text = '', body_html = NULL,
            last_error = CASE WHEN status = 'queued' THEN ${ERASED} ELSE NULL END,
            status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END, updated_at = now()
        WHERE customer_id = ${customerId}`,
  )
  await tx.execute(sql`DELETE FROM notification_preference WHERE customer_id = ${customerId}`)
}

/** A merged profile's messages are the survivor's; its preferences too, unless the survivor has its own. */
export async function moveMessages(tx: Tx, fromId: string, toId: string): Promise<void> {
  await tx.execute(
    sql`UPDATE notification_message SET customer_id = ${toId}, updated_at = now() WHERE customer_id = ${fromId}`,
  )
  await tx.execute(
    sql`WITH gone AS (DELETE FROM notification_preference WHERE customer_id = ${fromId}
                      RETURNING language, email, sms, e_receipt)
        INSERT INTO notification_preference (customer_id, language, email, sms, e_receipt)
        SELECT ${toId}, language, email, sms, e_receipt FROM gone
        ON CONFLICT (customer_id) DO NOTHING`,
  )
}

export interface MessageRow {
  id: string
  event_id: string
  template: string
  channel: 'email' | 'sms'
  language: string
  subject_ref: string | null
  subject: string
  status: string
  attempts: number
  last_error: string | null
  created_at: string
  sent_at: string | null
}

/** A customer's latest messages, newest first, for the 360 view. */
export async function messagesOf(q: Executor, customerId: string, limit = 50): Promise<MessageRow[]> {
  const found = await rows<MessageRow & { created_at: Date | string; sent_at: Date | string | null }>(
    q,
    sql`SELECT id, event_id, template, channel, language, subject_ref, subject, status, attempts, last_error,
               created_at, sent_at
        FROM notification_message WHERE customer_id = ${customerId} ORDER BY customer_id, id DESC LIMIT ${limit}`,
  )
  return found.map((m) => ({
    ...m,
    created_at: new Date(m.created_at).toISOString(),
    sent_at: m.sent_at ? new Date(m.sent_at).toISOString() : null,
  }))
}

export interface ClaimedMessage {
  id: string
  channel: 'email' | 'sms'
  customer_id: string
  address: string
  subject: string
  body_text: string
  body_html: string | null
  attempts: number
  created_at: Date
}

/**
 * Due messages of these media, leased: each is due again only after `leaseMs`, so a process that dies
 * mid-send leaves it to the next pass (at least once) and two processes never take the same one. A
 * marketing message whose customer withdrew their consent to marketing by e-mail since it was written
 * is cancelled instead, in the same statement: it never goes, whatever its attempts before.
 */
export async function claimDue(
  db: Executor,
  media: readonly string[],
  limit: number,
  leaseMs: number,
): Promise<ClaimedMessage[]> {
  if (media.length === 0 || limit <= 0) return []
  const claimed = await rows<ClaimedMessage & { status: string }>(
    db,
    sql`WITH due AS (
          SELECT id, template = ${CAMPAIGN_TEMPLATE}
                     AND NOT ${consentGranted(sql`notification_message.customer_id`, 'marketing', 'email')} AS withdrawn
          FROM notification_message
          WHERE status = 'queued' AND due_at <= now() AND address IS NOT NULL
            AND channel IN (SELECT jsonb_array_elements_text(${JSON.stringify(media)}::jsonb))
          ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        UPDATE notification_message m
        SET attempts = CASE WHEN due.withdrawn THEN m.attempts ELSE m.attempts + 1 END,
            status = CASE WHEN due.withdrawn THEN 'cancelled' ELSE m.status END,
            last_error = CASE WHEN due.withdrawn THEN ${CONSENT_WITHDRAWN} ELSE m.last_error END,
            due_at = CASE WHEN due.withdrawn THEN m.due_at
                          ELSE now() + make_interval(secs => ${leaseMs / 1000}) END,
            updated_at = now()
        FROM due WHERE m.id = due.id
        RETURNING m.id, m.channel, m.customer_id, m.address, m.subject, m.body_text, m.body_html, m.attempts,
                  m.created_at, m.status`,
  )
  return claimed
    .filter((c) => c.status === 'queued')
    .map(({ status: _, ...c }) => ({ ...c, created_at: new Date(c.created_at) }))
}

/** Why a marketing message did not go: the customer withdrew their consent before it did. */
export const CONSENT_WITHDRAWN = 'consent withdrawn'

export type Outcome =
  | { kind: 'sent'; providerRef: string | null }
  | { kind: 'bounced'; error: string }
  | { kind: 'retry'; error: string; retryInMs: number }
  | { kind: 'failed'; error: string }

/**
 * What became of attempts, in one statement for a batch of them; a message withdrawn meanwhile
 * (erasure) stays withdrawn.
 */
export async function recordOutcomes(
  db: Executor,
  outcomes: ReadonlyArray<{ id: string; outcome: Outcome }>,
): Promise<void> {
  if (outcomes.length === 0) return
  const values = outcomes.map(({ id, outcome: o }) => ({
    id,
    kind: o.kind,
    provider_ref: o.kind === 'sent' ? o.providerRef : null,
    error: o.kind === 'sent' ? null : o.error,
    retry_s: o.kind === 'retry' ? o.retryInMs / 1000 : null,
  }))
  await db.execute(
    sql`UPDATE notification_message m
        SET status = CASE x.kind WHEN 'retry' THEN m.status ELSE x.kind END,
            sent_at = CASE WHEN x.kind = 'sent' THEN now() ELSE m.sent_at END,
            provider_ref = CASE WHEN x.kind = 'sent' THEN x.provider_ref ELSE m.provider_ref END,
            last_error = x.error,
            due_at = CASE WHEN x.kind = 'retry' THEN now() + make_interval(secs => x.retry_s) ELSE m.due_at END,
            updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
          AS x(id text, kind text, provider_ref text, error text, retry_s float8)
        WHERE m.id = x.id AND m.status = 'queued'`,
  )
}
