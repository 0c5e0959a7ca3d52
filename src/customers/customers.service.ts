import { and, desc, eq, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm'
import { channelsOfKind, getChannel } from '../channels/index.ts'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { byApiKey, customerEvents, recordEvents } from '../events/index.ts'
import type { Actor } from '../shared/actor.ts'
import { AppError, forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { conflict, notFound } from './customers.errors.ts'
import { customers } from './customers.schema.ts'
import {
  accentFolding,
  type Identities,
  type IdentityField,
  identityFields,
  normaliseIdentity,
  normaliseName,
  searchKey,
} from './identity.domain.ts'

export type CustomerRow = typeof customers.$inferSelect

interface ProfileInput {
  first_name?: string
  last_name?: string
  address_line?: string
  postcode?: string
  city?: string
  country?: string
}

export interface NewCustomer extends ProfileInput {
  email?: string
  phone?: string
  loyalty_card?: string
  source_channel_id?: string
}

/** A change to a customer: a field left out is kept; an identifier set to null is removed. */
export interface CustomerChange extends ProfileInput {
  email?: string | null
  phone?: string | null
  loyalty_card?: string | null
}

/** The customer with this id; a profile merged into another resolves to the one it was merged into. */
export async function getCustomer(q: Executor, id: string): Promise<CustomerRow> {
  let ref = id
  for (let hop = 0; hop < 10; hop++) {
    const [row] = await q.select().from(customers).where(eq(customers.id, ref))
    if (!row) throw notFound('customer', id)
    if (!row.mergedInto) return row
    ref = row.mergedInto
  }
  throw notFound('customer', id)
}

/**
 * The customer known by any of these identifiers (typed any way: they are normalised first),
 * looked up by e-mail, then phone, then loyalty card; null when none is known.
 * An identifier that cannot be normalised is a 400 naming it (email, phone or card).
 */
export async function findCustomerByIdentity(
  q: Executor,
  typed: { email?: string; phone?: string; card?: string },
): Promise<CustomerRow | null> {
  const ids = lookupIdentities(typed)
  const matches = await customersHolding(q, ids)
  for (const { key } of identityFields) {
    const hit = ids[key] !== null ? matches.find((c) => c[key] === ids[key]) : undefined
    if (hit) return hit
  }
  return null
}

export async function createCustomer(tx: Tx, actor: Actor, input: NewCustomer): Promise<CustomerRow> {
  const ids: Identities = {
    email: input.email === undefined ? null : normaliseIdentity('email', input.email),
    phone: input.phone === undefined ? null : normaliseIdentity('phone', input.phone),
    loyaltyCard:
      input.loyalty_card === undefined ? null : normaliseIdentity('loyalty_card', input.loyalty_card),
  }
  assertIdentified(ids)
  const [row] = await tx
    .insert(customers)
    .values({
      id: newId('cus'),
      ...ids,
      ...profile(input),
      sourceChannelId: await sourceChannel(tx, actor, input.source_channel_id),
    })
    // One statement in the usual case; when an identifier is held (even by a customer being created
    // at this very moment, whose commit it waits for) nothing is written and the look-up says by whom.
    .onConflictDoNothing()
    .returning()
  if (row) {
    await recordEvents(tx, [
      customerEvents.event('customer.created', {
        aggregateId: row.id,
        actor: byApiKey(actor.keyId),
        payload: { customer_id: row.id, channel_id: row.sourceChannelId ?? null },
      }),
    ])
    return row
  }
  // A web shop learns the identifier is taken, not whose it is: it reads its logged-in customer only.
  await assertIdentitiesFree(tx, ids, undefined, actor.role !== 'channel')
  throw conflict('identity_taken', 'Another customer was created with the same identifiers; look it up.')
}

export const updateCustomer = inTransaction(updateCustomerIn)

async function updateCustomerIn(tx: Tx, id: string, change: CustomerChange): Promise<CustomerRow> {
  // Locked: two agents editing the same customer must not undo each other's identifiers.
  const [current] = await tx.select().from(customers).where(eq(customers.id, id)).for('update')
  if (!current) throw notFound('customer', id)
  const ids: Identities = {
    email: changedIdentity('email', change.email, current.email),
    phone: changedIdentity('phone', change.phone, current.phone),
    loyaltyCard: changedIdentity('loyalty_card', change.loyalty_card, current.loyaltyCard),
  }
  assertIdentified(ids)
  await assertIdentitiesFree(tx, ids, id)
  try {
    // A savepoint, so that losing a race on an identifier still lets us say who won it.
    return await tx.transaction(async (sp) => {
      const [row] = await sp
        .update(customers)
        .set({ ...ids, ...profile(change), updatedAt: new Date() })
        .where(eq(customers.id, id))
        .returning()
      return row!
    })
  } catch (err) {
    if (isUniqueViolation(err)) await assertIdentitiesFree(tx, ids, id)
    throw err
  }
}

export interface CustomerFilter {
  email?: string
  phone?: string
  card?: string
  /** Part of a name or an e-mail, any case, accents ignored. */
  q?: string
  /** Only this customer (what a channel key may list: its logged-in customer). */
  only?: string
}

/** Customers matching every given filter, newest first, `limit + 1` rows for `toPage`. */
export async function listCustomers(
  q: Executor,
  filter: CustomerFilter,
  limit: number,
  cursor?: string,
): Promise<CustomerRow[]> {
  const ids = lookupIdentities(filter)
  const where: Array<SQL | undefined> = identityFields.map(({ key }) =>
    ids[key] === null ? undefined : eq(customers[key], ids[key]),
  )
  const needle = filter.q === undefined ? '' : searchKey(filter.q)
  if (filter.q !== undefined && needle === '')
    throw invalidInput('q', 'type at least one letter of a name or an e-mail')
  if (needle) where.push(sql`${searchable} LIKE ${`%${escapeLike(needle)}%`}`)
  if (filter.only !== undefined) where.push(eq(customers.id, filter.only))
  if (cursor) where.push(lt(customers.id, cursor))
  where.push(isNull(customers.mergedInto))
  return q
    .select()
    .from(customers)
    .where(and(...where))
    .orderBy(desc(customers.id))
    .limit(limit + 1)
}

function lookupIdentities(typed: { email?: string; phone?: string; card?: string }): Identities {
  return {
    email: typed.email === undefined ? null : normaliseIdentity('email', typed.email),
    phone: typed.phone === undefined ? null : normaliseIdentity('phone', typed.phone),
    loyaltyCard: typed.card === undefined ? null : normaliseIdentity('loyalty_card', typed.card, 'card'),
  }
}

function changedIdentity(field: IdentityField, change: string | null | undefined, current: string | null) {
  if (change === undefined) return current
  return change === null ? null : normaliseIdentity(field, change)
}

function assertIdentified(ids: Identities) {
  if (ids.email === null && ids.phone === null && ids.loyaltyCard === null) {
    throw invalidInput('email', 'a customer needs at least one identifier: email, phone or loyalty_card')
  }
}

function profile(input: ProfileInput) {
  return {
    ...(input.first_name === undefined ? {} : { firstName: normaliseName(input.first_name) }),
    ...(input.last_name === undefined ? {} : { lastName: normaliseName(input.last_name) }),
    ...(input.address_line === undefined ? {} : { addressLine: normaliseName(input.address_line) }),
    ...(input.postcode === undefined ? {} : { postcode: normaliseName(input.postcode) }),
    ...(input.city === undefined ? {} : { city: normaliseName(input.city) }),
    ...(input.country === undefined ? {} : { country: input.country }),
  }
}

/**
 * A key bound to a channel creates its customers for that channel; a store key for the store
 * channel (the one there is, or the one it names when the brand has several); head office may say which.
 */
async function sourceChannel(q: Executor, actor: Actor, requested: string | undefined) {
  if (actor.role === 'store_staff') return storeChannel(q, requested)
  if (actor.channelId && requested && requested !== actor.channelId) {
    throw forbidden(`This key creates customers for channel ${actor.channelId} only.`)
  }
  return requested ?? actor.channelId ?? null
}

async function storeChannel(q: Executor, requested: string | undefined): Promise<string | null> {
  if (requested !== undefined) {
    const channel = await getChannel(q, requested).catch((err) => {
      if (err instanceof AppError && err.status === 404) {
        throw invalidInput('source_channel_id', `no channel with id or code ${requested}`)
      }
      throw err
    })
    if (channel.kind !== 'store') throw forbidden('A store key creates customers for a store channel.')
    return channel.id
  }
  const stores = await channelsOfKind(q, 'store', 2)
  if (stores.length > 1) {
    throw invalidInput(
      'source_channel_id',
      'the brand has several store channels: say which one the customer came through',
    )
  }
  return stores[0]?.id ?? null
}

async function customersHolding(q: Executor, ids: Identities, exceptId?: string): Promise<CustomerRow[]> {
  const held = identityFields.flatMap(({ key }) => (ids[key] === null ? [] : [eq(customers[key], ids[key])]))
  if (held.length === 0) return []
  return q
    .select()
    .from(customers)
    .where(and(or(...held), exceptId ? ne(customers.id, exceptId) : undefined))
    .limit(3)
}

/** 409 naming the first identifier another customer already holds, and (to staff) that customer. */
async function assertIdentitiesFree(q: Executor, ids: Identities, exceptId?: string, reveal = true) {
  const holders = await customersHolding(q, ids, exceptId)
  for (const { field, key } of identityFields) {
    const holder = ids[key] !== null ? holders.find((c) => c[key] === ids[key]) : undefined
    if (holder) {
      if (!reveal) {
        throw conflict('identity_taken', `${field}: ${ids[key]} already belongs to a customer.`, { field })
      }
      throw conflict(
        'identity_taken',
        `${field}: ${ids[key]} already belongs to customer ${holder.id}; attach to that customer instead.`,
        { field, customer_id: holder.id },
      )
    }
  }
}

function isUniqueViolation(err: unknown): boolean {
  for (
    let cur = err as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    cur && depth < 4;
    depth++
  ) {
    if (cur.code === '23505') return true
    cur = cur.cause as typeof cur
  }
  return false
}

const folded = (column: SQL) => {
  let expr = sql`lower(${column})`
  for (const [from, to] of accentFolding.ligatures) expr = sql`replace(${expr}, ${from}, ${to})`
  return sql`translate(${expr}, ${accentFolding.from}, ${accentFolding.to})`
}

/** "first last first email": "Marie Dupont" and "Dupont Marie" both match. */
const searchable = folded(
  sql`${customers.firstName} || ' ' || ${customers.lastName} || ' ' || ${customers.firstName} || ' ' || coalesce(${customers.email}, '')`,
)

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * The profile that holds a customer's records now: the customer itself, or the one it was merged into.
 * Share-locked, so a record written under that id in this transaction cannot be left behind by a merge
 * committing meanwhile: the merge waits for it, or it waits for the merge and follows it to the survivor.
 */
export async function survivorOf(tx: Tx, customerId: string): Promise<string> {
  let ref = customerId
  for (let hop = 0; hop < 10; hop++) {
    const [row] = await rows<{ merged_into: string | null }>(
      tx,
      sql`SELECT merged_into FROM customer WHERE id = ${ref} FOR SHARE`,
    )
    if (!row) throw notFound('customer', customerId)
    if (!row.merged_into) return ref
    ref = row.merged_into
  }
  throw notFound('customer', customerId)
}
