import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { loyaltyKit } from '../testing/loyalty.fixture.ts'
import { expireBefore, expireDuePoints } from './expiry.service.ts'
import { arbSteps, referenceLedger } from './ledger.fixture.ts'
import { burnPoints } from './loyalty.service.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let kit: ReturnType<typeof loyaltyKit>
let sku: string

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  kit = loyaltyKit(t, f)
  sku = await kit.product('kitchen', 5000)
})
afterAll(() => t.close())

/** Points credited to a customer at a given time, as an earn would (with its balance). */
async function credit(customerId: string, points: number, at: Date | string) {
  await kit.sql(
    `WITH e AS (
       INSERT INTO loyalty_entry (customer_id, kind, points, order_id, reference, created_at)
       VALUES ($1, 'earn', $2, $3, 'order', $4::timestamptz) RETURNING points
     )
     INSERT INTO loyalty_account (customer_id, balance) SELECT $1, points FROM e
     ON CONFLICT (customer_id) DO UPDATE SET balance = loyalty_account.balance + excluded.balance`,
    [customerId, points, `ord_${unique()}`, at],
  )
}

const monthsAgo = (months: number) => `now() - interval '${months} months'`

async function ledgerOf(customerId: string) {
  const [account] = await kit.sql<{ balance: number }>(
    'SELECT balance FROM loyalty_account WHERE customer_id = $1',
    [customerId],
  )
  const [sum] = await kit.sql<{ total: number; expired: number }>(
    `SELECT coalesce(sum(points), 0)::int AS total,
            coalesce(-sum(points) FILTER (WHERE kind = 'expire'), 0)::int AS expired
     FROM loyalty_entry WHERE customer_id = $1`,
    [customerId],
  )
  return { balance: account?.balance ?? 0, total: sum!.total, expired: sum!.expired }
}

