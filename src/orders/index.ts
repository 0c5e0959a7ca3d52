export { ordersErrors } from './orders.errors.ts'
