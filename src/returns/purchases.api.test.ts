import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

// biome-ignore lint/suspicious/noExplicitAny: response bodies read in assertions
type Json = Record<string, any>

async function webCustomer() {
  const email = `${unique('buyer')}@example.fr`
  const res = await as(t.app, t.admin).post('/api/v1/customers', { email })
  expect(res.statusCode, res.body).toBe(201)
  const id = res.json().id as string
  return { id, email, login: await f.webLogin(id) }
}

async function webOrder(customer: { id: string; login: Record<string, string> }, sku: string) {
  const res = await as(t.app, f.keys.web).post(
    '/api/v1/orders',
    {
      channel: f.channels.web.code,
      customer_id: customer.id,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 3000, reference: 'AUTH-P' }],
    },
    customer.login,
  )
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Json
}

describe('finding a purchase from the web shop', () => {
  it('finds the logged-in customer’s own purchases only: another customer’s e-mail or order number finds nothing', async () => {
    const sku = await f.product({ priceCents: 3000, stock: { [f.warehouse.id]: 5 } })
    const alice = await webCustomer()
    const bob = await webCustomer()
    const order = await webOrder(alice, sku)
    const web = as(t.app, f.keys.web)

    const anonymous = await web.get(`/api/v1/purchases?email=${alice.email}`)
    expect(anonymous.statusCode).toBe(400)
    expect(anonymous.json().error.details.field).toBe('X-Customer-Login')

    const byBob = await web.get(`/api/v1/purchases?email=${alice.email}`, bob.login)
    expect(byBob.statusCode, byBob.body).toBe(200)
    expect(byBob.json().data).toEqual([])
    const byNumber = await web.get(`/api/v1/purchases?number=${order.number}`, bob.login)
    expect(byNumber.json().data).toEqual([])
    const unknownLogin = await web.get(`/api/v1/purchases?number=${order.number}`, {
      'x-customer-login': 'nobody',
    })
    expect(unknownLogin.json().data).toEqual([])

    const byAlice = await web.get(`/api/v1/purchases?email=${alice.email}`, alice.login)
    expect(byAlice.json().data.map((o: Json) => o.id)).toEqual([order.id])
    const ownNumber = await web.get(`/api/v1/purchases?number=${order.number}`, alice.login)
    expect(ownNumber.json().data.map((o: Json) => o.id)).toEqual([order.id])
  })

  it('staff still find any customer’s purchase, from every channel', async () => {
    const sku = await f.product({ priceCents: 3000, stock: { [f.warehouse.id]: 5 } })
    const alice = await webCustomer()
    const order = await webOrder(alice, sku)
    for (const key of [f.keys.store, f.keys.callCentre]) {
      const found = await as(t.app, key).get(`/api/v1/purchases?email=${alice.email}`)
      expect(found.json().data.map((o: Json) => o.id)).toEqual([order.id])
    }
  })
})
