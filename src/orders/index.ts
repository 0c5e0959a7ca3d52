// The face of src/orders: what other folders may use. Nothing outside src/orders imports its other files.

export { customerOrdersRoutes } from './customer-orders.routes.ts'
export { deliveryFeeRefund, type LineUnits } from './delivery-fees.domain.ts'
export {
  type DeliveryFeeQuote,
  type DeliveryFees,
  type DeliveryPricer,
  provideDeliveryFees,
} from './delivery-fees.ts'
export { fulfilmentJobs } from './fulfilment/fulfilment.jobs.ts'
export { fulfilmentRoutes } from './fulfilment/fulfilment.routes.ts'
export { advanceTask } from './fulfilment/fulfilment.service.ts'
export { findTask, type TaskRow } from './fulfilment/fulfilment.store.ts'
export { OrderIn } from './orders.contract.ts'
export type { OrderInput } from './orders.domain.ts'
export { ordersErrors } from './orders.errors.ts'
export { expireDrafts, ordersJobs } from './orders.jobs.ts'
export type { Shipment } from './orders.outbox.ts'
export { ordersRoutes } from './orders.routes.ts'
export { orderEvents, orderLines, orders, payments, type TenderMethod } from './orders.schema.ts'
export { cancelOrder, fulfilOrderIn, getOrder, placeOrder, quoteOrder } from './orders.service.ts'
export { findOrder, findOrders, linesOfOrders, type OrderRow, recordTransition } from './orders.store.ts'
export { type PointsTender, providePointsTender } from './points-tender.ts'
export * as orderQueries from './queries.ts'
export { orderNumberOfReceipt, receiptBarcode } from './receipt.domain.ts'
export { allocateRefund, type CaptureState } from './refunds.domain.ts'
export { creditNoteRefund, type RefundPayment, refundToTenders } from './refunds.service.ts'
export { provideTill, type Till, type TillReturn, type TillSale, till } from './till.ts'
