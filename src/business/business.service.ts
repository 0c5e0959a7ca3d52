import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { getCustomer } from '../customers/index.ts'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { franchiseeRefs } from '../franchise/index.ts'
import { placeOrder, quoteOrder } from '../orders/index.ts'
import type { Actor } from '../shared/actor.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import type {
  Account,
  AccountIn,
  AccountPatch,
  BusinessOrder,
  BusinessOrderIn,
  PriceList,
  PricesIn,
} from './business.contract.ts'
import {
  businessLine,
  creditCheck,
  type PaymentTerms,
  type PriceBreak,
  termsLabel,
  termsProblem,
} from './business.domain.ts'
import { conflict, notFound, refused } from './business.errors.ts'
import { checkVatNumber, compact, validSiren, validSiret } from './identifiers.domain.ts'

type AccountView = Static<typeof Account>

interface AccountRow {
  id: string
  legal_name: string
  siren: string | null
  siret: string | null
  vat_number: string | null
  country: string
  address_line1: string
  postcode: string
  city: string
  email: string | null
  payment_terms_days: number
  payment_terms_end_of_month: boolean
  credit_limit_cents: number | string | null
  price_list_id: string | null
  franchisee_id: string | null
  invoicing: string
  created_at: Date | string
}

/** The company identity, normalised and checked: each bad identifier is a 400 naming its field. */
export function checkedIdentity(input: {
  siren?: string
  siret?: string
  vat_number?: string
  country: string
}) {
  const siret = input.siret === undefined ? null : compact(input.siret)
  if (siret !== null && !validSiret(siret)) {
    throw invalidInput('siret', 'is not a valid SIRET (14 digits with a Luhn check digit)')
  }
  let siren = input.siren === undefined ? null : compact(input.siren)
  if (siren !== null && !validSiren(siren)) {
    throw invalidInput('siren', 'is not a valid SIREN (9 digits with a Luhn check digit)')
  }
  if (siren !== null && siret !== null && !siret.startsWith(siren)) {
    throw invalidInput('siret', 'does not begin with the SIREN of the company')
  }
  siren ??= siret?.slice(0, 9) ?? null
  if (input.country === 'FR' && siren === null) {
    throw invalidInput('siren', 'a French company is identified by its SIREN or SIRET')
  }
  const vat = input.vat_number === undefined ? null : compact(input.vat_number)
  if (vat !== null) {
    const check = checkVatNumber(vat, siren)
    if (!check.ok) throw invalidInput('vat_number', check.reason)
  }
  return { siren, siret, vat }
}

function checkedTerms(t: PaymentTerms) {
  const problem = termsProblem(t)
  if (problem) throw invalidInput('payment_terms_days', problem)
  return t
}

const priceListRef = async (q: Executor, ref: string, field: string) => {
  const [row] = await rows<{ id: string }>(
    q,
    sql`SELECT id FROM business_price_list WHERE id = ${ref} OR code = ${ref}`,
  )
  if (!row) throw invalidInput(field, `no B2B price list with id or code ${ref}`)
  return row.id
}

