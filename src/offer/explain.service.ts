import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden } from '../shared/errors.ts'
import { clusterListOf } from './clusters.service.ts'
import { checkPrices, describe } from './coherence.domain.ts'
import { loadContext } from './context.service.ts'
import { notFound } from './offer.errors.ts'
import { channelRefs, cheapestCompetitors } from './offer.store.ts'
import { priceBook } from './price-book.service.ts'
import { policyDto } from './price-policies.service.ts'
import { applyPromotions, notLiveBecause, type Promotion } from './promotions.domain.ts'
import { livePromotions } from './promotions.service.ts'

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/** The prices of a SKU in force at `at` (now by default), as the API answers them. */
export async function pricesOn(q: Executor, sku: string, at?: string) {
  const when = at ? new Date(at) : new Date()
  return { sku, at: when.toISOString(), prices: await pricesAt(q, sku, when) }
}

/** The prices of a SKU in force at an instant, per price list, with the channels selling from each. */
export async function pricesAt(q: Executor, sku: string, at: Date) {
  await mustExist(q, sku)
  const channels = await channelRefs(q)
  const book = await priceBook(q)
  const found = book.listsOf(sku).flatMap((list) => book.resolve(list, [sku], at))
  return found
    .map((p) => {
      const of = channels.filter((c) => c.price_list_id === p.priceListId)
      return {
        price_list_id: p.priceListId,
        price_list: of[0]?.price_list_code ?? null,
        channels: of.map((c) => c.code),
        amount_cents: p.cents,
        since: iso(p.since),
        change_id: p.changeId,
      }
    })
    .sort((a, b) => ((a.price_list ?? '') < (b.price_list ?? '') ? -1 : 1))
}

async function channelByRef(q: Executor, ref: string) {
  const channel = (await channelRefs(q)).find((c) => c.id === ref || c.code === ref)
  if (!channel) throw notFound('channel', ref)
  return channel
}

/** The prices in force of a basket's SKUs in a channel, from the price book. */
export async function resolveBasket(
  q: Executor,
  actor: Actor,
  channelRef: string,
  skus: string[],
  at: Date,
  store?: string,
) {
  const channel = await channelByRef(q, channelRef)
  if (actor.role === 'channel' && actor.channelId !== channel.id)
    throw forbidden(`This key prices for channel ${actor.channelId} only.`)
  const book = await priceBook(q)
  const wanted = [...new Set(skus)]
  // A store's cluster list, when it has one, prices what it holds; the channel's list the rest.
  const clusterList = store ? await clusterListOf(q, channel.id, store) : null
  const own = clusterList ? book.resolve(clusterList, wanted, at) : []
  const fromCluster = new Set(own.map((p) => p.sku))
  const found = [
    ...own,
    ...book.resolve(
      channel.price_list_id,
      wanted.filter((s) => !fromCluster.has(s)),
      at,
    ),
  ]
  const priced = new Set(found.map((p) => p.sku))
  return {
    channel: channel.code,
    price_list_id: channel.price_list_id,
    cluster_price_list_id: clusterList,
    at: at.toISOString(),
    prices: found.map((p) => ({
      sku: p.sku,
      price_list_id: p.priceListId,
      price_cents: p.cents,
      since: iso(p.since),
      change_id: p.changeId,
    })),
    unpriced: wanted.filter((s) => !priced.has(s)),
  }
}

