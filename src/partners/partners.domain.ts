/**
 * The money between the brand and a partner for a month, and the files they exchange. A partner
 * that collects the customers' money (a marketplace) owes the brand what it collected, less the
 * refunds it gave back for the brand, less its commission on the net sales and its fees per order.
 */

export interface SettlementFacts {
  /** Money the partner collected on the brand's orders in the month. */
  salesCents: number
  /** Refunds the partner gave back for the brand (returns, cancellations) in the month. */
  returnsCents: number
  orders: number
  commissionBp: number
  orderFeeCents: number
}

export interface Settlement {
  salesCents: number
  returnsCents: number
  commissionCents: number
  feesCents: number
  dueFromPartnerCents: number
  orders: number
}

export function settle(f: SettlementFacts): Settlement {
  const commissionCents = Math.round(((f.salesCents - f.returnsCents) * f.commissionBp) / 10_000)
  const feesCents = f.orders * f.orderFeeCents
  return {
    salesCents: f.salesCents,
    returnsCents: f.returnsCents,
    commissionCents,
    feesCents,
    dueFromPartnerCents: f.salesCents - f.returnsCents - commissionCents - feesCents,
    orders: f.orders,
  }
}

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v)
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV text (RFC 4180, comma-separated, CRLF) of rows with the same keys. */
export function toCsv(columns: string[], rows: Array<Record<string, unknown>>): string {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))]
  return `${lines.join('\r\n')}\r\n`
}

/** One line of a partner order as its import file gives it. */
export interface ImportedLine {
  partner_order_id: string
  sku: string
  quantity: number
  unit_price_cents?: number
  customer_name?: string
  customer_email?: string
  line1?: string
  postcode?: string
  city?: string
  country?: string
}

export const importColumns = [
  'partner_order_id',
  'sku',
  'quantity',
  'unit_price_cents',
  'customer_name',
  'customer_email',
  'line1',
  'postcode',
  'city',
  'country',
] as const

export type RowError = { row: number; column: string; message: string }

/** The rows of a partner's CSV order file (a header row naming the columns), or the errors per row. */
export function parseOrderRows(records: string[][]): {
  lines: Array<ImportedLine & { row: number }>
  errors: RowError[]
} {
  const [header, ...body] = records
  const errors: RowError[] = []
  const lines: Array<ImportedLine & { row: number }> = []
  if (!header) return { lines, errors: [{ row: 1, column: '', message: 'the file is empty' }] }
  const at = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]))
  for (const c of ['partner_order_id', 'sku', 'quantity']) {
    if (!at.has(c)) errors.push({ row: 1, column: c, message: 'column missing from the header' })
  }
  if (errors.length) return { lines, errors }
  body.forEach((r, i) => {
    const row = i + 2
    if (r.every((v) => v.trim() === '')) return
    const get = (c: string) => {
      const idx = at.get(c)
      const v = idx === undefined ? '' : (r[idx] ?? '').trim()
      return v === '' ? undefined : v
    }
    const quantity = Number(get('quantity'))
    const price = get('unit_price_cents')
    if (!get('partner_order_id')) errors.push({ row, column: 'partner_order_id', message: 'is empty' })
    else if (!get('sku')) errors.push({ row, column: 'sku', message: 'is empty' })
    else if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) {
      errors.push({ row, column: 'quantity', message: 'must be a whole number from 1 to 10000' })
    } else if (price !== undefined && !/^\d{1,9}$/.test(price)) {
      errors.push({ row, column: 'unit_price_cents', message: 'must be a whole number of cents' })
    } else {
      lines.push({
        row,
        partner_order_id: get('partner_order_id')!,
        sku: get('sku')!,
        quantity,
        ...(price !== undefined ? { unit_price_cents: Number(price) } : {}),
        ...Object.fromEntries(
          (['customer_name', 'customer_email', 'line1', 'postcode', 'city', 'country'] as const)
            .map((c) => [c, get(c)])
            .filter(([, v]) => v !== undefined),
        ),
      })
    }
  })
  return { lines, errors }
}

/** One line of a partner's own settlement file: what it says it collected or refunded for an order. */
export interface StatementLine {
  partner_order_id: string
  kind: 'sale' | 'refund'
  amount_cents: number
}

export interface Reconciliation {
  matched: number
  differences: Array<{
    partner_order_id: string
    kind: 'sale' | 'refund'
    brand_cents: number
    partner_cents: number
  }>
  brand_total_cents: number
  partner_total_cents: number
}

/**
 * Compares a partner's settlement file with the brand's figures, order by order and kind by kind:
 * what matches, and each amount that differs or that only one side has (0 on the other).
 */
export function reconcile(brand: StatementLine[], partner: StatementLine[]): Reconciliation {
  const sum = (lines: StatementLine[]) => {
    const m = new Map<string, number>()
    for (const l of lines) {
      const k = `${l.kind}\u0000${l.partner_order_id}`
      m.set(k, (m.get(k) ?? 0) + l.amount_cents)
    }
    return m
  }
  const ours = sum(brand)
  const theirs = sum(partner)
  const keys = [...new Set([...ours.keys(), ...theirs.keys()])].sort()
  const differences: Reconciliation['differences'] = []
  let matched = 0
  for (const k of keys) {
    const [kind, id] = k.split('\u0000') as ['sale' | 'refund', string]
    const a = ours.get(k) ?? 0
    const b = theirs.get(k) ?? 0
    if (a === b) matched++
    else differences.push({ partner_order_id: id, kind, brand_cents: a, partner_cents: b })
  }
  const signed = (lines: StatementLine[]) =>
    lines.reduce((s, l) => s + (l.kind === 'sale' ? l.amount_cents : -l.amount_cents), 0)
  return { matched, differences, brand_total_cents: signed(brand), partner_total_cents: signed(partner) }
}

/** The lines of a partner's CSV settlement file: partner_order_id, kind (sale|refund), amount_cents. */
export function parseStatementRows(records: string[][]): { lines: StatementLine[]; errors: RowError[] } {
  const [header, ...body] = records
  const errors: RowError[] = []
  const lines: StatementLine[] = []
  const at = new Map((header ?? []).map((h, i) => [h.trim().toLowerCase(), i]))
  for (const c of ['partner_order_id', 'kind', 'amount_cents']) {
    if (!at.has(c)) errors.push({ row: 1, column: c, message: 'column missing from the header' })
  }
  if (errors.length) return { lines, errors }
  body.forEach((r, i) => {
    const row = i + 2
    if (r.every((v) => v.trim() === '')) return
    const get = (c: string) => (r[at.get(c)!] ?? '').trim()
    const kind = get('kind')
    const amount = get('amount_cents')
    if (!get('partner_order_id')) errors.push({ row, column: 'partner_order_id', message: 'is empty' })
    else if (kind !== 'sale' && kind !== 'refund')
      errors.push({ row, column: 'kind', message: 'must be sale or refund' })
    else if (!/^\d{1,12}$/.test(amount))
      errors.push({ row, column: 'amount_cents', message: 'must be a whole number of cents' })
    else lines.push({ partner_order_id: get('partner_order_id'), kind, amount_cents: Number(amount) })
  })
  return { lines, errors }
}
