import { hash } from 'node:crypto'

/**
 * The rules of the legal till, over data: the canonical form a record is hashed in, the chain, the
 * X and Z reports of a session, the expected and counted amounts at close, and the totals of closings.
 */

/**
 * The canonical text of a record: JSON with object keys sorted by UTF-16 code units, no white space,
 * strings and numbers as `JSON.stringify` writes them, `undefined` members left out. Every number in
 * a record is an integer (cents, basis points, sequence numbers), so no two runtimes write it differently;
 * the database stores the record as jsonb, which keeps these values, so a verifier recomputes the same
 * text from the stored row.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isSafeInteger(value)) throw new Error(`Fiscal records hold integers only, not ${value}.`)
      return String(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object': {
      if (value === null) return 'null'
      if (Array.isArray(value)) {
        let out = '['
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i])
        return `${out}]`
      }
      const record = value as Record<string, unknown>
      const shape = shapeOf(Object.keys(record))
      let out = '{'
      let first = true
      for (let i = 0; i < shape.keys.length; i++) {
        const member = record[shape.keys[i]!]
        if (member === undefined) continue
        out += (first ? '' : ',') + shape.quoted[i] + canonicalJson(member)
        first = false
      }
      return `${out}}`
    }
    default:
      throw new Error(`A fiscal record cannot hold ${typeof value}.`)
  }
}

/**
 * The sorted keys of an object, by its keys as listed: records of one kind share a handful of shapes,
 * so a chain of a million records sorts a few dozen key lists, not a million.
 */
interface Shape {
  keys: string[]
  quoted: string[]
}
interface ShapeNode {
  next: Map<string, ShapeNode>
  shape?: Shape
}
let shapes: ShapeNode = { next: new Map() }
let shapeCount = 0
function shapeOf(keys: string[]): Shape {
  // A trie on the keys in their listed order: no string is built to look a shape up.
  let node = shapes
  for (const key of keys) {
    let child = node.next.get(key)
    if (!child) {
      child = { next: new Map() }
      node.next.set(key, child)
    }
    node = child
  }
  if (!node.shape) {
    if (++shapeCount > 10_000) {
      shapes = { next: new Map() }
      shapeCount = 0
    }
    const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    node.shape = { keys: sorted, quoted: sorted.map((k) => `${JSON.stringify(k)}:`) }
  }
  return node.shape
}

/** SHA-256 (hex) of the previous record's hash, a line feed, and the record's canonical text. */
export function chainHash(prevHash: string, record: unknown): string {
  // One-shot: a million records do not each build a Hash object.
  return hash('sha256', `${prevHash}\n${canonicalJson(record)}`, 'hex')
}

/** The business day (YYYY-MM-DD) of an instant in a time zone. */
export function businessDate(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
}

export interface TicketLine {
  sku: string
  name: string
  quantity: number
  unit_price_cents: number
  discount_cents: number
  total_cents: number
  vat_rate_bp: number
  vat_cents: number
}

export interface Tender {
  method: string
  amount_cents: number
}

/** What a sale, return or cancellation ticket holds (returns and cancellations carry negative totals). */
export interface TicketBody {
  kind: 'sale' | 'return' | 'cancellation' | 'duplicata' | 'training'
  register_id: string
  store_id: string
  session_id: string
  seq: number
  business_date: string
  recorded_at: string
  actor: string
  order_id?: string
  order_number?: number
  /** A return's ticket: the return it refunds. */
  return_id?: string
  /** A cancellation's ticket: why the order was cancelled. */
  reason?: string
  lines?: TicketLine[]
  tenders?: Tender[]
  total_cents: number
  vat_cents?: number
  discount_cents?: number
  /** A DUPLICATA: the ticket it reprints and which copy this is (1 for the first reprint). */
  original_seq?: number
  copy?: number
  /** A training ticket (mode formation): printed as such, counted in no total, closing or export. */
  training?: boolean
  /** A sale the till made offline, recorded when it came back: when it was made, its offline ticket. */
  offline_sold_at?: string
  offline_ticket?: string
}

