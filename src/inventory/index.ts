export { inventoryErrors } from './inventory.errors.ts'
