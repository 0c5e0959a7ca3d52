import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { settle } from '../testing/settle.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let sku: string
let web: ReturnType<typeof as>
let app: ReturnType<typeof as>
let agent: ReturnType<typeof as>

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  sku = await f.product({ priceCents: 3000, stock: { [f.store.id]: 50, [f.warehouse.id]: 50 } })
  web = as(t.app, f.keys.web)
  agent = as(t.app, f.keys.callCentre)
  const mobileKey = await as(t.app, t.admin).post('/api/v1/api-keys', {
    name: `mobile ${unique()}`,
    role: 'channel',
    channel_id: f.channels.mobile.id,
  })
  app = as(t.app, mobileKey.json().secret)
})
afterAll(() => t.close())

const loggedIn = (login: string) => ({ 'x-customer-login': login })

/** A shopper who signs up on the web shop and logs in there. */
async function webShopper() {
  const created = await web.post('/api/v1/customers', { email: `${unique('shop')}@example.fr`.toLowerCase() })
  expect(created.statusCode, created.body).toBe(201)
  const login = `web-${unique()}`
  const linked = await web.post(`/api/v1/customers/${created.json().id}/channel-accounts`, { login })
  expect(linked.statusCode, linked.body).toBe(201)
  return { id: created.json().id as string, login }
}

