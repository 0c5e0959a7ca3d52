import { valueOfUnits } from '../shared/money.domain.ts'
import { type AttributionLine, commissionableLines, type NetworkStore } from './attribution.domain.ts'

/** A commission plan of a franchise contract, or of one of its stores, in force between two dates. */
export interface CommissionPlan {
  id: string
  franchiseeId: string
  /** A plan for one store overrides the contract's plan for that store. */
  locationId: string | null
  /** First day in force (YYYY-MM-DD, Europe/Paris). */
  validFrom: string
  /** First day no longer in force; null: open-ended. */
  validUntil: string | null
  /** Commission on net sales (VAT excluded), in basis points (500 = 5 %). */
  defaultRateBp: number
  categoryRatesBp: Record<string, number>
  /** Paid per click & collect (or reserve & collect) order prepared by the store. */
  clickCollectFeeCents: number
  /** Paid per web order shipped from the store. */
  shipFromStoreFeeCents: number
  /** The store earns at least this much a month (a top-up on the statement makes up the difference). */
  monthlyMinimumCents: number
}

export const entryKinds = ['commission', 'preparation_fee', 'commission_reversal', 'fee_reversal'] as const
export type EntryKind = (typeof entryKinds)[number]

/** One line of the commission ledger: immutable, signed, booked in a month. */
export interface PlannedEntry {
  franchiseeId: string
  locationId: string
  orderLineId: string | null
  kind: EntryKind
  category: string | null
  quantity: number
  /** Net sales (VAT excluded) the amount is computed on; negative for reversals. */
  baseCents: number
  rateBp: number
  amountCents: number
  planId: string
  /** What created the entry: `placed`, a return id, a cancellation. */
  source: string
}

/** The plan in force for a store on a day: the store's own first, else its contract's. */
export function planFor(
  plans: CommissionPlan[],
  store: { id: string; franchiseeId: string },
  day: string,
): CommissionPlan | null {
  const inForce = plans.filter(
    (p) =>
      p.franchiseeId === store.franchiseeId &&
      p.validFrom <= day &&
      (p.validUntil === null || day < p.validUntil) &&
      (p.locationId === null || p.locationId === store.id),
  )
  const latest = (list: CommissionPlan[]) =>
    list.sort((a, b) => b.validFrom.localeCompare(a.validFrom) || b.id.localeCompare(a.id))[0] ?? null
  return latest(inForce.filter((p) => p.locationId === store.id)) ?? latest(inForce)
}

export function rateFor(plan: CommissionPlan, category: string | null): number {
  return (category !== null ? plan.categoryRatesBp[category] : undefined) ?? plan.defaultRateBp
}

/** Commission on a net amount, rounded half-up to the cent (half away from zero for reversals). */
export function commissionOf(netCents: number, rateBp: number): number {
  const exact = (Math.abs(netCents) * rateBp) / 10_000
  const rounded = Math.floor(exact + 0.5 + 1e-9)
  return netCents < 0 ? -rounded : rounded
}

export interface SaleLine extends AttributionLine {
  vatCents: number
  quantity: number
  category: string | null
}

/** The commission each online line of an order earns its attributed store, under that store's plan. */
export function saleEntries(
  lines: SaleLine[],
  store: { id: string; franchiseeId: string },
  plan: CommissionPlan,
): PlannedEntry[] {
  return commissionableLines(lines).map((l) => {
    const base = l.totalCents - l.vatCents
    const rate = rateFor(plan, l.category)
    return {
      franchiseeId: store.franchiseeId,
      locationId: store.id,
      orderLineId: l.id,
      kind: 'commission',
      category: l.category,
      quantity: l.quantity,
      baseCents: base,
      rateBp: rate,
      amountCents: commissionOf(base, rate),
      planId: plan.id,
      source: 'placed',
    }
  })
}

/**
 * Preparation fees: one per order to each franchised store that prepares it, for the customer to
 * collect (click & collect, reserve & collect) or to ship (ship-from-store), whoever the sale is
 * attributed to.
 */
