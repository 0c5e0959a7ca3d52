import { expect } from 'vitest'
import { toEan13 } from '../catalog/index.ts'
import { as, type TestContext, unique } from './harness.ts'

type Json = Record<string, any>

const openEveryDay = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
)

/**
 * A small retailer of its own for one test file: two warehouses, an owned and a franchised store,
 * the six channels, and keys of every role. Codes carry a random prefix so files never collide.
 */
export async function retailFixture(t: TestContext) {
  const p = unique()
  const admin = as(t.app, t.admin)
  const created = async (url: string, body: Json) => {
    const res = await admin.post(url, body)
    expect(res.statusCode, `${url} ${res.body}`).toBe(201)
    return res.json() as Json
  }
  const location = (
    code: string,
    kind: string,
    modes: string[],
    lat: number,
    lon: number,
    ownership = 'owned',
  ) =>
    created('/api/v1/locations', {
      code: `${p}-${code}`,
      name: `${code} ${p}`,
      kind,
      ownership,
      city: code,
      lat,
      lon,
      opening_hours: openEveryDay,
      fulfilment_modes: modes,
      daily_prep_capacity: 50,
    })
  const warehouse = await location('WH-A', 'warehouse', ['delivery'], 47.9, 1.9)
  const warehouse2 = await location('WH-B', 'warehouse', ['delivery'], 45.7, 4.9)
  const store = await location('LYON', 'store', ['takeaway', 'pickup', 'reserve', 'delivery'], 45.76, 4.86)
  const franchise = await location(
    'NICE',
    'store',
    ['takeaway', 'pickup', 'reserve'],
    43.7,
    7.27,
    'franchised',
  )
  const modes = {
    store: ['takeaway', 'delivery', 'pickup', 'reserve'],
    web: ['delivery', 'pickup', 'reserve'],
    mobile: ['delivery', 'pickup', 'reserve'],
    call_centre: ['delivery', 'pickup', 'reserve'],
    catalogue: ['delivery'],
    partner: ['delivery'],
  } as const
  const channels: Record<keyof typeof modes, Json> = {} as never
  for (const [kind, m] of Object.entries(modes)) {
    channels[kind as keyof typeof modes] = await created('/api/v1/channels', {
      code: `${p}-${kind}`,
      name: `${kind} ${p}`,
      kind,
      fulfilment_modes: m,
      draft_hold_minutes: 30,
    })
  }
  const key = async (role: string, binding: Json) =>
    (await created('/api/v1/api-keys', { name: `${role} ${p}`, role, ...binding })).secret as string
  const keys = {
    admin: t.admin,
    store: await key('store_staff', { location_id: store.id }),
    franchise: await key('store_staff', { location_id: franchise.id }),
    web: await key('channel', { channel_id: channels.web.id }),
    callCentre: await key('call_centre', { channel_id: channels.call_centre.id }),
  }

  let n = 0
  /** A product sold in every channel at one price, with stock where asked. */
  async function product(
    opts: {
      priceCents?: number
      vatRate?: number
      stock?: Record<string, number>
      category?: string
      name?: string
      /** Grams per unit as shipped. */
      weightG?: number
    } = {},
  ) {
    n++
    const sku = `${p}-SKU${n}`
    const ean = toEan13(
      `${Math.floor(Math.random() * 1e9)}`.padStart(9, '0') + String(n % 1000).padStart(3, '0'),
    )
    const prices = Object.fromEntries(
      Object.values(channels).map((c) => [c.price_list.code, opts.priceCents ?? 1999]),
    )
    await created('/api/v1/products', {
      code: `${p}-P${n}`,
      name: opts.name ?? `Produit ${n}`,
      category: opts.category ?? 'kitchen',
      vat_rate: opts.vatRate ?? 20,
      variants: [{ sku, ean, prices, ...(opts.weightG ? { weight_g: opts.weightG } : {}) }],
      channels: Object.values(channels).map((c) => c.code),
    })
    for (const [locationId, quantity] of Object.entries(opts.stock ?? {})) {
      await created('/api/v1/inventory/receipts', { location_id: locationId, lines: [{ sku, quantity }] })
    }
    return sku
  }

  /**
   * Logs a customer in on the web shop: links a login to them and returns the header the web key
   * then sends to act for them (a web shop orders for its logged-in customer only).
   */
  async function webLogin(customerId: string): Promise<Record<string, string>> {
    const login = `web-${unique()}`
    const res = await admin.post(`/api/v1/customers/${customerId}/channel-accounts`, {
      channel_id: channels.web.id,
      login,
    })
    expect([200, 201], res.body).toContain(res.statusCode)
    return { 'x-customer-login': login }
  }
  return { prefix: p, webLogin, warehouse, warehouse2, store, franchise, channels, keys, product, admin }
}

export const address = {
  name: 'Camille Martin',
  line1: '12 rue de la République',
  postcode: '69002',
  city: 'Lyon',
  country: 'FR',
}
