import { sql } from 'drizzle-orm'
import { getChannel } from '../channels/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { AppError, forbidden, invalidInput } from '../shared/errors.ts'
import { conflict, notFound } from './customers.errors.ts'
import { type CustomerFilter, type CustomerRow, getCustomer, listCustomers } from './customers.service.ts'

/** The header a channel key names its logged-in customer with: the login it linked for them. */
export const loginHeader = 'x-customer-login'

export interface ChannelAccount {
  channel_id: string
  login: string
  customer_id: string
  created_at: string
}

/**
 * The customer logged in on a channel key's own channel under this login (a merged profile's
 * accounts point at the survivor), or null when the login is not linked there.
 */
export async function loggedInCustomer(q: Executor, actor: Actor, login: string): Promise<string | null> {
  const [account] = await rows<{ customer_id: string }>(
    q,
    sql`SELECT coalesce(c.merged_into, a.customer_id) AS customer_id
        FROM customer_channel_account a LEFT JOIN customer c ON c.id = a.customer_id
        WHERE a.channel_id = ${actor.channelId} AND a.login = ${login.trim()}`,
  )
  return account?.customer_id ?? null
}

/**
 * The customer a channel key acts for when its request names the login of the customer logged in on
 * it (the customer account of the web shop or app), or null: staff, a channel key without a login, or
 * a login not linked on this channel (which then opens nothing more than the channel's own scope).
 * Acting for a customer, the key sees that customer's purchases, returns and tickets from every
 * channel, and nobody else's.
 */
export async function accountHolder(
  q: Executor,
  actor: Actor,
  login: string | string[] | undefined,
): Promise<string | null> {
  if (actor.role !== 'channel' || typeof login !== 'string' || login.trim() === '') return null
  return loggedInCustomer(q, actor, login)
}

/** A channel key names its logged-in customer; without one it has nobody to read. */
export function requireLogin(login: string | undefined): string {
  if (login === undefined || login.trim() === '') {
    throw invalidInput(
      'X-Customer-Login',
      'a channel key reads the customer logged in on it: send their login in the X-Customer-Login header',
    )
  }
  return login
}

/**
 * The customer `id` as this key may see it. Staff see every customer. A channel key sees only the
 * customer logged in on it: any other id answers 404, whether it exists or not, so a web shop cannot
 * learn who else is a customer.
 */
export async function visibleCustomer(
  q: Executor,
  actor: Actor,
  id: string,
  login: string | undefined,
): Promise<CustomerRow> {
  if (actor.role !== 'channel') return getCustomer(q, id)
  const loggedIn = await loggedInCustomer(q, actor, requireLogin(login))
  const customer = loggedIn === null ? null : await getCustomer(q, id).catch(notFoundAsNull)
  if (!customer || customer.id !== loggedIn) throw notFound('customer', id)
  return customer
}

/**
 * A web shop orders for, or lists the orders of, only the customer logged in on it: naming anyone
 * else answers 404, as if they did not exist (so a shop cannot spend another customer's points).
 */
export async function assertOwnCustomer(
  q: Executor,
  actor: Actor,
  customerId: string | undefined,
  login: string | string[] | undefined,
) {
  if (actor.role !== 'channel' || customerId === undefined) return
  const loggedIn = await loggedInCustomer(
    q,
    actor,
    requireLogin(typeof login === 'string' ? login : undefined),
  )
  if (loggedIn === customerId) return
  // An id merged into the logged-in profile still names that customer.
  const [merged] = await rows<{ merged_into: string | null }>(
    q,
    sql`SELECT merged_into FROM customer WHERE id = ${customerId}`,
  )
  if (loggedIn === null || merged?.merged_into !== loggedIn) throw notFound('customer', customerId)
}

const notFoundAsNull = (err: unknown) => {
  if (err instanceof AppError && err.status === 404) return null
  throw err
}

/**
 * Links a channel's login to a customer. Staff link any channel's login to any customer (checking who
 * is asking is theirs to do). A channel key links logins of its own channel, to a customer who signed
 * up through it or is already logged in on it: linking a profile from elsewhere would let it read
 * that profile, so the call centre or a store does that, once they know who they are talking to.
 * Linking the same login to the same customer again changes nothing; to another customer, 409.
 */
export const linkChannelAccount = inTransaction(linkChannelAccountIn)

