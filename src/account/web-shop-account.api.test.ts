import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { settle } from '../testing/settle.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as a web shop reads JSON
type Json = Record<string, any>

/**
 * The customer account as the brand's web shop drives it: HTTP only, with its channel key and the
 * login of the customer signed in, exactly the calls its pages make. Store staff and the warehouse
 * play their part through their own keys.
 */
let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let shop: ReturnType<typeof as>
let till: ReturnType<typeof as>
let headOffice: ReturnType<typeof as>
let sku: string
let fragile: string

// A 1×1 PNG: what a phone's photo of a scratch looks like to the server, bytes-wise.
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e1e6d50000000049454e44ae426082',
  'hex',
)

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  shop = as(t.app, f.keys.web)
  till = as(t.app, f.keys.store)
  headOffice = as(t.app, t.admin)
  sku = await f.product({ priceCents: 2500, stock: { [f.store.id]: 20, [f.warehouse.id]: 20 } })
  fragile = await f.product({ priceCents: 8000, stock: { [f.warehouse.id]: 5 } })
})
afterAll(() => t.close())

async function advance(taskId: string, steps: string[], key = t.admin, extra: Json = {}) {
  for (const to of steps) {
    const res = await as(t.app, key).post(`/api/v1/fulfilment/tasks/${taskId}/advance`, {
      to,
      ...(to === 'shipped' ? extra : {}),
    })
    expect(res.statusCode, `${to}: ${res.body}`).toBe(200)
  }
}

