import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordedEvents } from '../events/events.fixture.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import {
  carrierFixture,
  serviceBody as fixtureServiceBody,
  type TestService,
  testBands,
} from '../testing/shipping.fixture.ts'
import { carrierSignature } from './index.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

let home: TestService
let relay: TestService
let express: TestService
beforeAll(async () => {
  ;({ home, relay, express } = await carrierFixture(t, f))
})

const serviceBody = (code: string, kind: 'home' | 'relay' | 'express', prefix: string, extra = {}) =>
  fixtureServiceBody(f.prefix, code, kind, prefix, extra)
const bands = testBands

/** A web order of `quantity` units delivered to Lyon 2e, shipped from the first warehouse. */
async function webDelivery(quantity = 2) {
  const sku = await f.product({ stock: { [f.warehouse.id]: 10 } })
  const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
    channel: f.channels.web.code,
    lines: [{ sku, quantity, fulfilment: 'delivery' }],
    delivery_address: address,
    payments: [{ method: 'card', amount_cents: 1999 * quantity }],
  })
  expect(res.statusCode, res.body).toBe(201)
  const order = res.json()
  return { order, sku, task: order.tasks[0] as { id: string; location_id: string } }
}

const box = { weight_g: 1200, length_mm: 300, width_mm: 200, height_mm: 150 }

describe('carrier rate tables', () => {
  it('a rate table with a weight gap, a zone without bands or bands past the maximum is refused when saved', async () => {
    const gap = serviceBody('GAP', 'home', 'GP', {
      rates: bands('cost_cents', [450, 690, 1290], [900, 1290, 2290]).filter(
        (b) => !(b.zone === 'FR-M' && b.above_g === 1000),
      ),
    })
    const weight = await as(t.app, t.admin).post('/api/v1/carrier-services', gap)
    expect(weight.statusCode).toBe(400)
    expect(weight.json().error).toMatchObject({
      code: 'invalid_input',
      details: { field: 'rates', zone: 'FR-M', gap: { above_g: 1000, up_to_g: 5000 } },
    })
    const noCorsica = serviceBody('NOZONE', 'home', 'NZ', {
      rates: bands('cost_cents', [450, 690, 1290], [900, 1290, 2290]).filter((b) => b.zone === 'FR-M'),
    })
    const zone = await as(t.app, t.admin).post('/api/v1/carrier-services', noCorsica)
    expect(zone.statusCode).toBe(400)
    expect(zone.json().error.message).toContain('zone FR-20 has no band')
    const short = await as(t.app, t.admin).post(
      '/api/v1/carrier-services',
      serviceBody('SHORT', 'home', 'SH', { max_weight_g: 40000 }),
    )
    expect(short.json().error.details).toMatchObject({
      zone: 'FR-M',
      gap: { above_g: 30000, up_to_g: 40000 },
    })
    const list = (await as(t.app, t.admin).get('/api/v1/carrier-services')).json()
    expect(list.data.map((s: { code: string }) => s.code)).not.toContain(`${f.prefix}-GAP`)
  })

  it('a channel’s fee table with a gap is refused, and its fees stay as they were', async () => {
    const res = await as(t.app, t.admin).put(
      `/api/v1/channels/${f.channels.web.code}/delivery-fees/${home.code}`,
      {
        bands: [{ zone: 'FR-M', above_g: 0, up_to_g: 30000, fee_cents: 100 }],
        free_from_cents: null,
        vat_rate_bp: 2000,
      },
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details).toMatchObject({ field: 'bands', zone: 'FR-20' })
    const fees = (
      await as(t.app, t.admin).get(`/api/v1/channels/${f.channels.web.code}/delivery-fees`)
    ).json()
    const mine = fees.data.find((x: { service_code: string }) => x.service_code === home.code)
    expect(mine.bands).toHaveLength(6)
  })
})

