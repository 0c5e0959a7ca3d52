import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { confirmed, runRelay, sleep, startReceiver, until } from './events.fixture.ts'
import { recordEvents } from './outbox.ts'
import { sequenceEvents } from './relay.ts'
import { defaultWebhookTiming, type WebhookTiming } from './webhooks.domain.ts'
import { drainWebhookSends, type SenderOptions } from './webhooks.sender.ts'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(async () => {
  await drainWebhookSends(t.database.db)
  await t?.close()
})

// Retries in milliseconds instead of minutes; a 1.5 s answer time instead of 10 s.
const fast = (timing: Partial<WebhookTiming> = {}): SenderOptions => ({
  timing: { ...defaultWebhookTiming, timeoutMs: 1_500, firstRetryMs: 50, maxRetryMs: 200, ...timing },
  maxInFlight: 64,
  perSubscription: 8,
})

const run = () => Math.random().toString(36).slice(2, 8)

async function subscribe(url: string, eventTypes: string[] = ['order.*']) {
  const res = await as(t.app, t.admin).post('/api/v1/webhooks', { url, event_types: eventTypes })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; secret: string; status: string }
}

async function record(...orderIds: string[]) {
  const events = orderIds.map((id) => confirmed(id))
  await t.database.db.transaction((tx) => recordEvents(tx, events))
  return events
}

