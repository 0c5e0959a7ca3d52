import { sql } from 'drizzle-orm'
import { type Db, type Executor, rows } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import {
  type Archive,
  type ArchiveContent,
  type ArchiveRecord,
  type ArchiveSegment,
  archiveHash,
  canonicalFormText,
  hashRuleText,
} from './archive.domain.ts'
import { type ChainName, chains, journal, lockRegister, type RegisterHead } from './chain.store.ts'
import { businessDate, periodOf } from './fiscal.domain.ts'
import { notFound } from './fiscal.errors.ts'
import { GENESIS_HASH } from './fiscal.schema.ts'
import { installationKey, signHash } from './keys.service.ts'

// One archive written at a time: the job and head office asking for the same month write it once.
const ARCHIVE_LOCK = 7_305_286

/**
 * The archive of a month (`YYYY-MM`): for every register, the records of its three chains recorded in
 * that month of its store's time zone (a contiguous segment of each chain, records being appended in
 * time order), signed as a whole. Each register's journal records the archive run. A month that is over
 * everywhere is archived once: its archive is stored (append-only) and every later request answers
 * that same file; a month still running gets a provisional archive, recorded but not stored.
 */
export async function archivePeriod(
  db: Db,
  period: string,
  actor: string,
  now = new Date(),
): Promise<Archive> {
  if (!periodOf('monthly', period)) throw invalidInput('period', `${period} is not a month (YYYY-MM)`)
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ARCHIVE_LOCK})`)
    const stored = await storedArchive(tx, period)
    if (stored) return stored
    const key = await installationKey(tx)
    const registers = await rows<RegisterHead>(tx, sql`SELECT * FROM fiscal_register ORDER BY id`)
    const content: ArchiveContent = {
      format: 'passerelle-fiscal-archive/1',
      period,
      generated_at: now.toISOString(),
      canonical_form: canonicalFormText,
      hash_rule: hashRuleText,
      key: { key_id: key.id, algorithm: 'Ed25519', public_key: key.public_key },
      registers: [],
    }
    let records = 0
    for (const r of registers) {
      const segments = {} as Record<ChainName, ArchiveSegment>
      for (const chain of Object.keys(chains) as ChainName[]) {
        segments[chain] = await segment(tx, r, chain, period)
        records += segments[chain].records.length
      }
      content.registers.push({
        register_id: r.id,
        store_id: r.store_id,
        code: r.code,
        timezone: r.timezone,
        chains: segments,
      })
    }
    const hash = archiveHash(content)
    const archive: Archive = { ...content, archive_hash: hash, signature: signHash(key, hash) }
    const over = monthOver(period, registers, now)
    for (const r of registers) {
      const head = (await lockRegister(tx, r.id))!
      await journal(tx, head, 'archive', actor, { period, archive_hash: hash, stored: over }, now)
    }
    if (over) {
      await tx.execute(
        sql`INSERT INTO fiscal_archive (period, archive_hash, records, content, created_by)
            VALUES (${period}, ${hash}, ${records}, ${JSON.stringify(archive)}, ${actor})`,
      )
    }
    return archive
  })
}

/** A month is over when every register's store has left it (the earliest time zone last). */
function monthOver(period: string, registers: Array<{ timezone: string }>, now: Date): boolean {
  const zones = registers.length > 0 ? [...new Set(registers.map((r) => r.timezone))] : ['UTC']
  return zones.every((tz) => businessDate(now, tz).slice(0, 7) > period)
}

async function storedArchive(q: Executor, period: string): Promise<Archive | null> {
  const [row] = await rows<{ content: string }>(
    q,
    sql`SELECT content FROM fiscal_archive WHERE period = ${period}`,
  )
  return row ? (JSON.parse(row.content) as Archive) : null
}

/** A stored month's archive, exactly as written. */
export async function getArchive(q: Executor, period: string): Promise<Archive> {
  const archive = await storedArchive(q, period)
  if (!archive) throw notFound('archive', period)
  return archive
}

export async function listArchives(q: Executor) {
  const list = await rows<{
    period: string
    archive_hash: string
    records: number
    created_by: string
    created_at: Date
  }>(q, sql`SELECT period, archive_hash, records, created_by, created_at FROM fiscal_archive ORDER BY period`)
  return list.map((a) => ({ ...a, created_at: new Date(a.created_at).toISOString() }))
}

/**
 * The monthly job (`fiscal.archive-months`): every month over, from the first month with a record to
 * the last one, that has no stored archive yet is archived, once. Returns how many it wrote.
 */
export async function archiveOverMonths(db: Db, now = new Date()): Promise<number> {
  const [first] = await rows<{ month: string | null }>(
    db,
    sql`SELECT to_char(min(recorded_at) AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM fiscal_journal`,
  )
  if (!first?.month) return 0
  const registers = await rows<{ timezone: string }>(db, sql`SELECT DISTINCT timezone FROM fiscal_register`)
  const done = new Set(
    (await rows<{ period: string }>(db, sql`SELECT period FROM fiscal_archive`)).map((a) => a.period),
  )
  let written = 0
  for (let month = first.month; monthOver(month, registers, now); month = nextMonth(month)) {
    if (done.has(month)) continue
    await archivePeriod(db, month, 'system', now)
    written++
  }
  return written
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

async function segment(
  db: Executor,
  r: RegisterHead,
  chain: ChainName,
  period: string,
): Promise<ArchiveSegment> {
  const c = chains[chain]
  const records = await rows<ArchiveRecord>(
    db,
    sql`SELECT seq, prev_hash, hash, body${sql.raw(chain === 'closing' ? ', signature' : '')}
        FROM ${sql.raw(c.table)}
        WHERE register_id = ${r.id} AND to_char(recorded_at AT TIME ZONE ${r.timezone}, 'YYYY-MM') = ${period}
        ORDER BY seq`,
  )
  const headSeq = chain === 'ticket' ? r.ticket_seq : chain === 'journal' ? r.journal_seq : r.closing_seq
  const headHash = chain === 'ticket' ? r.ticket_hash : chain === 'journal' ? r.journal_hash : r.closing_hash
  return {
    prev_hash: records[0]?.prev_hash ?? GENESIS_HASH,
    records,
    head: { seq: headSeq, hash: headHash },
  }
}
