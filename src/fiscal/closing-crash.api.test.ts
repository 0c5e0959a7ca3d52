import { type ChildProcess, spawn } from 'node:child_process'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { nodeArgsFor } from '../testing/cli.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, testDbKind, unique } from '../testing/harness.ts'
import { verifyChains } from './index.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const run = (env: Record<string, string>) => {
  const child: ChildProcess = spawn(
    process.execPath,
    nodeArgsFor(new URL('./closing-crash.child.ts', import.meta.url)),
    { env: { ...process.env, DATABASE_URL: t.databaseUrl!, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout!.on('data', (d) => {
    out += String(d)
  })
  return new Promise<{ signal: NodeJS.Signals | number | null; out: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ signal: signal ?? code, out })),
  )
}

describe('a closing killed with -9', () => {
  it.skipIf(testDbKind() !== 'postgres')(
    'leaves either no closing or a whole one, wherever the process dies',
    async () => {
      // PostgreSQL only: the closing runs in child processes, which cannot share an embedded database.
      const staff = as(t.app, f.keys.store)
      const manager = await as(t.app, t.admin).post('/api/v1/api-keys', {
        name: 'manager',
        role: 'store_staff',
        location_id: f.store.id,
        manager: true,
      })
      const reg = (
        await as(t.app, manager.json().secret).post('/api/v1/fiscal/registers', {
          store_id: f.store.id,
          code: unique('K-'),
        })
      ).json()
      await staff.post(`/api/v1/fiscal/registers/${reg.id}/open`, { float_cents: 1000 })
      const sku = await f.product({ priceCents: 1234, stock: { [f.store.id]: 10 } })
      for (let i = 0; i < 3; i++) {
        const res = await staff.post('/api/v1/orders', {
          channel: f.channels.store.code,
          register_id: reg.id,
          lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
          payments: [{ method: 'card', amount_cents: 1234 }],
        })
        expect(res.statusCode, res.body).toBe(201)
      }
      const x = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/x`)).json()
      await staff.post(`/api/v1/fiscal/registers/${reg.id}/close`, {
        counts: x.expected.map((e: { method: string; amount_cents: number }) => ({
          method: e.method,
          counted_cents: e.amount_cents,
        })),
      })
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: reg.timezone }).format(new Date())
      const env = { REGISTER_ID: reg.id, DAY: day, NOW: new Date().toISOString() }
      const state = async () => {
        const [s] = await rows<{
          closings: number
          journal: number
          closed_through: string | null
          head: number
        }>(
          t.database.db,
          sql`SELECT (SELECT count(*)::int FROM fiscal_closing WHERE register_id = ${reg.id}) AS closings,
                (SELECT count(*)::int FROM fiscal_journal WHERE register_id = ${reg.id}) AS journal,
                closed_through, closing_seq AS head
              FROM fiscal_register WHERE id = ${reg.id}`,
        )
        return s!
      }
      const before = await state()
      const counted = await run({ ...env, COUNT: '1' })
      const statements = Number(counted.out.trim())
      expect(statements).toBeGreaterThan(4)
      expect(await state()).toEqual(before)

      // Before the lock, the first write, the closing record, the journal entry, the last statement, COMMIT.
      const points = [1, 2, Math.ceil(statements / 2), statements - 1, statements].map(String)
      for (const at of [...new Set(points), 'commit']) {
        const crashed = await run({ ...env, CRASH_AT: at })
        expect([at, crashed.signal]).toEqual([at, 'SIGKILL'])
        // Nothing of the closing: no record, no journal entry, the day still open, the chains whole.
        expect([at, await state()]).toEqual([at, before])
      }
      expect((await verifyChains(t.database.db, reg.id)).ok).toBe(true)

      const done = await run(env)
      expect(done.out).toContain('closed')
      const after = await state()
      expect(after).toEqual({
        closings: 1,
        journal: before.journal + 1,
        closed_through: day,
        head: 1,
      })
      const [closing] = (await as(t.app, t.admin).get(`/api/v1/fiscal/registers/${reg.id}/closings`)).json()
      expect(closing).toMatchObject({
        kind: 'daily',
        period: day,
        total_cents: 3 * 1234,
        grand_total_cents: 3 * 1234,
      })
      expect((await verifyChains(t.database.db, reg.id)).ok).toBe(true)
    },
    180_000,
  )
})
