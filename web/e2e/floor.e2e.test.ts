/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code run in the page by page.evaluate() is typed against the DOM.
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiAs,
  axe,
  focusedName,
  screenshot,
  signIn,
  startWorkspace,
  tillRegister,
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
  // The demo store sells through registers: CAISSE-1 is opened with its float, each size's till on it.
  await tillRegister(w.url, null, 'CAISSE-1', true)
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

// What the till does (scanning anywhere, keeping and parking baskets, a line short here and the network
// lost) is the same at every size: each scenario runs at one size, the three sizes taking turns, while what
// the size changes (the basket, total and amount due in view, one-row top bar, no sideways scroll, 44 px
// targets, every screen of every role) is checked at every size. Running each scenario at all three cost a
// minute of the two CPUs per run.
const scenarioSize = { scanAnywhere: 'pc', parkAndKeep: 'laptop', shortAndOffline: 'tablet' } as const

for (const size of sizes) {
  describe(`the store floor at ${size.width}×${size.height}`, () => {
    let context: BrowserContext
    beforeAll(async () => {
      context = await w.browser.newContext({
        viewport: { width: size.width, height: size.height },
        locale: 'fr-FR',
      })
      await tillRegister(w.url, context, 'CAISSE-1', false)
    })
    afterAll(async () => {
      await context?.close()
    })

    if (size.name === scenarioSize.scanAnywhere) {
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
    }

    if (size.name === scenarioSize.parkAndKeep) {
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
    }

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

      it('adds an item without a barcode from the product grid: a department, a product, its variant, in tiles of 44 px', async () => {
        const page = await till(context)
        await page.getByRole('button', { name: 'Grille d’articles' }).click()
        const grid = page.getByTestId('product-grid')
        await grid.getByRole('button', { name: 'Cuisine', exact: true }).click()
        const products = grid.getByRole('group', { name: 'Articles du rayon' })
        await products.getByRole('button').first().waitFor()
        const small = await grid.evaluate(
          (el) =>
            [...el.querySelectorAll<HTMLElement>('button')]
              .filter((b) => b.getClientRects().length > 0)
              .map((b) => b.getBoundingClientRect())
              .filter((r) => r.width < 44 || r.height < 44).length,
        )
        expect(small).toBe(0)
        // The first product: added at once when sold in one form, else its variants are offered.
        await products.getByRole('button').first().click()
        const variants = grid.getByRole('group', { name: /^Déclinaisons de / })
        if (await variants.isVisible()) {
          await variants
            .getByRole('button', { name: /^Ajouter / })
            .first()
            .click()
        }
        await expect.poll(() => basketRows(page).count()).toBe(1)
        const total = (await page.getByTestId('total').textContent()) ?? ''
        expect(total).toMatch(/€/)
        expect(total).not.toBe(euro(0))
        await screenshot(page, `floor-${size.name}-product-grid`)
        await page.getByRole('button', { name: 'Fermer la grille' }).click()
        await page.close()
      })
    }

    if (size.name === scenarioSize.shortAndOffline) {
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
    }
  })
}

