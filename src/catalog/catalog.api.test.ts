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

beforeAll(async () => {
  t = await startTestApp()
  ;({ admin, web, stores, tshirt, created } = await catalogFixture(t))
})
afterAll(() => t.close())

describe('creating a product', () => {
  it('records a T-shirt in two sizes with barcodes, prices TTC per channel and its web listing', async () => {
    const body = tshirt()
    const product = await created(body)
    expect(product).toMatchObject({
      code: body.code,
      name: 'T-shirt coton bio',
      category: 'textile',
      brand: 'Passerelle',
      description: '',
      vat_rate: 20,
      channels: [web.code],
    })
    expect(product.id).toMatch(/^prd_/)
    const [m, l] = product.variants
    expect(m).toMatchObject({
      sku: body.variants[0]!.sku,
      ean: body.variants[0]!.ean,
      name: 'T-shirt coton bio',
      attributes: { taille: 'M', couleur: 'bleu' },
    })
    expect(m.prices).toEqual(
      expect.arrayContaining([
        { price_list: web.price_list.code, amount_cents: 1999 },
        { price_list: stores.price_list.code, amount_cents: 2199 },
      ]),
    )
    expect(l).toMatchObject({ name: 'T-shirt L', prices: [] })
    expect((await admin.get(`/api/v1/products/${body.code}`)).json()).toEqual(product)
    expect((await admin.get(`/api/v1/products/${product.id}`)).json()).toEqual(product)
  })

  it('stores a reduced rate of 5.5 % for food and gives it back in percent', async () => {
    const product = await created(tshirt({ category: 'épicerie', vat_rate: 5.5 }))
    expect(product.vat_rate).toBe(5.5)
  })

  it('refuses a rate that is not a French VAT rate, and writes nothing', async () => {
    const body = tshirt({ vat_rate: 19.6 })
    const res = await admin.post('/api/v1/products', body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('vat_rate')
    expect((await admin.get(`/api/v1/products/${body.code}`)).statusCode).toBe(404)
  })

  it('refuses a barcode with a wrong check digit, saying which digit was expected, and writes nothing', async () => {
    const body = tshirt()
    const good = body.variants[1]!.ean
    const wrong = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`
    body.variants[1]!.ean = wrong
    const res = await admin.post('/api/v1/products', body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('variants/1/ean')
    expect(res.json().error.message).toContain('check digit')
    expect(res.json().error.message).toContain(`should be ${good[12]}`)
    expect((await admin.get(`/api/v1/products/${body.code}`)).statusCode).toBe(404)
    expect((await admin.get(`/api/v1/variants?sku=${body.variants[0]!.sku}`)).statusCode).toBe(404)
  })

  it('names a malformed SKU, a missing variant list and an unknown field', async () => {
    const badSku = tshirt()
    badSku.variants[0]!.sku = 'tee shirt/M'
    const sku = await admin.post('/api/v1/products', badSku)
    expect(sku.statusCode).toBe(400)
    expect(sku.json().error.details.field).toBe('body/variants/0/sku')
    const none = await admin.post('/api/v1/products', tshirt({ variants: [] }))
    expect(none.json().error.details.field).toBe('body/variants')
    const typo = await admin.post('/api/v1/products', tshirt({ vat: 20 }))
    expect(typo.json().error.details.field).toBe('body/vat')
    expect((await admin.get(`/api/v1/products/${badSku.code}`)).statusCode).toBe(404)
  })

  it('answers 409 naming a SKU another product already uses, and writes nothing', async () => {
    const first = tshirt()
    await created(first)
    const second = tshirt()
    second.variants[1]!.sku = first.variants[0]!.sku
    const res = await admin.post('/api/v1/products', second)
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({
      code: 'already_exists',
      details: { field: 'variants/1/sku', value: first.variants[0]!.sku },
    })
    expect(res.json().error.message).toContain(first.code)
    expect((await admin.get(`/api/v1/products/${second.code}`)).statusCode).toBe(404)
    expect((await admin.get(`/api/v1/variants?ean=${second.variants[0]!.ean}`)).statusCode).toBe(404)
  })

  it('answers 409 naming a barcode or a code already used', async () => {
    const first = tshirt()
    await created(first)
    const sameEan = tshirt()
    sameEan.variants[0]!.ean = first.variants[1]!.ean
    const ean = await admin.post('/api/v1/products', sameEan)
    expect(ean.statusCode).toBe(409)
    expect(ean.json().error.details).toMatchObject({ field: 'variants/0/ean', value: first.variants[1]!.ean })
    const code = await admin.post('/api/v1/products', tshirt({ code: first.code }))
    expect(code.statusCode).toBe(409)
    expect(code.json().error.details).toMatchObject({ field: 'code', value: first.code })
  })

  it('refuses an unknown price list or channel with 422 naming it, and writes nothing', async () => {
    const body = tshirt()
    body.variants[1]!.prices = { 'NO-SUCH-LIST': 100 } as never
    const list = await admin.post('/api/v1/products', body)
    expect(list.statusCode).toBe(422)
    expect(list.json().error).toMatchObject({
      code: 'unknown_price_list',
      details: { field: 'variants/1/prices/NO-SUCH-LIST' },
    })
    const other = tshirt({ channels: [web.code, 'NO-SUCH-CHANNEL'] })
    const channelRes = await admin.post('/api/v1/products', other)
    expect(channelRes.statusCode).toBe(422)
    expect(channelRes.json().error.details.field).toBe('channels/1')
    expect((await admin.get(`/api/v1/products/${body.code}`)).statusCode).toBe(404)
    expect((await admin.get(`/api/v1/products/${other.code}`)).statusCode).toBe(404)
  })

  it('creates one product when the same Idempotency-Key is sent twice', async () => {
    const body = tshirt()
    const headers = { 'idempotency-key': unique('idem-') }
    const first = await admin.post('/api/v1/products', body, headers)
    const second = await admin.post('/api/v1/products', body, headers)
    expect(second.statusCode).toBe(201)
    expect(second.json()).toEqual(first.json())
    const found = (await admin.get(`/api/v1/products?q=${body.code}`)).json()
    expect(found.data).toHaveLength(1)
  })
})

describe('changing a product', () => {
  it('adds a new size with its barcode and price, checked like at creation', async () => {
    const product = await created(tshirt())
    const xl = {
      sku: `${product.code}-XL`,
      ean: ean(),
      attributes: { taille: 'XL' },
      prices: { [web.price_list.code]: 2299 },
    }
    const res = await admin.post(`/api/v1/products/${product.code}/variants`, xl)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().variants.map((v: { sku: string }) => v.sku)).toContain(xl.sku)
    const wrong = await admin.post(`/api/v1/products/${product.code}/variants`, {
      sku: `${product.code}-XXL`,
      ean: '3017620422004',
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.details.field).toBe('ean')
    expect(wrong.json().error.message).toContain('should be 3')
    const taken = await admin.post(`/api/v1/products/${product.code}/variants`, { ...xl, ean: ean() })
    expect(taken.statusCode).toBe(409)
    expect((await admin.get(`/api/v1/products/${product.code}`)).json().variants).toHaveLength(3)
  })

  it('moves a product to the reduced 10 % rate and renames it', async () => {
    const product = await created(tshirt())
    const res = await admin.patch(`/api/v1/products/${product.id}`, { vat_rate: 10, name: 'Plat cuisiné' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ vat_rate: 10, name: 'Plat cuisiné' })
    const bad = await admin.patch(`/api/v1/products/${product.id}`, { vat_rate: 7 })
    expect(bad.statusCode).toBe(400)
    expect((await admin.get(`/api/v1/products/${product.id}`)).json().vat_rate).toBe(10)
  })
})
