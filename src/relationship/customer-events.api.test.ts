import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { outboxSize, recordedEvents } from '../events/events.fixture.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

// A customer's life leaves events carrying ids only: created, merged, erased. Nothing a subscriber
// receives names, reaches or locates the person.

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

async function customer(body: Record<string, unknown>, key = t.admin) {
  const res = await as(t.app, key).post('/api/v1/customers', {
    first_name: 'Hélène',
    last_name: 'Tour',
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

describe('the events of customers', () => {
  it('a customer created records customer.created with its id and channel; a duplicate records nothing', async () => {
    const email = `${unique('ev')}@example.fr`
    const web = await customer({ email }, f.keys.web)
    const [created] = await recordedEvents(t.database.db, web.id)
    expect(created).toMatchObject({
      type: 'customer.created',
      aggregate_type: 'customer',
      payload: { customer_id: web.id, channel_id: f.channels.web.id },
    })
    expect(JSON.stringify(created)).not.toContain(email)
    expect(JSON.stringify(created)).not.toContain('Hélène')
    const before = await outboxSize(t.database.db)
    const again = await as(t.app, t.admin).post('/api/v1/customers', { email })
    expect(again.statusCode).toBe(409)
    expect(await outboxSize(t.database.db)).toBe(before)
  })

  it('two profiles merged record customer.merged on the survivor; an erasure, customer.erased for each id', async () => {
    const phone = `+3361${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
    const kept = await customer({ phone })
    const other = await customer({ email: `${unique('ev')}@example.fr` })
    const merged = await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${kept.id}/merge`, {
      absorbed_id: other.id,
    })
    expect(merged.statusCode, merged.body).toBe(200)
    expect((await recordedEvents(t.database.db, kept.id)).map((e) => [e.type, e.payload])).toEqual([
      ['customer.created', { customer_id: kept.id, channel_id: null }],
      ['customer.merged', { customer_id: kept.id, merged_id: other.id }],
    ])
    const refused = await as(t.app, t.admin).post(`/api/v1/customers/${kept.id}/merge`, {
      absorbed_id: other.id,
    })
    expect(refused.statusCode).toBe(409)
    expect(await recordedEvents(t.database.db, kept.id, ['customer.merged'])).toHaveLength(1)

    const erased = await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${kept.id}/erase`)
    expect(erased.statusCode, erased.body).toBe(200)
    const events = await recordedEvents(t.database.db, [kept.id, other.id], ['customer.erased'])
    expect(events.map((e) => e.payload)).toEqual([{ customer_id: kept.id }, { customer_id: other.id }])
    // The outbox holds nothing of the person: no event of theirs carries their phone.
    const [found] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM event WHERE payload::text LIKE ${`%${phone.slice(1)}%`}`,
    )
    expect(found!.n).toBe(0)
  })
})
