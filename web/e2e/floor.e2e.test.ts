/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code run in the page by page.evaluate() is typed against the DOM.
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiAs,
  focusedName,
  screenshot,
  signIn,
  startWorkspace,
  unlabelledControls,
  type Workspace,
} from './harness.ts'

// The store floor at the three sizes staff use: a store PC, a small laptop, a tablet held upright.
const sizes = [
  { name: 'pc', width: 1366, height: 768 },
  { name: 'laptop', width: 1024, height: 768 },
  { name: 'tablet', width: 768, height: 1024 },
] as const

const keys = { admin: 'pk_demo_admin', store: 'pk_demo_store' }

// Every role of the workspace, by its demo key (README, "Demo API keys").
const roles = [
  { name: 'staff', key: 'pk_demo_store' },
  { name: 'manager', key: 'pk_demo_manager' },
  { name: 'call-centre', key: 'pk_demo_callcentre' },
  { name: 'head-office', key: 'pk_demo_admin' },
  { name: 'franchisee', key: 'pk_demo_franchisee' },
] as const

/** Words of English that French screens must not show (product and people's names are data). */
const english = [
  'the',
  'and',
  'with',
  'from',
  'order',
  'orders',
  'customer',
  'customers',
  'store',
  'stores',
  'sale',
  'sales',
  'delivery',
  'pickup',
  'takeaway',
  'failed',
  'error',
  'loading',
  'available',
  'reserved',
  'pending',
  'placed',
  'completed',
  'cancelled',
  'refunded',
  'shipped',
  'collected',
  'unknown',
  'none',
  'online',
  'channel',
  'price',
  'home',
  'nearest',
]

/** What a French screen must not show: the API's codes and English, ISO dates, dot decimals. */
let forbidden: Array<{ what: string; pattern: RegExp }> = []

const euro = (cents: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100)

let w: Workspace
let admin: ReturnType<typeof apiAs>
let bastilleId: string
const items: Item[] = []

interface Item {
  sku: string
  ean: string
  name: string
  price: number
}

/** Articles of the demo store's shelves with at least `min` units each, in stores' prices. */
async function onShelf(count: number, min: number): Promise<Item[]> {
  const products = await admin.get('/products?category=kitchen&channel=STORES&limit=100')
  type Variant = { sku: string; ean: string; prices: Array<{ price_list: string; amount_cents: number }> }
  const variants = (products.body.data as Array<{ name: string; variants: Variant[] }>)
    .flatMap((p) => p.variants.map((v) => ({ ...v, product: p.name })))
    .slice(0, 200)
  const stock = await admin.get(
    `/availability?channel=STORES&skus=${variants.map((v) => v.sku).join(',')}&location=${bastilleId}`,
  )
  const skus = (stock.body.items as Array<{ sku: string; locations: Array<{ available: number }> }>)
    .filter((i) => (i.locations[0]?.available ?? 0) >= min)
    .map((i) => i.sku)
  // Distinct product names: each line is found on screen by its name.
  const seen = new Set<string>()
  const out: Item[] = []
  for (const v of variants) {
    if (!skus.includes(v.sku) || seen.has(v.product)) continue
    seen.add(v.product)
    const price = v.prices.find((p) => p.price_list === 'PL-STORES')?.amount_cents
    if (price) out.push({ sku: v.sku, ean: v.ean, name: v.product, price })
    if (out.length === count) break
  }
  expect(out).toHaveLength(count)
  return out
}

/** An article the demo store does not hold, that the web shop can deliver home. */
async function notOnShelf(): Promise<Item> {
  const products = await admin.get('/products?category=kitchen&channel=STORES&limit=100')
  type Variant = { sku: string; ean: string; prices: Array<{ price_list: string; amount_cents: number }> }
  const variants = (products.body.data as Array<{ name: string; variants: Variant[] }>)
    .flatMap((p) => p.variants.map((v) => ({ ...v, product: p.name })))
    .slice(0, 200)
  const skus = variants.map((v) => v.sku).join(',')
  const here = await admin.get(`/availability?channel=STORES&skus=${skus}&location=${bastilleId}`)
  const web = await admin.get(`/availability?channel=WEB&skus=${skus}`)
  const empty = new Set(
    (here.body.items as Array<{ sku: string; locations: Array<{ available: number }> }>)
      .filter((i) => (i.locations[0]?.available ?? 0) === 0)
      .map((i) => i.sku),
  )
  const found = (web.body.items as Array<{ sku: string; delivery_available: number }>).find(
    (i) => empty.has(i.sku) && i.delivery_available >= 2,
  )
  expect(found, 'a kitchen article the demo store lacks').toBeDefined()
  const v = variants.find((x) => x.sku === found!.sku)!
  const price = v.prices.find((p) => p.price_list === 'PL-STORES')!.amount_cents
  return { sku: v.sku, ean: v.ean, name: v.product, price }
}

