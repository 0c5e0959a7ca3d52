import { type SQL, sql } from 'drizzle-orm'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { visibleCustomer } from './channel-accounts.service.ts'
import { getCustomer } from './customers.service.ts'

export const consentPurposes = ['marketing', 'loyalty', 'partners', 'satisfaction_surveys'] as const
export const consentMedia = ['email', 'sms', 'post', 'phone'] as const

export interface ConsentStatement {
  purpose: (typeof consentPurposes)[number]
  medium: (typeof consentMedia)[number]
  granted: boolean
}

/** Records what the customer said, in whichever channel said it (the key's channel or store). */
export async function recordConsents(
  tx: Tx,
  actor: Actor,
  customerId: string,
  statements: ConsentStatement[],
) {
  const customer = await getCustomer(tx, customerId)
  await tx.execute(
    sql`INSERT INTO consent (customer_id, purpose, medium, granted, channel_id, actor)
        SELECT ${customer.id}, x.purpose, x.medium, x.granted, ${actor.channelId ?? null}, ${actor.keyId}
        FROM jsonb_to_recordset(${JSON.stringify(statements)}::jsonb) AS x(purpose text, medium text, granted boolean)`,
  )
  return consentsInForce(tx, customer.id)
}

/**
 * A SQL condition, true when the consent in force (the latest statement) for this purpose and medium
 * of the customer named by `customerId` (a column or a value) is granted: what a statement that picks
 * or sends to many customers embeds, so that a withdrawal a moment ago counts.
 */
export const consentGranted = (
  customerId: SQL,
  purpose: ConsentStatement['purpose'],
  medium: ConsentStatement['medium'],
) =>
  sql`coalesce((SELECT k.granted FROM consent k WHERE k.customer_id = ${customerId} AND k.purpose = ${purpose}
                  AND k.medium = ${medium} ORDER BY k.id DESC LIMIT 1), false)`

/** The latest statement per purpose and medium, with when and where it was made. */
export async function consentsInForce(q: Executor, customerId: string) {
  const list = await rows<{
    purpose: string
    medium: string
    granted: boolean
    channel_id: string | null
    created_at: Date
  }>(
    q,
    sql`SELECT DISTINCT ON (purpose, medium) purpose, medium, granted, channel_id, created_at
        FROM consent WHERE customer_id = ${customerId}
        ORDER BY purpose, medium, id DESC`,
  )
  return list.map((c) => ({ ...c, created_at: new Date(c.created_at).toISOString() }))
}

/** A customer's consents in force, by customer id (a merged id names the profile it went into). */
export async function consentsOf(q: Executor, id: string) {
  return consentsInForce(q, (await getCustomer(q, id)).id)
}

/** Consents recorded through the API: a channel key for its logged-in customer (`login`) only. */
export const recordCustomerConsents = inTransaction(
  async (tx: Tx, actor: Actor, id: string, login: string | undefined, statements: ConsentStatement[]) => {
    const customer = await visibleCustomer(tx, actor, id, login)
    return recordConsents(tx, actor, customer.id, statements)
  },
)

/** Consents in force as this key may read them: a channel key its logged-in customer's (`login`) only. */
export async function visibleConsents(q: Executor, actor: Actor, id: string, login: string | undefined) {
  return consentsInForce(q, (await visibleCustomer(q, actor, id, login)).id)
}
