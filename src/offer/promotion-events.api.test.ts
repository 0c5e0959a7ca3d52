import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordedEvents, silent } from '../events/events.fixture.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { offerJobs } from './offer.jobs.ts'

// A promotion records promotion.started when it begins to apply and promotion.ended when it stops:
// created running or stopped by hand (at once), its dates passing (by the job), its total limit
// reached by an order (with that order) or freed by a cancellation.

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const announce = () =>
  offerJobs
    .find((j) => j.id === 'offer.announce-promotions')!
    .run(t.database.db, silent, new AbortController().signal)
const typesOf = async (id: string) => (await recordedEvents(t.database.db, id)).map((e) => e.type)

async function promotion(body: Record<string, unknown>) {
  const res = await as(t.app, t.admin).post('/api/v1/promotions', {
    code: `P-${unique()}`,
    name: 'Promo',
    kind: 'percentage',
    percent_bp: 1000,
    target: { kind: 'categories', categories: [`promo-${unique()}`] },
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

describe('the events of promotions', () => {
  it('a promotion created running starts at once; stopped by hand, it ends', async () => {
    const promo = await promotion({ channels: [f.channels.web.code] })
    const [started] = await recordedEvents(t.database.db, promo.id)
    expect(started).toMatchObject({
      type: 'promotion.started',
      aggregate_type: 'promotion',
      actor_kind: 'api_key',
      payload: { promotion_id: promo.id, channel_ids: [f.channels.web.id], ends_at: null },
    })
    const stopped = await as(t.app, t.admin).patch(`/api/v1/promotions/${promo.code}`, { active: false })
    expect(stopped.statusCode, stopped.body).toBe(200)
    expect(await typesOf(promo.id)).toEqual(['promotion.started', 'promotion.ended'])
    // Nothing more to say: the job finds it already announced.
    await announce()
    expect(await typesOf(promo.id)).toEqual(['promotion.started', 'promotion.ended'])
  })

  it('a promotion planned ahead starts when the job finds its date passed, and ends likewise', async () => {
    const startsAt = new Date(Date.now() + 3_600_000)
    const promo = await promotion({
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    })
    await announce()
    expect(await typesOf(promo.id)).toEqual([])
    await t.database.db.execute(
      sql`UPDATE promotion SET starts_at = now() - interval '1 minute' WHERE id = ${promo.id}`,
    )
    await announce()
    const [started] = await recordedEvents(t.database.db, promo.id)
    expect(started).toMatchObject({
      type: 'promotion.started',
      actor_kind: 'job',
      actor_id: 'offer.announce-promotions',
      payload: { channel_ids: [] },
    })
    expect(Date.parse(started!.payload.ends_at)).toBe(startsAt.getTime() + 3_600_000)
    await t.database.db.execute(
      sql`UPDATE promotion SET ends_at = now() - interval '1 second' WHERE id = ${promo.id}`,
    )
    await announce()
    expect(await typesOf(promo.id)).toEqual(['promotion.started', 'promotion.ended'])
  })

  it('the order taking the last use ends a limited promotion; a cancellation giving one back starts it again', async () => {
    const cat = `promo-${unique()}`
    const sku = await f.product({ priceCents: 1000, category: cat, stock: { [f.warehouse.id]: 5 } })
    const code = `LAST${unique()}`.slice(0, 30).toUpperCase()
    const promo = await promotion({
      kind: 'amount_off',
      percent_bp: undefined,
      amount_cents: 300,
      voucher_code: code,
      limit_total: 1,
      target: { kind: 'categories', categories: [cat] },
    })
    const order = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      promotion_codes: [code],
      payments: [{ method: 'card', amount_cents: 700 }],
    })
    expect(order.statusCode, order.body).toBe(201)
    expect(await typesOf(promo.id)).toEqual(['promotion.started', 'promotion.ended'])
    const cancelled = await as(t.app, t.admin).post(`/api/v1/orders/${order.json().id}/cancel`, {
      reason: 'changed mind',
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(await typesOf(promo.id)).toEqual(['promotion.started', 'promotion.ended', 'promotion.started'])
  })
})
