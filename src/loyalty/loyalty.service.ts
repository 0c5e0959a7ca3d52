import { sql } from 'drizzle-orm'
import type { Actor } from '../access/access.domain.ts'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { conflict, forbidden, refused } from '../shared/errors.ts'
import { pointsEarned, pointsForTender, programme } from './loyalty.domain.ts'

/** Points of a loyalty tender among these payments (validated: whole points). */
export function loyaltyPoints(payments: Array<{ method: string; amount_cents: number }>): number {
  return payments.reduce(
    (sum, p, i) =>
      p.method === 'loyalty_points'
        ? sum + pointsForTender(p.amount_cents, `payments/${i}/amount_cents`)
        : sum,
    0,
  )
}

/**
 * Spends points for an order: one guarded update (the balance never goes below zero, and of two
 * spends of the same points one finds them gone), and its ledger entry.
 */
export async function burnPoints(
  tx: Tx,
  customerId: string | null,
  orderId: string,
  points: number,
  reference: string,
  actor: string,
) {
  if (points === 0) return
  if (!customerId) {
    throw refused(
      'loyalty_needs_customer',
      'payments: loyalty points are spent by a known customer; attach one first.',
      {
        field: 'customer_id',
      },
    )
  }
  const [spent] = await rows<{ balance: number }>(
    tx,
    sql`WITH a AS (
          UPDATE loyalty_account SET balance = balance - ${points}, updated_at = now()
          WHERE customer_id = ${customerId} AND balance >= ${points}
          RETURNING balance
        ),
        e AS (
          INSERT INTO loyalty_entry (customer_id, kind, points, order_id, reference, actor)
          SELECT ${customerId}, 'burn', ${-points}, ${orderId}, ${reference}, ${actor} FROM a
        )
        SELECT balance FROM a`,
  )
  if (!spent) {
    const [account] = await rows<{ balance: number }>(
      tx,
      sql`SELECT balance FROM loyalty_account WHERE customer_id = ${customerId}`,
    )
    const balance = account?.balance ?? 0
    throw conflict('insufficient_points', `The customer has ${balance} points; ${points} are needed.`, {
      balance,
      requested: points,
      field: 'payments',
    })
  }
}

/** Gives points back (a refunded loyalty tender), once per reference. */
export async function creditPoints(
  tx: Tx,
  customerId: string,
  orderId: string,
  points: number,
  reference: string,
  actor: string,
) {
  await addPoints(tx, customerId, 'reversal', points, orderId, reference, actor)
}

/** Points in (earned or given back): once per order, kind and reference, with the balance. */
async function addPoints(
  tx: Tx,
  customerId: string,
  kind: 'earn' | 'reversal',
  points: number,
  orderId: string,
  reference: string,
  actor: string,
) {
  if (points <= 0) return
  await tx.execute(
    sql`WITH e AS (
          INSERT INTO loyalty_entry (customer_id, kind, points, order_id, reference, actor)
          VALUES (${customerId}, ${kind}, ${points}, ${orderId}, ${reference}, ${actor})
          ON CONFLICT DO NOTHING RETURNING points
        )
        INSERT INTO loyalty_account (customer_id, balance)
        SELECT ${customerId}, points FROM e
        ON CONFLICT (customer_id) DO UPDATE SET balance = loyalty_account.balance + excluded.balance, updated_at = now()`,
  )
}

/**
 * A completed order earns its customer points, once, whatever the channel: one per euro paid with
 * anything but points.
 */
export async function earnForOrder(tx: Tx, orderId: string, actor: string) {
  const [o] = await rows<{ customer_id: string | null; paid: number; with_points: number }>(
    tx,
    sql`SELECT o.customer_id, o.paid_cents - o.refunded_cents AS paid,
               coalesce((SELECT sum(CASE WHEN p.kind = 'capture' THEN p.amount_cents ELSE -p.amount_cents END)
                         FROM payment p WHERE p.order_id = o.id AND p.method = 'loyalty_points'), 0)::int AS with_points
        FROM orders o WHERE o.id = ${orderId}`,
  )
  if (!o?.customer_id) return
  await addPoints(tx, o.customer_id, 'earn', pointsEarned(o.paid, o.with_points), orderId, 'order', actor)
}

/** The balance, what it is worth, and the latest entries of the ledger (newest first). */
export async function loyaltyStatement(q: Executor, actor: Actor, customerId: string, limit: number) {
  if (actor.role === 'channel') throw forbidden('A channel reads loyalty through its own orders.')
  const [[account], entries] = await Promise.all([
    rows<{ balance: number }>(q, sql`SELECT balance FROM loyalty_account WHERE customer_id = ${customerId}`),
    rows<{
      id: number
      kind: string
      points: number
      order_id: string | null
      reason: string | null
      created_at: Date
    }>(
      q,
      sql`SELECT id::int AS id, kind, points, order_id, reason, created_at FROM loyalty_entry
          WHERE customer_id = ${customerId} ORDER BY id DESC LIMIT ${limit}`,
    ),
  ])
  const balance = account?.balance ?? 0
  return {
    customer_id: customerId,
    balance,
    worth_cents: balance * programme.pointValueCents,
    entries: entries.map((e) => ({ ...e, created_at: new Date(e.created_at).toISOString() })),
  }
}

/** A correction by head office (goodwill gesture, error): never below zero. */
export async function adjustPoints(tx: Tx, actor: Actor, customerId: string, points: number, reason: string) {
  if (actor.role !== 'admin' && actor.role !== 'call_centre') {
    throw forbidden('Points are adjusted by head office or the call centre.')
  }
  await tx.execute(
    sql`INSERT INTO loyalty_account (customer_id) VALUES (${customerId}) ON CONFLICT (customer_id) DO NOTHING`,
  )
  const [done] = await rows<{ balance: number }>(
    tx,
    sql`WITH a AS (
          UPDATE loyalty_account SET balance = balance + ${points}, updated_at = now()
          WHERE customer_id = ${customerId} AND balance + ${points} >= 0
          RETURNING balance
        ),
        e AS (
          INSERT INTO loyalty_entry (customer_id, kind, points, reason, actor)
          SELECT ${customerId}, 'adjustment', ${points}, ${reason}, ${actor.keyId} FROM a
        )
        SELECT balance FROM a`,
  )
  if (!done) {
    throw conflict('insufficient_points', `An adjustment of ${points} would take the balance below zero.`, {
      field: 'points',
    })
  }
  return done.balance
}
