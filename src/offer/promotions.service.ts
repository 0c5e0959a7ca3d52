import type { Static } from '@fastify/type-provider-typebox'
import { type SQL, sql } from 'drizzle-orm'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { byApiKey, bySystem, type EventActor, outboxInsertFrom, promotionEvents } from '../events/index.ts'
import type { Actor } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { conflict, notFound } from './offer.errors.ts'
import type { PromotionIn } from './promotions.contract.ts'
import type { Promotion, PromotionRecord } from './promotions.domain.ts'
import { definitionProblem, normaliseCode, type PromotionDefinition } from './promotions.rules.ts'

interface PromotionRow {
  id: string
  code: string
  name: string
  kind: Promotion['kind']
  channel_ids: string[] | null
  channel_kinds: string[] | null
  starts_at: Date | string | null
  ends_at: Date | string | null
  target: Promotion['target']
  priority: number
  stacking: Promotion['stacking']
  percent_bp: number | null
  amount_cents: number | null
  fixed_price_cents: number | null
  buy_quantity: number | null
  get_quantity: number | null
  nth: number | null
  threshold_cents: number | null
  voucher_code: string | null
  limit_total: number | null
  limit_per_customer: number | null
  used_count: number
  active: boolean
  created_at: Date | string
}

const date = (d: Date | string | null) => (d === null ? null : new Date(d))
const opt = (n: number | null) => n ?? undefined

function toRecord(r: PromotionRow): PromotionRecord {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    channels: r.channel_ids,
    channelKinds: r.channel_kinds,
    startsAt: date(r.starts_at),
    endsAt: date(r.ends_at),
    target: r.target,
    priority: r.priority,
    stacking: r.stacking,
    percentBp: opt(r.percent_bp),
    amountCents: opt(r.amount_cents),
    fixedPriceCents: opt(r.fixed_price_cents),
    buy: opt(r.buy_quantity),
    get: opt(r.get_quantity),
    nth: opt(r.nth),
    thresholdCents: opt(r.threshold_cents),
    voucherCode: r.voucher_code,
    limitTotal: r.limit_total,
    limitPerCustomer: r.limit_per_customer,
    usedCount: r.used_count,
    active: r.active,
  }
}

const cache = new WeakMap<object, { at: number; generation: number; list: PromotionRecord[] }>()
/** Bumped by every change made in this process: caches of every database connection read again. */
let generation = 0

/**
 * The promotions that may still apply (active, not ended), read at most every few seconds per
 * process: every order is priced against them and they change a few times a week. An admin change
 * in this process is seen at once; in another process within 5 seconds.
 */
export async function livePromotions(q: Executor): Promise<PromotionRecord[]> {
  const hit = cache.get(q)
  if (hit && hit.generation === generation && Date.now() - hit.at < 5_000) return hit.list
  const list = (
    await rows<PromotionRow>(
      q,
      sql`SELECT * FROM promotion WHERE active AND (ends_at IS NULL OR ends_at > now())
          ORDER BY priority, id`,
    )
  ).map(toRecord)
  cache.set(q, { at: Date.now(), generation, list })
  return list
}

export function forgetPromotions() {
  generation++
}

// A promotion applies while it is active, between its dates and under its total limit.
const applies = sql.raw(`p.active AND (p.starts_at IS NULL OR p.starts_at <= now())
  AND (p.ends_at IS NULL OR p.ends_at > now()) AND (p.limit_total IS NULL OR p.used_count < p.limit_total)`)

/**
 * Records `promotion.started` for the promotions of `which` that apply now and were not announced as
 * started, and `promotion.ended` for those announced as started that no longer apply (their end date
 * passed, their limit was reached, they were stopped), in one statement with the `announced` mark.
 * Run on each change of a promotion and of its uses, and by the `offer.announce-promotions` job for
 * the dates that pass by themselves (so a start or end is recorded within the job's interval).
 */
