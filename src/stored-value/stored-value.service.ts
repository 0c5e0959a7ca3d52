import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { getCustomer } from '../customers/index.ts'
import { type Executor, rows, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import type { IssueGiftCardBody, IssueStoreCreditBody } from './stored-value.contract.ts'
import {
  defaultValidityDays,
  expiryFrom,
  newStoredValueCode,
  normaliseStoredValueCode,
} from './stored-value.domain.ts'
import { conflict, notFound, refused } from './stored-value.errors.ts'
import type { StoredValueKind, storedValueSources } from './stored-value.schema.ts'

export interface IssueInput {
  kind: StoredValueKind
  amountCents: number
  customerId: string | null
  expiresAt: Date | null
  source: (typeof storedValueSources)[number]
  /** Makes the issue idempotent: one account per (kind, reference) of an issue entry. */
  reference: string
  actor: string
  reason?: string
  sourceOrderId?: string
  sourceReturnId?: string
}

export interface StoredValueView {
  id: string
  kind: string
  code: string
  customer_id: string | null
  balance_cents: number
  issued_cents: number
  expires_at: string | null
  source: string
}

interface AccountRow {
  id: string
  kind: StoredValueKind
  code: string
  customer_id: string | null
  balance_cents: number
  issued_cents: number
  expires_at: Date | null
  source: string
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

function view(a: AccountRow): StoredValueView {
  return {
    id: a.id,
    kind: a.kind,
    code: a.code,
    customer_id: a.customer_id,
    balance_cents: a.balance_cents,
    issued_cents: a.issued_cents,
    expires_at: iso(a.expires_at),
    source: a.source,
  }
}

/** A new gift card, credit note or voucher with its code, and the ledger entry that issued it. */
export async function issueStoredValue(tx: Tx, input: IssueInput): Promise<StoredValueView> {
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) {
    throw invalidInput('amount_cents', 'must be a positive number of cents')
  }
  const id = newId('sva')
  const code = newStoredValueCode(input.kind)
  const [account] = await rows<AccountRow>(
    tx,
    sql`WITH a AS (
          INSERT INTO stored_value_account (id, kind, code, customer_id, issued_cents, balance_cents, expires_at,
                                            source, source_order_id, source_return_id, issued_by)
          VALUES (${id}, ${input.kind}, ${code}, ${input.customerId}, ${input.amountCents}, ${input.amountCents},
                  ${iso(input.expiresAt)}::timestamptz, ${input.source}, ${input.sourceOrderId ?? null},
                  ${input.sourceReturnId ?? null}, ${input.actor})
          RETURNING *
        ),
        e AS (
          INSERT INTO stored_value_entry (account_id, kind, amount_cents, order_id, return_id, reference, reason, actor)
          SELECT id, 'issue', issued_cents, source_order_id, source_return_id, ${input.reference}, ${input.reason ?? null}, ${input.actor}
          FROM a
        )
        SELECT id, kind, code, customer_id, balance_cents, issued_cents, expires_at, source FROM a`,
  )
  return view(account!)
}

export interface Redemption {
  method: StoredValueKind
  code: string
  amountCents: number
  /** The payment the redemption pays: one redemption per payment, whatever the retries. */
  paymentId: string
  field: string
}

/**
 * Spends stored value for an order's payments: one guarded update per tender (never below zero,
 * never after expiry, never a code of another kind), so two tills spending the same card at the same
 * moment cannot both take its last euros.
 */
export async function redeemStoredValue(tx: Tx, orderId: string, redemptions: Redemption[], actor: string) {
  for (const r of redemptions) {
    const [spent] = await rows<{ balance_cents: number }>(
      tx,
      sql`WITH a AS (
            UPDATE stored_value_account SET balance_cents = balance_cents - ${r.amountCents}, updated_at = now()
            WHERE code = ${r.code} AND kind = ${r.method} AND balance_cents >= ${r.amountCents}
              AND (expires_at IS NULL OR expires_at > now())
            RETURNING id, balance_cents
          ),
          e AS (
            INSERT INTO stored_value_entry (account_id, kind, amount_cents, order_id, reference, actor)
            SELECT id, 'redeem', ${-r.amountCents}, ${orderId}, ${r.paymentId}, ${actor} FROM a
          )
          SELECT balance_cents FROM a`,
    )
    if (!spent) await explainRefusedRedemption(tx, r)
  }
}

async function explainRefusedRedemption(q: Executor, r: Redemption): Promise<never> {
  const [a] = await rows<AccountRow>(q, sql`SELECT * FROM stored_value_account WHERE code = ${r.code}`)
  const field = `${r.field}/reference`
  if (!a || a.kind !== r.method) {
    throw invalidInput(field, `no ${r.method.replace('_', ' ')} with code ${r.code}`)
  }
  if (a.expires_at && new Date(a.expires_at) <= new Date()) {
    throw refused('stored_value_expired', `${r.code} expired on ${iso(a.expires_at)!.slice(0, 10)}.`, {
      field,
      expired_at: iso(a.expires_at),
    })
  }
  throw conflict(
    'insufficient_balance',
    `${r.code} holds ${(a.balance_cents / 100).toFixed(2)} €; ${(r.amountCents / 100).toFixed(2)} € was asked.`,
    { field, balance_cents: a.balance_cents, requested_cents: r.amountCents },
  )
}

/**
 * Gives value back to the card, credit note or voucher a payment came from, once per refund payment.
 * A card that has expired since is not revived: null, and the caller gives the value another way.
 */
export async function creditStoredValue(
  tx: Tx,
  input: {
    code: string
    amountCents: number
    orderId: string
    returnId: string | null
    refundId: string
    actor: string
  },
): Promise<{ method: StoredValueKind; code: string } | null> {
  const [credited] = await rows<{ method: StoredValueKind; code: string }>(
    tx,
    sql`WITH a AS (
          UPDATE stored_value_account SET balance_cents = balance_cents + ${input.amountCents}, updated_at = now()
          WHERE code = ${input.code} AND (expires_at IS NULL OR expires_at > now())
          RETURNING id, kind, code
        ),
        e AS (
          INSERT INTO stored_value_entry (account_id, kind, amount_cents, order_id, return_id, reference, actor)
          SELECT id, 'refund', ${input.amountCents}, ${input.orderId}, ${input.returnId}, ${input.refundId}, ${input.actor}
          FROM a
        )
        SELECT kind AS method, code FROM a`,
  )
  return credited ?? null
}

/** The balance and validity of a code, and its movements for staff (a web shop only sees the balance). */
export async function readStoredValue(q: Executor, actor: Actor, input: string) {
  const code = normaliseStoredValueCode(input, 'code')
  const [account] = await rows<AccountRow>(q, sql`SELECT * FROM stored_value_account WHERE code = ${code}`)
  if (!account) throw notFound('stored_value', code)
  const base = {
    ...view(account),
    expired: account.expires_at !== null && new Date(account.expires_at) <= new Date(),
  }
  if (actor.role === 'channel') return { ...base, customer_id: null, entries: [] }
  const entries = await rows<{
    id: number
    kind: string
    amount_cents: number
    order_id: string | null
    return_id: string | null
    reason: string | null
    actor: string | null
    created_at: Date
  }>(
    q,
    sql`SELECT id::int AS id, kind, amount_cents, order_id, return_id, reason, actor, created_at
        FROM stored_value_entry WHERE account_id = ${account.id} ORDER BY id DESC LIMIT 100`,
  )
  return { ...base, entries: entries.map((e) => ({ ...e, created_at: iso(e.created_at)! })) }
}

/** Who may hand out value: a gift card sold at a till or by the call centre, or a goodwill credit. */
export function assertMayIssue(actor: Actor, kind: StoredValueKind) {
  if (actor.role === 'channel') throw forbidden('A web shop sells gift cards through an order, not directly.')
  if (kind !== 'gift_card' && actor.role === 'store_staff' && !actor.manager) {
    throw forbidden('A goodwill credit note is issued by a store manager, the call centre or head office.')
  }
}

/** The customer's live cards, credit notes and vouchers (with a balance), newest first. */
export async function customerStoredValue(q: Executor, customerId: string) {
  const accounts = await rows<AccountRow>(
    q,
    sql`SELECT * FROM stored_value_account WHERE customer_id = ${customerId} AND balance_cents > 0
        ORDER BY id DESC LIMIT 50`,
  )
  return accounts.map(view)
}

/**
 * Value left on expired cards, credit notes and vouchers leaves the balance, with an `expire` entry
 * per account. One statement; a second run finds nothing left to expire.
 */
export async function expireStoredValue(q: Executor, now = new Date()): Promise<number> {
  const expired = await rows<{ id: string }>(
    q,
    sql`WITH a AS (
          SELECT id, balance_cents FROM stored_value_account
          WHERE expires_at <= ${now.toISOString()}::timestamptz AND balance_cents > 0
          ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED
        ),
        u AS (
          UPDATE stored_value_account s SET balance_cents = 0, updated_at = now() FROM a WHERE s.id = a.id
          RETURNING s.id
        ),
        e AS (
          INSERT INTO stored_value_entry (account_id, kind, amount_cents, reference, reason, actor)
          SELECT a.id, 'expire', -a.balance_cents, 'expiry', 'validity ended', 'system' FROM a
        )
        SELECT id FROM u`,
  )
  return expired.length
}

/** A gift card sold or a goodwill credit note, issued by a member of staff allowed to. */
async function issueByHand(
  tx: Tx,
  actor: Actor,
  kind: 'gift_card' | 'store_credit',
  source: 'sale' | 'goodwill',
  body: { amount_cents: number; customer_id?: string; validity_days?: number },
  reason: string,
) {
  assertMayIssue(actor, kind)
  const customer = body.customer_id ? await getCustomer(tx, body.customer_id) : null
  return issueStoredValue(tx, {
    kind,
    amountCents: body.amount_cents,
    customerId: customer?.id ?? null,
    expiresAt: expiryFrom(new Date(), body.validity_days ?? defaultValidityDays),
    source,
    reference: newId('sva'),
    actor: actor.keyId,
    reason,
  })
}

/** A gift card sold at a till: the sale's payment is its reason. */
export function sellGiftCard(tx: Tx, actor: Actor, body: Static<typeof IssueGiftCardBody>) {
  const paid = `paid by ${body.paid_with}`
  const ref = body.payment_reference ? ` (${body.payment_reference})` : ''
  return issueByHand(tx, actor, 'gift_card', 'sale', body, `${paid}${ref}`)
}

/** A goodwill credit note, with the reason staff gave. */
export function grantStoreCredit(tx: Tx, actor: Actor, body: Static<typeof IssueStoreCreditBody>) {
  return issueByHand(tx, actor, 'store_credit', 'goodwill', body, body.reason)
}
