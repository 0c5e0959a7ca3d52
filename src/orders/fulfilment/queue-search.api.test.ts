import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let sku: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  sku = await f.product({ priceCents: 1500, stock: { [f.store.id]: 20 } })
})
afterAll(() => t.close())

/** A customer, and a click & collect order of theirs taken by the call centre for the Lyon store. */
async function pickupFor(firstName: string, lastName: string) {
  // A metropolitan mobile (06 12 …): the 0690–0697 ranges belong to overseas departments and are refused under +33.
  const phone = `+33612${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`
  const email = `${unique('cc')}@example.fr`.toLowerCase()
  const customer = await as(t.app, f.keys.callCentre).post('/api/v1/customers', {
    first_name: firstName,
    last_name: lastName,
    email,
    phone,
  })
  expect(customer.statusCode, customer.body).toBe(201)
  const placed = await as(t.app, f.keys.callCentre).post('/api/v1/orders', {
    channel: f.channels.call_centre.code,
    customer_id: customer.json().id,
    lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id }],
    payments: [{ method: 'card', amount_cents: 1500 }],
  })
  expect(placed.statusCode, placed.body).toBe(201)
  const order = placed.json()
  return {
    customerId: customer.json().id as string,
    phone,
    email,
    number: String(order.number),
    taskId: order.tasks[0].id as string,
    code: order.pickup_code as string,
  }
}

const queue = (query: string) => as(t.app, f.keys.store).get(`/api/v1/fulfilment/tasks?${query}`)
const numbers = (res: Awaited<ReturnType<typeof queue>>) =>
  (res.json().data as Array<{ order_number: string }>).map((task) => task.order_number)

describe('the click & collect queue, searched and filtered', () => {
  it('shows each order’s customer and finds it by order number, name (accents ignored), phone in any form or e-mail', async () => {
    const surname = `Lefèvre${unique()
      .replace(/[^a-z]/gi, '')
      .slice(0, 6)}`
    const a = await pickupFor('Hélène', surname)
    const b = await pickupFor(
      'Marc',
      `Other${unique()
        .replace(/[^a-z]/gi, '')
        .slice(0, 6)}`,
    )

    const all = await queue('limit=200')
    expect(all.statusCode, all.body).toBe(200)
    const task = (all.json().data as Array<{ id: string; customer_name: string; customer_id: string }>).find(
      (x) => x.id === a.taskId,
    )
    expect(task).toMatchObject({ customer_name: `Hélène ${surname}`, customer_id: a.customerId })

    expect(numbers(await queue(`q=${a.number}`))).toEqual([a.number])
    const byName = await queue(`q=${encodeURIComponent(`helene ${surname.toLowerCase().replace('è', 'e')}`)}`)
    expect(numbers(byName)).toEqual([a.number])
    const national = `0${a.phone.slice(3, 4)} ${a.phone.slice(4, 6)} ${a.phone.slice(6, 8)} ${a.phone.slice(8, 10)} ${a.phone.slice(10)}`
    expect(numbers(await queue(`q=${encodeURIComponent(national)}`))).toEqual([a.number])
    expect(numbers(await queue(`q=${encodeURIComponent(b.email.toUpperCase())}`))).toEqual([b.number])
    expect(numbers(await queue(`q=${encodeURIComponent('Nobody-at-all')}`))).toEqual([])
  })

  it('keeps collected orders: the ones handed over since a moment are listed with that status, the open queue no longer has them', async () => {
    const since = new Date(Date.now() - 60_000).toISOString()
    const a = await pickupFor(
      'Jeanne',
      `Retrait${unique()
        .replace(/[^a-z]/gi, '')
        .slice(0, 6)}`,
    )
    for (const to of ['picking', 'packed', 'ready_for_pickup']) {
      const res = await as(t.app, f.keys.store).post(`/api/v1/fulfilment/tasks/${a.taskId}/advance`, { to })
      expect(res.statusCode, res.body).toBe(200)
    }
    const collected = await as(t.app, f.keys.store).post(`/api/v1/fulfilment/tasks/${a.taskId}/advance`, {
      to: 'collected',
      pickup_code: a.code,
    })
    expect(collected.statusCode, collected.body).toBe(200)

    expect(numbers(await queue(`q=${a.number}`))).toEqual([])
    const recent = await queue(`status=collected&updated_since=${encodeURIComponent(since)}&limit=200`)
    expect(recent.statusCode, recent.body).toBe(200)
    expect(numbers(recent)).toContain(a.number)
    const later = new Date(Date.now() + 60_000).toISOString()
    expect(numbers(await queue(`status=collected&updated_since=${encodeURIComponent(later)}`))).toEqual([])
    const bad = await queue('updated_since=yesterday')
    expect(bad.statusCode).toBe(400)
  })
})
