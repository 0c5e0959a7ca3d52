/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code run in the page by page.evaluate() is typed against the DOM.
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiAs,
  openedBlob,
  screenshot,
  signIn,
  startWorkspace,
  unlabelledControls,
  type Workspace,
} from './harness.ts'

// A web delivery packed into a parcel, labelled (the PDF opens) and handed to the carrier, in the
// workspace's packing screen, by head office (which packs for any warehouse).

let w: Workspace
let context: BrowserContext

beforeAll(async () => {
  w = await startWorkspace()
  context = await w.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' })
}, 180_000)

afterAll(async () => {
  await context?.close()
  await w?.close()
})

describe('parcels in the workspace', () => {
  it('a parcel packed, labelled (the PDF opens) and shipped', async () => {
    const admin = apiAs(w.url, 'pk_demo_admin')
    const web = apiAs(w.url, 'pk_demo_web')
    const products = await admin.get('/products?category=kitchen&channel=WEB&limit=50')
    type Variant = { sku: string; prices: Array<{ price_list: string; amount_cents: number }> }
    const variants = (products.body.data as Array<{ variants: Variant[] }>).flatMap((p) => p.variants)
    const stock = await admin.get(`/availability?channel=WEB&skus=${variants.map((v) => v.sku).join(',')}`)
    const sku = (stock.body.items as Array<{ sku: string; delivery_available: number }>).find(
      (i) => i.delivery_available >= 1,
    )!.sku
    const price = variants
      .find((v) => v.sku === sku)!
      .prices.find((p) => p.price_list === 'PL-WEB')!.amount_cents
    const placed = await web.post('/orders', {
      channel: 'WEB',
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: {
        name: 'Camille Martin',
        line1: '8 rue Sainte-Catherine',
        postcode: '33000',
        city: 'Bordeaux',
        country: 'FR',
      },
      payments: [{ method: 'card', amount_cents: price }],
    })
    expect(placed.status, JSON.stringify(placed.body)).toBe(201)
    const task = placed.body.tasks[0] as { id: string }

    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await signIn(page, w.url, 'pk_demo_admin')
    await page.getByRole('link', { name: 'Colis' }).click()
    await page.getByLabel('Préparation à expédier').fill(task.id)
    await page.getByRole('button', { name: 'Ouvrir' }).click()
    await page.getByLabel('Service de transport').selectOption('COLIS-NATIONAL')
    await page.getByLabel('Poids (g)').fill('1200')
    expect(await unlabelledControls(page)).toEqual([])
    await page.getByRole('button', { name: 'Emballer et étiqueter' }).click()
    const row = page.getByTestId('parcels').locator('tbody tr')
    await expect.poll(() => row.getAttribute('data-tracking')).toMatch(/^CN[0-9]{9}FR$/)
    const tracking = (await row.getAttribute('data-tracking'))!

    // The label opens in a new tab as a PDF: the PDF the server answered, shown from a blob URL.
    const labelled = page.waitForResponse((r) => r.url().endsWith(`/label`))
    const opened = await openedBlob(context, () =>
      page.getByRole('button', { name: 'Ouvrir l’étiquette (PDF)' }).click(),
    )
    const label = await labelled
    expect(label.status()).toBe(200)
    expect(label.headers()['content-type']).toBe('application/pdf')
    await opened.tab.close()
    // The same bytes, fetched as the browser did: a PDF document.
    const pdf = await fetch(label.url(), { headers: { authorization: 'Bearer pk_demo_admin' } })
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-')

    await page.getByRole('button', { name: 'Remettre au transporteur' }).click()
    await expect.poll(() => row.textContent()).toContain('Remis au transporteur')
    await screenshot(page, '20-parcel-shipped')
    const parcel = await admin.get(`/parcels/${tracking}`)
    expect(parcel.body.status).toBe('shipped')
    expect((await admin.get(`/fulfilment/tasks/${task.id}`)).body.status).toBe('shipped')
    await page.close()
  })
})