async function storeCustomer() {
  const res = await as(t.app, t.admin).post('/api/v1/customers', {
    email: `${unique('till')}@example.fr`.toLowerCase(),
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}

async function accountCount(): Promise<number> {
  const res = (await t.database.db.execute(
    'SELECT count(*)::int AS n FROM customer_channel_account' as never,
  )) as unknown as {
    rows: Array<{ n: number }>
  }
  return res.rows[0]!.n
}

describe('a web shop and its logged-in customer', () => {
  it('reads the profile, the loyalty statement and the orders on its channel of the customer logged in', async () => {
    const { id, login } = await webShopper()
    const again = await web.post(`/api/v1/customers/${id}/channel-accounts`, { login })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ channel_id: f.channels.web.id, login, customer_id: id })
    const till = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      customer_id: id,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 6000 }],
    })
    expect(till.statusCode, till.body).toBe(201)
    const online = await web.post(
      '/api/v1/orders',
      {
        channel: f.channels.web.code,
        customer_id: id,
        lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
        delivery_address: address,
        payments: [{ method: 'card', amount_cents: 3000 }],
      },
      loggedIn(login),
    )
    expect(online.statusCode, online.body).toBe(201)

    const profile = await web.get(`/api/v1/customers/${id}`, loggedIn(login))
    expect(profile.statusCode, profile.body).toBe(200)
    expect(profile.json()).toMatchObject({ id, source_channel_id: f.channels.web.id })
    await settle(t.database.db) // the till sale earns a moment after it completes
    const points = await web.get(`/api/v1/customers/${id}/loyalty`, loggedIn(login))
    expect(points.statusCode, points.body).toBe(200)
    expect(points.json()).toMatchObject({ balance: 60, entries: [{ kind: 'earn', points: 60 }] })
    const orders = await web.get(`/api/v1/customers/${id}/orders`, loggedIn(login))
    expect(orders.statusCode, orders.body).toBe(200)
    expect(orders.json().data).toEqual([
      expect.objectContaining({ id: online.json().id, channel_code: f.channels.web.code, total_cents: 3000 }),
    ])
    // Staff see every channel's orders of the customer.
    const all = (await agent.get(`/api/v1/customers/${id}/orders`)).json()
    expect(all.data.map((o: { id: string }) => o.id)).toEqual([online.json().id, till.json().id])
    const search = await web.get(
      `/api/v1/customers?email=${encodeURIComponent(profile.json().email)}`,
      loggedIn(login),
    )
    expect(search.json().data.map((c: { id: string }) => c.id)).toEqual([id])
    const everyone = await web.get('/api/v1/customers', loggedIn(login))
    expect(everyone.json().data.map((c: { id: string }) => c.id)).toEqual([id])
    // The 360 view stays with staff.
    expect((await web.get(`/api/v1/customers/${id}/360`, loggedIn(login))).statusCode).toBe(403)
  })

  it('any other customer answers 404, whether it exists or not, and a login opens nothing on another channel', async () => {
    const { id, login } = await webShopper()
    const other = await storeCustomer()
    for (const url of [
      `/api/v1/customers/${other}`,
      `/api/v1/customers/${other}/loyalty`,
      `/api/v1/customers/${other}/orders`,
      `/api/v1/customers/${other}/channel-accounts`,
    ]) {
      const res = await web.get(url, loggedIn(login))
      expect(res.statusCode, url).toBe(404)
      const missing = await web.get(url.replace(other, 'cus_nope'), loggedIn(login))
      expect(missing.statusCode, url).toBe(404)
      expect(res.json().error.code).toBe(missing.json().error.code)
    }
    const consent = await web.post(
      `/api/v1/customers/${other}/consents`,
      { consents: [{ purpose: 'marketing', medium: 'email', granted: true }] },
      loggedIn(login),
    )
    expect(consent.statusCode).toBe(404)
    const otherEmail = (await as(t.app, t.admin).get(`/api/v1/customers/${other}`)).json().email
    const search = await web.get(`/api/v1/customers?email=${encodeURIComponent(otherEmail)}`, loggedIn(login))
    expect(search.json().data).toEqual([])
    // Without saying who is logged in, a web shop reads nobody.
    const anonymous = await web.get(`/api/v1/customers/${id}`)
    expect(anonymous.statusCode).toBe(400)
    expect(anonymous.json().error.details.field).toBe('X-Customer-Login')
    // The mobile app's key does not know the web shop's logins.
    expect((await app.get(`/api/v1/customers/${id}`, loggedIn(login))).statusCode).toBe(404)
    expect((await app.get('/api/v1/customers', loggedIn(login))).json().data).toEqual([])
  })

  it('a web shop orders for its logged-in customer only: it cannot spend or list another customer’s', async () => {
    const { id, login } = await webShopper()
    const other = await storeCustomer()
    await as(t.app, t.admin).post(`/api/v1/customers/${other}/loyalty/adjustments`, {
      points: 200,
      reason: 'welcome',
    })
    const order = (customer: string, headers: Record<string, string>) =>
      web.post(
        '/api/v1/orders',
        {
          channel: f.channels.web.code,
          customer_id: customer,
          lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
          delivery_address: address,
          payments: [{ method: 'loyalty_points', amount_cents: 3000 }],
        },
        headers,
      )
    const spend = await order(other, loggedIn(login))
    expect(spend.statusCode).toBe(404)
    expect(spend.json().error.code).toBe('customer_not_found')
    const unnamed = await order(other, {})
    expect(unnamed.statusCode).toBe(400)
    expect(unnamed.json().error.details.field).toBe('X-Customer-Login')
    expect((await as(t.app, t.admin).get(`/api/v1/customers/${other}/loyalty`)).json().balance).toBe(200)
    const listed = await web.get(`/api/v1/orders?customer_id=${other}`, loggedIn(login))
    expect(listed.statusCode).toBe(404)
    const own = await web.get(`/api/v1/orders?customer_id=${id}`, loggedIn(login))
    expect(own.statusCode).toBe(200)
  })
})

