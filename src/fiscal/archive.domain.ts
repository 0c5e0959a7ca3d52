import { createHash, verify } from 'node:crypto'
import { canonicalJson, chainHash } from './fiscal.domain.ts'

/**
 * A period's archive: every record of every register's chains recorded in the period, with the hash
 * the segment starts from and the chain heads at archiving, the installation's public key, and the
 * Ed25519 signature of the archive's own hash. It is checked without the database (`verifyArchive`).
 */
export interface ArchiveRecord {
  seq: number
  prev_hash: string
  hash: string
  body: Record<string, unknown>
  signature?: string | null
}

export interface ArchiveSegment {
  /** The hash of the record before the first archived one (the genesis hash for a chain's start). */
  prev_hash: string
  records: ArchiveRecord[]
  /** The chain's last record when the archive was made. */
  head: { seq: number; hash: string }
}

export interface ArchiveContent {
  format: 'passerelle-fiscal-archive/1'
  period: string
  generated_at: string
  canonical_form: string
  hash_rule: string
  key: { key_id: string; algorithm: 'Ed25519'; public_key: string }
  registers: Array<{
    register_id: string
    store_id: string
    code: string
    timezone: string
    chains: Record<'ticket' | 'journal' | 'closing', ArchiveSegment>
  }>
}

export interface Archive extends ArchiveContent {
  /** SHA-256 of the canonical text of everything above. */
  archive_hash: string
  /** Ed25519 signature (base64) of `archive_hash` by `key`. */
  signature: string
}

export const canonicalFormText =
  'JSON, object keys sorted by UTF-16 code units, no white space, integers only, members whose value is undefined left out'
export const hashRuleText = 'hash = hex(SHA-256(prev_hash + "\\n" + canonical(body)))'

export function archiveHash(content: ArchiveContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex')
}

export interface ArchiveCheck {
  ok: boolean
  records: number
  broken: Array<{ register_id: string | null; chain: string | null; seq: number | null; reason: string }>
}

/** Checks an archive as read from its file: its signature, then every chain segment and closing signature. */
export function verifyArchive(archive: Archive): ArchiveCheck {
  const { archive_hash, signature, ...content } = archive
  const check: ArchiveCheck = { ok: true, records: 0, broken: [] }
  const fail = (register_id: string | null, chain: string | null, seq: number | null, reason: string) => {
    check.ok = false
    check.broken.push({ register_id, chain, seq, reason })
  }
  if (archiveHash(content) !== archive_hash) {
    fail(null, null, null, 'the archive does not hash to its archive_hash (changed after it was made)')
  } else if (
    !verify(null, Buffer.from(archive_hash, 'hex'), content.key.public_key, Buffer.from(signature, 'base64'))
  ) {
    fail(null, null, null, 'the archive signature does not verify with its public key')
  }
  for (const register of content.registers) {
    for (const [chain, segment] of Object.entries(register.chains)) {
      let prev = segment.prev_hash
      let expected = segment.records[0]?.seq
      for (const r of segment.records) {
        check.records++
        const reason =
          r.seq !== expected
            ? `record ${expected} is missing (the next is ${r.seq})`
            : r.prev_hash !== prev
              ? 'its previous hash is not the hash of the record before it'
              : chainHash(prev, r.body) !== r.hash
                ? 'its content does not hash to its hash (altered)'
                : r.body.seq !== r.seq || r.body.register_id !== register.register_id
                  ? 'its sequence or register differs from its hashed content'
                  : chain === 'closing' &&
                      !verify(
                        null,
                        Buffer.from(r.hash, 'hex'),
                        content.key.public_key,
                        Buffer.from(String(r.signature ?? ''), 'base64'),
                      )
                    ? 'its signature does not verify with the installation key'
                    : null
        if (reason) {
          fail(register.register_id, chain, r.seq, reason)
          break
        }
        prev = r.hash
        expected = r.seq + 1
      }
    }
  }
  return check
}
