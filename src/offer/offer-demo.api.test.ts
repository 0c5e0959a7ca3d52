import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../access/index.ts'
import { buildApp } from '../app/app.ts'
import { type Database, openDatabase } from '../db/database.ts'
import { buildDemo, seedDemo } from '../demo/seed.ts'
import { loadDemoSnapshot } from '../demo/snapshot.ts'
import { as, openTestDatabase, testDbKind } from '../testing/harness.ts'

// The demo's offer does not depend on the engine (one seed, the same SQL on both, and the offer's own
// tests run on both): it is checked once per run, on the embedded database, which a first start gives
// the demo on. Seeding it on PostgreSQL as well cost 15–17 s of a run.
describe.skipIf(testDbKind() === 'postgres')('the demo retailer’s offer', () => {
  let database: Database
  let close: () => Promise<void>
  let app: Awaited<ReturnType<typeof buildApp>>
  let admin: ReturnType<typeof as>
  const now = new Date()
  // The offer (catalogue, prices, promotions, clusters, assortment) is what is checked here, not the
  // history: it depends on the seed alone. On the embedded database it is the demo a first start loads,
  // the snapshot made at install, when that fits this version; otherwise a short history is seeded (in
  // under half the time of the full demo's 24 months).
  const tillSales = 300

  async function embeddedDemo(): Promise<boolean> {
    if (testDbKind() !== 'pglite') return false
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-offer-demo-'))
    if (!('summary' in (await loadDemoSnapshot(dir)))) {
      rmSync(dir, { recursive: true, force: true })
      return false
    }
    database = await openDatabase({ dataDir: dir })
    close = async () => {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    }
    return true
  }

  beforeAll(async () => {
    if (!(await embeddedDemo())) {
      const t = await openTestDatabase()
      await seedDemo(t.database.db, { seed: 1, now, tillSales })
      database = t.database
      close = t.drop
    }
    app = await buildApp({ database })
    admin = as(app, (await createApiKey(database.db, { name: 'offer test', role: 'admin' })).secret)
  })
  afterAll(async () => {
    await app?.close()
    await close?.()
  })

  it('the coherence report finds the demo’s planted violations, and its applied suggestions leave none', async () => {
    const { planted } = buildDemo(1, now, tillSales).offer
    const report = (await admin.get('/api/v1/offer/coherence-report?limit=200')).json()
    expect(report.checked).toBeGreaterThan(500)
    const found = new Set(report.data.map((r: { sku: string }) => r.sku))
    for (const sku of planted) expect(found, sku).toContain(sku)
    expect(report.data.every((r: { suggestion: { feasible: boolean } }) => r.suggestion.feasible)).toBe(true)

    const applied = await admin.post('/api/v1/offer/coherence-report/apply', {})
    expect(applied.statusCode, applied.body).toBe(200)
    expect(applied.json()).toMatchObject({ corrected: report.violating, infeasible: [] })
    expect((await admin.get('/api/v1/offer/coherence-report')).json()).toMatchObject({
      violating: 0,
      data: [],
    })
  })

  it('the demo runs promotions scoped each way, and its small city stores order the DIY range they do not carry', async () => {
    const live = (await admin.get('/api/v1/promotions?live=true&limit=50')).json().data as Array<{
      code: string
    }>
    expect(live.map((p) => p.code).sort()).toEqual([
      'BIENVENUE',
      'DECO-2E-50',
      'JARDIN-WEB',
      'TEXTILE-3POUR2',
    ])
    const textile = (await admin.get('/api/v1/products?category=textile&channel=STORES&limit=1')).json()
      .data[0]
    const sku = textile.variants[0].sku as string
    const store = (await admin.get('/api/v1/locations/STO-PARIS-BASTILLE')).json()
    expect(store.cluster).toBe('flagship')
    const atTill = (
      await admin.post('/api/v1/orders/quote', {
        channel: 'STORES',
        store_id: store.id,
        lines: [{ sku, quantity: 3, fulfilment: 'takeaway' }],
      })
    ).json()
    expect(atTill.promotions).toEqual([expect.objectContaining({ code: 'TEXTILE-3POUR2' })])
    expect(atTill.total_cents).toBe(2 * atTill.lines[0].unit_price_cents)

    const city = (await admin.get('/api/v1/locations?kind=store&limit=50'))
      .json()
      .data.find((l: { cluster: string }) => l.cluster === 'city')
    const diy = (await admin.get('/api/v1/products?category=diy&channel=STORES&limit=1')).json().data[0]
    const refused = await admin.post('/api/v1/orders/quote', {
      channel: 'STORES',
      store_id: city.id,
      lines: [{ sku: diy.variants[0].sku, quantity: 1, fulfilment: 'takeaway' }],
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.code).toBe('not_in_assortment')
  })
})
