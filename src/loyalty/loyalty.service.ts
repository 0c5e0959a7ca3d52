import { type SQL, sql } from 'drizzle-orm'
import { getCustomer, visibleCustomer } from '../customers/index.ts'
import { type Db, type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden } from '../shared/errors.ts'
import {
  defaultSettings,
  type ProgrammeSettings,
  pointsForOrder,
  type Tier,
  tierFor,
} from './earning.domain.ts'
import { pointsForTender, programme } from './loyalty.domain.ts'
import { conflict, refused } from './loyalty.errors.ts'
import { tierDto, toEarningRule } from './programme.service.ts'

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
  explained?: { reason: string; detail: Record<string, unknown> },
) {
  if (points <= 0) return
  await tx.execute(
    sql`WITH e AS (
          INSERT INTO loyalty_entry (customer_id, kind, points, order_id, reference, actor, reason, detail)
          VALUES (${customerId}, ${kind}, ${points}, ${orderId}, ${reference}, ${actor},
                  ${explained?.reason ?? null}, ${explained ? JSON.stringify(explained.detail) : null}::jsonb)
          ON CONFLICT DO NOTHING RETURNING points
        )
        INSERT INTO loyalty_account (customer_id, balance)
        SELECT ${customerId}, points FROM e
        ON CONFLICT (customer_id) DO UPDATE SET balance = loyalty_account.balance + excluded.balance, updated_at = now()`,
  )
}

/**
 * Points that count towards a tier: earned in the rolling window, less what returns took back of
 * them. Points given back after a cancelled payment were never earned, and do not count.
 */
const qualifyingPoints = (customerId: SQL | string, months: SQL) =>
  sql`(SELECT coalesce(sum(e.points), 0)::int FROM loyalty_entry e
       WHERE e.customer_id = ${customerId} AND (e.kind = 'earn' OR (e.kind = 'reversal' AND e.points < 0))
         AND e.created_at >= now() - make_interval(months => ${months}))`

/** The programme's tier window, in months (its default when head office never set one). */
const windowMonths = sql`coalesce((SELECT tier_window_months FROM loyalty_programme WHERE id = 'default'), ${defaultSettings.tierWindowMonths})`

type RuleJson = Parameters<typeof toEarningRule>[0]
type TierJson = { code: string; name: string; threshold_points: number; multiplier_percent: number }

const tierOfJson = (t: TierJson): Tier => ({
  code: t.code,
  name: t.name,
  thresholdPoints: t.threshold_points,
  multiplierPercent: t.multiplier_percent,
})

/**
 * A completed order earns its customer points, once, whatever the channel, under the programme's
 * rules (see `pointsForOrder`), with the explanation stored on the entry. One read gathers the order,
 * its lines and categories, the rules, the tiers and the customer's qualifying points.
 */
export async function earnForOrder(tx: Tx, orderId: string, actor: string) {
  const [o] = await rows<{
    customer_id: string
    channel_id: string
    created_at: Date
    with_points: number
    lines: Array<{
      line_no: number
      category: string | null
      total_cents: number
      quantity: number
      kept: number
    }>
    settings: { points_per_euro: number; tier_window_months: number } | null
    rules: RuleJson[]
    tiers: TierJson[]
    qualifying: number
  }>(
    tx,
    sql`WITH p AS (SELECT points_per_euro, tier_window_months FROM loyalty_programme WHERE id = 'default')
        SELECT o.customer_id, o.channel_id, o.created_at,
               coalesce((SELECT sum(CASE WHEN p.kind = 'capture' THEN p.amount_cents ELSE -p.amount_cents END)
                         FROM payment p WHERE p.order_id = o.id AND p.method = 'loyalty_points'), 0)::int AS with_points,
               (SELECT coalesce(json_agg(json_build_object('line_no', l.line_no, 'category', pr.category,
                         'total_cents', l.total_cents, 'quantity', l.quantity,
                         'kept', l.quantity - l.cancelled_quantity - l.returned_quantity) ORDER BY l.line_no), '[]'::json)
                FROM order_line l LEFT JOIN variant v ON v.sku = l.sku LEFT JOIN product pr ON pr.id = v.product_id
                WHERE l.order_id = o.id) AS lines,
               (SELECT row_to_json(p) FROM p) AS settings,
               (SELECT coalesce(json_agg(r), '[]'::json) FROM loyalty_rule r
                -- Campaigns over before the order are left out, so this read stays small as they pile up.
                WHERE r.active AND (r.channel_id IS NULL OR r.channel_id = o.channel_id)
                  AND (r.ends_at IS NULL OR r.ends_at > o.created_at)) AS rules,
               (SELECT coalesce(json_agg(t), '[]'::json) FROM loyalty_tier t) AS tiers,
               ${qualifyingPoints(sql`o.customer_id`, windowMonths)} AS qualifying
        FROM orders o WHERE o.id = ${orderId} AND o.customer_id IS NOT NULL`,
  )
  if (!o) return
  const settings: ProgrammeSettings = o.settings
    ? {
        ...defaultSettings,
        pointsPerEuro: o.settings.points_per_euro,
        tierWindowMonths: o.settings.tier_window_months,
      }
    : defaultSettings
  const { tier } = tierFor(o.tiers.map(tierOfJson), o.qualifying)
  const earning = pointsForOrder(
    {
      channelId: o.channel_id,
      purchasedAt: new Date(o.created_at),
      paidWithPointsCents: o.with_points,
      lines: o.lines.map((l) => ({
        lineNo: l.line_no,
        category: l.category ?? '',
        netCents: l.kept === l.quantity ? l.total_cents : Math.round((l.total_cents * l.kept) / l.quantity),
      })),
    },
    settings,
    o.rules.map(toEarningRule),
    tier,
  )
  await addPoints(tx, o.customer_id, 'earn', earning.points, orderId, 'order', actor, {
    reason: earning.contributions.map((c) => `${c.label}: ${c.points}`).join('; '),
    detail: {
      eligible_cents: earning.eligibleCents,
      tier: tier?.code ?? null,
      qualifying_points: o.qualifying,
      rules: earning.contributions,
    },
  })
}

