import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const level = async (sku: string, locationId: string) =>
  (await as(t.app, t.admin).get(`/api/v1/inventory/${sku}`))
    .json()
    .levels.find((l: { location_id: string }) => l.location_id === locationId)

describe('stock at each location', () => {
  it('a receipt, a breakage and a stock count each leave a movement that explains on hand', async () => {
    const sku = await f.product()
    const store = as(t.app, f.keys.store)
    const received = await store.post('/api/v1/inventory/receipts', {
      location_id: f.store.id,
      lines: [{ sku, quantity: 12 }],
      reference: 'BL-2026-001',
    })
    expect(received.statusCode, received.body).toBe(201)
    expect(received.json().levels[0]).toMatchObject({ sku, on_hand: 12, available: 12 })
    const broken = await store.post('/api/v1/inventory/adjustments', {
      location_id: f.store.id,
      sku,
      delta: -2,
      reason: 'casse en réserve',
    })
    expect(broken.json()).toMatchObject({ on_hand: 10 })
    const counted = await store.post('/api/v1/inventory/adjustments', {
      location_id: f.store.id,
      sku,
      counted_quantity: 7,
      reason: 'inventaire tournant',
    })
    expect(counted.json()).toMatchObject({ on_hand: 7 })
    const ledger = (await store.get(`/api/v1/inventory/${sku}/movements?location_id=${f.store.id}`)).json()
      .data
    expect(ledger.map((m: { kind: string; on_hand_delta: number }) => [m.kind, m.on_hand_delta])).toEqual([
      ['count', -3],
      ['adjustment', -2],
      ['receipt', 12],
    ])
    expect(ledger[2].reference).toBe('BL-2026-001')
  })

  it('an adjustment that would make stock negative is refused and changes nothing', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 1 } })
    const res = await as(t.app, t.admin).post('/api/v1/inventory/adjustments', {
      location_id: f.store.id,
      sku,
      delta: -2,
      reason: 'vol',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('stock_would_be_negative')
    expect(await level(sku, f.store.id)).toMatchObject({ on_hand: 1 })
  })

  it('a transfer moves available units from the warehouse to a store, and refuses what is not available', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 5 } })
    const ok = await as(t.app, t.admin).post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 3 }],
    })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(await level(sku, f.warehouse.id)).toMatchObject({ on_hand: 2 })
    expect(await level(sku, f.store.id)).toMatchObject({ on_hand: 3 })
    const tooMuch = await as(t.app, t.admin).post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 3 }],
    })
    // The status every shortage of stock answers, a transfer's as an order's (docs/errors.md).
    expect(tooMuch.statusCode).toBe(409)
    expect(tooMuch.json().error).toMatchObject({ code: 'insufficient_stock', details: { skus: [sku] } })
    expect(await level(sku, f.warehouse.id)).toMatchObject({ on_hand: 2 })
  })

  it('the movement ledger pages from newest to oldest', async () => {
    const sku = await f.product()
    for (let i = 1; i <= 5; i++) {
      await as(t.app, t.admin).post('/api/v1/inventory/receipts', {
        location_id: f.store.id,
        lines: [{ sku, quantity: i }],
      })
    }
    const first = (await as(t.app, t.admin).get(`/api/v1/inventory/${sku}/movements?limit=2`)).json()
    expect(first.data.map((m: { on_hand_delta: number }) => m.on_hand_delta)).toEqual([5, 4])
    const second = (
      await as(t.app, t.admin).get(`/api/v1/inventory/${sku}/movements?limit=2&cursor=${first.next_cursor}`)
    ).json()
    expect(second.data.map((m: { on_hand_delta: number }) => m.on_hand_delta)).toEqual([3, 2])
  })
})

