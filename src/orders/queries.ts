import { fileURLToPath } from 'node:url'
import type { Query } from '../db/statement.ts'
import { orderReadsStatement, placeOrderStatement } from './orders.store.ts'

/** Where the order path's statements are committed as SQL (`npm run sql:render` writes them). */
export const queriesDir = fileURLToPath(new URL('./queries/', import.meta.url))

/** The order path's hot statements: its one read and its one write. */
export const queries: Query[] = [
  { statement: orderReadsStatement, source: 'src/orders/orders.store.ts' },
  { statement: placeOrderStatement, source: 'src/orders/orders.store.ts' },
]
