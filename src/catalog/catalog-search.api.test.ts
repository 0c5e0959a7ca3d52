import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogFixture, randomEan as ean } from '../testing/catalog.fixture.ts'
import { startTestApp, type TestContext, unique } from '../testing/harness.ts'

type Fixture = Awaited<ReturnType<typeof catalogFixture>>
let t: TestContext
let admin: Fixture['admin']
let web: Fixture['web']
let stores: Fixture['stores']
let tshirt: Fixture['tshirt']
let created: Fixture['created']
let keyFor: Fixture['keyFor']

beforeAll(async () => {
  t = await startTestApp()
  ;({ admin, web, stores, tshirt, created, keyFor } = await catalogFixture(t))
})
afterAll(() => t.close())

describe('finding products', () => {
  it('finds the variant a till scans, with its product, VAT rate and prices', async () => {
    const body = tshirt()
    const product = await created(body)
    const res = await admin.get(`/api/v1/variants?ean=${body.variants[0]!.ean}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      sku: body.variants[0]!.sku,
      ean: body.variants[0]!.ean,
      product_id: product.id,
      product_code: body.code,
      product_name: 'T-shirt coton bio',
      category: 'textile',
      vat_rate: 20,
    })
    expect(res.json().prices).toHaveLength(2)
    expect((await admin.get(`/api/v1/variants?sku=${body.variants[1]!.sku}`)).json().id).toBe(
      product.variants[1].id,
    )
  })

  it('says when a scanned barcode is unknown, misread or missing', async () => {
    const unknown = await admin.get(`/api/v1/variants?ean=${ean()}`)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('variant_not_found')
    const misread = await admin.get('/api/v1/variants?ean=4006381333932')
    expect(misread.statusCode).toBe(400)
    expect(misread.json().error.message).toContain('should be 1')
    expect((await admin.get('/api/v1/variants')).statusCode).toBe(400)
  })

  it('searches by part of a SKU in any case, by category and by channel', async () => {
    const a = await created(tshirt({ category: unique('cat-') }))
    const b = await created(tshirt({ category: a.category, channels: [stores.code] }))
    const bySku = (await admin.get(`/api/v1/products?q=${a.variants[0].sku.slice(3).toLowerCase()}`)).json()
    expect(bySku.data.map((p: { id: string }) => p.id)).toEqual([a.id])
    const byCategory = (await admin.get(`/api/v1/products?category=${a.category}`)).json()
    expect(byCategory.data.map((p: { id: string }) => p.id)).toEqual([a.id, b.id])
    const inStores = (
      await admin.get(`/api/v1/products?category=${a.category}&channel=${stores.code}`)
    ).json()
    expect(inStores.data.map((p: { id: string }) => p.id)).toEqual([b.id])
    const unknown = await admin.get('/api/v1/products?channel=NO-SUCH-CHANNEL')
    expect(unknown.statusCode).toBe(400)
  })

  it('treats % and _ in a search as plain characters', async () => {
    const res = await admin.get('/api/v1/products?q=%25')
    expect(res.statusCode).toBe(200)
    expect(res.json().data).toEqual([])
  })

  it('pages through a category with a cursor, without repeats', async () => {
    const category = unique('cat-')
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await created(tshirt({ category }))).id)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: { data: Array<{ id: string }>; next_cursor: string | null } = (
        await admin.get(`/api/v1/products?category=${category}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()
      seen.push(...page.data.map((p) => p.id))
      cursor = page.next_cursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(ids)
  })
})

describe('who may see and change the catalog', () => {
  it('shows a web shop key only the products its channel lists', async () => {
    const category = unique('cat-')
    const online = await created(tshirt({ category }))
    const storeOnly = await created(tshirt({ category, channels: [stores.code] }))
    const key = await keyFor('channel', { channel_id: web.id })
    const list = (await key.get(`/api/v1/products?category=${category}`)).json()
    expect(list.data.map((p: { id: string }) => p.id)).toEqual([online.id])
    expect((await key.get(`/api/v1/products/${online.code}`)).statusCode).toBe(200)
    expect((await key.get(`/api/v1/products/${storeOnly.code}`)).statusCode).toBe(404)
    expect((await key.get(`/api/v1/variants?ean=${storeOnly.variants[0].ean}`)).statusCode).toBe(404)
    expect((await key.get(`/api/v1/variants?ean=${online.variants[0].ean}`)).statusCode).toBe(200)
    expect((await key.get(`/api/v1/products?channel=${stores.code}`)).statusCode).toBe(403)
    expect((await key.post('/api/v1/products', tshirt())).statusCode).toBe(403)
  })

  it('lets store staff scan and search every product but not create or change one', async () => {
    const shop = await admin.post('/api/v1/locations', {
      code: unique('MAG-'),
      name: 'Magasin Nantes',
      kind: 'store',
      city: 'Nantes',
      lat: 47.21,
      lon: -1.55,
      fulfilment_modes: ['takeaway'],
    })
    const staff = await keyFor('store_staff', { location_id: shop.json().id })
    const product = await created(tshirt())
    expect((await staff.get(`/api/v1/variants?ean=${product.variants[0].ean}`)).statusCode).toBe(200)
    expect((await staff.get(`/api/v1/products?q=${product.code}`)).json().data).toHaveLength(1)
    const body = tshirt()
    expect((await staff.post('/api/v1/products', body)).statusCode).toBe(403)
    expect((await staff.patch(`/api/v1/products/${product.code}`, { name: 'x' })).statusCode).toBe(403)
    const variant = { sku: `${product.code}-S`, ean: ean() }
    expect((await staff.post(`/api/v1/products/${product.code}/variants`, variant)).statusCode).toBe(403)
    expect((await admin.get(`/api/v1/products/${body.code}`)).statusCode).toBe(404)
  })
})
