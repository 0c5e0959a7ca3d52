import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { type SQL, sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import { startThread } from '../shared/threads.ts'
import { type ChainName, chains, type RegisterHead } from './chain.store.ts'
import { type BrokenRecord, PAGE, pageQuery, type Walked, type WalkRow, walkChain } from './verify.walk.ts'
import type { WalkAnswer, WalkOrder } from './verify.worker.ts'

export type { BrokenRecord } from './verify.walk.ts'

export interface Verification {
  ok: boolean
  registers: number
  records: number
  /** The first broken record of each broken chain, in register then chain order. */
  broken: BrokenRecord[]
}

export interface VerifyOptions {
  /**
   * The PostgreSQL server's URL: chains are then walked by verifier threads, each on a connection of
   * its own, when there are enough records for it to pay (or always, with `threads`).
   */
  databaseUrl?: string
  /** How many verifier threads (default: one per core, at least two). */
  threads?: number
}

/** Below this many records, threads cost more to start than they save. */
const THREADS_FROM = 50_000
/** Chains walked at once on the process's own connection: one waits for its next batch while another is hashed. */
const WALKERS = 3

/**
 * Walks every chain of every register from its first record (see `walkChain`) and names the first
 * record of each chain that does not hold. Independent chains are walked at once: on PostgreSQL by
 * verifier threads on connections of their own, otherwise a few at a time on `q`.
 */
export async function verifyChains(
  q: Executor,
  registerRef?: string,
  opts: VerifyOptions = {},
): Promise<Verification> {
  const registers = await rows<RegisterHead>(
    q,
    sql`SELECT * FROM fiscal_register ${registerRef ? sql`WHERE id = ${registerRef} OR code = ${registerRef}` : sql``} ORDER BY id`,
  )
  const keys = new Map(
    (await rows<{ id: string; public_key: string }>(q, sql`SELECT id, public_key FROM fiscal_key`)).map(
      (k) => [k.id, k.public_key],
    ),
  )
  const work = registers.flatMap((head) =>
    (Object.keys(chains) as ChainName[]).map((chain) => ({ head, chain })),
  )
  const total = registers.reduce((s, r) => s + r.ticket_seq + r.journal_seq + r.closing_seq, 0)
  const threaded = opts.databaseUrl && (opts.threads !== undefined || total >= THREADS_FROM)
  const outcomes = threaded
    ? await walkOnThreads(opts.databaseUrl!, work, keys, opts.threads)
    : await walkHere(q, work, keys)
  const result: Verification = { ok: true, registers: registers.length, records: 0, broken: [] }
  // Named in register then chain order, whichever walker found them first.
  for (let i = 0; i < work.length; i++) {
    const walked = outcomes[i]!
    result.records += walked.records
    if (!walked.broken) continue
    result.ok = false
    const broken = walked.broken
    if (walked.columnDiffers)
      broken.reason = await whichColumn(q, broken.register_id, broken.chain, broken.seq)
    result.broken.push(broken)
  }
  return result
}

async function walkHere(
  q: Executor,
  work: Array<{ head: RegisterHead; chain: ChainName }>,
  keys: Map<string, string>,
): Promise<Walked[]> {
  const outcomes: Walked[] = new Array(work.length)
  let next = 0
  const walker = async () => {
    while (next < work.length) {
      const i = next++
      const { head, chain } = work[i]!
      const text = pageQuery(chain)
      outcomes[i] = await walkChain(
        (from) => rows<WalkRow>(q, withParams(text, [head.id, from, PAGE])),
        head,
        chain,
        keys,
      )
    }
  }
  await Promise.all(Array.from({ length: Math.min(WALKERS, work.length) }, walker))
  return outcomes
}

/** A statement written with $1, $2… placeholders, as a drizzle statement with these values. */
function withParams(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/)
  return sql.join(parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`)))
}

/**
 * The chains walked by verifier threads, each on a connection of its own: a thread is handed the next
 * chain, the longest first, as soon as it answers the one before.
 */
async function walkOnThreads(
  databaseUrl: string,
  work: Array<{ head: RegisterHead; chain: ChainName }>,
  keys: Map<string, string>,
  threads = Math.max(2, availableParallelism()),
): Promise<Walked[]> {
  const outcomes: Walked[] = new Array(work.length)
  const length = ({ head, chain }: { head: RegisterHead; chain: ChainName }) =>
    chain === 'ticket' ? head.ticket_seq : chain === 'journal' ? head.journal_seq : head.closing_seq
  const queue = work.map((_, i) => i).sort((a, b) => length(work[b]!) - length(work[a]!))
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = verifierThread({ databaseUrl, keys: [...keys] })
      let failed = false
      const handOut = () => {
        const index = queue.shift()
        if (index === undefined) {
          worker.postMessage('end')
          return
        }
        worker.postMessage({ index, ...work[index]! } satisfies WalkOrder)
      }
      worker.on('message', (answer: WalkAnswer) => {
        if (answer.error !== undefined) {
          failed = true
          queue.length = 0
          reject(new Error(`fiscal verify: ${answer.error}`))
          void worker.terminate()
          return
        }
        outcomes[answer.index] = answer.walked!
        handOut()
      })
      worker.on('error', (err) => {
        failed = true
        reject(err)
      })
      worker.on('exit', () => {
        if (!failed) resolve()
      })
      handOut()
    })
  await Promise.all(Array.from({ length: Math.min(threads, work.length) }, run))
  return outcomes
}

/** A verifier thread on verify.worker (compiled, or the TypeScript source through tsx). */
function verifierThread(workerData: unknown): Worker {
  return startThread(new URL('./verify.worker.ts', import.meta.url), workerData)
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
