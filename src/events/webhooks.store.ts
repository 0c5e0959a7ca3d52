import { sql } from 'drizzle-orm'
import { type Db, type Executor, rows } from '../db/database.ts'
import { newId } from '../shared/ids.ts'
import type { PublishedEvent } from './define.ts'
import { eventColumns, toPublished } from './relay.ts'
import { ADMIN_DISABLED_REASON } from './webhooks.domain.ts'

export interface SubscriptionRow {
  id: string
  url: string
  event_types: string[]
  description: string | null
  status: 'active' | 'disabled'
  disabled_reason: string | null
  disabled_at: Date | null
  failing_since: Date | null
  created_at: Date
  updated_at: Date
  /** The latest attempt of its delivery log, or nulls before the first. */
  last_attempt_at: Date | null
  last_attempt_ok: boolean | null
  last_attempt_status: number | null
  last_attempt_error: string | null
}

// Never the signing secret: it is read only by the sender (claimDeliveries).
const subscriptionColumns = sql.raw(
  'id, url, event_types, description, status, disabled_reason, disabled_at, failing_since, created_at, updated_at',
)

/**
 * The subscriptions a statement returns (`RETURNING ${subscriptionColumns}` or a SELECT of them), each
 * with its latest attempt: one index probe per subscription (webhook_attempt_subscription_idx).
 */
function withLastAttempt(statement: ReturnType<typeof sql>) {
  return sql`WITH s AS (${statement})
    SELECT s.*, la.attempted_at AS last_attempt_at, la.ok AS last_attempt_ok,
           la.status_code AS last_attempt_status, la.error AS last_attempt_error
    FROM s LEFT JOIN LATERAL (
      SELECT attempted_at, ok, status_code, error FROM webhook_attempt a
      WHERE a.subscription_id = s.id ORDER BY a.id DESC LIMIT 1
    ) la ON true
    ORDER BY s.id`
}

export async function insertSubscription(
  q: Executor,
  s: { url: string; eventTypes: string[]; description: string | null; secret: string },
): Promise<SubscriptionRow> {
  // A new subscription receives the events published from now on; older ones by replay.
  const [row] = await rows<SubscriptionRow>(
    q,
    withLastAttempt(
      sql`INSERT INTO webhook_subscription (id, url, event_types, description, signing_secret, position)
          SELECT ${newId('whk')}, ${s.url},
                 ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(s.eventTypes)}::jsonb)),
                 ${s.description}, ${s.secret}, position
          FROM event_cursor WHERE id = 'events.sequence'
          RETURNING ${subscriptionColumns}`,
    ),
  )
  return row!
}

export async function findSubscription(q: Executor, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await rows<SubscriptionRow>(
    q,
    withLastAttempt(sql`SELECT ${subscriptionColumns} FROM webhook_subscription WHERE id = ${id}`),
  )
  return row
}

export async function listSubscriptions(q: Executor, limit: number, cursor?: string) {
  return rows<SubscriptionRow>(
    q,
    withLastAttempt(
      sql`SELECT ${subscriptionColumns} FROM webhook_subscription
          WHERE ${cursor ?? ''} = '' OR id > ${cursor ?? ''}
          ORDER BY id LIMIT ${limit + 1}`,
    ),
  )
}

