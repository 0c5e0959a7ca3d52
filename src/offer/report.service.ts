import { type Executor, inTransaction, type Tx } from '../db/database.ts'
import { byApiKey } from '../events/index.ts'
import type { Actor } from '../shared/actor.ts'
import { checkPrices, describe, type Violation } from './coherence.domain.ts'
import { loadContext, type SkuInContext } from './context.service.ts'
import { lockOfferPrices, recordChanges } from './prices.service.ts'
import { type ObservedStorePrice, storePrices } from './store-prices.port.ts'
import { type Suggestion, suggestPrices } from './suggest.solver.ts'

export interface Finding {
  item: SkuInContext
  violations: Violation[]
}

/**
 * The pure check pass: every policed SKU read in a few set-based statements and checked in memory.
 * Only what it finds goes to the solver.
 */
export async function findViolations(q: Executor, skus?: string[]) {
  const context = await loadContext(q, { skus })
  const findings: Finding[] = []
  for (const item of context.items) {
    const violations = checkPrices(item.policy, item)
    if (violations.length > 0) findings.push({ item, violations })
  }
  return { checked: context.items.length, findings, context }
}

export async function withSuggestion(f: Finding) {
  return { ...f, suggestion: await suggestPrices(f.item.policy, f.item) }
}

/** Franchised stores' own prices of these SKUs, by SKU: what the report shows as observed. */
async function observedBySku(q: Executor, skus: string[]) {
  const bySku = new Map<string, ObservedStorePrice[]>()
  for (const o of await storePrices().observed(q, skus)) {
    const list = bySku.get(o.sku)
    if (list) list.push(o)
    else bySku.set(o.sku, [o])
  }
  return bySku
}

export function findingDto(
  f: Finding & { suggestion: Suggestion },
  listCodes: Map<string, string>,
  observed: ObservedStorePrice[] = [],
) {
  const s = f.suggestion
  return {
    sku: f.item.sku,
    product_code: f.item.productCode,
    product_name: f.item.productName,
    category: f.item.category,
    cost_cents: f.item.costCents,
    prices: f.item.prices.map((p) => ({ channel: p.channelCode, price_cents: p.cents })),
    violations: f.violations.map((v) => ({ ...v, description: describe(v) })),
    suggestion: s.feasible
      ? {
          feasible: true as const,
          total_change_cents: s.totalChangeCents,
          prices: s.prices.map((p) => ({
            price_list: listCodes.get(p.priceListId) ?? p.priceListId,
            channels: p.channels,
            from_cents: p.fromCents,
            to_cents: p.toCents,
          })),
        }
      : { feasible: false as const, reason: s.reason },
    observed_store_prices: observed.map((o) => ({
      store: o.store_code,
      store_name: o.store_name,
      franchisee: o.franchisee_code,
      price_cents: o.price_cents,
      recommended_cents: o.recommended_cents,
    })),
  }
}

/** One page of the report: SKUs after `cursor` that break their policy, with suggested prices. */
export async function reportPage(q: Executor, limit: number, cursor?: string) {
  const { checked, findings, context } = await findViolations(q)
  const after = cursor ? findings.filter((f) => f.item.sku > cursor) : findings
  const page = after.slice(0, limit)
  const listCodes = listCodesOf(context.channels)
  const [observed, franchisedPrices] = await Promise.all([
    observedBySku(
      q,
      page.map((f) => f.item.sku),
    ),
    storePrices().count(q, [...context.policies.keys()]),
  ])
  const data = []
  for (const f of page) data.push(findingDto(await withSuggestion(f), listCodes, observed.get(f.item.sku)))
  return {
    checked,
    violating: findings.length,
    franchised_prices_observed: franchisedPrices,
    data,
    next_cursor: after.length > limit ? page.at(-1)!.item.sku : null,
  }
}

/** The whole report with every suggestion, one finding at a time (CSV export, benchmark). */
export async function* wholeReport(q: Executor) {
  const { findings, context } = await findViolations(q)
  const listCodes = listCodesOf(context.channels)
  const observed = await observedBySku(
    q,
    findings.map((f) => f.item.sku),
  )
  for (const f of findings) yield findingDto(await withSuggestion(f), listCodes, observed.get(f.item.sku))
}

/**
 * Applies the suggested prices of the SKUs that break their policy (all, or those listed) in one
 * transaction, recorded in the history as coherence corrections. SKUs with no possible price set
 * are reported and left as they are.
 */
export const applySuggestions = inTransaction(applySuggestionsIn)

async function applySuggestionsIn(tx: Tx, actor: Actor, skus?: string[]) {
  await lockOfferPrices(tx)
  const { findings } = await findViolations(tx, skus)
  const changes: Array<{ priceListId: string; sku: string; oldCents: number; newCents: number }> = []
  const infeasible: Array<{ sku: string; reason: string }> = []
  const violationsOf = new Map<string, unknown[]>()
  let corrected = 0
  for (const f of findings) {
    const s = await suggestPrices(f.item.policy, f.item)
    if (!s.feasible) {
      infeasible.push({ sku: f.item.sku, reason: s.reason })
      continue
    }
    corrected++
    violationsOf.set(
      f.item.sku,
      f.violations.map((v) => ({ ...v, description: describe(v) })),
    )
    for (const p of s.prices) {
      if (p.toCents !== p.fromCents) {
        changes.push({
          priceListId: p.priceListId,
          sku: f.item.sku,
          oldCents: p.fromCents,
          newCents: p.toCents,
        })
      }
    }
  }
  await recordChanges(tx, changes, {
    validFrom: null,
    kind: 'coherence_correction',
    reason: 'coherence correction',
    actor: actor.name,
    eventActor: byApiKey(actor.keyId),
    violations: (sku) => violationsOf.get(sku) ?? [],
  })
  return { corrected, prices_changed: changes.length, infeasible }
}

function listCodesOf(channels: Map<string, { price_list_id: string; price_list_code: string }>) {
  return new Map([...channels.values()].map((c) => [c.price_list_id, c.price_list_code]))
}
