import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxSize, recordedEvents } from '../events/events.fixture.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

// An after-sales ticket records ticket.opened and each ticket.status_changed with the change itself.

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

describe('the events of after-sales tickets', () => {
  it('a ticket opened then moved records opened then each change of status, in order; a refused move, none', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 2 } })
    const sale = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    const order = sale.json()
    const opened = await as(t.app, f.keys.store).post('/api/v1/tickets', {
      order_id: order.id,
      order_line_id: order.lines[0].id,
      kind: 'repair',
      subject: 'Le grille-pain ne chauffe plus',
    })
    expect(opened.statusCode, opened.body).toBe(201)
    const ticket = opened.json()
    for (const status of ['in_progress', 'at_repairer']) {
      const res = await as(t.app, f.keys.store).post(`/api/v1/tickets/${ticket.id}/status`, { status })
      expect(res.statusCode, res.body).toBe(200)
    }
    const before = await outboxSize(t.database.db)
    const skipped = await as(t.app, f.keys.store).post(`/api/v1/tickets/${ticket.id}/status`, {
      status: 'closed',
    })
    expect(skipped.statusCode).toBeGreaterThanOrEqual(400)
    expect(await outboxSize(t.database.db)).toBe(before)

    const events = await recordedEvents(t.database.db, ticket.id)
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      [
        'ticket.opened',
        {
          ticket_id: ticket.id,
          number: Number(ticket.number),
          kind: 'repair',
          order_id: order.id,
          order_line_id: order.lines[0].id,
        },
      ],
      ['ticket.status_changed', { ticket_id: ticket.id, from_status: 'open', to_status: 'in_progress' }],
      [
        'ticket.status_changed',
        { ticket_id: ticket.id, from_status: 'in_progress', to_status: 'at_repairer' },
      ],
    ])
    // The subject is the customer's words: it stays in the ticket.
    expect(JSON.stringify(events)).not.toContain('grille-pain')
  })
})
