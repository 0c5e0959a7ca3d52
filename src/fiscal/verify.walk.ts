import { verify } from 'node:crypto'
import { type ChainName, chains, type RegisterHead } from './chain.store.ts'
import { chainHash } from './fiscal.domain.ts'
import { GENESIS_HASH } from './fiscal.schema.ts'

/**
 * The walk of one chain of one register, over pages of rows read by the caller (on the process's own
 * connection, or on a verifier thread's): what `verify` checks, record by record.
 */

export interface BrokenRecord {
  chain: ChainName
  register_id: string
  /** The first record that does not hold (or, for a record missing at the end, the head's sequence). */
  seq: number
  reason: string
}

/** A row as read for the walk: the hashed content as text, the columns copied from it as text. */
export interface WalkRow {
  seq: number
  prev_hash: string
  hash: string
  /** The hashed content, as the database writes the jsonb back. */
  body: string
  /** The columns copied from the body, in `chains[chain].columns` order, then recorded_at, as text. */
  [column: `c${number}`]: string | null
  signature?: string | null
}

/** The outcome of a walk; a record whose columns differ from its content is named by the caller. */
export interface Walked {
  broken: BrokenRecord | null
  /** Set when the broken record's columns differ from its hashed content: which one is looked up. */
  columnDiffers?: boolean
  records: number
}

/** Rows per read: a batch is a few megabytes of text. */
export const PAGE = 20_000

/**
 * The statement reading a page of a chain ($1 register, $2 first sequence, $3 rows): only what the walk
 * checks, the body as text (parsed once, by the walk), the copied columns as text, compared with the
 * body by the walk, recorded_at as the body writes it.
 */
export function pageQuery(chain: ChainName): string {
  const c = chains[chain]
  const columns = [
    ...c.columns.map((col, i) => `${col}::text AS c${i}`),
    `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS c${c.columns.length}`,
  ]
  return `SELECT seq, prev_hash, hash, body::text AS body, ${columns.join(', ')}${chain === 'closing' ? ', signature' : ''}
    FROM ${c.table} WHERE register_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3`
}

/** A jsonb member as `->>` writes it as text (null for a JSON null or a missing member). */
function asText(value: unknown): string | null {
  switch (typeof value) {
    case 'undefined':
      return null
    case 'string':
      return value
    case 'number':
    case 'boolean':
      return String(value)
    default:
      return value === null ? null : JSON.stringify(value)
  }
}

/**
 * Walks a chain from its first record: each record must follow the previous by sequence (a deleted
 * record leaves a gap), name the previous record's hash, hash to its own hash from its content (an
 * altered record does not), carry its own sequence and register in its content, have its columns equal
 * to the hashed content, and, for a closing, carry a valid signature; the register's head must be the
 * last record (records removed at the end). Stops at the first record that does not hold.
 * `read(from)` answers the rows from sequence `from` on, at most PAGE of them, in sequence order.
 */
export async function walkChain(
  read: (from: number) => Promise<WalkRow[]>,
  head: RegisterHead,
  chain: ChainName,
  keys: Map<string, string>,
): Promise<Walked> {
  // The copied columns, then recorded_at: each as `body->>'column'` would write it.
  const columns = [...chains[chain].columns, 'recorded_at']
  const names = columns.map((_, k) => `c${k}` as const)
  let expected = 1
  let prev = GENESIS_HASH
  let records = 0
  const broken = (seq: number, reason: string, columnDiffers = false): Walked => ({
    broken: { chain, register_id: head.id, seq, reason },
    ...(columnDiffers ? { columnDiffers } : {}),
    records,
  })
  const readAhead = (from: number) => {
    const page = read(from)
    // A broken record ends the walk with the next page still in flight: its failure is not news.
    page.catch(() => undefined)
    return page
  }
  // The next page is read while this one is hashed.
  let next = readAhead(expected)
  for (;;) {
    const page = await next
    const last = page.at(-1)
    next = page.length === PAGE && last ? readAhead(last.seq + 1) : Promise.resolve([])
    for (let i = 0; i < page.length; i++) {
      const row = page[i]!
      records++
      if (row.seq !== expected)
        return broken(expected, `record ${expected} is missing (the next is ${row.seq})`)
      if (row.prev_hash !== prev)
        return broken(row.seq, 'its previous hash is not the hash of the record before it')
      let body: Record<string, unknown>
      try {
        body = JSON.parse(row.body)
      } catch {
        return broken(row.seq, 'its content does not hash to its hash (altered)')
      }
      let hashed: string | undefined
      try {
        hashed = chainHash(prev, body)
      } catch {
        // Content no till writes (a fraction, an unsafe integer) cannot hash to a recorded hash.
      }
      if (hashed !== row.hash) return broken(row.seq, 'its content does not hash to its hash (altered)')
      if (body.seq !== row.seq || body.register_id !== head.id) {
        return broken(
          row.seq,
          'its sequence or register differs from its hashed content (moved or reordered)',
        )
      }
      for (let k = 0; k < columns.length; k++) {
        if (row[names[k]!] !== asText(body[columns[k]!]))
          return broken(row.seq, 'its columns differ from its hashed content (altered)', true)
      }
      if (chain === 'closing') {
        const key = keys.get(String(body.key_id))
        if (!key || !row.signature || !verifySignature(key, row.hash, row.signature)) {
          return broken(row.seq, 'its signature does not verify with the installation key')
        }
      }
      prev = row.hash
      expected++
    }
    if (page.length < PAGE) break
  }
  await next
  const headSeq =
    chain === 'ticket' ? head.ticket_seq : chain === 'journal' ? head.journal_seq : head.closing_seq
  const headHash =
    chain === 'ticket' ? head.ticket_hash : chain === 'journal' ? head.journal_hash : head.closing_hash
  if (headSeq !== expected - 1 || headHash !== prev) {
    return broken(
      expected,
      `the register's head is record ${headSeq}: records after ${expected - 1} are missing`,
    )
  }
  return { broken: null, records }
}

/** Whether an Ed25519 signature of a record's hash verifies with a public key (PEM). */
export function verifySignature(publicKeyPem: string, hash: string, signature: string): boolean {
  return verify(null, Buffer.from(hash, 'hex'), publicKeyPem, Buffer.from(signature, 'base64'))
}
