import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { byLedgerActor, customerEvents, outboxInsertFrom } from '../events/index.ts'
import {
  created,
  type ExportPage,
  type LineOutcome,
  refusedLine,
  unchanged,
  updated,
} from '../shared/batch.ts'
import { newId } from '../shared/ids.ts'
import type { consentMedia, consentPurposes } from './consents.service.ts'
import {
  type Identities,
  type IdentityField,
  identityFields,
  normaliseEmail,
  normaliseLoyaltyCard,
  normaliseName,
  normalisePhone,
} from './identity.domain.ts'

/*
 * Customers written many at a time (a bulk import's batch): a line names a customer by its e-mail,
 * else (no e-mail given) its phone, else its loyalty card; it creates the customer (with its `customer.created`) or
 * updates the fields it gives, and records the consents it states when they differ from those in force.
 */

export interface ConsentCell {
  purpose: (typeof consentPurposes)[number]
  medium: (typeof consentMedia)[number]
  granted: boolean
}

/** One customer of a customer file; a field left out is kept (empty on a new customer). */
export interface CustomerLine {
  email?: string
  phone?: string
  loyaltyCard?: string
  firstName?: string
  lastName?: string
  addressLine?: string
  postcode?: string
  city?: string
  /** ISO 3166 alpha-2 (FR). */
  country?: string
  consents?: ConsentCell[]
}

interface CustomerState {
  id: string
  email: string | null
  phone: string | null
  loyalty_card: string | null
  first_name: string
  last_name: string
  address_line: string
  postcode: string
  city: string
  country: string
}

const profileFields = [
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['addressLine', 'address_line'],
  ['postcode', 'postcode'],
  ['city', 'city'],
] as const

const normalisers: Record<IdentityField, (raw: string) => string | null> = {
  email: normaliseEmail,
  phone: normalisePhone,
  loyalty_card: normaliseLoyaltyCard,
}

const typedIdentity = (line: CustomerLine, field: IdentityField) =>
  field === 'email' ? line.email : field === 'phone' ? line.phone : line.loyaltyCard

/**
 * Creates or updates the customers of these lines in the caller's transaction (`actor` as the
 * ledgers name it: a key id or `system`). A line is refused, writing nothing, when an identifier is
 * not one, or belongs to another customer than the one the line names.
 */