export async function updateSubscription(
  q: Executor,
  id: string,
  change: {
    url?: string
    eventTypes?: string[]
    description?: string | null
    status?: 'active' | 'disabled'
  },
): Promise<SubscriptionRow | undefined> {
  const types = change.eventTypes === undefined ? null : JSON.stringify(change.eventTypes)
  const [row] = await rows<SubscriptionRow>(
    q,
    withLastAttempt(sql`UPDATE webhook_subscription SET
          url = coalesce(${change.url ?? null}, url),
          event_types = CASE WHEN ${types}::jsonb IS NULL THEN event_types
                             ELSE ARRAY(SELECT jsonb_array_elements_text(${types}::jsonb)) END,
          description = CASE WHEN ${change.description !== undefined}::boolean THEN ${change.description ?? null}
                             ELSE description END,
          -- Enabled again: deliveries resume, the failure streak starts afresh.
          disabled_reason = CASE WHEN ${change.status ?? null}::text = 'active' THEN NULL
                                 WHEN ${change.status ?? null}::text = 'disabled' AND status = 'active'
                                   THEN ${ADMIN_DISABLED_REASON}
                                 ELSE disabled_reason END,
          disabled_at = CASE WHEN ${change.status ?? null}::text = 'active' THEN NULL
                             WHEN ${change.status ?? null}::text = 'disabled' AND status = 'active' THEN now()
                             ELSE disabled_at END,
          failing_since = CASE WHEN ${change.status ?? null}::text = 'active' THEN NULL ELSE failing_since END,
          position = CASE WHEN ${change.status ?? null}::text = 'active' AND status = 'disabled'
                          THEN (SELECT position FROM event_cursor WHERE id = 'events.sequence')
                          ELSE position END,
          status = coalesce(${change.status ?? null}::text, status),
          updated_at = now()
        WHERE id = ${id}
        RETURNING ${subscriptionColumns}`),
  )
  return row
}

export async function rotateSecret(q: Executor, id: string, secret: string): Promise<boolean> {
  const found = await rows(
    q,
    sql`UPDATE webhook_subscription SET signing_secret = ${secret}, updated_at = now() WHERE id = ${id} RETURNING 1`,
  )
  return found.length > 0
}

export async function deleteSubscription(q: Executor, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await rows<SubscriptionRow>(
    q,
    withLastAttempt(sql`DELETE FROM webhook_subscription WHERE id = ${id} RETURNING ${subscriptionColumns}`),
  )
  return row
}

/**
 * Hands the events published since each active subscription last looked to the subscriptions that asked
 * for their type, one delivery row per event and subscription, in one statement. A subscription being
 * fanned out by another process right now (its row locked) is left to it.
 */
export async function fanOut(db: Db, limit = 1000): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`WITH s AS (
          SELECT id, position, event_types FROM webhook_subscription
          WHERE status = 'active' AND position < (SELECT position FROM event_cursor WHERE id = 'events.sequence')
          FOR UPDATE SKIP LOCKED
        ),
        e AS (
          SELECT s.id AS subscription_id, s.event_types, ev.id, ev.type, ev.position, ev.aggregate_type, ev.aggregate_id
          FROM s CROSS JOIN LATERAL (
            SELECT id, type, position, aggregate_type, aggregate_id FROM event
            WHERE position > s.position ORDER BY position LIMIT ${limit}
          ) ev
        ),
        d AS (
          INSERT INTO webhook_delivery (id, subscription_id, event_id, event_position, aggregate_key)
          SELECT 'whd_' || e.id || '_' || e.subscription_id, e.subscription_id, e.id, e.position,
                 e.aggregate_type || ':' || e.aggregate_id
          FROM e
          WHERE '*' = ANY(e.event_types) OR e.type = ANY(e.event_types)
             OR split_part(e.type, '.', 1) || '.*' = ANY(e.event_types)
          ON CONFLICT (id) DO NOTHING
          RETURNING 1
        ),
        moved AS (
          UPDATE webhook_subscription w SET position = m.last
          FROM (SELECT subscription_id, max(position) AS last FROM e GROUP BY subscription_id) m
          WHERE w.id = m.subscription_id
        )
        SELECT count(*)::int AS n FROM d`,
  )
  return r?.n ?? 0
}

export interface ClaimedDelivery {
  id: string
  subscription_id: string
  url: string
  secret: string
  attempts: number
  event: PublishedEvent
}

/**
 * Takes up to `limit` deliveries due now and leases them for `leaseMs` (past the lease, a process that
 * died while sending is replaced: at least once). Per subscription and aggregate only the oldest pending
 * delivery is due, so one aggregate's events arrive in order; other aggregates and other subscriptions
 * are not held up by it. Subscriptions in `busy` (at their share of concurrent sends here) are skipped.
 */