export async function createAccount(tx: Tx, input: Static<typeof AccountIn>): Promise<AccountView> {
  const { siren, siret, vat } = checkedIdentity(input)
  const terms = checkedTerms({
    days: input.payment_terms_days ?? 30,
    endOfMonth: input.payment_terms_end_of_month ?? false,
  })
  const priceListId = input.price_list ? await priceListRef(tx, input.price_list, 'price_list') : null
  const franchiseeId = input.franchisee_id
    ? await franchiseeRefs.existingId(tx, input.franchisee_id, 'franchisee_id')
    : null
  const id = newId('bac')
  const [row] = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO business_account (id, legal_name, siren, siret, vat_number, country, address_line1, postcode,
          city, email, payment_terms_days, payment_terms_end_of_month, credit_limit_cents, price_list_id,
          franchisee_id, invoicing)
        VALUES (${id}, ${input.legal_name}, ${siren}, ${siret}, ${vat}, ${input.country}, ${input.address_line1},
          ${input.postcode}, ${input.city}, ${input.email ?? null}, ${terms.days}, ${terms.endOfMonth},
          ${input.credit_limit_cents ?? null}, ${priceListId}, ${franchiseeId}, ${input.invoicing ?? 'per_order'})
        ON CONFLICT (siret) WHERE siret IS NOT NULL DO NOTHING
        RETURNING id`,
  )
  if (!row) throw conflict('business_account_exists', `An account already bills the SIRET ${siret}.`)
  return getAccount(tx, id)
}

export async function updateAccount(tx: Tx, id: string, patch: Static<typeof AccountPatch>) {
  const current = await accountRow(tx, id, true)
  const terms = checkedTerms({
    days: patch.payment_terms_days ?? current.payment_terms_days,
    endOfMonth: patch.payment_terms_end_of_month ?? current.payment_terms_end_of_month,
  })
  const priceListId =
    patch.price_list === undefined
      ? current.price_list_id
      : patch.price_list === null
        ? null
        : await priceListRef(tx, patch.price_list, 'price_list')
  const limit = patch.credit_limit_cents === undefined ? current.credit_limit_cents : patch.credit_limit_cents
  await tx.execute(
    sql`UPDATE business_account SET payment_terms_days = ${terms.days},
          payment_terms_end_of_month = ${terms.endOfMonth}, credit_limit_cents = ${limit},
          price_list_id = ${priceListId}, invoicing = ${patch.invoicing ?? current.invoicing}, updated_at = now()
        WHERE id = ${id}`,
  )
  return getAccount(tx, id)
}

async function accountRow(q: Executor, id: string, lock = false): Promise<AccountRow> {
  const [row] = await rows<AccountRow>(
    q,
    lock
      ? sql`SELECT * FROM business_account WHERE id = ${id} FOR UPDATE`
      : sql`SELECT * FROM business_account WHERE id = ${id}`,
  )
  if (!row) throw notFound('business_account', id)
  return row
}

/**
 * What the account owes, VAT included: its invoices' outstanding amounts (less payments and credit
 * notes), and the orders no invoice bills yet, cancelled orders excluded.
 */
export async function openAmount(q: Executor, accountId: string): Promise<number> {
  const [row] = await rows<{ open: string | number }>(
    q,
    sql`SELECT
          (SELECT coalesce(sum(greatest(0, o.total_cents - o.paid_cents)), 0)
           FROM business_order b JOIN orders o ON o.id = b.order_id
           WHERE b.account_id = ${accountId} AND o.status NOT IN ('cancelled', 'expired', 'draft')
             AND NOT EXISTS (SELECT 1 FROM invoice_order io WHERE io.order_id = b.order_id))
        + (SELECT coalesce(sum(greatest(0, i.total_cents - i.paid_cents
                  - (SELECT coalesce(sum(c.total_cents), 0) FROM invoice c WHERE c.corrects_invoice_id = i.id))), 0)
           FROM invoice i WHERE i.account_id = ${accountId} AND i.kind = 'invoice') AS open`,
  )
  return Number(row?.open ?? 0)
}

const terms = (a: AccountRow): PaymentTerms => ({
  days: a.payment_terms_days,
  endOfMonth: a.payment_terms_end_of_month,
})

function summary(a: AccountRow, open: number): Omit<AccountView, 'buyers'> {
  const limit = a.credit_limit_cents === null ? null : Number(a.credit_limit_cents)
  return {
    id: a.id,
    legal_name: a.legal_name,
    siren: a.siren,
    siret: a.siret,
    vat_number: a.vat_number,
    country: a.country,
    address_line1: a.address_line1,
    postcode: a.postcode,
    city: a.city,
    email: a.email,
    payment_terms_days: a.payment_terms_days,
    payment_terms_end_of_month: a.payment_terms_end_of_month,
    payment_terms: termsLabel(terms(a)),
    credit_limit_cents: limit,
    open_cents: open,
    credit_available_cents: limit === null ? null : limit - open,
    price_list_id: a.price_list_id,
    franchisee_id: a.franchisee_id,
    invoicing: a.invoicing,
    created_at: new Date(a.created_at).toISOString(),
  }
}

export async function getAccount(q: Executor, id: string): Promise<AccountView> {
  const a = await accountRow(q, id)
  const buyers = await rows<{ customer_id: string }>(
    q,
    sql`SELECT customer_id FROM business_buyer WHERE account_id = ${id} ORDER BY created_at, customer_id`,
  )
  return { ...summary(a, await openAmount(q, id)), buyers }
}

export async function listAccounts(q: Executor, filter: { q?: string }, limit: number, cursor?: string) {
  const like = filter.q ? `%${filter.q.toLowerCase()}%` : null
  const list = await rows<AccountRow>(
    q,
    sql`SELECT * FROM business_account
        WHERE (${cursor ?? null}::text IS NULL OR id > ${cursor ?? null})
          AND (${like}::text IS NULL OR lower(legal_name) LIKE ${like} OR siren = ${filter.q ?? null}
               OR siret = ${filter.q ?? null})
        ORDER BY id LIMIT ${limit + 1}`,
  )
  return Promise.all(list.map(async (a) => summary(a, await openAmount(q, a.id))))
}

export async function addBuyer(tx: Tx, accountId: string, customerId: string): Promise<AccountView> {
  await accountRow(tx, accountId)
  await getCustomer(tx, customerId)
  const [row] = await rows<{ account_id: string }>(
    tx,
    sql`INSERT INTO business_buyer (customer_id, account_id) VALUES (${customerId}, ${accountId})
        ON CONFLICT (customer_id) DO UPDATE SET updated_at = business_buyer.updated_at
        RETURNING account_id`,
  )
  if (row?.account_id !== accountId) {
    throw conflict('buyer_of_another_account', 'This customer already buys for another business account.')
  }
  return getAccount(tx, accountId)
}

export async function createPriceList(tx: Tx, input: { code: string; name: string }) {
  const id = newId('bpl')
  const [row] = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO business_price_list (id, code, name) VALUES (${id}, ${input.code}, ${input.name})
        ON CONFLICT (code) DO NOTHING RETURNING id`,
  )
  if (!row) throw conflict('price_list_exists', `A B2B price list already has the code ${input.code}.`)
  return getPriceList(tx, id)
}

