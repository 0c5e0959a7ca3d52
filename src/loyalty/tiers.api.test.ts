import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { loyaltyKit } from '../testing/loyalty.fixture.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let kit: ReturnType<typeof loyaltyKit>
let sku: string

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  kit = loyaltyKit(t, f)
  sku = await kit.product('kitchen', 10_000)
  const ladder = await kit.admin.put('/api/v1/loyalty/tiers', {
    tiers: [
      { code: 'or', name: 'Or', threshold_points: 1000, multiplier_percent: 200 },
      { code: 'membre', name: 'Membre', threshold_points: 0 },
      { code: 'argent', name: 'Argent', threshold_points: 300, multiplier_percent: 150 },
    ],
  })
  expect(ladder.statusCode, ladder.body).toBe(200)
})
afterAll(() => t.close())

const buy = (id: string, quantity: number) =>
  kit.tillSale(id, [{ sku, quantity }], [{ method: 'card', amount_cents: quantity * 10_000 }])

describe('tiers over a rolling year', () => {
  it('the ladder is shown lowest first', async () => {
    const programme = (await as(t.app, f.keys.web).get('/api/v1/loyalty/programme')).json()
    expect(programme.tiers.map((x: { code: string }) => x.code)).toEqual(['membre', 'argent', 'or'])
    expect(programme).toMatchObject({ tier_window_months: 12, points_per_euro: 1 })
  })

  it('earning enough reaches the next tier, whose multiplier the following orders earn', async () => {
    const id = await kit.member()
    expect(await kit.statement(id)).toMatchObject({
      tier: { code: 'membre' },
      qualifying_points: 0,
      next_tier: { code: 'argent', points_needed: 300 },
    })
    await buy(id, 2)
    await buy(id, 1)
    const silver = await kit.statement(id)
    // 200 + 100 points, all at the Membre rate: the second order did not yet hold Argent.
    expect(silver).toMatchObject({
      balance: 300,
      qualifying_points: 300,
      tier: { code: 'argent', name: 'Argent', multiplier_percent: 150 },
      next_tier: { code: 'or', points_needed: 700 },
    })
    await buy(id, 1)
    const [earn] = (await kit.statement(id)).entries
    expect(earn).toMatchObject({
      kind: 'earn',
      points: 150,
      detail: { tier: 'argent', qualifying_points: 300 },
    })
    expect(earn.detail.rules).toContainEqual({ source: 'tier:argent', label: 'Argent ×1.5', points: 50 })

    const view = (await as(t.app, f.keys.callCentre).get(`/api/v1/customers/${id}/360`)).json()
    expect(view.loyalty).toEqual({
      balance: 450,
      worth_cents: 2250,
      tier: { code: 'argent', name: 'Argent' },
    })
  })

  it('points earned more than a year ago no longer count; spent points still do', async () => {
    const id = await kit.member()
    await buy(id, 4)
    await kit.webOrder(id, sku, [
      { method: 'loyalty_points', amount_cents: 2000 },
      { method: 'card', amount_cents: 8000 },
    ])
    expect(await kit.statement(id)).toMatchObject({
      balance: 0,
      qualifying_points: 400,
      tier: { code: 'argent' },
    })
    await kit.sql(
      `UPDATE loyalty_entry SET created_at = now() - interval '13 months' WHERE customer_id = $1`,
      [id],
    )
    expect(await kit.statement(id)).toMatchObject({ qualifying_points: 0, tier: { code: 'membre' } })
  })

  it('a ladder with a threshold twice is refused naming it, and the ladder is kept', async () => {
    const before = (await kit.admin.get('/api/v1/loyalty/programme')).json().tiers
    const twice = await kit.admin.put('/api/v1/loyalty/tiers', {
      tiers: [
        { code: 'a', name: 'A', threshold_points: 0 },
        { code: 'b', name: 'B', threshold_points: 0 },
      ],
    })
    expect(twice.statusCode).toBe(400)
    expect(twice.json().error.details.field).toBe('tiers/1/threshold_points')
    const badCode = await kit.admin.put('/api/v1/loyalty/tiers', {
      tiers: [{ code: 'Or Massif', name: 'Or', threshold_points: 0 }],
    })
    expect(badCode.json().error.details.field).toBe('body/tiers/0/code')
    const lowMultiplier = await kit.admin.put('/api/v1/loyalty/tiers', {
      tiers: [{ code: 'or', name: 'Or', threshold_points: 0, multiplier_percent: 50 }],
    })
    expect(lowMultiplier.json().error.details.field).toBe('body/tiers/0/multiplier_percent')
    const byStore = await as(t.app, f.keys.store).put('/api/v1/loyalty/tiers', { tiers: [] })
    expect(byStore.statusCode).toBe(403)
    expect((await kit.admin.get('/api/v1/loyalty/programme')).json().tiers).toEqual(before)
  })
})