/** A scanner: 13 digits a few milliseconds apart, then Enter. */
async function scan(page: Page, ean: string) {
  await page.keyboard.type(ean, { delay: 3 })
  await page.keyboard.press('Enter')
}

/** Opens a screen from the menu (behind its button on smaller screens). */
async function go(page: Page, screen: string) {
  const toggle = page.locator('.menu-toggle')
  if (await toggle.isVisible()) await toggle.click()
  await page.getByRole('navigation').getByRole('link', { name: screen, exact: true }).click()
}

const basketRows = (page: Page) => page.getByTestId('basket').locator('tbody tr')

async function till(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  await signIn(page, w.url, keys.store)
  await page.waitForURL('**/till')
  await expect.poll(() => focusedName(page)).toBe('Scanner ou rechercher un article')
  // What an earlier scenario left at this register is cleared: each starts from an empty basket.
  await page.getByTestId('summary').waitFor()
  while ((await basketRows(page).count()) > 0) {
    await page
      .getByTestId('basket')
      .getByRole('button', { name: /^Retirer / })
      .first()
      .click()
  }
  await page.getByTestId('scan').focus()
  return page
}

beforeAll(async () => {
  w = await startWorkspace()
  admin = apiAs(w.url, keys.admin)
  bastilleId = (await admin.get('/locations/STO-PARIS-BASTILLE')).body.id
  items.push(...(await onShelf(3, 6)))
  const word = (w: string) => new RegExp(`(?<![\\p{L}\\d_-])${w}(?![\\p{L}\\d_-])`, 'u')
  const channels = (await admin.get('/channels?limit=100')).body.data as Array<{
    code: string
    price_list: { code: string }
  }>
  const products = (await admin.get('/products?limit=100')).body.data as Array<{ category: string | null }>
  const categories = [...new Set(products.map((p) => p.category).filter((c): c is string => Boolean(c)))]
  const movements = [
    'receipt',
    'sale',
    'reservation',
    'release',
    'adjustment',
    'count',
    'transfer_out',
    'transfer_in',
    'return',
    'quarantine',
  ]
  forbidden = [
    ...channels.map((c) => ({ what: `channel code ${c.code}`, pattern: word(c.code) })),
    ...channels.map((c) => ({
      what: `price list code ${c.price_list.code}`,
      pattern: word(c.price_list.code),
    })),
    ...categories.map((c) => ({ what: `category code ${c}`, pattern: word(c) })),
    ...movements.map((m) => ({ what: `movement type ${m}`, pattern: word(m) })),
    ...english.map((e) => ({ what: `English "${e}"`, pattern: new RegExp(word(e).source, 'iu') })),
    { what: 'ISO date', pattern: /\b\d{4}-\d{2}-\d{2}/ },
    { what: 'dot decimal', pattern: /\d\.\d/ },
    { what: 'internal id', pattern: /\b(ord|cus|loc|var|prd|ch|tsk|rtn|trf)_[0-9A-Za-z]{6,}/ },
  ]
}, 180_000)

afterAll(async () => {
  await w?.close()
})

