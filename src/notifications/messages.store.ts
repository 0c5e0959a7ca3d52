import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'

/** Queued messages of this template about this order, reference or ticket are withdrawn (a reminder once collected). */
export async function cancelQueued(tx: Tx, subjectRef: string, template: string): Promise<void> {
  await tx.execute(
    sql`UPDATE notification_message SET status = 'cancelled', last_error = 'no longer relevant', updated_at = now()
        WHERE subject_ref = ${subjectRef} AND template = ${template} AND status = 'queued'`,
  )
}

/**
 * An erased customer's messages keep what happened (template, medium, status, dates) and lose what
 * was said and where it went; those not sent yet never go.
 */
export async function anonymiseMessagesOf(tx: Tx, customerId: string): Promise<void> {
  await tx.execute(
    sql`UPDATE notification_message
        SET address = NULL, subject = '[erased]', body_text = '', body_html = NULL, last_error = NULL,
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
 * mid-send leaves it to the next pass (at least once) and two processes never take the same one.
 */
export async function claimDue(
  db: Executor,
  media: readonly string[],
  limit: number,
  leaseMs: number,
): Promise<ClaimedMessage[]> {
  if (media.length === 0 || limit <= 0) return []
  const claimed = await rows<ClaimedMessage>(
    db,
    sql`UPDATE notification_message m
        SET attempts = m.attempts + 1, due_at = now() + make_interval(secs => ${leaseMs / 1000}), updated_at = now()
        WHERE m.id IN (
          SELECT id FROM notification_message
          WHERE status = 'queued' AND due_at <= now() AND address IS NOT NULL
            AND channel IN (SELECT jsonb_array_elements_text(${JSON.stringify(media)}::jsonb))
          ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING m.id, m.channel, m.customer_id, m.address, m.subject, m.body_text, m.body_html, m.attempts, m.created_at`,
  )
  return claimed.map((c) => ({ ...c, created_at: new Date(c.created_at) }))
}

export type Outcome =
  | { kind: 'sent'; providerRef: string | null }
  | { kind: 'bounced'; error: string }
  | { kind: 'retry'; error: string; retryInMs: number }
  | { kind: 'failed'; error: string }

/** What became of an attempt; a message withdrawn meanwhile (erasure) stays withdrawn. */
export async function recordOutcome(db: Executor, id: string, o: Outcome): Promise<void> {
  const set =
    o.kind === 'sent'
      ? sql`status = 'sent', sent_at = now(), provider_ref = ${o.providerRef}, last_error = NULL`
      : o.kind === 'retry'
        ? sql`due_at = now() + make_interval(secs => ${o.retryInMs / 1000}), last_error = ${o.error}`
        : sql`status = ${o.kind}, last_error = ${o.error}`
  await db.execute(
    sql`UPDATE notification_message SET ${set}, updated_at = now() WHERE id = ${id} AND status = 'queued'`,
  )
}
