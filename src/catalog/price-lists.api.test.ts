import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { toEan13 } from './ean.domain.ts'

let t: TestContext
let admin: ReturnType<typeof as>

beforeAll(async () => {
  t = await startTestApp()
  admin = as(t.app, t.admin)
})
afterAll(() => t.close())

async function priceList() {
  const code = unique('TARIF-')
  const res = await admin.post('/api/v1/price-lists', { code, name: `Tarif ${code}` })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; code: string }
}

/** A product with `n` sizes; returns their SKUs. */
async function skus(n: number): Promise<string[]> {
  const code = unique('P-')
  const variants = Array.from({ length: n }, (_, i) => ({
    sku: `${code}-${i}`,
    ean: toEan13(String(Math.floor(Math.random() * 1e12)).padStart(12, '0')),
    attributes: { taille: String(36 + i) },
  }))
  const res = await admin.post('/api/v1/products', {
    code,
    name: 'Chemise',
    category: 'mode',
    vat_rate: 20,
    variants,
  })
  expect(res.statusCode, res.body).toBe(201)
  return variants.map((v) => v.sku)
}

describe('price lists', () => {
  it('sets a whole tariff in one call and reads it back by SKU', async () => {
    const list = await priceList()
    const [a, b, c] = await skus(3)
    const set = await admin.put(`/api/v1/price-lists/${list.code}/prices`, {
      prices: [
        { sku: a, amount_cents: 1999 },
        { sku: b, amount_cents: 2499 },
        { sku: c, amount_cents: 0 },
      ],
    })
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json()).toEqual({ updated: 3 })
    const changed = await admin.put(`/api/v1/price-lists/${list.id}/prices`, {
      prices: [{ sku: a, amount_cents: 1799 }],
    })
    expect(changed.json()).toEqual({ updated: 1 })
    const one = (await admin.get(`/api/v1/price-lists/${list.code}/prices?sku=${a}`)).json()
    expect(one.data).toMatchObject([{ sku: a, amount_cents: 1799 }])
    const two = (await admin.get(`/api/v1/price-lists/${list.code}/prices?sku=${b}&sku=${c}`)).json()
    expect(two.data.map((p: { amount_cents: number }) => p.amount_cents)).toEqual([2499, 0])
  })

  it('shows the new price on the product in every channel using the list', async () => {
    const list = await priceList()
    const [sku] = await skus(1)
    await admin.put(`/api/v1/price-lists/${list.code}/prices`, { prices: [{ sku, amount_cents: 4590 }] })
    const scanned = (await admin.get(`/api/v1/variants?sku=${sku}`)).json()
    expect(scanned.prices).toEqual([{ price_list: list.code, amount_cents: 4590 }])
  })

  it('refuses the whole tariff when one SKU is unknown, naming it, and changes no price', async () => {
    const list = await priceList()
    const [a] = await skus(1)
    await admin.put(`/api/v1/price-lists/${list.code}/prices`, { prices: [{ sku: a, amount_cents: 1000 }] })
    const res = await admin.put(`/api/v1/price-lists/${list.code}/prices`, {
      prices: [
        { sku: a, amount_cents: 1200 },
        { sku: 'NO-SUCH-SKU', amount_cents: 500 },
      ],
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'unknown_sku', details: { field: 'prices/1/sku' } })
    const after = (await admin.get(`/api/v1/price-lists/${list.code}/prices`)).json()
    expect(after.data).toMatchObject([{ sku: a, amount_cents: 1000 }])
  })

  it('names a negative price, a SKU priced twice and a tariff of more than 5000 lines', async () => {
    const list = await priceList()
    const [a] = await skus(1)
    const url = `/api/v1/price-lists/${list.code}/prices`
    const negative = await admin.put(url, { prices: [{ sku: a, amount_cents: -1 }] })
    expect(negative.statusCode).toBe(400)
    expect(negative.json().error.details.field).toBe('body/prices/0/amount_cents')
    const twice = await admin.put(url, {
      prices: [
        { sku: a, amount_cents: 1 },
        { sku: a, amount_cents: 2 },
      ],
    })
    expect(twice.statusCode).toBe(400)
    expect(twice.json().error.details.field).toBe('prices/1/sku')
    const huge = await admin.put(url, {
      prices: Array.from({ length: 5001 }, (_, i) => ({ sku: `S${i}`, amount_cents: 1 })),
    })
    expect(huge.statusCode).toBe(400)
    expect(huge.json().error.details.field).toBe('body/prices')
    expect((await admin.get(url)).json().data).toEqual([])
  })

  it('pages through the prices of a list by SKU', async () => {
    const list = await priceList()
    const all = await skus(5)
    await admin.put(`/api/v1/price-lists/${list.code}/prices`, {
      prices: all.map((sku, i) => ({ sku, amount_cents: 100 * (i + 1) })),
    })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { data: Array<{ sku: string }>; next_cursor: string | null } = (
        await admin.get(
          `/api/v1/price-lists/${list.code}/prices?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).json()
      seen.push(...page.data.map((p) => p.sku))
      cursor = page.next_cursor
    } while (cursor)
    expect(seen).toEqual([...all].sort())
  })

  it('answers 409 for a second price list with the same code, and lists price lists page by page', async () => {
    const list = await priceList()
    const again = await admin.post('/api/v1/price-lists', { code: list.code, name: 'Autre' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('already_exists')
    await priceList()
    await priceList()
    const first = (await admin.get('/api/v1/price-lists?limit=2')).json()
    expect(first.data).toHaveLength(2)
    const second = (await admin.get(`/api/v1/price-lists?limit=2&cursor=${first.next_cursor}`)).json()
    expect(second.data[0].id > first.data[1].id).toBe(true)
  })

  it('creates one price list when the same Idempotency-Key is sent twice', async () => {
    const body = { code: unique('TARIF-'), name: 'Tarif été' }
    const headers = { 'idempotency-key': unique('idem-') }
    const first = await admin.post('/api/v1/price-lists', body, headers)
    const second = await admin.post('/api/v1/price-lists', body, headers)
    expect(second.json().id).toBe(first.json().id)
  })

  it('lets a channel key read prices but not change them', async () => {
    const list = await priceList()
    const channel = await admin.post('/api/v1/channels', {
      code: unique('WEB-'),
      name: 'Web',
      kind: 'web',
      fulfilment_modes: ['delivery'],
    })
    const key = await admin.post('/api/v1/api-keys', {
      name: 'web',
      role: 'channel',
      channel_id: channel.json().id,
    })
    const web = as(t.app, key.json().secret)
    expect((await web.get(`/api/v1/price-lists/${list.code}/prices`)).statusCode).toBe(200)
    expect((await web.get('/api/v1/price-lists')).statusCode).toBe(200)
    const [sku] = await skus(1)
    const put = await web.put(`/api/v1/price-lists/${list.code}/prices`, {
      prices: [{ sku, amount_cents: 1 }],
    })
    expect(put.statusCode).toBe(403)
    expect((await web.post('/api/v1/price-lists', { code: unique('X-'), name: 'x' })).statusCode).toBe(403)
  })
})
