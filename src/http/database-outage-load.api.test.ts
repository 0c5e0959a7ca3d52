import { type ChildProcess, spawn } from 'node:child_process'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passerelleCommand } from '../testing/cli.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, testDbKind, unique } from '../testing/harness.ts'

// The sources under test, not a build that may be older.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// PostgreSQL only: the embedded database has no connections to lose.
describe.skipIf(testDbKind() !== 'postgres')(
  'an order load while PostgreSQL terminates the server’s connections',
  () => {
    const applicationName = `outage_load_${unique().toLowerCase()}`
    let t: TestContext
    let f: Awaited<ReturnType<typeof retailFixture>>
    let skus: string[]
    let customerId: string
    let server: ChildProcess
    let url: string
    const output: string[] = []

    beforeAll(async () => {
      t = await startTestApp()
      f = await retailFixture(t)
      skus = [
        await f.product({ stock: { [f.store.id]: 100_000 } }),
        await f.product({ stock: { [f.store.id]: 100_000 } }),
      ]
      const customer = await as(t.app, t.admin).post('/api/v1/customers', {
        first_name: 'Camille',
        last_name: `Martin${unique()}`,
        email: `camille.${unique().toLowerCase()}@example.fr`,
      })
      customerId = customer.json().id
      const points = await as(t.app, t.admin).post(`/api/v1/customers/${customerId}/loyalty/adjustments`, {
        points: 100_000,
        reason: 'load test',
      })
      expect(points.statusCode, points.body).toBe(200)
      const serverUrl = new URL(t.databaseUrl!)
      serverUrl.searchParams.set('application_name', applicationName)
      // The real server in its own process: the database already holds a retailer, so no demo is loaded.
      server = spawn(
        process.execPath,
        [...passerelleCommand, 'serve', '--port', '0', '--host', '127.0.0.1', '--log-level', 'warn'],
        { env: { ...process.env, DATABASE_URL: serverUrl.toString() }, stdio: ['ignore', 'pipe', 'pipe'] },
      )
      const collect = (d: Buffer) => output.push(...d.toString().split('\n').filter(Boolean))
      server.stdout!.on('data', collect)
      server.stderr!.on('data', collect)
      for (let i = 0; i < 300 && !url; i++) {
        if (server.exitCode !== null) throw new Error(`server exited:\n${output.join('\n')}`)
        const listening = output
          .map((l) => /API\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(l))
          .find(Boolean)
        if (listening) url = listening[1]!
        else await sleep(100)
      }
      if (!url) throw new Error(`server did not start:\n${output.join('\n')}`)
    })
    afterAll(async () => {
      if (server && server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r))
        server.kill('SIGTERM')
        await exited
      }
      await t?.close()
    })

    it('the server survives, answers 503 database_unavailable meanwhile, and every acknowledged order exists exactly once', async () => {
      const admin = new pg.Client({ connectionString: t.databaseUrl })
      await admin.connect()
      const acknowledged = new Map<string, string>()
      const unexpected: string[] = []
      let unavailable = 0
      let loading = true

      /** Places one order, retrying on 503 with the same Idempotency-Key until it is acknowledged. */
      const placeOne = async (n: number) => {
        const key = `load-${unique()}`
        const body = {
          channel: f.channels.store.code,
          // Every other order has a customer who spends a point: it is written in a transaction (the
          // others are one statement).
          ...(n % 2 === 0 ? { customer_id: customerId } : {}),
          lines: [{ sku: skus[n % skus.length], quantity: 1, fulfilment: 'takeaway' }],
          payments:
            n % 2 === 0
              ? [
                  { method: 'loyalty_points', amount_cents: 5 },
                  { method: 'card', amount_cents: 1994 },
                ]
              : [{ method: 'card', amount_cents: 1999 }],
        }
        for (let attempt = 0; attempt < 100; attempt++) {
          let res: Response
          try {
            res = await fetch(`${url}/api/v1/orders`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${f.keys.store}`,
                'content-type': 'application/json',
                'idempotency-key': key,
              },
              body: JSON.stringify(body),
            })
          } catch (err) {
            unexpected.push(`no answer: ${(err as Error).message}`)
            return
          }
          const json = (await res.json()) as { id?: string; error?: { code: string } }
          if (res.status === 201 || res.status === 200) {
            acknowledged.set(key, json.id!)
            return
          }
          if (
            res.status === 503 &&
            json.error?.code === 'database_unavailable' &&
            res.headers.get('retry-after')
          ) {
            unavailable++
            await sleep(50)
            continue
          }
          unexpected.push(`${res.status} ${JSON.stringify(json)}`)
          return
        }
        unexpected.push(`${key} still refused after 100 attempts`)
      }
      const client = async (c: number) => {
        for (let n = c; loading && unexpected.length === 0; n += 8) await placeOne(n)
      }
      const terminations: number[] = []
      const terminate = async () => {
        for (let i = 0; i < 4; i++) {
          await sleep(1200)
          const { rows } = await admin.query(
            'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
            [applicationName],
          )
          terminations.push(rows.length)
        }
        await sleep(1200)
        loading = false
      }
      await Promise.all([terminate(), ...[0, 1, 2, 3, 4, 5, 6, 7].map(client)])

      try {
        expect(unexpected, output.join('\n')).toEqual([])
        expect(server.exitCode).toBeNull()
        expect(terminations.every((n) => n > 0)).toBe(true)
        expect(unavailable).toBeGreaterThan(0)
        const health = await fetch(`${url}/health`)
        expect(health.status).toBe(200)
        expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' })

        // Every acknowledged order once, no order nobody was told about, no 503 kept for a replay.
        const ids = [...acknowledged.values()]
        expect(new Set(ids).size).toBe(acknowledged.size)
        const placed = await admin.query(
          `SELECT count(*)::int AS n, count(DISTINCT o.id)::int AS orders FROM orders o
         JOIN order_line l ON l.order_id = o.id WHERE l.sku = ANY($1)`,
          [skus],
        )
        expect(placed.rows[0]).toEqual({ n: acknowledged.size, orders: acknowledged.size })
        const found = await admin.query('SELECT count(*)::int AS n FROM orders WHERE id = ANY($1)', [ids])
        expect(found.rows[0].n).toBe(acknowledged.size)
        const keys = await admin.query(
          'SELECT count(*)::int AS n, count(*) FILTER (WHERE status_code <> 201)::int AS other FROM idempotency_key WHERE key = ANY($1)',
          [[...acknowledged.keys()]],
        )
        expect(keys.rows[0]).toEqual({ n: acknowledged.size, other: 0 })
        const stock = await admin.query(
          'SELECT sum(100000 - on_hand)::int AS sold FROM stock_level WHERE sku = ANY($1) AND location_id = $2',
          [skus, f.store.id],
        )
        expect(stock.rows[0].sold).toBe(acknowledged.size)
      } finally {
        await admin.end()
      }
    })
  },
)
