import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let staff: ReturnType<typeof as>
let manager: ReturnType<typeof as>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  staff = as(t.app, f.keys.store)
  const key = await as(t.app, t.admin).post('/api/v1/api-keys', {
    name: 'manager',
    role: 'store_staff',
    location_id: f.store.id,
    manager: true,
  })
  expect(key.statusCode, key.body).toBe(201)
  manager = as(t.app, key.json().secret)
})
afterAll(() => t.close())

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString()

function offlineSale(
  sku: string,
  quantity: number,
  payments: unknown[],
  offline: { sold_at: string; ticket: string },
  extra: Record<string, unknown> = {},
) {
  return {
    channel: f.channels.store.code,
    lines: [{ sku, quantity, fulfilment: 'takeaway' }],
    payments,
    offline,
    ...extra,
  }
}

async function onHand(sku: string) {
  const res = await staff.get(`/api/v1/inventory/${sku}`)
  expect(res.statusCode, res.body).toBe(200)
  const here = (res.json().levels as Array<{ location_id: string; on_hand: number }>).find(
    (l) => l.location_id === f.store.id,
  )
  return here?.on_hand ?? 0
}

describe('till sales made offline, replayed when the server is back', () => {
  it('a sale replayed twice (a flaky network) is one order, one stock movement, recorded at its sale time', async () => {
    const sku = await f.product({ priceCents: 1500, stock: { [f.store.id]: 5 } })
    const key = randomUUID()
    const soldAt = minutesAgo(20)
    const body = offlineSale(sku, 2, [{ method: 'cash', amount_cents: 3000, tendered_cents: 5000 }], {
      sold_at: soldAt,
      ticket: 'T-0001',
    })
    const first = await staff.post('/api/v1/orders', body, { 'idempotency-key': key })
    expect(first.statusCode, first.body).toBe(201)
    const again = await staff.post('/api/v1/orders', body, { 'idempotency-key': key })
    expect([200, 201]).toContain(again.statusCode)
    expect(again.json().id).toBe(first.json().id)
    expect(first.json().placed_at).toBe(soldAt)
    expect(first.json().offline).toEqual({ sold_at: soldAt, ticket: 'T-0001', shortfall: [] })
    expect(await onHand(sku)).toBe(3)

    const list = await staff.get(`/api/v1/orders?location_id=${f.store.id}&limit=200`)
    expect(list.json().data.filter((o: { id: string }) => o.id === first.json().id)).toHaveLength(1)
    const mine = (await staff.get('/api/v1/offline-sales?limit=200'))
      .json()
      .data.filter((s: { order_id: string }) => s.order_id === first.json().id)
    expect(mine).toEqual([
      expect.objectContaining({ ticket: 'T-0001', sold_at: soldAt, flagged: false, shortfall: [] }),
    ])
  })

  it('a sale whose units were sold online meanwhile is accepted, the units booked back, and flagged for the manager', async () => {
    const sku = await f.product({ priceCents: 990, stock: { [f.store.id]: 1 } })
    // The last unit leaves with a sale at another till of the store, recorded online.
    const online = await staff.post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 990 }],
    })
    expect(online.statusCode, online.body).toBe(201)
    // A plain till sale of it now is refused…
    const refused = await staff.post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 1980 }],
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('insufficient_stock')
    // …but the offline till had already sold two: the goods left the store.
    const ticket = unique('T-')
    const res = await staff.post(
      '/api/v1/orders',
      offlineSale(sku, 2, [{ method: 'card', amount_cents: 1980 }], { sold_at: minutesAgo(5), ticket }),
      { 'idempotency-key': randomUUID() },
    )
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().offline.shortfall).toEqual([{ location_id: f.store.id, sku, units: 2 }])
    expect(await onHand(sku)).toBe(0)

    const movements = (await staff.get(`/api/v1/inventory/${sku}/movements?location_id=${f.store.id}`)).json()
    const kinds = (movements.data as Array<{ kind: string; on_hand_delta: number }>).map(
      (m) => `${m.kind} ${m.on_hand_delta}`,
    )
    expect(kinds).toEqual(expect.arrayContaining(['adjustment 2', 'sale -2']))

    const flagged = (await staff.get('/api/v1/offline-sales?flagged=true&limit=200')).json().data
    expect(flagged.map((s: { order_id: string }) => s.order_id)).toContain(res.json().id)

    // Staff may not clear the flag; the manager does, once.
    const byStaff = await staff.post(`/api/v1/offline-sales/${res.json().id}/review`)
    expect(byStaff.statusCode).toBe(403)
    const reviewed = await manager.post(`/api/v1/offline-sales/${res.json().id}/review`)
    expect(reviewed.statusCode, reviewed.body).toBe(200)
    expect(reviewed.json()).toMatchObject({ flagged: false, shortfall: [{ sku, units: 2 }] })
    const after = (await staff.get('/api/v1/offline-sales?flagged=true&limit=200')).json().data
    expect(after.map((s: { order_id: string }) => s.order_id)).not.toContain(res.json().id)
  })

  it('replays of a short sale, one after the other and at once, book back and sell its units once', async () => {
    const sku = await f.product({ priceCents: 700 })
    const key = randomUUID()
    const body = offlineSale(sku, 3, [{ method: 'cash', amount_cents: 2100 }], {
      sold_at: minutesAgo(2),
      ticket: unique('T-'),
    })
    const answers = await Promise.all([
      staff.post('/api/v1/orders', body, { 'idempotency-key': key }),
      staff.post('/api/v1/orders', body, { 'idempotency-key': key }),
    ])
    const later = await staff.post('/api/v1/orders', body, { 'idempotency-key': key })
    const ids = new Set([...answers, later].map((a) => a.json().id))
    expect(ids.size, answers.map((a) => a.body).join('\n')).toBe(1)
    expect(await onHand(sku)).toBe(0)
    const movements = (await staff.get(`/api/v1/inventory/${sku}/movements?location_id=${f.store.id}`)).json()
    expect(
      (movements.data as Array<{ kind: string; on_hand_delta: number }>).map(
        (m) => `${m.kind} ${m.on_hand_delta}`,
      ),
    ).toEqual(expect.arrayContaining(['adjustment 3', 'sale -3']))
    expect(movements.data).toHaveLength(2)
  })

  it('refuses what a till cannot sell offline, naming the field', async () => {
    const sku = await f.product({ priceCents: 500, stock: { [f.store.id]: 5 } })
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        offlineSale(sku, 1, [{ method: 'gift_card', amount_cents: 500, reference: 'GC-7KQ2-M9XD-4TPA' }], {
          sold_at: minutesAgo(1),
          ticket: 'T',
        }),
        'payments.0.method',
      ],
      [
        offlineSale(sku, 1, [{ method: 'card', amount_cents: 500 }], {
          sold_at: new Date(Date.now() + 3600_000).toISOString(),
          ticket: 'T',
        }),
        'offline.sold_at',
      ],
      [
        offlineSale(sku, 1, [{ method: 'card', amount_cents: 500 }], {
          sold_at: minutesAgo(60 * 24 * 8),
          ticket: 'T',
        }),
        'offline.sold_at',
      ],
      [
        offlineSale(
          sku,
          1,
          [{ method: 'card', amount_cents: 500 }],
          { sold_at: minutesAgo(1), ticket: 'T' },
          { customer_id: 'cus_x' },
        ),
        'customer_id',
      ],
    ]
    for (const [body, field] of cases) {
      const res = await staff.post('/api/v1/orders', body, { 'idempotency-key': randomUUID() })
      expect(res.statusCode, res.body).toBe(400)
      expect(JSON.stringify(res.json().error)).toContain(field)
    }
    expect(await onHand(sku)).toBe(5)
  })

  it('an offline sale on a register keeps its order on the chain and carries its time and offline ticket', async () => {
    const reg = await manager.post('/api/v1/fiscal/registers', {
      store_id: f.store.id,
      code: unique('CAISSE-'),
    })
    expect(reg.statusCode, reg.body).toBe(201)
    const id = reg.json().id
    expect((await staff.post(`/api/v1/fiscal/registers/${id}/open`, { float_cents: 0 })).statusCode).toBe(201)
    const sku = await f.product({ priceCents: 400, stock: { [f.store.id]: 10 } })
    const ids: string[] = []
    for (const n of [1, 2, 3]) {
      const res = await staff.post(
        '/api/v1/orders',
        offlineSale(
          sku,
          1,
          [{ method: n === 2 ? 'card' : 'cash', amount_cents: 400 }],
          {
            sold_at: minutesAgo(10 - n),
            ticket: `${reg.json().code}-${n}`,
          },
          { register_id: id },
        ),
        { 'idempotency-key': randomUUID() },
      )
      expect(res.statusCode, res.body).toBe(201)
      ids.push(res.json().id)
    }
    const tickets = (await staff.get(`/api/v1/fiscal/registers/${id}/tickets`)).json() as Array<{
      order_id: string
      seq: number
      offline_ticket?: string
      offline_sold_at?: string
    }>
    expect(tickets.map((tk) => [tk.order_id, tk.seq, tk.offline_ticket])).toEqual([
      [ids[0], 1, `${reg.json().code}-1`],
      [ids[1], 2, `${reg.json().code}-2`],
      [ids[2], 3, `${reg.json().code}-3`],
    ])
    const verified = (await as(t.app, t.admin).get('/api/v1/fiscal/verify')).json()
    expect(verified).toMatchObject({ ok: true, broken: [] })
  })
})
