import { createInterface } from 'node:readline'
import { PassThrough, pipeline, Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { stringify } from 'csv-stringify'
import {
  exportPriceLines,
  exportProductLines,
  type PriceExportRow,
  type PriceLine,
  type ProductExportRow,
  type ProductLine,
  writePriceLines,
  writeProductLines,
} from '../catalog/index.ts'
import {
  type CustomerExportRow,
  type CustomerLine,
  consentMedia,
  consentPurposes,
  exportCustomerLines,
  writeCustomerLines,
} from '../customers/index.ts'
import type { Db, Executor, Tx } from '../db/database.ts'
import { byLedgerActor } from '../events/index.ts'
import { type CountExportRow, type CountLine, exportCountLines, writeCountLines } from '../inventory/index.ts'
import type { ExportPage, LineOutcome } from '../shared/batch.ts'
import { AppError } from '../shared/errors.ts'
import { rateToPercent } from '../shared/money.domain.ts'
import { count, emptyReport, type ImportReport, inBatches, type SourceRow } from './batching.domain.ts'
import { fail } from './bulk.errors.ts'
import { attributesCell, centsToEuros } from './cells.domain.ts'
import {
  batchKeys,
  columns,
  type Entity,
  headerName,
  headerProblems,
  type Parsed,
  type RowRefusal,
  rowParsers,
} from './rows.domain.ts'

export type FileFormat = 'csv' | 'jsonl'

/** Rows written per transaction: a batch is one transaction (and a few statements). */
export const batchSize = 500

export interface ImportOptions {
  format: FileFormat
  dryRun: boolean
  /** Who imports, as the ledgers name it: an API key id, or `system` (the command line). */
  actor: string
  /** Called after each batch with the report so far and the bytes read. */
  onProgress?: (report: ImportReport, bytesRead: number) => void
  /** Bytes the file may hold; beyond, the import stops with `file_too_large`. */
  maxBytes?: number
}

/* Each entity's writer and reader belong to its capability; the import only walks the file. */
const writers: Record<Entity, (tx: Tx, lines: never[], actor: string) => Promise<LineOutcome[]>> = {
  products: (tx, lines: ProductLine[]) => writeProductLines(tx, lines),
  prices: (tx, lines: PriceLine[], actor) => writePriceLines(tx, lines, byLedgerActor(actor)),
  stock: (tx, lines: CountLine[], actor) => writeCountLines(tx, lines, actor),
  customers: (tx, lines: CustomerLine[], actor) => writeCustomerLines(tx, lines, actor),
}

/**
 * Imports a file of one entity, batch by batch: each batch in one transaction, each row applied
 * whole or refused whole, the refused rows reported with their line, column and reason. A dry run
 * does every read and check of a real one, in transactions it rolls back.
 */
export async function importFile(
  db: Db,
  entity: Entity,
  input: AsyncIterable<Buffer | string>,
  options: ImportOptions,
): Promise<ImportReport> {
  const report = emptyReport(entity, options.dryRun)
  const meter = { bytes: 0 }
  const counted = countBytes(input, meter, options.maxBytes, report)
  const source = options.format === 'csv' ? csvRows(counted, entity) : jsonlRows(counted)
  const items = parsedRows(source, rowParsers[entity])
  const walk = async (exec: Executor) => {
    for await (const batch of inBatches(items, batchSize, (item) =>
      'line' in item.parsed ? batchKeys(entity, item.parsed.line) : null,
    )) {
      await applyBatch(exec, entity, batch, options.actor, report)
      options.onProgress?.(report, meter.bytes)
    }
  }
  if (!options.dryRun) {
    await walk(db)
    return report
  }
  // A dry run is the same walk in one transaction, rolled back at the end: each batch sees what
  // the batches before it would have written (a savepoint each), and nothing is kept.
  try {
    await db.transaction(async (tx) => {
      await walk(tx)
      throw new DryRunDone()
    })
  } catch (err) {
    if (!(err instanceof DryRunDone)) throw err
  }
  return report
}

class DryRunDone extends Error {}

interface Item {
  line: number
  parsed: Parsed<object>
}

async function* parsedRows(
  source: AsyncIterable<SourceRow>,
  parse: (cells: Record<string, unknown>) => Parsed<object>,
): AsyncGenerator<Item> {
  for await (const row of source) {
    yield { line: row.line, parsed: 'refusal' in row ? { refusals: [row.refusal] } : parse(row.cells) }
  }
}

/** One batch in a transaction of its own (or a savepoint, in a dry run's transaction). */
function write(exec: Executor, entity: Entity, lines: object[], actor: string) {
  return exec.transaction((tx) => writers[entity](tx, lines as never[], actor))
}

async function applyBatch(
  exec: Executor,
  entity: Entity,
  batch: Item[],
  actor: string,
  report: ImportReport,
) {
  const lines = batch.flatMap((item) => ('line' in item.parsed ? [item.parsed.line] : []))
  let outcomes: LineOutcome[]
  try {
    outcomes = await write(exec, entity, lines, actor)
  } catch (err) {
    // Another writer took a SKU, an EAN or an e-mail meanwhile: the batch is retried row by row,
    // each in its own transaction, so that only the row at fault is refused.
    if (!refusedByDatabase(err)) throw err
    outcomes = []
    for (const line of lines) {
      try {
        outcomes.push(...(await write(exec, entity, [line], actor)))
      } catch (rowErr) {
        if (!refusedByDatabase(rowErr)) throw rowErr
        outcomes.push({ refused: databaseRefusal(rowErr) })
      }
    }
  }
  let next = 0
  for (const item of batch) {
    if (!('line' in item.parsed)) {
      count(report, item.line, item.parsed.refusals)
      continue
    }
    const outcome = outcomes[next++]!
    count(
      report,
      item.line,
      'refused' in outcome
        ? [{ column: outcome.refused.field, code: outcome.refused.code, reason: outcome.refused.reason }]
        : outcome.status,
    )
  }
}

/** A refusal of the data (a business rule, a unique or check constraint, a bad value), not an outage. */
function refusedByDatabase(err: unknown): boolean {
  if (err instanceof AppError) return err.status < 500
  const code = sqlState(err)
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'))
}

function sqlState(err: unknown): string | undefined {
  for (
    let cur = err as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    cur && depth < 4;
    depth++
  ) {
    if (typeof cur.code === 'string' && /^[0-9A-Z]{5}$/.test(cur.code)) return cur.code
    cur = cur.cause as typeof cur
  }
  return undefined
}

function databaseRefusal(err: unknown): { field: string; code: string; reason: string } {
  if (err instanceof AppError) {
    return { field: String(err.details?.field ?? ''), code: err.code, reason: err.message }
  }
  const cur = err as { message?: string; cause?: { message?: string; constraint?: string } }
  return {
    field: '',
    code: 'refused_by_database',
    reason: `${cur.cause?.message ?? cur.message ?? 'refused'}; another writer may have taken the same value meanwhile`,
  }
}

async function* countBytes(
  input: AsyncIterable<Buffer | string>,
  meter: { bytes: number },
  maxBytes: number | undefined,
  report: ImportReport,
): AsyncGenerator<Buffer | string> {
  for await (const chunk of input) {
    meter.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length
    if (maxBytes !== undefined && meter.bytes > maxBytes) {
      throw fail(
        'file_too_large',
        `The file is over ${Math.round(maxBytes / 1024 / 1024)} MB; the ${report.rows} rows read before were imported (${report.applied} applied). Split the rest or use \`passerelle import\`.`,
        { rows_read: report.rows, applied: report.applied },
      )
    }
    yield chunk
  }
}

/** The delimiter of a CSV file, from its header line: `;` (French spreadsheets), tab or `,`. */
function delimiterOf(headerLine: string): string {
  const counts = [';', '\t', ','].map((d) => [d, headerLine.split(d).length - 1] as const)
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a))
  return best[1] > 0 ? best[0] : ','
}

