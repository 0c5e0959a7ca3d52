import { afterAll, beforeAll, expect, it } from 'vitest'
import { createApiKey } from '../access/api-keys.service.ts'
import { buildDemo, seedDemo } from '../demo/seed.ts'
import { buildApp } from '../http/app.ts'
import { as, openTestDatabase } from '../testing/harness.ts'

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>
let t: TestDb
let app: Awaited<ReturnType<typeof buildApp>>
let admin: ReturnType<typeof as>
const now = new Date()

beforeAll(async () => {
  t = await openTestDatabase()
  await seedDemo(t.database.db, { seed: 1, now })
  app = await buildApp({ database: t.database })
  admin = as(app, (await createApiKey(t.database.db, { name: 'offer test', role: 'admin' })).secret)
})
afterAll(async () => {
  await app?.close()
  await t?.drop()
})

it('the coherence report finds the demo’s planted violations, and its applied suggestions leave none', async () => {
  const { planted } = buildDemo(1, now).offer
  const report = (await admin.get('/api/v1/offer/coherence-report?limit=200')).json()
  expect(report.checked).toBeGreaterThan(500)
  const found = new Set(report.data.map((r: { sku: string }) => r.sku))
  for (const sku of planted) expect(found, sku).toContain(sku)
  expect(report.data.every((r: { suggestion: { feasible: boolean } }) => r.suggestion.feasible)).toBe(true)

  const applied = await admin.post('/api/v1/offer/coherence-report/apply', {})
  expect(applied.statusCode, applied.body).toBe(200)
  expect(applied.json()).toMatchObject({ corrected: report.violating, infeasible: [] })
  expect((await admin.get('/api/v1/offer/coherence-report')).json()).toMatchObject({ violating: 0, data: [] })
})