for (const size of sizes) {
  describe(`the store floor at ${size.width}×${size.height}`, () => {
    let context: BrowserContext
    beforeAll(async () => {
      context = await w.browser.newContext({
        viewport: { width: size.width, height: size.height },
        locale: 'fr-FR',
      })
    })
    afterAll(async () => {
      await context?.close()
    })

    it('puts a barcode scanned while the cursor is in a quantity or the customer search into the basket, and typing by hand still works', async () => {
      const [a, b, c] = items as [Item, Item, Item]
      const page = await till(context)
      await scan(page, a.ean)
      await expect.poll(() => basketRows(page).count()).toBe(1)
      const qtyA = page.getByTestId('basket').getByLabel(`Quantité — ${a.name}`, { exact: false })

      // The cursor in the quantity: the scan lands in the basket and the quantity is left as it was.
      await qtyA.click()
      await scan(page, b.ean)
      await expect.poll(() => basketRows(page).count()).toBe(2)
      expect(await qtyA.inputValue()).toBe('1')
      await expect.poll(() => page.getByTestId('total').textContent()).toBe(euro(a.price + b.price))

      // The cursor in the customer search: the same.
      const lookup = page.getByLabel('Téléphone, e-mail ou carte de fidélité')
      await lookup.click()
      await scan(page, c.ean)
      await expect.poll(() => basketRows(page).count()).toBe(3)
      expect(await lookup.inputValue()).toBe('')
      expect(await page.getByRole('alert').count()).toBe(0)

      // A quantity typed by hand, as a cashier types, is applied.
      await qtyA.click()
      await page.keyboard.type('3', { delay: 120 })
      await page.keyboard.press('Tab')
      await expect.poll(() => qtyA.inputValue()).toBe('3')
      await expect
        .poll(() => page.getByTestId('total').textContent())
        .toBe(euro(3 * a.price + b.price + c.price))
      await screenshot(page, `floor-${size.name}-scan-anywhere`)
      await page.close()
    })

    it('keeps the basket across a reload and another screen, and parks one to serve the next customer', async () => {
      const [a, b] = items as [Item, Item, Item]
      const page = await till(context)
      await scan(page, a.ean)
      await expect.poll(() => basketRows(page).count()).toBe(1)
      await page.getByRole('button', { name: 'Mettre en attente' }).click()
      await expect.poll(() => basketRows(page).count()).toBe(0)
      await page.getByTestId('scan').focus()
      await scan(page, b.ean)
      await scan(page, b.ean)
      await expect.poll(() => basketRows(page).count()).toBe(1)
      // The second scan is counted before the page goes away.
      await expect
        .poll(() =>
          page.getByTestId('basket').getByLabel(`Quantité — ${b.name}`, { exact: false }).inputValue(),
        )
        .toBe('2')

      // A reload, then a look at the stock: the sale in progress is still there.
      await page.reload()
      await expect.poll(() => basketRows(page).count()).toBe(1)
      expect(
        await page.getByTestId('basket').getByLabel(`Quantité — ${b.name}`, { exact: false }).inputValue(),
      ).toBe('2')
      await go(page, 'Stock')
      await page.waitForURL('**/stock')
      await go(page, 'Caisse')
      await expect.poll(() => basketRows(page).count()).toBe(1)

      // The parked basket, with its time and total, resumed: the one on the till is parked in its place.
      const parked = page.getByTestId('parked')
      await parked.getByRole('button', { name: 'Paniers en attente (1)' }).click()
      expect(await parked.textContent()).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d/)
      expect(await parked.textContent()).toContain(euro(a.price))
      await screenshot(page, `floor-${size.name}-parked`)
      await parked.getByRole('button', { name: /^Reprendre le panier de/ }).click()
      await expect.poll(() => page.getByTestId('basket').textContent()).toContain(a.name)
      expect(await basketRows(page).count()).toBe(1)
      expect(await page.getByTestId('total').textContent()).toBe(euro(a.price))
      await parked.getByRole('button', { name: 'Paniers en attente (1)' }).click()
      expect(await parked.textContent()).toContain(euro(2 * b.price))

      // Sold: the next customer starts from an empty basket, and a reload does not bring the sale back.
      await page.getByRole('button', { name: 'Ajouter le paiement' }).click()
      await page.getByRole('button', { name: 'Valider la vente' }).click()
      await page.getByTestId('receipt').waitFor()
      await page.reload()
      await page.getByText('Le panier est vide : scannez un article.').waitFor()
      await page.close()
    })

    it('keeps the basket, its total and the amount due in view, with a one-row top bar and no sideways scroll', async () => {
      const page = await till(context)
      for (const item of items) await scan(page, item.ean)
      await expect.poll(() => basketRows(page).count()).toBe(3)
      await screenshot(page, `floor-${size.name}-till`)
      // Every line of the basket, its total and the amount due: inside the window, and what is drawn at
      // their top and bottom is them (not scrolled away in the basket's own scroll, nor covered).
      const outside: string[] = []
      const parts = [
        ...(await basketRows(page).all()).map((row, i) => [`line ${i + 1}`, row] as const),
        ['total', page.getByTestId('total')] as const,
        ['due', page.getByTestId('due')] as const,
      ]
      for (const [name, part] of parts) {
        const seen = await part.evaluate((el) => {
          const r = el.getBoundingClientRect()
          const x = r.left + Math.min(10, r.width / 2)
          const at = (y: number) => {
            const hit = document.elementFromPoint(x, y)
            return hit !== null && el.contains(hit)
          }
          return r.bottom <= innerHeight && r.right <= innerWidth && at(r.top + 2) && at(r.bottom - 2)
        })
        if (!seen) outside.push(name)
      }
      expect(outside).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
      const bar = await page.locator('header.topbar').boundingBox()
      expect(bar!.height).toBeLessThan(64)

      // Head office has the longest menu: still one row.
      const office = await context.newPage()
      await signIn(office, w.url, keys.admin)
      expect((await office.locator('header.topbar').boundingBox())!.height).toBeLessThan(64)
      expect(await office.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        size.width,
      )
      await office.close()
      await page.close()
    })

    if (size.name === 'tablet') {
      it('gives every till control a target of at least 44 px, with a keypad and quick cash amounts', async () => {
        const [a, b] = items as [Item, Item, Item]
        const page = await till(context)
        await scan(page, a.ean)
        await scan(page, b.ean)
        await expect.poll(() => basketRows(page).count()).toBeGreaterThanOrEqual(2)
        await page.getByRole('radio', { name: 'Espèces' }).check()
        const due = (await page.getByTestId('due').textContent())!

        // The keypad types the quantity (the field keeps the focus).
        const qtyA = page.getByTestId('basket').getByLabel(`Quantité — ${a.name}`, { exact: false })
        await qtyA.click()
        const pad = page.getByRole('group', { name: `Pavé numérique — Quantité — ${a.name}`, exact: false })
        await pad.getByRole('button', { name: '2', exact: true }).click()
        await screenshot(page, `floor-${size.name}-keypad`)

        const small = await page.evaluate(() => {
          const controls = document.querySelectorAll<HTMLElement>(
            'header a[href], main a[href], button, input:not([type=hidden]), select, textarea',
          )
          return [...controls]
            .filter((el) => el.getClientRects().length > 0 && !el.closest('.sr-only, .skip'))
            .map((el) => {
              // A radio button is tapped through its label, which holds it.
              const target = el.matches('input[type=radio], input[type=checkbox]') ? el.closest('label')! : el
              const r = target.getBoundingClientRect()
              return { what: el.outerHTML.slice(0, 80), w: Math.round(r.width), h: Math.round(r.height) }
            })
            .filter((c) => c.w < 44 || c.h < 44)
        })
        expect(small).toEqual([])
        const controls = await page.locator('main button, main input, main select').count()
        expect(controls).toBeGreaterThan(25)

        await pad.getByRole('button', { name: 'Valider' }).click()
        await expect.poll(() => qtyA.inputValue()).toBe('2')

        // Quick cash: the next 50 € note pays and shows the change.
        const total = 2 * a.price + b.price
        await expect.poll(() => page.getByTestId('due').textContent()).not.toBe(due)
        const note = Math.ceil(total / 5000) * 5000 === total ? total + 5000 : Math.ceil(total / 5000) * 5000
        await page.getByRole('button', { name: `Espèces : ${euro(note)} remis` }).click()
        await expect.poll(() => page.getByTestId('change').textContent()).toContain(euro(note - total))
        await screenshot(page, `floor-${size.name}-cash`)
        await page.close()
      })
    }

    it('flags a line the store lacks as soon as it is scanned, offers delivery, and says a lost network in French', async () => {
      const missing = await notOnShelf()
      const page = await till(context)
      await scan(page, missing.ean)
      const flag = page.getByTestId('short-here')
      await expect.poll(() => flag.textContent()).toContain('Stock du magasin : 0 u.')
      await flag.getByRole('button', { name: /^Livrer à domicile/ }).click()
      await expect
        .poll(() => page.getByLabel(`Mode de livraison — ${missing.name}`, { exact: false }).inputValue())
        .toBe('delivery')
      expect(await flag.count()).toBe(0)

      // The network drops: said in French, and the scan still lands from the store's kept catalogue
      // (web/e2e/offline.e2e.test.ts sells and replays); online again once the server answers.
      await page.getByTestId('offline-catalogue').waitFor()
      const band = page.getByTestId('offline-banner')
      await context.setOffline(true)
      try {
        await page.getByTestId('scan').focus()
        await scan(page, items[0]!.ean)
        await expect.poll(() => basketRows(page).count()).toBe(2)
        await expect.poll(() => band.textContent()).toContain('Hors ligne')
        expect(await page.locator('main').textContent()).not.toContain('Failed to fetch')
        await screenshot(page, `floor-${size.name}-offline`)
      } finally {
        await context.setOffline(false)
      }
      await expect.poll(() => band.getAttribute('data-online'), { timeout: 10_000 }).toBe('true')
      await scan(page, items[0]!.ean)
      await expect.poll(() => basketRows(page).count()).toBe(2)
      await expect.poll(() => page.getByRole('alert').count()).toBe(0)
      await page.close()
    })

    it('shows every screen of every role in French: no code, no English, no sideways scroll; menus per role', async () => {
      const found: string[] = []
      const menus: Record<string, string[]> = {}
      // The roles are visited side by side: each its own page, the checks the same.
      await Promise.all(
        roles.map(async (role) => {
          const page = await context.newPage()
          page.setDefaultTimeout(15_000)
          await signIn(page, w.url, role.key)
          const names = await page
            .getByRole('navigation')
            .getByRole('link', { includeHidden: true })
            .allTextContents()
          menus[role.name] = names
          expect(names.length, `${role.name} has screens`).toBeGreaterThan(0)
          for (const name of names) {
            await go(page, name)
            await page.locator('main h1, main h2').first().waitFor()
            await visit(page, name)
            await expect.poll(() => page.getByText('Chargement…').count(), { timeout: 15_000 }).toBe(0)
            const slug = name
              .normalize('NFD')
              .replace(/[^\w]+/g, '-')
              .toLowerCase()
            await screenshot(page, `screen-${size.name}-${role.name}-${slug}`)
            // Text the server writes in English (the routing engine's explanation) is marked lang="en",
            // and an API key's name is data (as people's names are): both left out; the rest is French.
            const text = await page.evaluate(() => {
              const english = [...document.querySelectorAll<HTMLElement>('main [lang="en"], [data-name]')]
              for (const e of english) e.style.display = 'none'
              const shown = document.body.innerText
              for (const e of english) e.style.display = ''
              return shown
            })
            for (const f of forbidden) {
              const hit = text.match(f.pattern)
              if (hit) {
                const at = hit.index ?? 0
                found.push(
                  `${role.name} › ${name}: ${f.what} in “${text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, ' ')}”`,
                )
              }
            }
            const wide = await page.evaluate(() => document.documentElement.scrollWidth)
            if (wide > size.width) found.push(`${role.name} › ${name}: scrolls sideways (${wide} px)`)
            expect(await unlabelledControls(page)).toEqual([])
          }
          await page.close()
        }),
      )
      expect(found).toEqual([])
      // Each role its menu; a franchisee its franchise, not an empty "Service client".
      expect(menus.franchisee).toEqual(['Ma franchise'])
      expect(menus.staff).toContain('Caisse')
      expect(menus['head-office']).toContain('Analyse des canaux')
      expect(menus['call-centre']).toContain('Commande téléphone')
    })
  })
}

