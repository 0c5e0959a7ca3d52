// The face of src/inventory: what other folders may use. Nothing outside src/inventory imports its other files.

export {
  type CountExportRow,
  type CountLine,
  exportCountLines,
  writeCountLines,
} from './counts.service.ts'
export { inventoryErrors } from './inventory.errors.ts'
export { inventoryRoutes } from './inventory.routes.ts'
export { reservations, stockLevels, stockMovements } from './inventory.schema.ts'
export {
  consumeReservations,
  insufficientStock,
  type Lack,
  lockStock,
  releasedEvents,
  releaseReservations,
  type StockHold,
  stockEnough,
  stockLack,
  stockValues,
  takeStock,
} from './reservations.store.ts'
export { coverShortfall, type Shortfall } from './shortfall.service.ts'
export {
  applyCount,
  type LevelFigures,
  levelsAt,
  receiveDelivery,
  returnToSupplier,
  unitsSold,
} from './supply.store.ts'
export { claimIncoming, expectedArrival, receiveTransferIn, shipTransfer } from './transfers.service.ts'