describe('points expiry', () => {
  it('is refused while the programme has no validity for points', async () => {
    const res = await kit.admin.post('/api/v1/loyalty/expiry-runs', {})
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('expiry_not_configured')
  })

  it('the periodic sweep expires the oldest points not spent, once, and carries on from where it stopped', async () => {
    const set = await kit.admin.put('/api/v1/loyalty/programme', { expiry_months: 24 })
    expect(set.json().expiry_months).toBe(24)
    const id = await kit.member()
    const first = await kit.tillSale(id, [{ sku, quantity: 2 }], [{ method: 'card', amount_cents: 10_000 }])
    const second = await kit.tillSale(id, [{ sku, quantity: 1 }], [{ method: 'card', amount_cents: 5000 }])
    const web = await kit.webOrder(id, sku, [
      { method: 'loyalty_points', amount_cents: 150 },
      { method: 'card', amount_cents: 4850 },
    ])
    expect(web.statusCode, web.body).toBe(201)
    expect((await kit.statement(id)).balance).toBe(120)
    // The first sale was 25 months ago, the second 23: the 30 points spent came out of the first.
    await kit.sql(
      `UPDATE loyalty_entry SET created_at = ${monthsAgo(25)} WHERE order_id = $1 AND kind = 'earn'`,
      [first.id],
    )
    await kit.sql(
      `UPDATE loyalty_entry SET created_at = ${monthsAgo(23)} WHERE order_id = $1 AND kind = 'earn'`,
      [second.id],
    )

    const swept = await expireDuePoints(t.database.db)
    expect(swept).toMatchObject({ customers: 1, points: 70 })
    const after = await kit.statement(id)
    expect(after.balance).toBe(50)
    expect(after.entries[0]).toMatchObject({ kind: 'expire', points: -70 })
    expect(after.entries[0].reason).toMatch(/^points credited before \d{4}-\d\d-\d\d and not used$/)
    expect(await expireDuePoints(t.database.db)).toMatchObject({ points: 0 })

    // Points credited since the last pass are the next pass's.
    const [programme] = await kit.sql<{ through: Date }>(
      `SELECT expired_through AS through FROM loyalty_programme WHERE id = 'default'`,
    )
    const through = programme!.through
    const other = await kit.member()
    await credit(other, 40, new Date(new Date(through).getTime() + 1000).toISOString())
    const later = await expireDuePoints(t.database.db, new Date(Date.now() + 10_000))
    expect(later).toMatchObject({ customers: 1, points: 40 })
    expect(await ledgerOf(other)).toEqual({ balance: 0, total: 0, expired: 40 })
  })

  it('head office runs it for a date; a repeat or two runs at once expire nothing twice', async () => {
    const id = await kit.member()
    await credit(id, 300, '2024-01-10T00:00:00Z')
    await credit(id, 200, '2024-03-10T00:00:00Z')
    await kit.admin.post(`/api/v1/customers/${id}/loyalty/adjustments`, {
      points: -100,
      reason: 'correction',
    })
    // As of 2026-02-01 the cutoff is 2024-02-01: of the 300 then, 100 were taken since.
    const run = await kit.admin.post('/api/v1/loyalty/expiry-runs', { as_of: '2026-02-01T00:00:00Z' })
    expect(run.statusCode, run.body).toBe(200)
    expect(run.json()).toMatchObject({
      cutoff: '2024-02-01T00:00:00.000Z',
      expiry_months: 24,
      customers: 1,
      points: 200,
    })
    const again = await kit.admin.post('/api/v1/loyalty/expiry-runs', { as_of: '2026-02-01T00:00:00Z' })
    expect(again.json()).toMatchObject({ customers: 0, points: 0 })

    const runs = await Promise.all([
      kit.admin.post('/api/v1/loyalty/expiry-runs', { as_of: '2026-04-01T00:00:00Z' }),
      kit.admin.post('/api/v1/loyalty/expiry-runs', { as_of: '2026-04-01T00:00:00Z' }),
    ])
    expect(runs.map((r) => r.statusCode)).toEqual([200, 200])
    expect(runs.reduce((n, r) => n + r.json().points, 0)).toBe(200)
    expect(await ledgerOf(id)).toEqual({ balance: 0, total: 0, expired: 400 })
    const expiries = (await kit.statement(id)).entries.filter((e: { kind: string }) => e.kind === 'expire')
    expect(expiries.map((e: { points: number }) => e.points)).toEqual([-200, -200])
  })

  it('a run in the future, a bad date or a key other than head office is refused, and nothing expires', async () => {
    const id = await kit.member()
    await credit(id, 80, '2023-01-01T00:00:00Z')
    const ahead = await kit.admin.post('/api/v1/loyalty/expiry-runs', { as_of: '2099-01-01T00:00:00Z' })
    expect(ahead.statusCode).toBe(400)
    expect(ahead.json().error.details.field).toBe('as_of')
    const garbled = await kit.admin.post('/api/v1/loyalty/expiry-runs', { as_of: 'soon' })
    expect(garbled.json().error.details.field).toBe('body/as_of')
    const byAgent = await as(t.app, f.keys.callCentre).post('/api/v1/loyalty/expiry-runs', {})
    expect(byAgent.statusCode).toBe(403)
    // Zero months is not "never": it is refused, and the validity stays.
    const zero = await kit.admin.put('/api/v1/loyalty/programme', { expiry_months: 0 })
    expect(zero.json().error.details.field).toBe('body/expiry_months')
    expect((await kit.admin.get('/api/v1/loyalty/programme')).json().expiry_months).toBe(24)
    expect(await ledgerOf(id)).toEqual({ balance: 80, total: 80, expired: 0 })
  })

  it('for any sequence of earns, spends and expiries, in the database: the balance is the sum of the ledger, never negative, and no point expires twice', async () => {
    const day = (i: number) => new Date(Date.UTC(2021, 0, 1 + i))
    await fc.assert(
      fc.asyncProperty(arbSteps, async (steps) => {
        const reference = referenceLedger(steps)
        const id = `cus_prop_${unique()}`
        const expired: number[] = []
        for (const [i, s] of steps.entries()) {
          if (s.kind === 'earn') await credit(id, s.points, day(i).toISOString())
          else if (s.kind === 'burn') {
            await t.database.db
              .transaction((tx) => burnPoints(tx, id, `ord_${id}_${i}`, s.points, `burn-${i}`, 'test'))
              .catch((err) => expect(err.code).toBe('insufficient_points'))
          } else {
            const before = (await ledgerOf(id)).expired
            // Two runs at once: the second waits for the first and finds nothing left.
            await Promise.all([
              expireBefore(t.database.db, day(s.cutoffStep), null, 'test'),
              expireBefore(t.database.db, day(s.cutoffStep), null, 'test'),
            ])
            expired.push((await ledgerOf(id)).expired - before)
          }
          const ledger = await ledgerOf(id)
          expect(ledger.balance).toBe(ledger.total)
          expect(ledger.balance).toBeGreaterThanOrEqual(0)
        }
        expect(expired).toEqual(reference.expired)
        expect((await ledgerOf(id)).balance).toBe(reference.balance)
      }),
      { numRuns: 30 },
    )
  })
})
