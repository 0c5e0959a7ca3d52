import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { settle } from '../testing/settle.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let sku: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  sku = await f.product({ stock: { [f.store.id]: 50, [f.warehouse.id]: 50 } })
})
afterAll(() => t.close())

async function customer(body: Record<string, unknown>) {
  const res = await as(t.app, t.admin).post('/api/v1/customers', body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string }
}

/** One person known twice: at the till by phone as Hélène, on the web by e-mail as Helene. */
async function twins() {
  const last = `Lefèvre${unique()}`
  const phone = `+3361${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
  const store = await customer({
    first_name: 'Hélène',
    last_name: last,
    postcode: '69003',
    address_line: '12 rue Paul Bert',
    phone,
  })
  const web = await customer({
    first_name: 'Helene',
    last_name: last.toUpperCase(),
    postcode: '69003',
    address_line: '12, rue-Paul-Bert',
    email: `helene.${unique().toLowerCase()}@example.fr`,
  })
  return { store, web, phone }
}

describe('one customer across channels', () => {
  it('finds the two profiles of one person and merges them into one 360 view', async () => {
    const { store, web, phone } = await twins()
    const till = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      customer_id: store.id,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(till.statusCode, till.body).toBe(201)
    await settle(t.database.db) // the till sale earns a moment after it completes
    const online = await as(t.app, f.keys.web).post(
      '/api/v1/orders',
      {
        channel: f.channels.web.code,
        customer_id: web.id,
        lines: [{ sku, quantity: 2, fulfilment: 'delivery' }],
        delivery_address: address,
        payments: [{ method: 'card', amount_cents: 3998 }],
      },
      await f.webLogin(web.id),
    )
    expect(online.statusCode, online.body).toBe(201)

    const dupes = (await as(t.app, f.keys.callCentre).get('/api/v1/customers/duplicates')).json()
    const pair = dupes.data.find((d: { customers: Array<{ id: string }> }) =>
      d.customers.some((c) => c.id === store.id),
    )
    expect(pair.customers.map((c: { id: string }) => c.id).sort()).toEqual([store.id, web.id].sort())
    expect(pair.score).toBeGreaterThanOrEqual(90)
    expect(pair.evidence.join(' ')).toContain('accents and case')

    const note = await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${web.id}/notes`, {
      body: 'Appelle pour un retard de livraison.',
    })
    expect(note.statusCode, note.body).toBe(201)
    await as(t.app, t.admin).post(`/api/v1/customers/${web.id}/loyalty/adjustments`, {
      points: 70,
      reason: 'web',
    })
    const merged = await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${store.id}/merge`, {
      absorbed_id: web.id,
    })
    expect(merged.statusCode, merged.body).toBe(200)
    expect(merged.json()).toMatchObject({ id: store.id, phone, email: expect.stringContaining('helene.') })

    const view = (await as(t.app, f.keys.store).get(`/api/v1/customers/${store.id}/360`)).json()
    expect(view.orders.map((o: { id: string }) => o.id).sort()).toEqual(
      [till.json().id, online.json().id].sort(),
    )
    expect(view.channels.map((c: { channel_code: string }) => c.channel_code).sort()).toEqual(
      [f.channels.store.code, f.channels.web.code].sort(),
    )
    expect(view.channels.reduce((n: number, c: { spent_cents: number }) => n + c.spent_cents, 0)).toBe(5997)
    expect(view.notes).toMatchObject([{ body: 'Appelle pour un retard de livraison.' }])
    expect(view.merged_profiles).toMatchObject([{ id: web.id }])
    // Loyalty of both profiles is summed: the till sale earned 19 points, the web profile had 70.
    expect(view.loyalty.balance).toBe(19 + 70)
    // Bought in two channels; the till sale makes the Lyon store the most visited.
    expect(view.profile.preferred_channels).toHaveLength(2)
    expect(view.profile.home_store).toMatchObject({ store_id: f.store.id, rule: 'most_visited' })
    // The absorbed id still answers, with the surviving profile; new orders for it land there.
    expect((await as(t.app, t.admin).get(`/api/v1/customers/${web.id}`)).json().id).toBe(store.id)
    const later = await as(t.app, f.keys.web).post(
      '/api/v1/orders',
      {
        channel: f.channels.web.code,
        customer_id: web.id,
        lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
        delivery_address: address,
        payments: [{ method: 'card', amount_cents: 1999 }],
      },
      // The shopper still logs in with the web account, now the merged profile's.
      await f.webLogin(web.id),
    )
    expect(later.json().customer_id, later.body).toBe(store.id)
    // The pair is no longer listed.
    const after = (await as(t.app, t.admin).get('/api/v1/customers/duplicates')).json()
    expect(
      after.data.some((d: { customers: Array<{ id: string }> }) => d.customers.some((c) => c.id === web.id)),
    ).toBe(false)
  })

  it('refuses to merge twice, into itself, or by a store key, and writes nothing', async () => {
    const { store, web } = await twins()
    const self = await as(t.app, t.admin).post(`/api/v1/customers/${store.id}/merge`, {
      absorbed_id: store.id,
    })
    expect(self.statusCode).toBe(400)
    expect(self.json().error.details.field).toBe('absorbed_id')
    const byStore = await as(t.app, f.keys.store).post(`/api/v1/customers/${store.id}/merge`, {
      absorbed_id: web.id,
    })
    expect(byStore.statusCode).toBe(403)
    const unknown = await as(t.app, t.admin).post(`/api/v1/customers/${store.id}/merge`, {
      absorbed_id: 'cus_nobody',
    })
    expect(unknown.statusCode).toBe(400)
    const first = await as(t.app, t.admin).post(`/api/v1/customers/${store.id}/merge`, {
      absorbed_id: web.id,
    })
    expect(first.statusCode).toBe(200)
    const again = await as(t.app, t.admin).post(`/api/v1/customers/${store.id}/merge`, {
      absorbed_id: web.id,
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('already_merged')
  })

  it('two merges of the same profile at once: exactly one succeeds', async () => {
    const { store, web } = await twins()
    const other = await customer({
      first_name: 'Paul',
      last_name: `X${unique()}`,
      postcode: '75001',
      email: `paul.${unique().toLowerCase()}@example.fr`,
    })
    const both = await Promise.all([
      as(t.app, t.admin).post(`/api/v1/customers/${store.id}/merge`, { absorbed_id: web.id }),
      as(t.app, t.admin).post(`/api/v1/customers/${other.id}/merge`, { absorbed_id: web.id }),
    ])
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })

  it('an anonymous till sale is attached later by the phone the shopper gives', async () => {
    const { store, phone } = await twins()
    const sale = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(sale.json().customer_id).toBeNull()
    const typed = `0${phone.slice(3, 4)} ${phone.slice(4, 6)} ${phone.slice(6, 8)} ${phone.slice(8, 10)} ${phone.slice(10)}`
    const attached = await as(t.app, f.keys.store).post(`/api/v1/orders/${sale.json().id}/customer`, {
      phone: typed,
    })
    expect(attached.statusCode, attached.body).toBe(200)
    expect(attached.json().id).toBe(store.id)
    const order = (await as(t.app, f.keys.store).get(`/api/v1/orders/${sale.json().id}`)).json()
    expect(order.customer_id).toBe(store.id)
    expect(order.events.map((e: { type: string }) => e.type)).toContain('customer_attached')
    // Loyalty catches up: the 19,99 € sale earns its 19 points now.
    const points = (await as(t.app, f.keys.store).get(`/api/v1/customers/${store.id}/loyalty`)).json()
    expect(points).toMatchObject({ balance: 19, entries: [{ kind: 'earn', order_id: sale.json().id }] })
    // Another customer cannot take it over; an unknown phone is a 400 naming the field.
    const other = await customer({ email: `x.${unique().toLowerCase()}@example.fr` })
    const taken = await as(t.app, t.admin).post(`/api/v1/orders/${sale.json().id}/customer`, {
      customer_id: other.id,
    })
    expect(taken.statusCode).toBe(409)
    const unknown = await as(t.app, f.keys.store).post(`/api/v1/orders/${sale.json().id}/customer`, {
      phone: '06 00 00 00 01',
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details.field).toBe('phone')
  })

  it('erasure leaves a pseudonym with whole accounts; the export then holds no personal data', async () => {
    const { store, phone } = await twins()
    const placed = await as(t.app, f.keys.web).post(
      '/api/v1/orders',
      {
        channel: f.channels.web.code,
        customer_id: store.id,
        lines: [{ sku, quantity: 2, fulfilment: 'delivery' }],
        delivery_address: address,
        payments: [{ method: 'card', amount_cents: 3998 }],
      },
      await f.webLogin(store.id),
    )
    expect(placed.statusCode, placed.body).toBe(201)
    await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${store.id}/notes`, {
      body: 'Cliente fidèle.',
    })
    // A store key neither exports nor erases.
    expect((await as(t.app, f.keys.store).get(`/api/v1/customers/${store.id}/export`)).statusCode).toBe(403)
    expect((await as(t.app, f.keys.store).post(`/api/v1/customers/${store.id}/erase`)).statusCode).toBe(403)
    const before = (await as(t.app, f.keys.callCentre).get(`/api/v1/customers/${store.id}/export`)).json()
    expect(before.customer).toMatchObject({ phone, first_name: 'Hélène' })
    expect(before.orders).toHaveLength(1)

    const erased = await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${store.id}/erase`)
    expect(erased.statusCode, erased.body).toBe(200)
    expect((await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${store.id}/erase`)).statusCode).toBe(
      409,
    )
    const after = (await as(t.app, f.keys.callCentre).get(`/api/v1/customers/${store.id}/export`)).json()
    const text = JSON.stringify(after)
    for (const personal of [
      phone,
      'Hélène',
      'Lefèvre',
      'Paul Bert',
      address.line1,
      address.name,
      'Cliente fidèle',
    ]) {
      expect(text).not.toContain(personal)
    }
    expect(after.requests.map((r: { kind: string }) => r.kind)).toEqual(['export', 'erasure'])
    // The accounts are whole: the order and its amounts are untouched.
    const order = (await as(t.app, t.admin).get(`/api/v1/orders/${placed.json().id}`)).json()
    expect(order).toMatchObject({ total_cents: 3998, paid_cents: 3998, customer_id: store.id })
    expect(order.vat_breakdown.reduce((n: number, r: { vat_cents: number }) => n + r.vat_cents, 0)).toBe(
      order.vat_cents,
    )
  })

  it('consents are recorded per purpose and medium with their channel; the latest is in force', async () => {
    const { web } = await twins()
    // The customer logs in on the web shop, which records what they tick.
    const login = { 'x-customer-login': `helene-${unique()}` }
    const linked = await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${web.id}/channel-accounts`, {
      channel_id: f.channels.web.id,
      login: login['x-customer-login'],
    })
    expect(linked.statusCode, linked.body).toBe(201)
    const first = await as(t.app, f.keys.web).post(
      `/api/v1/customers/${web.id}/consents`,
      {
        consents: [
          { purpose: 'marketing', medium: 'email', granted: true },
          { purpose: 'marketing', medium: 'sms', granted: false },
        ],
      },
      login,
    )
    expect(first.statusCode, first.body).toBe(200)
    const changed = await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${web.id}/consents`, {
      consents: [{ purpose: 'marketing', medium: 'email', granted: false }],
    })
    const inForce = changed.json().data
    expect(inForce).toEqual([
      expect.objectContaining({
        purpose: 'marketing',
        medium: 'email',
        granted: false,
        channel_id: f.channels.call_centre.id,
      }),
      expect.objectContaining({
        purpose: 'marketing',
        medium: 'sms',
        granted: false,
        channel_id: f.channels.web.id,
      }),
    ])
    const bad = await as(t.app, f.keys.web).post(
      `/api/v1/customers/${web.id}/consents`,
      { consents: [{ purpose: 'spam', medium: 'email', granted: true }] },
      login,
    )
    expect(bad.statusCode).toBe(400)
    const exported = (await as(t.app, t.admin).get(`/api/v1/customers/${web.id}/export`)).json()
    expect(exported.consents).toHaveLength(3)
  })
})