async function* csvRows(input: AsyncIterable<Buffer | string>, entity: Entity): AsyncGenerator<SourceRow> {
  const it = input[Symbol.asyncIterator]()
  const head: Array<Buffer | string> = []
  let headText = ''
  while (!headText.includes('\n')) {
    const next = await it.next()
    if (next.done) break
    head.push(next.value)
    headText += next.value.toString()
  }
  const parser = parse({
    delimiter: delimiterOf(headText.split('\n')[0] ?? ''),
    bom: true,
    raw: true,
    relax_column_count: true,
  })
  const rest = { [Symbol.asyncIterator]: () => it }
  Readable.from(
    (async function* () {
      yield* head
      yield* rest
    })(),
  )
    .on('error', (err) => parser.destroy(err))
    .pipe(parser)
  let header: string[] | null = null
  let nextLine = 1
  try {
    for await (const { record, raw } of parser as AsyncIterable<{
      record: string[]
      raw: string
    }>) {
      // Counted here: the parser's own count is of the record's last line, and counts a quoted
      // CRLF twice. Empty lines are records too, so that the count stays right; they are skipped.
      const line = nextLine
      nextLine += raw.match(/\r\n|\r|\n/g)?.length ?? 0
      if (record.length === 1 && record[0] === '') continue
      if (header === null) {
        header = record.map(headerName)
        const problems = headerProblems(entity, header)
        if (problems.length > 0) {
          throw fail(
            'invalid_header',
            `The header of this ${entity} file is not right: ${problems.join('; ')}. Nothing was imported.`,
            {
              problems,
            },
          )
        }
        continue
      }
      if (record.length !== header.length) {
        yield {
          line,
          refusal: {
            column: null,
            code: 'wrong_column_count',
            reason: `${record.length} cells where the header names ${header.length} columns (a delimiter inside a value needs quotes)`,
          },
        }
        continue
      }
      const cells: Record<string, unknown> = {}
      for (const [i, name] of header.entries()) cells[name] = record[i]
      yield { line, cells }
    }
  } catch (err) {
    if (err instanceof AppError) throw err
    const at = (err as { lines?: number }).lines
    if (
      typeof (err as { code?: unknown }).code === 'string' &&
      String((err as { code: string }).code).startsWith('CSV_')
    ) {
      // Past a malformed quote nothing can be read reliably: what follows is not imported.
      yield {
        line: at ?? 0,
        refusal: {
          column: null,
          code: 'malformed_file',
          reason: `${(err as Error).message}; the rest of the file was not read`,
        },
      }
      return
    }
    throw err
  }
  if (header === null) {
    throw fail('invalid_header', `The file is empty: its first line names the columns of ${entity}.`, {
      problems: ['no header'],
    })
  }
}

