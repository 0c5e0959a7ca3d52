import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { startTestApp, type TestContext } from '../testing/harness.ts'
import { hostileRequests, operations } from '../testing/hostile-input.ts'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

/** Rows of every table of the database, by table. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await rows<{ name: string }>(
    t.database.db,
    sql`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
  const counts = await rows<{ name: string; n: number }>(
    t.database.db,
    sql.raw(
      tables
        .map((r) => `SELECT '${r.name}' AS name, count(*)::int AS n FROM "${r.name}"`)
        .join(' UNION ALL '),
    ),
  )
  return Object.fromEntries(counts.map((c) => [c.name, c.n]))
}

describe('every route facing hostile input', () => {
  it('answers no 5xx, refuses what it cannot store with a 4xx, and writes nothing', async () => {
    const doc = t.app.swagger() as Parameters<typeof operations>[0]
    const ops = operations(doc)
    expect(ops.length).toBeGreaterThan(100)
    // Analytics reads bring their aggregates up to date first (bookkeeping, not a write of the request):
    // done once here so that the counts below only move if a hostile request wrote something.
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/analytics/refresh',
      headers: { authorization: `Bearer ${t.admin}` },
      payload: {},
    })
    expect(refreshed.statusCode).toBe(200)
    const before = await rowCounts()
    const failures: string[] = []
    let sent = 0
    for (const op of ops) {
      for (const req of hostileRequests(op, `Bearer ${t.admin}`)) {
        const res = await t.app.inject({
          method: req.method as 'GET',
          url: req.url,
          headers: req.headers,
          ...(req.payload === undefined ? {} : { payload: req.payload }),
        })
        sent++
        const ok = req.mustRefuse ? res.statusCode >= 400 && res.statusCode < 500 : res.statusCode < 500
        if (!ok) {
          failures.push(
            `${req.method} ${op.path} (${req.what}) → ${res.statusCode} ${res.body.slice(0, 200)}`,
          )
        }
      }
    }
    expect(sent).toBeGreaterThan(3000)
    expect(failures).toEqual([])
    expect(await rowCounts()).toEqual(before)
  })
})