/**
 * A SQL expression: the code of the tier of the customer named by `customerId` (a column or a value)
 * now, null below the first tier: what a statement over many customers embeds (segments).
 */
export const tierCodeOf = (customerId: SQL) =>
  sql`(SELECT t.code FROM loyalty_tier t
       WHERE t.threshold_points <= ${qualifyingPoints(customerId, windowMonths)}
       ORDER BY t.threshold_points DESC LIMIT 1)`

/** The customer's tier now, from the points earned over the programme's rolling window: one read. */
export async function customerTier(q: Executor, customerId: string) {
  const [row] = await rows<{ tiers: TierJson[]; window_months: number; qualifying: number }>(
    q,
    sql`WITH w AS (SELECT ${windowMonths} AS months)
        SELECT (SELECT coalesce(json_agg(t), '[]'::json) FROM loyalty_tier t) AS tiers,
               (SELECT months FROM w) AS window_months,
               ${qualifyingPoints(customerId, sql`(SELECT months FROM w)`)} AS qualifying`,
  )
  const qualifying = row?.qualifying ?? 0
  const { tier, next } = tierFor((row?.tiers ?? []).map(tierOfJson), qualifying)
  return {
    tier: tier && tierDto(tier),
    qualifying_points: qualifying,
    window_months: row?.window_months ?? defaultSettings.tierWindowMonths,
    next_tier: next && { ...tierDto(next), points_needed: next.thresholdPoints - qualifying },
  }
}

/** The balance, what it is worth and the tier, in one read: what the customer 360 shows. */
export async function loyaltySummary(q: Executor, customerId: string) {
  const [row] = await rows<{ balance: number; tiers: TierJson[]; qualifying: number }>(
    q,
    sql`SELECT coalesce((SELECT balance FROM loyalty_account WHERE customer_id = ${customerId}), 0) AS balance,
               (SELECT coalesce(json_agg(t), '[]'::json) FROM loyalty_tier t) AS tiers,
               ${qualifyingPoints(customerId, windowMonths)} AS qualifying`,
  )
  const balance = row?.balance ?? 0
  const { tier } = tierFor((row?.tiers ?? []).map(tierOfJson), row?.qualifying ?? 0)
  return {
    balance,
    worth_cents: balance * programme.pointValueCents,
    tier: tier && { code: tier.code, name: tier.name },
  }
}

/**
 * The balance, what it is worth, the customer's tier, and the latest entries of the ledger (newest
 * first), each with why it was credited or taken. Who may read it is checked by the route.
 */
export async function loyaltyStatement(q: Executor, customerId: string, limit: number) {
  const [[account], entries, tier] = await Promise.all([
    rows<{ balance: number }>(q, sql`SELECT balance FROM loyalty_account WHERE customer_id = ${customerId}`),
    rows<{
      id: number
      kind: string
      points: number
      order_id: string | null
      reason: string | null
      detail: Record<string, unknown> | null
      created_at: Date
    }>(
      q,
      sql`SELECT id::int AS id, kind, points, order_id, reason, detail, created_at FROM loyalty_entry
          WHERE customer_id = ${customerId} ORDER BY id DESC LIMIT ${limit}`,
    ),
    customerTier(q, customerId),
  ])
  const balance = account?.balance ?? 0
  return {
    customer_id: customerId,
    balance,
    worth_cents: balance * programme.pointValueCents,
    ...tier,
    entries: entries.map((e) => ({ ...e, created_at: new Date(e.created_at).toISOString() })),
  }
}

/** A correction by head office (goodwill gesture, error): never below zero. */
export const adjustPoints = inTransaction(adjustPointsIn)

async function adjustPointsIn(tx: Tx, actor: Actor, customerId: string, points: number, reason: string) {
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

/** A customer's points and latest movements, as `visibleCustomer` lets the key see them. */
export async function customerLoyalty(
  q: Executor,
  actor: Actor,
  id: string,
  login: string | undefined,
  limit: number,
) {
  const customer = await visibleCustomer(q, actor, id, login)
  return loyaltyStatement(q, customer.id, limit)
}

/** Points given or taken back by hand (a merged id names the profile it went into); answers the new statement. */
export async function adjustCustomerPoints(db: Db, actor: Actor, id: string, points: number, reason: string) {
  const customer = await getCustomer(db, id)
  await adjustPoints(db, actor, customer.id, points, reason)
  return loyaltyStatement(db, customer.id, 50)
}
