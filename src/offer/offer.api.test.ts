import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { applyDuePriceChanges } from './prices.service.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const list = (kind: keyof typeof f.channels) => f.channels[kind].price_list.code as string
const code = (kind: keyof typeof f.channels) => f.channels[kind].code as string

/** A category of its own with a policy, and a SKU in it at one price everywhere. */
async function policed(policy: Record<string, unknown>, priceCents = 10_000) {
  const category = `cat-${unique()}`.toLowerCase()
  const res = await f.admin.put(`/api/v1/offer/policies/${category}`, policy)
  expect(res.statusCode, res.body).toBe(200)
  const sku = await f.product({ category, priceCents })
  return { category, sku }
}

const change = (body: Record<string, unknown>) => f.admin.post('/api/v1/offer/price-changes', body)

describe('guarded price changes', () => {
  it('a web price more than 10 % under the store price is refused with the rule, the channels and the numbers', async () => {
    const { sku } = await policed({ max_spread_pct: 10 })
    const res = await change({ changes: [{ price_list: list('web'), sku, amount_cents: 8_500 }] })
    expect(res.statusCode, res.body).toBe(422)
    const { error } = res.json()
    expect(error.code).toBe('price_incoherent')
    expect(error.details.violations).toEqual([
      expect.objectContaining({
        sku,
        rule: 'spread_pct',
        lowest: { channel: code('web'), cents: 8_500 },
        highest: expect.objectContaining({ cents: 10_000 }),
        max_spread_pct: 10,
        spread_pct: 17.65,
      }),
    ])
    expect(error.message).toContain('at most 10 % allowed')
    const now = (await f.admin.get(`/api/v1/offer/prices/${sku}`)).json()
    expect(now.prices.find((p: { price_list: string }) => p.price_list === list('web')).amount_cents).toBe(
      10_000,
    )
    expect((await f.admin.get(`/api/v1/offer/prices/${sku}/history`)).json().data).toEqual([])
  })

  it('moving every channel together within the spread is accepted and kept in the history', async () => {
    const { sku } = await policed({ max_spread_pct: 10, price_endings: [99, 0] })
    const lists = Object.keys(f.channels).map((k) => list(k as keyof typeof f.channels))
    const res = await change({
      changes: lists.map((l) => ({ price_list: l, sku, amount_cents: l === list('web') ? 8_999 : 9_499 })),
      reason: 'spring tariff',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().forced).toBe(false)
    const history = (
      await f.admin.get(`/api/v1/offer/prices/${sku}/history?price_list=${list('web')}`)
    ).json()
    expect(history.data).toEqual([
      expect.objectContaining({
        old_cents: 10_000,
        new_cents: 8_999,
        kind: 'manual',
        reason: 'spring tariff',
      }),
    ])
  })

  it('a forced change is recorded with its reason and the rules it broke', async () => {
    const { sku } = await policed({
      max_spread_pct: 10,
      direction: [{ cheaper: code('web'), dearer: code('store') }],
    })
    const res = await change({
      changes: [{ price_list: list('web'), sku, amount_cents: 12_000 }],
      force: { reason: 'supplier shortage on the web warehouse' },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().forced).toBe(true)
    const [entry] = (await f.admin.get(`/api/v1/offer/prices/${sku}/history`)).json().data
    expect(entry).toMatchObject({
      kind: 'forced',
      forced: true,
      reason: 'supplier shortage on the web warehouse',
      old_cents: 10_000,
      new_cents: 12_000,
      actor: 'test admin',
    })
    expect(entry.violations.map((v: { rule: string }) => v.rule).sort()).toEqual(['direction', 'spread_pct'])
  })

  it('the price in force at a past instant comes from the history', async () => {
    const { sku } = await policed({})
    const before = new Date().toISOString()
    await new Promise((r) => setTimeout(r, 20))
    expect(
      (await change({ changes: [{ price_list: list('store'), sku, amount_cents: 9_000 }] })).statusCode,
    ).toBe(201)
    await new Promise((r) => setTimeout(r, 20))
    const between = new Date().toISOString()
    await new Promise((r) => setTimeout(r, 20))
    expect(
      (await change({ changes: [{ price_list: list('store'), sku, amount_cents: 8_000 }] })).statusCode,
    ).toBe(201)
    const at = async (instant: string) =>
      (await f.admin.get(`/api/v1/offer/prices/${sku}?at=${instant}`))
        .json()
        .prices.find((p: { price_list: string }) => p.price_list === list('store')).amount_cents
    expect(await at(before)).toBe(10_000)
    expect(await at(between)).toBe(9_000)
    expect(await at(new Date().toISOString())).toBe(8_000)
  })

  it('a scheduled price is resolvable ahead and becomes the current price when the sweeper finds it due', async () => {
    const { sku } = await policed({})
    const from = new Date(Date.now() + 3_600_000).toISOString()
    const res = await change({
      changes: [{ price_list: list('web'), sku, amount_cents: 7_999 }],
      valid_from: from,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().changes[0].applied_at).toBeNull()
    const web = async (query = '') =>
      (await f.admin.get(`/api/v1/offer/prices/${sku}${query}`))
        .json()
        .prices.find((p: { price_list: string }) => p.price_list === list('web')).amount_cents
    expect(await web()).toBe(10_000)
    expect(await web(`?at=${new Date(Date.now() + 7_200_000).toISOString()}`)).toBe(7_999)
    // Not due yet: the sweeper leaves it.
    await applyDuePriceChanges(t.database.db)
    expect(await web()).toBe(10_000)
    // The clock reaches it (its time moved back rather than the test waiting an hour).
    await t.database.db.execute(
      sql`UPDATE price_change SET valid_from = now() - interval '1 second' WHERE sku = ${sku} AND applied_at IS NULL`,
    )
    expect(await applyDuePriceChanges(t.database.db)).toBeGreaterThanOrEqual(1)
    const variant = (await f.admin.get(`/api/v1/price-lists/${list('web')}/prices?sku=${sku}`)).json()
    expect(variant.data[0].amount_cents).toBe(7_999)
    expect(await web()).toBe(7_999)
  })

  it('a valid_from in the past is refused, naming the field', async () => {
    const { sku } = await policed({})
    const res = await change({
      changes: [{ price_list: list('web'), sku, amount_cents: 100 }],
      valid_from: '2020-01-01T00:00:00Z',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('valid_from')
  })
})

describe('competitor prices', () => {
  it('a CSV file with a bad row is refused naming its row and column, and imports nothing', async () => {
    const sku = await f.product({ category: 'garden' })
    const csv = [
      'competitor;sku;channel;price;observed_at;source',
      `Rival;${sku};${code('web')};89,90;2025-03-01;rival.fr`,
      `Rival;${sku};${code('web')};douze;2025-03-02;rival.fr`,
    ].join('\n')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offer/competitor-prices/import',
      payload: csv,
      headers: { authorization: `Bearer ${t.admin}`, 'content-type': 'text/csv' },
    })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'invalid_input', details: { row: 3, column: 'price' } })
    expect(res.json().error.message).toMatch(/^row 3, column price: /)
    expect((await f.admin.get(`/api/v1/offer/competitor-prices?sku=${sku}`)).json().data).toEqual([])
  })

  it('an unknown SKU in a CSV file is named by row and column too', async () => {
    const sku = await f.product({ category: 'garden' })
    const csv = `competitor,sku,channel,price,observed_at\nRival,${sku},${code('web')},10.00,2025-03-01\nRival,NOPE-${sku},${code('web')},10.00,2025-03-01\n`
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offer/competitor-prices/import',
      payload: csv,
      headers: { authorization: `Bearer ${t.admin}`, 'content-type': 'text/csv' },
    })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().error.details).toMatchObject({ row: 3, column: 'sku', field: 'rows/3/sku' })
  })
})

