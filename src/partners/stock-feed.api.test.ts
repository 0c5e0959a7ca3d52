import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordedEvents } from '../events/events.fixture.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { stockFeedFromStock } from './stock-feed.consumer.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as in the fixture
type Json = Record<string, any>

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let partnerKey: string
let other: Json
let otherKey: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  const key = async (body: Json) =>
    (await as(t.app, t.admin).post('/api/v1/api-keys', { name: `key ${unique()}`, ...body })).json()
      .secret as string
  partnerKey = await key({ role: 'channel', channel_id: f.channels.partner.id })
  const created = await as(t.app, t.admin).post('/api/v1/channels', {
    code: `${f.prefix}-distrib`,
    name: `distributeur ${f.prefix}`,
    kind: 'partner',
    fulfilment_modes: ['delivery'],
  })
  expect(created.statusCode, created.body).toBe(201)
  other = created.json()
  otherKey = await key({ role: 'channel', channel_id: other.id })
})
afterAll(() => t.close())

const settingsUrl = (ref = f.channels.partner.code) => `/api/v1/partners/${ref}/stock-feed/settings`
const feedUrl = (ref = f.channels.partner.code) => `/api/v1/partners/${ref}/stock-feed`
const configure = async (body: Json) => {
  const res = await as(t.app, t.admin).put(settingsUrl(), body)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const feed = async (cursor?: string, key = partnerKey) => {
  const res = await as(t.app, key).get(`${feedUrl()}${cursor === undefined ? '' : `?cursor=${cursor}`}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as Json
}
const quantities = (page: Json) =>
  Object.fromEntries(page.items.map((i: Json) => [i.sku, i.offered ? i.quantity : 'gone']))

describe('setting up a partner’s stock feed', () => {
  it('refuses settings naming what does not exist, with the field to correct', async () => {
    const sku = await f.product()
    const cases: Array<[Json, string]> = [
      [{ skus: [sku, 'NO-SUCH-SKU'], location_ids: [f.warehouse.id] }, 'skus/1'],
      [{ categories: ['kitchen', 'no such category'], location_ids: [f.warehouse.id] }, 'categories/1'],
      [{ skus: [sku], location_ids: [f.warehouse.id, 'NO-SUCH-PLACE'] }, 'location_ids/1'],
      [{ location_ids: [f.warehouse.id] }, 'skus'],
      [{ skus: [sku], location_ids: [] }, 'body/location_ids'],
      [{ skus: [sku], location_ids: [f.warehouse.id], buffer_bp: 12_000 }, 'body/buffer_bp'],
      [{ skus: [sku], location_ids: [f.warehouse.id], buffer_units: -1 }, 'body/buffer_units'],
    ]
    for (const [body, field] of cases) {
      const res = await as(t.app, t.admin).put(settingsUrl(), body)
      expect(res.statusCode, `${field} ${res.body}`).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'invalid_input', details: { field } })
    }
    const notPartner = await as(t.app, t.admin).put(settingsUrl(f.channels.web.code), {
      skus: [sku],
      location_ids: [f.warehouse.id],
    })
    expect(notPartner.statusCode).toBe(422)
    const byPartner = await as(t.app, partnerKey).put(settingsUrl(), {
      skus: [sku],
      location_ids: [f.warehouse.id],
    })
    expect(byPartner.statusCode).toBe(403)
  })

  it('offers the SKUs listed and those of the categories, at the partner’s locations, less the buffer', async () => {
    const category = `garden-${unique()}`
    const listed = await f.product({ stock: { [f.warehouse.id]: 10, [f.warehouse2.id]: 100 } })
    const inCategory = await f.product({ category, stock: { [f.warehouse.id]: 4, [f.store.id]: 8 } })
    const notSold = await f.product({ stock: { [f.warehouse.id]: 50 } })
    const settings = await configure({
      skus: [listed],
      categories: [category],
      location_ids: [f.warehouse.code, f.store.id],
      buffer_bp: 2500,
      buffer_units: 1,
    })
    expect(settings).toMatchObject({
      skus: [listed],
      categories: [category],
      location_ids: [f.warehouse.id, f.store.id],
      buffer_bp: 2500,
      buffer_units: 1,
      skus_in_stock: 2,
    })
    const page = await feed()
    expect(page).toMatchObject({ snapshot: true, has_more: false, channel: { id: f.channels.partner.id } })
    // listed: 10 at WH-A (WH-B is not the partner's) − 3 (25 % rounded up) − 1 = 6;
    // in the category: 4 + 8 = 12 − 3 − 1 = 8.
    expect(quantities(page)).toEqual({ [listed]: 6, [inCategory]: 8 })
    expect(page.items.find((i: Json) => i.sku === listed)).toMatchObject({ name: expect.any(String) })
    expect(quantities(page)[notSold]).toBeUndefined()
    const read = await as(t.app, t.admin).get(settingsUrl())
    expect(read.json()).toMatchObject({ buffer_bp: 2500, cursor: page.cursor })
  })
})

describe('the feed’s changes since a cursor', () => {
  it('answers what a sale and a receipt changed, and nothing more when nothing moved', async () => {
    const a = await f.product({ priceCents: 1000, stock: { [f.warehouse.id]: 10 } })
    const b = await f.product({ stock: { [f.warehouse.id]: 2 } })
    await configure({ skus: [a, b], location_ids: [f.warehouse.id] })
    const first = await feed()
    expect(quantities(first)).toEqual({ [a]: 10, [b]: 2 })

    const sale = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku: a, quantity: 3, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 3000 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    const afterSale = await feed(first.cursor)
    expect(afterSale.snapshot).toBe(false)
    expect(quantities(afterSale)).toEqual({ [a]: 7 })

    const receipt = await as(t.app, t.admin).post('/api/v1/inventory/receipts', {
      location_id: f.warehouse.id,
      lines: [{ sku: b, quantity: 5 }],
    })
    expect(receipt.statusCode, receipt.body).toBe(201)
    const afterReceipt = await feed(afterSale.cursor)
    expect(quantities(afterReceipt)).toEqual({ [b]: 7 })

    const still = await feed(afterReceipt.cursor)
    expect(still).toMatchObject({ items: [], cursor: afterReceipt.cursor, has_more: false })
    // A fresh snapshot gives the state now.
    expect(quantities(await feed())).toEqual({ [a]: 7, [b]: 7 })
  })

  it('goes out as partner.stock_changed events, once per change, with the cursor after it', async () => {
    const a = await f.product({ stock: { [f.warehouse.id]: 5 } })
    await configure({ skus: [a], location_ids: [f.warehouse.id] })
    const start = await feed()
    await as(t.app, t.admin).post('/api/v1/inventory/receipts', {
      location_id: f.warehouse.id,
      lines: [{ sku: a, quantity: 2 }],
    })
    const changed = await feed(start.cursor)
    await feed(changed.cursor)
    const events = (
      await recordedEvents(t.database.db, f.channels.partner.id, ['partner.stock_changed'])
    ).filter((e) => e.payload.items.some((i: Json) => i.sku === a))
    // One from the settings (admin's key), one from the receipt (the feed's consumer), none from the reads.
    expect(
      events.map((e) => [e.actor_kind, e.payload.items.find((i: Json) => i.sku === a).quantity]),
    ).toEqual([
      ['api_key', 5],
      ['job', 7],
    ])
    expect(events[1]).toMatchObject({
      aggregate_type: 'channel',
      actor_id: 'partners.stock-feed',
      payload: { channel_id: f.channels.partner.id, cursor: changed.cursor },
    })
  })

  it('a stock event applied again (a redelivery) changes nothing more and writes no event', async () => {
    const a = await f.product({ stock: { [f.warehouse.id]: 5 } })
    await configure({ skus: [a], location_ids: [f.warehouse.id] })
    await as(t.app, t.admin).post('/api/v1/inventory/receipts', {
      location_id: f.warehouse.id,
      lines: [{ sku: a, quantity: 1 }],
    })
    const before = await feed()
    const changes = async () =>
      (await recordedEvents(t.database.db, f.channels.partner.id, ['partner.stock_changed'])).length
    const count = await changes()
    const received = {
      id: `evt_${unique()}`,
      type: 'stock.received',
      version: 1,
      position: 1,
      aggregate: { type: 'location', id: f.warehouse.id },
      occurred_at: new Date().toISOString(),
      actor: { kind: 'system' as const, id: null },
      data: { location_id: f.warehouse.id, lines: [{ sku: a, quantity: 1 }] },
    }
    for (let i = 0; i < 2; i++) {
      await t.database.db.transaction((tx) => stockFeedFromStock.applyBatch(tx, [received, received]))
    }
    expect(await changes()).toBe(count)
    const after = await feed()
    expect(after.cursor).toBe(before.cursor)
    expect(quantities(after)).toEqual(quantities(before))
    expect(quantities(after)[a]).toBe(6)
  })

  it('partner.stock_changed is in the AsyncAPI document with its payload', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/asyncapi.json' })).json()
    expect(doc.channels.partner_stock_changed.address).toBe('passerelle.partner.stock_changed')
    const payload = doc.components.messages.partner_stock_changed.payload
    expect(payload.properties.aggregate.properties.type.const).toBe('channel')
    expect(payload.properties.data.required).toEqual(['channel_id', 'cursor', 'items'])
  })

  it('drops a SKU that leaves the feed to 0, not offered, and pages through many changes', async () => {
    const skus = []
    for (let i = 0; i < 5; i++) skus.push(await f.product({ stock: { [f.warehouse.id]: i + 1 } }))
    await configure({ skus, location_ids: [f.warehouse.id] })
    const start = await feed()
    await configure({ skus: skus.slice(0, 4), location_ids: [f.warehouse.id] })
    const left = await feed(start.cursor)
    expect(quantities(left)).toEqual({ [skus[4]!]: 'gone' })
    expect(left.items[0]).toMatchObject({ quantity: 0, offered: false })

    const pages: Json[] = []
    let cursor: string | undefined
    for (let i = 0; i < 10; i++) {
      const res = await as(t.app, partnerKey).get(`${feedUrl()}?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.statusCode, res.body).toBe(200)
      pages.push(res.json())
      cursor = res.json().cursor
      if (!res.json().has_more) break
    }
    expect(pages.length).toBe(2)
    expect(pages[0]!.items.length).toBe(3)
    // The first page is the snapshot (only what is offered); the pages after it are the changes since,
    // which may also say again that a SKU left.
    const items = pages.flatMap((p) => p.items)
    const offered = new Set(items.filter((i: Json) => i.offered).map((i: Json) => i.sku))
    expect([...offered].sort()).toEqual(skus.slice(0, 4).sort())
    expect(items.filter((i: Json) => !i.offered).map((i: Json) => i.sku)).not.toContain(skus[0])
  })
})

