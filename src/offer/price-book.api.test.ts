import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { startTestApp, type TestContext } from '../testing/harness.ts'
import { resolvePrices } from './offer.store.ts'
import { priceBook } from './price-book.service.ts'
import { applyDuePriceChanges } from './prices.service.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const webList = () => f.channels.web.price_list.id as string
const storeList = () => f.channels.store.price_list.id as string

/** The book and the database's own resolution answer the same, for every list and instant asked. */
async function expectSameAnswers(skus: string[], instants: Date[]) {
  const book = await priceBook(t.database.db)
  for (const at of instants) {
    for (const list of [webList(), storeList()]) {
      const sql = (await resolvePrices(t.database.db, skus, at, list)).map((p) => ({
        sku: p.sku,
        cents: p.cents,
        since: p.since === null ? null : new Date(p.since).getTime(),
        changeId: p.change_id,
      }))
      const mem = book.resolve(list, skus, at).map((p) => ({
        sku: p.sku,
        cents: p.cents,
        since: p.since?.getTime() ?? null,
        changeId: p.changeId,
      }))
      const bySku = (a: { sku: string }, b: { sku: string }) => (a.sku < b.sku ? -1 : 1)
      expect(mem.sort(bySku), `${list} at ${at.toISOString()}`).toEqual(sql.sort(bySku))
    }
  }
}

describe('the price book held in memory', () => {
  it('answers as the database does through tariff loads, immediate and scheduled changes, and their application', async () => {
    const skus = [await f.product({ priceCents: 5_000 }), await f.product({ priceCents: 2_500 })]
    const past = new Date(Date.now() - 86_400_000)
    await expectSameAnswers(skus, [past, new Date()])
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            sku: fc.constantFrom(...skus),
            list: fc.constantFrom('web', 'store'),
            cents: fc.integer({ min: 100, max: 20_000 }),
            how: fc.constantFrom('now', 'later', 'tariff'),
            inMs: fc.integer({ min: 400, max: 3_600_000 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (ops) => {
          for (const op of ops) {
            const list = op.list === 'web' ? webList() : storeList()
            if (op.how === 'tariff') {
              const res = await f.admin.put(`/api/v1/price-lists/${list}/prices`, {
                prices: [{ sku: op.sku, amount_cents: op.cents }],
              })
              expect(res.statusCode, res.body).toBe(200)
              continue
            }
            const res = await f.admin.post('/api/v1/offer/price-changes', {
              changes: [{ price_list: list, sku: op.sku, amount_cents: op.cents }],
              ...(op.how === 'later' ? { valid_from: new Date(Date.now() + op.inMs).toISOString() } : {}),
              force: { reason: 'property test' },
            })
            expect(res.statusCode, res.body).toBe(201)
          }
          const now = Date.now()
          await expectSameAnswers(skus, [
            past,
            new Date(now),
            new Date(now + 1_000),
            new Date(now + 7_200_000),
          ])
        },
      ),
      { numRuns: 8 },
    )
    // Scheduled changes falling due are written to the prices by the sweeper; the book follows.
    await new Promise((r) => setTimeout(r, 500))
    await applyDuePriceChanges(t.database.db)
    await expectSameAnswers(skus, [past, new Date(), new Date(Date.now() + 7_200_000)])
  })

  it('prices a basket over HTTP at once after a change, and names the SKUs without a price', async () => {
    const sku = await f.product({ priceCents: 1_999 })
    const basket = () =>
      f.admin.post('/api/v1/offer/prices/resolve', {
        channel: f.channels.web.code,
        skus: [sku, sku, 'NO-SUCH-SKU'],
      })
    expect((await basket()).json()).toMatchObject({
      prices: [{ sku, price_cents: 1_999 }],
      unpriced: ['NO-SUCH-SKU'],
    })
    const res = await f.admin.post('/api/v1/offer/price-changes', {
      changes: [{ price_list: webList(), sku, amount_cents: 1_799 }],
      force: { reason: 'web promotion week' },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect((await basket()).json().prices).toEqual([expect.objectContaining({ sku, price_cents: 1_799 })])
  })
})