export async function writeCustomerLines(
  tx: Tx,
  lines: readonly CustomerLine[],
  actor: string,
): Promise<LineOutcome[]> {
  if (lines.length === 0) return []
  const typed: Array<Identities | LineOutcome> = lines.map((line) => {
    const ids: Identities = { email: null, phone: null, loyaltyCard: null }
    for (const { field, key } of identityFields) {
      const raw = typedIdentity(line, field)
      if (raw === undefined) continue
      const value = normalisers[field](raw)
      if (value === null) return refusedLine(field, 'invalid_value', `${raw} is not a valid ${field}.`)
      ids[key] = value
    }
    if (ids.email === null && ids.phone === null && ids.loyaltyCard === null) {
      return refusedLine(
        'email',
        'missing_identifier',
        'a customer needs an email, a phone or a loyalty_card.',
      )
    }
    return ids
  })
  const wanted = (key: keyof Identities) =>
    JSON.stringify(typed.flatMap((t) => ('email' in t && t[key] !== null ? [t[key]] : [])))
  const holders = await rows<CustomerState>(
    tx,
    sql`SELECT id, email, phone, loyalty_card, first_name, last_name, address_line, postcode, city, country
        FROM customer
        WHERE email IN (SELECT jsonb_array_elements_text(${wanted('email')}::jsonb))
           OR phone IN (SELECT jsonb_array_elements_text(${wanted('phone')}::jsonb))
           OR loyalty_card IN (SELECT jsonb_array_elements_text(${wanted('loyaltyCard')}::jsonb))`,
  )
  const holderOf = {
    email: new Map(holders.flatMap((h) => (h.email ? [[h.email, h] as const] : []))),
    phone: new Map(holders.flatMap((h) => (h.phone ? [[h.phone, h] as const] : []))),
    loyaltyCard: new Map(holders.flatMap((h) => (h.loyalty_card ? [[h.loyalty_card, h] as const] : []))),
  }
  const inForce = await consentsInForceOf(
    tx,
    holders.map((h) => h.id),
  )
  const inserts: CustomerState[] = []
  const updates: CustomerState[] = []
  const consents: Array<ConsentCell & { customer_id: string }> = []
  const claimed = new Set<string>()
  const outcomes = lines.map((line, i): LineOutcome => {
    const ids = typed[i]!
    if (!('email' in ids)) return ids
    // The natural key: the e-mail when the line gives one, else the phone, else the card.
    const primary = identityFields.find(({ key }) => ids[key] !== null)!
    const match = holderOf[primary.key].get(ids[primary.key]!)
    for (const { field, key } of identityFields) {
      const holder = ids[key] === null ? undefined : holderOf[key].get(ids[key])
      if (holder && holder.id !== match?.id) {
        return refusedLine(
          field,
          'identity_taken',
          `${ids[key]} already belongs to customer ${holder.id}, not to the one this line names by ${primary.field}.`,
        )
      }
    }
    const keys = [match?.id, ...identityFields.map(({ key }) => ids[key] && `${key}:${ids[key]}`)].filter(
      (k): k is string => !!k,
    )
    if (keys.some((k) => claimed.has(k))) {
      return refusedLine('email', 'duplicate_line', 'an earlier line of the batch names the same customer.')
    }
    for (const k of keys) claimed.add(k)
    const next: CustomerState = {
      id: match?.id ?? newId('cus'),
      email: ids.email ?? match?.email ?? null,
      phone: ids.phone ?? match?.phone ?? null,
      loyalty_card: ids.loyaltyCard ?? match?.loyalty_card ?? null,
      first_name: '',
      last_name: '',
      address_line: '',
      postcode: '',
      city: '',
      country: line.country ?? match?.country ?? 'FR',
    }
    for (const [from, to] of profileFields) {
      const given = line[from]
      next[to] = given === undefined ? (match?.[to] ?? '') : normaliseName(given)
    }
    const current = match ? (inForce.get(match.id) ?? new Map()) : new Map<string, boolean>()
    const stated = (line.consents ?? []).filter((c) => current.get(`${c.purpose}|${c.medium}`) !== c.granted)
    for (const c of stated) consents.push({ ...c, customer_id: next.id })
    if (!match) {
      inserts.push(next)
      return created
    }
    const changed = (Object.keys(next) as Array<keyof CustomerState>).some((k) => next[k] !== match[k])
    if (changed) updates.push(next)
    return changed || stated.length > 0 ? updated : unchanged
  })
  const ledger = byLedgerActor(actor)
  if (inserts.length > 0) {
    // An identifier taken meanwhile by another transaction fails the statement: the caller then
    // retries line by line, so that only the line at fault is refused.
    await tx.execute(
      sql`WITH ins AS (
            INSERT INTO customer (id, email, phone, loyalty_card, first_name, last_name, address_line, postcode, city, country)
            SELECT id, email, phone, loyalty_card, first_name, last_name, address_line, postcode, city, country
            FROM ${recordset(inserts)}
            RETURNING id
          ),
          ev AS (${outboxInsertFrom(
            customerEvents,
            'customer.created',
            ledger,
            sql`SELECT id AS aggregate_id, jsonb_build_object('customer_id', id, 'channel_id', null) AS payload
                FROM ins ORDER BY id`,
          )})
          SELECT 1`,
    )
  }
  if (updates.length > 0) {
    await tx.execute(
      sql`UPDATE customer c SET email = x.email, phone = x.phone, loyalty_card = x.loyalty_card,
            first_name = x.first_name, last_name = x.last_name, address_line = x.address_line,
            postcode = x.postcode, city = x.city, country = x.country, updated_at = now()
          FROM ${recordset(updates)}
          WHERE c.id = x.id`,
    )
  }
  if (consents.length > 0) {
    await tx.execute(
      sql`INSERT INTO consent (customer_id, purpose, medium, granted, channel_id, actor)
          SELECT customer_id, purpose, medium, granted, null, ${actor}
          FROM jsonb_to_recordset(${JSON.stringify(consents)}::jsonb)
            AS x(customer_id text, purpose text, medium text, granted boolean)`,
    )
  }
  return outcomes
}

const recordset = (list: CustomerState[]) =>
  sql`jsonb_to_recordset(${JSON.stringify(list)}::jsonb) AS x(id text, email text, phone text,
      loyalty_card text, first_name text, last_name text, address_line text, postcode text, city text, country text)`

/** Consents in force of these customers: `purpose|medium` → granted, by customer id. */
async function consentsInForceOf(q: Executor, ids: string[]): Promise<Map<string, Map<string, boolean>>> {
  const byCustomer = new Map<string, Map<string, boolean>>()
  if (ids.length === 0) return byCustomer
  const found = await rows<{ customer_id: string; purpose: string; medium: string; granted: boolean }>(
    q,
    sql`SELECT DISTINCT ON (customer_id, purpose, medium) customer_id, purpose, medium, granted
        FROM consent WHERE customer_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
        ORDER BY customer_id, purpose, medium, id DESC`,
  )
  for (const c of found) {
    const map = byCustomer.get(c.customer_id) ?? new Map<string, boolean>()
    map.set(`${c.purpose}|${c.medium}`, c.granted)
    byCustomer.set(c.customer_id, map)
  }
  return byCustomer
}

/** A customer as a customer file lists it, with its consents in force (`purpose|medium` → granted). */
export interface CustomerExportRow extends Omit<CustomerState, 'id'> {
  id: string
  consents: Record<string, boolean>
}

/** Live customers (neither merged nor erased) by id after `cursor`, `limit` at a time. */
export async function exportCustomerLines(
  q: Executor,
  cursor: string | null,
  limit: number,
): Promise<ExportPage<CustomerExportRow>> {
  const found = await rows<CustomerState>(
    q,
    sql`SELECT id, email, phone, loyalty_card, first_name, last_name, address_line, postcode, city, country
        FROM customer
        WHERE merged_into IS NULL AND erased_at IS NULL ${cursor === null ? sql`` : sql`AND id > ${cursor}`}
        ORDER BY id LIMIT ${limit}`,
  )
  const consents = await consentsInForceOf(
    q,
    found.map((c) => c.id),
  )
  return {
    rows: found.map((c) => ({ ...c, consents: Object.fromEntries(consents.get(c.id) ?? []) })),
    next: found.length === limit ? found[found.length - 1]!.id : null,
  }
}
