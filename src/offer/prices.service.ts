import { sql } from 'drizzle-orm'
import { knownSkus, touchPriceBook, upsertPrices } from '../catalog/index.ts'
import { getPriceList } from '../channels/index.ts'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { byApiKey, type EventActor } from '../events/index.ts'
import type { Actor } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { channelsOf, checkPrices, describe, type Violation } from './coherence.domain.ts'
import { loadContext } from './context.service.ts'
import { refused } from './offer.errors.ts'
import { applyDue, offerId, resolvePrices } from './offer.store.ts'

// Price writes of the offer take turns: a check and the write it allows see the same prices.
const OFFER_PRICE_LOCK = 7_305_311
// A change "from now" sent a little late (clock skew, a slow network) is still "now".
const PAST_TOLERANCE_MS = 60_000

export interface PriceChangeInput {
  changes: Array<{ price_list: string; sku: string; amount_cents: number }>
  valid_from?: string
  reason?: string
  force?: { reason: string }
}

export type SkuViolation = Violation & { sku: string; description: string }

export interface NewChange {
  priceListId: string
  sku: string
  oldCents: number | null
  newCents: number
}

export async function lockOfferPrices(tx: Tx) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${OFFER_PRICE_LOCK})`)
}

/**
 * Sets prices from `valid_from` (now by default), checked against each SKU's coherence policy with
 * the other channels' prices in force then. A change that breaks a rule involving a channel it
 * prices is refused (422 `price_incoherent`, every broken rule with its numbers) unless forced with a
 * reason; the history keeps who, when, why, and the rules a forced change broke.
 */
export async function changePrices(tx: Tx, actor: Actor, input: PriceChangeInput) {
  const now = new Date()
  const validFrom = input.valid_from ? new Date(input.valid_from) : now
  if (validFrom.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw invalidInput(
      'valid_from',
      'is in the past; history is not rewritten. Give a future instant or none.',
    )
  }
  const lists = new Map<string, string>()
  for (const [i, c] of input.changes.entries()) {
    if (!lists.has(c.price_list)) {
      try {
        lists.set(c.price_list, (await getPriceList(tx, c.price_list)).id)
      } catch {
        throw refused('unknown_price_list', `changes/${i}/price_list: no price list ${c.price_list}.`, {
          field: `changes/${i}/price_list`,
        })
      }
    }
  }
  const seen = new Map<string, number>()
  for (const [i, c] of input.changes.entries()) {
    const key = `${lists.get(c.price_list)} ${c.sku}`
    const first = seen.get(key)
    if (first !== undefined)
      throw invalidInput(`changes/${i}`, `repeats changes/${first} (same list and SKU)`)
    seen.set(key, i)
  }
  const skus = [...new Set(input.changes.map((c) => c.sku))]
  const known = await knownSkus(tx, skus)
  const unknown = input.changes.findIndex((c) => !known.has(c.sku))
  if (unknown >= 0) {
    const field = `changes/${unknown}/sku`
    throw refused('unknown_sku', `${field}: no variant has SKU ${input.changes[unknown]!.sku}.`, { field })
  }

  await lockOfferPrices(tx)
  const scheduled = validFrom.getTime() > now.getTime()
  const context = await loadContext(tx, { skus, at: scheduled ? validFrom : undefined })
  const newPrice = new Map(input.changes.map((c) => [`${lists.get(c.price_list)} ${c.sku}`, c.amount_cents]))
  const violations: SkuViolation[] = []
  for (const item of context.items) {
    const changed = new Set<string>()
    const prices = item.prices.map((p) => {
      const cents = newPrice.get(`${p.priceListId} ${item.sku}`)
      if (cents === undefined) return p
      changed.add(p.channelCode)
      return { ...p, cents }
    })
    for (const v of checkPrices(item.policy, { ...item, prices })) {
      if (channelsOf(v).some((c) => changed.has(c)))
        violations.push({ sku: item.sku, ...v, description: describe(v) })
    }
  }
  if (violations.length > 0 && !input.force) {
    throw refused(
      'price_incoherent',
      `These prices break the coherence policy: ${violations.map((v) => `${v.sku}: ${v.description}`).join('; ')}. ` +
        'Change them to satisfy it, or force the change with a reason.',
      { violations },
    )
  }
  const before = new Map(
    (await resolvePrices(tx, skus, validFrom)).map((p) => [`${p.price_list_id} ${p.sku}`, p.cents]),
  )
  const changes: NewChange[] = input.changes.map((c) => {
    const priceListId = lists.get(c.price_list)!
    return {
      priceListId,
      sku: c.sku,
      oldCents: before.get(`${priceListId} ${c.sku}`) ?? null,
      newCents: c.amount_cents,
    }
  })
  const forced = violations.length > 0
  const written = await recordChanges(tx, changes, {
    validFrom: scheduled ? validFrom : null,
    kind: forced ? 'forced' : 'manual',
    reason: forced ? input.force!.reason : (input.force?.reason ?? input.reason ?? null),
    actor: actor.name,
    eventActor: byApiKey(actor.keyId),
    violations: (sku) => violations.filter((v) => v.sku === sku),
  })
  return { changes: written, violations, forced }
}

/**
 * Writes changes to the history and, unless scheduled, to `price` in the same transaction (whose one
 * now() becomes both the change's `applied_at` and the price's `updated_at`).
 */
export async function recordChanges(
  tx: Tx,
  changes: NewChange[],
  opts: {
    validFrom: Date | null
    kind: 'manual' | 'forced' | 'coherence_correction'
    reason: string | null
    actor: string
    /** Who the price changes' events name (`actor` is the name kept in the history). */
    eventActor: EventActor
    violations: (sku: string) => unknown[]
  },
) {
  if (changes.length === 0) return []
  const payload = changes.map((c) => ({
    id: offerId('pch'),
    price_list_id: c.priceListId,
    sku: c.sku,
    old_cents: c.oldCents,
    new_cents: c.newCents,
    violations: opts.violations(c.sku),
  }))
  const immediate = opts.validFrom === null
  touchPriceBook()
  const written = await rows<ChangeRow>(
    tx,
    sql`INSERT INTO price_change (id, price_list_id, sku, old_cents, new_cents, valid_from, applied_at, kind, forced,
                                  reason, violations, actor)
        SELECT x.id, x.price_list_id, x.sku, x.old_cents, x.new_cents,
               ${immediate ? sql`now()` : sql`${opts.validFrom!.toISOString()}::timestamptz`},
               ${immediate ? sql`now()` : sql`NULL`}, ${opts.kind}, ${opts.kind === 'forced'}, ${opts.reason},
               x.violations, ${opts.actor}
        FROM jsonb_to_recordset(${JSON.stringify(payload)}::jsonb)
          AS x(id text, price_list_id text, sku text, old_cents int, new_cents int, violations jsonb)
        RETURNING *`,
  )
  if (immediate) {
    const byList = new Map<string, Array<{ sku: string; amountCents: number }>>()
    for (const c of changes) {
      const list = byList.get(c.priceListId) ?? []
      list.push({ sku: c.sku, amountCents: c.newCents })
      byList.set(c.priceListId, list)
    }
    for (const [listId, list] of byList) await upsertPrices(tx, listId, list, opts.eventActor)
  }
  return written.sort((a, b) => (a.id < b.id ? -1 : 1)).map(changeDto)
}

export interface ChangeRow {
  id: string
  price_list_id: string
  sku: string
  old_cents: number | null
  new_cents: number
  valid_from: Date | string
  applied_at: Date | string | null
  kind: string
  forced: boolean
  reason: string | null
  violations: unknown[]
  actor: string
  created_at: Date | string
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

export function changeDto(r: ChangeRow) {
  return {
    id: r.id,
    price_list_id: r.price_list_id,
    sku: r.sku,
    old_cents: r.old_cents,
    new_cents: r.new_cents,
    valid_from: iso(r.valid_from)!,
    applied_at: iso(r.applied_at),
    kind: r.kind,
    forced: r.forced,
    reason: r.reason,
    violations: r.violations,
    actor: r.actor,
    created_at: iso(r.created_at)!,
  }
}

/** The history of a SKU's prices, newest change first. */
/** A SKU's price changes, newest first; `priceList` (id or code): of that list only. */
export async function priceHistoryOf(
  q: Executor,
  sku: string,
  opts: { priceList?: string; limit: number; cursor?: string },
) {
  const list = opts.priceList ? await getPriceList(q, opts.priceList) : undefined
  return priceHistory(q, sku, { priceListId: list?.id, limit: opts.limit, cursor: opts.cursor })
}

export async function priceHistory(
  q: Executor,
  sku: string,
  opts: { priceListId?: string; limit: number; cursor?: string },
) {
  const found = await rows<ChangeRow>(
    q,
    sql`SELECT * FROM price_change WHERE sku = ${sku}
          ${opts.priceListId ? sql`AND price_list_id = ${opts.priceListId}` : sql``}
          ${opts.cursor ? sql`AND id < ${opts.cursor}` : sql``}
        ORDER BY id DESC LIMIT ${opts.limit + 1}`,
  )
  return found.map(changeDto)
}

/**
 * Writes the scheduled price changes that have come due into `price`. Called by the periodic
 * sweeper rather than resolved when an order reads its prices: the order path keeps reading one
 * indexed row per line from `price`, with no history to consult, and a scheduled price starts
 * selling at most one sweep interval (15 s by default) after its `valid_from`. The history answers
 * "the price in force at instant T" exactly, whatever the sweep. Of several due changes of one list
 * and SKU the latest wins, and none overrides a change already applied with a later `valid_from`.
 */
export async function applyDuePriceChanges(q: Executor): Promise<number> {
  return applyDue(q)
}