/** What a screen shows once used: a product opened, an order opened, a SKU's movements, a customer's 360. */
async function visit(page: Page, screen: string) {
  if (screen === 'Catalogue') {
    await page.getByLabel('Nom, marque ou référence').fill('cocotte')
    await page.keyboard.press('Enter')
    await page.locator('.catalog .list button').first().click()
  } else if (screen === 'Stock') {
    await page.goto(`${w.url}/stock?sku=${encodeURIComponent(items[0]!.sku)}`)
    await expect
      .poll(() => page.locator('.stock table').nth(1).locator('tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(0)
  } else if (screen === 'Commandes') {
    const open = page.getByRole('button', { name: /^Ouvrir la commande/ }).first()
    await open.waitFor()
    await open.click()
    await page.getByText('Lignes', { exact: true }).first().waitFor()
  } else if (screen === 'Clients') {
    const someone = (await admin.get('/customers?limit=20')).body.data.find(
      (c: { phone: string | null }) => c.phone,
    )
    await page.getByLabel('Téléphone, e-mail, carte de fidélité ou nom').fill(someone.phone)
    await page.keyboard.press('Enter')
    await page.getByTestId('c360').waitFor()
  } else if (screen === 'Analyse des canaux') {
    await expect.poll(() => page.locator('canvas').count(), { timeout: 30_000 }).toBeGreaterThan(0)
  } else if (screen === 'Commande entreprise') {
    await page.getByLabel('Compte entreprise (nom, SIREN ou SIRET)').fill('Hôtel du Parc')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Choisir le compte Hôtel du Parc SARL' }).click()
    await expect
      .poll(() => page.getByTestId('business-prices').locator('tbody tr').count())
      .toBeGreaterThan(0)
  } else if (screen === 'Partenaires') {
    await page.getByTestId('amount-due').waitFor()
  } else if (screen === 'Factures') {
    await expect
      .poll(() => page.getByTestId('invoices').locator('tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(0)
  } else if (screen === 'Ma franchise') {
    await page.getByTestId('statements').waitFor()
    // Its stores by name, though a franchisee key reads no locations.
    expect(await page.getByTestId('franchise-stores').textContent()).toContain('Nice')
    await expect.poll(() => page.getByTestId('statements').locator('tbody tr').count()).toBeGreaterThan(0)
  }
}
