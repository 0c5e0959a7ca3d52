import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import type { DeliveryAddress, LocationRow } from '../network/index.ts'
import { cachedLocations, locateAddress } from '../network/index.ts'
import { dayOf, periodOf } from '../shared/period.domain.ts'
import {
  type Attribution,
  attribute,
  defaultRuleOrder,
  type NetworkStore,
  type Place,
} from './attribution.domain.ts'
import {
  feeReversal,
  type PlannedEntry,
  planFor,
  preparationFees,
  reversalEntry,
  type SaleLine,
  saleEntries,
} from './commission.domain.ts'
import {
  type AttributionRecord,
  entriesOfOrder,
  type FranchiseConfig,
  readConfig,
  toPlanned,
  writeEntries,
} from './franchise.store.ts'

/** What attribution and commission need to know of an order when it is placed. */
export interface PlacedOrder {
  id: string
  number: number
  channelId: string
  storeId: string | null
  lines: SaleLine[]
  deliveryAddress: DeliveryAddress | null
  /** Postcode of the customer's address, for the home-store rule. */
  customerPostcode: string | null
  at: Date
}

export interface Accrual {
  order: { id: string; number: number }
  attribution: AttributionRecord | null
  entries: PlannedEntry[]
  at: Date
}

/** Every store of the network as attribution sees it: owned ones keep the nearest-store catchment. */
export function networkStores(locations: Map<string, LocationRow>, config: FranchiseConfig): NetworkStore[] {
  const stores: NetworkStore[] = []
  for (const l of locations.values()) {
    if (l.kind !== 'store') continue
    const f = l.ownership === 'franchised' ? config.stores.get(l.id) : undefined
    stores.push({
      id: l.id,
      name: l.name,
      lat: l.lat,
      lon: l.lon,
      ownership: l.ownership,
      franchiseeId: f?.franchiseeId ?? null,
      catchment: f?.catchment ?? { kind: 'nearest' },
    })
  }
  return stores
}

function place(
  address: { postcode: string; country?: string; lat?: number; lon?: number } | null,
): Place | null {
  if (!address) return null
  const at = locateAddress(address)
  return at ? { lat: at.lat, lon: at.lon, postcode: address.postcode } : null
}

/**
 * Decides, in memory, an order's attribution and the ledger entries it earns franchisees: null
 * when no franchised store under contract earns anything (the usual owned-network order writes
 * nothing more).
 */
export function accrualFor(
  order: PlacedOrder,
  stores: NetworkStore[],
  config: FranchiseConfig,
): Accrual | null {
  if (config.stores.size === 0) return null
  const byId = new Map(stores.map((s) => [s.id, s]))
  const day = dayOf(order.at)
  const found: Attribution | null = attribute(
    {
      storeId: order.storeId,
      lines: order.lines,
      delivery: place(order.deliveryAddress),
      home: order.customerPostcode ? place({ postcode: order.customerPostcode }) : null,
    },
    stores,
    config.rules ?? defaultRuleOrder,
    config.nearestMaxKm,
  )
  const store = found ? byId.get(found.storeId) : undefined
  const franchiseeId = store?.ownership === 'franchised' ? store.franchiseeId : null
  const plan = franchiseeId && store ? planFor(config.plans, { id: store.id, franchiseeId }, day) : null
  const sales =
    plan && store && franchiseeId ? saleEntries(order.lines, { id: store.id, franchiseeId }, plan) : []
  const entries = [...sales, ...preparationFees(order.lines, byId, config.plans, day)]
  const attribution =
    found && plan && franchiseeId
      ? {
          orderId: order.id,
          orderNumber: order.number,
          channelId: order.channelId,
          franchiseeId,
          locationId: found.storeId,
          rule: found.rule,
          reason: found.reason,
          netCents: sales.reduce((s, e) => s + e.baseCents, 0),
          commissionCents: sales.reduce((s, e) => s + e.amountCents, 0),
        }
      : null
  if (!attribution && entries.length === 0) return null
  return { order: { id: order.id, number: order.number }, attribution, entries, at: order.at }
}

export async function recordAccrual(q: Executor, accrual: Accrual) {
  await writeEntries(q, accrual.order, accrual.attribution, accrual.entries, accrual.at, periodOf(accrual.at))
}

interface OrderFacts {
  id: string
  number: number
  channel_id: string
  store_id: string | null
  delivery_address: DeliveryAddress | null
  customer_postcode: string | null
  placed_at: Date
  lines: Array<{
    id: string
    fulfilment: SaleLine['fulfilment']
    source_location_id: string
    pickup_location_id: string | null
    total_cents: number
    vat_cents: number
    quantity: number
    category: string | null
  }>
}