describe('availability to promise per channel', () => {
  it('a web shopper sees what the warehouses can deliver and which stores near them have it', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 8, [f.store.id]: 3, [f.franchise.id]: 2 } })
    await as(t.app, t.admin).put('/api/v1/inventory/safety-stock', {
      location_id: f.store.id,
      sku,
      safety_stock: 1,
    })
    // A shopper in Marseille: Nice (≈160 km) is nearer than Lyon (≈280 km).
    const res = await as(t.app, f.keys.web).get(
      `/api/v1/availability?channel=${f.channels.web.code}&skus=${sku},NOPE&lat=43.30&lon=5.37`,
    )
    expect(res.statusCode, res.body).toBe(200)
    const [item, unknown] = res.json().items
    expect(item).toMatchObject({
      sku,
      known: true,
      listed: true,
      available: 12,
      delivery_available: 8,
      location_count: 3,
    })
    expect(item.locations.map((l: { location_id: string }) => l.location_id)).toEqual([
      f.franchise.id,
      f.store.id,
      f.warehouse.id,
    ])
    expect(item.locations[1]).toMatchObject({ available: 2, modes: ['pickup', 'reserve'] })
    expect(item.locations[0].distance_km).toBeGreaterThan(100)
    expect(unknown).toMatchObject({ sku: 'NOPE', known: false, available: 0 })
  })

  it('a store channel sees the stock of one store when asked, and a channel key may not look at another channel', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 8, [f.store.id]: 3 } })
    const res = await as(t.app, f.keys.store).get(
      `/api/v1/availability?channel=${f.channels.store.code}&skus=${sku}&location=${f.store.id}`,
    )
    expect(res.json().items[0]).toMatchObject({ available: 3 })
    const other = await as(t.app, f.keys.web).get(
      `/api/v1/availability?channel=${f.channels.store.code}&skus=${sku}`,
    )
    expect(other.statusCode).toBe(403)
  })

  it('a shop sees the channel total and the five stores nearest the shopper, and every store when it asks', async () => {
    // Seven stores along the Rhône and the coast, each holding 2 units; the shopper is in Valence.
    const towns: Array<[string, number, number]> = [
      ['LYON-2', 45.75, 4.83],
      ['VIENNE', 45.52, 4.87],
      ['VALENCE', 44.93, 4.89],
      ['AVIGNON', 43.95, 4.81],
      ['ARLES', 43.68, 4.63],
      ['MARSEILLE', 43.3, 5.37],
      ['TOULON', 43.12, 5.93],
    ]
    const stores: Array<{ id: string; code: string }> = []
    for (const [town, lat, lon] of towns) {
      const res = await as(t.app, t.admin).post('/api/v1/locations', {
        code: `${f.store.code}-${town}`,
        name: `Magasin ${town}`,
        kind: 'store',
        city: town,
        lat,
        lon,
        opening_hours: Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['09:00', '19:00']]]),
        ),
        fulfilment_modes: ['takeaway', 'pickup', 'reserve'],
      })
      expect(res.statusCode, res.body).toBe(201)
      stores.push(res.json())
    }
    const sku = await f.product({ stock: Object.fromEntries(stores.map((s) => [s.id, 2])) })
    const web = as(t.app, f.keys.web)
    const ask = async (extra: string) => {
      const res = await web.get(`/api/v1/availability?channel=${f.channels.web.code}&skus=${sku}${extra}`)
      expect(res.statusCode, res.body).toBe(200)
      return res.json().items[0] as {
        available: number
        location_count: number
        locations: Array<{ code: string }>
      }
    }
    const codes = (item: { locations: Array<{ code: string }> }) =>
      item.locations.map((l) => l.code.slice(f.store.code.length + 1))

    const nearValence = await ask('&lat=44.93&lon=4.89')
    expect(nearValence).toMatchObject({ available: 14, location_count: 7 })
    expect(codes(nearValence)).toEqual(['VALENCE', 'VIENNE', 'LYON-2', 'AVIGNON', 'ARLES'])

    const all = await ask('&lat=44.93&lon=4.89&locations=all')
    expect(all).toMatchObject({ available: 14, location_count: 7 })
    expect(codes(all)).toEqual(['VALENCE', 'VIENNE', 'LYON-2', 'AVIGNON', 'ARLES', 'MARSEILLE', 'TOULON'])

    // From a postcode (Toulon's), from a store named by its code, and as many as asked.
    expect(codes(await ask('&postcode=83000&max_locations=2'))).toEqual(['TOULON', 'MARSEILLE'])
    expect(codes(await ask(`&near=${stores[0]!.code}&max_locations=3`))).toEqual([
      'LYON-2',
      'VIENNE',
      'VALENCE',
    ])
    // No origin: five of the seven, the total still over all of them.
    expect(await ask('')).toMatchObject({ available: 14, location_count: 7 })
    expect((await ask('')).locations).toHaveLength(5)

    const unknownPostcode = await web.get(
      `/api/v1/availability?channel=${f.channels.web.code}&skus=${sku}&postcode=00000`,
    )
    expect(unknownPostcode.statusCode).toBe(400)
    expect(unknownPostcode.json().error.details.field).toBe('querystring/postcode')
  })

  it('bad availability queries name the parameter', async () => {
    const noSkus = await as(t.app, f.keys.web).get(
      `/api/v1/availability?channel=${f.channels.web.code}&skus=,`,
    )
    expect(noSkus.statusCode).toBe(400)
    expect(noSkus.json().error.details.field).toBe('querystring/skus')
    const halfPosition = await as(t.app, f.keys.web).get(
      `/api/v1/availability?channel=${f.channels.web.code}&skus=A&lat=45`,
    )
    expect(halfPosition.json().error.details.field).toBe('querystring/lon')
    const badLat = await as(t.app, f.keys.web).get(
      `/api/v1/availability?channel=${f.channels.web.code}&skus=A&lat=200&lon=1`,
    )
    expect(badLat.json().error.details.field).toBe('querystring/lat')
  })
})
