export { aftersalesErrors } from './aftersales.errors.ts'
