/**
 * Competitor price files: CSV with a header row, comma or semicolon separated (as spreadsheets save
 * them in France), quoted fields allowed. Columns: competitor, sku, channel, price (euros, `12.99` or
 * `12,99`), observed_at (a date or an ISO date-time), and an optional source. Rows are numbered as a
 * spreadsheet shows them: the header is row 1.
 */

export interface Observation {
  competitor: string
  sku: string
  /** Channel id or code. */
  channel: string
  priceCents: number
  observedAt: Date
  source: string
}

export interface CsvError {
  row: number
  column: string
  message: string
}

export const csvColumns = ['competitor', 'sku', 'channel', 'price', 'observed_at', 'source'] as const
const required = ['competitor', 'sku', 'channel', 'price', 'observed_at'] as const

/** Splits CSV text into records of fields, honouring quotes ("" is a quote inside a quoted field). */
export function parseCsv(text: string, separator: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === separator) {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}

/** The observations of a file, or the first error naming its row and column. */
export function readObservations(
  text: string,
  now: Date,
): { ok: true; observations: Observation[]; rows: number[] } | { ok: false; error: CsvError } {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const separator = firstLine.split(';').length > firstLine.split(',').length ? ';' : ','
  const records = parseCsv(text.replace(/^\uFEFF/, ''), separator)
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase())
  for (const col of required) {
    if (!header.includes(col)) {
      return { ok: false, error: { row: 1, column: col, message: `the header has no ${col} column` } }
    }
  }
  const at = Object.fromEntries(csvColumns.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof csvColumns)[number],
    number
  >
  const observations: Observation[] = []
  const rowOf: number[] = []
  for (let r = 1; r < records.length; r++) {
    const fields = records[r]!
    if (fields.length === 1 && fields[0]!.trim() === '') continue
    const row = r + 1
    const get = (c: (typeof csvColumns)[number]) => (at[c] >= 0 ? (fields[at[c]] ?? '').trim() : '')
    for (const col of required) {
      if (get(col) === '') return { ok: false, error: { row, column: col, message: 'is empty' } }
    }
    const priceText = get('price').replace(',', '.').replace(/\s*€$/, '')
    if (!/^\d{1,7}(\.\d{1,2})?$/.test(priceText)) {
      return {
        ok: false,
        error: { row, column: 'price', message: `"${get('price')}" is not a price in euros like 12.99` },
      }
    }
    const observedAt = parseInstant(get('observed_at'))
    if (!observedAt) {
      return {
        ok: false,
        error: {
          row,
          column: 'observed_at',
          message: `"${get('observed_at')}" is not a date (2025-03-01) or date-time`,
        },
      }
    }
    if (observedAt.getTime() > now.getTime() + 60_000) {
      return { ok: false, error: { row, column: 'observed_at', message: 'is in the future' } }
    }
    for (const col of ['competitor', 'sku', 'channel', 'source'] as const) {
      if (get(col).length > 200)
        return { ok: false, error: { row, column: col, message: 'is longer than 200 characters' } }
    }
    observations.push({
      competitor: get('competitor'),
      sku: get('sku'),
      channel: get('channel'),
      priceCents: Math.round(Number(priceText) * 100),
      observedAt,
      source: get('source'),
    })
    rowOf.push(row)
  }
  return { ok: true, observations, rows: rowOf }
}

function parseInstant(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null
  const d = new Date(text.length === 10 ? `${text}T12:00:00Z` : text.replace(' ', 'T'))
  return Number.isNaN(d.getTime()) ? null : d
}
