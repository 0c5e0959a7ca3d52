import { sql } from 'drizzle-orm'
import { type Db, rows } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { monthsBefore } from './expiry.domain.ts'
import { refused } from './loyalty.errors.ts'

export interface ExpiryOutcome {
  cutoff: Date
  customers: number
  points: number
}

/**
 * Expires every customer's points credited before `cutoff` and not consumed since (see
 * `pointsToExpire`, which this statement computes in SQL), in batches of customers, one transaction
 * per batch. Each batch first locks the customers' accounts and only then reads their ledgers, so a
 * spend, an earn or another expiry run at the same moment is either seen or waits: a run repeated,
 * or two runs at once, expire nothing twice, and the balance never goes below zero.
 * `since` narrows the customers looked at to those credited in [since, cutoff): the periodic sweep
 * has already dealt with everything before.
 */
export async function expireBefore(
  db: Db,
  cutoff: Date,
  since: Date | null,
  actor: string,
  batch = 500,
): Promise<ExpiryOutcome> {
  const outcome = { cutoff, customers: 0, points: 0 }
  const reference = `expiry:${cutoff.toISOString()}`
  const detail = JSON.stringify({ cutoff: cutoff.toISOString() })
  const reason = `points credited before ${cutoff.toISOString().slice(0, 10)} and not used`
  let after = ''
  for (;;) {
    const candidates = await rows<{ customer_id: string }>(
      db,
      since
        ? sql`SELECT DISTINCT customer_id FROM loyalty_entry
              WHERE points > 0 AND created_at >= ${since.toISOString()}::timestamptz
                AND created_at < ${cutoff.toISOString()}::timestamptz AND customer_id > ${after}
              ORDER BY customer_id LIMIT ${batch}`
        : sql`SELECT customer_id FROM loyalty_account WHERE balance > 0 AND customer_id > ${after}
              ORDER BY customer_id LIMIT ${batch}`,
    )
    if (candidates.length === 0) break
    after = candidates.at(-1)!.customer_id
    const ids = JSON.stringify(candidates.map((c) => c.customer_id))
    const [done] = await db.transaction(async (tx) => {
      // Locked in one order, so two runs never deadlock; the next statement reads after the locks.
      await tx.execute(
        sql`SELECT customer_id FROM loyalty_account
            WHERE customer_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))
            ORDER BY customer_id FOR UPDATE`,
      )
      return rows<{ customers: number; points: number }>(
        tx,
        sql`WITH due AS (
              SELECT e.customer_id,
                     (coalesce(sum(e.points) FILTER (WHERE e.points > 0 AND e.created_at < ${cutoff.toISOString()}::timestamptz), 0)
                      + coalesce(sum(e.points) FILTER (WHERE e.points < 0), 0))::int AS points
              FROM loyalty_entry e
              WHERE e.customer_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))
              GROUP BY e.customer_id
            ),
            a AS (
              UPDATE loyalty_account a SET balance = a.balance - d.points, updated_at = now()
              FROM due d
              WHERE a.customer_id = d.customer_id AND d.points > 0 AND a.balance >= d.points
              RETURNING a.customer_id, d.points
            ),
            e AS (
              INSERT INTO loyalty_entry (customer_id, kind, points, reference, reason, detail, actor)
              SELECT customer_id, 'expire', -points, ${reference}, ${reason}, ${detail}::jsonb, ${actor} FROM a
            )
            SELECT count(*)::int AS customers, coalesce(sum(points), 0)::int AS points FROM a`,
      )
    })
    outcome.customers += done?.customers ?? 0
    outcome.points += done?.points ?? 0
    if (candidates.length < batch) break
  }
  return outcome
}

/**
 * The periodic expiry: points credited more than `expiry_months` ago. Each pass starts where the last
 * complete one stopped (`expired_through`), so it reads only the points credited in between.
 */
export async function expireDuePoints(db: Db, now = new Date()): Promise<ExpiryOutcome | null> {
  const [programme] = await rows<{ expiry_months: number | null; expired_through: Date | null }>(
    db,
    sql`SELECT expiry_months, expired_through FROM loyalty_programme WHERE id = 'default'`,
  )
  if (!programme || programme.expiry_months === null) return null
  const cutoff = monthsBefore(now, programme.expiry_months)
  const since = programme.expired_through ? new Date(programme.expired_through) : null
  if (since && since >= cutoff) return { cutoff, customers: 0, points: 0 }
  const outcome = await expireBefore(db, cutoff, since, 'system')
  await advanceWatermark(db, cutoff)
  return outcome
}

/**
 * Head office runs the expiry as of a date (a catch-up after an outage, or to apply a shorter
 * validity at once): every customer is looked at, not only those credited since the last pass.
 */
export async function runExpiry(db: Db, asOf: Date, actor: string) {
  if (asOf.getTime() > Date.now() + 60_000) {
    throw invalidInput('as_of', 'points cannot be expired ahead of time; give a date up to now')
  }
  const [programme] = await rows<{ expiry_months: number | null }>(
    db,
    sql`SELECT expiry_months FROM loyalty_programme WHERE id = 'default'`,
  )
  const months = programme?.expiry_months ?? null
  if (months === null) {
    throw refused(
      'expiry_not_configured',
      'Points do not expire in this programme: set expiry_months with PUT /loyalty/programme first.',
    )
  }
  const outcome = await expireBefore(db, monthsBefore(asOf, months), null, actor)
  await advanceWatermark(db, outcome.cutoff)
  return {
    as_of: asOf.toISOString(),
    expiry_months: months,
    cutoff: outcome.cutoff.toISOString(),
    customers: outcome.customers,
    points: outcome.points,
  }
}

/** Only forward: a run for an earlier date never makes the sweep look again at what it has done. */
async function advanceWatermark(db: Db, cutoff: Date) {
  await db.execute(
    sql`UPDATE loyalty_programme SET expired_through = ${cutoff.toISOString()}::timestamptz
        WHERE id = 'default' AND (expired_through IS NULL OR expired_through < ${cutoff.toISOString()}::timestamptz)`,
  )
}