const get = async (url: string) => {
  const res = await as(t.app, t.admin).get(url)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

describe('webhooks', () => {
  it('a subscriber receives each event of its types once, signed, in order per aggregate, and the log shows each attempt', async () => {
    const receiver = await startReceiver()
    const sub = await subscribe(receiver.url, ['order.confirmed'])
    receiver.useSecret(sub.secret)
    expect(sub.secret).toMatch(/^whsec_/)
    // The secret is shown once: never again.
    expect(JSON.stringify(await get(`/api/v1/webhooks/${sub.id}`))).not.toContain(sub.secret)
    expect(JSON.stringify(await get('/api/v1/webhooks'))).not.toContain('whsec_')

    const r = run()
    const events = [
      ...(await record(`ord_${r}_a`, `ord_${r}_b`)),
      ...(await record(`ord_${r}_a`)),
      ...(await record(`ord_${r}_b`, `ord_${r}_a`)),
    ]
    const relay = runRelay(t.database.db, fast())
    try {
      await until(() => receiver.received.length >= events.length, 15_000, 'every event')
      await sleep(200)
    } finally {
      await relay.stop()
      await drainWebhookSends(t.database.db)
      await receiver.close()
    }
    expect(receiver.received).toHaveLength(events.length)
    expect(receiver.received.every((x) => x.signed)).toBe(true)
    expect(new Set(receiver.received.map((x) => x.event.id))).toEqual(new Set(events.map((e) => e.id)))
    for (const aggregate of [`ord_${r}_a`, `ord_${r}_b`]) {
      expect(
        receiver.received.filter((x) => x.event.aggregate.id === aggregate).map((x) => x.event.id),
      ).toEqual(events.filter((e) => e.aggregateId === aggregate).map((e) => e.id))
    }
    const first = receiver.received[0]!
    expect(first.headers['passerelle-event-id']).toBe(first.event.id)
    expect(first.headers['passerelle-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)

    const log = await get(`/api/v1/webhooks/${sub.id}/deliveries?limit=3`)
    expect(log.data).toHaveLength(3)
    expect(log.data[0]).toMatchObject({
      ok: true,
      status_code: 200,
      attempt: 1,
      response_excerpt: 'ok',
      replay: false,
    })
    expect(log.data[0].latency_ms).toBeGreaterThanOrEqual(0)
    expect(log.data[0].next_attempt_at).toBeNull()
    // The list shows each subscription's latest attempt.
    const listed = (await get('/api/v1/webhooks?limit=200')).data.find((s: { id: string }) => s.id === sub.id)
    expect(listed.last_attempt).toMatchObject({ ok: true, status_code: 200, error: null })
    expect(listed.last_attempt.attempted_at).toBe(log.data[0].attempted_at)
    const rest = await get(`/api/v1/webhooks/${sub.id}/deliveries?cursor=${log.next_cursor}`)
    expect([...log.data, ...rest.data].map((a: { event_id: string }) => a.event_id).sort()).toEqual(
      events.map((e) => e.id).sort(),
    )
    await as(t.app, t.admin).delete(`/api/v1/webhooks/${sub.id}`)
  })

  it('a failed delivery is retried with backoff until it succeeds, and later events of its aggregate wait for it', async () => {
    let failingId = ''
    const receiver = await startReceiver((event, attempt) =>
      event.id === failingId && attempt <= 2
        ? { status: 500, body: `boom ${'x'.repeat(2000)}` }
        : { status: 204 },
    )
    const sub = await subscribe(receiver.url)
    receiver.useSecret(sub.secret)
    const r = run()
    const [failing] = await record(`ord_${r}_x`)
    failingId = failing!.id
    const [next] = await record(`ord_${r}_x`)
    const [other] = await record(`ord_${r}_y`)
    const relay = runRelay(t.database.db, fast())
    try {
      await until(() => receiver.received.length >= 4, 15_000, 'the retries and the next events')
      await sleep(300)
    } finally {
      await relay.stop()
      await drainWebhookSends(t.database.db)
      await receiver.close()
    }
    const ids = receiver.received.map((x) => x.event.id)
    expect(ids.filter((id) => id === failing!.id)).toHaveLength(3)
    expect(ids.filter((id) => id === next!.id)).toHaveLength(1)
    expect(ids.filter((id) => id === other!.id)).toHaveLength(1)
    // The next event of the same order came only after the third attempt of the first succeeded…
    expect(ids.indexOf(next!.id)).toBeGreaterThan(ids.lastIndexOf(failing!.id))
    // …while another order's event was not held up by it.
    expect(ids.indexOf(other!.id)).toBeLessThan(ids.lastIndexOf(failing!.id))
    // Backoff: the waits between attempts grow.
    const times = receiver.received.filter((x) => x.event.id === failing!.id).map((x) => x.at)
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(90)

    const log = (await get(`/api/v1/webhooks/${sub.id}/deliveries`)).data as {
      event_id: string
      attempt: number
      ok: boolean
      status_code: number
      response_excerpt: string
      delivery_status: string
    }[]
    const attempts = log.filter((a) => a.event_id === failing!.id).reverse()
    expect(attempts.map((a) => [a.attempt, a.ok, a.status_code])).toEqual([
      [1, false, 500],
      [2, false, 500],
      [3, true, 204],
    ])
    expect(attempts[0]!.response_excerpt.length).toBeLessThanOrEqual(501)
    expect(attempts[0]!.response_excerpt).toMatch(/^boom x+…$/)
    expect(attempts.every((a) => a.delivery_status === 'delivered')).toBe(true)
    // The failures alone, as the delivery log's filter shows them.
    const failed = (await get(`/api/v1/webhooks/${sub.id}/deliveries?outcome=failed`)).data as typeof log
    expect(failed.map((a) => [a.event_id, a.attempt, a.ok])).toEqual([
      [failing!.id, 2, false],
      [failing!.id, 1, false],
    ])
    const succeeded = (await get(`/api/v1/webhooks/${sub.id}/deliveries?outcome=ok`)).data as typeof log
    expect(succeeded.every((a) => a.ok)).toBe(true)
    expect(succeeded).toHaveLength(3)
    const healthy = await get(`/api/v1/webhooks/${sub.id}`)
    expect(healthy).toMatchObject({ status: 'active', failing_since: null })
    await as(t.app, t.admin).delete(`/api/v1/webhooks/${sub.id}`)
  })

  it('a subscriber that answers slowly, times out or fails delays neither another subscriber nor the API', async () => {
    const slow = await startReceiver(() => ({ status: 200, delayMs: 5_000 }))
    const broken = await startReceiver(() => ({ status: 503 }))
    const quick = await startReceiver()
    const subs = [await subscribe(slow.url), await subscribe(broken.url), await subscribe(quick.url)]
    quick.useSecret(subs[2]!.secret)
    const r = run()
    const events = [...(await record(`ord_${r}`, `ord_${r}`, `ord_${r}`)), ...(await record(`ord_${r}`))]
    const relay = runRelay(t.database.db, fast({ timeoutMs: 1_000, firstRetryMs: 10_000 }))
    const started = Date.now()
    try {
      await until(() => quick.received.length >= events.length, 5_000, 'the quick subscriber')
      const quickDone = Date.now() - started
      // Four events of one order go one after the other: had each pass waited for the slow subscriber
      // (cut at 1 s), they would have taken over 3 s. It is still on its first event.
      expect(quickDone).toBeLessThan(2_500)
      expect(slow.received).toHaveLength(1)
      const api = Date.now()
      expect((await as(t.app, t.admin).get('/api/v1/events?limit=1')).statusCode).toBe(200)
      expect(Date.now() - api).toBeLessThan(1_000)
      await until(
        async () =>
          (await get(`/api/v1/webhooks/${subs[0]!.id}/deliveries`)).data.some(
            (a: { error: string }) => a.error === 'timeout',
          ),
        5_000,
        'the timeout to be logged',
      )
    } finally {
      await relay.stop()
      await drainWebhookSends(t.database.db)
      await Promise.all([slow.close(), broken.close(), quick.close()])
    }
    expect(quick.received.map((x) => x.event.id)).toEqual(events.map((e) => e.id))
    expect(quick.received.every((x) => x.signed)).toBe(true)
    const timedOut = (await get(`/api/v1/webhooks/${subs[0]!.id}/deliveries`)).data[0]
    expect(timedOut).toMatchObject({
      ok: false,
      status_code: null,
      error: 'timeout',
      delivery_status: 'pending',
    })
    // Pending after a failure: its next try is on its latest attempt, about 10 s later.
    expect(Date.parse(timedOut.next_attempt_at)).toBeGreaterThan(Date.parse(timedOut.attempted_at))
    expect(timedOut.latency_ms).toBeGreaterThanOrEqual(900)
    expect(timedOut.latency_ms).toBeLessThan(3_000)
    for (const s of subs) await as(t.app, t.admin).delete(`/api/v1/webhooks/${s.id}`)
  })

  it('a subscription failing for the whole disable period is disabled with its reason, and enabled again by an administrator', async () => {
    const receiver = await startReceiver(() => ({ status: 500 }))
    const sub = await subscribe(receiver.url)
    await record(`ord_${run()}`)
    const relay = runRelay(t.database.db, fast({ firstRetryMs: 20, maxRetryMs: 40, disableAfterMs: 300 }))
    try {
      await until(
        async () => (await get(`/api/v1/webhooks/${sub.id}`)).status === 'disabled',
        10_000,
        'disabled',
      )
    } finally {
      await relay.stop()
      await drainWebhookSends(t.database.db)
      await receiver.close()
    }
    const disabled = await get(`/api/v1/webhooks/${sub.id}`)
    expect(disabled.disabled_reason).toMatch(
      /^Disabled automatically: every delivery failed since .* \(last: HTTP 500\)/,
    )
    expect(disabled.failing_since).not.toBeNull()
    expect(disabled.disabled_by).toBe('failures')
    expect(disabled.last_attempt).toMatchObject({ ok: false, status_code: 500 })
    const attempts = receiver.received.length
    expect(attempts).toBeGreaterThanOrEqual(2)
    // Disabled: nothing more is sent.
    await sequenceEvents(t.database.db)
    const enabled = await as(t.app, t.admin).patch(`/api/v1/webhooks/${sub.id}`, { status: 'active' })
    expect(enabled.json()).toMatchObject({
      status: 'active',
      disabled_reason: null,
      disabled_by: null,
      failing_since: null,
    })
    await as(t.app, t.admin).delete(`/api/v1/webhooks/${sub.id}`)
  })

  it('a delivery failing past the give-up period stops being retried and is marked failed', async () => {
    const receiver = await startReceiver(() => ({ status: 500 }))
    const sub = await subscribe(receiver.url)
    await record(`ord_${run()}`)
    const relay = runRelay(t.database.db, fast({ firstRetryMs: 20, maxRetryMs: 20, giveUpAfterMs: 250 }))
    try {
      await until(
        async () =>
          (await get(`/api/v1/webhooks/${sub.id}/deliveries`)).data.some(
            (a: { delivery_status: string }) => a.delivery_status === 'failed',
          ),
        10_000,
        'given up',
      )
      const tries = receiver.received.length
      await sleep(200)
      expect(receiver.received.length).toBe(tries)
    } finally {
      await relay.stop()
      await drainWebhookSends(t.database.db)
      await receiver.close()
    }
    await as(t.app, t.admin).delete(`/api/v1/webhooks/${sub.id}`)
  })

  it('an administrator replays one event or a time range; the receiver gets them again with the same ids', async () => {
    const receiver = await startReceiver()
    const sub = await subscribe(receiver.url, ['order.confirmed'])
    receiver.useSecret(sub.secret)
    const r = run()
    const before = new Date(Date.now() - 1000).toISOString()
    const events = await record(`ord_${r}_1`, `ord_${r}_2`, `ord_${r}_3`)
    const relay = runRelay(t.database.db, fast())
    try {
      await until(() => receiver.received.length >= 3, 10_000, 'first deliveries')
      const one = await as(t.app, t.admin).post(`/api/v1/webhooks/${sub.id}/replay`, {
        event_id: events[1]!.id,
      })
      expect(one.statusCode, one.body).toBe(202)
      expect(one.json()).toEqual({ queued: 1 })
      await until(() => receiver.received.length >= 4, 10_000, 'the replayed event')
      const range = await as(t.app, t.admin).post(`/api/v1/webhooks/${sub.id}/replay`, {
        from: before,
        to: new Date(Date.now() + 1000).toISOString(),
      })
      expect(range.statusCode, range.body).toBe(202)
      expect(range.json().queued).toBeGreaterThanOrEqual(3)
      await until(() => receiver.received.length >= 4 + range.json().queued, 10_000, 'the replayed range')
    } finally {
      await relay.stop()
      await drainWebhookSends(t.database.db)
      await receiver.close()
    }
    const ids = receiver.received.map((x) => x.event.id)
    expect(ids.filter((id) => id === events[1]!.id)).toHaveLength(3)
    for (const e of events) expect(ids.filter((id) => id === e.id).length).toBeGreaterThanOrEqual(2)
    expect(receiver.received.every((x) => x.signed)).toBe(true)
    const log = (await get(`/api/v1/webhooks/${sub.id}/deliveries?limit=200`)).data as { replay: boolean }[]
    expect(log.filter((a) => a.replay).length).toBeGreaterThanOrEqual(4)

    const missing = await as(t.app, t.admin).post(`/api/v1/webhooks/${sub.id}/replay`, {
      event_id: 'evt_nope',
    })
    expect(missing.statusCode).toBe(404)
    const reversed = await as(t.app, t.admin).post(`/api/v1/webhooks/${sub.id}/replay`, {
      from: new Date().toISOString(),
      to: before,
    })
    expect(reversed.statusCode).toBe(400)
    expect((await as(t.app, t.admin).post(`/api/v1/webhooks/${sub.id}/replay`, {})).statusCode).toBe(400)
    await as(t.app, t.admin).delete(`/api/v1/webhooks/${sub.id}`)
  })

  it('a new subscription receives events published from its creation on, not the history', async () => {
    await record(`ord_${run()}_history`)
    await sequenceEvents(t.database.db)
    const receiver = await startReceiver()
    const sub = await subscribe(receiver.url)
    const [fresh] = await record(`ord_${run()}_fresh`)
    const relay = runRelay(t.database.db, fast())
    try {
      await until(() => receiver.received.length >= 1, 10_000, 'the fresh event')
      await sleep(200)
    } finally {
      await relay.stop()
      await drainWebhookSends(t.database.db)
      await receiver.close()
    }
    expect(receiver.received.map((x) => x.event.id)).toEqual([fresh!.id])
    await as(t.app, t.admin).delete(`/api/v1/webhooks/${sub.id}`)
  })

  it('the event catalogue lists every type a subscription may name, by family', async () => {
    const list = (await get('/api/v1/events/types')).data as {
      type: string
      family: string
      summary: string
    }[]
    expect(list.map((e) => e.type)).toContain('order.placed')
    expect(list.find((e) => e.type === 'stock.received')).toMatchObject({ family: 'stock' })
    expect(list.every((e) => e.type.startsWith(`${e.family}.`) && e.summary.length > 0)).toBe(true)
    // Every listed type is accepted by a subscription, and so is each family.
    const families = [...new Set(list.map((e) => `${e.family}.*`))]
    const sub = await subscribe('https://example.com/hook', [...list.map((e) => e.type), ...families])
    await as(t.app, t.admin).delete(`/api/v1/webhooks/${sub.id}`)
    expect((await as(t.app, null).get('/api/v1/events/types')).statusCode).toBe(401)
    const bad = await as(t.app, t.admin).get(`/api/v1/webhooks/${sub.id}/deliveries?outcome=maybe`)
    expect(bad.statusCode).toBe(400)
  })

  it('hostile or wrong input on the webhook API answers 4xx and creates nothing', async () => {
    const admin = as(t.app, t.admin)
    const count = async () =>
      (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM webhook_subscription`))[0]!
        .n
    const before = await count()
    const refused: [unknown, number, string?][] = [
      [{ url: 'ftp://example.com/hook', event_types: ['order.placed'] }, 400, 'https'],
      [{ url: 'https://user:pass@example.com/hook', event_types: ['order.placed'] }, 400, 'credentials'],
      [{ url: 'javascript:alert(1)', event_types: ['order.placed'] }, 400],
      [{ url: 'not a url', event_types: ['order.placed'] }, 400, 'absolute URL'],
      [{ url: 'https://example.com/hook', event_types: ['order.nope'] }, 400, 'asyncapi'],
      [{ url: 'https://example.com/hook', event_types: ['nope.*'] }, 400],
      [{ url: 'https://example.com/hook', event_types: [] }, 400],
      [{ url: 'https://example.com/hook' }, 400],
      [{ url: 'https://example.com/\u0000', event_types: ['*'] }, 400],
      [{ url: `https://example.com/${'a'.repeat(3000)}`, event_types: ['*'] }, 400],
      [{ url: 'https://example.com/hook', event_types: ['*'], secret: 'mine' }, 400],
    ]
    for (const [body, status, words] of refused) {
      const res = await admin.post('/api/v1/webhooks', body as Record<string, unknown>)
      expect(res.statusCode, JSON.stringify(body)).toBe(status)
      if (words) expect(res.json().error.message).toContain(words)
    }
    expect((await admin.get('/api/v1/webhooks/whk_nope')).statusCode).toBe(404)
    expect((await admin.patch('/api/v1/webhooks/whk_nope', { status: 'active' })).statusCode).toBe(404)
    expect((await admin.post('/api/v1/webhooks/whk_nope/replay', { event_id: 'evt_x' })).statusCode).toBe(404)
    expect((await admin.get('/api/v1/webhooks/whk_nope/deliveries')).statusCode).toBe(404)
    const store = await as(t.app, null).post('/api/v1/webhooks', {
      url: 'https://example.com',
      event_types: ['*'],
    })
    expect(store.statusCode).toBe(401)
    expect(await count()).toBe(before)

    const sub = await subscribe('https://example.com/hook')
    const badPatch = await admin.patch(`/api/v1/webhooks/${sub.id}`, { url: 'https://a:b@example.com' })
    expect(badPatch.statusCode).toBe(400)
    const badStatus = await admin.patch(`/api/v1/webhooks/${sub.id}`, { status: 'paused' })
    expect(badStatus.statusCode).toBe(400)
    const rotated = await admin.post(`/api/v1/webhooks/${sub.id}/rotate-secret`)
    expect(rotated.statusCode).toBe(200)
    expect(rotated.json().secret).not.toBe(sub.secret)
    const disabled = await admin.patch(`/api/v1/webhooks/${sub.id}`, { status: 'disabled' })
    expect(disabled.json()).toMatchObject({
      status: 'disabled',
      disabled_reason: 'Disabled by an administrator.',
      disabled_by: 'administrator',
    })
    const replayDisabled = await admin.post(`/api/v1/webhooks/${sub.id}/replay`, { event_id: 'evt_x' })
    expect(replayDisabled.statusCode).toBe(409)
    expect((await admin.delete(`/api/v1/webhooks/${sub.id}`)).statusCode).toBe(200)
    expect((await admin.delete(`/api/v1/webhooks/${sub.id}`)).statusCode).toBe(404)
  })
})
