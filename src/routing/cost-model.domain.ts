/**
 * What it costs to serve a delivery from a location, per channel. Money in cents.
 * A store at or over its daily preparation capacity costs `atCapacityPenaltyCents` more: so large
 * that it is only chosen when nothing else can serve the order.
 */
export interface CostModel {
  /** One parcel's carrier cost when no rate table is given (`parcelRates`). */
  shipmentCents: number
  /**
   * The carrier's rates to the order's destination zone, by weight band (sorted by `upToG`): when
   * given, each parcel costs the band of its own weight instead of `shipmentCents`, so splitting an
   * order pays each parcel's rate. Units weigh their line's `weightG`.
   */
  parcelRates?: readonly ParcelRate[]
  perKmCents: number
  /** Handling one parcel at a location (picking round, packing, hand-over to the carrier). */
  prepParcelCents: { warehouse: number; store: number; dark_store: number }
  prepUnitCents: { warehouse: number; store: number; dark_store: number }
  splitPenaltyCents: number
  /** Added in proportion to a store's open preparation tasks over its daily capacity. */
  workloadPenaltyCents: number
  atCapacityPenaltyCents: number
  /** Units a store keeps on its shelves for walk-in shoppers (on top of safety stock). */
  keepForStoreUnits: number
  /** Whether this channel's parcels may leave from stores at all. */
  shipFromStore: boolean
}

/** A weight band of a carrier's rates: parcels up to `upToG` grams (and above the previous band's) cost `costCents`. */
export interface ParcelRate {
  upToG: number
  costCents: number
}

/**
 * The lowest rate of a table: what any parcel costs at least, so the search's bounds stay valid
 * whatever a parcel weighs.
 */
export function lowestRate(rates: readonly ParcelRate[]): number {
  let low = Number.POSITIVE_INFINITY
  for (const r of rates) if (r.costCents < low) low = r.costCents
  return low
}

/**
 * What the carrier charges for the goods of one location weighing `weightG`: the band holding the
 * weight; heavier than the last band, as many full parcels as it takes plus one for the rest.
 */
export function parcelCost(rates: readonly ParcelRate[], weightG: number): number {
  const last = rates[rates.length - 1]!
  let w = Math.max(1, weightG)
  let cost = 0
  while (w > last.upToG) {
    cost += last.costCents
    w -= last.upToG
  }
  for (const r of rates) if (w <= r.upToG) return cost + r.costCents
  return cost + last.costCents
}

/**
 * The least a parcel of at least `weightG` can cost: the cheapest band from the one holding the weight
 * up (a table need not rise with weight), and never more than a full last-band parcel plus the lowest
 * rate, which is the least anything heavier than the last band costs. A lower bound for a parcel that
 * ships a given unit whatever else it carries.
 */
export function leastRateFrom(rates: readonly ParcelRate[], weightG: number): number {
  const last = rates[rates.length - 1]!
  let low = last.costCents + lowestRate(rates)
  for (const r of rates) if (weightG <= r.upToG && r.costCents < low) low = r.costCents
  return low
}

export const defaultCostModel: CostModel = {
  shipmentCents: 590,
  // Carriers price by zone more than by distance: distance stays a tie-breaker between close options.
  perKmCents: 0.5,
  prepParcelCents: { warehouse: 100, store: 400, dark_store: 150 },
  prepUnitCents: { warehouse: 40, store: 250, dark_store: 60 },
  splitPenaltyCents: 300,
  workloadPenaltyCents: 400,
  atCapacityPenaltyCents: 1_000_000,
  keepForStoreUnits: 1,
  shipFromStore: true,
}
