import type { Db, Executor, Tx } from '../db/database.ts'
import type { TillCancellation, TillReturn, TillSale } from '../fiscal/index.ts'

// The sale and the return as the legal till records them are the fiscal capability's own types.
export type { TillCancellation, TillReturn, TillSale } from '../fiscal/index.ts'

/**
 * The legal till, seen from the order: a till sale's ticket is written in the order's own transaction
 * (French law: no sale without its inalterable record), but the registers, sessions and chains are the
 * fiscal capability's. The order names what it needs here and the composition (src/app/ports.ts)
 * plugs src/fiscal in.
 */
export interface Till {
  /** Refuses a store sale naming no register when its store sells through registers. */
  assertSellsWithoutRegister(q: Executor, storeId: string): Promise<void>
  /** Appends the sale's ticket to its register's chain; refuses a register without an open session. */
  recordSale(tx: Tx, sale: TillSale): Promise<unknown>
  /**
   * After a till sale was refused and rolled back: records the refusal in the register's technical
   * journal (its own transaction), when the register exists and the refusal is the till's.
   */
  recordRefusal(db: Db, sale: TillSale, err: unknown): Promise<void>
  /** Appends a return's ticket, in the return's transaction, on the same terms as a sale. */
  recordReturn(tx: Tx, refund: TillReturn): Promise<unknown>
  /**
   * A cancellation's ticket when the order was rung up on a register or a register is named: the
   * money given back, on that register's chain, in the cancellation's transaction.
   */
  recordCancellation(tx: Tx, cancel: TillCancellation): Promise<unknown>
}

let provided: Till | null = null

/** Called once by the composition, before any order is placed. */
export function provideTill(till: Till) {
  provided = till
}

export function till(): Till {
  if (!provided) throw new Error('No till provided: the composition (src/app/ports.ts) must be loaded first.')
  return provided
}