// Every screen of every role, visited once and looked at in the three sizes by resizing the page (a visit
// per size tripled the cost of this scenario, the slowest of the browser tests); a screen opens at the size
// the one before it was left at (PC or tablet), the menu behind its button on a tablet as a user finds it.
describe('every screen of every role', () => {
  let context: BrowserContext
  beforeAll(async () => {
    // axe-core is injected as a script tag, which the workspace's content security policy would refuse.
    context = await w.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'fr-FR',
      bypassCSP: true,
    })
  })
  afterAll(async () => {
    await context?.close()
  })

  it('is in French at every size: no code, no English, no sideways scroll, every control named, axe-clean; menus per role', async () => {
    const found: string[] = []
    const menus: Record<string, string[]> = {}
    // axe checks how a screen is built (landmarks, roles, names, contrast): the roles that share a screen
    // share its components, so it runs once per screen, for the first role to reach it (the 50 visits
    // cost about 14 CPU-seconds of axe, the 28 screens 8). The words, the controls' names and the width
    // are checked for every role: they depend on each role's data.
    const axed = new Set<string>()
    // The roles are visited side by side: each its own page, the checks the same.
    await Promise.all(
      roles.map(async (role) => {
        const page = await context.newPage()
        page.setDefaultTimeout(15_000)
        // A screen asks the API only what it may and can answer: a refusal is a screen's mistake.
        page.on('response', (r) => {
          if (r.url().startsWith(`${w.url}/api/`) && r.status() >= 400)
            found.push(`${role.name}: ${r.request().method()} ${r.url().slice(w.url.length)} → ${r.status()}`)
        })
        // The network's names arrive late, as on a slow line: a screen reading before they do must not
        // show a location's internal id in their place.
        await page.route('**/api/v1/locations?*', async (route) => {
          await new Promise((r) => setTimeout(r, 400))
          await route.continue()
        })
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
          expect(await unlabelledControls(page)).toEqual([])
          if (!process.env.NOAXE && !axed.has(name)) {
            axed.add(name)
            for (const v of await axe(page)) found.push(`${role.name} › ${name}: ${v}`)
          }
          // The sizes from the one the page is at: the next screen opens at the last, so each visit
          // resizes twice, not three times and back.
          const order = sizes[0].width === page.viewportSize()?.width ? sizes : [...sizes].reverse()
          for (const [i, size] of order.entries()) {
            if (i > 0) await page.setViewportSize({ width: size.width, height: size.height })
            // Charts follow a resize a frame or two later (a ResizeObserver): a moment to settle.
            const fits = () => page.evaluate((w) => document.documentElement.scrollWidth <= w, size.width)
            for (let i = 0; i < 20 && !(await fits()); i++) await page.waitForTimeout(100)
            const wide = await page.evaluate(() => document.documentElement.scrollWidth)
            if (wide > size.width)
              found.push(`${role.name} › ${name} at ${size.name}: scrolls sideways (${wide} px)`)
            await screenshot(page, `screen-${size.name}-${role.name}-${slug}`)
          }
        }
        // On a tablet the menu hides behind its button, which opens the same screens.
        await page.setViewportSize({ width: 768, height: 1024 })
        await page.locator('.menu-toggle').click()
        const behind = await page.getByRole('navigation').getByRole('link').allTextContents()
        expect(behind, `${role.name}'s menu on a tablet`).toEqual(names)
        await page.close()
      }),
    )
    expect(found).toEqual([])
    // Each role its menu; a franchisee its franchise, not an empty "Service client".
    expect(menus.franchisee).toEqual(['Ma franchise', 'Mes prix'])
    expect(menus.staff).toContain('Caisse')
    expect(menus['head-office']).toContain('Analyse des canaux')
    expect(menus['call-centre']).toContain('Commande téléphone')
  })
})

