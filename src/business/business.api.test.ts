import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { luhnValid } from './identifiers.domain.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as in the fixture
type Json = Record<string, any>

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let sku: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  sku = await f.product({ priceCents: 2400, stock: { [f.warehouse.id]: 1000 } })
})
afterAll(() => t.close())

/** The digit that makes `body` Luhn-valid. */
function complete(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`
  throw new Error('unreachable')
}

/** A SIRET of its own for each account (the SIRET is unique): a valid SIREN, then a valid SIRET. */
function newSiret(): string {
  const siren = complete(`4${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`)
  return complete(`${siren}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`)
}

const frenchVat = (siren: string) =>
  `FR${String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0')}${siren}`

async function account(over: Json = {}): Promise<Json> {
  const siret = newSiret()
  const res = await as(t.app, t.admin).post('/api/v1/business/accounts', {
    legal_name: `Hôtel du Parc ${unique()}`,
    siret,
    vat_number: frenchVat(siret.slice(0, 9)),
    country: 'FR',
    address_line1: '4 rue de la République',
    postcode: '69002',
    city: 'Lyon',
    payment_terms_days: 30,
    payment_terms_end_of_month: true,
    ...over,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function buyer(accountId: string): Promise<string> {
  const c = await as(t.app, t.admin).post('/api/v1/customers', {
    first_name: 'Inès',
    last_name: `Achats${unique()}`,
    email: `achats.${unique().toLowerCase()}@example.fr`,
  })
  expect(c.statusCode, c.body).toBe(201)
  const res = await as(t.app, t.admin).post(`/api/v1/business/accounts/${accountId}/buyers`, {
    customer_id: c.json().id,
  })
  expect(res.statusCode, res.body).toBe(201)
  return c.json().id
}

const order = (accountId: string, buyerId: string, quantity: number, key = f.keys.callCentre) =>
  as(t.app, key).post(`/api/v1/business/accounts/${accountId}/orders`, {
    buyer_customer_id: buyerId,
    purchase_order_ref: `BC-${unique()}`,
    channel: f.channels.call_centre.code,
    lines: [{ sku, quantity, fulfilment: 'delivery' }],
    delivery_address: address,
  })

describe('business accounts', () => {
  it('a company is opened with its SIRET, its SIREN taken from it and its VAT number checked', async () => {
    const a = await account()
    expect(a.siren).toBe(a.siret.slice(0, 9))
    expect(a.payment_terms).toBe('30 jours fin de mois')
    expect(a.open_cents).toBe(0)
  })

  it('an invalid SIRET, SIREN or VAT number is a 400 naming the field', async () => {
    const admin = as(t.app, t.admin)
    const base = { legal_name: 'X', country: 'FR', address_line1: '1 rue', postcode: '75001', city: 'Paris' }
    const cases: [Json, string][] = [
      [{ siret: '55210055400014' }, 'siret'],
      [{ siren: '552100555' }, 'siren'],
      [{ siren: '552100554', vat_number: 'FR12552100554' }, 'vat_number'],
      [{ siren: '552100554', vat_number: 'DE12345' }, 'vat_number'],
      [{ siren: '552100554', siret: '44306184100047' }, 'siret'],
      [{}, 'siren'],
    ]
    for (const [ids, field] of cases) {
      const res = await admin.post('/api/v1/business/accounts', { ...base, ...ids })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.code).toBe('invalid_input')
      expect(res.json().error.details.field).toBe(field)
    }
  })

  it('a German company gives its VAT number only, and terms beyond the law are refused', async () => {
    const de = await account({ siret: undefined, country: 'DE', vat_number: 'DE123456789' })
    expect(de.siren).toBeNull()
    const res = await as(t.app, t.admin).post('/api/v1/business/accounts', {
      legal_name: 'Y',
      siret: newSiret(),
      country: 'FR',
      address_line1: '1 rue',
      postcode: '75001',
      city: 'Paris',
      payment_terms_days: 50,
      payment_terms_end_of_month: true,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('payment_terms_days')
  })

  it('one SIRET is one account; several buyers order under it, a buyer under one account only', async () => {
    const a = await account()
    const again = await as(t.app, t.admin).post('/api/v1/business/accounts', {
      legal_name: 'Doublon',
      siret: a.siret,
      country: 'FR',
      address_line1: '1 rue',
      postcode: '75001',
      city: 'Paris',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('business_account_exists')
    const b1 = await buyer(a.id)
    await buyer(a.id)
    const read = await as(t.app, f.keys.callCentre).get(`/api/v1/business/accounts/${a.id}`)
    expect(read.json().buyers).toHaveLength(2)
    const other = await account()
    const res = await as(t.app, t.admin).post(`/api/v1/business/accounts/${other.id}/buyers`, {
      customer_id: b1,
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('buyer_of_another_account')
  })
})

describe('business orders', () => {
  it('the call centre orders at the account’s B2B prices, by quantity break, on its terms', async () => {
    const list = await as(t.app, t.admin).post('/api/v1/business/price-lists', {
      code: `B2B-${unique()}`,
      name: 'Hôtellerie',
    })
    expect(list.statusCode, list.body).toBe(201)
    const put = await as(t.app, t.admin).put(`/api/v1/business/price-lists/${list.json().code}/prices`, {
      prices: [
        { sku, min_quantity: 1, unit_price_excl_cents: 1800 },
        { sku, min_quantity: 10, unit_price_excl_cents: 1500 },
      ],
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json().prices).toHaveLength(2)
    const a = await account({ price_list: list.json().code, credit_limit_cents: 100_000 })
    const b = await buyer(a.id)

    const few = await order(a.id, b, 2)
    expect(few.statusCode, few.body).toBe(201)
    expect(few.json().lines[0]).toMatchObject({ unit_price_excl_cents: 1800, total_cents: 4320 })
    const many = await order(a.id, b, 10)
    expect(many.statusCode, many.body).toBe(201)
    expect(many.json()).toMatchObject({ total_cents: 18000, vat_cents: 3000, total_excl_cents: 15000 })
    expect(many.json().payment_terms).toBe('30 jours fin de mois')

    const placed = await as(t.app, t.admin).get(`/api/v1/orders/${many.json().order_id}`)
    expect(placed.json()).toMatchObject({ status: 'placed', total_cents: 18000, balance_due_cents: 18000 })
    const read = await as(t.app, t.admin).get(`/api/v1/business/accounts/${a.id}`)
    expect(read.json()).toMatchObject({ open_cents: 22320, credit_available_cents: 100_000 - 22320 })
  })

  it('an order over the credit limit is refused with the limit and the open amount', async () => {
    const a = await account({ credit_limit_cents: 10_000 })
    const b = await buyer(a.id)
    expect((await order(a.id, b, 3)).statusCode).toBe(201) // 7,200 open
    const res = await order(a.id, b, 2) // 4,800 more
    expect(res.statusCode, res.body).toBe(422)
    expect(res.json().error.code).toBe('credit_limit_exceeded')
    expect(res.json().error.details).toMatchObject({
      credit_limit_cents: 10_000,
      open_cents: 7_200,
      order_cents: 4_800,
      available_cents: 2_800,
    })
    expect((await order(a.id, b, 1)).statusCode).toBe(201)
  })

  it('two orders at once cannot both slip under the limit', async () => {
    const a = await account({ credit_limit_cents: 10_000 })
    const b = await buyer(a.id)
    const both = await Promise.all([order(a.id, b, 3), order(a.id, b, 3)])
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 422])
    const read = await as(t.app, t.admin).get(`/api/v1/business/accounts/${a.id}`)
    expect(read.json().open_cents).toBe(7_200)
  })

  it('only a buyer of the account orders for it; a web shop key may not use business orders', async () => {
    const a = await account()
    const other = await account()
    const b = await buyer(other.id)
    const res = await order(a.id, b, 1)
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('not_a_buyer')
    expect((await order(a.id, b, 1, f.keys.web)).statusCode).toBe(403)
  })

  it('a retried order with the same Idempotency-Key places one order', async () => {
    const a = await account()
    const b = await buyer(a.id)
    const body = {
      buyer_customer_id: b,
      channel: f.channels.call_centre.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
    }
    const key = { 'idempotency-key': unique() }
    const first = await as(t.app, f.keys.callCentre).post(
      `/api/v1/business/accounts/${a.id}/orders`,
      body,
      key,
    )
    const second = await as(t.app, f.keys.callCentre).post(
      `/api/v1/business/accounts/${a.id}/orders`,
      body,
      key,
    )
    expect(first.statusCode, first.body).toBe(201)
    expect(second.json().order_id).toBe(first.json().order_id)
    expect((await as(t.app, t.admin).get(`/api/v1/business/accounts/${a.id}`)).json().open_cents).toBe(2400)
  })
})
