import { sql } from 'drizzle-orm'
import { pricesWrittenAt } from '../catalog/index.ts'
import { type Executor, rows } from '../db/database.ts'
import { PriceBook } from './price-book.domain.ts'

/** Writes committed late (a long transaction's now() is its start) are caught by reading back this far. */
const OVERLAP_MS = 30_000
/** A price changed in another server process is seen within this long. */
const FRESH_MS = 1_000

interface Loaded {
  book: PriceBook
  /** Greatest updated_at read so far, per table. */
  priceMark: number
  changeMark: number
  checkedAt: number
  refreshing?: Promise<void>
}

const books = new WeakMap<object, Promise<Loaded>>()

/**
 * The price book of a database, loaded once per process and kept fresh by reading what changed since
 * (`updated_at` of prices and price changes, both indexed): in the background at most once a second,
 * and before answering after a change made through this process (`touchPriceBook`).
 */
export async function priceBook(db: Executor): Promise<PriceBook> {
  let loading = books.get(db)
  if (!loading) {
    loading = load(db)
    books.set(db, loading)
    loading.catch(() => books.delete(db))
  }
  const loaded = await loading
  const touched = loaded.checkedAt <= pricesWrittenAt()
  if (touched || Date.now() - loaded.checkedAt >= FRESH_MS) {
    loaded.refreshing ??= refresh(db, loaded).finally(() => {
      loaded.refreshing = undefined
    })
    // A price written through this process is read back before answering; changes made elsewhere are
    // read in the background, so no request waits for them.
    if (touched) await loaded.refreshing
    else loaded.refreshing.catch(() => {})
  }
  return loaded.book
}

async function load(db: Executor): Promise<Loaded> {
  const loaded: Loaded = { book: new PriceBook(), priceMark: 0, changeMark: 0, checkedAt: 0 }
  await refresh(db, loaded)
  return loaded
}

type PriceRow = { price_list_id: string; sku: string; cents: number; since: string; by_change: boolean }
type ChangeRow = {
  id: string
  price_list_id: string
  sku: string
  valid_from: string
  new_cents: number
  old_cents: number | null
  updated_at: string
}

async function refresh(db: Executor, loaded: Loaded) {
  const checkedAt = Date.now()
  const priceFrom = new Date(Math.max(0, loaded.priceMark - OVERLAP_MS)).toISOString()
  const changeFrom = new Date(Math.max(0, loaded.changeMark - OVERLAP_MS)).toISOString()
  // Changes first: a price row written by a change is recognised by that change's applied_at.
  const changes = await rows<ChangeRow>(
    db,
    sql`SELECT id, price_list_id, sku, valid_from, new_cents, old_cents, updated_at
        FROM price_change WHERE updated_at >= ${changeFrom}::timestamptz`,
  )
  const prices = await rows<PriceRow>(
    db,
    sql`SELECT pr.price_list_id, pr.sku, pr.amount_cents AS cents, pr.updated_at AS since,
               EXISTS (SELECT 1 FROM price_change x WHERE x.sku = pr.sku AND x.price_list_id = pr.price_list_id
                         AND x.applied_at = pr.updated_at) AS by_change
        FROM price pr WHERE pr.updated_at >= ${priceFrom}::timestamptz`,
  )
  for (const c of changes) {
    loaded.book.putChange(c.price_list_id, c.sku, {
      id: c.id,
      validFrom: new Date(c.valid_from),
      cents: c.new_cents,
      oldCents: c.old_cents,
    })
    loaded.changeMark = Math.max(loaded.changeMark, new Date(c.updated_at).getTime())
  }
  for (const p of prices) {
    const since = new Date(p.since)
    loaded.book.setRow(p.price_list_id, p.sku, p.by_change ? null : { since, cents: p.cents })
    loaded.priceMark = Math.max(loaded.priceMark, since.getTime())
  }
  loaded.checkedAt = checkedAt
}
