import type { StockLevelRow } from './stock.store.ts'

/** A stock level as the API shows it. */
export const levelDto = (l: StockLevelRow) => ({ ...l, updated_at: new Date(l.updated_at).toISOString() })

/** Goods received: the receipt's reference and the levels it changed. */
export const receiptView = (r: { reference: string; levels: StockLevelRow[] }) => ({
  reference: r.reference,
  levels: r.levels.map(levelDto),
})
