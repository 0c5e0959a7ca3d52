import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toEan13 } from '../catalog/index.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

let t: TestContext
let admin: ReturnType<typeof as>

beforeAll(async () => {
  t = await startTestApp()
  admin = as(t.app, t.admin)
})
afterAll(() => t.close())

const webChannel = (code = unique('WEB-')) => ({
  code,
  name: `Site web ${code}`,
  kind: 'web',
  fulfilment_modes: ['delivery', 'pickup', 'reserve'],
})

async function keyFor(role: string, binding: Record<string, string>) {
  const res = await admin.post('/api/v1/api-keys', { name: `${role} ${unique()}`, role, ...binding })
  expect(res.statusCode, res.body).toBe(201)
  return as(t.app, res.json().secret)
}

async function storeLocation() {
  const res = await admin.post('/api/v1/locations', {
    code: unique('STORE-'),
    name: 'Magasin de Lyon',
    kind: 'store',
    city: 'Lyon',
    lat: 45.76,
    lon: 4.84,
    fulfilment_modes: ['takeaway', 'pickup'],
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}

describe('opening a channel', () => {
  it('gives a web channel its own price list, with EUR and a 30-minute draft hold by default', async () => {
    const body = webChannel()
    const created = await admin.post('/api/v1/channels', body)
    expect(created.statusCode, created.body).toBe(201)
    const channel = created.json()
    expect(channel).toMatchObject({
      code: body.code,
      kind: 'web',
      currency: 'EUR',
      price_list: { code: body.code },
      fulfilment_modes: ['delivery', 'pickup', 'reserve'],
      draft_hold_minutes: 30,
    })
    expect(channel.id).toMatch(/^chn_/)
    expect(channel.price_list.id).toMatch(/^prl_/)
    const byCode = await admin.get(`/api/v1/channels/${body.code}`)
    expect(byCode.json()).toEqual(channel)
    const byId = await admin.get(`/api/v1/channels/${channel.id}`)
    expect(byId.json()).toEqual(channel)
  })

  it('lets several channels share one existing price list', async () => {
    const code = unique('TARIF-')
    const list = await admin.post('/api/v1/price-lists', { code, name: 'Tarif national' })
    expect(list.statusCode).toBe(201)
    const web = await admin.post('/api/v1/channels', { ...webChannel(), price_list_code: code })
    const mobile = await admin.post('/api/v1/channels', {
      ...webChannel(),
      kind: 'mobile',
      price_list_code: code,
    })
    expect(web.json().price_list).toEqual({ id: list.json().id, code })
    expect(mobile.json().price_list).toEqual({ id: list.json().id, code })
  })

  it('refuses a price list kept in another currency than the channel', async () => {
    const code = unique('CHF-')
    await admin.post('/api/v1/price-lists', { code, name: 'Tarif suisse', currency: 'CHF' })
    const body = { ...webChannel(), price_list_code: code }
    const res = await admin.post('/api/v1/channels', body)
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({
      code: 'currency_mismatch',
      details: { field: 'price_list_code' },
    })
    expect((await admin.get(`/api/v1/channels/${body.code}`)).statusCode).toBe(404)
  })

  it('refuses takeaway outside a store channel and creates neither channel nor price list', async () => {
    const body = { ...webChannel(), fulfilment_modes: ['takeaway', 'delivery'] }
    const res = await admin.post('/api/v1/channels', body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('fulfilment_modes')
    expect(res.json().error.message).toContain('store')
    expect((await admin.get(`/api/v1/channels/${body.code}`)).statusCode).toBe(404)
    expect((await admin.get(`/api/v1/price-lists/${body.code}/prices`)).statusCode).toBe(404)
  })

  it('names the field of a malformed channel: no modes, a lower-case currency, an unknown field', async () => {
    const noModes = await admin.post('/api/v1/channels', { ...webChannel(), fulfilment_modes: [] })
    expect(noModes.statusCode).toBe(400)
    expect(noModes.json().error.details.field).toBe('body/fulfilment_modes')
    const currency = await admin.post('/api/v1/channels', { ...webChannel(), currency: 'eur' })
    expect(currency.json().error.details.field).toBe('body/currency')
    const hold = await admin.post('/api/v1/channels', { ...webChannel(), draft_hold_minutes: 0 })
    expect(hold.json().error.details.field).toBe('body/draft_hold_minutes')
    const typo = await admin.post('/api/v1/channels', { ...webChannel(), mode: 'x' })
    expect(typo.json().error.details.field).toBe('body/mode')
  })

  it('answers 409 already_exists for a second channel with the same code', async () => {
    const body = webChannel()
    expect((await admin.post('/api/v1/channels', body)).statusCode).toBe(201)
    const again = await admin.post('/api/v1/channels', { ...body, name: 'Autre' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({ code: 'already_exists', details: { value: body.code } })
    expect((await admin.get(`/api/v1/channels/${body.code}`)).json().name).toBe(body.name)
  })

  it('opens one channel when the same Idempotency-Key is sent twice', async () => {
    const body = webChannel()
    const headers = { 'idempotency-key': unique('idem-') }
    const first = await admin.post('/api/v1/channels', body, headers)
    const second = await admin.post('/api/v1/channels', body, headers)
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(201)
    expect(second.json().id).toBe(first.json().id)
    expect(second.headers['idempotent-replayed']).toBe('true')
  })
})

describe('reading and changing channels', () => {
  it('pages through every channel with a cursor, in id order, without repeats', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await admin.post('/api/v1/channels', webChannel())).json().id)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await admin.get(`/api/v1/channels?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.statusCode).toBe(200)
      const page = res.json()
      expect(page.data.length).toBeLessThanOrEqual(2)
      seen.push(...page.data.map((c: { id: string }) => c.id))
      cursor = page.next_cursor
      pages++
    } while (cursor)
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual([...seen].sort())
    for (const id of ids) expect(seen).toContain(id)
  })

  it('renames a channel and changes how long its drafts hold stock, but keeps takeaway to stores', async () => {
    const body = webChannel()
    await admin.post('/api/v1/channels', body)
    const changed = await admin.patch(`/api/v1/channels/${body.code}`, {
      name: 'Boutique en ligne',
      draft_hold_minutes: 45,
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ name: 'Boutique en ligne', draft_hold_minutes: 45 })
    const takeaway = await admin.patch(`/api/v1/channels/${body.code}`, { fulfilment_modes: ['takeaway'] })
    expect(takeaway.statusCode).toBe(400)
    expect(takeaway.json().error.details.field).toBe('fulfilment_modes')
    expect((await admin.get(`/api/v1/channels/${body.code}`)).json().fulfilment_modes).toEqual(
      body.fulfilment_modes,
    )
  })

  it('answers 404 channel_not_found for an unknown channel', async () => {
    const res = await admin.get('/api/v1/channels/NOPE-404')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('channel_not_found')
  })

  it('lets store staff and channel keys read channels but not open or change them', async () => {
    const body = webChannel()
    const channel = (await admin.post('/api/v1/channels', body)).json()
    const staff = await keyFor('store_staff', { location_id: await storeLocation() })
    const web = await keyFor('channel', { channel_id: channel.id })
    for (const key of [staff, web]) {
      expect((await key.get('/api/v1/channels')).statusCode).toBe(200)
      expect((await key.get(`/api/v1/channels/${body.code}`)).statusCode).toBe(200)
      const opened = await key.post('/api/v1/channels', webChannel())
      expect(opened.statusCode).toBe(403)
      expect((await key.patch(`/api/v1/channels/${body.code}`, { name: 'x' })).statusCode).toBe(403)
      expect((await key.put(`/api/v1/channels/${body.code}/assortment`, { add: [] })).statusCode).toBe(403)
    }
    expect((await admin.get(`/api/v1/channels/${body.code}`)).json().name).toBe(body.name)
  })
})

describe('assortment', () => {
  async function product() {
    const code = unique('P-')
    const ean = toEan13(String(Math.floor(Math.random() * 1e12)).padStart(12, '0'))
    const res = await admin.post('/api/v1/products', {
      code,
      name: `Produit ${code}`,
      category: 'maison',
      vat_rate: 20,
      variants: [{ sku: `${code}-U`, ean }],
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as { id: string; code: string }
  }

  it('lists products in a channel by code or id and delists them', async () => {
    const channel = webChannel()
    await admin.post('/api/v1/channels', channel)
    const [a, b, c] = [await product(), await product(), await product()]
    const listed = await admin.put(`/api/v1/channels/${channel.code}/assortment`, {
      add: [a!.code, b!.id, c!.code],
    })
    expect(listed.statusCode, listed.body).toBe(200)
    expect(listed.json().listed_count).toBe(3)
    const delisted = await admin.put(`/api/v1/channels/${channel.code}/assortment`, { remove: [b!.code] })
    expect(delisted.json().listed_count).toBe(2)
    const read = (await admin.get(`/api/v1/channels/${channel.code}/assortment`)).json()
    expect(read.data).toEqual(
      [a!, c!]
        .sort((x, y) => x.id.localeCompare(y.id))
        .map((p) => ({ product_id: p.id, product_code: p.code })),
    )
    expect((await admin.get(`/api/v1/products/${a!.code}`)).json().channels).toEqual([channel.code])
  })

  it('refuses an assortment change naming the unknown product, and changes nothing', async () => {
    const channel = webChannel()
    await admin.post('/api/v1/channels', channel)
    const known = await product()
    const res = await admin.put(`/api/v1/channels/${channel.code}/assortment`, {
      add: [known.code, known.id, known.code, 'NO-SUCH-PRODUCT'],
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'unknown_product', details: { field: 'add/3' } })
    expect((await admin.get(`/api/v1/channels/${channel.code}/assortment`)).json().data).toEqual([])
  })

  it('pages through a large assortment with a cursor', async () => {
    const channel = webChannel()
    await admin.post('/api/v1/channels', channel)
    const products = [await product(), await product(), await product(), await product(), await product()]
    await admin.put(`/api/v1/channels/${channel.code}/assortment`, { add: products.map((p) => p.code) })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { data: Array<{ product_id: string }>; next_cursor: string | null } = (
        await admin.get(
          `/api/v1/channels/${channel.code}/assortment?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json()
      seen.push(...page.data.map((p) => p.product_id))
      cursor = page.next_cursor
    } while (cursor)
    expect(seen).toEqual(products.map((p) => p.id).sort())
  })

  it('lets a channel key read its own assortment only', async () => {
    const mine = (await admin.post('/api/v1/channels', webChannel())).json()
    const other = (await admin.post('/api/v1/channels', webChannel())).json()
    const key = await keyFor('channel', { channel_id: mine.id })
    expect((await key.get(`/api/v1/channels/${mine.code}/assortment`)).statusCode).toBe(200)
    expect((await key.get(`/api/v1/channels/${other.code}/assortment`)).statusCode).toBe(403)
  })
})
