import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { insertCustomer, insertPastSales, type PastSale } from './analytics.fixture.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies read in assertions
type Json = Record<string, any>

/**
 * A constructed retailer whose right answers are worked out by hand below: January and March 2025
 * for the channel mix, customers and migration; 2024 for a click & collect launch with a known effect.
 */
describe('channel analytics', () => {
  let t: TestContext
  let f: Awaited<ReturnType<typeof retailFixture>>
  let admin: ReturnType<typeof as>
  const c: Record<string, string> = {}
  const stores: Record<string, string> = {}
  let kitchen: string
  let garden: string

  beforeAll(async () => {
    t = await startTestApp()
    f = await retailFixture(t)
    admin = as(t.app, t.admin)
    kitchen = await f.product({ category: 'kitchen', priceCents: 1000 })
    garden = await f.product({ category: 'garden', priceCents: 3000 })
    const openEveryDay = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
    )
    stores.lyon = f.store.id
    stores.nice = f.franchise.id
    for (const code of ['C1', 'C2', 'C3', 'C4']) {
      const res = await admin.post('/api/v1/locations', {
        code: `${f.prefix}-${code}`,
        name: `Comparable ${code}`,
        kind: 'store',
        city: code,
        lat: 47,
        lon: 2,
        opening_hours: openEveryDay,
        fulfilment_modes: ['takeaway', 'pickup'],
      })
      expect(res.statusCode, res.body).toBe(201)
      stores[code] = res.json().id
    }
    for (const name of ['A', 'B', 'C', 'D']) c[name] = await insertCustomer(t.database.db, name)
    const S = f.channels.store.id
    const W = f.channels.web.id
    const M = f.channels.mobile.id
    const wh = f.warehouse.id
    const lyon = stores.lyon!
    const K = (
      q: number,
      fulfilment: PastSale['lines'][number]['fulfilment'] = 'takeaway',
      source = lyon,
    ) => ({
      sku: kitchen,
      quantity: q,
      totalCents: q * 1000,
      fulfilment,
      source,
    })
    const G = (
      q: number,
      fulfilment: PastSale['lines'][number]['fulfilment'] = 'takeaway',
      source = lyon,
    ) => ({
      sku: garden,
      quantity: q,
      totalCents: q * 3000,
      fulfilment,
      source,
    })
    const sales: PastSale[] = [
      // January 2025
      { channel: S, store: lyon, customer: c.A, at: '2025-01-10T10:00:00Z', lines: [K(8)] },
      { channel: W, customer: c.B, at: '2025-01-05T10:00:00Z', lines: [K(3, 'delivery', wh)] },
      { channel: M, customer: c.B, at: '2025-01-20T10:00:00Z', lines: [K(1, 'delivery', wh)] },
      { channel: S, store: lyon, customer: c.D, at: '2025-01-15T10:00:00Z', lines: [K(2)] },
      // March 2025
      {
        channel: S,
        store: lyon,
        customer: c.A,
        at: '2025-03-10T10:00:00Z',
        lines: [K(2), G(1)],
        returned: { line: 1, quantity: 1, refundCents: 3000, at: '2025-03-12T15:00:00Z' },
      },
      { channel: S, store: lyon, at: '2025-03-11T10:00:00Z', lines: [K(1)] },
      {
        channel: W,
        customer: c.A,
        at: '2025-03-05T10:00:00Z',
        lines: [{ ...G(2, 'pickup'), pickup: lyon }],
      },
      { channel: W, customer: c.B, at: '2025-03-06T10:00:00Z', lines: [K(3, 'delivery', wh)] },
      { channel: M, customer: c.B, at: '2025-03-07T10:00:00Z', lines: [G(1, 'delivery', lyon)] },
      {
        channel: W,
        customer: c.B,
        at: '2025-03-08T10:00:00Z',
        status: 'cancelled',
        lines: [K(1, 'delivery', wh)],
      },
      { channel: S, store: lyon, customer: c.C, at: '2025-03-20T10:00:00Z', lines: [K(1)] },
    ]
    // 2024: 12 weeks either side of a click & collect launch at Lyon on Monday 3 June. Every store grows
    // 5 % after the date; Lyon also loses 20 % of its till sales to the new service. C4 opened click &
    // collect the same month (halving its sales): it must not be a comparison store. Daily noise ±10 %.
    const base: Record<string, number> = {
      lyon: 10_000,
      nice: 8000,
      C1: 6000,
      C2: 12_000,
      C3: 5000,
      C4: 7000,
    }
    const launch = Date.parse('2024-06-03T00:00:00Z')
    let seed = 7
    const noise = () => {
      seed = (seed * 16807) % 2147483647
      return 0.9 + 0.2 * (seed / 2147483647)
    }
    for (let d = -84; d < 84; d++) {
      for (const [key, b] of Object.entries(base)) {
        const after = d >= 0
        const effect = after ? 1.05 * (key === 'lyon' ? 0.8 : key === 'C4' ? 0.5 : 1) : 1
        const cents = Math.round((b * effect * noise()) / 100) * 100
        sales.push({
          channel: S,
          store: stores[key]!,
          at: new Date(launch + d * 86_400_000 + 11 * 3_600_000).toISOString(),
          lines: [
            { sku: kitchen, quantity: 1, totalCents: cents, fulfilment: 'takeaway', source: stores[key]! },
          ],
        })
      }
    }
    await insertPastSales(t.database.db, sales)
    for (const [key, on] of [
      ['lyon', '2024-06-03'],
      ['C4', '2024-06-20'],
    ] as const) {
      const res = await admin.post('/api/v1/analytics/service-launches', {
        location_id: stores[key],
        service: 'pickup',
        launched_on: on,
      })
      expect(res.statusCode, res.body).toBe(201)
    }
  })

  afterAll(async () => {
    await t?.close()
  })

  const march = 'from=2025-03-01&to=2025-03-31'

  it('gives each channel its sales, orders, average basket, returns rate and click & collect share', async () => {
    const res = await admin.get(`/api/v1/analytics/sales?${march}&period=month&by=channel`)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    const row = (id: string) => body.data.find((r: Json) => r.channel_id === id)
    // Store: 5,000 (A) + 1,000 (anonymous) + 1,000 (C); the garden article of A's came back.
    expect(row(f.channels.store.id)).toMatchObject({
      period_start: '2025-03-01',
      orders: 3,
      units: 5,
      sales_cents: 7000,
      returned_cents: 3000,
      net_sales_cents: 4000,
      average_basket_cents: 2333,
      returns_rate_pct: 42.86,
    })
    // Web: a click & collect order of 6,000 at Lyon and a delivery of 3,000; the cancelled order is not a sale.
    expect(row(f.channels.web.id)).toMatchObject({
      orders: 2,
      units: 5,
      sales_cents: 9000,
      average_basket_cents: 4500,
      pickup_sales_cents: 6000,
      pickup_share_pct: 66.67,
      pickup_orders: 1,
      // One order to prepare (4 €) and two units (2.50 € each): the routing cost model's store preparation.
      pickup_prep_cost_cents: 900,
      ship_from_store_share_pct: 0,
    })
    // Mobile: one parcel shipped from the Lyon store.
    expect(row(f.channels.mobile.id)).toMatchObject({
      orders: 1,
      sales_cents: 3000,
      ship_from_store_cents: 3000,
      ship_from_store_share_pct: 100,
    })
    expect(body.totals).toMatchObject({ orders: 6, sales_cents: 19_000, net_sales_cents: 16_000 })
  })

  it('splits by category, an order holding two categories counted in each', async () => {
    const res = await admin.get(`/api/v1/analytics/sales?${march}&period=month&by=category`)
    const byCat = Object.fromEntries(res.json().data.map((r: Json) => [r.category, r]))
    // kitchen: A's 2,000, the anonymous 1,000, B's 3,000 delivered, C's 1,000.
    expect(byCat.kitchen).toMatchObject({ orders: 4, sales_cents: 7000, returned_cents: 0 })
    // garden: A's 3,000 (returned), A's 6,000 pickup, B's 3,000 shipped from store.
    expect(byCat.garden).toMatchObject({
      orders: 3,
      sales_cents: 12_000,
      returned_cents: 3000,
      pickup_orders: null,
    })
  })

  it('answers the same figures as CSV', async () => {
    const res = await admin.get(`/api/v1/analytics/sales?${march}&period=month&by=channel,store&format=csv`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/csv/)
    const [header, ...lines] = res.body.trim().split('\r\n')
    expect(header).toContain('net_sales_cents')
    expect(lines.length).toBeGreaterThanOrEqual(3)
  })

  it('shares customers by number of channels and compares their value per year with single-channel ones', async () => {
    const res = await admin.get(`/api/v1/analytics/customers?${march}`)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.window_days).toBe(31)
    // A (store + web, 11,000) and B (web + mobile, 6,000) in two channels; C in one (1,000).
    expect(body.multichannel).toEqual([
      expect.objectContaining({ channels: 1, customers: 1, share_pct: 33.33, value_per_year_cents: 11_774 }),
      expect.objectContaining({ channels: 2, customers: 2, share_pct: 66.67, value_per_year_cents: 100_081 }),
      expect.objectContaining({ channels: 3, customers: 0, share_pct: 0 }),
    ])
    expect(body.multichannel[1].vs_single_channel).toBe(8.5)
  })

  it('follows customers from their first channel to the channels they used later', async () => {
    const res = await admin.get('/api/v1/analytics/customers?from=2025-01-01&to=2025-03-31')
    const first = Object.fromEntries(res.json().first_channel.map((r: Json) => [r.first_channel_id, r]))
    // A, D and C came in at the till; A later also bought on the web.
    expect(first[f.channels.store.id]).toMatchObject({
      customers: 3,
      other_channel_customers: 1,
      first_order_cents: 11_000,
    })
    const later = Object.fromEntries(
      first[f.channels.store.id].later_sales.map((l: Json) => [l.channel_id, l.sales_cents]),
    )
    expect(later).toEqual({ [f.channels.store.id]: 5000, [f.channels.web.id]: 6000 })
    // B came in on the web (5 January) and later bought in the app.
    expect(first[f.channels.web.id]).toMatchObject({ customers: 1, other_channel_customers: 1 })
  })

  it('shows how spend moved between channels for customers seen in both periods', async () => {
    const res = await admin.get(
      '/api/v1/analytics/migration?before_from=2025-01-01&before_to=2025-01-31&after_from=2025-03-01&after_to=2025-03-31',
    )
    expect(res.statusCode, res.body).toBe(200)
    const m = res.json()
    const i = (id: string) => m.channels.findIndex((ch: Json) => ch.id === id)
    const [S, W, M] = [i(f.channels.store.id), i(f.channels.web.id), i(f.channels.mobile.id)]
    expect(m.customers_in_both).toBe(2)
    // A: 8,000 at the till in January; 5,000 at the till and 6,000 on the web in March: 3,000 moved from
    // the till to the web and 3,000 more spent on the web. B: 2,000 more in the app, nothing moved.
    expect(m.flows_cents[S][W]).toBe(3000)
    const moved = m.flows_cents.flat().reduce((s: number, x: number) => s + x, 0)
    expect(moved).toBe(3000)
    expect([m.kept_cents[S], m.kept_cents[W], m.kept_cents[M]]).toEqual([5000, 3000, 1000])
    expect([m.added_cents[S], m.added_cents[W], m.added_cents[M]]).toEqual([0, 3000, 2000])
    expect(m.lost_cents.reduce((s: number, x: number) => s + x, 0)).toBe(0)
    // C is new in March (1,000); D bought in January only (2,000).
    expect(m).toMatchObject({
      new_customers: 1,
      new_customers_cents: 1000,
      lapsed_customers: 1,
      lapsed_customers_cents: 2000,
    })
  })

  it('recovers an injected −20 % effect of click & collect on a store’s till sales, against comparable stores', async () => {
    const res = await admin.get(
      `/api/v1/analytics/cannibalisation?store=${stores.lyon}&service=pickup&weeks=12`,
    )
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.launched_on).toBe('2024-06-03')
    const compared = body.comparison.stores.map((s: Json) => s.store_id).sort()
    // C4 opened click & collect during the windows: left out of the comparison set.
    expect(compared).toEqual([stores.nice, stores.C1, stores.C2, stores.C3].sort())
    expect(body.comparison.growth).toBeGreaterThan(1.0)
    expect(Math.abs(body.effect_pct - -20)).toBeLessThanOrEqual(2)
    expect(body.weekly).toHaveLength(24)
    expect(body.before.sales_cents + body.after.sales_cents).toBe(
      body.weekly.reduce((s: number, w: Json) => s + w.store_cents, 0),
    )
  })

  it('counts store purchases researched online first (ROPO) within the window', async () => {
    const web = as(t.app, f.keys.web)
    const check = await web.post(`/api/v1/customers/${c.A}/activity`, {
      kind: 'availability_check',
      location_id: stores.lyon,
      occurred_at: '2025-03-08T18:00:00Z',
    })
    expect(check.statusCode, check.body).toBe(201)
    // C's wishlist entry is 19 days before their purchase: outside a 7-day window.
    await web.post(`/api/v1/customers/${c.C}/activity`, {
      kind: 'wishlist',
      occurred_at: '2025-03-01T18:00:00Z',
    })
    const res = await admin.get(`/api/v1/analytics/ropo?${march}&window_days=7&store=${stores.lyon}`)
    expect(res.statusCode, res.body).toBe(200)
    // Identified till purchases at Lyon: A's (10 March, preceded by their web cart of 5 March and the
    // availability check of 8 March) and C's (20 March, nothing within 7 days).
    expect(res.json()).toMatchObject({
      store_purchases: 2,
      preceded_online: 1,
      share_pct: 50,
      by_kind: { cart: 1, availability_check: 1, wishlist: 0 },
    })
  })

  it('keeps a store key to its own store and the customer views to head office', async () => {
    const store = as(t.app, f.keys.store)
    const own = await store.get(`/api/v1/analytics/sales?${march}&by=store`)
    expect(own.statusCode).toBe(200)
    expect(own.json().data.every((r: Json) => r.store_id === stores.lyon)).toBe(true)
    expect((await store.get(`/api/v1/analytics/sales?${march}&store=${stores.nice}`)).statusCode).toBe(403)
    expect((await store.get(`/api/v1/analytics/customers?${march}`)).statusCode).toBe(403)
    expect((await as(t.app, f.keys.web).get(`/api/v1/analytics/sales`)).statusCode).toBe(403)
  })

  it('counts an order placed through the order path at the next read, without a rebuild', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
    const before = (await admin.get(`/api/v1/analytics/sales?from=${today}&to=${today}&period=day`)).json()
    const sku = await f.product({ priceCents: 1500, stock: { [stores.lyon!]: 5 } })
    const placed = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 3000 }],
    })
    expect(placed.statusCode, placed.body).toBe(201)
    const after = (await admin.get(`/api/v1/analytics/sales?from=${today}&to=${today}&period=day`)).json()
    expect(after.totals.sales_cents - before.totals.sales_cents).toBe(3000)
    expect(after.totals.orders - before.totals.orders).toBe(1)
  })
})
