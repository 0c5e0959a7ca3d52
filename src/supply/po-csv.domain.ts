/*
 * Purchase orders as a CSV file for an ERP that owns purchasing: one row per line, the order's
 * columns repeated. `reference,supplier,location,expected_on,sku,quantity,unit_cost_cents`.
 */

export const PO_CSV_COLUMNS = [
  'reference',
  'supplier',
  'location',
  'expected_on',
  'sku',
  'quantity',
  'unit_cost_cents',
] as const

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF): rows of cells. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  while (i < body.length) {
    const c = body[i]!
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else cell += c
      i++
      continue
    }
    if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++
      row.push(cell)
      out.push(row)
      row = []
      cell = ''
    } else cell += c
    i++
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    out.push(row)
  }
  return out.filter((r) => r.some((x) => x.trim() !== ''))
}

function quoted(value: string | number): string {
  const s = String(value)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `${rows.map((r) => r.map(quoted).join(',')).join('\r\n')}\r\n`
}

export interface CsvOrder {
  reference: string
  supplier: string
  location: string
  expectedOn: string
  /** The file's line number of the order's first row (the header is line 1). */
  line: number
  lines: Array<{ sku: string; quantity: number; unitCostCents: number; line: number }>
}

export interface CsvRefusal {
  line: number
  column: string
  code: string
  reason: string
}

/** The orders of a file, and the rows refused with their line, column and reason. */
export function readOrders(text: string): { orders: CsvOrder[]; refused: CsvRefusal[] } {
  const [header, ...rows] = parseCsv(text)
  const refused: CsvRefusal[] = []
  if (!header)
    return {
      orders: [],
      refused: [{ line: 1, column: 'reference', code: 'missing_header', reason: 'the file is empty' }],
    }
  const at = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]))
  const missing = PO_CSV_COLUMNS.filter((c) => c !== 'unit_cost_cents' && !at.has(c))
  if (missing.length > 0) {
    return {
      orders: [],
      refused: missing.map((c) => ({
        line: 1,
        column: c,
        code: 'missing_column',
        reason: `the header has no ${c} column`,
      })),
    }
  }
  const orders = new Map<string, CsvOrder>()
  const readRow = (r: string[], i: number) => {
    const line = i + 2
    const get = (c: (typeof PO_CSV_COLUMNS)[number]) => (at.has(c) ? (r[at.get(c)!] ?? '').trim() : '')
    const reference = get('reference')
    const quantity = Number(get('quantity'))
    const cost = get('unit_cost_cents') === '' ? 0 : Number(get('unit_cost_cents'))
    const expectedOn = get('expected_on')
    const refuse = (column: string, code: string, reason: string) =>
      refused.push({ line, column, code, reason })
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(reference))
      return refuse('reference', 'invalid', 'a reference of 1 to 64 letters, digits, . _ / -')
    if (!get('supplier')) return refuse('supplier', 'required', 'the supplier’s code or id')
    if (!get('location')) return refuse('location', 'required', 'the warehouse or store code or id')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expectedOn) || Number.isNaN(Date.parse(expectedOn))) {
      return refuse('expected_on', 'invalid', 'a date as YYYY-MM-DD')
    }
    if (!get('sku')) return refuse('sku', 'required', 'the SKU ordered')
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000)
      return refuse('quantity', 'invalid', 'a whole number of units from 1 to 1,000,000')
    if (!Number.isInteger(cost) || cost < 0 || cost > 100_000_000)
      return refuse('unit_cost_cents', 'invalid', 'a whole number of cents, 0 or more')
    const order = orders.get(reference)
    if (
      order &&
      (order.supplier !== get('supplier') ||
        order.location !== get('location') ||
        order.expectedOn !== expectedOn)
    ) {
      return refuse(
        'reference',
        'inconsistent',
        `the rows of ${reference} name different suppliers, locations or dates`,
      )
    }
    const o = order ?? {
      reference,
      supplier: get('supplier'),
      location: get('location'),
      expectedOn,
      line,
      lines: [],
    }
    o.lines.push({ sku: get('sku'), quantity, unitCostCents: cost, line })
    orders.set(reference, o)
    return true
  }
  for (const [i, r] of rows.entries()) readRow(r, i)
  return { orders: [...orders.values()], refused }
}