describe('coherence report', () => {
  it('finds the SKUs breaking their policy or above the competitor, and its applied suggestions leave none', async () => {
    const { sku: spread } = await policed({ max_spread_pct: 10, price_endings: [99, 0] })
    const { sku: rival } = await policed(
      { competitor: { max_above_pct: 5, window_days: 30 }, price_endings: [99, 95] },
      4_999,
    )
    const { sku: fine } = await policed({ max_spread_pct: 10 })
    await change({
      changes: [{ price_list: list('web'), sku: spread, amount_cents: 7_999 }],
      force: { reason: 'test' },
    })
    const seen = new Date(Date.now() - 86_400_000).toISOString()
    const recorded = await f.admin.post('/api/v1/offer/competitor-prices', {
      observations: [
        {
          competitor: 'Rival',
          sku: rival,
          channel: code('web'),
          price_cents: 4_000,
          observed_at: seen,
          source: 'rival.fr',
        },
        // Too old to count: outside the 30-day window.
        {
          competitor: 'Old',
          sku: rival,
          channel: code('store'),
          price_cents: 1_000,
          observed_at: '2020-01-01T00:00:00Z',
        },
      ],
    })
    expect(recorded.statusCode, recorded.body).toBe(201)

    const report = (await f.admin.get('/api/v1/offer/coherence-report?limit=200')).json()
    const bySku = new Map(report.data.map((r: { sku: string }) => [r.sku, r]))
    expect(bySku.has(fine)).toBe(false)
    expect(bySku.get(spread)).toMatchObject({ violations: [expect.objectContaining({ rule: 'spread_pct' })] })
    expect(bySku.get(rival)).toMatchObject({
      violations: [expect.objectContaining({ rule: 'competitor', channel: code('web'), max_cents: 4_200 })],
      suggestion: {
        feasible: true,
        prices: expect.arrayContaining([
          expect.objectContaining({ price_list: list('web'), to_cents: 4_199 }),
        ]),
      },
    })
    const csv = await f.admin.get('/api/v1/offer/coherence-report?format=csv')
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain(rival)

    const applied = await f.admin.post('/api/v1/offer/coherence-report/apply', {})
    expect(applied.statusCode, applied.body).toBe(200)
    expect(applied.json().infeasible).toEqual([])
    const after = (await f.admin.get('/api/v1/offer/coherence-report')).json()
    expect(after).toMatchObject({ violating: 0, data: [] })
    const [correction] = (await f.admin.get(`/api/v1/offer/prices/${rival}/history`)).json().data
    expect(correction).toMatchObject({ kind: 'coherence_correction', old_cents: 4_999, new_cents: 4_199 })
  })

  it('the price explanation gives the list, since when, the previous price, the policy and the cheapest competitor', async () => {
    const { sku } = await policed({ max_spread_pct: 20, competitor: { max_above_pct: 10 } })
    await change({
      changes: [{ price_list: list('web'), sku, amount_cents: 9_500 }],
      reason: 'align on rivals',
    })
    await f.admin.post('/api/v1/offer/competitor-prices', {
      observations: [
        {
          competitor: 'Rival',
          sku,
          channel: code('web'),
          price_cents: 9_000,
          observed_at: new Date().toISOString(),
        },
      ],
    })
    const res = await f.admin.get(`/api/v1/offer/prices/${sku}/explanation?channel=${code('web')}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      sku,
      channel: { code: code('web') },
      price_list: { code: list('web') },
      price_cents: 9_500,
      previous_cents: 10_000,
      last_change: { kind: 'manual', reason: 'align on rivals' },
      policy: { max_spread_pct: 20, competitor: { max_above_pct: 10, window_days: 30 } },
      coherent: true,
      violations: [],
      cheapest_competitor: { competitor: 'Rival', price_cents: 9_000 },
      promotions: [],
    })
    expect(Date.parse(res.json().since)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('says when no price set satisfies the policy', async () => {
    const { sku } = await policed({ min_margin_pct: 50, competitor: { max_above_pct: 0 } })
    expect(
      (await f.admin.put('/api/v1/offer/costs', { costs: [{ sku, cost_cents: 8_000 }] })).statusCode,
    ).toBe(200)
    await f.admin.post('/api/v1/offer/competitor-prices', {
      observations: [
        {
          competitor: 'Rival',
          sku,
          channel: code('web'),
          price_cents: 9_000,
          observed_at: new Date().toISOString(),
        },
      ],
    })
    const report = (await f.admin.get('/api/v1/offer/coherence-report?limit=200')).json()
    const found = report.data.find((r: { sku: string }) => r.sku === sku)
    expect(found.suggestion).toEqual({
      feasible: false,
      reason: expect.stringMatching(/^no price set satisfies this policy: the floor of 12000 cents/),
    })
    const applied = (await f.admin.post('/api/v1/offer/coherence-report/apply', { skus: [sku] })).json()
    expect(applied).toMatchObject({ corrected: 0, infeasible: [{ sku }] })
  })
})