describe('what the brand’s own channels hold', () => {
  it('a unit reserved for a click & collect order or kept as safety stock is never offered to the partner', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 4 } })
    const safety = await as(t.app, t.admin).put('/api/v1/inventory/safety-stock', {
      location_id: f.store.id,
      sku,
      safety_stock: 1,
    })
    expect([200, 201]).toContain(safety.statusCode)
    await configure({ skus: [sku], location_ids: [f.store.id] })
    const start = await feed()
    expect(quantities(start)).toEqual({ [sku]: 3 })

    const pickup = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 2, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'card', amount_cents: 2000 }],
    })
    expect(pickup.statusCode, pickup.body).toBe(201)
    const held = await feed(start.cursor)
    // 4 on hand − 2 held for the pickup − 1 safety stock.
    expect(quantities(held)).toEqual({ [sku]: 1 })

    const cancelled = await as(t.app, f.keys.web).post(`/api/v1/orders/${pickup.json().id}/cancel`, {
      reason: 'changed their mind',
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(quantities(await feed(held.cursor))).toEqual({ [sku]: 3 })
  })

  it('the last available units, reserved by a web order, leave the partner nothing', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.warehouse.id]: 2 } })
    await configure({ skus: [sku], location_ids: [f.warehouse.id] })
    const start = await feed()
    const order = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 2, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 2000 }],
    })
    expect(order.statusCode, order.body).toBe(201)
    expect(quantities(await feed(start.cursor))).toEqual({ [sku]: 0 })
    expect(quantities(await feed())).toEqual({ [sku]: 0 })
  })
})

