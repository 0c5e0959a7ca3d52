import { sql } from 'drizzle-orm'
import { type Db, rows } from '../db/database.ts'
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
import { periodOf } from './fiscal.domain.ts'
import { GENESIS_HASH } from './fiscal.schema.ts'
import { installationKey, signHash } from './keys.service.ts'

/**
 * The archive of a month (`YYYY-MM`): for every register, the records of its three chains recorded in
 * that month of its store's time zone (a contiguous segment of each chain, records being appended in
 * time order), signed as a whole. Each register's journal records the archive run.
 */
export async function archivePeriod(db: Db, period: string, actor: string): Promise<Archive> {
  if (!periodOf('monthly', period)) throw invalidInput('period', `${period} is not a month (YYYY-MM)`)
  const key = await installationKey(db)
  const registers = await rows<RegisterHead>(db, sql`SELECT * FROM fiscal_register ORDER BY id`)
  const content: ArchiveContent = {
    format: 'passerelle-fiscal-archive/1',
    period,
    generated_at: new Date().toISOString(),
    canonical_form: canonicalFormText,
    hash_rule: hashRuleText,
    key: { key_id: key.id, algorithm: 'Ed25519', public_key: key.public_key },
    registers: [],
  }
  for (const r of registers) {
    const segments = {} as Record<ChainName, ArchiveSegment>
    for (const chain of Object.keys(chains) as ChainName[])
      segments[chain] = await segment(db, r, chain, period)
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
  for (const r of registers) {
    await db.transaction(async (tx) => {
      const head = (await lockRegister(tx, r.id))!
      await journal(tx, head, 'archive', actor, { period, archive_hash: hash })
    })
  }
  return archive
}

async function segment(db: Db, r: RegisterHead, chain: ChainName, period: string): Promise<ArchiveSegment> {
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