/** Replaces every break of the SKUs named by the breaks given, in one statement. */
export async function putPrices(tx: Tx, ref: string, input: Static<typeof PricesIn>) {
  const list = await getPriceList(tx, ref)
  const seen = new Set<string>()
  input.prices.forEach((p, i) => {
    const k = `${p.sku}\u0000${p.min_quantity}`
    if (seen.has(k)) throw invalidInput(`prices/${i}/min_quantity`, 'is given twice for this SKU')
    seen.add(k)
  })
  const skus = [...new Set(input.prices.map((p) => p.sku))]
  const skuList = sql.join(
    skus.map((s) => sql`${s}`),
    sql`, `,
  )
  await tx.execute(sql`DELETE FROM business_price WHERE price_list_id = ${list.id} AND sku IN (${skuList})`)
  const values = sql.join(
    input.prices.map((p) => sql`(${list.id}, ${p.sku}, ${p.min_quantity}, ${p.unit_price_excl_cents})`),
    sql`, `,
  )
  await tx.execute(
    sql`INSERT INTO business_price (price_list_id, sku, min_quantity, unit_price_excl_cents) VALUES ${values}`,
  )
  return getPriceList(tx, list.id)
}

export async function getPriceList(q: Executor, ref: string): Promise<Static<typeof PriceList>> {
  const [list] = await rows<{ id: string; code: string; name: string; currency: string }>(
    q,
    sql`SELECT id, code, name, currency FROM business_price_list WHERE id = ${ref} OR code = ${ref}`,
  )
  if (!list) throw notFound('price_list', ref)
  const prices = await rows<{ sku: string; min_quantity: number; unit_price_excl_cents: number }>(
    q,
    sql`SELECT sku, min_quantity, unit_price_excl_cents FROM business_price
        WHERE price_list_id = ${list.id} ORDER BY sku, min_quantity`,
  )
  return { ...list, prices }
}