export function preparationFees(
  lines: AttributionLine[],
  stores: Map<string, NetworkStore>,
  plans: CommissionPlan[],
  day: string,
): PlannedEntry[] {
  const fees = new Map<string, 'click_collect' | 'ship_from_store'>()
  for (const l of lines) {
    if ((l.fulfilment === 'pickup' || l.fulfilment === 'reserve') && l.pickupLocationId)
      fees.set(l.pickupLocationId, 'click_collect')
    else if (l.fulfilment === 'delivery' && !fees.has(l.sourceLocationId))
      fees.set(l.sourceLocationId, 'ship_from_store')
  }
  const entries: PlannedEntry[] = []
  for (const [id, what] of fees) {
    const store = stores.get(id)
    if (!store?.franchiseeId || store.ownership !== 'franchised') continue
    const plan = planFor(plans, { id, franchiseeId: store.franchiseeId }, day)
    const fee = plan && (what === 'click_collect' ? plan.clickCollectFeeCents : plan.shipFromStoreFeeCents)
    if (!plan || !fee) continue
    entries.push({
      franchiseeId: store.franchiseeId,
      locationId: id,
      orderLineId: null,
      kind: 'preparation_fee',
      category: what,
      quantity: 1,
      baseCents: 0,
      rateBp: 0,
      amountCents: fee,
      planId: plan.id,
      source: 'placed',
    })
  }
  return entries
}

/** What was accrued on an order line and how many of its units were already reversed. */
export interface AccruedLine {
  entry: PlannedEntry
  reversedQuantity: number
}

/**
 * Reverses the commission of `quantity` units of a line, after `reversedQuantity` units reversed
 * before: the units take consecutive slices of the line's base and commission, so reversing every
 * unit, in any number of returns and cancellations, gives back exactly what was accrued.
 */
export function reversalEntry(accrued: AccruedLine, quantity: number, source: string): PlannedEntry | null {
  const { entry, reversedQuantity } = accrued
  const units = Math.min(quantity, entry.quantity - reversedQuantity)
  if (units <= 0) return null
  const from = reversedQuantity
  const to = reversedQuantity + units
  const slice = (total: number) => valueOfUnits({ quantity: entry.quantity, totalCents: total }, from, to)
  return {
    ...entry,
    kind: 'commission_reversal',
    quantity: -units,
    baseCents: -slice(entry.baseCents),
    amountCents: -slice(entry.amountCents),
    source,
  }
}

/** A preparation fee given back: the order was cancelled before anything reached the customer. */
export function feeReversal(fee: PlannedEntry, source: string): PlannedEntry {
  return { ...fee, kind: 'fee_reversal', quantity: -1, amountCents: -fee.amountCents, source }
}

export interface StatementTotals {
  sales_net_cents: number
  commission_cents: number
  preparation_fees_cents: number
  reversals_cents: number
  minimum_top_up_cents: number
  total_cents: number
}

/**
 * A month's totals from its ledger entries; each store earning less than its plan's monthly minimum
 * is topped up to it.
 */
export function statementTotals(
  entries: Array<{ kind: EntryKind; locationId: string; baseCents: number; amountCents: number }>,
  minimums: Map<string, number>,
): StatementTotals & { top_ups: Array<{ locationId: string; cents: number }> } {
  let sales = 0
  let commission = 0
  let fees = 0
  let reversals = 0
  const perStore = new Map<string, number>()
  for (const e of entries) {
    if (e.kind === 'commission') {
      sales += e.baseCents
      commission += e.amountCents
    } else if (e.kind === 'preparation_fee') fees += e.amountCents
    else {
      reversals += e.amountCents
      if (e.kind === 'commission_reversal') sales += e.baseCents
    }
    perStore.set(e.locationId, (perStore.get(e.locationId) ?? 0) + e.amountCents)
  }
  const topUps: Array<{ locationId: string; cents: number }> = []
  for (const [locationId, minimum] of [...minimums].sort(([a], [b]) => a.localeCompare(b))) {
    const earned = perStore.get(locationId) ?? 0
    if (earned < minimum) topUps.push({ locationId, cents: minimum - earned })
  }
  const topUp = topUps.reduce((s, t) => s + t.cents, 0)
  return {
    sales_net_cents: sales,
    commission_cents: commission,
    preparation_fees_cents: fees,
    reversals_cents: reversals,
    minimum_top_up_cents: topUp,
    total_cents: commission + fees + reversals + topUp,
    top_ups: topUps,
  }
}