describe('linking a login', () => {
  it('a login is one customer’s on its channel: linking it to another is a 409 naming login, and nothing is written', async () => {
    const first = await storeCustomer()
    const second = await storeCustomer()
    const login = `jdupont-${unique()}`
    const linked = await agent.post(`/api/v1/customers/${first}/channel-accounts`, {
      channel_id: f.channels.web.code,
      login,
    })
    expect(linked.statusCode, linked.body).toBe(201)
    expect(linked.json()).toMatchObject({ channel_id: f.channels.web.id, customer_id: first })
    const before = await accountCount()
    const taken = await agent.post(`/api/v1/customers/${second}/channel-accounts`, {
      channel_id: f.channels.web.id,
      login,
    })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error).toMatchObject({
      code: 'login_taken',
      details: { field: 'login', customer_id: first },
    })
    const cases: Array<[ReturnType<typeof as>, Record<string, unknown>, number, string | null]> = [
      [agent, { channel_id: f.channels.web.id, login: '   ' }, 400, 'login'],
      [agent, { login: 'nochannel' }, 400, 'channel_id'],
      [agent, { channel_id: 'NOWHERE', login: 'x' }, 400, 'channel_id'],
      [agent, { channel_id: f.channels.web.id, login: 'x'.repeat(201) }, 400, 'body/login'],
      [agent, { channel_id: f.channels.web.id }, 400, 'body/login'],
      // A web shop links its own channel's logins, to customers who signed up with it.
      [web, { channel_id: f.channels.mobile.id, login: 'x' }, 403, null],
      [web, { login: `w-${unique()}` }, 404, null],
    ]
    for (const [key, body, status, field] of cases) {
      const res = await key.post(`/api/v1/customers/${second}/channel-accounts`, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(status)
      if (field) expect(res.json().error.details.field, JSON.stringify(body)).toBe(field)
    }
    const fromWeb = await web.post(`/api/v1/customers/${second}/channel-accounts`, { login }, loggedIn(login))
    expect(fromWeb.statusCode).toBe(404)
    expect(await accountCount()).toBe(before)
    // The same login on another channel is another account.
    const mobile = await agent.post(`/api/v1/customers/${second}/channel-accounts`, {
      channel_id: f.channels.mobile.id,
      login,
    })
    expect(mobile.statusCode).toBe(201)
    const accounts = (await agent.get(`/api/v1/customers/${second}/channel-accounts`)).json().data
    expect(accounts).toEqual([expect.objectContaining({ channel_id: f.channels.mobile.id, login })])
  })

  it('a web shop that links a login already taken learns it is taken, not by whom', async () => {
    const { login } = await webShopper()
    const { id } = await webShopper()
    const res = await web.post(`/api/v1/customers/${id}/channel-accounts`, { login })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details).toEqual({ field: 'login' })
  })

  it('unlinked, the login opens nothing; merged, it opens the surviving profile; erased, it is gone', async () => {
    const { id, login } = await webShopper()
    const unlinked = await web.delete(
      `/api/v1/customers/${id}/channel-accounts/${f.channels.web.id}/${login}`,
    )
    expect(unlinked.statusCode, unlinked.body).toBe(204)
    expect((await web.get(`/api/v1/customers/${id}`, loggedIn(login))).statusCode).toBe(404)
    const twice = await web.delete(`/api/v1/customers/${id}/channel-accounts/${f.channels.web.id}/${login}`)
    expect(twice.statusCode).toBe(404)

    const shopper = await webShopper()
    const survivor = await storeCustomer()
    const merged = await agent.post(`/api/v1/customers/${survivor}/merge`, { absorbed_id: shopper.id })
    expect(merged.statusCode, merged.body).toBe(200)
    const profile = await web.get(`/api/v1/customers/${survivor}`, loggedIn(shopper.login))
    expect(profile.statusCode).toBe(200)
    // The absorbed id still resolves, to the same profile.
    expect((await web.get(`/api/v1/customers/${shopper.id}`, loggedIn(shopper.login))).json().id).toBe(
      survivor,
    )

    const exported = (await agent.get(`/api/v1/customers/${survivor}/export`)).json()
    expect(exported.channel_accounts).toEqual([expect.objectContaining({ login: shopper.login })])
    expect((await agent.post(`/api/v1/customers/${survivor}/erase`)).statusCode).toBe(200)
    expect((await web.get(`/api/v1/customers/${survivor}`, loggedIn(shopper.login))).statusCode).toBe(404)
  })
})