describe('click & collect, customer service and the manager at a store PC', () => {
  let context: BrowserContext
  beforeAll(async () => {
    context = await w.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' })
    await tillRegister(w.url, context, 'CAISSE-1', false)
  })
  afterAll(async () => {
    await context?.close()
  })

  async function as(key: string): Promise<Page> {
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await signIn(page, w.url, key)
    return page
  }

  it('finds a click & collect order by the customer’s phone, picks it by scanning, and keeps it under “Retirées” once collected', async () => {
    const [item, other] = items as [Item, Item, Item]
    const customers = (await admin.get('/customers?limit=50')).body.data as Array<{
      id: string
      first_name: string
      last_name: string
      phone: string | null
    }>
    const customer = customers.find((c) => c.phone && c.first_name && c.last_name)!
    // Taken by the call centre, at the call centre's price, to be collected at the demo store.
    const channels = (await admin.get('/channels?limit=100')).body.data as Array<{
      code: string
      price_list: { code: string }
    }>
    const list = channels.find((c) => c.code === 'CALL-CENTRE')!.price_list.code
    const variant = (await admin.get(`/variants?sku=${encodeURIComponent(item.sku)}`)).body as {
      prices: Array<{ price_list: string; amount_cents: number }>
    }
    const price = variant.prices.find((p) => p.price_list === list)!.amount_cents
    const placed = await apiAs(w.url, 'pk_demo_callcentre').post('/orders', {
      channel: 'CALL-CENTRE',
      customer_id: customer.id,
      lines: [{ sku: item.sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: bastilleId }],
      payments: [{ method: 'card', amount_cents: price }],
    })
    expect(placed.status, JSON.stringify(placed.body)).toBe(201)
    const { number, pickup_code: code } = placed.body as { number: number; pickup_code: string }

    const page = await as(keys.store)
    await go(page, 'Retraits en magasin')
    await page.getByTestId('queue').waitFor()
    // The phone as the customer says it, in the national form.
    const national = `0${customer.phone!.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ')
    await page.getByLabel('Rechercher une commande').fill(national)
    await page.keyboard.press('Enter')
    const rows = page.getByTestId('queue').locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain(`${customer.first_name} ${customer.last_name}`)
    await page.getByRole('button', { name: `Ouvrir la commande ${number}` }).click()
    const task = page.getByTestId('task')
    await expect.poll(() => task.textContent()).toContain(item.name)

    // Scanned anywhere on the screen: a code of no article, an article of another order, then the right one.
    await page.getByRole('button', { name: 'Commencer la préparation' }).click()
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('En préparation')
    const note = page.getByTestId('pick-note')
    await scan(page, '2000000000008')
    await expect.poll(() => note.textContent()).toBe('Le code 2000000000008 ne correspond à aucun article.')
    await scan(page, other.ean)
    await expect.poll(() => note.textContent()).toContain(`Le code ${other.ean}`)
    expect(await note.textContent()).toContain('ne fait pas partie de cette commande')
    const line = task.locator(`tr[data-sku="${item.sku}"]`)
    expect(await line.getAttribute('data-picked')).toBe('false')
    await scan(page, item.ean)
    await expect.poll(() => line.getAttribute('data-picked')).toBe('true')
    await page.getByText('Tous les articles sont prélevés.').waitFor()
    await screenshot(page, 'floor-pc-queue-picked')

    for (const [button, status] of [
      ['Marquer comme emballée', 'Emballée'],
      ['Prête pour le retrait', 'Prête'],
    ] as const) {
      await page.getByRole('button', { name: button }).click()
      await expect.poll(() => page.getByTestId('task-status').textContent()).toBe(status)
    }
    await page.getByLabel('Code de retrait du client').fill(code)
    await page.getByRole('button', { name: 'Remettre au client' }).click()
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('Remise au client')

    // Handed over: gone from the open queue, listed under the collected ones.
    await page.getByLabel('Rechercher une commande').fill(String(number))
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByText('Rien à afficher.').count()).toBeGreaterThan(0)
    await page.getByLabel('Afficher', { exact: true }).selectOption({ label: 'Retirées (7 derniers jours)' })
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('Remise au client')
    await screenshot(page, 'floor-pc-queue-collected')
    await page.close()
  })

  it('asks which customer when several match at the till, opens an order from the 360, and shows no timing on the phone order', async () => {
    // A name several customers share.
    const listed = (await admin.get('/customers?limit=100')).body.data as Array<{ last_name: string }>
    let shared = ''
    for (const name of [...new Set(listed.map((c) => c.last_name))]) {
      const found = (await admin.get(`/customers?q=${encodeURIComponent(name)}&limit=3`)).body.data
      if (found.length >= 2) {
        shared = name
        break
      }
    }
    expect(shared, 'a last name several customers share').not.toBe('')
    const page = await as(keys.store)
    await page.waitForURL('**/till')
    await page.getByLabel('Téléphone, e-mail ou carte de fidélité').fill(shared)
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
    const choice = page.getByTestId('customer-choice')
    await expect.poll(() => choice.textContent()).toContain('Plusieurs clients correspondent')
    expect(await page.getByTestId('till-customer').count()).toBe(0)
    expect(await choice.getByRole('button').count()).toBeGreaterThanOrEqual(2)
    await choice.getByRole('button').nth(1).click()
    await expect.poll(() => page.getByTestId('till-customer').textContent()).toContain(shared)
    await page.getByRole('button', { name: 'Retirer le client' }).click()
    await page.close()

    // Head office's 360 of a customer with orders: one opens with its lines.
    const office = await as(keys.admin)
    await go(office, 'Clients')
    const withPhone = (await admin.get('/customers?limit=50')).body.data.filter(
      (c: { phone: string | null }) => c.phone,
    ) as Array<{ id: string; phone: string }>
    let someone: { id: string; phone: string } | undefined
    for (const c of withPhone) {
      if ((await admin.get(`/customers/${c.id}/orders?limit=1`)).body.data.length > 0) {
        someone = c
        break
      }
    }
    expect(someone, 'a customer with a phone and orders').toBeDefined()
    await office.getByLabel('Téléphone, e-mail, carte de fidélité ou nom').fill(someone!.phone)
    await office.keyboard.press('Enter')
    await office.getByTestId('c360').waitFor()
    const open = office
      .getByTestId('orders')
      .getByRole('button', { name: /^Ouvrir la commande / })
      .first()
    await open.waitFor()
    const label = (await open.getAttribute('aria-label'))!
    await open.click()
    const detail = office.getByTestId('c360-order')
    await expect.poll(() => detail.textContent()).toContain(label.replace('Ouvrir la commande ', 'Commande '))
    await detail.getByText('Lignes', { exact: true }).first().waitFor()
    await screenshot(office, 'floor-pc-c360-order')
    await office.close()

    // The call centre's phone order: a scan lands in the basket, with no technical timing on screen.
    const phone = await as('pk_demo_callcentre')
    await go(phone, 'Commande téléphone')
    await phone.getByTestId('scan').focus()
    await scan(phone, items[0]!.ean)
    await expect.poll(() => basketRows(phone).count()).toBe(1)
    const text = (await phone.locator('main').innerText()) ?? ''
    expect(text).not.toMatch(/trait[ée]|\d\s*ms\b/i)
    await phone.close()
  })

  it('lists the offline sales flagged for the manager, who marks them checked', async () => {
    // A sale made offline of an article the books no longer held here: flagged when recorded.
    const missing = await notOnShelf()
    const register = await tillRegister(w.url, null, 'CAISSE-1', false)
    const ticket = `HE2E-${String(Date.now()).slice(-5)}`
    const sale = await apiAs(w.url, keys.store).post('/orders', {
      channel: 'STORES',
      register_id: register,
      lines: [{ sku: missing.sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'cash', amount_cents: missing.price }],
      offline: { sold_at: new Date(Date.now() - 5 * 60_000).toISOString(), ticket },
    })
    expect(sale.status, JSON.stringify(sale.body)).toBe(201)

    const page = await as('pk_demo_manager')
    await go(page, 'Responsable')
    const table = page.getByTestId('offline-sales')
    await expect.poll(() => table.textContent()).toContain(ticket)
    expect(await table.textContent()).toContain(missing.sku)
    expect(await table.textContent()).toContain(euro(missing.price))
    await screenshot(page, 'floor-pc-manager-offline-sales')
    await page.getByRole('button', { name: `Marquer la vente du ticket ${ticket} comme vérifiée` }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(`Vente du ticket ${ticket} vérifiée`)
    await expect
      .poll(async () => (await table.count()) === 0 || !(await table.textContent())?.includes(ticket))
      .toBe(true)
    const flagged = (await admin.get('/offline-sales?flagged=true&limit=50')).body.data as Array<{
      ticket: string
    }>
    expect(flagged.map((s) => s.ticket)).not.toContain(ticket)
    await page.close()
  })
})

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
