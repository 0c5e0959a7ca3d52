/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code run in the page by page.evaluate() is typed against the DOM.
import { sql } from 'drizzle-orm'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../../src/db/database.ts'
import {
  apiAs,
  focusedName,
  runEventRelay,
  screenshot,
  signIn,
  startWebhookReceiver,
  startWorkspace,
  tabTo,
  tillRegister,
  unlabelledControls,
  type Workspace,
} from './harness.ts'

// The demo retailer's public keys (README, "Demo API keys").
const keys = {
  admin: 'pk_demo_admin',
  store: 'pk_demo_store',
  web: 'pk_demo_web',
  callCentre: 'pk_demo_callcentre',
}

/** Euro amounts as the workspace prints them (fr-FR: 1 234,56 €). */
const euro = (cents: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100)

/** Scan-to-basket times the till records for this test (web/src/screens/Till.tsx). */
type Scans = Window & { __passerelleScans?: number[] }

let w: Workspace
let context: BrowserContext
let admin: ReturnType<typeof apiAs>
let bastille: { id: string; name: string }
let register: string

interface Item {
  sku: string
  ean: string
  name: string
  prices: Record<string, number>
}

/** An article of a category with at least `min` units available at the demo store. */
async function inStock(category: string, min: number, skip: string[] = []): Promise<Item> {
  const products = await admin.get(`/products?category=${category}&channel=STORES&limit=100`)
  type Variant = { sku: string; ean: string; prices: Array<{ price_list: string; amount_cents: number }> }
  const variants = (products.body.data as Array<{ name: string; variants: Variant[] }>)
    .flatMap((p) => p.variants.map((v) => ({ ...v, product: p.name })))
    .filter((v) => !skip.includes(v.sku))
    .slice(0, 200)
  const skus = variants.map((v) => v.sku).join(',')
  const stock = await admin.get(`/availability?channel=STORES&skus=${skus}&location=${bastille.id}`)
  const found = (stock.body.items as Array<{ sku: string; locations: Array<{ available: number }> }>).find(
    (i) => (i.locations[0]?.available ?? 0) >= min,
  )
  expect(found, `a ${category} article with ${min} units at the demo store`).toBeDefined()
  const v = variants.find((x) => x.sku === found!.sku)!
  return {
    sku: v.sku,
    ean: v.ean,
    name: v.product,
    prices: Object.fromEntries(v.prices.map((p) => [p.price_list, p.amount_cents])),
  }
}

/** An article the demo store does not hold, that the network can deliver home. */
async function notHere(category: string): Promise<Item> {
  const products = await admin.get(`/products?category=${category}&channel=STORES&limit=100`)
  type Variant = { sku: string; ean: string; prices: Array<{ price_list: string; amount_cents: number }> }
  const variants = (products.body.data as Array<{ name: string; variants: Variant[] }>)
    .flatMap((p) => p.variants.map((v) => ({ ...v, product: p.name })))
    .slice(0, 200)
  const skus = variants.map((v) => v.sku).join(',')
  const here = await admin.get(`/availability?channel=STORES&skus=${skus}&location=${bastille.id}`)
  const network = await admin.get(`/availability?channel=STORES&skus=${skus}`)
  const empty = new Set(
    (here.body.items as Array<{ sku: string; locations: Array<{ available: number }> }>)
      .filter((i) => (i.locations[0]?.available ?? 0) === 0)
      .map((i) => i.sku),
  )
  const found = (network.body.items as Array<{ sku: string; delivery_available: number }>).find(
    (i) => empty.has(i.sku) && i.delivery_available >= 2,
  )
  expect(found, `a ${category} article the demo store lacks`).toBeDefined()
  const v = variants.find((x) => x.sku === found!.sku)!
  return {
    sku: v.sku,
    ean: v.ean,
    name: v.product,
    prices: Object.fromEntries(v.prices.map((p) => [p.price_list, p.amount_cents])),
  }
}

async function newPage(): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return page
}

