import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../../db/database.ts'
import { retailFixture } from '../../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let manager: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  const key = await as(t.app, t.admin).post('/api/v1/api-keys', {
    name: 'Lyon store manager',
    role: 'store_staff',
    location_id: f.store.id,
    manager: true,
  })
  expect(key.statusCode, key.body).toBe(201)
  manager = key.json().secret
})
afterAll(() => t.close())

/** A web click & collect order, prepared and waiting at the Lyon counter. */
async function readyToCollect() {
  const sku = await f.product({ priceCents: 1500, stock: { [f.store.id]: 3 } })
  const placed = await as(t.app, f.keys.web).post('/api/v1/orders', {
    channel: f.channels.web.code,
    lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id }],
    payments: [{ method: 'card', amount_cents: 1500 }],
  })
  expect(placed.statusCode, placed.body).toBe(201)
  const order = placed.json()
  const taskId = order.tasks[0].id as string
  for (const to of ['picking', 'packed', 'ready_for_pickup']) {
    const res = await as(t.app, f.keys.store).post(`/api/v1/fulfilment/tasks/${taskId}/advance`, { to })
    expect(res.statusCode, res.body).toBe(200)
  }
  const code = order.pickup_code as string
  const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0')
  return { orderId: order.id as string, taskId, code, wrong }
}

const handOver = (taskId: string, code: string, key = f.keys.store) =>
  as(t.app, key).post(`/api/v1/fulfilment/tasks/${taskId}/advance`, { to: 'collected', pickup_code: code })

describe('pickup codes at the counter', () => {
  it('five wrong codes lock the hand-over, even with the right code, until a store manager unlocks it with a reason', async () => {
    const { taskId, code, wrong } = await readyToCollect()
    for (let i = 0; i < 4; i++) {
      const res = await handOver(taskId, wrong(i))
      expect(res.statusCode).toBe(422)
      expect(res.json().error).toMatchObject({
        code: 'pickup_code_mismatch',
        details: { field: 'pickup_code', attempts_left: 4 - i },
      })
    }
    const fifth = await handOver(taskId, wrong(4))
    expect(fifth.statusCode).toBe(409)
    expect(fifth.json().error.code).toBe('pickup_locked')
    expect(fifth.json().error.message).toMatch(/manager/)
    const right = await handOver(taskId, code)
    expect(right.statusCode).toBe(409)
    expect(right.json().error.code).toBe('pickup_locked')
    const task = (await as(t.app, f.keys.store).get(`/api/v1/fulfilment/tasks/${taskId}`)).json()
    expect(task).toMatchObject({ status: 'ready_for_pickup', pickup_locked: true })

    const byClerk = await as(t.app, f.keys.store).post(`/api/v1/fulfilment/tasks/${taskId}/unlock-pickup`, {
      reason: 'Customer showed an identity card',
    })
    expect(byClerk.statusCode).toBe(403)
    const otherStore = await as(t.app, f.keys.franchise).post(
      `/api/v1/fulfilment/tasks/${taskId}/unlock-pickup`,
      { reason: 'Customer showed an identity card' },
    )
    expect(otherStore.statusCode).toBe(404)
    const noReason = await as(t.app, manager).post(`/api/v1/fulfilment/tasks/${taskId}/unlock-pickup`, {})
    expect(noReason.statusCode).toBe(400)
    const unlocked = await as(t.app, manager).post(`/api/v1/fulfilment/tasks/${taskId}/unlock-pickup`, {
      reason: 'Customer showed an identity card',
    })
    expect(unlocked.statusCode, unlocked.body).toBe(200)
    expect(unlocked.json().pickup_locked).toBe(false)
    const record = unlocked
      .json()
      .events.find((e: { data: { pickup?: string } | null }) => e.data?.pickup === 'unlocked')
    expect(record).toMatchObject({ data: { reason: 'Customer showed an identity card' } })
    expect(record.actor).toBeTruthy()
    expect(record.at).toBeTruthy()

    const collected = await handOver(taskId, code)
    expect(collected.statusCode, collected.body).toBe(200)
    expect(collected.json().status).toBe('collected')
  })

  it('wrong codes guessed at the same moment are all counted and never exceed five', async () => {
    const { orderId, taskId, code, wrong } = await readyToCollect()
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => handOver(taskId, wrong(i))))
    const statuses = answers.map((a) => a.statusCode).sort()
    expect(statuses.filter((s) => s === 422)).toHaveLength(4)
    expect(statuses.filter((s) => s === 409)).toHaveLength(8)
    const [guard] = await rows<{ failed_attempts: number }>(
      t.database.db,
      sql`SELECT failed_attempts FROM pickup_guard WHERE order_id = ${orderId}`,
    )
    expect(guard!.failed_attempts).toBe(5)
    expect((await handOver(taskId, code)).statusCode).toBe(409)
  })

  it('a customer who gives the right code at the first try is served, and no code given is not a guess', async () => {
    const { taskId, code } = await readyToCollect()
    for (let i = 0; i < 6; i++) {
      const none = await as(t.app, f.keys.store).post(`/api/v1/fulfilment/tasks/${taskId}/advance`, {
        to: 'collected',
      })
      expect(none.statusCode).toBe(422)
    }
    const res = await handOver(taskId, code)
    expect(res.statusCode, res.body).toBe(200)
  })
})
