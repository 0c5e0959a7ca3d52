import { sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type App, buildApp } from '../app/app.ts'
import { capabilityJobs } from '../app/jobs.ts'
import { type Database, openDatabase, rows } from '../db/database.ts'
import { startJobs } from '../jobs/runner.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, testDbKind, unique } from '../testing/harness.ts'
import { type PostgresRelay, postgresRelay } from '../testing/pg-relay.ts'

// PostgreSQL only: the embedded database has no connections to lose.
describe.skipIf(testDbKind() !== 'postgres')('when PostgreSQL drops or refuses the connections', () => {
  const applicationName = `outage_${unique().toLowerCase()}`
  let t: TestContext
  let f: Awaited<ReturnType<typeof retailFixture>>
  let relay: PostgresRelay
  /** A second server on the same database, connected through the relay. */
  let database: Database
  let app: App
  let admin: pg.Client

  beforeAll(async () => {
    t = await startTestApp()
    f = await retailFixture(t)
    relay = await postgresRelay(t.databaseUrl!)
    const url = new URL(relay.url)
    url.searchParams.set('application_name', applicationName)
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 })
    app = await buildApp({ database })
    admin = new pg.Client({ connectionString: t.databaseUrl })
    await admin.connect()
  })
  afterAll(async () => {
    await admin?.end()
    await app?.close()
    await database?.close()
    await relay?.close()
    await t?.close()
  })

  const tillSale = (sku: string) => ({
    channel: f.channels.store.code,
    lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
    payments: [{ method: 'card', amount_cents: 1999 }],
  })
  const onHand = async (sku: string) => {
    const res = await as(t.app, t.admin).get(`/api/v1/inventory/${sku}`)
    return res.json().levels.find((l: { location_id: string }) => l.location_id === f.store.id).on_hand
  }
  const serverBackends = async (where = 'true') =>
    (
      await admin.query(
        `SELECT pid, wait_event_type FROM pg_stat_activity WHERE application_name = $1 AND ${where}`,
        [applicationName],
      )
    ).rows as { pid: number; wait_event_type: string | null }[]
  /** The server's backend that waits on the row the test holds. */
  const waitingOnLock = async () => {
    let waiting: { pid: number }[] = []
    for (let i = 0; i < 200 && waiting.length === 0; i++) {
      waiting = await serverBackends(`wait_event_type = 'Lock'`)
      if (waiting.length === 0) await new Promise((r) => setTimeout(r, 25))
    }
    expect(waiting).toHaveLength(1)
    return waiting
  }
  const terminate = (pids: number[]) =>
    admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) pid', [pids])

  it('an order whose connection is terminated answers 503 database_unavailable, and its retry with the same Idempotency-Key places it once', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 10 } })
    const headers = { 'idempotency-key': `cut-${sku}` }
    // Another session holds the stock row: the order's statement waits on it, then its backend is terminated.
    const locker = new pg.Client({ connectionString: t.databaseUrl })
    await locker.connect()
    await locker.query('BEGIN')
    await locker.query('SELECT 1 FROM stock_level WHERE sku = $1 FOR UPDATE', [sku])
    const pending = as(app, f.keys.store).post('/api/v1/orders', tillSale(sku), headers)
    const waiting = await waitingOnLock()
    await terminate(waiting.map((w) => w.pid))
    const cut = await pending
    await locker.query('ROLLBACK')
    await locker.end()

    expect(cut.statusCode, cut.body).toBe(503)
    expect(cut.json().error.code).toBe('database_unavailable')
    expect(cut.json().error.message).toContain('same Idempotency-Key')
    expect(Number(cut.headers['retry-after'])).toBeGreaterThan(0)
    expect(await onHand(sku)).toBe(10)

    const retried = await as(app, f.keys.store).post('/api/v1/orders', tillSale(sku), headers)
    expect(retried.statusCode, retried.body).toBe(201)
    expect(retried.headers['idempotent-replayed']).toBeUndefined()
    const again = await as(app, f.keys.store).post('/api/v1/orders', tillSale(sku), headers)
    expect(again.statusCode).toBe(201)
    expect(again.json().id).toBe(retried.json().id)
    expect(await onHand(sku)).toBe(9)
  })

  it('a goods receipt whose transaction is cut after its Idempotency-Key was claimed keeps no record of it: the retry receives the goods once', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 10 } })
    const headers = { 'idempotency-key': `receipt-${sku}` }
    const receipt = { location_id: f.store.id, lines: [{ sku, quantity: 5 }] }
    const locker = new pg.Client({ connectionString: t.databaseUrl })
    await locker.connect()
    await locker.query('BEGIN')
    await locker.query('SELECT 1 FROM stock_level WHERE sku = $1 FOR UPDATE', [sku])
    const pending = as(app, t.admin).post('/api/v1/inventory/receipts', receipt, headers)
    const waiting = await waitingOnLock()
    await terminate(waiting.map((w) => w.pid))
    const cut = await pending
    await locker.query('ROLLBACK')
    await locker.end()
    expect(cut.statusCode, cut.body).toBe(503)
    expect(cut.json().error.code).toBe('database_unavailable')

    const retried = await as(app, t.admin).post('/api/v1/inventory/receipts', receipt, headers)
    expect(retried.statusCode, retried.body).toBe(201)
    expect(retried.headers['idempotent-replayed']).toBeUndefined()
    const again = await as(app, t.admin).post('/api/v1/inventory/receipts', receipt, headers)
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await onHand(sku)).toBe(15)
  })

  it('keeps serving when PostgreSQL terminates its idle connections', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 10 } })
    // Fill the pool, then let its connections go idle.
    await Promise.all([1, 2, 3, 4].map(() => as(app, f.keys.store).get(`/api/v1/inventory/${sku}`)))
    const idle = await serverBackends()
    expect(idle.length).toBeGreaterThan(0)
    await terminate(idle.map((b) => b.pid))
    await new Promise((r) => setTimeout(r, 200))

    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
    const sale = await as(app, f.keys.store).post('/api/v1/orders', tillSale(sku))
    expect(sale.statusCode, sale.body).toBe(201)
    expect(await onHand(sku)).toBe(9)
  })

  it('while PostgreSQL cannot be reached, /health and orders answer 503; once it is back both work again without a restart', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 10 } })
    const headers = { 'idempotency-key': `down-${sku}` }
    relay.down()
    try {
      const health = await app.inject({ method: 'GET', url: '/health' })
      expect(health.statusCode).toBe(503)
      expect(health.json()).toEqual({ status: 'unavailable', database: 'unavailable', engine: 'postgres' })
      const refused = await as(app, f.keys.store).post('/api/v1/orders', tillSale(sku), headers)
      expect(refused.statusCode, refused.body).toBe(503)
      expect(refused.json().error.code).toBe('database_unavailable')
      expect(refused.headers['retry-after']).toBeDefined()
    } finally {
      relay.up()
    }
    const health = await app.inject({ method: 'GET', url: '/health' })
    expect(health.statusCode).toBe(200)
    expect(health.json()).toEqual({ status: 'ok', database: 'ok', engine: 'postgres' })
    const placed = await as(app, f.keys.store).post('/api/v1/orders', tillSale(sku), headers)
    expect(placed.statusCode, placed.body).toBe(201)
    expect(await onHand(sku)).toBe(9)
  })

  it('the background jobs log a pass that fails while PostgreSQL is unreachable and expire due drafts once it is back', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 1 } })
    const draft = await as(t.app, f.keys.callCentre).post('/api/v1/orders', {
      channel: f.channels.call_centre.code,
      draft: true,
      hold_minutes: 15,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
    })
    expect(draft.statusCode, draft.body).toBe(201)
    await rows(
      t.database.db,
      sql`UPDATE orders SET draft_expires_at = now() - interval '1 minute' WHERE id = ${draft.json().id}`,
    )
    const logged: { level: string; message: string; job?: unknown }[] = []
    const record = (level: string) => (o: { job?: unknown }, message: string) =>
      logged.push({ level, message, job: o.job })
    const log = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') }
    relay.down()
    const runner = startJobs(database, capabilityJobs, { defaultIntervalS: 0.1, log })
    try {
      for (let i = 0; i < 100 && logged.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
      expect(logged[0]?.message).toMatch(/database/i)
      relay.up()
      const expired = () => logged.some((l) => l.level === 'info' && l.job === 'orders.expire-drafts')
      for (let i = 0; i < 100 && !expired(); i++) {
        await new Promise((r) => setTimeout(r, 20))
      }
    } finally {
      relay.up()
      await runner.stop()
    }
    const order = await as(t.app, t.admin).get(`/api/v1/orders/${draft.json().id}`)
    expect(order.json().status).toBe('expired')
  })
})
