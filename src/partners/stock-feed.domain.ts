/**
 * A partner's stock feed, as pure rules: how many units of a SKU the partner is offered from what the
 * brand's own channels leave available, which rows of the feed change, and the feed as a CSV file.
 *
 * "Available" is what a remote channel of the brand may promise at the partner's locations: on hand
 * less what the brand's channels reserved (orders, click & collect and reserve & collect holds) less
 * safety stock, summed over those locations. The partner never sees more than that.
 */

export interface StockBuffer {
  /** Share of the available units kept back, in basis points (2000 = 20 %). */
  bufferBp: number
  /** Units kept back per SKU once the share is taken. */
  bufferUnits: number
}

/**
 * What the partner is offered of `available` units: the share kept back is rounded up (the partner
 * is offered the whole units that remain), then the fixed reserve is taken; never below 0.
 * 10 available, 25 % and 1 unit kept back: 10 − 3 (2.5 rounded up) − 1 = 6.
 */
export function offeredUnits(available: number, buffer: StockBuffer): number {
  if (!(available > 0)) return 0
  const afterShare = Math.floor((available * (10_000 - buffer.bufferBp)) / 10_000)
  return Math.max(0, afterShare - buffer.bufferUnits)
}

export interface FeedItem {
  sku: string
  quantity: number
  /** False once the SKU left the feed's scope (no longer sold by the partner): quantity 0. */
  offered: boolean
}

/**
 * The rows of the feed that change: each SKU of `target` (in scope, with what it should offer) whose
 * quantity differs from `current` or that was not offered, and each SKU of `current` still offered
 * but no longer in `target` (out of scope now: 0, not offered). `current` and `target` cover the same
 * SKUs (the whole feed, or the SKUs a batch of stock events touched). In SKU order.
 */
export function feedChanges(current: ReadonlyMap<string, FeedItem>, target: ReadonlyMap<string, number>) {
  const changes: FeedItem[] = []
  for (const [sku, quantity] of target) {
    const was = current.get(sku)
    if (!was?.offered || was.quantity !== quantity) changes.push({ sku, quantity, offered: true })
  }
  for (const [sku, was] of current) {
    if (was.offered && !target.has(sku)) changes.push({ sku, quantity: 0, offered: false })
  }
  return changes.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
}

/**
 * A cell as a spreadsheet must not run it: text beginning with =, +, −, @, a tab or a carriage return
 * (a product name is typed by anyone) gets a leading apostrophe, as OWASP advises; then RFC 4180 quoting.
 */
export function csvCell(v: string | number | boolean | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export const feedCsvHeader = ['sku', 'ean', 'name', 'quantity', 'offered', 'updated_at'] as const

export function feedCsv(
  items: ReadonlyArray<{
    sku: string
    ean: string | null
    name: string | null
    quantity: number
    offered: boolean
    updated_at: string
  }>,
): string {
  const lines = items.map((i) =>
    [i.sku, i.ean, i.name, i.quantity, i.offered, i.updated_at].map(csvCell).join(','),
  )
  return `${[feedCsvHeader.join(','), ...lines].join('\r\n')}\r\n`
}