beforeAll(async () => {
  const started = Date.now()
  w = await startWorkspace()
  console.log(`e2e: demo server and workspace ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  admin = apiAs(w.url, keys.admin)
  bastille = (await admin.get('/locations/STO-PARIS-BASTILLE')).body
  context = await w.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' })
  // The demo store sells through registers: this browser's till is CAISSE-1, opened with its float.
  register = await tillRegister(w.url, context, 'CAISSE-1', true)
}, 180_000)

/** The tickets the till register wrote since `after` (its sales, returns). */
async function ticketsSince(after: number) {
  const res = await admin.get(`/fiscal/registers/${register}/tickets?after_seq=${after}&limit=100`)
  return res.body as Array<{ kind: string; order_id: string; return_id?: string }>
}

async function lastTicket(): Promise<number> {
  const list = (await admin.get(`/fiscal/stores/${bastille.id}/registers`)).body as Array<{
    id: string
    last_ticket_seq: number
  }>
  return list.find((r) => r.id === register)!.last_ticket_seq
}

afterAll(async () => {
  await context?.close()
  await w?.close()
})

describe('the staff workspace in a browser', () => {
  it('sells at the till with scanned barcodes and a card + cash payment, keyboard only, and prints VAT per rate', async () => {
    const pan = await inStock('kitchen', 2)
    const book = await inStock('books', 1)
    const page = await newPage()

    await page.goto(w.url)
    await screenshot(page, '01-sign-in')
    expect(await unlabelledControls(page)).toEqual([])
    await signIn(page, w.url, keys.store)
    await page.waitForURL('**/till')
    expect(await page.getByTestId('where').textContent()).toBe(bastille.name)

    // The till opens ready for the scanner, with a visible focus.
    await expect.poll(() => focusedName(page)).toBe('Scanner ou rechercher un article')
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
    expect(outline).not.toBe('none')

    // A scanner types the 13 digits in a few milliseconds and ends with Enter.
    const scanned = () => page.evaluate(() => (window as Scans).__passerelleScans ?? [])
    for (const [i, ean] of [pan.ean, pan.ean, book.ean].entries()) {
      await page.keyboard.type(ean, { delay: 3 })
      await page.keyboard.press('Enter')
      await expect.poll(async () => (await scanned()).length).toBe(i + 1)
      await page.getByTestId('stock-here').filter({ hasNotText: '…' }).waitFor()
    }
    const basket = page.getByTestId('basket')
    await expect.poll(() => basket.locator('tbody tr').count()).toBe(2)
    await expect
      .poll(() => page.getByLabel(`Quantité — ${pan.name}`, { exact: false }).inputValue())
      .toBe('2')
    const total = 2 * pan.prices['PL-STORES']! + book.prices['PL-STORES']!
    expect(await page.getByTestId('total').textContent()).toBe(euro(total))
    const scans = await scanned()
    console.log(`e2e: till scan → basket on screen: ${scans.map((ms) => `${Math.round(ms)} ms`).join(', ')}`)
    await screenshot(page, '02-till-basket')
    expect(await unlabelledControls(page)).toEqual([])

    // Split payment: 10 € by card, the rest in cash with change due.
    await tabTo(page, 'Montant (€)')
    await page.keyboard.type('10')
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedName(page)).toBe('Carte bancaire')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => focusedName(page)).toBe('Espèces')
    const left = total - 1000
    const handed = (Math.floor(left / 1000) + 1) * 1000
    await tabTo(page, 'Montant remis (€)')
    await page.keyboard.type(String(handed / 100))
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('change').textContent()).toContain(euro(handed - left))
    await expect.poll(() => focusedName(page)).toBe('Valider la vente')
    await screenshot(page, '03-till-payment')
    await page.keyboard.press('Enter')

    const receipt = page.getByTestId('receipt')
    await receipt.waitFor()
    const vat = await page.getByTestId('vat').locator('tbody tr').allTextContents()
    expect(vat).toHaveLength(2)
    expect(vat.some((row) => row.startsWith('20 %'))).toBe(true)
    expect(vat.some((row) => row.startsWith('5,5 %'))).toBe(true)
    expect(await receipt.textContent()).toContain(`Rendu monnaie${euro(handed - left)}`)
    await screenshot(page, '04-till-receipt')

    // The sale is recorded as the receipt says: both tenders, the change given back.
    const number = (await receipt.textContent())!.match(/Vente n° (\d+)/)![1]
    const sales = await apiAs(w.url, keys.store).get(`/orders?number=${number}`)
    const order = sales.body.data[0]
    expect(order.total_cents).toBe(total)
    expect(order.payments.map((p: { method: string }) => p.method)).toEqual(['card', 'cash'])
    expect(order.payments[1].change_due_cents).toBe(handed - left)
    expect(await focusedName(page)).toBe('Nouvelle vente')
    await page.close()
  })

  it('applies the store-only 3 for 2 on household linen at the till, on the basket and the receipt', async () => {
    const towel = await inStock('textile', 3)
    const page = await newPage()
    await signIn(page, w.url, keys.store)
    await page.waitForURL('**/till')
    await expect.poll(() => focusedName(page)).toBe('Scanner ou rechercher un article')
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.type(towel.ean, { delay: 3 })
      await page.keyboard.press('Enter')
      await expect
        .poll(() => page.getByLabel(`Quantité — ${towel.name}`, { exact: false }).inputValue())
        .toBe(String(i))
    }
    const price = towel.prices['PL-STORES']!
    await expect.poll(() => page.getByTestId('total').textContent()).toBe(euro(2 * price))
    expect(await page.getByTestId('basket').textContent()).toContain(`3 pour 2 en magasin −${euro(price)}`)
    await screenshot(page, '02b-till-promotion')
    await page.getByRole('button', { name: 'Ajouter le paiement' }).click()
    await page.getByRole('button', { name: 'Valider la vente' }).click()
    const receipt = page.getByTestId('receipt')
    await receipt.waitFor()
    expect(await receipt.textContent()).toContain('3 pour 2 en magasin')
    const number = (await receipt.textContent())!.match(/Vente n° (\d+)/)![1]
    const order = (await apiAs(w.url, keys.store).get(`/orders?number=${number}`)).body.data[0]
    expect(order.total_cents).toBe(2 * price)
    expect(order.lines[0].promotions).toEqual([
      expect.objectContaining({ code: 'TEXTILE-3POUR2', cents: price }),
    ])
    await page.close()
  })

  it('sells an article not on the shelf for home delivery to the attached customer (endless aisle)', async () => {
    const item = await notHere('kitchen')
    const customer = (await admin.get('/customers?limit=50')).body.data.find(
      (c: { phone: string | null; postcode: string }) => c.phone && /^\d{5}$/.test(c.postcode),
    )
    const page = await newPage()
    await signIn(page, w.url, keys.store)
    await page.waitForURL('**/till')
    await expect.poll(() => focusedName(page)).toBe('Scanner ou rechercher un article')
    await page.keyboard.type(item.ean, { delay: 3 })
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 5000 })
      .toContain('Pas en stock ici')

    await page.getByLabel('Téléphone, e-mail ou carte de fidélité').fill(customer.phone)
    await page.getByRole('button', { name: 'Rechercher' }).click()
    await expect.poll(() => page.getByTestId('till-customer').textContent()).toMatch(/points/)
    await page.getByLabel(`Mode de livraison — ${item.name}`, { exact: false }).selectOption('delivery')
    // The customer's address fills the delivery address.
    await expect.poll(() => page.getByLabel('Code postal').inputValue()).toBe(customer.postcode)
    expect(await unlabelledControls(page)).toEqual([])
    await screenshot(page, '05-till-endless-aisle')
    await page.getByRole('button', { name: 'Ajouter le paiement' }).click()
    await page.getByRole('button', { name: 'Valider la vente' }).click()
    const receipt = page.getByTestId('receipt')
    await expect.poll(() => receipt.textContent()).toContain('livré à domicile')
    expect(await receipt.textContent()).toContain(`${customer.first_name} ${customer.last_name}`)

    const number = (await receipt.textContent())!.match(/Vente n° (\d+)/)![1]
    const order = (await admin.get(`/orders?number=${number}`)).body.data[0]
    expect(order.customer_id).toBe(customer.id)
    expect(order.lines[0].fulfilment).toBe('delivery')
    expect(order.routing.shipments.length).toBeGreaterThan(0)
    await page.close()
  })

  it('prepares a click & collect order placed on the web and hands it over with its code', async () => {
    const item = await inStock('kitchen', 1)
    const web = apiAs(w.url, keys.web)
    const placed = await web.post('/orders', {
      channel: 'WEB',
      lines: [{ sku: item.sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: bastille.id }],
      payments: [{ method: 'card', amount_cents: item.prices['PL-WEB'] }],
    })
    expect(placed.status, JSON.stringify(placed.body)).toBe(201)
    const { number, id } = placed.body
    // The customer's code, as the web shop shows it to them.
    const code = (await web.get(`/orders/${id}`)).body.pickup_code as string
    expect(code).toMatch(/\S/)

    const page = await newPage()
    await signIn(page, w.url, keys.store)
    await page.getByRole('link', { name: 'Retraits en magasin' }).click()
    const open = page.getByRole('button', { name: `Ouvrir la commande ${number}` })
    await page.getByTestId('queue').waitFor()
    for (let i = 0; i < 20 && !(await open.isVisible()); i++) {
      await page.getByRole('button', { name: 'Afficher plus' }).click()
      await page.waitForTimeout(200)
    }
    await screenshot(page, '06-queue')
    expect(await unlabelledControls(page)).toEqual([])
    await open.click()
    const task = page.getByTestId('task')
    await expect.poll(() => task.textContent()).toContain(item.name)

    for (const [button, status] of [
      ['Commencer la préparation', 'En préparation'],
      ['Marquer comme emballée', 'Emballée'],
      ['Prête pour le retrait', 'Prête'],
    ] as const) {
      await page.getByRole('button', { name: button }).click()
      await expect.poll(() => page.getByTestId('task-status').textContent()).toBe(status)
    }
    await screenshot(page, '07-pick-list-ready')

    // A wrong code is refused with what to do; the customer's code hands the order over.
    const codeField = page.getByLabel('Code de retrait du client')
    await codeField.fill('000000' === code ? '111111' : '000000')
    await page.getByRole('button', { name: 'Remettre au client' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('code')
    await codeField.fill(code)
    await page.getByRole('button', { name: 'Remettre au client' }).click()
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('Remise au client')
    expect((await web.get(`/orders/${id}`)).body.status).toBe('completed')
    await page.close()
  })

  it('shows a hand-over locked by five wrong codes, which the store manager unlocks saying how the customer was identified', async () => {
    const item = await inStock('kitchen', 1)
    const web = apiAs(w.url, keys.web)
    const placed = await web.post('/orders', {
      channel: 'WEB',
      lines: [{ sku: item.sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: bastille.id }],
      payments: [{ method: 'card', amount_cents: item.prices['PL-WEB'] }],
    })
    expect(placed.status, JSON.stringify(placed.body)).toBe(201)
    const { number, id, tasks } = placed.body
    const code = (await web.get(`/orders/${id}`)).body.pickup_code as string
    const store = apiAs(w.url, keys.store)
    for (const to of ['picking', 'packed', 'ready_for_pickup']) {
      expect((await store.post(`/fulfilment/tasks/${tasks[0].id}/advance`, { to })).status).toBe(200)
    }
    for (let i = 1; i <= 5; i++) {
      const wrong = String((Number(code) + i) % 1_000_000).padStart(6, '0')
      await store.post(`/fulfilment/tasks/${tasks[0].id}/advance`, { to: 'collected', pickup_code: wrong })
    }

    const page = await newPage()
    await signIn(page, w.url, 'pk_demo_manager')
    await page.getByRole('link', { name: 'Retraits en magasin' }).click()
    await page.getByTestId('queue').waitFor()
    const open = page.getByRole('button', { name: `Ouvrir la commande ${number}` })
    for (let i = 0; i < 20 && !(await open.isVisible()); i++) {
      await page.getByRole('button', { name: 'Afficher plus' }).click()
      await page.waitForTimeout(200)
    }
    await open.click()
    const locked = page.getByTestId('pickup-locked')
    await expect
      .poll(() => locked.textContent())
      .toContain('Un responsable doit vérifier l’identité du client')
    expect(await page.getByRole('button', { name: 'Remettre au client' }).count()).toBe(0)
    expect(await unlabelledControls(page)).toEqual([])
    await page.getByLabel('Comment le client a été identifié').fill('Carte d’identité présentée')
    await page.getByRole('button', { name: 'Débloquer le retrait' }).click()
    const codeField = page.getByLabel('Code de retrait du client')
    await codeField.fill(code)
    await page.getByRole('button', { name: 'Remettre au client' }).click()
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('Remise au client')
    expect(await page.getByTestId('task').textContent()).toContain(
      'Retrait débloqué : Carte d’identité présentée',
    )
    await page.close()
  })

  it('lets the call centre find a customer by phone and see their orders from several channels', async () => {
    // A customer with a phone number who bought in at least two channels.
    let found: { id: string; phone: string; channels: string[] } | undefined
    let cursor = ''
    for (let i = 0; i < 10 && !found; i++) {
      const page = await admin.get(`/customers?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      for (const c of page.body.data as Array<{ id: string; phone: string | null }>) {
        if (!c.phone) continue
        const view = (await admin.get(`/customers/${c.id}/360`)).body
        if (view.channels.length >= 2) {
          found = {
            id: c.id,
            phone: c.phone,
            channels: view.channels.map((x: { channel_code: string }) => x.channel_code),
          }
          break
        }
      }
      cursor = page.body.next_cursor
      if (!cursor) break
    }
    expect(found).toBeDefined()
    // Typed as a caller says it: 06 12 34 56 78.
    const national = `0${found!.phone.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ')

    const page = await newPage()
    await signIn(page, w.url, keys.callCentre)
    await page.waitForURL('**/customers')
    await page.getByLabel('Téléphone, e-mail, carte de fidélité ou nom').fill(national)
    await page.keyboard.press('Enter')
    const view = page.getByTestId('c360')
    await view.waitFor()
    // Channels by their names, not their codes.
    const all = (await admin.get('/channels?limit=100')).body.data as Array<{ code: string; name: string }>
    const named = found!.channels.map((code) => all.find((c) => c.code === code)!.name)
    const channels = await page.getByTestId('channels').locator('tbody tr td:first-child').allTextContents()
    expect(channels.sort()).toEqual(named.sort())
    expect(channels.length).toBeGreaterThanOrEqual(2)
    await expect.poll(() => page.getByTestId('orders').locator('tbody tr').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('loyalty').textContent()).toMatch(/points/)

    await page.getByLabel('Nouvelle note').fill('Rappel demandé pour la livraison du canapé.')
    await page.getByRole('button', { name: 'Ajouter la note' }).click()
    await expect.poll(() => page.getByTestId('notes').textContent()).toContain('Rappel demandé')

    // An after-sales ticket on a line of one of their orders, while on the phone.
    await page
      .getByRole('button', { name: /^Ouvrir un dossier SAV sur la commande/ })
      .first()
      .click()
    await page.getByTestId('ticket-form').waitFor()
    expect(await unlabelledControls(page)).toEqual([])
    await page.getByLabel('Type de demande').selectOption('complaint')
    await page.getByLabel('Objet').fill('Couvercle fendu à la livraison')
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Dossier SAV .+ ouvert/)
    await expect.poll(() => page.locator('.c360').textContent()).toContain('Couvercle fendu à la livraison')
    expect(await unlabelledControls(page)).toEqual([])
    await screenshot(page, '08-customer-360')

    // English on demand, euros still the French way.
    await page.getByLabel('Langue').selectOption('en')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Call centre')
    await page.getByLabel('Language').selectOption('fr')
    await page.close()
  })

  it('lets the call centre place an order for a caller, delivered home and paid by card', async () => {
    const customer = (await admin.get('/customers?limit=50')).body.data.find(
      (c: { phone: string | null; postcode: string }) => c.phone && /^\d{5}$/.test(c.postcode),
    )
    const page = await newPage()
    await signIn(page, w.url, keys.callCentre)
    await page.getByLabel('Téléphone, e-mail, carte de fidélité ou nom').fill(customer.phone)
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Passer une commande pour ce client' }).click()
    await page.waitForURL('**/phone-order?customer=*')
    await expect.poll(() => page.getByTestId('till-customer').textContent()).toContain(customer.last_name)

    // Searched by name as the caller describes it, added from the results.
    await page.getByLabel('Scanner ou rechercher un article').fill('cocotte')
    await page.keyboard.press('Enter')
    await page
      .getByRole('button', { name: /^Ajouter Cocotte/ })
      .first()
      .click()
    await expect.poll(() => page.getByTestId('basket').locator('tbody tr').count()).toBe(1)
    await expect.poll(() => page.getByLabel('Code postal').inputValue()).toBe(customer.postcode)
    expect(await page.getByRole('radio', { name: 'Espèces' }).count()).toBe(0)
    expect(await unlabelledControls(page)).toEqual([])
    await screenshot(page, '09-phone-order')
    await page.getByRole('button', { name: 'Ajouter le paiement' }).click()
    await page.getByRole('button', { name: 'Valider la vente' }).click()
    const confirmation = page.getByTestId('receipt')
    await expect.poll(() => confirmation.textContent()).toContain('Confirmation de commande')
    const number = (await confirmation.textContent())!.match(/Vente n° (\d+)/)![1]
    const order = (await admin.get(`/orders?number=${number}`)).body.data[0]
    expect(order).toMatchObject({ customer_id: customer.id, channel: { code: 'CALL-CENTRE' } })
    expect(order.lines[0].fulfilment).toBe('delivery')
    await page.close()
  })

  it("shows a store associate their own store's queue only, and the API refuses another's", async () => {
    const stores = (await admin.get('/locations?kind=store&limit=100')).body.data as Array<{
      id: string
      code: string
    }>
    const other = stores.find((s) => s.id !== bastille.id)!
    const store = apiAs(w.url, keys.store)

    const page = await newPage()
    await signIn(page, w.url, keys.store)
    await page.goto(`${w.url}/queue?location=${other.id}`)
    await page.getByRole('heading', { name: bastille.name }).waitFor()
    expect(await page.getByLabel('Choisir un magasin').count()).toBe(0)
    // No store to choose: the selects are the language's and the queue's step filter.
    expect(await page.locator('select').count()).toBe(2)

    // Every task the browser shows is this store's, and the API refuses the other store's queue.
    const mine = (await store.get('/fulfilment/tasks?limit=100')).body.data as Array<{ location_id: string }>
    expect(mine.every((t) => t.location_id === bastille.id)).toBe(true)
    const refused = await store.get(`/fulfilment/tasks?location=${other.id}`)
    expect(refused.status).toBe(403)
    const theirs = (await admin.get(`/fulfilment/tasks?location=${other.id}&limit=1`)).body.data[0]
    if (theirs) expect((await store.get(`/fulfilment/tasks/${theirs.id}`)).status).toBe(404)

    // Head office, in contrast, chooses the store.
    const office = await newPage()
    await signIn(office, w.url, keys.admin)
    await office.goto(`${w.url}/queue`)
    await office.getByLabel('Choisir un magasin').selectOption(other.id)
    await office.getByRole('heading', { name: /Préparations/ }).waitFor()
    await page.close()
    await office.close()
  })

  it('takes back an article at the till from its scanned receipt and refunds the card', async () => {
    const item = await inStock('kitchen', 1)
    const store = apiAs(w.url, keys.store)
    const sale = await store.post('/orders', {
      channel: 'STORES',
      register_id: register,
      lines: [{ sku: item.sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: item.prices['PL-STORES'] }],
    })
    expect(sale.status, JSON.stringify(sale.body)).toBe(201)
    const before = await lastTicket()

    const page = await newPage()
    await signIn(page, w.url, keys.store)
    await page.getByRole('link', { name: 'Retours' }).click()
    await expect.poll(() => focusedName(page)).toBe('Ticket, n° de commande, téléphone ou e-mail')
    await page.keyboard.type(sale.body.receipt_barcode, { delay: 3 })
    await page.keyboard.press('Enter')
    await page.getByTestId('return-lines').waitFor()
    expect(await page.getByTestId('register-bar').textContent()).toContain('Caisse CAISSE-1 ouverte')
    expect(await unlabelledControls(page)).toEqual([])
    await page.getByLabel(`Quantité rendue — ${sale.body.lines[0].product_name}`).fill('1')
    await page.getByLabel(`Motif — ${sale.body.lines[0].product_name}`).selectOption('wrong_item')
    await screenshot(page, '10-return-at-till')
    await page.getByRole('button', { name: 'Enregistrer le retour' }).click()
    await expect.poll(() => page.getByTestId('refund').textContent()).toBe(euro(item.prices['PL-STORES']!))

    const returns = (await store.get(`/returns?order_id=${sale.body.id}`)).body.data
    expect(returns).toHaveLength(1)
    expect(returns[0]).toMatchObject({
      status: 'completed',
      method: 'in_store',
      refund_cents: sale.body.total_cents,
    })
    // Refunded through the till's register: its return ticket is on that register's chain.
    expect((await ticketsSince(before)).filter((x) => x.kind === 'return').map((x) => x.return_id)).toEqual([
      returns[0].id,
    ])
    // The slip, printable: its number, the purchase, the item and the refund.
    const slip = page.getByTestId('return-slip')
    expect(await slip.textContent()).toContain(`Bon de retour n° ${returns[0].number}`)
    expect(await slip.textContent()).toContain(sale.body.number)
    expect(await slip.textContent()).toContain(sale.body.lines[0].product_name)
    expect(await page.getByRole('button', { name: 'Imprimer le bon de retour' }).isVisible()).toBe(true)
    await screenshot(page, '10b-return-slip')
    await page.close()
  })

  it('exchanges an article at the till for a dearer one, the difference paid by card, keyboard only', async () => {
    // Two articles on the shelf at different prices: the cheaper one sold, then exchanged.
    const first = await inStock('kitchen', 1)
    const skip = [first.sku]
    let second = await inStock('kitchen', 1, skip)
    while (second.prices['PL-STORES'] === first.prices['PL-STORES'] && skip.length < 10) {
      skip.push(second.sku)
      second = await inStock('kitchen', 1, skip)
    }
    const [sold, dearer] =
      first.prices['PL-STORES']! < second.prices['PL-STORES']! ? [first, second] : [second, first]
    const soldCents = sold.prices['PL-STORES']!
    const dearerCents = dearer.prices['PL-STORES']!
    expect(dearerCents).toBeGreaterThan(soldCents)
    const store = apiAs(w.url, keys.store)
    const sale = await store.post('/orders', {
      channel: 'STORES',
      register_id: register,
      lines: [{ sku: sold.sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: soldCents }],
    })
    expect(sale.status, JSON.stringify(sale.body)).toBe(201)
    const before = await lastTicket()

    const page = await newPage()
    await signIn(page, w.url, keys.store)
    await page.getByRole('link', { name: 'Retours' }).click()
    await expect.poll(() => focusedName(page)).toBe('Ticket, n° de commande, téléphone ou e-mail')
    await page.keyboard.type(sale.body.receipt_barcode, { delay: 3 })
    await page.keyboard.press('Enter')
    await page.getByTestId('return-lines').waitFor()
    const name = sale.body.lines[0].product_name
    await page.getByLabel(`Quantité rendue — ${name}`).fill('1')
    await page.getByLabel(`Motif — ${name}`).selectOption('wrong_size')
    // The exchange opens on the scan field: the new article is scanned as at the till.
    await tabTo(page, 'Un remboursement')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => focusedName(page)).toBe('Scanner ou rechercher un article')
    await page.keyboard.type(dearer.ean, { delay: 3 })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('basket').locator('tbody tr').count()).toBe(1)
    await expect.poll(() => page.getByTestId('difference').textContent()).toBe(euro(dearerCents - soldCents))
    expect(await page.getByTestId('exchange-balance').textContent()).toContain('Reste à payer')

    // The difference by card: the amount offered is what is left to pay.
    await tabTo(page, 'Montant (€)')
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedName(page)).toBe('Valider l’échange')
    expect(await unlabelledControls(page)).toEqual([])
    await screenshot(page, '15-exchange-at-till')
    await page.keyboard.press('Enter')

    const done = page.getByTestId('exchange-done')
    await done.waitFor()
    const returns = (await store.get(`/returns?order_id=${sale.body.id}`)).body.data
    expect(returns).toHaveLength(1)
    // The return and the new sale are both on the till register's chain.
    const chain = await ticketsSince(before)
    expect(chain.filter((x) => x.kind === 'return').map((x) => x.return_id)).toEqual([returns[0].id])
    expect(chain.filter((x) => x.kind === 'sale').map((x) => x.order_id)).toEqual([
      returns[0].exchange_order_id,
    ])
    expect(returns[0]).toMatchObject({ status: 'completed', method: 'in_store', refund_cents: soldCents })
    const newOrder = (await store.get(`/orders/${returns[0].exchange_order_id}`)).body
    expect(newOrder.total_cents).toBe(dearerCents)
    expect(newOrder.lines.map((l: { sku: string }) => l.sku)).toEqual([dearer.sku])
    expect(
      newOrder.payments.map((p: { method: string; amount_cents: number }) => [p.method, p.amount_cents]),
    ).toEqual([
      ['store_credit', soldCents],
      ['card', dearerCents - soldCents],
    ])
    // The summary: what came back, the new sale with its number and tenders, the credit note spent.
    const text = (await done.textContent()) ?? ''
    expect(await page.getByTestId('returned-items').textContent()).toContain(name)
    expect(await page.getByTestId('receipt').textContent()).toContain(`Vente n° ${newOrder.number}`)
    expect(text).toContain(newOrder.lines[0].product_name)
    expect(text).toContain(euro(dearerCents - soldCents))
    expect(await page.getByTestId('credit-note').textContent()).toContain('entièrement utilisé')
    await screenshot(page, '16-exchange-summary')
    expect(await focusedName(page)).toBe('Nouveau retour')
    await page.close()
  })

  it('lets head office browse the catalog, a SKU’s stock and movements, orders with their routing, and merge duplicates', async () => {
    const page = await newPage()
    await signIn(page, w.url, keys.admin)
    await page.getByRole('link', { name: 'Catalogue' }).click()
    await page.getByLabel('Nom, marque ou référence').fill('cocotte')
    await page.keyboard.press('Enter')
    await page.locator('.catalog .list button').first().click()
    await screenshot(page, '11-catalog')
    expect(await unlabelledControls(page)).toEqual([])

    await page
      .getByRole('button', { name: /^Voir le stock de/ })
      .first()
      .click()
    await page.waitForURL('**/stock?sku=*')
    await expect.poll(() => page.getByTestId('levels').locator('tbody tr').count()).toBeGreaterThan(0)
    await expect
      .poll(() => page.locator('.stock table').nth(1).locator('tbody tr').count())
      .toBeGreaterThan(0)
    await screenshot(page, '12-stock')

    // A web order delivered home, routed when placed: head office reads why from where.
    const item = await inStock('kitchen', 1)
    const delivered = await apiAs(w.url, keys.web).post('/orders', {
      channel: 'WEB',
      lines: [{ sku: item.sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: {
        name: 'Léa Martin',
        line1: '3 rue des Lices',
        postcode: '49100',
        city: 'Angers',
        country: 'FR',
      },
      payments: [{ method: 'card', amount_cents: item.prices['PL-WEB'] }],
    })
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(201)
    await page.getByRole('link', { name: 'Commandes' }).click()
    await page.getByLabel('Numéro de commande').fill(delivered.body.number)
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: `Ouvrir la commande ${delivered.body.number}` }).click()
    await expect.poll(() => page.getByTestId('routing').locator('li').count()).toBeGreaterThan(0)
    await screenshot(page, '13-orders')
    expect(await unlabelledControls(page)).toEqual([])

    // Customers registered twice across channels, merged into one profile.
    await page.getByRole('link', { name: 'Doublons' }).click()
    const pairs = page.getByTestId('duplicates').locator('li')
    await expect.poll(() => pairs.count()).toBeGreaterThan(0)
    await screenshot(page, '14-duplicates')
    const [keep, absorbed] = (await admin.get('/customers/duplicates?limit=20')).body.data[0].customers
    page.once('dialog', (dialog) => dialog.accept())
    type Person = { name: string; email: string | null; phone: string | null; postcode: string }
    const label = (p: Person) => `${p.name} (${[p.email, p.phone, p.postcode].filter(Boolean).join(' · ')})`
    await pairs
      .first()
      .getByRole('button', { name: `Garder ${label(keep)}, y fusionner ${label(absorbed)}`, exact: true })
      .click()
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/a rejoint/)
    // The absorbed profile's id now leads to the one kept.
    expect((await admin.get(`/customers/${absorbed.id}`)).body.id).toBe(keep.id)
    await page.close()
  })

  it('shows head office the channel mix, baskets and a click & collect launch against comparable stores, as charts with data', async () => {
    const page = await newPage()
    await signIn(page, w.url, keys.admin)
    await page.getByRole('link', { name: 'Analyse des canaux' }).click()
    await page.waitForURL('**/analytics')
    const drawn = async (chart: string) => {
      const box = page.getByTestId(chart)
      await expect.poll(() => box.locator('canvas').count(), { timeout: 30_000 }).toBe(1)
      expect(Number(await box.getAttribute('data-points'))).toBeGreaterThan(0)
      // The canvas was drawn: Chart.js sized it and painted pixels.
      await expect
        .poll(() =>
          box.locator('canvas').evaluate((c: HTMLCanvasElement) => {
            const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
            let painted = 0
            for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) painted++
            return painted
          }),
        )
        .toBeGreaterThan(1000)
    }
    for (const chart of ['chart-mix', 'chart-basket', 'chart-pooled']) await drawn(chart)
    // By default the launches pooled, with their interval and the stores they are compared with.
    await expect
      .poll(() => page.getByTestId('pooled-effect').textContent())
      .toMatch(/Effet estimé, 6 ouvertures groupées.*-\d/)
    await expect.poll(() => page.getByTestId('interval').textContent()).toMatch(/Intervalle à 95 %/)
    await expect.poll(() => page.getByText(/Magasins comparables : .*Paris Bastille/).count()).toBe(1)
    // A single store, chosen by its name.
    const select = page.getByRole('combobox', { name: /^Magasin/ })
    await select.selectOption({
      label: (await select.locator('option', { hasText: 'Lyon Part-Dieu' }).textContent())!,
    })
    await drawn('chart-did')
    await expect.poll(() => page.getByText(/Effet estimé :/).count()).toBe(1)
    await screenshot(page, '15-analytics')
    expect(await unlabelledControls(page)).toEqual([])
    await page.close()
  })

  it('lets head office subscribe a system to order events, shows the secret once, logs the delivery and replays it', async () => {
    // The relay runs as the worker runs it. The events of the demo and of earlier scenarios are
    // published first: a new subscription receives what is published after it, not that history.
    const relay = runEventRelay(w.database)
    const receiver = await startWebhookReceiver()
    const page = await newPage()
    const unpublished = async () =>
      (
        await rows<{ n: number }>(
          w.database.db,
          sql`SELECT count(*)::int AS n FROM event WHERE position IS NULL`,
        )
      )[0]!.n
    try {
      await expect.poll(unpublished, { timeout: 60_000 }).toBe(0)
      await signIn(page, w.url, keys.admin)
      await page.getByRole('link', { name: 'Webhooks' }).click()
      await page.waitForURL('**/webhooks')
      await page.getByRole('button', { name: 'Nouvel abonnement' }).click()
      // Nothing typed: the URL and the events are asked for before anything is sent.
      await page.getByRole('button', { name: 'Créer l’abonnement' }).click()
      await expect
        .poll(() => page.getByRole('alert').allTextContents())
        .toEqual(['Saisissez l’URL de réception.', 'Choisissez au moins un événement.'])
      await page.getByLabel('URL de réception').fill('erp.example.fr/hooks')
      await page.getByRole('button', { name: 'Créer l’abonnement' }).click()
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toContain('URL doit être complète')
      await page.getByLabel('URL de réception').fill(receiver.url)
      await page.getByLabel('Description (facultatif)').fill('ERP : commandes passées')
      // Events picked by family, by their French names.
      await page.getByRole('group', { name: 'Commandes' }).getByLabel('Commande passée').check()
      await page.getByLabel('Clients — Toute la famille, y compris les types qui s’ajouteront').check()
      expect(await page.getByLabel('Client créé').isChecked()).toBe(true)
      expect(await unlabelledControls(page)).toEqual([])
      await screenshot(page, '17-webhook-new')
      await page.getByRole('button', { name: 'Créer l’abonnement' }).click()

      // The signing secret, shown this once with its copy button.
      const secretBox = page.getByTestId('secret-once')
      await secretBox.waitFor()
      const secret = await page.getByRole('textbox', { name: 'Secret de signature' }).inputValue()
      expect(secret).toMatch(/^whsec_/)
      // The keyboard lands on the secret, ready to copy.
      await expect.poll(() => focusedName(page)).toBe('Secret de signature')
      expect(await secretBox.textContent()).toContain('ne sera plus jamais affiché')
      expect(await page.getByRole('button', { name: 'Copier le secret' }).count()).toBe(1)
      // The receiver checks each signature with the secret the screen showed.
      receiver.trust(secret)
      await screenshot(page, '18-webhook-secret')
      await page.getByRole('button', { name: 'J’ai enregistré le secret' }).click()
      await page.waitForURL('**/webhooks/whk_*')
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
      await expect.poll(() => page.getByTestId('webhook-state').textContent()).toBe('Actif')
      expect(await page.locator('main').textContent()).not.toContain(secret)
      const sub = (await admin.get(`/webhooks/${id}`)).body
      expect(sub).toMatchObject({ url: receiver.url, event_types: ['customer.*', 'order.placed'] })

      // A web order: its order.placed reaches the receiver, signed with the secret shown.
      const item = await inStock('kitchen', 1)
      const placed = await apiAs(w.url, keys.web).post('/orders', {
        channel: 'WEB',
        lines: [{ sku: item.sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: bastille.id }],
        payments: [{ method: 'card', amount_cents: item.prices['PL-WEB'] }],
      })
      expect(placed.status, JSON.stringify(placed.body)).toBe(201)
      const ofOrder = () => receiver.received.filter((r) => r.event.aggregate.id === placed.body.id)
      await expect.poll(() => ofOrder().length, { timeout: 15_000 }).toBe(1)
      const [delivered] = ofOrder()
      expect(delivered!.event.type).toBe('order.placed')
      expect(delivered!.signed).toBe(true)

      // The delivery log shows the attempt: succeeded, HTTP 200, its time, the answer.
      const attempts = page.locator(`[data-testid="delivery-log"] tr[data-event="${delivered!.event.id}"]`)
      const refresh = page.getByRole('button', { name: 'Actualiser' })
      await expect
        .poll(async () => {
          await refresh.click()
          return attempts.count()
        })
        .toBe(1)
      const cells = await attempts.first().locator('td').allTextContents()
      expect(cells[1]).toBe('Commande passée')
      expect(cells[2]).toMatch(/^Réussie/)
      expect(cells[3]).toBe('200')
      expect(cells[4]).toMatch(/^\d[\d\u202f]* ms$/)
      expect(cells[5]).toBe('1')
      expect(cells[7]).toBe('ok')
      expect(await unlabelledControls(page)).toEqual([])
      await screenshot(page, '19-webhook-log')

      // Sent again from the log: the receiver gets the same event id, the log a replayed attempt.
      await attempts
        .first()
        .getByRole('button', { name: /^Renvoyer l’événement Commande passée du/ })
        .click()
      await expect.poll(() => page.getByRole('status').textContent()).toBe('1 envoi(s) programmé(s).')
      await expect.poll(() => ofOrder().length, { timeout: 15_000 }).toBe(2)
      expect(ofOrder().map((r) => [r.event.id, r.signed])).toEqual([
        [delivered!.event.id, true],
        [delivered!.event.id, true],
      ])
      await expect
        .poll(async () => {
          await refresh.click()
          return attempts.count()
        })
        .toBe(2)
      expect(await attempts.first().textContent()).toContain('rejeu')
      // No failure to show.
      await page.getByLabel('Échecs seulement').check()
      await expect.poll(() => page.locator('main').textContent()).toContain('Aucune tentative de livraison.')
      await page.getByLabel('Échecs seulement').uncheck()

      // The list: the URL, the events by name, the state, the last delivery.
      await page.getByRole('link', { name: 'Tous les abonnements' }).click()
      const row = page.getByTestId('webhooks').locator('tbody tr', { hasText: receiver.url })
      await expect.poll(() => row.textContent()).toContain('Réussie — HTTP 200')
      expect(await row.textContent()).toContain('Commande passée')
      expect(await row.textContent()).toContain('Clients (toute la famille)')
      expect(await row.textContent()).toContain('Actif')
      // In English, the same facts in English words.
      await page.getByLabel('Langue').selectOption('en')
      await expect.poll(() => row.textContent()).toContain('Succeeded — HTTP 200')
      expect(await row.textContent()).toContain('Customers (whole family)')
      expect(await row.textContent()).toContain('Order placed')
      await page.getByLabel('Language').selectOption('fr')

      // On a tablet held upright the screen still fits its width.
      await page.setViewportSize({ width: 768, height: 1024 })
      await page.getByRole('link', { name: `Gérer l’abonnement ${receiver.url}` }).click()
      await attempts.first().waitFor()
      await screenshot(page, '20-webhook-tablet')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768)

      // Another family added; paused by head office (no replay then), enabled again.
      await page.getByRole('button', { name: 'Modifier les événements reçus' }).click()
      await page.getByLabel('Stock — Toute la famille, y compris les types qui s’ajouteront').check()
      await page.getByRole('button', { name: 'Enregistrer les événements' }).click()
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Événements enregistrés.')
      expect(await page.getByTestId('webhook-facts').textContent()).toContain('Stock (toute la famille)')
      await page.getByRole('button', { name: 'Mettre en pause' }).click()
      await expect
        .poll(() => page.getByTestId('webhook-state').textContent())
        .toMatch(/^Désactivé — Désactivé par un administrateur le \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/)
      expect(await page.getByRole('button', { name: 'Rejouer la période' }).isDisabled()).toBe(true)
      await page.getByRole('button', { name: 'Réactiver' }).click()
      await expect.poll(() => page.getByTestId('webhook-state').textContent()).toBe('Actif')
      expect((await admin.get(`/webhooks/${id}`)).body).toMatchObject({
        status: 'active',
        event_types: ['stock.*', 'customer.*', 'order.placed'],
      })

      // Deleted after a confirmation.
      page.once('dialog', (dialog) => dialog.accept())
      await page.getByRole('button', { name: 'Supprimer l’abonnement' }).click()
      await page.waitForURL(/\/webhooks$/)
      expect((await admin.get(`/webhooks/${id}`)).status).toBe(404)
    } finally {
      await relay.stop()
      await receiver.close()
      await page.close()
    }
  })
})