export interface VatRow {
  rate_bp: number
  /** Excluding VAT. */
  base_cents: number
  vat_cents: number
  total_cents: number
}

export interface Totals {
  tickets: number
  sales_count: number
  sales_cents: number
  returns_count: number
  returns_cents: number
  /** Sales minus returns. */
  net_cents: number
  /** Sales plus returns in absolute value: what the perpetual grand total adds up. */
  total_abs_cents: number
  discounts_cents: number
  vat: VatRow[]
  tenders: Tender[]
  duplicates: number
}

export const emptyTotals = (): Totals => ({
  tickets: 0,
  sales_count: 0,
  sales_cents: 0,
  returns_count: 0,
  returns_cents: 0,
  net_cents: 0,
  total_abs_cents: 0,
  discounts_cents: 0,
  vat: [],
  tenders: [],
  duplicates: 0,
})

function addVat(rows: VatRow[], add: VatRow[]): VatRow[] {
  const byRate = new Map(rows.map((r) => [r.rate_bp, { ...r }]))
  for (const r of add) {
    const row = byRate.get(r.rate_bp) ?? { rate_bp: r.rate_bp, base_cents: 0, vat_cents: 0, total_cents: 0 }
    row.base_cents += r.base_cents
    row.vat_cents += r.vat_cents
    row.total_cents += r.total_cents
    byRate.set(r.rate_bp, row)
  }
  return [...byRate.values()].sort((a, b) => b.rate_bp - a.rate_bp)
}

function addTenders(rows: Tender[], add: Tender[]): Tender[] {
  const byMethod = new Map(rows.map((r) => [r.method, r.amount_cents]))
  for (const t of add) byMethod.set(t.method, (byMethod.get(t.method) ?? 0) + t.amount_cents)
  return [...byMethod.entries()]
    .map(([method, amount_cents]) => ({ method, amount_cents }))
    .sort((a, b) => a.method.localeCompare(b.method))
}

/** The VAT of a ticket per rate, from its lines (a return's lines are negative). */
export function ticketVat(lines: TicketLine[]): VatRow[] {
  return addVat(
    [],
    lines.map((l) => ({
      rate_bp: l.vat_rate_bp,
      base_cents: l.total_cents - l.vat_cents,
      vat_cents: l.vat_cents,
      total_cents: l.total_cents,
    })),
  )
}

/** The totals of a run of tickets (a session, a day). */
export function ticketTotals(tickets: TicketBody[]): Totals {
  const totals = emptyTotals()
  for (const t of tickets) {
    if (t.kind === 'duplicata') {
      totals.duplicates++
      continue
    }
    // Training tickets are practice: they count in nothing.
    if (t.kind === 'training' || t.training === true) continue
    totals.tickets++
    if (t.kind === 'sale') {
      totals.sales_count++
      totals.sales_cents += t.total_cents
    } else {
      // Returns and cancellations: money given back.
      totals.returns_count++
      totals.returns_cents += -t.total_cents
    }
    totals.net_cents += t.total_cents
    totals.total_abs_cents += Math.abs(t.total_cents)
    totals.discounts_cents += t.discount_cents ?? 0
    totals.vat = addVat(totals.vat, ticketVat(t.lines ?? []))
    totals.tenders = addTenders(totals.tenders, t.tenders ?? [])
  }
  return totals
}