export async function announcePromotions(q: Executor, which: SQL, actor: EventActor): Promise<number> {
  const [r] = await rows<{ n: number }>(
    q,
    sql`WITH due AS (
          SELECT p.id, p.channel_ids, p.ends_at, CASE WHEN ${applies} THEN 'started' ELSE 'ended' END AS state
          FROM promotion p
          WHERE ${which} AND CASE WHEN ${applies} THEN p.announced IS DISTINCT FROM 'started'
                                  ELSE p.announced = 'started' END
          ORDER BY p.id FOR UPDATE OF p
        ),
        marked AS (UPDATE promotion p SET announced = due.state FROM due WHERE p.id = due.id),
        started AS (${outboxInsertFrom(
          promotionEvents,
          'promotion.started',
          actor,
          sql`SELECT id AS aggregate_id, jsonb_build_object('promotion_id', id,
                'channel_ids', to_jsonb(coalesce(channel_ids, '{}'::text[])), 'ends_at', ends_at) AS payload
              FROM due WHERE state = 'started' ORDER BY id`,
        )}),
        ended AS (${outboxInsertFrom(
          promotionEvents,
          'promotion.ended',
          actor,
          sql`SELECT id AS aggregate_id, jsonb_build_object('promotion_id', id) AS payload
              FROM due WHERE state = 'ended' ORDER BY id`,
        )})
        SELECT count(*)::int AS n FROM due`,
  )
  return r?.n ?? 0
}

const each = (list: string[]) => sql`jsonb_array_elements_text(${JSON.stringify(list)}::jsonb)`
const textArray = (list: string[] | null) =>
  list === null ? sql`NULL::text[]` : sql`ARRAY(SELECT ${each(list)})`

async function resolveChannels(q: Executor, refs: string[] | undefined): Promise<string[] | null> {
  if (!refs) return null
  const found = await rows<{ id: string; code: string }>(
    q,
    sql`SELECT id, code FROM channel WHERE id IN (SELECT ${each(refs)}) OR code IN (SELECT ${each(refs)})`,
  )
  return refs.map((ref, i) => {
    const c = found.find((f) => f.id === ref || f.code === ref)
    if (!c) throw invalidInput(`channels/${i}`, `no channel with id or code ${ref}`)
    return c.id
  })
}

async function resolveTarget(q: Executor, target: Promotion['target']): Promise<Promotion['target']> {
  if (target.kind !== 'products') return target
  const refs = target.productIds
  const found = await rows<{ id: string; code: string }>(
    q,
    sql`SELECT id, code FROM product WHERE id IN (SELECT ${each(refs)}) OR code IN (SELECT ${each(refs)})`,
  )
  return {
    kind: 'products',
    productIds: refs.map((ref, i) => {
      const p = found.find((f) => f.id === ref || f.code === ref)
      if (!p) throw invalidInput(`target/products/${i}`, `no product with id or code ${ref}`)
      return p.id
    }),
  }
}

/** A promotion created through the API, whose product target names its products (`products`). */
export function createPromotionFromApi(tx: Tx, body: Static<typeof PromotionIn>, actor: string) {
  const { target, ...rest } = body
  return createPromotion(
    tx,
    {
      ...rest,
      target: target.kind === 'products' ? { kind: 'products', productIds: target.products } : target,
    },
    actor,
  )
}

export async function createPromotion(
  tx: Tx,
  d: PromotionDefinition,
  actor: string,
  eventActor: EventActor = byApiKey(actor),
) {
  const problem = definitionProblem(d)
  if (problem) throw invalidInput(problem.field, problem.message)
  const channelIds = await resolveChannels(tx, d.channels)
  const target = await resolveTarget(tx, d.target)
  const voucher = d.voucher_code ? normaliseCode(d.voucher_code) : null
  const [clash] = await rows<{ code: string; voucher_code: string | null }>(
    tx,
    sql`SELECT code, voucher_code FROM promotion WHERE code = ${d.code} OR voucher_code = ${voucher}`,
  )
  if (clash?.code === d.code) throw conflict('promotion_exists', `A promotion ${d.code} already exists.`)
  if (clash) throw conflict('voucher_code_taken', `The code ${voucher} is already promotion ${clash.code}'s.`)
  const id = newId('prm')
  await tx.execute(
    sql`INSERT INTO promotion (id, code, name, kind, channel_ids, channel_kinds, starts_at, ends_at, target,
          priority, stacking, percent_bp, amount_cents, fixed_price_cents, buy_quantity, get_quantity, nth,
          threshold_cents, voucher_code, limit_total, limit_per_customer, created_by)
        VALUES (${id}, ${d.code}, ${d.name}, ${d.kind}, ${textArray(channelIds)}, ${textArray(d.channel_kinds ?? null)},
          ${d.starts_at ?? null}, ${d.ends_at ?? null}, ${JSON.stringify(target)}::jsonb, ${d.priority ?? 100},
          ${d.stacking ?? 'stackable'}, ${d.percent_bp ?? null}, ${d.amount_cents ?? null},
          ${d.fixed_price_cents ?? null}, ${d.buy ?? null}, ${d.get ?? null}, ${d.nth ?? null},
          ${d.threshold_cents ?? null}, ${voucher}, ${d.limit_total ?? null}, ${d.limit_per_customer ?? null},
          ${actor})`,
  )
  await announcePromotions(tx, sql`p.id = ${id}`, eventActor)
  forgetPromotions()
  return getPromotion(tx, id)
}

