import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { loyaltyKit } from '../testing/loyalty.fixture.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let kit: ReturnType<typeof loyaltyKit>
let sku: string
let voucher25: { id: string }

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  kit = loyaltyKit(t, f)
  sku = await kit.product('kitchen', 5000)
  const created = await kit.admin.post('/api/v1/loyalty/rewards', {
    name: 'Bon d’achat 25 €',
    points_cost: 500,
    voucher_cents: 2500,
    voucher_valid_days: 90,
  })
  expect(created.statusCode, created.body).toBe(201)
  voucher25 = created.json()
})
afterAll(() => t.close())

async function memberWith(points: number) {
  const id = await kit.member()
  const res = await kit.admin.post(`/api/v1/customers/${id}/loyalty/adjustments`, { points, reason: 'test' })
  expect(res.statusCode, res.body).toBe(200)
  return id
}

async function vouchersOf(customerId: string) {
  return kit.sql<{ code: string; balance_cents: number; source: string }>(
    `SELECT code, balance_cents, source FROM stored_value_account WHERE customer_id = $1 AND kind = 'voucher'`,
    [customerId],
  )
}

const redeem = (key: string, customerId: string, rewardId: string, headers?: Record<string, string>) =>
  as(t.app, key).post(`/api/v1/customers/${customerId}/loyalty/redemptions`, { reward_id: rewardId }, headers)

describe('rewards', () => {
  it('500 points become a 25 € voucher at the till, which then pays a web order', async () => {
    const id = await memberWith(700)
    const res = await redeem(f.keys.store, id, voucher25.id)
    expect(res.statusCode, res.body).toBe(201)
    const { voucher, balance, points_spent } = res.json()
    expect({ balance, points_spent }).toEqual({ balance: 200, points_spent: 500 })
    expect(voucher).toMatchObject({ kind: 'voucher', balance_cents: 2500 })
    const days = (new Date(voucher.expires_at).getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(89.9)
    expect(days).toBeLessThanOrEqual(90)
    const [burn] = (await kit.statement(id)).entries
    expect(burn).toMatchObject({
      kind: 'burn',
      points: -500,
      reason: 'Bon d’achat 25 €: voucher of 25.00 €',
      detail: { reward_id: voucher25.id, voucher_id: voucher.id, voucher_code: voucher.code },
    })
    expect(await vouchersOf(id)).toEqual([{ code: voucher.code, balance_cents: 2500, source: 'reward' }])

    const web = await kit.webOrder(id, sku, [
      { method: 'voucher', amount_cents: 2500, reference: voucher.code },
      { method: 'card', amount_cents: 2500 },
    ])
    expect(web.statusCode, web.body).toBe(201)
    expect(await vouchersOf(id)).toEqual([{ code: voucher.code, balance_cents: 0, source: 'reward' }])
  })

  it('of three redemptions of the same points at once, exactly one succeeds and one voucher is issued', async () => {
    const id = await memberWith(500)
    const results = await Promise.all([1, 2, 3].map(() => redeem(f.keys.callCentre, id, voucher25.id)))
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
    const lost = results.find((r) => r.statusCode === 409)!
    expect(lost.json().error).toMatchObject({
      code: 'insufficient_points',
      details: { balance: 0, requested: 500 },
    })
    expect((await kit.statement(id)).balance).toBe(0)
    expect(await vouchersOf(id)).toHaveLength(1)
  })

  it('a web shop redeems for its logged-in customer only, and a retry issues one voucher', async () => {
    const web = as(t.app, f.keys.web)
    const created = await web.post('/api/v1/customers', { email: `${unique('r')}@example.fr`.toLowerCase() })
    const id = created.json().id as string
    const login = `r-${unique()}`
    expect((await web.post(`/api/v1/customers/${id}/channel-accounts`, { login })).statusCode).toBe(201)
    await kit.admin.post(`/api/v1/customers/${id}/loyalty/adjustments`, { points: 1200, reason: 'test' })
    const headers = { 'x-customer-login': login, 'idempotency-key': unique('redeem') }
    const first = await redeem(f.keys.web, id, voucher25.id, headers)
    const retry = await redeem(f.keys.web, id, voucher25.id, headers)
    expect(first.statusCode, first.body).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json().voucher.code).toBe(first.json().voucher.code)
    expect((await kit.statement(id)).balance).toBe(700)
    const other = await memberWith(1000)
    const notMine = await redeem(f.keys.web, other, voucher25.id, { 'x-customer-login': login })
    expect(notMine.statusCode).toBe(404)
    expect((await kit.statement(other)).balance).toBe(1000)
  })

  it('an unknown or retired reward, too few points, or a bad catalogue entry is refused, and nothing is written', async () => {
    const id = await memberWith(300)
    const unknown = await redeem(f.keys.store, id, 'rwd_nope')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details.field).toBe('reward_id')
    const tooFew = await redeem(f.keys.store, id, voucher25.id)
    expect(tooFew.statusCode).toBe(409)
    expect(tooFew.json().error).toMatchObject({
      code: 'insufficient_points',
      details: { balance: 300, requested: 500 },
    })
    const small = (
      await kit.admin.post('/api/v1/loyalty/rewards', {
        name: 'Bon 5 €',
        points_cost: 100,
        voucher_cents: 500,
      })
    ).json()
    const retired = await kit.admin.patch(`/api/v1/loyalty/rewards/${small.id}`, { active: false })
    expect(retired.json()).toMatchObject({ active: false, voucher_valid_days: null })
    const gone = await redeem(f.keys.store, id, small.id)
    expect(gone.statusCode).toBe(422)
    expect(gone.json().error.code).toBe('reward_unavailable')
    expect((await kit.statement(id)).balance).toBe(300)
    expect(await vouchersOf(id)).toEqual([])

    const offered = async () => (await kit.admin.get('/api/v1/loyalty/rewards')).json().data.length
    const before = await offered()
    for (const [body, field] of [
      [{ name: 'Bon', points_cost: 0, voucher_cents: 500 }, 'body/points_cost'],
      [{ name: 'Bon', points_cost: 100, voucher_cents: -5 }, 'body/voucher_cents'],
      [{ name: '   ', points_cost: 100, voucher_cents: 500 }, 'name'],
      [{ name: 'Bon', points_cost: 100 }, 'body/voucher_cents'],
      [
        { name: 'Bon', points_cost: 100, voucher_cents: 500, voucher_valid_days: 0 },
        'body/voucher_valid_days',
      ],
    ] as const) {
      const res = await kit.admin.post('/api/v1/loyalty/rewards', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().error.details.field, JSON.stringify(body)).toBe(field)
    }
    const byStore = await as(t.app, f.keys.store).post('/api/v1/loyalty/rewards', {
      name: 'Bon',
      points_cost: 1,
      voucher_cents: 100_000,
    })
    expect(byStore.statusCode).toBe(403)
    expect(await offered()).toBe(before)
    const listed = (await as(t.app, f.keys.web).get('/api/v1/loyalty/rewards?active=true')).json().data
    expect(listed.map((r: { id: string }) => r.id)).toEqual([voucher25.id])
  })
})
