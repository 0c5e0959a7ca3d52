import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'

interface KeyRow {
  id: string
  public_key: string
  private_key: string
}

/**
 * The installation's Ed25519 key pair, created on first use: closings (and archives) are signed with
 * it, and its public key is published so anyone can check a signature without the database.
 */
export async function installationKey(q: Executor): Promise<KeyRow> {
  const [found] = await rows<KeyRow>(q, sql`SELECT id, public_key, private_key FROM fiscal_key LIMIT 1`)
  if (found) return found
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const id = `fk_${createHash('sha256').update(pub).digest('hex').slice(0, 16)}`
  // Two processes creating it at once: the first row wins, the other reads it.
  await q.execute(
    sql`INSERT INTO fiscal_key (id, public_key, private_key)
        SELECT ${id}, ${pub}, ${privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()}
        WHERE NOT EXISTS (SELECT 1 FROM fiscal_key)`,
  )
  const [row] = await rows<KeyRow>(
    q,
    sql`SELECT id, public_key, private_key FROM fiscal_key ORDER BY created_at LIMIT 1`,
  )
  return row!
}

export function signHash(key: KeyRow, hash: string): string {
  return sign(null, Buffer.from(hash, 'hex'), key.private_key).toString('base64')
}

export async function publicKeys(q: Executor) {
  const key = await installationKey(q)
  return { key_id: key.id, algorithm: 'Ed25519', public_key: key.public_key }
}
