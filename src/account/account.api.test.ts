import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely
type Json = Record<string, any>

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let shop: ReturnType<typeof as>
let sku: string

const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  shop = as(t.app, f.keys.web)
  sku = await f.product({ priceCents: 3000, stock: { [f.store.id]: 50, [f.warehouse.id]: 50 } })
})
afterAll(() => t.close())

/** A customer who signed up on the web shop, with a till sale and a web parcel, both handed over. */
async function shopper() {
  const created = await shop.post('/api/v1/customers', { email: `${unique('acc')}@example.fr`.toLowerCase() })
  expect(created.statusCode, created.body).toBe(201)
  const id = created.json().id as string
  const session = await f.webLogin(id)
  const sale = await as(t.app, f.keys.store).post('/api/v1/orders', {
    channel: f.channels.store.code,
    customer_id: id,
    lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
    payments: [{ method: 'card', amount_cents: 3000 }],
  })
  expect(sale.statusCode, sale.body).toBe(201)
  const parcel = await shop.post(
    '/api/v1/orders',
    {
      channel: f.channels.web.code,
      customer_id: id,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 3000 }],
    },
    session,
  )
  expect(parcel.statusCode, parcel.body).toBe(201)
  const ticket = await shop.post(
    '/api/v1/tickets',
    {
      order_id: sale.json().id,
      order_line_id: sale.json().lines[0].id,
      kind: 'complaint',
      subject: 'Rayure',
    },
    session,
  )
  expect(ticket.statusCode, ticket.body).toBe(201)
  const ret = await shop.post(
    '/api/v1/returns',
    {
      order_id: sale.json().id,
      method: 'carrier',
      lines: [{ order_line_id: sale.json().lines[0].id, quantity: 1, reason: 'changed_mind' }],
    },
    session,
  )
  expect(ret.statusCode, ret.body).toBe(201)
  return {
    id,
    session,
    sale: sale.json() as Json,
    parcel: parcel.json() as Json,
    ticket: ticket.json() as Json,
    ret: ret.json() as Json,
  }
}

const photoOf = (bytes: Buffer, over: Json = {}) => ({
  file_name: 'photo.jpg',
  content_type: 'image/jpeg',
  content_base64: bytes.toString('base64'),
  ...over,
})

