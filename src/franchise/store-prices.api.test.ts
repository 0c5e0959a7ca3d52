import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxSize, recordedEvents } from '../events/events.fixture.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

// Franchisees price their own stores within the brand's recommendation and maximum; the till and the
// orders collected at the store sell at their price; owned stores and other channels are unchanged.

// biome-ignore lint/suspicious/noExplicitAny: response bodies read in assertions
type Json = Record<string, any>

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let riviera: Json
let other: Json
let rivieraKey: string
let otherKey: string
let otherStore: Json

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  const created = async (url: string, body: Json) => {
    const res = await f.admin.post(url, body)
    expect(res.statusCode, `${url} ${res.body}`).toBe(201)
    return res.json() as Json
  }
  riviera = await created('/api/v1/franchisees', { code: `${f.prefix}-RIV`, name: 'Riviera Maison SARL' })
  other = await created('/api/v1/franchisees', { code: `${f.prefix}-OTH`, name: 'Autre Franchisé SAS' })
  otherStore = await created('/api/v1/locations', {
    code: `${f.prefix}-ANTIBES`,
    name: 'Antibes',
    city: 'Antibes',
    kind: 'store',
    ownership: 'franchised',
    lat: 43.58,
    lon: 7.12,
    fulfilment_modes: ['takeaway', 'pickup'],
    daily_prep_capacity: 20,
  })
  for (const [franchisee, store] of [
    [riviera, f.franchise],
    [other, otherStore],
  ] as const) {
    const res = await f.admin.put(`/api/v1/franchisees/${franchisee.id}/stores/${store.id}`, {
      catchment: { kind: 'nearest' },
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  const key = async (franchisee: Json) =>
    (await created('/api/v1/api-keys', { name: unique(), role: 'franchisee', franchisee_id: franchisee.id }))
      .secret as string
  rivieraKey = await key(riviera)
  otherKey = await key(other)
})
afterAll(() => t.close())

const pricesUrl = (store: Json = f.franchise, franchisee: Json = riviera) =>
  `/api/v1/franchisees/${franchisee.id}/stores/${store.id}/prices`

async function setPrice(sku: string, cents: number, key = rivieraKey, store: Json = f.franchise) {
  return as(t.app, key).put(`${pricesUrl(store)}/${sku}`, { amount_cents: cents })
}

/** A SKU at 20,00 € in every channel, on the shelves of both stores and the warehouse. */
const stocked = (priceCents = 2000) =>
  f.product({ priceCents, stock: { [f.franchise.id]: 20, [f.store.id]: 20, [f.warehouse.id]: 20 } })

async function order(key: string, body: Json) {
  const res = await as(t.app, key).post('/api/v1/orders', body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Json
}

describe("a franchisee's own store prices", () => {
  it('a franchisee prices its store below the recommendation, sees both, and the change is an event', async () => {
    const sku = await stocked()
    const before = await as(t.app, rivieraKey).get(`${pricesUrl()}/${sku}`)
    expect(before.statusCode, before.body).toBe(200)
    expect(before.json()).toMatchObject({
      sku,
      recommended_cents: 2000,
      max_cents: null,
      own_cents: null,
      price_cents: 2000,
    })

    const set = await setPrice(sku, 1790)
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json()).toMatchObject({ recommended_cents: 2000, own_cents: 1790, price_cents: 1790 })
    const page = (await as(t.app, rivieraKey).get(`${pricesUrl()}?own=true`)).json()
    expect(page.data).toEqual([expect.objectContaining({ sku, recommended_cents: 2000, own_cents: 1790 })])

    const events = await recordedEvents(t.database.db, f.franchise.id, ['price.store_changed'])
    expect(events.filter((e) => e.payload.sku === sku)).toEqual([
      expect.objectContaining({
        aggregate_type: 'location',
        payload: {
          location_id: f.franchise.id,
          franchisee_id: riviera.id,
          sku,
          old_cents: null,
          new_cents: 1790,
          recommended_cents: 2000,
          max_cents: null,
          reason: 'franchisee',
        },
      }),
    ])
  })

  it("a price above the brand's maximum is refused naming the maximum, and writes nothing", async () => {
    const sku = await stocked()
    const capped = await f.admin.put('/api/v1/franchise/price-maximums', {
      maximums: [{ sku, max_cents: 2200 }],
    })
    expect(capped.statusCode, capped.body).toBe(200)
    const events = await outboxSize(t.database.db)
    const res = await setPrice(sku, 2290)
    expect(res.statusCode, res.body).toBe(422)
    const { error } = res.json()
    expect(error.code).toBe('price_above_maximum')
    expect(error.details).toMatchObject({ field: 'amount_cents', max_cents: 2200 })
    expect(error.message).toContain('22,00 €')
    expect(await outboxSize(t.database.db)).toBe(events)
    expect((await as(t.app, rivieraKey).get(`${pricesUrl()}/${sku}`)).json()).toMatchObject({
      max_cents: 2200,
      own_cents: null,
    })
    // At the maximum (above the recommendation) is the franchisee's right.
    expect((await setPrice(sku, 2200)).statusCode).toBe(200)
  })

  it("lowering a maximum brings a store's own price above it down to it, with its event", async () => {
    const sku = await stocked()
    expect((await setPrice(sku, 2400)).statusCode).toBe(200)
    const res = await f.admin.put('/api/v1/franchise/price-maximums', {
      maximums: [{ sku, max_cents: 2100 }],
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      updated: 1,
      lowered: [{ location_id: f.franchise.id, sku, from_cents: 2400, to_cents: 2100 }],
    })
    expect((await as(t.app, rivieraKey).get(`${pricesUrl()}/${sku}`)).json()).toMatchObject({
      own_cents: 2100,
    })
    const events = await recordedEvents(t.database.db, f.franchise.id, ['price.store_changed'])
    expect(events.filter((e) => e.payload.sku === sku).map((e) => e.payload)).toEqual([
      expect.objectContaining({ old_cents: null, new_cents: 2400, reason: 'franchisee' }),
      expect.objectContaining({
        old_cents: 2400,
        new_cents: 2100,
        recommended_cents: 2000,
        max_cents: 2100,
        reason: 'maximum_lowered',
      }),
    ])
    const removed = await f.admin.put('/api/v1/franchise/price-maximums', {
      maximums: [{ sku, max_cents: null }],
    })
    expect(removed.json()).toEqual({ updated: 1, lowered: [] })
    expect((await setPrice(sku, 2600)).statusCode).toBe(200)
  })

  it("a franchisee cannot read or price another franchisee's store, nor store staff price at all", async () => {
    const sku = await stocked()
    const theirs = await as(t.app, rivieraKey).put(
      `/api/v1/franchisees/${riviera.id}/stores/${otherStore.id}/prices/${sku}`,
      { amount_cents: 100 },
    )
    expect(theirs.statusCode, theirs.body).toBe(404)
    expect(theirs.json().error.code).toBe('location_not_found')
    const asOther = await as(t.app, rivieraKey).put(`${pricesUrl(otherStore, other)}/${sku}`, {
      amount_cents: 100,
    })
    expect(asOther.statusCode, asOther.body).toBe(404)
    expect((await as(t.app, otherKey).get(pricesUrl())).statusCode).toBe(404)
    expect((await setPrice(sku, 100, f.keys.franchise)).statusCode).toBe(403)
    expect((await setPrice(`${sku}-NOPE`, 100)).statusCode).toBe(404)
    expect((await setPrice(sku, 0)).statusCode).toBe(400)
    // Its own store, as the other franchisee, is fine.
    const own = await as(t.app, otherKey).put(`${pricesUrl(otherStore, other)}/${sku}`, {
      amount_cents: 1500,
    })
    expect(own.statusCode, own.body).toBe(200)
    expect((await as(t.app, rivieraKey).get(`${pricesUrl()}/${sku}`)).json().own_cents).toBeNull()
  })

  it("the franchised store's till sells at its own price; the owned store's till at the brand's", async () => {
    const sku = await stocked()
    expect((await setPrice(sku, 1590)).statusCode).toBe(200)
    const quote = await as(t.app, f.keys.franchise).post('/api/v1/orders/quote', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
    })
    expect(quote.statusCode, quote.body).toBe(200)
    expect(quote.json()).toMatchObject({ total_cents: 3180 })
    const sold = await order(f.keys.franchise, {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 3180 }],
    })
    expect(sold).toMatchObject({
      total_cents: 3180,
      lines: [expect.objectContaining({ unit_price_cents: 1590 })],
    })
    const owned = await order(f.keys.store, {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 4000 }],
    })
    expect(owned).toMatchObject({
      total_cents: 4000,
      lines: [expect.objectContaining({ unit_price_cents: 2000 })],
    })
  })

  it('a web order collected at the franchised store is at its price; delivered, at the web price', async () => {
    const sku = await stocked()
    expect((await setPrice(sku, 1850)).statusCode).toBe(200)
    const web = await order(f.keys.web, {
      channel: f.channels.web.code,
      lines: [
        { sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.franchise.id },
        { sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id },
      ],
      payments: [{ method: 'card', amount_cents: 3850 }],
    })
    expect(web.lines.map((l: Json) => [l.pickup_location_id, l.unit_price_cents])).toEqual([
      [f.franchise.id, 1850],
      [f.store.id, 2000],
    ])
    const delivered = await order(f.keys.web, {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: {
        name: 'Léa Rossi',
        line1: '3 rue de France',
        postcode: '06000',
        city: 'Nice',
        country: 'FR',
      },
      payments: [{ method: 'card', amount_cents: 2000 }],
    })
    expect(delivered.total_cents).toBe(2000)
  })

  it("the store's till reads its own prices to sell offline at them; another store's key cannot", async () => {
    const sku = await stocked()
    expect((await setPrice(sku, 1690)).statusCode).toBe(200)
    const mine = await as(t.app, f.keys.franchise).get(
      `/api/v1/stores/${f.franchise.code}/own-prices?limit=200`,
    )
    expect(mine.statusCode, mine.body).toBe(200)
    expect(mine.json().data).toContainEqual({ sku, price_cents: 1690 })
    expect(
      (await as(t.app, f.keys.store).get(`/api/v1/stores/${f.franchise.id}/own-prices`)).statusCode,
    ).toBe(404)
    expect((await as(t.app, otherKey).get(`/api/v1/stores/${f.franchise.id}/own-prices`)).statusCode).toBe(
      404,
    )
    const owned = await as(t.app, f.keys.store).get(`/api/v1/stores/${f.store.id}/own-prices`)
    expect(owned.json()).toEqual({ data: [], next_cursor: null })
  })

  it('removing the own price sells at the recommendation again', async () => {
    const sku = await stocked()
    expect((await setPrice(sku, 1500)).statusCode).toBe(200)
    const removed = await as(t.app, rivieraKey).delete(`${pricesUrl()}/${sku}`)
    expect(removed.statusCode, removed.body).toBe(200)
    expect(removed.json()).toMatchObject({ own_cents: null, price_cents: 2000 })
    const sold = await order(f.keys.franchise, {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 2000 }],
    })
    expect(sold.total_cents).toBe(2000)
  })
})

