/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code run in the page by page.evaluate() is typed against the DOM.
import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  type PDFHexString,
  PDFName,
  type PDFRawStream,
  PDFStream,
  type PDFString,
} from 'pdf-lib'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../../src/db/database.ts'
import { runConsumer, sequenceEvents } from '../../src/events/index.ts'
import {
  executeAtProvider,
  type PaymentProvider,
  sendDueToProvider,
  setPaymentProvider,
  startFakeStripe,
  stripeProvider,
} from '../../src/payments/index.ts'
import {
  apiAs,
  axe,
  openedBlob,
  screenshot,
  screenshotsTaken,
  signIn,
  startWorkspace,
  tillRegister,
  type Workspace,
} from './harness.ts'

// Every role at its screens, in one workspace (one server, one browser) shared by the scenarios: the
// legal till (open, cash out, X, sale, close with the Z), the manager's desk, head office's registers,
// offer and refunds at the payment provider, the franchisee's statements and its own prices sold at its
// till, a partner's settlement, a business order on its terms and an invoice's Factur-X PDF, each screen
// axe-clean as used (floor.e2e.test.ts runs axe-core over every screen of every role).

const sizes = [
  { name: 'pc', width: 1366, height: 768 },
  { name: 'laptop', width: 1024, height: 768 },
  { name: 'tablet', width: 768, height: 1024 },
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

/**
 * What the served app does a moment after a request, for money at the payment provider: the events
 * numbered, the refunds and captures to send recorded from them, then sent. Returns the requests made.
 */
async function aMomentLater(provider: PaymentProvider) {
  const db = w.database.db
  while ((await sequenceEvents(db)) > 0);
  for (;;) {
    await runConsumer(db, executeAtProvider, 1000)
    const [c] = await rows<{ behind: boolean }>(
      db,
      sql`SELECT coalesce((SELECT position FROM event_cursor WHERE id = ${executeAtProvider.id}), 0)
                 < (SELECT position FROM event_cursor WHERE id = 'events.sequence') AS behind`,
    )
    if (!c?.behind) break
  }
  return sendDueToProvider(db, provider)
}

/** The screen as it is now: axe-clean, and photographed at the three sizes when screenshots are taken. */
async function capture(page: Page, name: string) {
  if (screenshotsTaken) {
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height })
      await screenshot(page, `roles-${size.name}-${name}`)
    }
    await page.setViewportSize({ width: 1366, height: 768 })
  }
  expect(await axe(page), name).toEqual([])
}

/** The controls on the page smaller than 44 × 44 px at tablet size (none is expected). */
async function smallTargets(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: 768, height: 1024 })
  const small = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'main a[href], main button, main input:not([type=hidden]), main select, main textarea, main summary',
    )
    return [...controls]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.sr-only, .skip'))
      .map((el) => {
        const r = el.getBoundingClientRect()
        return { what: el.outerHTML.slice(0, 80), w: Math.round(r.width), h: Math.round(r.height) }
      })
      .filter((c) => c.w < 44 || c.h < 44)
      .map((c) => `${c.what} ${c.w}×${c.h}`)
  })
  await page.setViewportSize({ width: 1366, height: 768 })
  return small
}