export interface PromotionChange {
  name?: string
  starts_at?: string | null
  ends_at?: string | null
  priority?: number
  active?: boolean
  limit_total?: number | null
}

/** What may change once orders use a promotion: its name, dates, priority, whether it runs, its total. */
export const changePromotion = inTransaction(changePromotionIn)

async function changePromotionIn(tx: Tx, ref: string, change: PromotionChange, actor?: Actor) {
  const current = await getPromotion(tx, ref)
  const startsAt = change.starts_at === undefined ? current.starts_at : change.starts_at
  const endsAt = change.ends_at === undefined ? current.ends_at : change.ends_at
  if (startsAt && endsAt && new Date(endsAt) <= new Date(startsAt))
    throw invalidInput('ends_at', 'must be after starts_at')
  if (change.limit_total !== undefined) {
    if ((change.limit_total === null) !== (current.limit_total === null))
      throw invalidInput(
        'limit_total',
        'a promotion limited in total stays limited, and an unlimited one unlimited',
      )
    if (change.limit_total !== null && change.limit_total < current.used_count)
      throw invalidInput('limit_total', `${current.used_count} orders already use it`)
  }
  await tx.execute(
    sql`UPDATE promotion SET name = coalesce(${change.name ?? null}, name),
          starts_at = ${startsAt}, ends_at = ${endsAt},
          priority = coalesce(${change.priority ?? null}::int, priority),
          active = coalesce(${change.active ?? null}::boolean, active),
          limit_total = ${change.limit_total === undefined ? current.limit_total : change.limit_total},
          updated_at = now()
        WHERE id = ${current.id}`,
  )
  await announcePromotions(tx, sql`p.id = ${current.id}`, actor ? byApiKey(actor.keyId) : bySystem)
  forgetPromotions()
  return getPromotion(tx, current.id)
}

export async function getPromotion(q: Executor, ref: string) {
  const [r] = await rows<PromotionRow & { orders: number; discount_cents: number }>(
    q,
    sql`SELECT p.*,
          (SELECT count(*)::int FROM promotion_redemption r WHERE r.promotion_id = p.id AND r.status = 'applied') AS orders,
          (SELECT coalesce(sum(r.discount_cents), 0)::int FROM promotion_redemption r
            WHERE r.promotion_id = p.id AND r.status = 'applied') AS discount_cents
        FROM promotion p WHERE p.id = ${ref} OR p.code = ${ref}`,
  )
  if (!r) throw notFound('promotion', ref)
  return { ...promotionView(r), orders: r.orders, discount_given_cents: r.discount_cents }
}

export async function listPromotions(
  q: Executor,
  filter: { channel?: string; live?: boolean },
  limit: number,
  cursor?: string,
) {
  const channelId = filter.channel ? (await resolveChannels(q, [filter.channel]))![0]! : null
  const found = await rows<PromotionRow>(
    q,
    sql`SELECT p.* FROM promotion p
        WHERE (${cursor ?? null}::text IS NULL OR p.id < ${cursor ?? null})
          AND (${channelId}::text IS NULL OR p.channel_ids IS NULL OR ${channelId} = ANY(p.channel_ids))
          AND (${filter.live ?? null}::boolean IS NULL OR ${filter.live ?? null} = (
                p.active AND (p.starts_at IS NULL OR p.starts_at <= now()) AND (p.ends_at IS NULL OR p.ends_at > now())))
        ORDER BY p.id DESC LIMIT ${limit + 1}`,
  )
  return found.map(promotionView)
}

export function promotionView(r: PromotionRow) {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
  const target =
    r.target.kind === 'products' ? { kind: 'products' as const, products: r.target.productIds } : r.target
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    channels: r.channel_ids,
    channel_kinds: r.channel_kinds,
    starts_at: iso(r.starts_at),
    ends_at: iso(r.ends_at),
    target,
    priority: r.priority,
    stacking: r.stacking,
    percent_bp: r.percent_bp,
    amount_cents: r.amount_cents,
    fixed_price_cents: r.fixed_price_cents,
    buy: r.buy_quantity,
    get: r.get_quantity,
    nth: r.nth,
    threshold_cents: r.threshold_cents,
    voucher_code: r.voucher_code,
    limit_total: r.limit_total,
    limit_per_customer: r.limit_per_customer,
    used_count: r.used_count,
    active: r.active,
    created_at: new Date(r.created_at).toISOString(),
  }
}

