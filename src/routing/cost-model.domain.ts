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

/**
 * The least that `k` or more parcels together cost to carry `weightG` grams, for k = 1 … `parcels`
 * (`least[k - 1]`), when the weight fits in the last band: the cheapest choice of k bands whose limits
 * add up to the weight, each band priced at the least rate from it up (so a table that does not rise
 * with weight still gives a lower bound), and never more than `parcels` + 1 lowest rates (what more
 * parcels cost at least). Heavier goods: null. Split in two, 15 kg to a far zone costs at least 21 € +
 * 14.50 € (a 10 kg and a 5 kg parcel), where one parcel costs 32 €: the search's bound for sets of two
 * sites is the former, not the latter.
 */
export function leastSplitRates(
  rates: readonly ParcelRate[],
  weightG: number,
  parcels: number,
): number[] | null {
  const last = rates[rates.length - 1]!
  if (weightG > last.upToG) return null
  const bands = rates.length
  const cost = rates.map((r) => r.costCents)
  for (let b = bands - 2; b >= 0; b--) cost[b] = Math.min(cost[b]!, cost[b + 1]!)
  const exactly = new Array<number>(parcels + 1).fill(Number.POSITIVE_INFINITY)
  // Bands chosen from the heaviest down (a multiset: each choice no heavier than the one before).
  const choose = (count: number, from: number, grams: number, sum: number) => {
    if (grams >= weightG) {
      // Carried: more parcels add the lowest rate each at least.
      for (let c = count; c <= parcels; c++) exactly[c] = Math.min(exactly[c]!, sum + (c - count) * cost[0]!)
      return
    }
    if (count === parcels) return
    for (let b = from; b >= 0; b--) choose(count + 1, b, grams + rates[b]!.upToG, sum + cost[b]!)
  }
  choose(0, bands - 1, 0, 0)
  const least = new Array<number>(parcels)
  let low = (parcels + 1) * lowestRate(rates)
  for (let k = parcels; k >= 1; k--) {
    low = Math.min(low, exactly[k]!)
    least[k - 1] = low
  }
  return least
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
