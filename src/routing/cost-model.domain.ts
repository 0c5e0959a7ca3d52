/**
 * What it costs to serve a delivery from a location, per channel. Money in cents.
 * A store at or over its daily preparation capacity costs `atCapacityPenaltyCents` more: so large
 * that it is only chosen when nothing else can serve the order.
 */
export interface CostModel {
  shipmentCents: number
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
