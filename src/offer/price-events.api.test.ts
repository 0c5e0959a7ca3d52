import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxSize, recordedEvents } from '../events/events.fixture.ts'
import { retailFixture } from '../testing/fixture.ts'
import { startTestApp, type TestContext } from '../testing/harness.ts'
import { applyDuePriceChanges } from './prices.service.ts'

// A price that changes in a price list records price.changed with it, naming the channels selling at
// that list: at once, or when a scheduled change comes due.

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const web = () => f.channels.web
const priceEventsOf = async (sku: string) =>
  (await recordedEvents(t.database.db, web().price_list.id, ['price.changed'])).filter(
    (e) => e.payload.sku === sku,
  )

describe('the events of prices', () => {
  it('a new SKU priced in a list records its first price; a change records old and new, per list', async () => {
    const sku = await f.product({ priceCents: 2000 })
    const [first] = await priceEventsOf(sku)
    expect(first).toMatchObject({
      aggregate_type: 'price_list',
      actor_kind: 'api_key',
      payload: {
        price_list_id: web().price_list.id,
        channel_ids: [web().id],
        sku,
        old_cents: null,
        new_cents: 2000,
      },
    })
    const res = await f.admin.post('/api/v1/offer/price-changes', {
      changes: [{ price_list: web().price_list.code, sku, amount_cents: 1800 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const events = await priceEventsOf(sku)
    expect(events.map((e) => [e.payload.old_cents, e.payload.new_cents])).toEqual([
      [null, 2000],
      [2000, 1800],
    ])
    // The store list did not change: no event about it.
    const store = await recordedEvents(t.database.db, f.channels.store.price_list.id, ['price.changed'])
    expect(store.filter((e) => e.payload.sku === sku)).toHaveLength(1)
  })

  it('a tariff that sets a price to what it already is records nothing', async () => {
    const sku = await f.product({ priceCents: 2000 })
    const before = await outboxSize(t.database.db)
    const res = await f.admin.put(`/api/v1/price-lists/${web().price_list.code}/prices`, {
      prices: [{ sku, amount_cents: 2000 }],
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(await outboxSize(t.database.db)).toBe(before)
  })

  it('a scheduled price records its change when it comes due, not before', async () => {
    const sku = await f.product({ priceCents: 3000 })
    const from = new Date(Date.now() + 300).toISOString()
    const res = await f.admin.post('/api/v1/offer/price-changes', {
      changes: [{ price_list: web().price_list.code, sku, amount_cents: 2500 }],
      valid_from: from,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(await priceEventsOf(sku)).toHaveLength(1)
    await new Promise((r) => setTimeout(r, 400))
    expect(await applyDuePriceChanges(t.database.db)).toBeGreaterThanOrEqual(1)
    const [, due] = await priceEventsOf(sku)
    expect(due).toMatchObject({
      actor_kind: 'job',
      actor_id: 'offer.apply-scheduled-prices',
      payload: { old_cents: 3000, new_cents: 2500 },
    })
    expect(Date.parse(due!.payload.valid_from)).toBe(Date.parse(from))
  })
})