/** Why a SKU costs what it costs in a channel: list, since when, the previous price, policy and rivals. */
export async function explainPrice(q: Executor, sku: string, channelRef: string) {
  const product = await mustExist(q, sku)
  const channel = await channelByRef(q, channelRef)
  const now = new Date()
  const [found] = (await priceBook(q)).resolve(channel.price_list_id, [sku], now)
  const current = found && {
    cents: found.cents,
    since: found.since,
    change_id: found.changeId,
    old_cents: found.oldCents,
  }
  const [last] = await rows<{
    id: string
    kind: string
    reason: string | null
    actor: string
    forced: boolean
  }>(
    q,
    current?.change_id
      ? sql`SELECT id, kind, reason, actor, forced FROM price_change WHERE id = ${current.change_id}`
      : sql`SELECT NULL WHERE false`,
  )
  const [next] = await rows<{ valid_from: Date | string; new_cents: number }>(
    q,
    sql`SELECT valid_from, new_cents FROM price_change
        WHERE sku = ${sku} AND price_list_id = ${channel.price_list_id} AND valid_from > now()
        ORDER BY valid_from LIMIT 1`,
  )
  const context = await loadContext(q, { skus: [sku] })
  const item = context.items[0]
  const violations = item ? checkPrices(item.policy, item) : []
  const competitors = await cheapestCompetitors(q, now, [sku])
  const low = competitors.get(sku)?.find((c) => c.channelId === channel.id)
  return {
    sku,
    product: { code: product.code, name: product.name, category: product.category },
    channel: { id: channel.id, code: channel.code },
    price_list: { id: channel.price_list_id, code: channel.price_list_code },
    price_cents: current?.cents ?? null,
    since: iso(current?.since ?? null),
    previous_cents: current?.old_cents ?? null,
    last_change: last ?? null,
    next_change: next ? { valid_from: iso(next.valid_from)!, new_cents: next.new_cents } : null,
    channel_prices: (item?.prices ?? []).map((p) => ({ channel: p.channelCode, price_cents: p.cents })),
    policy: item ? policyDto(item.policy, context.channels) : null,
    coherent: violations.length === 0,
    violations: violations.map((v) => ({ ...v, description: describe(v) })),
    cheapest_competitor: low
      ? { competitor: low.competitor, price_cents: low.cents, observed_at: low.observedAt.toISOString() }
      : null,
    ...(await promotionsFor(q, product, channel.id, current?.cents ?? null, now)),
  }
}

/**
 * The running promotions that target a product in a channel, each with whether it applies to one
 * unit bought alone and why (or what it needs: a code, a bigger basket, another channel, a date).
 */
async function promotionsFor(
  q: Executor,
  product: { id: string; category: string },
  channelId: string,
  priceCents: number | null,
  at: Date,
) {
  const [kind] = await rows<{ kind: string }>(q, sql`SELECT kind FROM channel WHERE id = ${channelId}`)
  const targeting = (await livePromotions(q)).filter(
    (p) =>
      p.target.kind === 'basket' ||
      (p.target.kind === 'products' && p.target.productIds.includes(product.id)) ||
      (p.target.kind === 'categories' && p.target.categories.includes(product.category)),
  )
  const context = { channelId, channelKind: kind?.kind, at }
  const unit = [
    {
      lineNo: 1,
      productId: product.id,
      category: product.category,
      quantity: 1,
      unitPriceCents: priceCents ?? 0,
    },
  ]
  const alone = priceCents === null ? null : applyPromotions(unit, targeting, context)
  const off = new Map(alone?.applied.map((a) => [a.promotionId, a.discountCents]))
  return {
    promotions: targeting
      .filter((p) => p.channels === null || p.channels.includes(channelId))
      .map((p) => {
        const blocked = notLiveBecause(p, { ...context, codes: p.voucherCode ? [p.voucherCode] : [] })
        const cents = off.get(p.id) ?? 0
        return {
          code: p.code,
          name: p.name,
          kind: p.kind,
          priority: p.priority,
          stacking: p.stacking,
          applies: cents > 0,
          why:
            blocked ??
            (cents > 0
              ? `${describeKind(p)}, priority ${p.priority}`
              : p.voucherCode
                ? `needs the code ${p.voucherCode}`
                : `${describeKind(p)}: not reached by one unit alone`),
          voucher_code: p.voucherCode ?? null,
          cents_off_one_unit: cents,
        }
      }),
    price_after_promotions_cents:
      priceCents === null ? null : priceCents - (alone?.lines[0]?.discountCents ?? 0),
  }
}

function describeKind(p: Promotion): string {
  switch (p.kind) {
    case 'percentage':
      return `${(p.percentBp ?? 0) / 100} % off`
    case 'amount_off':
      return `${((p.amountCents ?? 0) / 100).toFixed(2)} € off each unit`
    case 'fixed_price':
      return `sold at ${((p.fixedPriceCents ?? 0) / 100).toFixed(2)} €`
    case 'buy_x_get_y':
      return `buy ${p.buy}, get ${p.get} free`
    case 'nth_item':
      return `every ${p.nth}th unit ${(p.percentBp ?? 0) / 100} % off`
    case 'basket_threshold':
      return `from ${((p.thresholdCents ?? 0) / 100).toFixed(2)} € of eligible goods`
  }
}

async function mustExist(q: Executor, sku: string) {
  const [p] = await rows<{ id: string; code: string; name: string; category: string }>(
    q,
    sql`SELECT p.id, p.code, p.name, p.category FROM variant v JOIN product p ON p.id = v.product_id WHERE v.sku = ${sku}`,
  )
  if (!p) throw notFound('sku', sku)
  return p
}
