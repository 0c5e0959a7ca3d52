/*
 * Store replenishment, pure: what each store needs of each SKU by its policy, how a warehouse that
 * is short shares what it has, and how the lines fill pallets and trucks for the delivery day.
 */

/** Weeks of sales the velocity is measured over. */
export const VELOCITY_DAYS = 28
/** Units per pallet when a SKU has none set: a mixed pallet of small goods. */
export const DEFAULT_UNITS_PER_PALLET = 120

export interface StoreSupply {
  locationId: string
  warehouseId: string
  /** ISO weekdays the truck comes: 1 Monday … 7 Sunday. */
  deliveryDays: readonly number[]
  leadDays: number
  palletsPerTruck: number
}

export interface Policy {
  sku: string
  method: 'min_max' | 'cover'
  minQty: number
  maxQty: number
  coverDays: number
}

export interface Position {
  onHand: number
  reserved: number
  inTransit: number
  /** Units on open purchase orders delivered straight to the store. */
  openOrders: number
  /** Units sold per day over the last weeks. */
  velocity: number
}

export interface Need {
  target: number
  need: number
}

/** The first delivery day the store can get if it orders on `today` (YYYY-MM-DD), or null without delivery days. */
export function deliveryDate(
  today: string,
  supply: Pick<StoreSupply, 'deliveryDays' | 'leadDays'>,
): string | null {
  if (supply.deliveryDays.length === 0) return null
  const day = new Date(`${today}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + Math.max(0, supply.leadDays))
  for (let i = 0; i < 7; i++) {
    const iso = ((day.getUTCDay() + 6) % 7) + 1
    if (supply.deliveryDays.includes(iso)) return day.toISOString().slice(0, 10)
    day.setUTCDate(day.getUTCDate() + 1)
  }
  return null
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** The stock a store counts on: what it holds and may sell, what is on its way, what its suppliers owe it. */
export function stockPosition(p: Position): number {
  return p.onHand - p.reserved + p.inTransit + p.openOrders
}

/**
 * What a store should receive of a SKU. Min/max: back up to max once the position is at or under
 * min. Cover: enough for the days until the truck plus `coverDays` of sales after it, never under
 * min (the shelf's presentation stock) nor, when a max is set, over it (the shelf's room).
 */
export function needOf(policy: Policy, p: Position, daysToDelivery: number): Need {
  const position = stockPosition(p)
  if (policy.method === 'min_max') {
    const need = position <= policy.minQty ? Math.max(0, policy.maxQty - position) : 0
    return { target: policy.maxQty, need }
  }
  let target = Math.ceil(p.velocity * (Math.max(0, daysToDelivery) + policy.coverDays) - 1e-9)
  target = Math.max(target, policy.minQty)
  if (policy.maxQty > 0) target = Math.min(target, policy.maxQty)
  return { target, need: Math.max(0, target - position) }
}

/**
 * Shares `available` units between stores that need more than there is: each gets the same share
 * of its need (rounded down), and the units left go one by one to the largest remainders (ties by
 * store id), so no store gets more than it needs and none is served at the expense of another.
 */
export function shareFairly(
  needs: ReadonlyArray<{ storeId: string; need: number }>,
  available: number,
): Map<string, number> {
  const out = new Map<string, number>()
  const total = needs.reduce((s, n) => s + n.need, 0)
  const units = Math.max(0, available)
  if (total <= units) {
    for (const n of needs) out.set(n.storeId, n.need)
    return out
  }
  const shares = needs.map((n) => {
    const exact = (n.need * units) / total
    return { storeId: n.storeId, need: n.need, given: Math.floor(exact), rest: exact - Math.floor(exact) }
  })
  let left = units - shares.reduce((s, x) => s + x.given, 0)
  const order = [...shares].sort(
    (a, b) => b.rest - a.rest || (a.storeId < b.storeId ? -1 : a.storeId > b.storeId ? 1 : 0),
  )
  for (const s of order) {
    if (left <= 0) break
    if (s.given < s.need) {
      s.given++
      left--
    }
  }
  for (const s of shares) out.set(s.storeId, s.given)
  return out
}

/**
 * What a warehouse may send stores of a SKU: what it can promise, less the web's reserve (the days
 * of its own parcel sales it keeps for web orders).
 */
export function shareable(
  w: { onHand: number; reserved: number; safetyStock: number; webVelocity: number },
  webReserveDays: number,
) {
  const reserve = Math.ceil(w.webVelocity * webReserveDays - 1e-9)
  return Math.max(0, w.onHand - w.reserved - w.safetyStock - reserve)
}

export interface PackedLine {
  sku: string
  quantity: number
  unitsPerPallet: number
}

/**
 * Fills trucks with the lines, in SKU order: a line goes whole into the current truck when its
 * pallets fit, else into the next one (a line bigger than a truck takes trucks of its own).
 * Pallets are counted in fractions (a SKU's units share mixed pallets); a truck carries at most
 * `palletsPerTruck` of them.
 */
export function packTrucks(lines: readonly PackedLine[], palletsPerTruck: number) {
  const capacity = Math.max(1, palletsPerTruck)
  const placed: Array<{ sku: string; pallets: number; truck: number }> = []
  let truck = 1
  let load = 0
  for (const l of [...lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))) {
    if (l.quantity <= 0) continue
    const pallets = l.quantity / Math.max(1, l.unitsPerPallet)
    if (load > 0 && load + pallets > capacity + 1e-9) {
      truck++
      load = 0
    }
    placed.push({ sku: l.sku, pallets, truck })
    load += pallets
    if (load > capacity + 1e-9) {
      // An oversized line filled trucks of its own: the next line starts a fresh one.
      truck += Math.ceil(load / capacity - 1e-9)
      load = 0
    }
  }
  return placed
}
