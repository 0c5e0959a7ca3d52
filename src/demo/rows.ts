import type { reservations, stockLevels, stockMovements } from '../inventory/index.ts'
import type { orderEvents, orderLines, orders, payments } from '../orders/index.ts'

// The rows the demo's history is written as, shared by the order and the return writers.
export type OrderRow = typeof orders.$inferInsert
export type OrderLineRow = typeof orderLines.$inferInsert
export type PaymentRow = typeof payments.$inferInsert
export type OrderEventRow = typeof orderEvents.$inferInsert
export type ReservationRow = typeof reservations.$inferInsert
export type MovementRow = typeof stockMovements.$inferInsert
export type StockLevelRow = typeof stockLevels.$inferInsert
