/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code run in the page by page.evaluate() is typed against the DOM.
import { createRequire } from 'node:module'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs, screenshot, signIn, startWorkspace, tillRegister, type Workspace } from './harness.ts'

// Every role at its screens, in one workspace (one server, one browser) shared by the scenarios: the
// legal till (open, cash out, X, sale, close with the Z), the manager's desk, head office's registers
// and offer, the franchisee's statements, and axe-core over every screen of every role.

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

const sizes = [
  { name: 'pc', width: 1366, height: 768 },
  { name: 'laptop', width: 1024, height: 768 },
  { name: 'tablet', width: 768, height: 1024 },
] as const

const roles = [
  { name: 'staff', key: 'pk_demo_store' },
  { name: 'manager', key: 'pk_demo_manager' },
  { name: 'call-centre', key: 'pk_demo_callcentre' },
  { name: 'head-office', key: 'pk_demo_admin' },
  { name: 'franchisee', key: 'pk_demo_franchisee' },
] as const

const euro = (cents: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100)

let w: Workspace
let context: BrowserContext
let admin: ReturnType<typeof apiAs>
let item: { sku: string; ean: string; name: string; price: number }
let bastille: string

/** Opens a screen from the menu (behind its button on smaller screens). */
async function go(page: Page, screen: string) {
  const toggle = page.locator('.menu-toggle')
  if (await toggle.isVisible()) await toggle.click()
  await page.getByRole('navigation').getByRole('link', { name: screen, exact: true }).click()
}

async function as(key: string): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  await signIn(page, w.url, key)
  return page
}

/** axe-core's serious and critical violations on the page as it is now. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath })
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core's global, injected above
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] })
    return (
      result.violations as Array<{
        id: string
        impact: string
        nodes: Array<{ target: string[] }>
      }>
    )
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

/** The screens (key and menu name) axe has checked in use, once they showed what they are for. */
const checked = new Set<string>()

/** The screen as it is now, at the three sizes, and axe-clean. */
async function capture(page: Page, name: string) {
  const key = await page.evaluate(() => sessionStorage.getItem('passerelle.key') ?? '')
  const screen = await page.locator('nav [aria-current="page"]').textContent()
  if (screen) checked.add(`${key} ${screen}`)
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height })
    await screenshot(page, `roles-${size.name}-${name}`)
  }
  await page.setViewportSize({ width: 1366, height: 768 })
  expect(await axe(page), name).toEqual([])
}

beforeAll(async () => {
  w = await startWorkspace()
  admin = apiAs(w.url, 'pk_demo_admin')
  // An article on the store's shelf, in the store's prices.
  const store = (await admin.get('/locations/STO-PARIS-BASTILLE')).body.id
  bastille = store
  const products = await admin.get('/products?category=kitchen&channel=STORES&limit=50')
  type Variant = { sku: string; ean: string; prices: Array<{ price_list: string; amount_cents: number }> }
  const variants = (products.body.data as Array<{ name: string; variants: Variant[] }>).flatMap((p) =>
    p.variants.map((v) => ({ ...v, product: p.name })),
  )
  const stock = await admin.get(
    `/availability?channel=STORES&skus=${variants.map((v) => v.sku).join(',')}&location=${store}`,
  )
  const onShelf = new Set(
    (stock.body.items as Array<{ sku: string; locations: Array<{ available: number }> }>)
      .filter((i) => (i.locations[0]?.available ?? 0) >= 3)
      .map((i) => i.sku),
  )
  const v = variants.find((x) => onShelf.has(x.sku) && x.prices.some((p) => p.price_list === 'PL-STORES'))!
  item = {
    sku: v.sku,
    ean: v.ean,
    name: v.product,
    price: v.prices.find((p) => p.price_list === 'PL-STORES')!.amount_cents,
  }
  // axe-core is injected as a script tag: the workspace's CSP (script-src 'self') is lifted for this context only.
  context = await w.browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'fr-FR',
    bypassCSP: true,
  })
  // The demo store sells through two registers: this device is CAISSE-1, not open yet.
  await tillRegister(w.url, context, 'CAISSE-1', false)
}, 180_000)