describe('who reads a feed', () => {
  it('a partner reads its own feed only: another partner’s, or a feed for a web key, is not found', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 3 } })
    await configure({ skus: [sku], location_ids: [f.warehouse.id] })
    const mine = await as(t.app, partnerKey).get(feedUrl())
    expect(mine.statusCode).toBe(200)
    for (const key of [otherKey, f.keys.web]) {
      const res = await as(t.app, key).get(feedUrl())
      expect(res.statusCode, res.body).toBe(404)
      expect(res.json().error.code).toBe('stock_feed_not_found')
      expect(res.body).not.toContain(sku)
    }
    // The other partner has no feed of its own yet.
    const own = await as(t.app, otherKey).get(feedUrl(other.code))
    expect(own.statusCode).toBe(404)
    const admin = await as(t.app, t.admin).get(feedUrl())
    expect(admin.statusCode).toBe(200)
  })

  it('the CSV feed neutralises formula cells and carries the cursor in a header', async () => {
    const sku = await f.product({ name: '=HYPERLINK("http://evil","clic")', stock: { [f.warehouse.id]: 3 } })
    await configure({ skus: [sku], location_ids: [f.warehouse.id] })
    const res = await as(t.app, partnerKey).get(`${feedUrl()}?format=csv`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['x-feed-has-more']).toBe('false')
    const [header, row] = res.body.split('\r\n')
    expect(header).toBe('sku,ean,name,quantity,offered,updated_at')
    expect(row).toContain(`"'=HYPERLINK(""http://evil"",""clic"")",3,true,`)
    expect(res.body).not.toMatch(/,=HYPERLINK/)
    const json = await feed()
    expect(res.headers['x-feed-cursor']).toBe(json.cursor)
  })
})
