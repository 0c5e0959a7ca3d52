import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { eventTypes } from './catalogue.ts'
import { conflict, notFound, refused } from './events.errors.ts'
import { checkPatterns, matchesAny } from './patterns.ts'
import { ADMIN_DISABLED_REASON, newSigningSecret, refusedUrl } from './webhooks.domain.ts'
import * as store from './webhooks.store.ts'

/** The most events one replay request may queue: a larger range is refused, to be split. */
export const MAX_REPLAY = 10_000

function checkUrl(url: string): string {
  const why = refusedUrl(url)
  if (why) throw invalidInput('url', why)
  return new URL(url).toString()
}

type Row = store.SubscriptionRow
export const toSubscription = (s: Row) => ({
  id: s.id,
  url: s.url,
  event_types: s.event_types,
  description: s.description,
  status: s.status,
  disabled_reason: s.disabled_reason,
  disabled_by:
    s.status !== 'disabled'
      ? null
      : s.disabled_reason === ADMIN_DISABLED_REASON
        ? ('administrator' as const)
        : ('failures' as const),
  disabled_at: s.disabled_at ? new Date(s.disabled_at).toISOString() : null,
  failing_since: s.failing_since ? new Date(s.failing_since).toISOString() : null,
  last_attempt: s.last_attempt_at
    ? {
        attempted_at: new Date(s.last_attempt_at).toISOString(),
        ok: s.last_attempt_ok === true,
        status_code: s.last_attempt_status,
        error: s.last_attempt_error,
      }
    : null,
  created_at: new Date(s.created_at).toISOString(),
})

export async function createSubscription(
  q: Executor,
  input: { url: string; event_types: string[]; description?: string },
) {
  const secret = newSigningSecret()
  const row = await store.insertSubscription(q, {
    url: checkUrl(input.url),
    eventTypes: checkPatterns('event_types', input.event_types, eventTypes),
    description: input.description ?? null,
    secret,
  })
  return { ...toSubscription(row), secret }
}

async function existing(q: Executor, id: string): Promise<Row> {
  const row = await store.findSubscription(q, id)
  if (!row) throw notFound('webhook_subscription', id)
  return row
}

export const getSubscription = async (q: Executor, id: string) => toSubscription(await existing(q, id))

export async function listSubscriptions(q: Executor, limit: number, cursor?: string) {
  return (await store.listSubscriptions(q, limit, cursor)).map(toSubscription)
}

export async function updateSubscription(
  q: Executor,
  id: string,
  change: {
    url?: string
    event_types?: string[]
    description?: string | null
    status?: 'active' | 'disabled'
  },
) {
  const row = await store.updateSubscription(q, id, {
    url: change.url === undefined ? undefined : checkUrl(change.url),
    eventTypes:
      change.event_types === undefined
        ? undefined
        : checkPatterns('event_types', change.event_types, eventTypes),
    description: change.description,
    status: change.status,
  })
  if (!row) throw notFound('webhook_subscription', id)
  return toSubscription(row)
}

export async function rotateSecret(q: Executor, id: string) {
  const secret = newSigningSecret()
  if (!(await store.rotateSecret(q, id, secret))) throw notFound('webhook_subscription', id)
  return { secret }
}

export async function deleteSubscription(q: Executor, id: string) {
  const row = await store.deleteSubscription(q, id)
  if (!row) throw notFound('webhook_subscription', id)
  return toSubscription(row)
}

export async function listAttempts(
  q: Executor,
  id: string,
  limit: number,
  cursor?: string,
  outcome?: 'ok' | 'failed',
) {
  await existing(q, id)
  const found = await store.listAttempts(q, id, limit, cursor, outcome)
  return found.map((a) => ({
    ...a,
    attempted_at: new Date(a.attempted_at).toISOString(),
    next_attempt_at: a.next_attempt_at ? new Date(a.next_attempt_at).toISOString() : null,
  }))
}

/** Sends one event again, or every event of the subscription's types that occurred in [from, to). */
export async function replay(
  q: Executor,
  id: string,
  body: { event_id?: string; from?: string; to?: string },
) {
  const subscription = await existing(q, id)
  if (subscription.status !== 'active') {
    throw conflict(
      'webhook_disabled',
      'This subscription is disabled: enable it (PATCH status active) to replay.',
    )
  }
  if (body.event_id !== undefined) {
    if (body.from !== undefined || body.to !== undefined) {
      throw invalidInput('event_id', 'give either event_id, or from and to, not both')
    }
    const [event] = await rows<{ type: string }>(
      q,
      sql`SELECT type FROM event WHERE id = ${body.event_id} AND position IS NOT NULL`,
    )
    if (!event) throw notFound('event', body.event_id)
    if (!matchesAny(subscription.event_types, event.type)) {
      throw refused('event_type_not_subscribed', `This subscription does not receive ${event.type} events.`)
    }
    const done = await store.queueReplay(q, id, { eventId: body.event_id }, MAX_REPLAY)
    return { queued: 'queued' in done ? done.queued : 0 }
  }
  if (body.from === undefined || body.to === undefined) {
    throw invalidInput('from', 'give event_id, or both from and to (ISO 8601 date-times)')
  }
  const from = new Date(body.from)
  const to = new Date(body.to)
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
    throw invalidInput('to', 'must be a date-time after from')
  }
  const done = await store.queueReplay(q, id, { from, to }, MAX_REPLAY)
  if ('tooMany' in done) {
    throw refused(
      'replay_too_large',
      `${done.tooMany} events match; replay at most ${MAX_REPLAY} at a time: narrow from and to.`,
      { matching: done.tooMany, max: MAX_REPLAY },
    )
  }
  return done
}