async function* jsonlRows(input: AsyncIterable<Buffer | string>): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input: Readable.from(input), crlfDelay: Number.POSITIVE_INFINITY })
  let line = 0
  for await (const text of lines) {
    line++
    if (text.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (err) {
      yield { line, refusal: { column: null, code: 'invalid_json', reason: (err as Error).message } }
      continue
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, refusal: { column: null, code: 'invalid_json', reason: 'each line is one JSON object' } }
      continue
    }
    yield { line, cells: value as Record<string, unknown> }
  }
}

/* Exports: each capability's rows, page by page, as the cells its file has. */

const readers: Record<
  Entity,
  (q: Executor, cursor: string | null, limit: number) => Promise<ExportPage<unknown>>
> = {
  products: exportProductLines,
  prices: exportPriceLines,
  stock: exportCountLines,
  customers: exportCustomerLines,
}

type ExportRow = Record<string, unknown>

const toCells: Record<Entity, (row: never, format: FileFormat) => ExportRow> = {
  products: (r: ProductExportRow, format) => ({
    product_code: r.product_code,
    product_name: r.product_name,
    category: r.category,
    vat_rate: rateToPercent(r.vat_rate_bp),
    brand: r.brand,
    description: r.description,
    sku: r.sku,
    ean: r.ean,
    variant_name: r.variant_name,
    attributes: format === 'csv' ? attributesCell(r.attributes) : r.attributes,
    weight_g: format === 'csv' ? (r.weight_g ?? '') : r.weight_g,
  }),
  prices: (r: PriceExportRow, format) => ({
    price_list: r.price_list,
    sku: r.sku,
    price: format === 'csv' ? centsToEuros(r.amount_cents) : r.amount_cents / 100,
  }),
  stock: (r: CountExportRow) => ({
    location: r.location,
    sku: r.sku,
    quantity: r.quantity,
  }),
  customers: (r: CustomerExportRow, format) => {
    const cells: ExportRow = {
      email: r.email,
      phone: r.phone,
      loyalty_card: r.loyalty_card,
      first_name: r.first_name,
      last_name: r.last_name,
      address_line: r.address_line,
      postcode: r.postcode,
      city: r.city,
      country: r.country,
    }
    for (const p of consentPurposes) {
      for (const m of consentMedia) {
        const granted = r.consents[`${p}|${m}`]
        cells[`consent_${p}_${m}`] =
          format === 'csv' ? (granted === undefined ? '' : granted ? 'oui' : 'non') : (granted ?? null)
      }
    }
    return cells
  },
}

async function* exportRows(db: Db, entity: Entity, format: FileFormat): AsyncGenerator<ExportRow> {
  let cursor: string | null = null
  do {
    const page: ExportPage<unknown> = await readers[entity](db, cursor, batchSize)
    for (const row of page.rows) yield toCells[entity](row as never, format)
    cursor = page.next
  } while (cursor !== null)
}

/**
 * Every row of an entity as a stream of CSV (header first, comma-separated, prices in euros with a
 * point) or JSON Lines, read a page at a time: what an import of the same entity reads back unchanged.
 */
export function exportFile(db: Db, entity: Entity, format: FileFormat): Readable {
  const rows = Readable.from(exportRows(db, entity, format))
  if (format === 'jsonl') {
    return Readable.from(
      (async function* () {
        for await (const row of rows) yield `${JSON.stringify(row)}\n`
      })(),
    )
  }
  const out = new PassThrough()
  pipeline(rows, stringify({ header: true, columns: columns[entity].map((c) => c.name) }), out, () => {})
  return out
}

export type { ImportReport } from './batching.domain.ts'
export type { RowRefusal }
