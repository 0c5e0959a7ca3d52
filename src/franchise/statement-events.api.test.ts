import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxSize, recordedEvents } from '../events/events.fixture.ts'
import { periodOf } from '../shared/period.domain.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

// A franchisee's monthly statement records franchise.statement_closed with its final totals when closed.

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const lastMonth = (() => {
  const [y, m] = periodOf(new Date()).split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
})()

describe('the events of franchise statements', () => {
  it('closing a month records its statement once, with its totals; closing it again records nothing', async () => {
    const created = await as(t.app, t.admin).post('/api/v1/franchisees', {
      code: `${f.prefix}-EVT`,
      name: 'Événements SARL',
    })
    expect(created.statusCode, created.body).toBe(201)
    const franchisee = created.json()
    const url = `/api/v1/franchisees/${franchisee.id}/statements/${lastMonth}/close`
    const closed = await as(t.app, t.admin).post(url, {})
    expect(closed.statusCode, closed.body).toBe(201)
    const statement = closed.json()
    const before = await outboxSize(t.database.db)
    expect((await as(t.app, t.admin).post(url, {})).statusCode).toBe(409)
    expect(await outboxSize(t.database.db)).toBe(before)
    const [event, ...more] = await recordedEvents(t.database.db, franchisee.id)
    expect(more).toEqual([])
    expect(event).toMatchObject({
      type: 'franchise.statement_closed',
      aggregate_type: 'franchisee',
      payload: {
        statement_id: expect.stringMatching(/^stm_/),
        franchisee_id: franchisee.id,
        period: lastMonth,
        sales_net_cents: statement.totals.sales_net_cents,
        commission_cents: statement.totals.commission_cents,
        total_cents: statement.totals.total_cents,
      },
    })
  })
})