async function breaksOf(q: Executor, priceListId: string | null, skus: string[]): Promise<PriceBreak[]> {
  if (!priceListId || skus.length === 0) return []
  const found = await rows<{ sku: string; min_quantity: number; unit_price_excl_cents: number }>(
    q,
    sql`SELECT sku, min_quantity, unit_price_excl_cents FROM business_price
        WHERE price_list_id = ${priceListId} AND sku IN (${sql.join(
          skus.map((s) => sql`${s}`),
          sql`, `,
        )})`,
  )
  return found.map((r) => ({
    sku: r.sku,
    minQuantity: r.min_quantity,
    unitPriceExclCents: r.unit_price_excl_cents,
  }))
}

/**
 * An order for a business account, on its terms: the account is locked (two orders at once cannot
 * both fit under the limit), the channel prices the basket, the account's B2B prices replace them
 * line by line (the difference is the line's discount), the credit limit is checked against what
 * the account already owes, and the order is placed unpaid, in the same transaction.
 */
export async function placeBusinessOrder(
  tx: Tx,
  actor: Actor,
  accountId: string,
  input: Static<typeof BusinessOrderIn>,
): Promise<Static<typeof BusinessOrder>> {
  const account = await accountRow(tx, accountId, true)
  const [buyer] = await rows<{ account_id: string }>(
    tx,
    sql`SELECT account_id FROM business_buyer WHERE customer_id = ${input.buyer_customer_id}`,
  )
  if (buyer?.account_id !== accountId) {
    throw refused('not_a_buyer', 'This customer is not a buyer of the account: add them as a buyer first.')
  }
  const orderInput = {
    channel: input.channel,
    customer_id: input.buyer_customer_id,
    lines: input.lines,
    ...(input.delivery_address ? { delivery_address: input.delivery_address } : {}),
  }
  const quote = await quoteOrder(tx, actor, orderInput)
  const breaks = await breaksOf(
    tx,
    account.price_list_id,
    quote.lines.map((l) => l.sku),
  )
  const priced = quote.lines.map((l, i) => {
    const line = businessLine(
      { sku: l.sku, quantity: l.quantity, unitPriceCents: l.unit_price_cents, vatRate: l.vat_rate },
      breaks,
    )
    if (!line) {
      throw refused(
        'business_price_above_list',
        `lines/${i}: the account's price for ${l.sku} is above the channel's price.`,
        { field: `lines/${i}/sku` },
      )
    }
    return line
  })
  const orderCents = priced.reduce((s, l) => s + l.totalCents, 0)
  const open = await openAmount(tx, accountId)
  const limit = account.credit_limit_cents === null ? null : Number(account.credit_limit_cents)
  const credit = creditCheck(limit, open, orderCents)
  if (!credit.ok) {
    throw refused(
      'credit_limit_exceeded',
      `This order (${orderCents} cents) would take the account over its credit limit of ${limit} cents: ` +
        `it owes ${open} cents already.`,
      {
        credit_limit_cents: limit,
        open_cents: open,
        order_cents: orderCents,
        available_cents: credit.available,
      },
    )
  }
  const placed = await placeOrder(
    tx,
    actor,
    {
      ...orderInput,
      on_account: true,
      lines: input.lines.map((l, i) => ({ ...l, discount_cents: priced[i]!.discountCents })),
    },
    null,
  )
  if (placed.replay) throw new Error('an order without Idempotency-Key cannot be a replay')
  const order = placed.body
  await tx.execute(
    sql`INSERT INTO business_order (order_id, account_id, buyer_customer_id, purchase_order_ref)
        VALUES (${order.id}, ${accountId}, ${input.buyer_customer_id}, ${input.purchase_order_ref ?? null})`,
  )
  return {
    order_id: order.id,
    order_number: order.number,
    account_id: accountId,
    buyer_customer_id: input.buyer_customer_id,
    purchase_order_ref: input.purchase_order_ref ?? null,
    total_cents: order.total_cents,
    vat_cents: order.vat_cents,
    total_excl_cents: order.total_cents - order.vat_cents,
    lines: order.lines.map((l, i) => ({
      sku: l.sku,
      quantity: l.quantity,
      unit_price_excl_cents: priced[i]!.unitPriceExclCents,
      total_cents: l.total_cents,
    })),
    payment_terms: termsLabel(terms(account)),
    open_cents: open + order.total_cents,
  }
}