describe('delivery options quoted to the web shop', () => {
  it('quotes each service with its fee and VAT, cheapest first, with hand-over and delivery days', async () => {
    const res = await as(t.app, f.keys.web).get(
      '/api/v1/delivery-options?postcode=69002&weight_g=1200&basket_cents=3000&ready_at=2026-03-04T10:00:00Z',
    )
    expect(res.statusCode, res.body).toBe(200)
    const options = res
      .json()
      .data.filter((o: { service_code: string }) => o.service_code.startsWith(f.prefix))
    expect(options).toEqual([
      expect.objectContaining({ service_code: home.code, fee_cents: 690, vat_cents: 115, zone: 'FR-M' }),
      expect.objectContaining({ service_code: relay.code, fee_cents: 690, relay_point_required: true }),
      expect.objectContaining({ service_code: express.code, fee_cents: 1290, free_reason: null }),
    ])
    // Wednesday 11:00 in Paris, before the 15:00 cut-off: handed over that day, two working days.
    expect(options[0]).toMatchObject({ handover_date: '2026-03-04', delivery_date: '2026-03-06' })
    expect(options[2]).toMatchObject({ delivery_date: '2026-03-05' })
    // Friday at 16:00: after the cut-off, handed over on Monday, delivered on Wednesday.
    const late = await as(t.app, f.keys.web).get(
      '/api/v1/delivery-options?postcode=69002&weight_g=1200&basket_cents=3000&ready_at=2026-03-06T15:00:00Z',
    )
    const first = late.json().data.find((o: { service_code: string }) => o.service_code === home.code)
    expect(first).toMatchObject({ handover_date: '2026-03-09', delivery_date: '2026-03-11' })
  })

  it('waives the fee above the basket threshold or with a promotion code, and prices Corsica as its zone', async () => {
    const q = (query: string) =>
      as(t.app, f.keys.web)
        .get(`/api/v1/delivery-options?${query}`)
        .then((r) => r.json().data as Array<Record<string, unknown>>)
    const rich = (await q('postcode=69002&weight_g=1200&basket_cents=6000')).find(
      (o) => o.service_code === home.code,
    )
    expect(rich).toMatchObject({
      fee_cents: 0,
      vat_cents: 0,
      list_fee_cents: 690,
      free_reason: 'basket_threshold',
    })
    const coded = (
      await q('postcode=69002&weight_g=500&basket_cents=100&promotion_codes=livraisonofferte')
    ).find((o) => o.service_code === express.code)
    expect(coded).toMatchObject({ fee_cents: 0, free_reason: 'promotion', list_fee_cents: 990 })
    const ajaccio = (await q('postcode=20000&weight_g=500&basket_cents=100')).find(
      (o) => o.service_code === home.code,
    )
    expect(ajaccio).toMatchObject({ zone: 'FR-20', fee_cents: 990 })
    expect(
      (await q('postcode=69002&weight_g=31000&basket_cents=100')).filter((o) =>
        String(o.service_code).startsWith(f.prefix),
      ),
    ).toEqual([])
  })

  it('a channel key quotes its own channel only; bad input names its field', async () => {
    const other = await as(t.app, f.keys.web).get(
      `/api/v1/delivery-options?channel=${f.channels.catalogue.code}&postcode=69002&weight_g=1&basket_cents=1`,
    )
    expect(other.statusCode).toBe(403)
    const bad = await as(t.app, f.keys.web).get(
      '/api/v1/delivery-options?postcode=6900&weight_g=1&basket_cents=1',
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('postcode')
  })
})

describe('relay points', () => {
  it('lists the points nearest a postcode first, with their distance', async () => {
    const res = await as(t.app, f.keys.web).get(
      `/api/v1/relay-points?service=${relay.code}&postcode=69002&limit=3`,
    )
    expect(res.statusCode, res.body).toBe(200)
    const codes = res.json().data.map((p: { code: string }) => p.code)
    expect(codes.slice(0, 2).sort()).toEqual(['R001', 'R002'])
    expect(codes).toContain('R003')
    expect(codes).not.toContain('R004')
    const marseille = await as(t.app, f.keys.web).get(
      `/api/v1/relay-points?service=${relay.code}&postcode=13001`,
    )
    expect(marseille.json().data[0]).toMatchObject({ code: 'R004', city: 'Marseille' })
  })
})

describe('parcels', () => {
  it('a parcel packed, labelled and shipped ships its task; the shipped event names carrier and tracking', async () => {
    const { order, task } = await webDelivery(2)
    const packed = await as(t.app, t.admin).post('/api/v1/parcels', {
      task_id: task.id,
      service: home.code,
      lines: [{ order_line_id: order.lines[0].id, quantity: 2 }],
      ...box,
    })
    expect(packed.statusCode, packed.body).toBe(201)
    const parcel = packed.json()
    expect(parcel).toMatchObject({ status: 'packed', zone: 'FR-M', cost_cents: 690, direction: 'outbound' })
    expect(parcel.tracking_number).toMatch(/^CN[0-9]{9}FR$/)
    const taskNow = (await as(t.app, t.admin).get(`/api/v1/fulfilment/tasks/${task.id}`)).json()
    expect(taskNow.status).toBe('packed')

    const label = await as(t.app, t.admin).get(`/api/v1/parcels/${parcel.id}/label`)
    expect(label.statusCode).toBe(200)
    expect(label.headers['content-type']).toBe('application/pdf')
    const pdf = await PDFDocument.load(label.rawPayload)
    expect(pdf.getPageCount()).toBe(1)
    expect(pdf.getTitle()).toBe(`Label ${parcel.tracking_number}`)

    const shipped = await as(t.app, t.admin).post(`/api/v1/parcels/${parcel.tracking_number}/ship`)
    expect(shipped.statusCode, shipped.body).toBe(200)
    expect(shipped.json().status).toBe('shipped')
    expect((await as(t.app, t.admin).get(`/api/v1/fulfilment/tasks/${task.id}`)).json().status).toBe(
      'shipped',
    )
    const again = await as(t.app, t.admin).post(`/api/v1/parcels/${parcel.id}/ship`)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('parcel_already_shipped')

    const events = await recordedEvents(t.database.db, order.id)
    const fulfilled = events.find((e) => e.type === 'order.line_fulfilled')
    expect(fulfilled?.payload).toMatchObject({
      carrier: 'Colis national',
      tracking_numbers: [parcel.tracking_number],
    })
    const own = await recordedEvents(t.database.db, parcel.id)
    expect(own.map((e) => e.type)).toEqual(['parcel.labelled', 'parcel.shipped'])

    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
    const manifest = await as(t.app, t.admin).get(
      `/api/v1/manifests?location=${f.warehouse.code}&date=${day}`,
    )
    expect(manifest.statusCode, manifest.body).toBe(200)
    expect(manifest.headers['content-type']).toContain('text/csv')
    const [header, ...rows] = manifest.body.trim().split('\n')
    expect(header).toContain('tracking_number')
    expect(rows.some((r) => r.includes(parcel.tracking_number) && r.includes('69002'))).toBe(true)
  })

  it('two parcels share a task: it ships with the second, naming both tracking numbers', async () => {
    const { order, task } = await webDelivery(2)
    const line = order.lines[0].id
    const first = (
      await as(t.app, t.admin).post('/api/v1/parcels', {
        task_id: task.id,
        service: express.code,
        lines: [{ order_line_id: line, quantity: 1 }],
        ...box,
      })
    ).json()
    const tooMany = await as(t.app, t.admin).post('/api/v1/parcels', {
      task_id: task.id,
      service: express.code,
      lines: [{ order_line_id: line, quantity: 2 }],
      ...box,
    })
    expect(tooMany.statusCode).toBe(422)
    expect(tooMany.json().error).toMatchObject({
      code: 'parcel_lines_invalid',
      details: { field: 'lines/0' },
    })
    const second = (
      await as(t.app, t.admin).post('/api/v1/parcels', {
        task_id: task.id,
        service: express.code,
        lines: [{ order_line_id: line, quantity: 1 }],
        ...box,
      })
    ).json()
    await as(t.app, t.admin).post(`/api/v1/parcels/${first.id}/ship`)
    expect((await as(t.app, t.admin).get(`/api/v1/fulfilment/tasks/${task.id}`)).json().status).toBe('packed')
    await as(t.app, t.admin).post(`/api/v1/parcels/${second.id}/ship`)
    expect((await as(t.app, t.admin).get(`/api/v1/fulfilment/tasks/${task.id}`)).json().status).toBe(
      'shipped',
    )
    const fulfilled = (await recordedEvents(t.database.db, order.id)).find(
      (e) => e.type === 'order.line_fulfilled',
    )
    expect(fulfilled?.payload.tracking_numbers).toEqual([first.tracking_number, second.tracking_number])
  })

  it('a relay service needs a relay point; too heavy a parcel or a store of another location is refused', async () => {
    const { order, task } = await webDelivery(1)
    const lines = [{ order_line_id: order.lines[0].id, quantity: 1 }]
    const noPoint = await as(t.app, t.admin).post('/api/v1/parcels', {
      task_id: task.id,
      service: relay.code,
      lines,
      ...box,
    })
    expect(noPoint.json().error.code).toBe('relay_point_required')
    const heavy = await as(t.app, t.admin).post('/api/v1/parcels', {
      task_id: task.id,
      service: home.code,
      lines,
      ...box,
      weight_g: 31000,
    })
    expect(heavy.statusCode).toBe(422)
    expect(heavy.json().error.code).toBe('service_not_available')
    const stranger = await as(t.app, f.keys.store).post('/api/v1/parcels', {
      task_id: task.id,
      service: home.code,
      lines,
      ...box,
    })
    expect(stranger.statusCode).toBe(404)
    const atRelay = await as(t.app, t.admin).post('/api/v1/parcels', {
      task_id: task.id,
      service: relay.code,
      relay_point_id: 'R002',
      lines,
      ...box,
    })
    expect(atRelay.statusCode, atRelay.body).toBe(201)
    expect(atRelay.json().tracking_number).toMatch(/^RL/)
    const label = await as(t.app, t.admin).get(`/api/v1/parcels/${atRelay.json().id}/label`)
    expect((await PDFDocument.load(label.rawPayload)).getPageCount()).toBe(1)
  })
})

describe('tracking from carriers', () => {
  async function shippedParcel() {
    const { order, task } = await webDelivery(1)
    const parcel = (
      await as(t.app, t.admin).post('/api/v1/parcels', {
        task_id: task.id,
        service: home.code,
        lines: [{ order_line_id: order.lines[0].id, quantity: 1 }],
        ...box,
      })
    ).json()
    await as(t.app, t.admin).post(`/api/v1/parcels/${parcel.id}/ship`)
    return { order, task, parcel }
  }

  const hook = (body: string, signature: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/carrier-services/${home.code}/webhooks`,
      payload: body,
      headers: { 'content-type': 'application/json', 'x-carrier-signature': signature },
    })

  it('a signed webhook records each event once; delivered delivers the task; the customer’s channel sees it', async () => {
    const { order, task, parcel } = await shippedParcel()
    const body = JSON.stringify({
      events: [
        {
          event_id: 'e-2',
          tracking_number: parcel.tracking_number,
          status: 'delivered',
          description: 'Colis livré',
          place: 'Lyon',
          occurred_at: '2026-03-05T09:00:00Z',
        },
        {
          event_id: 'e-1',
          tracking_number: parcel.tracking_number,
          status: 'in_transit',
          description: 'En cours d’acheminement',
          occurred_at: '2026-03-04T20:00:00Z',
        },
      ],
    })
    const forged = await hook(body, carrierSignature('whsec_wrong', body))
    expect(forged.statusCode).toBe(400)
    expect(forged.json().error.code).toBe('webhook_signature_invalid')
    const stale = await hook(body, carrierSignature(home.webhook_secret, body, Date.now() - 10 * 60_000))
    expect(stale.statusCode).toBe(400)

    const ok = await hook(body, carrierSignature(home.webhook_secret, body))
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toEqual({ recorded: 2, duplicates: 0, errors: [] })
    const replay = await hook(body, carrierSignature(home.webhook_secret, body))
    expect(replay.json()).toEqual({ recorded: 0, duplicates: 2, errors: [] })

    const seen = await as(t.app, f.keys.web).get(`/api/v1/parcels?order_id=${order.id}`)
    expect(seen.statusCode, seen.body).toBe(200)
    expect(seen.json().data[0]).toMatchObject({
      status: 'delivered',
      cost_cents: 0,
      tracking: [{ status: 'in_transit' }, { status: 'delivered', place: 'Lyon' }],
    })
    expect((await as(t.app, t.admin).get(`/api/v1/fulfilment/tasks/${task.id}`)).json().status).toBe(
      'delivered',
    )
    const other = await as(t.app, f.keys.callCentre).get(`/api/v1/parcels/${parcel.id}`)
    expect(other.statusCode).toBe(200)
    const types = (await recordedEvents(t.database.db, parcel.id)).map((e) => e.type)
    expect(types.filter((x) => x === 'parcel.tracking_updated')).toHaveLength(2)
  })

  it('a tracking file is imported row by row: bad rows and unknown parcels are listed, the others recorded', async () => {
    const { parcel } = await shippedParcel()
    const csv = [
      'event_id,tracking_number,status,description,place,occurred_at',
      `f-1,${parcel.tracking_number},in_transit,Pris en charge,Orléans,2026-03-04T18:00:00Z`,
      `f-2,${parcel.tracking_number},teleported,Nowhere,,2026-03-04T19:00:00Z`,
      'f-3,CN999999990FR,delivered,Livré,,2026-03-04T19:00:00Z',
      `f-4,${parcel.tracking_number},out_for_delivery,En livraison,Lyon,2026-03-05T07:00:00Z`,
    ].join('\n')
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/carrier-services/${home.code}/tracking-imports`,
      payload: csv,
      headers: { authorization: `Bearer ${t.admin}`, 'content-type': 'text/csv' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      recorded: 2,
      duplicates: 0,
      errors: [
        { row: 2, code: 'invalid_input' },
        { row: 3, code: 'tracking_number_unknown' },
      ],
    })
    const now = (await as(t.app, t.admin).get(`/api/v1/parcels/${parcel.id}`)).json()
    expect(now.status).toBe('out_for_delivery')
  })
})