describe('a customer account scenario through the API as a web shop would call it', () => {
  it('a shopper signs up, buys in store and online, follows, returns, claims under warranty and exports their data', async () => {
    // Sign-up on the web shop: the customer, then the shop's login for them.
    const email = `lea.${unique().toLowerCase()}@example.fr`
    const signUp = await shop.post('/api/v1/customers', { first_name: 'Léa', last_name: 'Roux', email })
    expect(signUp.statusCode, signUp.body).toBe(201)
    const me = signUp.json().id as string
    const login = `lea-${unique()}`
    expect((await shop.post(`/api/v1/customers/${me}/channel-accounts`, { login })).statusCode).toBe(201)
    const session = { 'x-customer-login': login }
    const get = (url: string) => shop.get(url, session)
    const post = (url: string, body: Json) => shop.post(url, body, session)

    // Preferences and consents: e-receipts for till sales, marketing e-mails yes, SMS no.
    const prefs = await shop.put(
      `/api/v1/customers/${me}/notification-preferences`,
      { language: 'fr', e_receipt: true },
      session,
    )
    expect(prefs.statusCode, prefs.body).toBe(200)
    expect(prefs.json()).toMatchObject({ language: 'fr', email: true, e_receipt: true })
    const consented = await post(`/api/v1/customers/${me}/consents`, {
      consents: [
        { purpose: 'marketing', medium: 'email', granted: true },
        { purpose: 'marketing', medium: 'sms', granted: false },
      ],
    })
    expect(consented.statusCode, consented.body).toBe(200)
    const consents = await get(`/api/v1/customers/${me}/consents`)
    expect(consents.statusCode, consents.body).toBe(200)
    expect(consents.json().data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'marketing', medium: 'email', granted: true }),
        expect.objectContaining({ purpose: 'marketing', medium: 'sms', granted: false }),
      ]),
    )

    // She buys at the Lyon till, giving her e-mail: a store receipt in her account.
    const sale = await till.post('/api/v1/orders', {
      channel: f.channels.store.code,
      customer_id: me,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 5000 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    // Online: a click & collect at Lyon, and a parcel from the warehouse.
    const pickup = await post('/api/v1/orders', {
      channel: f.channels.web.code,
      customer_id: me,
      lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'card', amount_cents: 2500 }],
    })
    expect(pickup.statusCode, pickup.body).toBe(201)
    const parcel = await post('/api/v1/orders', {
      channel: f.channels.web.code,
      customer_id: me,
      lines: [{ sku: fragile, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 8000 }],
    })
    expect(parcel.statusCode, parcel.body).toBe(201)
    await settle(t.database.db)

    // Every purchase from every channel, the store receipt with its e-receipt.
    const purchases = await get(`/api/v1/customers/${me}/purchases`)
    expect(purchases.statusCode, purchases.body).toBe(200)
    const list = purchases.json().data as Json[]
    expect(list.map((p) => p.id)).toEqual([parcel.json().id, pickup.json().id, sale.json().id])
    const receiptEntry = list[2]!
    expect(receiptEntry).toMatchObject({
      channel: { code: f.channels.store.code, kind: 'store' },
      store_id: f.store.id,
      total_cents: 5000,
      e_receipt: { url: `/api/v1/customers/${me}/purchases/${sale.json().id}/receipt`, emailed: 'queued' },
      lines: [{ sku, quantity: 2, returnable_quantity: 2 }],
    })
    expect(receiptEntry.warranty.under_legal_guarantee).toBe(true)
    const receipt = await get(receiptEntry.e_receipt.url)
    expect(receipt.statusCode, receipt.body).toBe(200)
    expect(receipt.json()).toMatchObject({
      number: sale.json().number,
      store: { name: f.store.name },
      total_cents: 5000,
      vat: [{ rate: 20, base_incl_cents: 5000, vat_cents: 833 }],
      payments: [{ kind: 'capture', method: 'card', amount_cents: 5000 }],
    })

    // Tracking the click & collect: prepared, ready, with its code and the store's hours.
    await advance(pickup.json().tasks[0].id, ['picking', 'packed', 'ready_for_pickup'], f.keys.store)
    const waiting = (await get(`/api/v1/customers/${me}/purchases/${pickup.json().id}`)).json()
    expect(waiting.tracking.stage).toBe('ready_for_pickup')
    expect(waiting.tracking.timeline.map((s: Json) => s.step)).toEqual([
      'placed',
      'preparing',
      'packed',
      'ready_for_pickup',
    ])
    expect(waiting.tracking.pickup).toMatchObject({
      status: 'ready_for_pickup',
      code: pickup.json().pickup_code,
      store: { id: f.store.id, name: f.store.name },
    })
    expect(waiting.tracking.pickup.store.opening_hours).toBeTruthy()
    expect(waiting.tracking.pickup.collect_by).not.toBeNull()

    // The parcel: shipped with its carrier and tracking number, then delivered.
    await advance(parcel.json().tasks[0].id, ['picking', 'packed', 'shipped'], t.admin, {
      shipment: { carrier: 'Colissimo', tracking_number: '6A12345678901' },
    })
    const shipped = (await get(`/api/v1/customers/${me}/purchases/${parcel.json().id}`)).json()
    expect(shipped.tracking.stage).toBe('shipped')
    expect(shipped.tracking.shipments).toEqual([
      expect.objectContaining({
        from_location_id: f.warehouse.id,
        status: 'shipped',
        carrier: 'Colissimo',
        tracking_number: '6A12345678901',
        delivered_at: null,
      }),
    ])
    await advance(parcel.json().tasks[0].id, ['delivered'])
    const delivered = (await get(`/api/v1/customers/${me}/purchases/${parcel.json().id}`)).json()
    expect(delivered.tracking.timeline.map((s: Json) => s.step)).toEqual([
      'placed',
      'preparing',
      'packed',
      'shipped',
      'delivered',
      'completed',
    ])

    // The loyalty statement: the till sale and the delivered parcel earned, a moment after.
    await settle(t.database.db)
    const loyalty = await get(`/api/v1/customers/${me}/loyalty`)
    expect(loyalty.statusCode, loyalty.body).toBe(200)
    expect(loyalty.json().balance).toBe(130)

    // She returns one of the two items bought at the till, by carrier: a label to print.
    const line = list[2]!.lines[0]
    const byPost = await post('/api/v1/returns', {
      order_id: sale.json().id,
      method: 'carrier',
      lines: [{ order_line_id: line.id, quantity: 1, reason: 'changed_mind' }],
    })
    expect(byPost.statusCode, byPost.body).toBe(201)
    expect(byPost.json()).toMatchObject({ status: 'awaiting_receipt', method: 'carrier', refund_cents: 2500 })
    expect(byPost.json().label_barcode).toMatch(/^28\d{11}$/)
    // The warehouse scans the parcel's label and receives it, as any return.
    const scanned = await headOffice.get(`/api/v1/returns?label=${byPost.json().label_barcode}`)
    expect(scanned.json().data.map((r: Json) => r.id)).toEqual([byPost.json().id])
    const received = await headOffice.post(`/api/v1/returns/${byPost.json().id}/receive`, {
      lines: [{ order_line_id: line.id, condition: 'resellable' }],
    })
    expect(received.statusCode, received.body).toBe(200)
    const refunded = (await get(`/api/v1/returns/${byPost.json().id}`)).json()
    expect(refunded).toMatchObject({ status: 'completed', refunds: [{ method: 'card', amount_cents: 2500 }] })

    // She collects at the counter with her code, then brings it back to the franchised Nice store.
    const collected = await till.post(`/api/v1/fulfilment/tasks/${pickup.json().tasks[0].id}/advance`, {
      to: 'collected',
      pickup_code: pickup.json().pickup_code,
    })
    expect(collected.statusCode, collected.body).toBe(200)
    const afterCollect = (await get(`/api/v1/customers/${me}/purchases/${pickup.json().id}`)).json()
    expect(afterCollect.tracking.pickup).toMatchObject({ status: 'collected', code: null })
    const dropOff = await post('/api/v1/returns', {
      order_id: pickup.json().id,
      method: 'store_drop_off',
      location_id: f.franchise.id,
      lines: [{ order_line_id: afterCollect.lines[0].id, quantity: 1, reason: 'changed_mind' }],
    })
    expect(dropOff.statusCode, dropOff.body).toBe(201)
    expect(dropOff.json()).toMatchObject({ location_id: f.franchise.id, label_barcode: null })
    const inNice = await as(t.app, f.keys.franchise).post(`/api/v1/returns/${dropOff.json().id}/receive`, {
      lines: [{ order_line_id: afterCollect.lines[0].id, condition: 'resellable' }],
    })
    expect(inNice.statusCode, inNice.body).toBe(200)
    expect(inNice.json()).toMatchObject({ status: 'completed', refund_cents: 2500 })

    // After-sales on the delivered parcel: the legal guarantee, a message and a photo.
    const bought = (await get(`/api/v1/customers/${me}/purchases/${parcel.json().id}`)).json()
    expect(bought.warranty.under_legal_guarantee).toBe(true)
    const opened = await post('/api/v1/tickets', {
      order_id: parcel.json().id,
      order_line_id: bought.lines[0].id,
      kind: 'repair',
      subject: 'Le couvercle ne ferme plus',
      message: 'Depuis une semaine, la charnière est cassée.',
    })
    expect(opened.statusCode, opened.body).toBe(201)
    const ticket = opened.json()
    expect(ticket.warranty).toEqual(bought.warranty)
    const photo = await post(`/api/v1/tickets/${ticket.id}/photos`, {
      file_name: 'charniere.png',
      content_type: 'image/png',
      content_base64: png.toString('base64'),
      message: 'La charnière, vue de dessus.',
    })
    expect(photo.statusCode, photo.body).toBe(201)
    const file = await get(photo.json().url)
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toBe('image/png')
    expect(Buffer.from(file.rawPayload).equals(png)).toBe(true)
    // Staff take it in charge with a note of their own; she answers.
    const taken = await headOffice.post(`/api/v1/tickets/${ticket.id}/status`, {
      status: 'in_progress',
      note: 'Pièce commandée chez le fournisseur.',
      internal: true,
    })
    expect(taken.statusCode, taken.body).toBe(200)
    const answer = await post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Merci !' })
    expect(answer.statusCode, answer.body).toBe(201)
    const followed = (await get(`/api/v1/tickets/${ticket.id}`)).json()
    expect(followed.status).toBe('in_progress')
    expect(followed.messages.map((m: Json) => m.body)).toEqual([
      'Depuis une semaine, la charnière est cassée.',
      'La charnière, vue de dessus.',
      'Merci !',
    ])
    expect(followed.photos).toEqual([
      expect.objectContaining({ id: photo.json().id, content_type: 'image/png' }),
    ])
    const mine = (await get('/api/v1/tickets')).json().data
    expect(mine.map((x: Json) => x.id)).toEqual([ticket.id])

    // The account shows the return and the ticket with their purchases.
    const withReturn = (await get(`/api/v1/customers/${me}/purchases/${sale.json().id}`)).json()
    expect(withReturn.returns).toEqual([
      expect.objectContaining({ id: byPost.json().id, status: 'completed' }),
    ])
    expect(withReturn.lines[0]).toMatchObject({ returned_quantity: 1, returnable_quantity: 1 })

    // Her own copy of everything held about her (GDPR), recorded.
    const exported = await get(`/api/v1/customers/${me}/export`)
    expect(exported.statusCode, exported.body).toBe(200)
    expect(exported.json()).toMatchObject({ customer: { id: me, email } })
    expect(exported.json().orders).toHaveLength(3)
    expect(exported.json().tickets).toHaveLength(1)
    expect(exported.json().returns).toHaveLength(2)
    // Recorded: the next export lists this one.
    const again = (await get(`/api/v1/customers/${me}/export`)).json()
    expect(again.requests).toEqual([expect.objectContaining({ kind: 'export' })])
  })
})
