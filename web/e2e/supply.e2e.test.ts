/// <reference lib="dom" />
import { sql } from 'drizzle-orm'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../../src/db/database.ts'
import { apiAs, screenshot, signIn, startWorkspace, unlabelledControls, type Workspace } from './harness.ts'

let w: Workspace
let admin: ReturnType<typeof apiAs>
let store: { id: string }

beforeAll(async () => {
  w = await startWorkspace()
  admin = apiAs(w.url, 'pk_demo_admin')
  const me = await apiAs(w.url, 'pk_demo_store').get('/me')
  store = { id: me.body.location_id }
}, 180_000)

afterAll(async () => {
  await w?.close()
})

async function open(context: BrowserContext, key: string): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  await signIn(page, w.url, key)
  return page
}

async function go(page: Page, screen: string) {
  const toggle = page.locator('.menu-toggle')
  if (await toggle.isVisible()) await toggle.click()
  await page.getByRole('navigation').getByRole('link', { name: screen, exact: true }).click()
}

describe('the supply chain in the workspace', () => {
  it('a store reviews its replenishment, changes a line and approves it into transfers', async () => {
    // A SKU the store's warehouse holds plenty of, that the store wants more of than it has.
    const [pick] = await rows<{ sku: string }>(
      w.database.db,
      sql`SELECT s.sku FROM stock_level s JOIN store_supply ss ON ss.warehouse_id = s.location_id
          JOIN replenishment_policy p ON p.location_id = ss.location_id AND p.sku = s.sku
          WHERE ss.location_id = ${store.id} AND s.on_hand - s.reserved - s.safety_stock > 100
          ORDER BY s.sku LIMIT 1`,
    )
    expect(pick, 'a SKU the warehouse holds').toBeDefined()
    await w.database.db.execute(
      sql`UPDATE replenishment_policy SET method = 'min_max', min_qty = 500, max_qty = 500
          WHERE location_id = ${store.id} AND sku = ${pick!.sku}`,
    )
    const run = await admin.post('/replenishment/runs', {})
    expect(run.status, JSON.stringify(run.body)).toBe(200)

    const context = await w.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' })
    const page = await open(context, 'pk_demo_store')
    await go(page, 'Réassort')
    await page
      .getByRole('button', { name: /Livraison le/ })
      .first()
      .click()
    const input = page.getByLabel(`Quantité à envoyer de ${pick!.sku}`)
    await input.fill('7')
    await input.press('Tab')
    await expect
      .poll(async () => page.getByLabel(`Quantité à envoyer de ${pick!.sku}`).inputValue())
      .toBe('7')
    expect(await unlabelledControls(page)).toEqual([])
    await screenshot(page, 'supply-replenishment-review')
    await page.getByRole('button', { name: 'Valider le réassort' }).click()
    await page.getByTestId('approved').waitFor()

    const list = await admin.get(`/replenishment/proposals?location_id=${store.id}&status=approved`)
    const approved = await admin.get(`/replenishment/proposals/${list.body.data[0].id}`)
    expect(approved.body.lines.find((l: { sku: string }) => l.sku === pick!.sku).quantity).toBe(7)
    expect(approved.body.transfer_ids.length).toBeGreaterThan(0)
    await context.close()
  })

  it('a blind count by scanning on a tablet: nothing expected shown until submitted, then approved', async () => {
    const items = await rows<{ sku: string; ean: string; on_hand: number }>(
      w.database.db,
      sql`SELECT s.sku, v.ean, s.on_hand FROM stock_level s JOIN variant v ON v.sku = s.sku
          WHERE s.location_id = ${store.id} AND s.on_hand BETWEEN 1 AND 3 AND s.reserved = 0
          ORDER BY s.sku LIMIT 2`,
    )
    expect(items).toHaveLength(2)
    const context = await w.browser.newContext({
      viewport: { width: 768, height: 1024 },
      locale: 'fr-FR',
      hasTouch: true,
    })
    const page = await open(context, 'pk_demo_store')
    await go(page, 'Inventaire')
    await page.getByLabel('Zone (allée, rayon)').fill('Tablette e2e')
    await page
      .getByLabel('Références de la zone (séparées par des virgules)')
      .fill(items.map((i) => i.sku).join(', '))
    await page.getByRole('button', { name: 'Démarrer un inventaire de zone' }).click()
    const scan = page.getByLabel('Scanner un article (EAN) ou saisir la référence')
    await scan.waitFor()
    // Blind: no expected quantity anywhere on the screen.
    expect(await page.getByTestId('count-lines').locator('tbody td:nth-child(4)').allTextContents()).toEqual([
      '•',
      '•',
    ])
    for (const item of items) {
      for (let i = 0; i < item.on_hand; i++) {
        // A scanner types the EAN and Enter into the field that keeps the focus.
        await page.keyboard.type(item.ean)
        await page.keyboard.press('Enter')
        await expect
          .poll(() => page.getByTestId('last-scan').textContent())
          .toContain(`${i + 1} trouvé(s) pour ${item.sku}`)
      }
    }
    await screenshot(page, 'supply-count-tablet')
    await page.getByRole('button', { name: 'Terminer le comptage' }).click()
    await expect.poll(() => page.getByTestId('count-status').textContent()).toBe('à valider')
    expect(await page.getByTestId('count-lines').locator('tbody td:nth-child(4)').allTextContents()).toEqual(
      items.map((i) => String(i.on_hand)),
    )
    const wide = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(wide).toBeLessThanOrEqual(768)

    const counts = await apiAs(w.url, 'pk_demo_store').get(`/counts?location_id=${store.id}&status=review`)
    const id = counts.body.data[0].id
    const approved = await apiAs(w.url, 'pk_demo_manager').post(`/counts/${id}/approve`, {})
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(approved.body.lines.map((l: { applied_delta: number }) => l.applied_delta)).toEqual([0, 0])
    await context.close()
  })
})
