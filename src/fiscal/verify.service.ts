import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import { type ChainName, chains, type RegisterHead } from './chain.store.ts'
import { chainHash } from './fiscal.domain.ts'
import { GENESIS_HASH } from './fiscal.schema.ts'
import { verifySignature } from './keys.service.ts'

export interface BrokenRecord {
  chain: ChainName
  register_id: string
  /** The first record that does not hold (or, for a record missing at the end, the head's sequence). */
  seq: number
  reason: string
}

export interface Verification {
  ok: boolean
  registers: number
  records: number
  /** The first broken record of each broken chain, in register then chain order. */
  broken: BrokenRecord[]
}

const PAGE = 10_000
const WALKERS = 3

/**
 * Walks every chain of every register from its first record: each record must follow the previous by
 * sequence (a deleted record leaves a gap), name the previous record's hash, hash to its own hash from
 * its content (an altered record does not), have its columns equal to the hashed content, and, for a
 * closing, carry a valid signature; the register's head must be the last record (records removed at
 * the end). Names the first record of each chain that does not hold.
 */
export async function verifyChains(q: Executor, registerRef?: string): Promise<Verification> {
  const registers = await rows<RegisterHead>(
    q,
    sql`SELECT * FROM fiscal_register ${registerRef ? sql`WHERE id = ${registerRef} OR code = ${registerRef}` : sql``} ORDER BY id`,
  )
  const keys = new Map(
    (await rows<{ id: string; public_key: string }>(q, sql`SELECT id, public_key FROM fiscal_key`)).map(
      (k) => [k.id, k.public_key],
    ),
  )
  const result: Verification = { ok: true, registers: registers.length, records: 0, broken: [] }
  // A few chains walked at once: one waits for its next batch while another is hashed.
  const work = registers.flatMap((head) =>
    (Object.keys(chains) as ChainName[]).map((chain) => ({ head, chain })),
  )
  const outcomes: Array<BrokenRecord | null> = new Array(work.length).fill(null)
  let next = 0
  const walker = async () => {
    while (next < work.length) {
      const i = next++
      const { head, chain } = work[i]!
      const { broken, records } = await verifyChain(q, head, chain, keys)
      result.records += records
      outcomes[i] = broken
    }
  }
  await Promise.all(Array.from({ length: Math.min(WALKERS, work.length) }, walker))
  // Named in register then chain order, whichever walker found them first.
  for (const broken of outcomes) {
    if (broken) {
      result.ok = false
      result.broken.push(broken)
    }
  }
  return result
}

interface Row {
  seq: number
  prev_hash: string
  hash: string
  signature?: string
  body: Record<string, unknown>
  /** Whether the row's columns (the copies the reports filter on) equal its hashed content. */
  columns_hold: boolean
}

async function verifyChain(
  q: Executor,
  head: RegisterHead,
  chain: ChainName,
  keys: Map<string, string>,
): Promise<{ broken: BrokenRecord | null; records: number }> {
  const c = chains[chain]
  let expected = 1
  let prev = GENESIS_HASH
  let records = 0
  const broken = (seq: number, reason: string) => ({
    broken: { chain, register_id: head.id, seq, reason },
    records,
  })
  // The columns copied from the body are compared with it by the database, next to the read: the
  // walk itself only parses and hashes the body. A difference is then named from the whole row.
  const columnsHold = sql.raw(
    [
      ...c.columns.map((col) => `(${col}::text IS NOT DISTINCT FROM body->>'${col}')`),
      `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') = body->>'recorded_at'`,
    ].join(' AND '),
  )
  // Batches along the chain's key (register, seq): a keyset cursor, so memory stays one batch.
  const read = (from: number) => {
    const page = rows<Row>(
      q,
      sql`SELECT seq, prev_hash, hash, body${sql.raw(chain === 'closing' ? ', signature' : '')},
            ${columnsHold} AS columns_hold
          FROM ${sql.raw(c.table)} WHERE register_id = ${head.id} AND seq >= ${from}
          ORDER BY seq LIMIT ${PAGE}`,
    )
    // A broken record ends the walk with the next page still in flight: its failure is not news.
    page.catch(() => undefined)
    return page
  }
  // The next page is read while this one is hashed: reading and hashing take about as long.
  let next = read(expected)
  for (;;) {
    const page = await next
    const last = page.at(-1)
    next = page.length === PAGE && last ? read(last.seq + 1) : Promise.resolve([])
    for (const row of page) {
      records++
      if (row.seq !== expected)
        return broken(expected, `record ${expected} is missing (the next is ${row.seq})`)
      if (row.prev_hash !== prev)
        return broken(row.seq, 'its previous hash is not the hash of the record before it')
      if (chainHash(prev, row.body) !== row.hash)
        return broken(row.seq, 'its content does not hash to its hash (altered)')
      if (row.body.seq !== row.seq || row.body.register_id !== head.id) {
        return broken(
          row.seq,
          'its sequence or register differs from its hashed content (moved or reordered)',
        )
      }
      if (!row.columns_hold) return broken(row.seq, await whichColumn(q, head.id, chain, row.seq))
      if (chain === 'closing') {
        const key = keys.get(String(row.body.key_id))
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

/** The column of a record that differs from its hashed content, named. */
async function whichColumn(q: Executor, registerId: string, chain: ChainName, seq: number): Promise<string> {
  const c = chains[chain]
  const [row] = await rows<Record<string, unknown> & { body: Record<string, unknown>; recorded_at: Date }>(
    q,
    sql`SELECT * FROM ${sql.raw(c.table)} WHERE register_id = ${registerId} AND seq = ${seq}`,
  )
  for (const col of c.columns) {
    if ((row!.body[col] ?? null) !== (row![col] ?? null)) {
      return `its column ${col} differs from its hashed content (altered)`
    }
  }
  return 'its column recorded_at differs from its hashed content (altered)'
}
