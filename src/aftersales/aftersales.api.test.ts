import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorForSecret } from '../access/index.ts'
import { rows } from '../db/database.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { openTicketForReturn } from './aftersales.service.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as in the fixture
type Json = Record<string, any>

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let sku: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  sku = await f.product({ stock: { [f.store.id]: 100, [f.warehouse.id]: 100 } })
})
afterAll(() => t.close())

async function customer(): Promise<Json> {
  const res = await as(t.app, t.admin).post('/api/v1/customers', {
    first_name: 'Camille',
    last_name: `Martin${unique()}`,
    email: `camille.${unique().toLowerCase()}@example.fr`,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function tillSale(customerId?: string): Promise<Json> {
  const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
    channel: f.channels.store.code,
    ...(customerId ? { customer_id: customerId } : {}),
    lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
    payments: [{ method: 'card', amount_cents: 1999 }],
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function webSale(customerId?: string): Promise<Json> {
  const res = await as(t.app, f.keys.web).post(
    '/api/v1/orders',
    {
      channel: f.channels.web.code,
      ...(customerId ? { customer_id: customerId } : {}),
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 1999 }],
    },
    customerId ? await f.webLogin(customerId) : {},
  )
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function openTicket(key: string, order: Json, over: Json = {}): Promise<Json> {
  const res = await as(t.app, key).post('/api/v1/tickets', {
    order_id: order.id,
    order_line_id: order.lines[0].id,
    kind: 'repair',
    subject: 'Le grille-pain ne chauffe plus',
    ...over,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

/** Tickets and history rows written about an order, straight from the database. */
async function writtenFor(orderId: string) {
  const [n] = await rows<{ tickets: number; messages: number }>(
    t.database.db,
    sql`SELECT (SELECT count(*)::int FROM service_ticket WHERE order_id = ${orderId}) AS tickets,
               (SELECT count(*)::int FROM service_ticket_message m JOIN service_ticket s ON s.id = m.ticket_id
                WHERE s.order_id = ${orderId}) AS messages`,
  )
  return n!
}

const setStatus = (key: string, id: string, body: Json) =>
  as(t.app, key).post(`/api/v1/tickets/${id}/status`, body)

describe('after-sales tickets', () => {
  it('a ticket opened at the till is followed by the call centre and shown in the customer 360', async () => {
    const c = await customer()
    const sale = await tillSale(c.id)
    const opened = await openTicket(f.keys.store, sale, {
      message: 'Acheté il y a deux mois, la résistance ne rougit plus.',
      location_id: f.store.id,
    })
    expect(opened).toMatchObject({
      number: expect.stringMatching(/^\d+$/),
      order_id: sale.id,
      order_number: sale.number,
      order_line_id: sale.lines[0].id,
      sku,
      customer_id: c.id,
      kind: 'repair',
      status: 'open',
      location_id: f.store.id,
      opened_location_id: f.store.id,
      opened_channel_id: null,
      resolution: null,
    })
    expect(opened.messages).toMatchObject([
      { body: 'Acheté il y a deux mois, la résistance ne rougit plus.', to_status: 'open', internal: false },
    ])

    // The customer calls the service line: the agent finds the ticket by customer and reads it.
    const listed = await as(t.app, f.keys.callCentre).get(`/api/v1/tickets?customer_id=${c.id}`)
    expect(listed.statusCode, listed.body).toBe(200)
    expect(listed.json().data.map((x: Json) => x.id)).toEqual([opened.id])
    const reply = await as(t.app, f.keys.callCentre).post(`/api/v1/tickets/${opened.id}/messages`, {
      body: 'Nous envoyons votre grille-pain en réparation.',
    })
    expect(reply.statusCode, reply.body).toBe(201)
    const note = await as(t.app, f.keys.callCentre).post(`/api/v1/tickets/${opened.id}/messages`, {
      body: 'Client déjà venu pour le même appareil.',
      internal: true,
    })
    expect(note.json()).toMatchObject({ internal: true, ticket_id: opened.id })
    const read = await as(t.app, f.keys.callCentre).get(`/api/v1/tickets/${opened.id}`)
    expect(read.statusCode).toBe(200)
    expect(read.json().messages.map((m: Json) => [m.body, m.internal])).toEqual([
      ['Acheté il y a deux mois, la résistance ne rougit plus.', false],
      ['Nous envoyons votre grille-pain en réparation.', false],
      ['Client déjà venu pour le même appareil.', true],
    ])
    // Any store follows it too, not only the one that opened it.
    expect((await as(t.app, f.keys.franchise).get(`/api/v1/tickets/${opened.id}`)).statusCode).toBe(200)

    const view = (await as(t.app, f.keys.callCentre).get(`/api/v1/customers/${c.id}/360`)).json()
    expect(view.tickets).toEqual([
      {
        id: opened.id,
        number: opened.number,
        kind: 'repair',
        status: 'open',
        subject: 'Le grille-pain ne chauffe plus',
        order_id: sale.id,
        created_at: opened.created_at,
        updated_at: expect.any(String),
      },
    ])
    expect(view.returns).toEqual([])
  })

  it('moves through its workflow by staff; a refused step answers 409 and writes nothing', async () => {
    const sale = await tillSale()
    const ticket = await openTicket(f.keys.store, sale)
    const skipped = await setStatus(f.keys.store, ticket.id, { status: 'at_repairer' })
    expect(skipped.statusCode).toBe(409)
    expect(skipped.json().error).toMatchObject({
      code: 'invalid_transition',
      details: { from: 'open', to: 'at_repairer' },
    })
    expect(await writtenFor(sale.id)).toEqual({ tickets: 1, messages: 1 })
    // Channels converse; they do not work the ticket.
    expect((await setStatus(f.keys.web, ticket.id, { status: 'in_progress' })).statusCode).toBe(403)

    for (const [key, body] of [
      [f.keys.callCentre, { status: 'in_progress' }],
      [f.keys.store, { status: 'at_repairer', note: 'Envoyé au réparateur agréé' }],
      [f.keys.store, { status: 'in_progress' }],
    ] as const) {
      const res = await setStatus(key, ticket.id, body)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().status).toBe(body.status)
    }
    const unsaid = await setStatus(f.keys.callCentre, ticket.id, { status: 'resolved' })
    expect(unsaid.statusCode).toBe(400)
    expect(unsaid.json().error.details.field).toBe('resolution')
    const resolved = await setStatus(f.keys.callCentre, ticket.id, {
      status: 'resolved',
      resolution: 'Thermostat remplacé sous garantie',
    })
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolution: 'Thermostat remplacé sous garantie',
    })
    const reopened = await setStatus(f.keys.callCentre, ticket.id, { status: 'in_progress' })
    expect(reopened.json()).toMatchObject({ status: 'in_progress', resolution: null })
    await setStatus(f.keys.callCentre, ticket.id, { status: 'resolved', resolution: 'Appareil remplacé' })
    const closed = await setStatus(f.keys.admin, ticket.id, { status: 'closed' })
    expect(closed.json()).toMatchObject({ status: 'closed', resolution: 'Appareil remplacé' })

    const final = await setStatus(f.keys.callCentre, ticket.id, { status: 'in_progress' })
    expect(final.statusCode).toBe(409)
    expect(final.json().error).toMatchObject({ code: 'invalid_transition', details: { from: 'closed' } })
    const history = (await as(t.app, f.keys.callCentre).get(`/api/v1/tickets/${ticket.id}`)).json().messages
    expect(history.map((m: Json) => `${m.from_status}→${m.to_status}`)).toEqual([
      'null→open',
      'open→in_progress',
      'in_progress→at_repairer',
      'at_repairer→in_progress',
      'in_progress→resolved',
      'resolved→in_progress',
      'in_progress→resolved',
      'resolved→closed',
    ])
    expect(history[2].body).toBe('Envoyé au réparateur agréé')
    expect(history[4].body).toBe('Thermostat remplacé sous garantie')
    expect(history.every((m: Json) => typeof m.author === 'string')).toBe(true)
  })

  it('a channel key sees its own channel’s tickets only, and never the internal notes', async () => {
    const c = await customer()
    const online = await webSale(c.id)
    const inStore = await tillSale(c.id)
    const mine = await openTicket(f.keys.web, online, { kind: 'missing_item', subject: 'Colis incomplet' })
    expect(mine).toMatchObject({ opened_channel_id: f.channels.web.id, opened_location_id: null })
    const theirs = await openTicket(f.keys.store, inStore)

    expect((await as(t.app, f.keys.web).get(`/api/v1/tickets/${theirs.id}`)).statusCode).toBe(404)
    const webList = (await as(t.app, f.keys.web).get(`/api/v1/tickets?customer_id=${c.id}`)).json().data
    expect(webList.map((x: Json) => x.id)).toEqual([mine.id])
    const staffList = (await as(t.app, f.keys.callCentre).get(`/api/v1/tickets?customer_id=${c.id}`)).json()
    expect(staffList.data.map((x: Json) => x.id)).toEqual([theirs.id, mine.id])
    // A channel cannot open a ticket on, nor write to, another channel's sale.
    const foreign = await as(t.app, f.keys.web).post('/api/v1/tickets', {
      order_id: inStore.id,
      order_line_id: inStore.lines[0].id,
      kind: 'complaint',
      subject: 'x',
    })
    expect(foreign.statusCode).toBe(404)
    expect(
      (await as(t.app, f.keys.web).post(`/api/v1/tickets/${theirs.id}/messages`, { body: 'Bonjour' }))
        .statusCode,
    ).toBe(404)

    await as(t.app, f.keys.callCentre).post(`/api/v1/tickets/${mine.id}/messages`, {
      body: 'Vérifier le poids du colis avec le transporteur.',
      internal: true,
    })
    const forged = await as(t.app, f.keys.web).post(`/api/v1/tickets/${mine.id}/messages`, {
      body: 'Note interne ?',
      internal: true,
    })
    expect(forged.statusCode).toBe(403)
    const said = await as(t.app, f.keys.web).post(`/api/v1/tickets/${mine.id}/messages`, {
      body: 'Il manque la housse.',
    })
    expect(said.json()).toMatchObject({ internal: false })
    expect(
      (await as(t.app, f.keys.web).post(`/api/v1/tickets/${mine.id}/location`, { location_id: f.store.id }))
        .statusCode,
    ).toBe(403)

    const seenByWeb = (await as(t.app, f.keys.web).get(`/api/v1/tickets/${mine.id}`)).json().messages
    expect(seenByWeb.map((m: Json) => m.body)).toEqual(['Colis incomplet', 'Il manque la housse.'])
    const seenByStaff = (await as(t.app, f.keys.store).get(`/api/v1/tickets/${mine.id}`)).json().messages
    expect(seenByStaff).toHaveLength(3)
  })

  it('bad input is refused naming the field, and nothing is written', async () => {
    const sale = await tillSale()
    const other = await tillSale()
    const body = {
      order_id: sale.id,
      order_line_id: sale.lines[0].id,
      kind: 'replacement',
      subject: 'Écran fissuré au déballage',
    }
    for (const [over, status, field] of [
      [{ order_line_id: other.lines[0].id }, 400, 'order_line_id'],
      [{ subject: '' }, 400, 'body/subject'],
      [{ subject: '   ' }, 400, 'body/subject'],
      [{ kind: 'refund' }, 400, 'body/kind'],
      [{ location_id: 'loc_nowhere' }, 400, 'location_id'],
      [{ message: '' }, 400, 'body/message'],
    ] as const) {
      const res = await as(t.app, f.keys.store).post('/api/v1/tickets', { ...body, ...over })
      expect(res.statusCode, `${JSON.stringify(over)} ${res.body}`).toBe(status)
      expect(res.json().error.details.field).toBe(field)
    }
    const unknown = await as(t.app, f.keys.store).post('/api/v1/tickets', {
      ...body,
      order_id: 'ord_nothing',
    })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('order_not_found')
    expect(await writtenFor(sale.id)).toEqual({ tickets: 0, messages: 0 })

    const ticket = await openTicket(f.keys.store, sale)
    const empty = await as(t.app, f.keys.store).post(`/api/v1/tickets/${ticket.id}/messages`, { body: ' ' })
    expect(empty.json().error.details.field).toBe('body/body')
    const nowhere = await as(t.app, f.keys.store).post(`/api/v1/tickets/${ticket.id}/location`, {
      location_id: 'loc_nowhere',
    })
    expect(nowhere.statusCode).toBe(400)
    expect(nowhere.json().error.details.field).toBe('location_id')
    expect(await writtenFor(sale.id)).toEqual({ tickets: 1, messages: 1 })
    expect((await as(t.app, f.keys.store).get('/api/v1/tickets/tkt_nothing')).statusCode).toBe(404)
  })

  it('a retried opening with the same Idempotency-Key opens one ticket', async () => {
    const sale = await tillSale()
    const key = { 'idempotency-key': `sav-${unique()}` }
    const body = { order_id: sale.id, order_line_id: sale.lines[0].id, kind: 'complaint', subject: 'Accueil' }
    const first = await as(t.app, f.keys.store).post('/api/v1/tickets', body, key)
    const retry = await as(t.app, f.keys.store).post('/api/v1/tickets', body, key)
    expect(first.statusCode, first.body).toBe(201)
    expect(retry.statusCode).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json().id).toBe(first.json().id)
    const reused = await as(t.app, f.keys.store).post('/api/v1/tickets', { ...body, subject: 'Autre' }, key)
    expect(reused.statusCode).toBe(422)
    expect(await writtenFor(sale.id)).toEqual({ tickets: 1, messages: 1 })
  })

  it('the product is followed from store to warehouse and back to the customer', async () => {
    const sale = await tillSale()
    const ticket = await openTicket(f.keys.store, sale, { location_id: f.store.id })
    const moved = await as(t.app, f.keys.store).post(`/api/v1/tickets/${ticket.id}/location`, {
      location_id: `${f.prefix}-WH-A`,
      note: 'Parti avec la navette du mardi.',
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json().location_id).toBe(f.warehouse.id)
    expect(moved.json().messages.at(-1)).toMatchObject({
      body: `Product now at ${f.warehouse.name} (${f.warehouse.code}). Parti avec la navette du mardi.`,
      internal: true,
    })
    const atWarehouse = await as(t.app, f.keys.callCentre).get(
      `/api/v1/tickets?location_id=${f.warehouse.id}`,
    )
    expect(atWarehouse.json().data.map((x: Json) => x.id)).toContain(ticket.id)
    const back = await as(t.app, f.keys.callCentre).post(`/api/v1/tickets/${ticket.id}/location`, {
      location_id: null,
    })
    expect(back.json()).toMatchObject({ location_id: null })
    expect(back.json().messages.at(-1).body).toBe('Product back with the customer.')
  })

  it('lists are filtered by order and status and paged by cursor', async () => {
    const sale = await tillSale()
    const a = await openTicket(f.keys.store, sale)
    const b = await openTicket(f.keys.store, sale, { kind: 'complaint', subject: 'Vendeur peu aimable' })
    await setStatus(f.keys.store, b.id, { status: 'in_progress' })
    const first = (
      await as(t.app, f.keys.callCentre).get(`/api/v1/tickets?order_id=${sale.id}&limit=1`)
    ).json()
    expect(first.data.map((x: Json) => x.id)).toEqual([b.id])
    const second = (
      await as(t.app, f.keys.callCentre).get(
        `/api/v1/tickets?order_id=${sale.id}&limit=1&cursor=${first.next_cursor}`,
      )
    ).json()
    expect(second).toEqual({ data: [expect.objectContaining({ id: a.id })], next_cursor: null })
    const open = (
      await as(t.app, f.keys.callCentre).get(`/api/v1/tickets?order_id=${sale.id}&status=open`)
    ).json()
    expect(open.data.map((x: Json) => x.id)).toEqual([a.id])
  })

  it('a merge moves the absorbed profile’s tickets, returns and stored value to the survivor', async () => {
    const survivor = await customer()
    const absorbed = await customer()
    const sale = await tillSale(absorbed.id)
    const ticket = await openTicket(f.keys.store, sale)
    const returnId = `rtn_${unique()}`
    await t.database.db.execute(
      sql`INSERT INTO "return" (id, order_id, customer_id, method, location_id, status, refund_to, refund_cents, policy)
          VALUES (${returnId}, ${sale.id}, ${absorbed.id}, 'in_store', ${f.store.id}, 'completed', 'store_credit',
                  1999, '{}'::jsonb)`,
    )
    const code = `AV-${unique()}`
    await t.database.db.execute(
      sql`INSERT INTO stored_value_account (id, kind, code, customer_id, issued_cents, balance_cents, source)
          VALUES (${`sva_${unique()}`}, 'store_credit', ${code}, ${absorbed.id}, 1999, 1999, 'refund')`,
    )
    const merged = await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${survivor.id}/merge`, {
      absorbed_id: absorbed.id,
    })
    expect(merged.statusCode, merged.body).toBe(200)

    expect((await as(t.app, f.keys.callCentre).get(`/api/v1/tickets/${ticket.id}`)).json().customer_id).toBe(
      survivor.id,
    )
    // The absorbed id still finds them.
    const byOldId = (
      await as(t.app, f.keys.callCentre).get(`/api/v1/tickets?customer_id=${absorbed.id}`)
    ).json()
    expect(byOldId.data.map((x: Json) => x.id)).toEqual([ticket.id])
    const view = (await as(t.app, f.keys.callCentre).get(`/api/v1/customers/${survivor.id}/360`)).json()
    expect(view.tickets.map((x: Json) => x.id)).toEqual([ticket.id])
    expect(view.returns).toEqual([
      {
        id: returnId,
        number: expect.stringMatching(/^\d+$/),
        order_id: sale.id,
        status: 'completed',
        method: 'in_store',
        refund_cents: 1999,
        created_at: expect.any(String),
      },
    ])
    const [credit] = await rows<{ customer_id: string }>(
      t.database.db,
      sql`SELECT customer_id FROM stored_value_account WHERE code = ${code}`,
    )
    expect(credit!.customer_id).toBe(survivor.id)
  })

  it('the GDPR export holds tickets with their messages, returns and stored value; erasure keeps tickets', async () => {
    const c = await customer()
    const sale = await webSale(c.id)
    const ticket = await openTicket(f.keys.web, sale, { kind: 'complaint', subject: 'Livré en retard' })
    await as(t.app, f.keys.callCentre).post(`/api/v1/tickets/${ticket.id}/messages`, {
      body: 'Geste commercial proposé.',
      internal: true,
    })
    await t.database.db.execute(
      sql`INSERT INTO stored_value_account (id, kind, code, customer_id, issued_cents, balance_cents, source)
          VALUES (${`sva_${unique()}`}, 'voucher', ${`BON-${unique()}`}, ${c.id}, 500, 500, 'goodwill')`,
    )
    const exported = (await as(t.app, f.keys.callCentre).get(`/api/v1/customers/${c.id}/export`)).json()
    expect(exported.tickets).toMatchObject([
      {
        id: ticket.id,
        number: ticket.number,
        subject: 'Livré en retard',
        messages: [
          { body: 'Livré en retard', internal: false, to_status: 'open' },
          { body: 'Geste commercial proposé.', internal: true },
        ],
      },
    ])
    expect(exported.returns).toEqual([])
    expect(exported.stored_value_accounts).toMatchObject([
      { kind: 'voucher', balance_cents: 500, expires_at: null },
    ])

    expect((await as(t.app, f.keys.callCentre).post(`/api/v1/customers/${c.id}/erase`)).statusCode).toBe(200)
    const kept = (await as(t.app, f.keys.callCentre).get(`/api/v1/tickets/${ticket.id}`)).json()
    expect(kept).toMatchObject({ customer_id: c.id, subject: 'Livré en retard' })
    expect(kept.messages).toHaveLength(2)
  })

  it('a return opens a repair ticket inside its own transaction, and takes it back if it fails', async () => {
    const c = await customer()
    const sale = await tillSale(c.id)
    const actor = (await actorForSecret(t.database.db, f.keys.store))!
    const input = {
      orderId: sale.id,
      orderLineId: sale.lines[0].id,
      returnId: `rtn_${unique()}`,
      locationId: f.store.id,
      kind: 'repair' as const,
      subject: 'Retour : ne s’allume plus',
    }
    const id = await t.database.db.transaction((tx) => openTicketForReturn(tx, actor, input))
    const ticket = (await as(t.app, f.keys.callCentre).get(`/api/v1/tickets/${id}`)).json()
    expect(ticket).toMatchObject({
      kind: 'repair',
      status: 'open',
      return_id: input.returnId,
      location_id: f.store.id,
      customer_id: c.id,
      opened_location_id: f.store.id,
    })

    await expect(
      t.database.db.transaction(async (tx) => {
        await openTicketForReturn(tx, actor, input)
        throw new Error('the return failed afterwards')
      }),
    ).rejects.toThrow('the return failed afterwards')
    expect(await writtenFor(sale.id)).toEqual({ tickets: 1, messages: 1 })
  })
})
