import { sql } from 'drizzle-orm'
import { type Db, type Executor, rows } from '../db/database.ts'
import { defaultCostModel } from '../routing/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { catchUp } from './analytics.consumers.ts'
import { notFound } from './analytics.errors.ts'
import type { LaunchService } from './analytics.schema.ts'
import {
  channelCountBuckets,
  firstChannelFlows,
  laterBuyers,
  launches,
  names,
  onlineSignals,
  type SalesQuery,
  salesFigures,
  storePurchases,
  storeSalesAround,
  twoPeriodSpend,
} from './analytics.store.ts'
import {
  basket,
  diffInDiff,
  type LaunchWindows,
  pct,
  placebo,
  pooledDiffInDiff,
  ropo,
  sharesFromBuckets,
} from './effects.domain.ts'
import { flowMatrix, type Spend } from './migration.domain.ts'
import { rebuildAnalytics } from './refresh.store.ts'

const DAY_MS = 86_400_000

/** Today in Paris, as YYYY-MM-DD. */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now)
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1
}

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`
}

function window(from: string | undefined, to: string | undefined, defaultDays: number) {
  const end = to ?? parisToday()
  const start = from ?? addDays(end, -defaultDays + 1)
  if (start > end) throw invalidInput('from', `must be on or before to (${end}).`)
  return { from: start, to: end }
}

/** A store key sees its own store only; head office sees every store. */
function storeScope(actor: Actor, store: string | undefined): string | undefined {
  if (actor.role === 'admin') return store
  if (actor.role === 'store_staff') {
    if (store !== undefined && store !== actor.locationId)
      throw forbidden('A store key sees its own store only.')
    return actor.locationId ?? undefined
  }
  throw forbidden('Analytics are for head office and store keys.')
}

function headOffice(actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('The customer view is network-wide: head office only.')
}

/** Brings the aggregates up to date first (a few cheap reads when nothing changed). */
async function fresh(db: Db, which: 'sales' | 'all' = 'all') {
  await catchUp(db, which)
}

async function resolveChannel(db: Executor, ref: string | undefined) {
  if (!ref) return undefined
  const [c] = await rows<{ id: string }>(db, sql`SELECT id FROM channel WHERE id = ${ref} OR code = ${ref}`)
  if (!c) throw notFound('channel', ref)
  return c.id
}

export async function sales(
  db: Db,
  actor: Actor,
  q: Omit<SalesQuery, 'from' | 'to'> & { from?: string; to?: string },
) {
  const store = storeScope(actor, q.store)
  await fresh(db, 'sales')
  const w = window(q.from, q.to, q.period === 'month' ? 366 : q.period === 'week' ? 91 : 31)
  const channel = await resolveChannel(db, q.channel)
  const [raw, refs] = await Promise.all([
    salesFigures(db, { ...q, ...w, channel, store: store === 'none' ? '' : store }),
    names(db),
  ])
  const cm = defaultCostModel
  const figures = (r: (typeof raw)[number]) => ({
    orders: r.orders,
    units: r.units,
    sales_cents: r.sales_cents,
    returned_cents: r.returned_cents,
    net_sales_cents: r.sales_cents - r.returned_cents,
    average_basket_cents: basket(r.sales_cents, r.orders),
    returns_rate_pct: pct(r.returned_cents, r.sales_cents),
    pickup_sales_cents: r.pickup_cents,
    pickup_share_pct: pct(r.pickup_cents, r.sales_cents),
    pickup_orders: r.pickup_orders,
    pickup_prep_cost_cents:
      r.pickup_orders === null || r.pickup_units === null
        ? null
        : r.pickup_orders * cm.prepParcelCents.store + r.pickup_units * cm.prepUnitCents.store,
    ship_from_store_cents: r.ship_from_store_cents,
    ship_from_store_share_pct: pct(r.ship_from_store_cents, r.delivery_cents),
  })
  const channelCode = new Map(refs.channels.map((c) => [c.id, c.code]))
  const storeName = new Map(refs.stores.map((s) => [s.id, s.name]))
  const data = raw.map((r) => ({
    period_start: r.period_start,
    channel_id: r.channel_id,
    channel: r.channel_id === null ? null : (channelCode.get(r.channel_id) ?? r.channel_id),
    store_id: r.store_id,
    store:
      r.store_id === null
        ? null
        : r.store_id === ''
          ? '(livraison)'
          : (storeName.get(r.store_id) ?? r.store_id),
    category: r.category,
    ...figures(r),
  }))
  const sum = (k: keyof (typeof raw)[number]) => raw.reduce((s, r) => s + Number(r[k] ?? 0), 0)
  const byCategory = q.by.includes('category') || q.category !== undefined
  const totals = figures({
    period_start: '',
    channel_id: null,
    store_id: null,
    category: null,
    orders: sum('orders'),
    units: sum('units'),
    sales_cents: sum('sales_cents'),
    returned_cents: sum('returned_cents'),
    pickup_cents: sum('pickup_cents'),
    pickup_orders: byCategory ? null : sum('pickup_orders'),
    pickup_units: byCategory ? null : sum('pickup_units'),
    ship_from_store_cents: sum('ship_from_store_cents'),
    delivery_cents: sum('delivery_cents'),
  })
  return { ...w, period: q.period, by: q.by, store: store ?? null, data, totals }
}

export async function customerView(db: Db, actor: Actor, q: { from?: string; to?: string }) {
  headOffice(actor)
  await fresh(db)
  const w = window(q.from, q.to, 365)
  const windowDays = daysBetween(monthStart(w.from), w.to)
  const [buckets, flows, later, refs] = await Promise.all([
    channelCountBuckets(db, w.from, w.to),
    firstChannelFlows(db, w.from, w.to),
    laterBuyers(db, w.from, w.to),
    names(db),
  ])
  const shares = sharesFromBuckets(
    buckets.map((b) => ({ channels: b.channels, customers: b.customers, sales: Number(b.sales_cents) })),
    windowDays,
  )
  const code = new Map(refs.channels.map((c) => [c.id, c.code]))
  const first = later.map((l) => {
    const cells = flows.filter((f) => f.first_channel_id === l.first_channel_id)
    const firstCents = cells.reduce((s, c) => s + Number(c.first_cents), 0)
    return {
      first_channel_id: l.first_channel_id,
      first_channel: code.get(l.first_channel_id) ?? l.first_channel_id,
      customers: l.customers,
      first_order_cents: firstCents,
      other_channel_customers: l.other_channel_customers,
      other_channel_share_pct: pct(l.other_channel_customers, l.customers),
      later_sales: cells
        .map((c) => ({
          channel_id: c.channel_id,
          channel: code.get(c.channel_id) ?? c.channel_id,
          sales_cents: Number(c.sales_cents) - Number(c.first_cents),
        }))
        .filter((c) => c.sales_cents !== 0)
        .sort((a, b) => b.sales_cents - a.sales_cents),
    }
  })
  return {
    ...w,
    window_days: windowDays,
    multichannel: shares.map((s) => ({
      channels: s.channels,
      customers: s.customers,
      share_pct: s.sharePct,
      sales_cents: s.salesCents,
      value_per_year_cents: s.valuePerYearCents,
      vs_single_channel: s.vsSingleChannel,
    })),
    first_channel: first.sort((a, b) => b.customers - a.customers),
  }
}

export async function migration(
  db: Db,
  actor: Actor,
  q: { before_from?: string; before_to?: string; after_from?: string; after_to?: string },
) {
  headOffice(actor)
  await fresh(db)
  const after = window(q.after_from, q.after_to, 365)
  const before = window(q.before_from, q.before_to ?? addDays(monthStart(after.from), -1), 365)
  if (before.to >= monthStart(after.from))
    throw invalidInput('before_to', 'the first period must end before the second starts.')
  const [spend, refs] = await Promise.all([
    twoPeriodSpend(db, {
      beforeFrom: before.from,
      beforeTo: before.to,
      afterFrom: after.from,
      afterTo: after.to,
    }),
    names(db),
  ])
  const channels = refs.channels.map((c) => c.id).sort()
  const both: Array<{ before: Spend; after: Spend }> = []
  let newCustomers = 0
  let newCents = 0
  let lapsedCustomers = 0
  let lapsedCents = 0
  for (let i = 0; i < spend.length; ) {
    const id = spend[i]!.customer_id
    const b: Spend = {}
    const a: Spend = {}
    for (; i < spend.length && spend[i]!.customer_id === id; i++) {
      b[spend[i]!.channel_id] = Number(spend[i]!.before)
      a[spend[i]!.channel_id] = Number(spend[i]!.after)
    }
    const tb = Object.values(b).reduce((s, x) => s + x, 0)
    const ta = Object.values(a).reduce((s, x) => s + x, 0)
    if (tb > 0 && ta > 0) both.push({ before: b, after: a })
    else if (ta > 0) {
      newCustomers++
      newCents += ta
    } else if (tb > 0) {
      lapsedCustomers++
      lapsedCents += tb
    }
  }
  const m = flowMatrix(channels, both)
  const code = new Map(refs.channels.map((c) => [c.id, c.code]))
  return {
    before,
    after,
    channels: channels.map((id) => ({ id, code: code.get(id) ?? id })),
    customers_in_both: m.customers,
    flows_cents: m.flows,
    kept_cents: m.kept,
    added_cents: m.added,
    lost_cents: m.lost,
    before_cents: m.before,
    after_cents: m.after,
    new_customers: newCustomers,
    new_customers_cents: newCents,
    lapsed_customers: lapsedCustomers,
    lapsed_customers_cents: lapsedCents,
  }
}

export async function cannibalisation(
  db: Db,
  actor: Actor,
  q: { store: string; service?: LaunchService; launched_on?: string; weeks?: number },
) {
  const storeId = storeScope(actor, q.store)!
  await fresh(db, 'sales')
  const service = q.service ?? 'pickup'
  const weeks = q.weeks ?? 12
  const all = await launches(db, { service })
  const launchedOn = q.launched_on ?? all.find((l) => l.location_id === storeId)?.launched_on
  if (!launchedOn)
    throw notFound(
      'service_launch',
      `${service} at ${storeId} (record it with POST /api/v1/analytics/service-launches)`,
    )
  const lo = addDays(launchedOn, -weeks * 7)
  const hi = addDays(launchedOn, weeks * 7)
  // Comparable stores: every other store where this service did not open during the two windows.
  const changed = new Set(
    all.filter((l) => l.launched_on >= lo && l.launched_on < hi).map((l) => l.location_id),
  )
  const [weekly, refs] = await Promise.all([storeSalesAround(db, launchedOn, weeks), names(db)])
  const stores = refs.stores.filter((s) => s.kind === 'store')
  const series = (id: string) => {
    const rowsOf = weekly.filter((w) => w.store_id === id)
    const before = rowsOf.filter((w) => w.week < 0).reduce((s, w) => s + Number(w.sales_cents), 0)
    const after = rowsOf.filter((w) => w.week >= 0).reduce((s, w) => s + Number(w.sales_cents), 0)
    return { storeId: id, before, after }
  }
  const comparisonIds = stores.map((s) => s.id).filter((id) => id !== storeId && !changed.has(id))
  const did = diffInDiff(series(storeId), comparisonIds.map(series))
  const noise = placebo([{ treated: did.treated, comparison: did.comparison }], did.effectPct)
  const name = new Map(stores.map((s) => [s.id, s.name]))
  const weeksList = Array.from({ length: weeks * 2 }, (_, i) => i - weeks)
  const compSet = new Set(comparisonIds)
  return {
    store_id: storeId,
    store: name.get(storeId) ?? storeId,
    service,
    launched_on: launchedOn,
    weeks,
    before: { from: lo, to: addDays(launchedOn, -1), sales_cents: did.treated.before },
    after: { from: launchedOn, to: addDays(hi, -1), sales_cents: did.treated.after },
    comparison: {
      stores: did.comparison.map((c) => ({
        store_id: c.storeId,
        store: name.get(c.storeId) ?? c.storeId,
        before_cents: c.before,
        after_cents: c.after,
      })),
      before_cents: did.comparisonBefore,
      after_cents: did.comparisonAfter,
      growth: did.comparisonGrowth,
    },
    counterfactual_cents: did.counterfactualCents,
    effect_cents: did.effectCents,
    effect_pct: did.effectPct,
    placebo: placeboOut(noise),
    weekly: weeksList.map((w) => ({
      week: w,
      store_cents: weekly
        .filter((x) => x.week === w && x.store_id === storeId)
        .reduce((s, x) => s + Number(x.sales_cents), 0),
      comparison_cents: weekly
        .filter((x) => x.week === w && compSet.has(x.store_id))
        .reduce((s, x) => s + Number(x.sales_cents), 0),
    })),
  }
}

/** Placebo figures in the API's words. */
function placeboOut(p: ReturnType<typeof placebo>) {
  return p === null
    ? null
    : {
        runs: p.runs,
        exhaustive: p.exhaustive,
        mean_pct: p.meanPct,
        sd_pct: p.sdPct,
        low_pct: p.lowPct,
        high_pct: p.highPct,
        interval_low_pct: p.intervalLowPct,
        interval_high_pct: p.intervalHighPct,
        p_value: p.pValue,
      }
}

/**
 * Pooled difference-in-differences over every store where the service opened (each on its own launch
 * date, event time) against the stores where it never opened during the study's windows, with a
 * placebo interval: the same estimate for untreated stores given the real launch dates.
 */
export async function pooledCannibalisation(
  db: Db,
  actor: Actor,
  q: { service?: LaunchService; weeks?: number; today?: string },
) {
  headOffice(actor)
  await fresh(db, 'sales')
  const service = q.service ?? 'pickup'
  const weeks = q.weeks ?? 26
  const today = q.today ?? parisToday()
  const all = await launches(db, { service })
  const refs = await names(db)
  const stores = refs.stores.filter((s) => s.kind === 'store')
  const name = new Map(stores.map((s) => [s.id, s.name]))
  // Each store's latest launch; its after window must be over to be compared.
  const latest = new Map<string, string>()
  for (const l of all) if (!latest.has(l.location_id)) latest.set(l.location_id, l.launched_on)
  const included: Array<{ storeId: string; launchedOn: string }> = []
  const excluded: Array<{ store_id: string; store: string; launched_on: string; reason: string }> = []
  for (const [storeId, launchedOn] of latest) {
    if (!name.has(storeId)) continue
    if (addDays(launchedOn, weeks * 7) > addDays(today, 1))
      excluded.push({
        store_id: storeId,
        store: name.get(storeId)!,
        launched_on: launchedOn,
        reason: `fewer than ${weeks} weeks since the launch`,
      })
    else included.push({ storeId, launchedOn })
  }
  included.sort((a, b) => (a.launchedOn < b.launchedOn ? -1 : a.launchedOn > b.launchedOn ? 1 : 0))
  // Comparison: stores where the service did not open between the first window's start and the last one's end.
  const lo = included.length > 0 ? addDays(included[0]!.launchedOn, -weeks * 7) : today
  const hi = included.length > 0 ? addDays(included[included.length - 1]!.launchedOn, weeks * 7) : today
  const changed = new Set(
    all.filter((l) => l.launched_on >= lo && l.launched_on < hi).map((l) => l.location_id),
  )
  for (const e of excluded) changed.add(e.store_id)
  const comparisonIds = stores.map((s) => s.id).filter((id) => !changed.has(id))
  const windows: LaunchWindows[] = []
  for (const l of included) {
    const weekly = await storeSalesAround(db, l.launchedOn, weeks)
    const series = (id: string) => {
      let before = 0
      let after = 0
      for (const w of weekly) {
        if (w.store_id !== id) continue
        if (w.week < 0) before += Number(w.sales_cents)
        else after += Number(w.sales_cents)
      }
      return { storeId: id, before, after }
    }
    windows.push({ treated: series(l.storeId), comparison: comparisonIds.map(series) })
  }
  const pooled = pooledDiffInDiff(windows)
  const p = placebo(windows, pooled.effectPct)
  return {
    service,
    weeks,
    from: lo,
    to: addDays(hi, -1),
    stores: pooled.stores.map((d, i) => ({
      store_id: d.treated.storeId,
      store: name.get(d.treated.storeId) ?? d.treated.storeId,
      launched_on: included[i]!.launchedOn,
      before_cents: d.treated.before,
      after_cents: d.treated.after,
      comparison_growth: d.comparisonGrowth,
      counterfactual_cents: d.counterfactualCents,
      effect_cents: d.effectCents,
      effect_pct: d.effectPct,
    })),
    excluded,
    comparison: comparisonIds.map((id) => ({ store_id: id, store: name.get(id) ?? id })),
    before_cents: pooled.before,
    after_cents: pooled.after,
    counterfactual_cents: pooled.counterfactualCents,
    effect_cents: pooled.effectCents,
    effect_pct: pooled.effectPct,
    placebo: placeboOut(p),
    distinguishable: p?.pValue == null ? null : p.pValue < 0.05,
  }
}

export async function ropoView(
  db: Db,
  actor: Actor,
  q: { from?: string; to?: string; window_days?: number; store?: string },
) {
  const store = storeScope(actor, q.store)
  await fresh(db)
  const w = window(q.from, q.to, 90)
  const windowDays = q.window_days ?? 7
  const purchases = await storePurchases(db, w.from, w.to, store)
  const customers = [...new Set(purchases.map((p) => p.customer_id))]
  const signals = await onlineSignals(db, customers, addDays(w.from, -windowDays - 1), w.to)
  const r = ropo(
    purchases.map((p) => ({
      orderId: p.order_id,
      customerId: p.customer_id,
      storeId: p.store_id,
      at: new Date(p.at),
    })),
    signals.map((s) => ({
      customerId: s.customer_id,
      kind: s.kind,
      locationId: s.location_id,
      at: new Date(s.at),
    })),
    windowDays,
  )
  return {
    ...w,
    window_days: windowDays,
    store: store ?? null,
    store_purchases: r.purchases,
    preceded_online: r.preceded,
    share_pct: r.sharePct,
    by_kind: r.byKind,
  }
}

export async function listLaunches(
  db: Executor,
  actor: Actor,
  q: { store?: string; service?: LaunchService },
) {
  const store = storeScope(actor, q.store)
  return launches(db, { locationId: store, service: q.service })
}

export async function recordLaunch(
  db: Executor,
  actor: Actor,
  body: { location_id: string; service: LaunchService; launched_on: string; note?: string },
) {
  const [loc] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM location WHERE (id = ${body.location_id} OR code = ${body.location_id}) AND kind <> 'warehouse'`,
  )
  if (!loc) throw notFound('location', body.location_id)
  const id = newId('svl')
  await db.execute(
    sql`INSERT INTO service_launch (id, location_id, service, launched_on, note, created_by)
        VALUES (${id}, ${loc.id}, ${body.service}, ${body.launched_on}, ${body.note ?? null}, ${actor.keyId})`,
  )
  const [row] = await rows<Awaited<ReturnType<typeof launches>>[number]>(
    db,
    sql`SELECT id, location_id, service, to_char(launched_on, 'YYYY-MM-DD') AS launched_on, note,
               to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
        FROM service_launch WHERE id = ${id}`,
  )
  return row!
}

/**
 * Brings the aggregates up to date now: the events waiting applied by the analytics consumers, or
 * (`full`) every aggregate rebuilt from scratch. Says whether anything was done.
 */
export async function refreshNow(db: Db, full?: boolean) {
  const t0 = performance.now()
  if (full) return { refreshed: true, full: true, ...(await rebuildAnalytics(db)) }
  const events = await catchUp(db)
  return events > 0
    ? { refreshed: true, full: false, events, ms: Math.round(performance.now() - t0) }
    : { refreshed: false }
}