export async function claimDeliveries(
  db: Db,
  limit: number,
  leaseMs: number,
  busy: readonly string[],
): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return []
  const claimed = await rows<{
    id: string
    subscription_id: string
    url: string
    secret: string
    attempts: number
    event_id: string
  }>(
    db,
    sql`WITH due AS (
          SELECT d.id FROM webhook_delivery d
          JOIN webhook_subscription s ON s.id = d.subscription_id AND s.status = 'active'
          WHERE d.status = 'pending' AND d.next_attempt_at <= now()
            AND (d.lease_until IS NULL OR d.lease_until < now())
            AND d.subscription_id NOT IN (SELECT jsonb_array_elements_text(${JSON.stringify(busy)}::jsonb))
            AND NOT EXISTS (
              SELECT 1 FROM webhook_delivery p
              WHERE p.subscription_id = d.subscription_id AND p.aggregate_key = d.aggregate_key
                AND p.status = 'pending' AND (p.event_position, p.id) < (d.event_position, d.id))
          ORDER BY d.next_attempt_at, d.event_position
          LIMIT ${limit}
          FOR UPDATE OF d SKIP LOCKED
        ),
        leased AS (
          UPDATE webhook_delivery d
          SET lease_until = now() + ${leaseMs}::double precision * interval '1 millisecond', updated_at = now()
          FROM due WHERE d.id = due.id
          RETURNING d.id, d.subscription_id, d.attempts, d.event_id
        )
        SELECT l.id, l.subscription_id, l.attempts, l.event_id, s.url, s.signing_secret AS secret
        FROM leased l JOIN webhook_subscription s ON s.id = l.subscription_id`,
  )
  if (claimed.length === 0) return []
  const ids = [...new Set(claimed.map((c) => c.event_id))]
  const found = await rows<Parameters<typeof toPublished>[0]>(
    db,
    sql`SELECT ${eventColumns} FROM event WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  )
  const byId = new Map(found.map((r) => [r.id, toPublished(r)]))
  return claimed.flatMap((c) => {
    const event = byId.get(c.event_id)
    return event
      ? [
          {
            id: c.id,
            subscription_id: c.subscription_id,
            url: c.url,
            secret: c.secret,
            attempts: c.attempts,
            event,
          },
        ]
      : []
  })
}

export interface AttemptOutcome {
  ok: boolean
  statusCode: number | null
  latencyMs: number
  error: string | null
  responseExcerpt: string | null
}

/**
 * Records one attempt in the log and moves its delivery on, in one statement: delivered; or due again
 * after `retryMs`; or given up once it has been failing `giveUpAfterMs`. The subscription's failure streak
 * starts or ends with it, and a subscription failing for `disableAfterMs` is disabled with its reason.
 */
export async function recordAttempt(
  db: Db,
  d: ClaimedDelivery,
  outcome: AttemptOutcome,
  timing: { retryMs: number; giveUpAfterMs: number; disableAfterMs: number; reason: (since: Date) => string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`WITH a AS (
            INSERT INTO webhook_attempt (id, delivery_id, subscription_id, event_id, event_type, attempt, ok,
                                         status_code, latency_ms, error, response_excerpt)
            VALUES (${newId('wha')}, ${d.id}, ${d.subscription_id}, ${d.event.id}, ${d.event.type},
                    ${d.attempts + 1}, ${outcome.ok}::boolean, ${outcome.statusCode}::int, ${outcome.latencyMs},
                    ${outcome.error}, ${outcome.responseExcerpt})
          )
          UPDATE webhook_delivery SET
            attempts = attempts + 1,
            lease_until = NULL,
            status = CASE WHEN ${outcome.ok}::boolean THEN 'delivered'
                          WHEN created_at + ${timing.giveUpAfterMs}::double precision * interval '1 millisecond'
                               <= now() THEN 'failed'
                          ELSE 'pending' END,
            delivered_at = CASE WHEN ${outcome.ok}::boolean THEN now() ELSE NULL END,
            next_attempt_at = CASE WHEN ${outcome.ok}::boolean THEN next_attempt_at
                                   ELSE now() + ${timing.retryMs}::double precision * interval '1 millisecond' END,
            updated_at = now()
          WHERE id = ${d.id}`,
    )
    if (outcome.ok) {
      await tx.execute(
        sql`UPDATE webhook_subscription SET failing_since = NULL, updated_at = now()
            WHERE id = ${d.subscription_id} AND failing_since IS NOT NULL`,
      )
      return
    }
    const [s] = await rows<{ failing_since: Date | string }>(
      tx,
      sql`UPDATE webhook_subscription SET failing_since = coalesce(failing_since, now()), updated_at = now()
          WHERE id = ${d.subscription_id} RETURNING failing_since`,
    )
    if (!s) return
    const since = new Date(s.failing_since)
    await tx.execute(
      sql`UPDATE webhook_subscription
          SET status = 'disabled', disabled_at = now(), disabled_reason = ${timing.reason(since)}, updated_at = now()
          WHERE id = ${d.subscription_id} AND status = 'active'
            AND failing_since + ${timing.disableAfterMs}::double precision * interval '1 millisecond' <= now()`,
    )
  })
}

export interface AttemptRow {
  id: string
  delivery_id: string
  event_id: string
  event_type: string
  attempt: number
  ok: boolean
  status_code: number | null
  latency_ms: number
  error: string | null
  response_excerpt: string | null
  attempted_at: Date
  replay: boolean
  delivery_status: 'pending' | 'delivered' | 'failed'
  next_attempt_at: Date | null
}

/** The delivery log of a subscription, newest attempt first; only the failed (or succeeded) ones if asked. */
export async function listAttempts(
  q: Executor,
  subscriptionId: string,
  limit: number,
  cursor?: string,
  outcome?: 'ok' | 'failed',
) {
  const ok = outcome === undefined ? null : outcome === 'ok'
  return rows<AttemptRow>(
    q,
    sql`SELECT a.id, a.delivery_id, a.event_id, a.event_type, a.attempt, a.ok, a.status_code, a.latency_ms,
               a.error, a.response_excerpt, a.attempted_at, d.replay, d.status AS delivery_status,
               -- The next try belongs to the delivery: shown on its latest attempt while it is pending.
               CASE WHEN d.status = 'pending' AND a.attempt = d.attempts THEN d.next_attempt_at END
                 AS next_attempt_at
        FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
        WHERE a.subscription_id = ${subscriptionId} AND (${cursor ?? ''} = '' OR a.id < ${cursor ?? ''})
          AND (${ok}::boolean IS NULL OR a.ok = ${ok}::boolean)
        ORDER BY a.id DESC LIMIT ${limit + 1}`,
  )
}

/**
 * Queues the published events of the subscription's types again: one event, or those that occurred in
 * [from, to). Each becomes a new delivery (marked replay), sent in order with the others of its aggregate.
 * Queues nothing, and says how many matched, when more than `max` match: the caller narrows the range.
 */
export async function queueReplay(
  q: Executor,
  subscriptionId: string,
  which: { eventId: string } | { from: Date; to: Date },
  max: number,
): Promise<{ queued: number } | { tooMany: number }> {
  const filter =
    'eventId' in which
      ? sql`e.id = ${which.eventId}`
      : sql`e.occurred_at >= ${which.from.toISOString()}::timestamptz AND e.occurred_at < ${which.to.toISOString()}::timestamptz`
  const matching = sql`FROM event e JOIN webhook_subscription s ON s.id = ${subscriptionId}
    WHERE e.position IS NOT NULL AND ${filter}
      AND ('*' = ANY(s.event_types) OR e.type = ANY(s.event_types)
           OR split_part(e.type, '.', 1) || '.*' = ANY(s.event_types))`
  const [count] = await rows<{ n: number }>(q, sql`SELECT count(*)::int AS n ${matching}`)
  if ((count?.n ?? 0) > max) return { tooMany: count!.n }
  const [r] = await rows<{ n: number }>(
    q,
    sql`WITH d AS (
          INSERT INTO webhook_delivery (id, subscription_id, event_id, event_position, aggregate_key, replay)
          SELECT ${newId('whd')} || '_' || e.position, ${subscriptionId}, e.id, e.position,
                 e.aggregate_type || ':' || e.aggregate_id, true
          ${matching}
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM d`,
  )
  return { queued: r?.n ?? 0 }
}
