/**
 * What a capability's batch write says of each line it was given (a bulk import's batch of rows):
 * written as new, changed, already so, or refused with the field at fault. A refused line writes
 * nothing; the others are written together, in the caller's transaction.
 */
export type LineOutcome =
  | { status: 'created' | 'updated' | 'unchanged' }
  | { refused: { field: string; code: string; reason: string } }

export const created: LineOutcome = { status: 'created' }
export const updated: LineOutcome = { status: 'updated' }
export const unchanged: LineOutcome = { status: 'unchanged' }

export function refusedLine(field: string, code: string, reason: string): LineOutcome {
  return { refused: { field, code, reason } }
}

/** A page of an export: the rows after a cursor, in the order the cursor follows. */
export interface ExportPage<R> {
  rows: R[]
  /** Where the next page starts; null after the last. */
  next: string | null
}