describe('a customer only ever sees their own data', () => {
  it('another customer’s purchases, receipts, returns, tickets, photos, consents and export answer 404', async () => {
    const me = await shopper()
    const other = await shopper()
    const photo = await shop.post(`/api/v1/tickets/${other.ticket.id}/photos`, photoOf(jpeg), other.session)
    expect(photo.statusCode, photo.body).toBe(201)
    const reads = [
      `/api/v1/customers/${other.id}/purchases`,
      `/api/v1/customers/${other.id}/purchases/${other.sale.id}`,
      `/api/v1/customers/${other.id}/purchases/${other.sale.id}/receipt`,
      `/api/v1/customers/${me.id}/purchases/${other.sale.id}`,
      `/api/v1/customers/${me.id}/purchases/${other.parcel.id}/receipt`,
      `/api/v1/customers/${other.id}/consents`,
      `/api/v1/customers/${other.id}/export`,
      `/api/v1/returns/${other.ret.id}`,
      `/api/v1/tickets/${other.ticket.id}`,
      `/api/v1/tickets/${other.ticket.id}/photos/${photo.json().id}`,
      `/api/v1/tickets/${me.ticket.id}/photos/${photo.json().id}`,
    ]
    for (const url of reads) {
      const res = await shop.get(url, me.session)
      expect(res.statusCode, `${url}: ${res.body}`).toBe(404)
    }
    const writes: Array<[string, Json]> = [
      [
        '/api/v1/returns',
        {
          order_id: other.parcel.id,
          method: 'carrier',
          lines: [{ order_line_id: other.parcel.lines[0].id, quantity: 1, reason: 'changed_mind' }],
        },
      ],
      [
        '/api/v1/tickets',
        {
          order_id: other.sale.id,
          order_line_id: other.sale.lines[0].id,
          kind: 'repair',
          subject: 'Not mine',
        },
      ],
      [`/api/v1/tickets/${other.ticket.id}/messages`, { body: 'Hello' }],
      [`/api/v1/tickets/${other.ticket.id}/photos`, photoOf(jpeg)],
      [`/api/v1/returns/${other.ret.id}/cancel`, { reason: 'not mine' }],
    ]
    for (const [url, body] of writes) {
      const res = await shop.post(url, body, me.session)
      expect(res.statusCode, `${url}: ${res.body}`).toBe(404)
    }
    // Lists hold the customer's own only.
    const tickets = (await shop.get('/api/v1/tickets', me.session)).json().data
    expect(tickets.map((x: Json) => x.id)).toEqual([me.ticket.id])
    const returns = (await shop.get('/api/v1/returns', me.session)).json().data
    expect(returns.map((x: Json) => x.id)).toEqual([me.ret.id])
    const purchases = (await shop.get(`/api/v1/customers/${me.id}/purchases`, me.session)).json().data
    expect(purchases.map((p: Json) => p.id).sort()).toEqual([me.sale.id, me.parcel.id].sort())
    // Without a login, the web shop keeps to its own channel: the till sale is not its to touch.
    const bare = await shop.get(`/api/v1/returns/${me.ret.id}`)
    expect(bare.statusCode).toBe(404)
    expect((await shop.get(`/api/v1/customers/${me.id}/purchases`)).statusCode).toBe(400)
  })

  it('the customer cancels their own return awaiting its parcel; goods over the counter are a store’s', async () => {
    const me = await shopper()
    const cancelled = await shop.post(`/api/v1/returns/${me.ret.id}/cancel`, { reason: 'gardé' }, me.session)
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(cancelled.json().status).toBe('cancelled')
    const counter = await shop.post(
      '/api/v1/returns',
      {
        order_id: me.sale.id,
        method: 'in_store',
        location_id: f.store.id,
        lines: [
          {
            order_line_id: me.sale.lines[0].id,
            quantity: 1,
            reason: 'changed_mind',
            condition: 'resellable',
          },
        ],
      },
      me.session,
    )
    expect(counter.statusCode, counter.body).toBe(403)
    // Staff read any customer's purchases from every channel, without a login.
    const agent = await as(t.app, f.keys.callCentre).get(`/api/v1/customers/${me.id}/purchases`)
    expect(agent.json().data).toHaveLength(2)
  })

  it('the purchases list pages with a cursor, newest first', async () => {
    const me = await shopper()
    const first = await shop.get(`/api/v1/customers/${me.id}/purchases?limit=1`, me.session)
    expect(first.json().data.map((p: Json) => p.id)).toEqual([me.parcel.id])
    const next = await shop.get(
      `/api/v1/customers/${me.id}/purchases?limit=1&cursor=${first.json().next_cursor}`,
      me.session,
    )
    expect(next.json()).toEqual({ data: [expect.objectContaining({ id: me.sale.id })], next_cursor: null })
  })
})