describe("the coherence report and franchisees' prices", () => {
  it('lists franchised prices as observed beside the recommendation, never as findings, and never corrects them', async () => {
    const category = `cat-${unique()}`.toLowerCase()
    const policy = await f.admin.put(`/api/v1/offer/policies/${category}`, { max_spread_pct: 10 })
    expect(policy.statusCode, policy.body).toBe(200)
    const broken = await f.product({ category, priceCents: 10_000 })
    const onlyFranchise = await f.product({ category, priceCents: 10_000 })
    // The web list breaks the spread; the franchisee prices both SKUs far below everything.
    const web = await f.admin.post('/api/v1/offer/price-changes', {
      changes: [{ price_list: f.channels.web.price_list.code, sku: broken, amount_cents: 8_000 }],
      force: { reason: 'test' },
    })
    expect(web.statusCode, web.body).toBe(201)
    expect((await setPrice(broken, 5_000)).statusCode).toBe(200)
    expect((await setPrice(onlyFranchise, 5_000)).statusCode).toBe(200)

    const report = (await f.admin.get('/api/v1/offer/coherence-report?limit=200')).json()
    const skus = report.data.map((d: Json) => d.sku)
    expect(skus).toContain(broken)
    expect(skus).not.toContain(onlyFranchise)
    expect(report.franchised_prices_observed).toBeGreaterThanOrEqual(2)
    const finding = report.data.find((d: Json) => d.sku === broken)
    expect(finding.observed_store_prices).toEqual([
      {
        store: f.franchise.code,
        store_name: f.franchise.name,
        franchisee: riviera.code,
        price_cents: 5_000,
        recommended_cents: 10_000,
      },
    ])
    expect(JSON.stringify(finding.violations)).not.toContain(f.franchise.code)
    const csv = await f.admin.get('/api/v1/offer/coherence-report?format=csv')
    expect(csv.body).toContain(`${f.franchise.code}:5000`)

    const applied = await f.admin.post('/api/v1/offer/coherence-report/apply', { skus: [broken] })
    expect(applied.statusCode, applied.body).toBe(200)
    expect(applied.json().corrected).toBe(1)
    expect((await as(t.app, rivieraKey).get(`${pricesUrl()}/${broken}`)).json()).toMatchObject({
      own_cents: 5_000,
    })
  })
})