/** Orders as attribution reads them, with their lines' categories and the customer's postcode. */
export async function orderFacts(q: Executor, filter: { orderId: string } | { all: true }) {
  return rows<OrderFacts>(
    q,
    sql`SELECT o.id, o.number::int AS number, o.channel_id, o.store_id, o.delivery_address,
          (SELECT c2.postcode FROM customer c1 JOIN customer c2 ON c2.id = coalesce(c1.merged_into, c1.id)
            WHERE c1.id = o.customer_id) AS customer_postcode,
          coalesce(o.placed_at, o.created_at) AS placed_at,
          (SELECT json_agg(json_build_object('id', l.id, 'fulfilment', l.fulfilment,
             'source_location_id', l.source_location_id, 'pickup_location_id', l.pickup_location_id,
             'total_cents', l.total_cents, 'vat_cents', l.vat_cents, 'quantity', l.quantity,
             'category', (SELECT p.category FROM variant v JOIN product p ON p.id = v.product_id WHERE v.sku = l.sku LIMIT 1))
             ORDER BY l.line_no) FROM order_line l WHERE l.order_id = o.id) AS lines
        FROM orders o
        WHERE ${'orderId' in filter ? sql`o.id = ${filter.orderId}` : sql`o.status NOT IN ('draft', 'expired')`}
        ORDER BY o.id`,
  )
}

export function toPlacedOrder(o: OrderFacts): PlacedOrder {
  return {
    id: o.id,
    number: o.number,
    channelId: o.channel_id,
    storeId: o.store_id,
    deliveryAddress: o.delivery_address,
    customerPostcode: o.customer_postcode || null,
    at: new Date(o.placed_at),
    lines: (o.lines ?? []).map((l) => ({
      id: l.id,
      fulfilment: l.fulfilment,
      sourceLocationId: l.source_location_id,
      pickupLocationId: l.pickup_location_id,
      totalCents: l.total_cents,
      vatCents: l.vat_cents,
      quantity: l.quantity,
      category: l.category,
    })),
  }
}

const contracts = new WeakMap<Tx, Promise<FranchiseConfig>>()

/**
 * Contracts, stores and policy as one transaction sees them, read once: a consumer's pass applies up
 * to 200 orders' events in one transaction, and a network without franchisees then costs one read.
 */
function contractsIn(tx: Tx): Promise<FranchiseConfig> {
  let read = contracts.get(tx)
  if (!read) {
    read = readConfig(tx)
    contracts.set(tx, read)
  }
  return read
}

/**
 * An order's sale accrues at `at` (when it was placed, or its draft confirmed): its attribution and
 * commission entries, from the contracts in force and the order as written.
 */
export async function accrueOrder(tx: Tx, orderId: string, at: Date) {
  const config = await contractsIn(tx)
  if (config.stores.size === 0) return
  const [facts] = await orderFacts(tx, { orderId })
  if (!facts) return
  const accrual = accrualFor(
    { ...toPlacedOrder(facts), at },
    networkStores(await cachedLocations(tx), config),
    config,
  )
  if (accrual) await recordAccrual(tx, accrual)
}

/** Units given back on a line: cancelled before hand-over, or returned. */
export interface GivenBack {
  orderLineId: string
  quantity: number
}

/**
 * Reverses the commission of units cancelled or returned, in the month it happens. A cancellation
 * that leaves nothing of the order also gives back its preparation fees (no work came of it); a
 * return does not (the store prepared and handed over the goods).
 */
export async function reverseCommission(
  tx: Tx,
  orderId: string,
  units: GivenBack[],
  source: string,
  options: { wholeOrderCancelled: boolean; at?: Date },
) {
  const existing = await entriesOfOrder(tx, orderId)
  if (existing.length === 0) return
  const planned = reversalsFor(existing.map(toPlanned), units, source, options.wholeOrderCancelled)
  if (planned.length === 0) return
  const at = options.at ?? new Date()
  await writeEntries(tx, { id: orderId, number: existing[0]!.order_number }, null, planned, at, periodOf(at))
}

/** The reversal entries of units given back, from an order's ledger so far (pure). */
export function reversalsFor(
  ledger: PlannedEntry[],
  units: GivenBack[],
  source: string,
  wholeOrderCancelled: boolean,
): PlannedEntry[] {
  const out: PlannedEntry[] = []
  for (const u of units) {
    const sale = ledger.find((e) => e.kind === 'commission' && e.orderLineId === u.orderLineId)
    if (!sale || u.quantity <= 0) continue
    const reversed = ledger
      .filter((e) => e.kind === 'commission_reversal' && e.orderLineId === u.orderLineId)
      .reduce((s, e) => s - e.quantity, 0)
    const r = reversalEntry({ entry: sale, reversedQuantity: reversed }, u.quantity, source)
    if (r) out.push(r)
  }
  if (wholeOrderCancelled) {
    for (const fee of ledger.filter((e) => e.kind === 'preparation_fee')) {
      const given = ledger.some(
        (e) => e.kind === 'fee_reversal' && e.locationId === fee.locationId && e.category === fee.category,
      )
      if (!given) out.push(feeReversal(fee, source))
    }
  }
  return out
}
