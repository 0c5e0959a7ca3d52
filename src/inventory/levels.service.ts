/** Stock levels and the movement ledger as the API reads them. */
import type { Executor } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { levelDto } from './inventory.view.ts'
import * as stock from './stock.store.ts'

/** A SKU's stock at every location. */
export async function skuLevels(q: Executor, sku: string) {
  return { sku, levels: (await stock.levelsForSku(q, sku)).map(levelDto) }
}

/** The stock of every SKU at a location, by SKU. */
export async function locationLevels(q: Executor, locationId: string, limit: number, cursor?: string) {
  return (await stock.levelsAtLocation(q, locationId, limit, cursor)).map(levelDto)
}

/** A SKU's movements, newest first (`cursor`: the id of the last movement seen). */
export async function stockMovements(
  q: Executor,
  filter: { sku: string; locationId?: string },
  limit: number,
  cursor?: string,
) {
  const after = cursor === undefined ? undefined : Number(cursor)
  if (after !== undefined && !Number.isInteger(after))
    throw invalidInput('querystring/cursor', 'is not valid')
  const list = await stock.movements(q, filter, limit, after)
  return list.map((m) => ({ ...m, created_at: new Date(m.created_at).toISOString() }))
}
