/**
 * Every price of every list with its history, held in memory so that pricing a basket costs a few
 * microseconds instead of a database round trip. It answers exactly what the database's resolution
 * answers (offer.store.ts RESOLVE; a test holds the two to each other):
 *
 * - the price in force at an instant is the latest entry by then: the price changes in force, and the
 *   `price` row itself when it was written outside the history (a tariff load, the demo);
 * - at the same instant a change wins over the row, and the later change id over the earlier;
 * - before anything known, the price is the `old_cents` of the first later change.
 */

export interface ChangeEntry {
  id: string
  validFrom: number
  cents: number
  oldCents: number | null
}

/** What one list knows of one SKU. */
interface SkuPrices {
  /** The `price` row when it was not written by a change: its amount and when it was written. */
  row: { since: number; cents: number } | null
  /** Sorted by validFrom, then id. */
  changes: ChangeEntry[]
}

export interface BookPrice {
  priceListId: string
  sku: string
  cents: number
  since: Date | null
  changeId: string | null
  oldCents: number | null
}

export class PriceBook {
  private readonly lists = new Map<string, Map<string, SkuPrices>>()
  size = 0

  private entry(listId: string, sku: string): SkuPrices {
    let list = this.lists.get(listId)
    if (!list) {
      list = new Map()
      this.lists.set(listId, list)
    }
    let e = list.get(sku)
    if (!e) {
      e = { row: null, changes: [] }
      list.set(sku, e)
      this.size++
    }
    return e
  }

  /** The `price` row of a list and SKU; null when the row was written by a change (the change says it). */
  setRow(listId: string, sku: string, row: { since: Date; cents: number } | null) {
    this.entry(listId, sku).row = row && { since: row.since.getTime(), cents: row.cents }
  }

  /** Adds or replaces (same id) a change. */
  putChange(
    listId: string,
    sku: string,
    change: { id: string; validFrom: Date; cents: number; oldCents: number | null },
  ) {
    const e = this.entry(listId, sku)
    const entry = {
      id: change.id,
      validFrom: change.validFrom.getTime(),
      cents: change.cents,
      oldCents: change.oldCents,
    }
    const at = e.changes.findIndex((c) => c.id === change.id)
    if (at >= 0) e.changes.splice(at, 1)
    let i = e.changes.length
    while (i > 0 && before(entry, e.changes[i - 1]!)) i--
    e.changes.splice(i, 0, entry)
  }

  /** The price of each SKU in force at `at` in one list; SKUs without one are left out. */
  resolve(listId: string, skus: string[], at: Date): BookPrice[] {
    const list = this.lists.get(listId)
    if (!list) return []
    const t = at.getTime()
    const out: BookPrice[] = []
    for (const sku of skus) {
      const e = list.get(sku)
      if (!e) continue
      const p = inForce(e, t)
      if (p) out.push({ priceListId: listId, sku, ...p })
    }
    return out
  }

  /** The lists that know a SKU: for its prices in every list. */
  listsOf(sku: string): string[] {
    return [...this.lists].filter(([, skus]) => skus.has(sku)).map(([id]) => id)
  }
}

function before(a: ChangeEntry, b: ChangeEntry): boolean {
  return a.validFrom < b.validFrom || (a.validFrom === b.validFrom && a.id < b.id)
}

function inForce(e: SkuPrices, t: number): Omit<BookPrice, 'priceListId' | 'sku'> | null {
  // The last change in force by t: binary search over validFrom.
  let lo = 0
  let hi = e.changes.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (e.changes[mid]!.validFrom <= t) lo = mid + 1
    else hi = mid
  }
  const change = lo > 0 ? e.changes[lo - 1]! : null
  const row = e.row && e.row.since <= t ? e.row : null
  if (change && (!row || change.validFrom >= row.since)) {
    return {
      cents: change.cents,
      since: new Date(change.validFrom),
      changeId: change.id,
      oldCents: change.oldCents,
    }
  }
  if (row) return { cents: row.cents, since: new Date(row.since), changeId: null, oldCents: null }
  const next = e.changes[lo]
  if (next && next.oldCents !== null)
    return { cents: next.oldCents, since: null, changeId: null, oldCents: null }
  return null
}
