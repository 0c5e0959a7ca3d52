import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

let t: TestContext
let admin: ReturnType<typeof as>
let web: ReturnType<typeof as>
let webChannel: string
let agent: ReturnType<typeof as>

beforeAll(async () => {
  t = await startTestApp()
  admin = as(t.app, t.admin)
  webChannel = await channelOf('web', ['delivery', 'pickup'])
  web = as(t.app, await keyFor({ role: 'channel', channel_id: webChannel }))
  agent = as(
    t.app,
    await keyFor({ role: 'call_centre', channel_id: await channelOf('call_centre', ['delivery']) }),
  )
})
afterAll(() => t.close())

/** A channel of its own (a key is bound to a channel that exists). */
async function channelOf(kind: string, modes: string[]): Promise<string> {
  const res = await admin.post('/api/v1/channels', {
    code: unique(`${kind}-`),
    name: kind,
    kind,
    fulfilment_modes: modes,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id
}

async function keyFor(binding: Record<string, string>): Promise<string> {
  const res = await admin.post('/api/v1/api-keys', { name: `key ${unique()}`, ...binding })
  expect(res.statusCode).toBe(201)
  return res.json().secret
}

/** A French mobile number (in the assigned 061 range) nobody else in this database has. */
function mobile(): string {
  const digits = `1${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
  return `06 ${digits.match(/../g)!.join(' ')}`
}

const e164 = (typed: string) => `+33${typed.replaceAll(' ', '').slice(1)}`

async function customerCount(): Promise<number> {
  const res = (await t.database.db.execute(
    'SELECT count(*)::int AS n FROM customer' as never,
  )) as unknown as {
    rows: Array<{ n: number }>
  }
  return res.rows[0]!.n
}

describe('creating a customer', () => {
  it('at the till with a phone number gives a customer staff read in every channel, a web shop only once logged in there', async () => {
    const phone = mobile()
    const created = await admin.post('/api/v1/customers', {
      phone,
      first_name: '  Hélène ',
      last_name: 'de  la   Tour',
      address_line: '12 rue des Lilas',
      postcode: '69003',
      city: 'Lyon',
    })
    expect(created.statusCode).toBe(201)
    const customer = created.json()
    expect(customer).toMatchObject({
      email: null,
      phone: e164(phone),
      loyalty_card: null,
      first_name: 'Hélène',
      last_name: 'de la Tour',
      country: 'FR',
      source_channel_id: null,
    })
    expect(customer.id).toMatch(/^cus_/)
    const read = await agent.get(`/api/v1/customers/${customer.id}`)
    expect(read.statusCode).toBe(200)
    expect(read.json()).toEqual(customer)
    // A web shop key names the customer logged in on it; this one never logged in there.
    const anonymous = await web.get(`/api/v1/customers/${customer.id}`)
    expect(anonymous.statusCode).toBe(400)
    expect(anonymous.json().error.details.field).toBe('X-Customer-Login')
    const someoneElse = await web.get(`/api/v1/customers/${customer.id}`, {
      'x-customer-login': 'not-linked',
    })
    expect(someoneElse.statusCode).toBe(404)
  })

  it('from the web shop records the web channel as where the customer came from', async () => {
    const res = await web.post('/api/v1/customers', { email: `${unique('web')}@example.fr` })
    expect(res.statusCode).toBe(201)
    expect(res.json().source_channel_id).toBe(webChannel)
    const elsewhere = await web.post('/api/v1/customers', {
      email: `${unique('web')}@example.fr`,
      source_channel_id: 'chn_store',
    })
    expect(elsewhere.statusCode).toBe(403)
  })

  it('at a store till records the store channel as where the customer came from', async () => {
    const p = unique()
    const storeChannel = await admin.post('/api/v1/channels', {
      code: `${p}-STORES`,
      name: `Stores ${p}`,
      kind: 'store',
      fulfilment_modes: ['takeaway'],
    })
    expect(storeChannel.statusCode, storeChannel.body).toBe(201)
    const store = await admin.post('/api/v1/locations', {
      code: `${p}-LYON`,
      name: `Lyon ${p}`,
      kind: 'store',
      city: 'Lyon',
      lat: 45.76,
      lon: 4.86,
      fulfilment_modes: ['takeaway'],
    })
    expect(store.statusCode, store.body).toBe(201)
    const till = as(t.app, await keyFor({ role: 'store_staff', location_id: store.json().id }))
    const res = await till.post('/api/v1/customers', { email: `${unique('till')}@example.fr` })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().source_channel_id).toBe(storeChannel.json().id)
    const web = await admin.post('/api/v1/channels', {
      code: `${p}-WEB`,
      name: `Web ${p}`,
      kind: 'web',
      fulfilment_modes: ['delivery'],
    })
    const viaWeb = await till.post('/api/v1/customers', {
      email: `${unique('till')}@example.fr`,
      source_channel_id: web.json().id,
    })
    expect(viaWeb.statusCode).toBe(403)
  })

  it('needs an e-mail, a phone or a loyalty card, and writes nothing without one', async () => {
    const before = await customerCount()
    const res = await admin.post('/api/v1/customers', { first_name: 'Anonyme' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('email')
    expect(res.json().error.message).toMatch(/at least one identifier/)
    expect(await customerCount()).toBe(before)
  })

  it('refuses an invalid e-mail, phone or loyalty card naming the field, and writes nothing', async () => {
    const before = await customerCount()
    const cases = [
      { body: { email: 'marie.dupont@', phone: mobile() }, field: 'email', says: /e-mail address/ },
      {
        body: { phone: '06 12 34', email: `${unique('p')}@example.fr` },
        field: 'phone',
        says: /phone number/,
      },
      {
        body: { loyalty_card: '12-34', email: `${unique('c')}@example.fr` },
        field: 'loyalty_card',
        says: /digits/,
      },
    ]
    for (const { body, field, says } of cases) {
      const res = await admin.post('/api/v1/customers', body)
      expect(res.statusCode, field).toBe(400)
      expect(res.json().error.code).toBe('invalid_input')
      expect(res.json().error.details.field).toBe(field)
      expect(res.json().error.message).toMatch(says)
    }
    expect(await customerCount()).toBe(before)
  })

  it('with an identifier another customer holds answers 409 with that customer, so the till attaches to it (a web shop is not told whose)', async () => {
    const email = `${unique('taken')}@example.fr`
    const card = `4242 ${String(Date.now()).slice(-8)}`
    const first = (await admin.post('/api/v1/customers', { email, loyalty_card: card })).json()
    const before = await customerCount()
    for (const [body, field] of [
      [{ email: email.toUpperCase(), phone: mobile() }, 'email'],
      [{ phone: mobile(), loyalty_card: card.replace(' ', '-') }, 'loyalty_card'],
    ] as const) {
      const res = await agent.post('/api/v1/customers', body)
      expect(res.statusCode, res.body).toBe(409)
      expect(res.json().error.code).toBe('identity_taken')
      expect(res.json().error.details).toEqual({ field, customer_id: first.id })
      const fromWeb = await web.post('/api/v1/customers', body)
      expect(fromWeb.statusCode, fromWeb.body).toBe(409)
      expect(fromWeb.json().error.details).toEqual({ field })
      expect(fromWeb.body).not.toContain(first.id)
    }
    expect(await customerCount()).toBe(before)
  })

  it('twice at the same moment with the same e-mail creates one customer and points the other till to it', async () => {
    const email = `${unique('race')}@example.fr`
    const [a, b] = await Promise.all([
      admin.post('/api/v1/customers', { email, first_name: 'A' }),
      agent.post('/api/v1/customers', { email: email.toUpperCase(), first_name: 'B' }),
    ])
    const statuses = [a.statusCode, b.statusCode].sort()
    expect(statuses).toEqual([201, 409])
    const [won, lost] = a.statusCode === 201 ? [a, b] : [b, a]
    expect(lost.json().error.details).toEqual({ field: 'email', customer_id: won.json().id })
  })

  it('retried with the same Idempotency-Key returns the same customer and creates it once', async () => {
    const key = unique('idem')
    const body = { email: `${unique('retry')}@example.fr`, first_name: 'Paul' }
    const first = await web.post('/api/v1/customers', body, { 'idempotency-key': key })
    const again = await web.post('/api/v1/customers', body, { 'idempotency-key': key })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json().id).toBe(first.json().id)
  })
})

describe('finding a customer', () => {
  it('by a phone typed another way or an e-mail in capitals finds the same customer', async () => {
    const phone = mobile()
    const email = `${unique('find')}@example.fr`
    const { id } = (await web.post('/api/v1/customers', { phone, email })).json()
    const digits = e164(phone).slice(3)
    for (const query of [
      `phone=${encodeURIComponent(`+33 ${digits}`)}`,
      `phone=${encodeURIComponent(phone.replaceAll(' ', '.'))}`,
      `phone=${encodeURIComponent(`0033${digits}`)}`,
      `email=${encodeURIComponent(` ${email.toUpperCase()} `)}`,
    ]) {
      const res = await agent.get(`/api/v1/customers?${query}`)
      expect(res.statusCode, query).toBe(200)
      expect(
        res.json().data.map((c: { id: string }) => c.id),
        query,
      ).toEqual([id])
    }
  })

  it('by loyalty card finds its holder, and an unknown card finds nobody', async () => {
    const card = `9${String(Date.now()).slice(-9)}`
    const { id } = (await admin.post('/api/v1/customers', { loyalty_card: card })).json()
    const found = await agent.get(`/api/v1/customers?card=${card.slice(0, 5)}-${card.slice(5)}`)
    expect(found.json().data.map((c: { id: string }) => c.id)).toEqual([id])
    const none = await agent.get('/api/v1/customers?card=00000000000')
    expect(none.statusCode).toBe(200)
    expect(none.json()).toEqual({ data: [], next_cursor: null })
  })

  it('with a value that is not a phone number says which parameter is wrong', async () => {
    const res = await agent.get('/api/v1/customers?phone=hello')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('phone')
    const card = await agent.get('/api/v1/customers?card=12')
    expect(card.json().error.details.field).toBe('card')
  })

  it('by part of a name finds it whatever the case and accents, page by page', async () => {
    const family = `Lefèvre${unique()}`
    const ids: string[] = []
    for (const first of ['Éloïse', 'Zoé', 'Noël']) {
      const res = await admin.post('/api/v1/customers', {
        email: `${unique('n')}@example.fr`,
        first_name: first,
        last_name: family,
      })
      ids.push(res.json().id)
    }
    const q = encodeURIComponent(family.toUpperCase().replace('È', 'E'))
    const page1 = (await agent.get(`/api/v1/customers?q=${q}&limit=2`)).json()
    expect(page1.data).toHaveLength(2)
    expect(page1.next_cursor).not.toBeNull()
    const page2 = (await agent.get(`/api/v1/customers?q=${q}&limit=2&cursor=${page1.next_cursor}`)).json()
    expect(page2.next_cursor).toBeNull()
    const seen = [...page1.data, ...page2.data].map((c: { id: string }) => c.id)
    expect(seen).toEqual([...ids].reverse())

    const byFirstName = (
      await agent.get(`/api/v1/customers?q=${encodeURIComponent(`eloise ${family}`)}`)
    ).json()
    expect(byFirstName.data.map((c: { id: string }) => c.id)).toEqual([ids[0]])
  })

  it('by a part of an e-mail, where a % typed by the agent is not a wildcard', async () => {
    const tag = unique('mail').toLowerCase()
    const { id } = (await admin.post('/api/v1/customers', { email: `${tag}@example.fr` })).json()
    const found = (await agent.get(`/api/v1/customers?q=${tag.slice(2)}@EXAMPLE`)).json()
    expect(found.data.map((c: { id: string }) => c.id)).toEqual([id])
    const wildcard = (await agent.get(`/api/v1/customers?q=${encodeURIComponent(`${tag}%fr`)}`)).json()
    expect(wildcard.data).toEqual([])
  })

  it('that does not exist answers 404', async () => {
    const res = await agent.get('/api/v1/customers/cus_nope')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('customer_not_found')
  })
})

describe('changing a customer', () => {
  it('a call-centre agent corrects the name and adds a phone, typed any way', async () => {
    const { id } = (await web.post('/api/v1/customers', { email: `${unique('fix')}@example.fr` })).json()
    const phone = mobile()
    const res = await agent.patch(`/api/v1/customers/${id}`, { phone, last_name: ' Martin ', city: 'Nantes' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id, phone: e164(phone), last_name: 'Martin', city: 'Nantes' })
    const found = (await agent.get(`/api/v1/customers?phone=${encodeURIComponent(phone)}`)).json()
    expect(found.data.map((c: { id: string }) => c.id)).toEqual([id])
  })

  it('to an identifier another customer holds answers 409 and changes nothing', async () => {
    const taken = `${unique('other')}@example.fr`
    const other = (await admin.post('/api/v1/customers', { email: taken })).json()
    const mine = (await admin.post('/api/v1/customers', { email: `${unique('me')}@example.fr` })).json()
    const res = await admin.patch(`/api/v1/customers/${mine.id}`, { email: taken, first_name: 'X' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details).toEqual({ field: 'email', customer_id: other.id })
    expect((await admin.get(`/api/v1/customers/${mine.id}`)).json()).toEqual(mine)
  })

  it('two agents giving two customers the same e-mail at once: one is saved, the other told who has it', async () => {
    const email = `${unique('both')}@example.fr`
    const one = (await admin.post('/api/v1/customers', { phone: mobile() })).json()
    const two = (await admin.post('/api/v1/customers', { phone: mobile() })).json()
    const [a, b] = await Promise.all([
      agent.patch(`/api/v1/customers/${one.id}`, { email }),
      admin.patch(`/api/v1/customers/${two.id}`, { email }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a]
    expect(lost.json().error.details).toEqual({ field: 'email', customer_id: won.json().id })
  })

  it('may remove an identifier but not the last one', async () => {
    const phone = mobile()
    const { id } = (
      await admin.post('/api/v1/customers', { email: `${unique('rm')}@example.fr`, phone })
    ).json()
    const blank = await admin.patch(`/api/v1/customers/${id}`, { email: '  ' })
    expect(blank.statusCode).toBe(400)
    expect(blank.json().error.details.field).toBe('email')
    const removed = await admin.patch(`/api/v1/customers/${id}`, { email: null })
    expect(removed.statusCode).toBe(200)
    expect(removed.json().email).toBeNull()
    const last = await admin.patch(`/api/v1/customers/${id}`, { phone: null })
    expect(last.statusCode).toBe(400)
    expect(last.json().error.details.field).toBe('email')
  })

  it('is refused to a web shop key, which may still create customers and read the one logged in', async () => {
    const { id } = (await web.post('/api/v1/customers', { email: `${unique('ro')}@example.fr` })).json()
    const login = unique('login')
    expect((await web.post(`/api/v1/customers/${id}/channel-accounts`, { login })).statusCode).toBe(201)
    expect((await web.get(`/api/v1/customers/${id}`, { 'x-customer-login': login })).statusCode).toBe(200)
    const res = await web.patch(`/api/v1/customers/${id}`, { first_name: 'Pirate' })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
  })
})