afterAll(async () => {
  await context?.close()
  await w?.close()
})

describe('every role with its screens', () => {
  it('refuses a sale before the register is open and says why; opens it with its float, takes cash out, sells, reads the X', async () => {
    const page = await as('pk_demo_store')
    await page.waitForURL('**/till')
    const bar = page.getByTestId('register-bar')
    await expect.poll(() => bar.textContent()).toContain('La caisse CAISSE-1 n’est pas ouverte')
    await page.keyboard.type(item.ean, { delay: 3 })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('basket').locator('tbody tr').count()).toBe(1)
    await page.getByRole('button', { name: 'Ajouter le paiement' }).click()
    await page.getByRole('button', { name: 'Valider la vente' }).click()
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('La caisse n’est pas ouverte : ouvrez-la avec son fond de caisse')
    await capture(page, 'till-register-closed')

    // Opened with its counted float from the register screen.
    await bar.getByRole('link', { name: 'Ouvrir la caisse' }).click()
    await page.waitForURL('**/register')
    await page.getByLabel('Fond de caisse compté (€)').fill('150')
    await page.getByRole('button', { name: 'Ouvrir avec ce fond de caisse' }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Caisse CAISSE-1 ouverte avec 150,00')
    // Cash out to the bank, with its reason.
    await page.getByLabel('Montant (€)').fill('20')
    await page.getByLabel('Motif', { exact: true }).fill('Dépôt en banque')
    await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click()
    await expect.poll(() => page.getByTestId('x-report').textContent()).toContain('Dépôt en banque')

    // Back at the till: the basket is still there, the sale goes through on the open register.
    await go(page, 'Caisse')
    await expect
      .poll(() => page.getByTestId('register-bar').textContent())
      .toContain('Caisse CAISSE-1 ouverte')
    await expect.poll(() => page.getByTestId('basket').locator('tbody tr').count()).toBe(1)
    // The payment taken before the refusal is still there: the sale is completed as it was.
    await page.getByRole('button', { name: 'Valider la vente' }).click()
    await page.getByTestId('receipt').waitFor()

    // The X: the sale, by card, and the float less the cash taken out expected in the drawer.
    await go(page, 'Gestion de caisse')
    const x = page.getByTestId('x-report')
    await expect.poll(() => x.getByTestId('net').textContent()).toBe(euro(item.price))
    expect(await x.getByTestId('tenders').textContent()).toContain('Espèces')
    expect(await x.getByTestId('tenders').textContent()).toContain(euro(13_000))
    await capture(page, 'register-open-x')
    await page.close()
  })

  it('lets a store manager close the register over the variance threshold with a reason, prints the Z and closes the day', async () => {
    // A cashier counting 30 € short is stopped: a manager closes.
    const staff = await as('pk_demo_store')
    await go(staff, 'Gestion de caisse')
    await staff.getByTestId('x-report').waitFor()
    await staff.getByLabel('Compté — Espèces (€)').fill('100')
    await staff.getByLabel('Compté — Carte bancaire (€)').fill(String(item.price / 100).replace('.', ','))
    await staff.getByRole('button', { name: 'Fermer la caisse et éditer le Z' }).click()
    await expect
      .poll(() => staff.getByRole('alert').first().textContent())
      .toContain('L’écart de caisse dépasse le seuil du magasin')
    await staff.close()

    const page = await as('pk_demo_manager')
    const menu = await page
      .getByRole('navigation')
      .getByRole('link', { includeHidden: true })
      .allTextContents()
    expect(menu).toContain('Responsable')
    expect(menu).toContain('Gestion de caisse')
    await go(page, 'Gestion de caisse')
    await page.getByTestId('x-report').waitFor()
    await page.getByLabel('Compté — Espèces (€)').fill('100')
    await page.getByLabel('Compté — Carte bancaire (€)').fill(String(item.price / 100).replace('.', ','))
    await page.getByLabel('Motif de l’écart').fill('Billet de 20 € et de 10 € manquants, signalé')
    await page.getByRole('button', { name: 'Fermer la caisse et éditer le Z' }).click()
    const z = page.getByTestId('z-report')
    await expect.poll(() => z.textContent()).toContain('Rapport Z — caisse CAISSE-1')
    expect(await z.getByTestId('tenders').textContent()).toContain(euro(-3000))
    expect(await z.textContent()).toContain('Billet de 20 € et de 10 € manquants')
    await capture(page, 'register-z')

    // The Z printed: the 80 mm report opens in its own tab.
    const [printed] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Imprimer (ticket 80 mm)' }).click(),
    ])
    await expect.poll(() => printed.evaluate(() => document.body?.innerText ?? '')).toMatch(/\bZ\b/)
    expect(await printed.evaluate(() => document.body.innerText)).toContain('CAISSE-1')
    await printed.close()

    // The day closed from the manager's desk, signed, with its grand total.
    await go(page, 'Responsable')
    await page.getByTestId('registers').waitFor()
    expect(await page.getByTestId('registers').textContent()).toContain('Fermée')
    await page.getByRole('button', { name: 'Clôturer la période' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Clôture journalière')
    // Newest first, after the months of closings the register holds: today's, with the sale.
    const today = page.getByTestId('closings').locator('tbody tr').first()
    await expect.poll(() => today.textContent()).toContain('Journalière')
    expect(await today.textContent()).toContain(euro(item.price))
    await capture(page, 'manager-desk')
    await page.close()
  })

  it('shows head office every register’s journal and closings, and checks they are intact', async () => {
    const page = await as('pk_demo_admin')
    await go(page, 'Caisses')
    await page.getByLabel('Magasin', { exact: true }).selectOption(bastille)
    const journal = page.getByTestId('journal')
    await expect.poll(() => journal.locator('tbody tr').count()).toBeGreaterThanOrEqual(5)
    const text = await journal.textContent()
    for (const entry of [
      'Caisse créée',
      'Caisse ouverte',
      'Sortie d’espèces',
      'Caisse fermée',
      'Clôture journalière',
    ])
      expect(text).toContain(entry)
    await expect.poll(() => page.getByTestId('closings').textContent()).toContain('Journalière')
    // The store's tolerated variance, and the month's FEC for the accountant.
    await page.getByLabel('Écart de caisse toléré (€)').fill('10')
    await page.getByRole('button', { name: 'Enregistrer l’écart toléré' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('10,00')
    const [fec] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Fichier des écritures comptables (FEC)' }).click(),
    ])
    expect(fec.suggestedFilename()).toMatch(/^FEC-\d{4}-\d{2}\.txt$/)
    await page.getByRole('button', { name: 'Vérifier l’intégrité des caisses' }).click()
    await expect.poll(() => page.getByTestId('verification').textContent()).toContain('Tout est intègre')
    await capture(page, 'head-office-registers')
    await page.close()
  })

  it('lets head office apply a coherence suggestion, then read the SKU’s price changes; the guard refuses an incoherent price', async () => {
    const before = (await admin.get('/offer/coherence-report?limit=1')).body
    expect(before.violating).toBeGreaterThan(0)
    const page = await as('pk_demo_admin')
    await go(page, 'Offre')
    const table = page.getByTestId('coherence')
    await table.locator('tbody tr').first().waitFor()
    await capture(page, 'offer-coherence')
    const first = table
      .locator('tbody tr')
      .filter({ has: page.locator('input:not([disabled])') })
      .first()
    const label = (await first.getByRole('checkbox').getAttribute('aria-label'))!
    const sku = /\(([^()]+)\)$/.exec(label)![1]!
    await first.getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Appliquer les prix proposés (1)' }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('1 article(s) corrigé(s)')
    await expect
      .poll(() => page.getByTestId('coherence-summary').textContent())
      .toContain(`${before.violating - 1} article(s)`)
    expect((await admin.get('/offer/coherence-report?limit=1')).body.violating).toBe(before.violating - 1)

    // The SKU's history names the correction; a price far under cost is refused by the guard.
    await page.getByRole('tab', { name: 'Changements de prix' }).click()
    await page.getByLabel('Référence de l’article (SKU)').fill(sku)
    await page.getByRole('button', { name: 'Afficher les prix' }).click()
    await expect
      .poll(() => page.getByTestId('price-history').textContent())
      .toContain('Correction de cohérence')
    await page.getByLabel('Nouveau prix TTC (€)').fill('0,01')
    await page.getByRole('button', { name: 'Changer le prix' }).click()
    await expect.poll(() => page.getByTestId('guard').textContent()).toContain('enfreint la politique')
    await capture(page, 'offer-price-changes')

    await page.getByRole('tab', { name: 'Promotions' }).click()
    await expect.poll(() => page.getByTestId('promotions').locator('tbody tr').count()).toBeGreaterThan(0)
    await capture(page, 'offer-promotions')
    await page.getByRole('tab', { name: 'Groupes de magasins' }).click()
    await expect.poll(() => page.getByTestId('clusters').textContent()).toContain('Paris Bastille')
    await capture(page, 'offer-clusters')
    await page.close()
  })

  it('lets head office check a prices file before importing it, with the refused rows by line', async () => {
    const page = await as('pk_demo_admin')
    await go(page, 'Imports')
    await page.getByLabel('Données').selectOption('prices')
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({
      name: 'prix.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `price_list;sku;price\nPL-STORES;${item.sku};${(item.price / 100).toFixed(2).replace('.', ',')}\nPL-STORES;NO-SUCH-SKU;9,90\n`,
      ),
    })
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click()
    const report = page.getByTestId('import-report')
    await expect.poll(() => report.textContent()).toContain('2 ligne(s) lue(s), rien n’a été enregistré')
    expect(await report.textContent()).toContain('1 refusée(s)')
    expect(await report.locator('tbody tr').count()).toBe(1)
    expect(await report.locator('tbody tr td').first().textContent()).toBe('3')
    await capture(page, 'head-office-imports')
    await page.close()
  })

  it('lets a franchisee read its statement and open the printable one', async () => {
    const page = await as('pk_demo_franchisee')
    const statements = page.getByTestId('statements')
    await expect.poll(() => statements.locator('tbody tr').count()).toBeGreaterThan(0)
    const [printed] = await Promise.all([
      context.waitForEvent('page'),
      statements
        .getByRole('button', { name: /^Version imprimable du relevé de/ })
        .first()
        .click(),
    ])
    await printed.waitForLoadState()
    await expect.poll(() => printed.evaluate(() => document.body?.innerText ?? '')).toMatch(/€/)
    await printed.close()
    await capture(page, 'franchisee-statements')
    await page.close()
  })

  it('has no serious or critical axe-core violation on any screen of any role', async () => {
    const found: string[] = []
    for (const role of roles) {
      const page = await as(role.key)
      const names = await page
        .getByRole('navigation')
        .getByRole('link', { includeHidden: true })
        .allTextContents()
      for (const name of names) {
        // Checked above in use (an open register, a Z, a coherence report, statements): not again here.
        if (checked.has(`${role.key} ${name}`)) continue
        await go(page, name)
        await page.locator('main h1, main h2').first().waitFor()
        await expect.poll(() => page.getByText('Chargement…').count(), { timeout: 15_000 }).toBe(0)
        for (const v of await axe(page)) found.push(`${role.name} › ${name}: ${v}`)
      }
      await page.close()
    }
    expect(found).toEqual([])
  })
})
