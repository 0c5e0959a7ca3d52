import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { chainHash } from './fiscal.domain.ts'

/** The register row as its chains' head: read under lock before any record is appended. */
export interface RegisterHead {
  id: string
  store_id: string
  code: string
  name: string
  timezone: string
  open_session_id: string | null
  training: boolean
  signed_in: string | null
  closed_through: string | null
  ticket_seq: number
  ticket_hash: string
  journal_seq: number
  journal_hash: string
  closing_seq: number
  closing_hash: string
}

/**
 * Locks the register's row, the head of its three chains, until the transaction ends: records of one
 * register are appended one at a time, in sequence; another register's records do not wait.
 */
export async function lockRegister(tx: Tx, registerId: string): Promise<RegisterHead | undefined> {
  const [head] = await rows<RegisterHead>(
    tx,
    sql`SELECT id, store_id, code, name, timezone, open_session_id, training, signed_in, closed_through,
          ticket_seq, ticket_hash, journal_seq, journal_hash, closing_seq, closing_hash
        FROM fiscal_register WHERE id = ${registerId} FOR UPDATE`,
  )
  return head
}

export async function findRegister(q: Executor, ref: string, storeId?: string) {
  const [row] = await rows<RegisterHead>(
    q,
    sql`SELECT id, store_id, code, name, timezone, open_session_id, training, signed_in, closed_through,
          ticket_seq, ticket_hash, journal_seq, journal_hash, closing_seq, closing_hash
        FROM fiscal_register
        WHERE (id = ${ref} OR code = ${ref}) ${storeId ? sql`AND store_id = ${storeId}` : sql``}
        ORDER BY id = ${ref} DESC LIMIT 1`,
  )
  return row
}

/** The three chains: their table, the register's head columns, and the columns copied from the body. */
export const chains = {
  ticket: {
    table: 'fiscal_ticket',
    seq: 'ticket_seq',
    hash: 'ticket_hash',
    columns: ['kind', 'session_id', 'order_id', 'original_seq', 'total_cents'],
  },
  journal: {
    table: 'fiscal_journal',
    seq: 'journal_seq',
    hash: 'journal_hash',
    columns: ['kind', 'session_id', 'amount_cents'],
  },
  closing: {
    table: 'fiscal_closing',
    seq: 'closing_seq',
    hash: 'closing_hash',
    columns: ['kind', 'period', 'total_cents', 'grand_total_cents', 'automatic'],
  },
} as const
export type ChainName = keyof typeof chains

export interface Appended {
  seq: number
  hash: string
  prevHash: string
  signature: string | null
}

/**
 * Appends a record to one of the register's chains (its head locked by `lockRegister` in this
 * transaction) and moves the head, in one statement. The body is the hashed content; the columns
 * the reports filter on are copies of its fields, checked against it by `verify`.
 */
export async function append(
  tx: Tx,
  head: RegisterHead,
  chain: ChainName,
  body: Record<string, unknown> & { seq: number; recorded_at: string },
  extra: { sign?: (hash: string) => string } = {},
): Promise<Appended> {
  const c = chains[chain]
  const prevHash =
    chain === 'ticket' ? head.ticket_hash : chain === 'journal' ? head.journal_hash : head.closing_hash
  const hash = chainHash(prevHash, body)
  const cols = c.columns.map((name) => sql`${body[name] ?? null}`)
  const signed = extra.sign?.(hash)
  const signature = signed === undefined ? sql`` : sql`, ${signed}`
  await tx.execute(sql`
    WITH fiscal_record AS (
      INSERT INTO ${sql.raw(c.table)}
        (register_id, seq, ${sql.raw(c.columns.join(', '))}, recorded_at, body, prev_hash, hash${sql.raw(
          signed === undefined ? '' : ', signature',
        )})
      VALUES (${head.id}, ${body.seq}, ${sql.join(cols, sql`, `)}, ${body.recorded_at}::timestamptz,
        ${JSON.stringify(body)}::jsonb, ${prevHash}, ${hash}${signature})
      RETURNING seq
    )
    UPDATE fiscal_register SET ${sql.raw(c.seq)} = ${body.seq}, ${sql.raw(c.hash)} = ${hash}, updated_at = now()
    WHERE id = ${head.id}`)
  if (chain === 'ticket') {
    head.ticket_seq = body.seq
    head.ticket_hash = hash
  } else if (chain === 'journal') {
    head.journal_seq = body.seq
    head.journal_hash = hash
  } else {
    head.closing_seq = body.seq
    head.closing_hash = hash
  }
  return { seq: body.seq, hash, prevHash, signature: signed ?? null }
}

/** A journal entry (JET) on a locked register. */
export function journal(
  tx: Tx,
  head: RegisterHead,
  kind: string,
  actor: string,
  fields: { session_id?: string | null; amount_cents?: number | null; [k: string]: unknown } = {},
  at = new Date(),
) {
  return append(tx, head, 'journal', {
    ...fields,
    kind,
    register_id: head.id,
    store_id: head.store_id,
    seq: head.journal_seq + 1,
    recorded_at: at.toISOString(),
    actor,
  })
}