async function linkChannelAccountIn(
  tx: Tx,
  actor: Actor,
  customerId: string,
  input: { channel_id?: string; login: string },
  headerLogin: string | undefined,
): Promise<{ account: ChannelAccount; created: boolean }> {
  const login = input.login.trim()
  if (login === '') throw invalidInput('login', 'must not be blank')
  const channelId = await accountChannel(tx, actor, input.channel_id)
  const customer = await lockedCustomer(tx, customerId)
  if (actor.role === 'channel' && customer.sourceChannelId !== actor.channelId) {
    const loggedIn = headerLogin === undefined ? null : await loggedInCustomer(tx, actor, headerLogin)
    if (loggedIn !== customer.id) throw notFound('customer', customerId)
  }
  const [inserted] = await rows<{ created_at: Date }>(
    tx,
    sql`INSERT INTO customer_channel_account (channel_id, login, customer_id, created_by)
        VALUES (${channelId}, ${login}, ${customer.id}, ${actor.keyId})
        ON CONFLICT (channel_id, login) DO NOTHING RETURNING created_at`,
  )
  if (inserted) {
    return { account: accountView(channelId, login, customer.id, inserted.created_at), created: true }
  }
  const [held] = await rows<{ customer_id: string; created_at: Date }>(
    tx,
    sql`SELECT customer_id, created_at FROM customer_channel_account
        WHERE channel_id = ${channelId} AND login = ${login}`,
  )
  if (held && held.customer_id === customer.id) {
    return { account: accountView(channelId, login, customer.id, held.created_at), created: false }
  }
  throw conflict(
    'login_taken',
    `login: ${login} is already linked to another customer on this channel; unlink it there first.`,
    actor.role === 'channel' ? { field: 'login' } : { field: 'login', customer_id: held?.customer_id },
  )
}

/** Removes a login; a channel key removes its own channel's logins only. */
export const unlinkChannelAccount = inTransaction(unlinkChannelAccountIn)

async function unlinkChannelAccountIn(
  tx: Tx,
  actor: Actor,
  customerId: string,
  channelId: string,
  login: string,
) {
  if (actor.role === 'channel' && channelId !== actor.channelId) {
    throw forbidden(`This key manages the logins of channel ${actor.channelId} only.`)
  }
  const customer = await getCustomer(tx, customerId).catch(notFoundAsNull)
  const [removed] = customer
    ? await rows<{ login: string }>(
        tx,
        sql`DELETE FROM customer_channel_account
            WHERE channel_id = ${channelId} AND login = ${login} AND customer_id = ${customer.id}
            RETURNING login`,
      )
    : []
  if (!removed) throw notFound('channel_account', `${channelId}/${login}`)
}

/** A customer's logins: every channel's for staff, its own channel's for a channel key. */
export async function channelAccounts(
  q: Executor,
  actor: Actor,
  customerId: string,
): Promise<ChannelAccount[]> {
  const list = await rows<{ channel_id: string; login: string; created_at: Date }>(
    q,
    sql`SELECT channel_id, login, created_at FROM customer_channel_account
        WHERE customer_id = ${customerId}
          ${actor.role === 'channel' ? sql`AND channel_id = ${actor.channelId}` : sql``}
        ORDER BY channel_id, login`,
  )
  return list.map((a) => accountView(a.channel_id, a.login, customerId, a.created_at))
}

/** The channel a login belongs to: a channel key's own; staff say which (by id or code). */
async function accountChannel(q: Executor, actor: Actor, requested: string | undefined): Promise<string> {
  if (actor.role === 'channel') {
    if (requested !== undefined && requested !== actor.channelId) {
      throw forbidden(`This key links logins of channel ${actor.channelId} only.`)
    }
    return actor.channelId!
  }
  if (requested === undefined) throw invalidInput('channel_id', 'say which channel the login belongs to')
  try {
    return (await getChannel(q, requested)).id
  } catch (err) {
    if (err instanceof AppError && err.status === 404)
      throw invalidInput('channel_id', `no channel ${requested}`)
    throw err
  }
}

/**
 * The customer (a merged id followed to its survivor), share-locked: a merge committing meanwhile
 * either waits for this link or is seen by it, so a login never stays on an absorbed profile.
 */
async function lockedCustomer(tx: Tx, id: string): Promise<CustomerRow> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const customer = await getCustomer(tx, id)
    const [row] = await rows<{ merged_into: string | null }>(
      tx,
      sql`SELECT merged_into FROM customer WHERE id = ${customer.id} FOR SHARE`,
    )
    if (row && row.merged_into === null) return customer
  }
  throw notFound('customer', id)
}

const accountView = (
  channelId: string,
  login: string,
  customerId: string,
  createdAt: Date,
): ChannelAccount => ({
  channel_id: channelId,
  login,
  customer_id: customerId,
  created_at: new Date(createdAt).toISOString(),
})

/** Customers found by identifier or name; a channel key finds its logged-in customer (when they match) and nobody else. */
export async function findCustomers(
  q: Executor,
  actor: Actor,
  login: string | undefined,
  filter: Omit<CustomerFilter, 'only'>,
  limit: number,
  cursor?: string,
) {
  const only = actor.role === 'channel' ? await loggedInCustomer(q, actor, requireLogin(login)) : undefined
  if (only === null) return []
  return listCustomers(q, { ...filter, only }, limit, cursor)
}

/** A customer's logins in the channels' shops, as `visibleCustomer` lets the key see them. */
export async function customerChannelAccounts(
  q: Executor,
  actor: Actor,
  id: string,
  login: string | undefined,
) {
  const customer = await visibleCustomer(q, actor, id, login)
  return channelAccounts(q, actor, customer.id)
}
