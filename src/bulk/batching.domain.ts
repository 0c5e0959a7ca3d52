import type { RowRefusal } from './rows.domain.ts'

/*
 * How an import walks its file: rows in batches of a bounded size, the report summed as it goes.
 * Only one batch is held at a time, so a file of any length is imported in the same memory.
 */

/** A row read from the file: its cells, or why it could not be read; `line` counts from 1 (the header). */
export type SourceRow =
  | { line: number; cells: Record<string, unknown> }
  | { line: number; refusal: RowRefusal }

export interface Keys {
  unique: string[]
  same?: Array<[string, string]>
}

/** Rows of the batch being filled; a row whose key clashes with one of them closes the batch first. */
export class BatchFill<T> {
  private items: T[] = []
  private unique = new Set<string>()
  private same = new Map<string, string>()

  constructor(readonly size: number) {}

  /** True when `keys` cannot join the rows held (a key held, or a `same` key with another value). */
  clashes(keys: Keys): boolean {
    return (
      keys.unique.some((k) => this.unique.has(k)) ||
      (keys.same ?? []).some(([k, v]) => this.same.has(k) && this.same.get(k) !== v)
    )
  }

  add(item: T, keys: Keys) {
    this.items.push(item)
    for (const k of keys.unique) this.unique.add(k)
    for (const [k, v] of keys.same ?? []) this.same.set(k, v)
  }

  get full(): boolean {
    return this.items.length >= this.size
  }

  get length(): number {
    return this.items.length
  }

  /** The rows held, and an empty batch in their place. */
  take(): T[] {
    const taken = this.items
    this.items = []
    this.unique = new Set()
    this.same = new Map()
    return taken
  }
}

/**
 * Groups `source` into batches of at most `size`, a clash starting a new batch; yields each batch
 * before reading further (the caller writes it meanwhile), so at most one batch is held.
 */
export async function* inBatches<T>(
  source: AsyncIterable<T>,
  size: number,
  keysOf: (item: T) => Keys | null,
): AsyncGenerator<T[]> {
  const fill = new BatchFill<T>(size)
  for await (const item of source) {
    const keys = keysOf(item) ?? { unique: [] }
    if (fill.clashes(keys)) yield fill.take()
    fill.add(item, keys)
    if (fill.full) yield fill.take()
  }
  if (fill.length > 0) yield fill.take()
}

/** The refusals an answer lists at most; the count says how many there were in all. */
export const listedRefusalsMax = 1000

export interface ImportReport {
  entity: string
  dry_run: boolean
  /** Data rows read (the header is not one). */
  rows: number
  /** Rows written: created plus updated. */
  applied: number
  created: number
  updated: number
  /** Rows that matched what was already there: nothing written. */
  unchanged: number
  /** Rows refused, each writing nothing. */
  refused_rows: number
  /** The first refusals (a row may have several, one per column), in file order. */
  refused: Array<RowRefusal & { line: number }>
  /** Refusals beyond those listed. */
  refused_not_listed: number
}

export function emptyReport(entity: string, dryRun: boolean): ImportReport {
  return {
    entity,
    dry_run: dryRun,
    rows: 0,
    applied: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    refused_rows: 0,
    refused: [],
    refused_not_listed: 0,
  }
}

/** Adds one row's outcome to the report (in place: the report is summed over a whole file). */
export function count(
  report: ImportReport,
  line: number,
  outcome: 'created' | 'updated' | 'unchanged' | RowRefusal[],
) {
  report.rows++
  if (Array.isArray(outcome)) {
    report.refused_rows++
    for (const r of outcome) {
      if (report.refused.length < listedRefusalsMax) report.refused.push({ line, ...r })
      else report.refused_not_listed++
    }
    return
  }
  report[outcome]++
  if (outcome !== 'unchanged') report.applied++
}
