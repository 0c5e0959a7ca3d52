import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { loyaltyKit } from '../testing/loyalty.fixture.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let kit: ReturnType<typeof loyaltyKit>
let shoes: string
let kitchen: string
const hour = 3_600_000
const iso = (ms: number) => new Date(Date.now() + ms).toISOString()

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  kit = loyaltyKit(t, f)
  shoes = await kit.product('shoes', 8000)
  kitchen = await kit.product('kitchen', 5000)
})
afterAll(() => t.close())

async function rule(body: Record<string, unknown>) {
  const res = await kit.admin.post('/api/v1/loyalty/rules', body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string }
}

describe('earning rules', () => {
  it('a till sale earns the base, the stores’ ×2 and a running campaign, explained; the points then pay on the web', async () => {
    const stores = await rule({
      name: 'Magasins',
      kind: 'multiplier',
      channel_id: f.channels.store.code,
      multiplier_percent: 200,
    })
    const shoeWeek = await rule({
      name: 'Semaine de la chaussure',
      kind: 'points_per_euro',
      category: 'shoes',
      points_per_euro: 1,
      starts_at: iso(-hour),
      ends_at: iso(24 * hour),
    })
    // A campaign that ended an hour ago, and one on another channel: neither applies.
    await rule({
      name: 'Soldes',
      kind: 'multiplier',
      multiplier_percent: 500,
      starts_at: iso(-48 * hour),
      ends_at: iso(-hour),
    })
    await rule({ name: 'Web', kind: 'multiplier', channel_id: f.channels.web.id, multiplier_percent: 300 })

    const id = await kit.member()
    const sale = await kit.tillSale(
      id,
      [
        { sku: shoes, quantity: 1 },
        { sku: kitchen, quantity: 1 },
      ],
      [{ method: 'card', amount_cents: 13_000 }],
    )
    const after = await kit.statement(id)
    // 130 € base, +130 for the store, +80 for the shoes.
    expect(after.balance).toBe(340)
    const [earn] = after.entries
    expect(earn).toMatchObject({ kind: 'earn', points: 340, order_id: sale.id })
    expect(earn.detail.rules).toEqual([
      { source: 'base', label: '1 pt/€ on 130.00 €', points: 130 },
      { source: stores.id, label: 'Magasins ×2', points: 130 },
      { source: shoeWeek.id, label: 'Semaine de la chaussure +1 pt/€ on 80.00 € of shoes', points: 80 },
    ])
    expect(earn.reason).toContain('Semaine de la chaussure')

    // 300 points pay 15 € of a web order; the rest by card.
    const web = await kit.webOrder(id, kitchen, [
      { method: 'loyalty_points', amount_cents: 1500 },
      { method: 'card', amount_cents: 3500 },
    ])
    expect(web.statusCode, web.body).toBe(201)
    const spent = await kit.statement(id)
    expect(spent.balance).toBe(40)
    expect(spent.entries[0]).toMatchObject({ kind: 'burn', points: -300, order_id: web.json().id })
    expect(spent.entries.reduce((n: number, e: { points: number }) => n + e.points, 0)).toBe(40)
  })

  it('what points paid earns nothing: the payment in points is spread over the lines before the rules count', async () => {
    const id = await kit.member()
    await kit.admin.post(`/api/v1/customers/${id}/loyalty/adjustments`, { points: 500, reason: 'bienvenue' })
    await kit.tillSale(
      id,
      [
        { sku: shoes, quantity: 1 },
        { sku: kitchen, quantity: 1 },
      ],
      [
        { method: 'loyalty_points', amount_cents: 2500 },
        { method: 'card', amount_cents: 10_500 },
      ],
    )
    const [earn] = (await kit.statement(id)).entries
    // 105 € earn: base 105, store ×2 +105, and the shoes' 64.62 € (80 € less their share of 25 €) +64.
    expect(earn).toMatchObject({ kind: 'earn', points: 274, detail: { eligible_cents: 10_500 } })
  })

  it('a retired rule stops giving points; a changed one is checked whole again', async () => {
    const bonus = await rule({
      name: 'Panier 100 €',
      kind: 'order_bonus',
      bonus_points: 1000,
      min_order_cents: 10_000,
    })
    const id = await kit.member()
    await kit.tillSale(id, [{ sku: shoes, quantity: 2 }], [{ method: 'card', amount_cents: 16_000 }])
    expect((await kit.statement(id)).entries[0].detail.rules).toContainEqual(
      expect.objectContaining({ source: bonus.id, points: 1000 }),
    )
    const retired = await kit.admin.patch(`/api/v1/loyalty/rules/${bonus.id}`, { active: false })
    expect(retired.statusCode, retired.body).toBe(200)
    const bad = await kit.admin.patch(`/api/v1/loyalty/rules/${bonus.id}`, { multiplier_percent: 200 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.field).toBe('multiplier_percent')
    await kit.tillSale(id, [{ sku: shoes, quantity: 2 }], [{ method: 'card', amount_cents: 16_000 }])
    expect((await kit.statement(id)).entries[0].detail.rules).not.toContainEqual(
      expect.objectContaining({ source: bonus.id }),
    )
    const listed = (await as(t.app, f.keys.web).get('/api/v1/loyalty/rules?active=true')).json()
    expect(listed.data.map((r: { id: string }) => r.id)).not.toContain(bonus.id)
  })

  it('bad rules are refused naming the field, and nothing is written', async () => {
    const count = async () => (await kit.admin.get('/api/v1/loyalty/rules')).json().data.length
    const before = await count()
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'x', kind: 'multiplier' }, 'multiplier_percent'],
      [{ name: 'x', kind: 'multiplier', multiplier_percent: 200, bonus_points: 5 }, 'bonus_points'],
      [{ name: 'x', kind: 'order_bonus', bonus_points: 5, channel_id: 'NOWHERE' }, 'channel_id'],
      [
        { name: 'x', kind: 'points_per_euro', points_per_euro: 1, starts_at: iso(hour), ends_at: iso(-hour) },
        'ends_at',
      ],
      [{ name: 'x', kind: 'multiplier', multiplier_percent: 5000 }, 'body/multiplier_percent'],
      [{ name: 'x', kind: 'bonus' }, 'body/kind'],
      [{ name: 'x', kind: 'multiplier', multiplier_percent: 200, colour: 'red' }, 'body/colour'],
      [{ name: 'x', kind: 'multiplier', multiplier_percent: 200, starts_at: 'tomorrow' }, 'body/starts_at'],
    ]
    for (const [body, field] of cases) {
      const res = await kit.admin.post('/api/v1/loyalty/rules', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().error.details.field, JSON.stringify(body)).toBe(field)
    }
    const byStore = await as(t.app, f.keys.store).post('/api/v1/loyalty/rules', {
      name: 'x',
      kind: 'multiplier',
      multiplier_percent: 200,
    })
    expect(byStore.statusCode).toBe(403)
    expect(await count()).toBe(before)
    // ×0 is a rule (a partner channel earning nothing), not a missing value.
    const none = await rule({
      name: 'Partenaires',
      kind: 'multiplier',
      channel_id: f.channels.partner.id,
      multiplier_percent: 0,
    })
    expect(none).toMatchObject({ multiplier_percent: 0, channel_id: f.channels.partner.id })
    const unknown = await kit.admin.patch('/api/v1/loyalty/rules/lrl_nope', { active: false })
    expect(unknown.statusCode).toBe(404)
  })

  it('the base rate is head office’s to change, and applies to the next orders', async () => {
    const changed = await kit.admin.put('/api/v1/loyalty/programme', { points_per_euro: 2 })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ points_per_euro: 2, point_value_cents: 5, expiry_months: null })
    const refused = await as(t.app, f.keys.callCentre).put('/api/v1/loyalty/programme', {
      points_per_euro: 9,
    })
    expect(refused.statusCode).toBe(403)
    const id = await kit.member()
    await kit.tillSale(id, [{ sku: kitchen, quantity: 1 }], [{ method: 'card', amount_cents: 5000 }])
    // 2 pts/€ on 50 €, and the stores’ ×2 doubles that base.
    expect((await kit.statement(id)).balance).toBe(200)
    await kit.admin.put('/api/v1/loyalty/programme', { points_per_euro: 1 })
  })
})