/** The totals of a period from the closings of its sub-periods (a month from its days). */
export function sumTotals(parts: Totals[]): Totals {
  return parts.reduce(
    (sum, p) => ({
      tickets: sum.tickets + p.tickets,
      sales_count: sum.sales_count + p.sales_count,
      sales_cents: sum.sales_cents + p.sales_cents,
      returns_count: sum.returns_count + p.returns_count,
      returns_cents: sum.returns_cents + p.returns_cents,
      net_cents: sum.net_cents + p.net_cents,
      total_abs_cents: sum.total_abs_cents + p.total_abs_cents,
      discounts_cents: sum.discounts_cents + p.discounts_cents,
      vat: addVat(sum.vat, p.vat),
      tenders: addTenders(sum.tenders, p.tenders),
      duplicates: sum.duplicates + p.duplicates,
    }),
    emptyTotals(),
  )
}

export const cashMovementKinds = ['cash_in', 'cash_out'] as const
export type CashMovementKind = (typeof cashMovementKinds)[number]

export interface CashMovement {
  kind: CashMovementKind
  amount_cents: number
  reason: string
  recorded_at: string
}

export interface TenderCount {
  method: string
  expected_cents: number
  counted_cents: number | null
  variance_cents: number | null
}

/**
 * What the drawer and the terminals should hold at close, per tender: the float plus cash taken,
 * plus cash in, minus cash out for cash; what was taken for every other tender.
 */
export function expectedPerTender(floatCents: number, totals: Totals, movements: CashMovement[]): Tender[] {
  const cashMoves = movements.reduce(
    (s, m) => s + (m.kind === 'cash_in' ? m.amount_cents : -m.amount_cents),
    0,
  )
  const cash = floatCents + cashMoves + (totals.tenders.find((t) => t.method === 'cash')?.amount_cents ?? 0)
  return addTenders(
    [{ method: 'cash', amount_cents: cash }],
    totals.tenders.filter((t) => t.method !== 'cash'),
  )
}

/** Expected against counted, per tender; a tender expected but not counted is named in `missing`. */
export function countTenders(
  expected: Tender[],
  counted: Array<{ method: string; counted_cents: number }>,
): { counts: TenderCount[]; missing: string[] } {
  const byMethod = new Map(counted.map((c) => [c.method, c.counted_cents]))
  const methods = [...new Set([...expected.map((e) => e.method), ...byMethod.keys()])].sort()
  const missing: string[] = []
  const counts = methods.map((method) => {
    const exp = expected.find((e) => e.method === method)?.amount_cents ?? 0
    const got = byMethod.get(method)
    if (got === undefined) {
      if (exp !== 0) missing.push(method)
      return { method, expected_cents: exp, counted_cents: 0, variance_cents: -exp }
    }
    return { method, expected_cents: exp, counted_cents: got, variance_cents: got - exp }
  })
  return { counts, missing }
}

/** The tenders whose variance, either way, is above the store's threshold. */
export function overThreshold(counts: TenderCount[], thresholdCents: number): TenderCount[] {
  return counts.filter((c) => c.variance_cents !== null && Math.abs(c.variance_cents) > thresholdCents)
}

/** The periods a closing may cover. */
export function periodOf(kind: 'daily' | 'monthly' | 'annual', period: string): boolean {
  const pattern = { daily: /^\d{4}-\d{2}-\d{2}$/, monthly: /^\d{4}-\d{2}$/, annual: /^\d{4}$/ }[kind]
  if (!pattern.test(period)) return false
  if (kind === 'annual') return true
  const [y, m, d] = period.split('-').map(Number) as [number, number, number?]
  if (m < 1 || m > 12) return false
  if (d === undefined) return true
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** Whether a period is over on a business day: a month after its last day, a day the day after. */
export function periodOver(kind: 'daily' | 'monthly' | 'annual', period: string, today: string): boolean {
  const len = { daily: 10, monthly: 7, annual: 4 }[kind]
  return today.slice(0, len) > period
}

/** What the till reports to the journal itself (the server records the rest as it happens). */
export const tillJournalKinds = [
  'sign_in',
  'sign_out',
  'price_override',
  'line_void',
  'drawer_opened',
  'error',
] as const
export type TillJournalKind = (typeof tillJournalKinds)[number]