describe('photos on an after-sales ticket', () => {
  it('refuses what is not the photo it says it is, too big, or one too many — never a 5xx', async () => {
    const me = await shopper()
    const url = `/api/v1/tickets/${me.ticket.id}/photos`
    const send = (body: Json) => shop.post(url, body, me.session)
    const cases: Array<[Json, string]> = [
      [photoOf(jpeg, { content_base64: 'not base64 at all!' }), 'content_base64'],
      [photoOf(Buffer.from('<html><script>alert(1)</script></html>')), 'content_base64'],
      [photoOf(Buffer.from('%PDF-1.7\n')), 'content_base64'],
      [photoOf(png), 'content_type'],
      [photoOf(jpeg, { content_type: 'text/html' }), 'content_type'],
      [photoOf(jpeg, { file_name: '   ' }), 'file_name'],
      [photoOf(Buffer.concat([jpeg, Buffer.alloc(3.5 * 1024 * 1024)])), 'content_base64'],
    ]
    for (const [body, field] of cases) {
      const res = await send(body)
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.details.field, res.body).toContain(field)
    }
    const huge = await send(photoOf(Buffer.alloc(5 * 1024 * 1024, 0xff)))
    expect(huge.statusCode).toBeGreaterThanOrEqual(400)
    expect(huge.statusCode).toBeLessThan(500)
    expect((await shop.get(`/api/v1/tickets/${me.ticket.id}`, me.session)).json().photos).toEqual([])

    const kept = await send(photoOf(png, { content_type: 'image/png', file_name: '../../etc/rayure.png' }))
    expect(kept.statusCode, kept.body).toBe(201)
    expect(kept.json()).toMatchObject({
      file_name: 'rayure.png',
      content_type: 'image/png',
      size_bytes: png.length,
    })
    for (let i = 1; i < 10; i++) expect((await send(photoOf(jpeg))).statusCode).toBe(201)
    const eleventh = await send(photoOf(jpeg))
    expect(eleventh.statusCode, eleventh.body).toBe(422)
    expect(eleventh.json().error).toMatchObject({ code: 'photo_limit_reached', details: { limit: 10 } })
  })

  it('staff see and add photos too; a closed ticket takes none', async () => {
    const me = await shopper()
    const staff = as(t.app, f.keys.callCentre)
    const added = await staff.post(`/api/v1/tickets/${me.ticket.id}/photos`, photoOf(jpeg))
    expect(added.statusCode, added.body).toBe(201)
    const seen = await shop.get(added.json().url, me.session)
    expect(seen.statusCode).toBe(200)
    expect(seen.headers['content-type']).toBe('image/jpeg')
    const closed = await staff.post(`/api/v1/tickets/${me.ticket.id}/status`, {
      status: 'closed',
      resolution: 'Rayure d’origine, geste commercial',
    })
    expect(closed.statusCode, closed.body).toBe(200)
    const late = await shop.post(`/api/v1/tickets/${me.ticket.id}/photos`, photoOf(jpeg), me.session)
    expect(late.statusCode, late.body).toBe(422)
    expect(late.json().error.code).toBe('ticket_closed')
  })
})

describe('order tracking and warranty', () => {
  it('a parcel not yet shipped has no warranty; a shipment is said only when shipping', async () => {
    const me = await shopper()
    const detail = (await shop.get(`/api/v1/customers/${me.id}/purchases/${me.parcel.id}`, me.session)).json()
    expect(detail.warranty).toBeNull()
    expect(detail.tracking).toMatchObject({ stage: 'placed', pickup: null })
    expect(detail.tracking.shipments).toEqual([
      expect.objectContaining({ status: 'allocated', shipped_at: null, carrier: null }),
    ])
    const early = await as(t.app, t.admin).post(`/api/v1/fulfilment/tasks/${me.parcel.tasks[0].id}/advance`, {
      to: 'picking',
      shipment: { carrier: 'DPD' },
    })
    expect(early.statusCode, early.body).toBe(400)
    expect(early.json().error.details.field).toBe('shipment')
    // The till sale counts from the sale: two years of legal guarantee.
    const sale = (await shop.get(`/api/v1/customers/${me.id}/purchases/${me.sale.id}`, me.session)).json()
    const from = new Date(sale.warranty.delivered_at)
    const until = new Date(sale.warranty.legal_guarantee_until)
    expect(until.getUTCFullYear() - from.getUTCFullYear()).toBe(2)
    expect(sale.tracking.timeline.map((s: Json) => s.step)).toContain('bought_in_store')
    expect(sale.tickets).toEqual([expect.objectContaining({ id: me.ticket.id, kind: 'complaint' })])
  })
})
