import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'

/**
 * The installation's signing secret for unsubscribe links, made on first use and kept in the database
 * (every process of one installation signs alike; no setting to lose).
 */
export async function signingSecret(q: Executor): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64url')
  const [row] = await rows<{ secret: string }>(
    q,
    sql`WITH made AS (
          INSERT INTO notification_secret (id, secret) VALUES ('unsubscribe', ${fresh})
          ON CONFLICT (id) DO NOTHING RETURNING secret
        )
        SELECT secret FROM made UNION ALL SELECT secret FROM notification_secret WHERE id = 'unsubscribe' LIMIT 1`,
  )
  return Buffer.from(row!.secret, 'base64url')
}

const mac = (secret: Buffer, customerId: string) =>
  createHmac('sha256', secret).update(`unsubscribe:${customerId}`).digest().subarray(0, 18)

/** A token naming one customer, signed: whoever holds the link may withdraw that customer's consent, nothing else. */
export async function unsubscribeToken(q: Executor, customerId: string): Promise<string> {
  return tokenFor(await signingSecret(q), customerId)
}

export const tokenFor = (secret: Buffer, customerId: string) =>
  `${Buffer.from(customerId).toString('base64url')}.${mac(secret, customerId).toString('base64url')}`

/** The customer a token names, or null when it was not signed here (altered, made up). */
export async function customerOfToken(q: Executor, token: string): Promise<string | null> {
  const [idPart, sigPart] = token.split('.')
  if (!idPart || !sigPart) return null
  const customerId = Buffer.from(idPart, 'base64url').toString()
  const given = Buffer.from(sigPart, 'base64url')
  const expected = mac(await signingSecret(q), customerId)
  return given.length === expected.length && timingSafeEqual(given, expected) ? customerId : null
}

export const unsubscribeUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`