export interface HeldPromotion {
  promotionId: string
  code: string
  discountCents: number
  limitTotal: number | null
  limitPerCustomer: number | null
}

/**
 * Records the promotions an order uses, in the order's transaction, taking one of each limited
 * promotion's uses with a guarded update: of two orders racing for the last use, the second is
 * refused (409 promotion_limit_reached) and writes nothing; placed again, it is priced without it.
 */
export async function holdPromotions(
  tx: Tx,
  orderId: string,
  customerId: string | null,
  held: HeldPromotion[],
  actor: EventActor,
) {
  for (const h of held) {
    if (h.limitTotal !== null) {
      const taken = await rows(
        tx,
        sql`UPDATE promotion SET used_count = used_count + 1, updated_at = now()
            WHERE id = ${h.promotionId} AND used_count < limit_total RETURNING used_count = limit_total AS full`,
      )
      // The order took its last use: it ends with this order.
      if ((taken[0] as { full?: boolean } | undefined)?.full) {
        await announcePromotions(tx, sql`p.id = ${h.promotionId}`, actor)
      }
      if (taken.length === 0) {
        forgetPromotions()
        throw conflict(
          'promotion_limit_reached',
          `Promotion ${h.code} has been used as many times as it may; place the order again to price it without.`,
          { promotion: h.code },
        )
      }
    }
    if (h.limitPerCustomer !== null) {
      const taken = await rows(
        tx,
        sql`INSERT INTO promotion_customer_usage (promotion_id, customer_id, used)
            VALUES (${h.promotionId}, ${customerId}, 1)
            ON CONFLICT (promotion_id, customer_id) DO UPDATE
              SET used = promotion_customer_usage.used + 1, updated_at = now()
              WHERE promotion_customer_usage.used < ${h.limitPerCustomer}
            RETURNING 1`,
      )
      if (taken.length === 0) {
        throw conflict(
          'promotion_limit_reached',
          `This customer has already used promotion ${h.code} as many times as allowed (${h.limitPerCustomer}).`,
          { promotion: h.code },
        )
      }
    }
  }
  await tx.execute(
    sql`INSERT INTO promotion_redemption (promotion_id, order_id, customer_id, discount_cents, counted_total, counted_customer)
        SELECT x.promotion_id, ${orderId}, ${customerId}, x.discount_cents, x.counted_total, x.counted_customer
        FROM jsonb_to_recordset(${JSON.stringify(
          held.map((h) => ({
            promotion_id: h.promotionId,
            discount_cents: h.discountCents,
            counted_total: h.limitTotal !== null,
            counted_customer: h.limitPerCustomer !== null,
          })),
        )}::jsonb) AS x(promotion_id text, discount_cents int, counted_total boolean, counted_customer boolean)`,
  )
}

/**
 * The statement part giving back the uses of the orders selected by `orders` (a CTE with an `id`
 * column): cancelled or expired orders no longer count against a promotion's limits.
 */
export function releasePromotionsCtes(orders: string) {
  return `
    pr_released AS (
      UPDATE promotion_redemption SET status = 'released', updated_at = now()
      WHERE order_id IN (SELECT id FROM ${orders}) AND status = 'applied'
      RETURNING promotion_id, customer_id, counted_total, counted_customer
    ),
    pr_total AS (
      UPDATE promotion p SET used_count = p.used_count - x.n, updated_at = now()
      FROM (SELECT promotion_id, count(*)::int AS n FROM pr_released WHERE counted_total GROUP BY promotion_id) x
      WHERE p.id = x.promotion_id
    ),
    pr_customer AS (
      UPDATE promotion_customer_usage u SET used = u.used - x.n, updated_at = now()
      FROM (SELECT promotion_id, customer_id, count(*)::int AS n FROM pr_released WHERE counted_customer
            GROUP BY promotion_id, customer_id) x
      WHERE u.promotion_id = x.promotion_id AND u.customer_id = x.customer_id
    )`
}

export async function releasePromotions(tx: Tx, orderId: string, actor: EventActor) {
  await tx.execute(
    sql`WITH o AS (SELECT ${orderId}::text AS id), ${sql.raw(releasePromotionsCtes('o'))} SELECT 1`,
  )
  // A use given back may let a promotion that had reached its limit apply again.
  await announcePromotions(
    tx,
    sql`p.id IN (SELECT promotion_id FROM promotion_redemption WHERE order_id = ${orderId})`,
    actor,
  )
  forgetPromotions()
}