/** The month before this one, "2026-11" in December 2026: the demo's closed partner settlement. */
function previousMonth(): string {
  const now = new Date()
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
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
    // Newest first: today's entries (the register opened, the cash taken out, the day closed by the
    // earlier scenarios) on the first page, before the demo's months.
    const text = await journal.textContent()
    // What the till reports itself (a key signing in at the register…) is named, not coded.
    expect(text).toContain('Connexion à la caisse')
    expect(text).not.toContain('sign_in')
    for (const entry of ['Caisse ouverte', 'Sortie d’espèces', 'Caisse fermée', 'Clôture journalière'])
      expect(text).toContain(entry)
    const numbers = async () =>
      (await journal.locator('tbody tr td:first-child').allTextContents()).map((n) =>
        Number(n.replace(/\D/g, '')),
      )
    const firstPage = await numbers()
    expect(firstPage).toEqual([...firstPage].sort((a, b) => b - a))
    // Older entries a page further, still newest first.
    await page.getByRole('button', { name: 'Afficher les plus anciens' }).click()
    await expect.poll(async () => (await numbers()).length).toBeGreaterThan(firstPage.length)
    const twoPages = await numbers()
    expect(twoPages).toEqual([...twoPages].sort((a, b) => b - a))
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

  it('shows head office a web order’s refund the payment provider refused, why in French, and sends it now', async () => {
    // The local fake of Stripe's API, as `passerelle serve` starts it on the embedded database.
    const stripe = await startFakeStripe()
    const provider = stripeProvider({
      apiBase: stripe.url,
      secretKey: stripe.secretKey,
      webhookSecret: stripe.webhookSecret,
    })
    setPaymentProvider(provider)
    try {
      // A web order paid by card through the provider, captured there a moment later.
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
      const card = await web.post('/payments/authorisations', {
        amount_cents: price,
        currency: 'EUR',
        payment_method: 'pm_card_visa',
      })
      expect(card.status, JSON.stringify(card.body)).toBe(201)
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
        payments: [{ method: 'card', amount_cents: price, reference: card.body.intent_id }],
      })
      expect(placed.status, JSON.stringify(placed.body)).toBe(201)
      const number = String(placed.body.number)
      expect(await aMomentLater(provider)).toBe(1)
      // Cancelled; the card network refuses the refund (a closed card): it stays pending.
      stripe.failNextRefunds(1, 402)
      const cancelled = await web.post(`/orders/${placed.body.id}/cancel`, { reason: 'Rupture' })
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
      expect(await aMomentLater(provider)).toBe(1)

      const page = await as('pk_demo_admin')
      await go(page, 'Remboursements')
      const row = page.getByTestId('refunds').locator('tbody tr').filter({ hasText: number })
      await expect.poll(() => row.count()).toBe(1)
      const text = (await row.textContent()) ?? ''
      expect(text).toContain(euro(price))
      expect(text).toContain('En attente')
      expect(text).toContain('Refusé par le prestataire de paiement ; nouvel essai automatique')
      // The provider's own words, labelled as such; never our codes.
      expect(text).toContain('Message du prestataire : HTTP 402 expired_or_canceled_card')
      expect(text).not.toContain('provider_refused')
      await capture(page, 'head-office-refunds')

      await row
        .getByRole('button', { name: `Envoyer maintenant : le remboursement de la commande ${number}` })
        .click()
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain(`Remboursement de la commande ${number} : envoi demandé`)
      // The sender's next pass (the served app runs it every half second): the refund is made.
      expect(await aMomentLater(provider)).toBe(1)
      expect(stripe.refunds).toEqual([expect.objectContaining({ amount: price, status: 'succeeded' })])
      await page.getByRole('button', { name: 'Actualiser' }).click()
      await expect.poll(() => row.count()).toBe(0)
      await page.getByLabel('Statut').selectOption({ label: 'Effectués' })
      await expect.poll(() => row.count()).toBe(1)
      expect(await row.textContent()).toContain('Effectué')
      await page.close()
    } finally {
      setPaymentProvider(undefined)
      await stripe.close()
    }
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

  it('lets head office open a partner’s closed settlement and read what the partner owes, as a CSV and a printable page', async () => {
    const month = previousMonth()
    const expected = (await admin.get(`/partners/PARTNERS/settlements/${month}`)).body
    expect(expected.status).toBe('closed')
    const page = await as('pk_demo_admin')
    await go(page, 'Partenaires')
    await page.getByLabel('Partenaire', { exact: true }).selectOption({ label: expected.channel.name })
    await page.getByLabel('Mois du relevé').selectOption(month)
    await expect.poll(() => page.getByTestId('settlement-status').textContent()).toContain('Clos le')
    const figures = page.getByTestId('settlement')
    expect(await figures.textContent()).toContain('Montant dû par le partenaire')
    expect(await figures.textContent()).toContain(euro(expected.sales_cents))
    expect(await figures.textContent()).toContain(euro(-expected.commission_cents))
    expect(await page.getByTestId('amount-due').textContent()).toBe(euro(expected.due_from_partner_cents))
    expect(await page.getByTestId('settlement-lines').locator('tbody tr').count()).toBe(expected.lines.length)
    await expect.poll(() => page.getByTestId('partner-orders').locator('tbody tr').count()).toBeGreaterThan(0)

    // The same figures as a file for the accountant, and as a page to print.
    const monthName = new Date(`${month}-01T00:00:00Z`).toLocaleDateString('fr-FR', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Télécharger le relevé de ${monthName} (CSV)` }).click(),
    ])
    expect(csv.suggestedFilename()).toBe(`releve-PARTNERS-${month}.csv`)
    expect(readFileSync((await csv.path())!, 'utf8')).toContain(String(expected.due_from_partner_cents))
    const [printed] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: `Version imprimable du relevé de ${monthName}` }).click(),
    ])
    await expect
      .poll(() => printed.evaluate(() => document.body?.innerText ?? ''))
      .toContain('Dû par le partenaire')
    await printed.close()
    expect(await smallTargets(page)).toEqual([])
    await capture(page, 'head-office-partners')
    await page.close()
  })

  it('lets the call centre place a business order within the account’s terms, and refuses one over its credit limit with the limit and the amount owed', async () => {
    const [hotel] = (await admin.get('/business/accounts?q=443061841')).body.data
    expect(hotel.legal_name).toBe('Hôtel du Parc SARL')
    const page = await as('pk_demo_callcentre')
    await go(page, 'Commande entreprise')
    await page.getByLabel('Compte entreprise (nom, SIREN ou SIRET)').fill('443061841')
    await page.getByRole('button', { name: 'Rechercher' }).click()
    await page.getByRole('button', { name: 'Choisir le compte Hôtel du Parc SARL' }).click()
    const account = page.getByTestId('business-account')
    await expect.poll(() => account.getByTestId('payment-terms').textContent()).toBe('30 jours fin de mois')
    expect(await account.getByTestId('credit-limit').textContent()).toBe(euro(hotel.credit_limit_cents))
    expect(await account.getByTestId('open-amount').textContent()).toBe(euro(hotel.open_cents))

    // The B2B prices, excluding VAT, by quantity break.
    const prices = page.getByTestId('business-prices')
    await expect.poll(() => prices.locator('tbody tr').count()).toBeGreaterThan(0)
    expect(await prices.locator('tbody tr').first().textContent()).toMatch(/HT dès 1.*HT dès 10/)
    await prices.locator('tbody tr').first().getByRole('textbox').fill('2')
    await page.getByLabel('N° de bon de commande du client (facultatif)').fill('BC-HDP-E2E')
    await page.getByRole('button', { name: 'Passer la commande' }).click()
    const placed = page.getByTestId('business-order-placed')
    await expect.poll(() => placed.textContent()).toMatch(/Commande n° \d+ enregistrée/)
    expect(await placed.textContent()).toContain('Payable à 30 jours fin de mois')
    const number = /Commande n° (\d+)/.exec((await placed.textContent())!)![1]!
    const order = (await admin.get(`/orders?number=${number}`)).body.data[0]
    expect(order.channel.code).toBe('CALL-CENTRE')
    const after = (await admin.get(`/business/accounts/${hotel.id}`)).body
    expect(after.open_cents).toBe(hotel.open_cents + order.total_cents)
    await expect.poll(() => account.getByTestId('open-amount').textContent()).toBe(euro(after.open_cents))
    expect(await smallTargets(page)).toEqual([])
    await capture(page, 'call-centre-business-order')

    // An order worth more than the account may still owe: refused, with the limit and what it owes.
    const cheapest = Math.min(
      ...(
        (await admin.get(`/business/price-lists/${after.price_list_id}`)).body.prices as Array<{
          unit_price_excl_cents: number
        }>
      ).map((p) => p.unit_price_excl_cents),
    )
    const tooMany = Math.ceil(after.credit_available_cents / cheapest) + 1
    await prices.locator('tbody tr').first().getByRole('textbox').fill(String(tooMany))
    await page.getByRole('button', { name: 'Passer la commande' }).click()
    const alert = page.getByRole('alert').first()
    await expect.poll(() => alert.textContent()).toContain('elle dépasserait l’encours autorisé du compte')
    expect(await alert.textContent()).toContain(`Encours autorisé : ${euro(after.credit_limit_cents)}`)
    expect(await alert.textContent()).toContain(`déjà dû : ${euro(after.open_cents)}`)
    expect((await admin.get(`/business/accounts/${hotel.id}`)).body.open_cents).toBe(after.open_cents)
    await capture(page, 'call-centre-credit-limit')

    // The same refusal in English.
    await page.getByLabel('Langue').selectOption('en')
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain(`Credit limit: ${euro(after.credit_limit_cents)}, already owed: ${euro(after.open_cents)}`)
    await page.getByLabel('Language').selectOption('fr')
    await page.close()
  })

  it('lists the invoices paid and unpaid, and opens an invoice’s PDF with its Factur-X XML attached', async () => {
    const invoices = (await admin.get('/business/invoices?limit=25')).body.data as Array<{
      number: string
      kind: string
      account_name: string
      total_cents: number
      status: string
    }>
    const invoice = invoices.find((i) => i.kind === 'invoice')!
    const page = await as('pk_demo_admin')
    await go(page, 'Factures')
    const table = page.getByTestId('invoices')
    await expect.poll(() => table.locator('tbody tr').count()).toBe(invoices.length)
    const row = table.locator('tbody tr').filter({ hasText: invoice.number })
    expect(await row.textContent()).toContain(invoice.account_name)
    expect(await row.textContent()).toContain(euro(invoice.total_cents))
    const text = await table.textContent()
    expect(text).toContain('Payée')
    expect(text).toContain('En retard de paiement')
    expect(text).toContain('À payer')
    expect(await smallTargets(page)).toEqual([])
    await capture(page, 'head-office-invoices')

    // The PDF opens in its own tab; its bytes, read in the browser, are a Factur-X invoice.
    const opened = await openedBlob(context, () =>
      row.getByRole('button', { name: `Ouvrir le PDF — Facture ${invoice.number}` }).click(),
    )
    // Handed back as base64: a few hundred kilobytes as a JSON array of numbers cost the page seconds.
    const bytes = await page.evaluate(async (u) => {
      const res = await fetch(u)
      const data = new Uint8Array(await res.arrayBuffer())
      let binary = ''
      for (let i = 0; i < data.length; i += 0x8000)
        binary += String.fromCharCode(...data.subarray(i, i + 0x8000))
      return { type: res.headers.get('content-type'), base64: btoa(binary) }
    }, opened.url)
    await opened.tab.close()
    expect(bytes.type).toBe('application/pdf')
    const pdf = new Uint8Array(Buffer.from(bytes.base64, 'base64'))
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
    const doc = await PDFDocument.load(pdf, { updateMetadata: false })
    const files = doc.catalog
      .lookup(PDFName.of('Names'), PDFDict)
      .lookup(PDFName.of('EmbeddedFiles'), PDFDict)
      .lookup(PDFName.of('Names'), PDFArray)
    const names = Array.from({ length: files.size() / 2 }, (_, i) =>
      (files.lookup(i * 2) as PDFString | PDFHexString).decodeText(),
    )
    expect(names).toEqual(['factur-x.xml'])
    const stream = files
      .lookup(1, PDFDict)
      .lookup(PDFName.of('EF'), PDFDict)
      .lookup(PDFName.of('F'), PDFStream) as PDFRawStream
    const raw = stream.dict.get(PDFName.of('Filter')) ? inflateSync(stream.contents) : stream.contents
    const xml = Buffer.from(raw).toString('utf8')
    expect(xml).toContain('CrossIndustryInvoice')
    expect(xml).toContain(`<ram:ID>${invoice.number}</ram:ID>`)
    await page.close()
  })

  it('lets a franchisee price an article below the recommendation, and its store’s till sells at that price', async () => {
    const franchisee = apiAs(w.url, 'pk_demo_franchisee')
    const me = (await franchisee.get('/me')).body
    const nice = (await admin.get('/locations/STO-NICE-MASSENA')).body.id
    // An article on the Nice shelf the franchisee has not priced yet.
    const products = await admin.get('/products?category=kitchen&channel=STORES&limit=50')
    const variants = (products.body.data as Array<{ variants: Array<{ sku: string; ean: string }> }>).flatMap(
      (p) => p.variants,
    )
    const stock = await admin.get(
      `/availability?channel=STORES&skus=${variants.map((v) => v.sku).join(',')}&location=${nice}`,
    )
    const onShelf = new Set(
      (
        stock.body.items as Array<{
          sku: string
          locations: Array<{ location_id: string; available: number }>
        }>
      )
        .filter((i) => (i.locations.find((l) => l.location_id === nice)?.available ?? 0) >= 1)
        .map((i) => i.sku),
    )
    const pricesUrl = `/franchisees/${me.franchisee_id}/stores/${nice}/prices`
    let article: { sku: string; ean: string; recommended: number } | undefined
    for (const v of variants.filter((x) => onShelf.has(x.sku))) {
      const p = (await franchisee.get(`${pricesUrl}/${v.sku}`)).body
      if (p.own_cents === null && p.recommended_cents > 500) {
        article = { sku: v.sku, ean: v.ean, recommended: p.recommended_cents }
        break
      }
    }
    expect(article, 'an unpriced article on the Nice shelf').toBeDefined()
    const { sku, ean, recommended } = article!
    const mine = recommended - 200

    const page = await as('pk_demo_franchisee')
    await go(page, 'Mes prix')
    await page.getByLabel('Rechercher un article').fill(sku)
    const row = page.getByTestId('my-prices').locator(`tr[data-sku="${sku}"]`)
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.textContent()).toContain(euro(recommended))
    await row.getByRole('button', { name: /^Modifier le prix de/ }).click()
    await page.getByLabel(/^Mon prix de vente/).fill((mine / 100).toFixed(2).replace('.', ','))
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect.poll(() => page.getByTestId('price-saved').textContent()).toContain(euro(mine))
    await expect.poll(() => row.textContent()).toContain('sous la recommandation')
    expect(await row.textContent()).toContain(euro(recommended))
    await capture(page, 'franchisee-my-prices')
    await page.close()

    // The store's till: the article is sold at the franchisee's price.
    const tillKey = await admin.post('/api-keys', {
      name: 'Caisse Nice Masséna',
      role: 'store_staff',
      location_id: 'STO-NICE-MASSENA',
    })
    expect(tillKey.status).toBe(201)
    const till = await as(tillKey.body.secret)
    await till.waitForURL('**/till')
    // The till opens ready for the scanner: the scan field has the focus once the till is drawn.
    await expect
      .poll(() => till.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('scan')
    await till.keyboard.type(ean, { delay: 3 })
    await till.keyboard.press('Enter')
    await expect.poll(() => till.getByTestId('basket').locator('tbody tr').count()).toBe(1)
    await expect.poll(() => till.getByTestId('total').textContent()).toBe(euro(mine))
    await expect.poll(() => till.getByTestId('summary').getByTestId('due').textContent()).toBe(euro(mine))
    await till.getByRole('button', { name: 'Ajouter le paiement' }).click()
    await till.getByRole('button', { name: 'Valider la vente' }).click()
    await till.getByTestId('receipt').waitFor()
    expect(await till.getByTestId('receipt').textContent()).toContain(euro(mine))
    await till.close()
  })
})
