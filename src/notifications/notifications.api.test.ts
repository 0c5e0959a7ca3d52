import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { settle } from '../testing/settle.ts'
import { carrierFixture } from '../testing/shipping.fixture.ts'
import { startFakeTwilio } from './fake-twilio.fixture.ts'
import {
  closeSmtpTransports,
  sendDueMessages,
  smtpTransport,
  threadedSmtpTransport,
  twilioProvider,
} from './index.ts'
import { freePort, type ReceivedMail, startMailbox } from './smtp-mailbox.fixture.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let mailbox: Awaited<ReturnType<typeof startMailbox>>
let sku: string

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  mailbox = await startMailbox()
  sku = await f.product({ priceCents: 2500, stock: { [f.warehouse.id]: 100, [f.store.id]: 100 } })
})
afterAll(async () => {
  await closeSmtpTransports()
  await mailbox.close()
  await t.close()
})

const from = '"Passerelle" <boutique@example.test>'
const db = () => t.database.db
/** One pass of the sender to the test's SMTP server, as the `notifications.send` job makes every 200 ms. */
const sendMail = (url = mailbox.url) => sendDueMessages(db(), { email: smtpTransport(url), from })
/** The same through the SMTP thread, as the job sends: the server's answers and failures cross the thread. */
const sendMailThreaded = (url = mailbox.url) =>
  sendDueMessages(db(), { email: threadedSmtpTransport(url), from })
const mailTo = (email: string, box = mailbox) => box.received.filter((m) => m.envelopeTo.includes(email))

async function customer(extra: Record<string, unknown> = {}) {
  const email = `camille.${unique().toLowerCase()}@example.fr`
  const res = await f.admin.post('/api/v1/customers', {
    first_name: 'Camille',
    last_name: `Martin${unique()}`,
    email,
    ...extra,
  })
  expect(res.statusCode, res.body).toBe(201)
  return { id: res.json().id as string, email }
}

async function preferences(customerId: string, change: Record<string, unknown>) {
  const res = await f.admin.put(`/api/v1/customers/${customerId}/notification-preferences`, change)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

/** A web order by the customer, logged in on the web shop. */
async function webOrder(customerId: string, line: Record<string, unknown> = { fulfilment: 'delivery' }) {
  const res = await as(t.app, f.keys.web).post(
    '/api/v1/orders',
    {
      channel: f.channels.web.code,
      customer_id: customerId,
      lines: [{ sku, quantity: 2, ...line }],
      ...(line.fulfilment === 'delivery' ? { delivery_address: address } : {}),
      payments: [{ method: 'card', amount_cents: 5000 }],
    },
    await f.webLogin(customerId),
  )
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as {
    id: string
    number: string
    pickup_code: string | null
    tasks: Array<{ id: string }>
  }
}

const messagesOf = (customerId: string) =>
  rows<{
    id: string
    template: string
    channel: string
    status: string
    attempts: number
    address: string | null
    subject: string
    last_error: string | null
    due_at: Date
    provider_ref: string | null
  }>(db(), sql`SELECT * FROM notification_message WHERE customer_id = ${customerId} ORDER BY id`)

const unsubscribeLink = (mail: ReceivedMail) =>
  /<([^>]+)>/.exec(mail.headers.get('list-unsubscribe') ?? '')![1]!

describe('notifications by e-mail, through a real SMTP conversation', () => {
  it('a web order’s confirmation arrives once, in French, with its lines, total and an unsubscribe header', async () => {
    const c = await customer()
    const order = await webOrder(c.id)
    await settle(db())
    await settle(db())
    expect(await sendMail()).toBeGreaterThanOrEqual(1)
    await sendMail()
    const mails = mailTo(c.email)
    expect(mails).toHaveLength(1)
    const [mail] = mails
    expect(mail!.subject).toBe(`Passerelle — votre commande n° ${order.number} est confirmée`)
    expect(mail!.text).toContain('Bonjour Camille,')
    expect(mail!.text).toMatch(/2 × Produit \d+ — 50,00\s€/u)
    expect(mail!.text).toMatch(/Total : 50,00\s€/u)
    expect(mail!.html).toContain(`<p>Merci pour votre commande n° ${order.number}.</p>`)
    expect(unsubscribeLink(mail!)).toMatch(/\/api\/v1\/notifications\/unsubscribe\?token=/)
    expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    const [row] = await messagesOf(c.id)
    expect(row).toMatchObject({
      template: 'order_confirmation',
      channel: 'email',
      status: 'sent',
      attempts: 1,
    })
  })

  it('a customer who chose English reads English, and the 360 view lists the message as sent', async () => {
    const c = await customer()
    expect(await preferences(c.id, { language: 'en' })).toMatchObject({
      language: 'en',
      email: true,
      sms: false,
    })
    const order = await webOrder(c.id)
    await settle(db())
    await sendMail()
    const [mail] = mailTo(c.email)
    expect(mail!.subject).toBe(`Passerelle — your order no. ${order.number} is confirmed`)
    expect(mail!.text).toMatch(/Total: €50\.00/)
    const view = await f.admin.get(`/api/v1/customers/${c.id}/360`)
    expect(view.statusCode, view.body).toBe(200)
    expect(view.json().messages).toEqual([
      expect.objectContaining({
        template: 'order_confirmation',
        channel: 'email',
        language: 'en',
        status: 'sent',
        subject_ref: order.id,
        sent_at: expect.any(String),
      }),
    ])
  })

  it('a merge brings the absorbed profile’s messages into the survivor’s 360 view', async () => {
    const web = await customer()
    const till = await customer()
    const order = await webOrder(web.id)
    await settle(db())
    const merged = await f.admin.post(`/api/v1/customers/${till.id}/merge`, { absorbed_id: web.id })
    expect(merged.statusCode, merged.body).toBe(200)
    await settle(db())
    const view = (await f.admin.get(`/api/v1/customers/${till.id}/360`)).json()
    expect(view.messages).toEqual([
      expect.objectContaining({ template: 'order_confirmation', subject_ref: order.id }),
    ])
  })

  it('events delivered again, even after the consumer forgot it had applied them, write no second message', async () => {
    const c = await customer()
    await webOrder(c.id)
    await settle(db())
    // As if the consumer's records were lost: every event is applied again from the start.
    await db().execute(sql`DELETE FROM event_applied WHERE consumer = 'notifications.notify'`)
    await db().execute(sql`UPDATE event_cursor SET position = 0 WHERE id = 'notifications.notify'`)
    await settle(db())
    await Promise.all([sendMail(), sendMail()])
    expect(await messagesOf(c.id)).toHaveLength(1)
    expect(mailTo(c.email)).toHaveLength(1)
  })

  it('with the SMTP server down, a message waits queued, then goes once when the server is back (through the SMTP thread)', async () => {
    const port = await freePort()
    const url = `smtp://127.0.0.1:${port}`
    const c = await customer()
    await webOrder(c.id)
    await settle(db())
    expect(await sendMailThreaded(url)).toBe(0)
    let [row] = await messagesOf(c.id)
    expect(row).toMatchObject({ status: 'queued', attempts: 1 })
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i)
    expect(new Date(row!.due_at).getTime()).toBeGreaterThan(Date.now())
    // Not due yet: the next pass leaves it alone.
    await sendMailThreaded(url)
    expect((await messagesOf(c.id))[0]!.attempts).toBe(1)

    const back = await startMailbox({ port })
    try {
      // The wait runs out (an hour later, say).
      await db().execute(sql`UPDATE notification_message SET due_at = now() WHERE customer_id = ${c.id}`)
      expect(await sendMailThreaded(url)).toBe(1)
      await sendMailThreaded(url)
      expect(mailTo(c.email, back)).toHaveLength(1)
      ;[row] = await messagesOf(c.id)
      expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null })
    } finally {
      await back.close()
    }
  })

  it('an SMTP thread that dies fails the message it held, which waits and goes once through a new thread', async () => {
    const c = await customer()
    await webOrder(c.id)
    await settle(db())
    // A transport the thread cannot build (no such scheme): the thread throws at start and exits.
    expect(await sendMailThreaded('smtp-broken://127.0.0.1')).toBe(0)
    let [row] = await messagesOf(c.id)
    expect(row).toMatchObject({ status: 'queued', attempts: 1 })
    expect(row!.last_error).toMatch(/SMTP thread stopped/)
    await db().execute(sql`UPDATE notification_message SET due_at = now() WHERE customer_id = ${c.id}`)
    expect(await sendMailThreaded()).toBe(1)
    ;[row] = await messagesOf(c.id)
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null })
    expect(mailTo(c.email)).toHaveLength(1)
  })

  it('a mailbox that does not exist bounces the message, which is not retried (through the SMTP thread)', async () => {
    const c = await customer()
    const refusing = await startMailbox({ refuse: [c.email] })
    try {
      await webOrder(c.id)
      await settle(db())
      await sendMailThreaded(refusing.url)
      const [row] = await messagesOf(c.id)
      expect(row).toMatchObject({ status: 'bounced', attempts: 1 })
      expect(row!.last_error).toMatch(/550/)
    } finally {
      await refusing.close()
    }
  })

  it('the unsubscribe link of an e-mail records the withdrawal of marketing e-mails; an altered link is refused', async () => {
    const c = await customer()
    await webOrder(c.id)
    await settle(db())
    await sendMail()
    const link = new URL(unsubscribeLink(mailTo(c.email)[0]!))
    const page = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` })
    expect(page.statusCode, page.body).toBe(200)
    expect(page.body).toContain('<form method="post"')
    // What a mail client's unsubscribe button sends (RFC 8058).
    const click = await t.app.inject({
      method: 'POST',
      url: `${link.pathname}${link.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    expect(click.statusCode, click.body).toBe(200)
    const consents = await f.admin.get(`/api/v1/customers/${c.id}/consents`)
    expect(consents.json().data).toContainEqual(
      expect.objectContaining({ purpose: 'marketing', medium: 'email', granted: false }),
    )
    const token = link.searchParams.get('token')!
    const other = await customer()
    const forged = `${Buffer.from(other.id).toString('base64url')}.${token.split('.')[1]}`
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(forged)}`,
    })
    expect(refused.statusCode).toBe(404)
    expect(refused.json().error.code).toBe('invalid_unsubscribe_link')
    const untouched = await f.admin.get(`/api/v1/customers/${other.id}/consents`)
    expect(untouched.json().data).toEqual([])
  })

  it('a customer who turned e-mails off gets nothing', async () => {
    const c = await customer()
    await preferences(c.id, { email: false })
    await webOrder(c.id)
    await settle(db())
    await sendMail()
    expect(await messagesOf(c.id)).toEqual([])
    expect(mailTo(c.email)).toEqual([])
  })

  it('a sale carried away at the till is e-mailed only to a customer who asked for e-receipts', async () => {
    const paper = await customer()
    const eReceipt = await customer()
    await preferences(eReceipt.id, { e_receipt: true })
    for (const c of [paper, eReceipt]) {
      const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
        channel: f.channels.store.code,
        customer_id: c.id,
        lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
        payments: [{ method: 'card', amount_cents: 2500 }],
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    await settle(db())
    await sendMail()
    expect(mailTo(paper.email)).toEqual([])
    const [receipt] = mailTo(eReceipt.email)
    expect(receipt!.text).toContain(f.store.name)
    expect(receipt!.text).toMatch(/Total : 25,00\s€/u)
  })

  it('a receipt asked for at the till is e-mailed once, however often it is asked', async () => {
    const c = await customer()
    const sale = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      customer_id: c.id,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 2500 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    await settle(db())
    const ask = () =>
      as(t.app, f.keys.store).post('/api/v1/notifications/e-receipts', { order_id: sale.json().id })
    const first = await ask()
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ queued: true, status: 'queued', message_id: expect.any(String) })
    expect((await ask()).json()).toMatchObject({ queued: false, message_id: first.json().message_id })
    await sendMail()
    const mails = mailTo(c.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe(`Passerelle — votre commande n° ${sale.json().number} est confirmée`)
    const otherStore = await as(t.app, f.keys.franchise).post('/api/v1/notifications/e-receipts', {
      order_id: sale.json().id,
    })
    expect(otherStore.statusCode).toBe(404)
  })

  it('an erased customer gets nothing more and their messages are anonymised', async () => {
    const c = await customer()
    await webOrder(c.id)
    await settle(db())
    const erased = await f.admin.post(`/api/v1/customers/${c.id}/erase`, {})
    expect(erased.statusCode, erased.body).toBe(200)
    await settle(db())
    await sendMail()
    expect(mailTo(c.email)).toEqual([])
    const [row] = await messagesOf(c.id)
    expect(row).toMatchObject({ status: 'cancelled', address: null, subject: '[erased]' })
  })

  it('ready for pickup tells the code, the store’s name, address and hours; the reminder is withdrawn once collected', async () => {
    const c = await customer()
    const order = await webOrder(c.id, { fulfilment: 'pickup', pickup_location_id: f.store.id })
    for (const to of ['picking', 'packed', 'ready_for_pickup']) {
      const res = await as(t.app, f.keys.store).post(
        `/api/v1/fulfilment/tasks/${order.tasks[0]!.id}/advance`,
        {
          to,
        },
      )
      expect(res.statusCode, res.body).toBe(200)
    }
    await settle(db())
    await sendMail()
    const ready = mailTo(c.email).find((m) => m.subject.includes('vous attend en magasin'))!
    expect(ready.text).toContain(`code de retrait au magasin : ${order.pickup_code}`)
    expect(ready.text).toContain(`${f.store.name}, `)
    expect(ready.text).toContain('lundi : 00:00–24:00')
    expect(ready.text).toMatch(/Elle vous attend jusqu’au \p{L}+ \d+ \p{L}+ \d{4}\./u)
    const reminder = (await messagesOf(c.id)).find((m) => m.template === 'pickup_reminder')!
    expect(reminder.status).toBe('queued')
    expect(new Date(reminder.due_at).getTime()).toBeGreaterThan(Date.now() + 3_600_000)

    const collected = await as(t.app, f.keys.store).post(
      `/api/v1/fulfilment/tasks/${order.tasks[0]!.id}/advance`,
      {
        to: 'collected',
        pickup_code: order.pickup_code,
      },
    )
    expect(collected.statusCode, collected.body).toBe(200)
    await settle(db())
    expect((await messagesOf(c.id)).find((m) => m.template === 'pickup_reminder')!.status).toBe('cancelled')
  })
})

describe('what happens after the sale', () => {
  it('a delivery shipped, a return received and refunded, a ticket moving on, an order cancelled: each is told once', async () => {
    const c = await customer()
    const order = await webOrder(c.id)
    for (const to of ['picking', 'packed', 'shipped']) {
      const res = await f.admin.post(`/api/v1/fulfilment/tasks/${order.tasks[0]!.id}/advance`, { to })
      expect(res.statusCode, res.body).toBe(200)
    }
    const sale = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      customer_id: c.id,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 5000 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    const line = sale.json().lines[0].id as string
    const ret = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: sale.json().id,
      method: 'in_store',
      lines: [{ order_line_id: line, quantity: 1, reason: 'wrong_size', condition: 'resellable' }],
    })
    expect(ret.statusCode, ret.body).toBe(201)
    const ticket = await as(t.app, f.keys.store).post('/api/v1/tickets', {
      order_id: sale.json().id,
      order_line_id: line,
      kind: 'repair',
      subject: 'Ne fonctionne plus',
    })
    expect(ticket.statusCode, ticket.body).toBe(201)
    const moved = await f.admin.post(`/api/v1/tickets/${ticket.json().id}/status`, { status: 'in_progress' })
    expect(moved.statusCode, moved.body).toBe(200)
    const toCancel = await webOrder(c.id)
    const cancelled = await f.admin.post(`/api/v1/orders/${toCancel.id}/cancel`, {
      reason: 'customer changed their mind',
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    await settle(db())
    await sendMail()

    const subjects = mailTo(c.email).map((m) => m.subject)
    expect(subjects.filter((s) => s.includes('est en route'))).toEqual([
      `Passerelle — votre commande n° ${order.number} est en route`,
    ])
    const number = ret.json().number as string
    expect(subjects).toContain(`Passerelle — nous avons reçu votre retour n° ${number}`)
    const refunds = mailTo(c.email).filter((m) => m.subject.startsWith('Passerelle — remboursement'))
    expect(refunds.map((m) => m.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`25,00\\s€ pour la commande n° ${sale.json().number} \\(retour n° ${number}\\)`, 'u'),
        ),
        expect.stringMatching(new RegExp(`50,00\\s€ pour la commande n° ${toCancel.number}\\.`, 'u')),
      ]),
    )
    expect(refunds).toHaveLength(2)
    expect(subjects).toContain(
      `Passerelle — votre demande SAV n° ${ticket.json().number} est en cours de traitement`,
    )
    // The till sale itself: no e-receipt asked, no e-mail.
    expect(subjects.filter((s) => s.includes(`n° ${sale.json().number} est confirmée`))).toEqual([])
  })
})

describe('notifications by SMS, through Twilio’s Messages API (a local fake of it)', () => {
  it('a customer who asked for SMS gets one; a number Twilio refuses is bounced', async () => {
    const twilio = await startFakeTwilio()
    try {
      const sms = twilioProvider({ ...twilio, from: '+33700000000' })
      const c = await customer({ phone: '+33612345678' })
      await preferences(c.id, { sms: true, email: false })
      const order = await webOrder(c.id)
      await settle(db())
      expect(await sendDueMessages(db(), { sms, from })).toBeGreaterThanOrEqual(1)
      const got = twilio.sent.filter((m) => m.to === '+33612345678')
      expect(got).toHaveLength(1)
      expect(got[0]!.body).toContain(`commande n° ${order.number} confirmée`)
      const [row] = await messagesOf(c.id)
      expect(row).toMatchObject({ channel: 'sms', status: 'sent', provider_ref: got[0]!.sid })

      // Wrong credentials are the brand's to fix: the message waits.
      const c2 = await customer({ phone: '+33612345679' })
      await preferences(c2.id, { sms: true, email: false })
      await webOrder(c2.id)
      await settle(db())
      await sendDueMessages(db(), {
        sms: twilioProvider({ ...twilio, authToken: 'wrong', from: '+33700000000' }),
        from,
      })
      expect((await messagesOf(c2.id))[0]).toMatchObject({ status: 'queued', attempts: 1 })
      expect((await messagesOf(c2.id))[0]!.last_error).toMatch(/401 20003/)
      // A number Twilio refuses (invalid `To`) is not retried.
      await db().execute(
        sql`UPDATE notification_message SET address = '0612', due_at = now() WHERE customer_id = ${c2.id}`,
      )
      await sendDueMessages(db(), { sms, from })
      expect((await messagesOf(c2.id))[0]).toMatchObject({ status: 'bounced' })
      expect((await messagesOf(c2.id))[0]!.last_error).toMatch(/21211/)
    } finally {
      await twilio.close()
    }
  })
})

describe('templates in the back-office', () => {
  it('previews a template in French and English with the brand and the store’s details', async () => {
    const fr = await f.admin.get(
      `/api/v1/notifications/templates/pickup_ready/preview?lang=fr&location=${f.store.code}`,
    )
    expect(fr.statusCode, fr.body).toBe(200)
    expect(fr.json().subject).toMatch(/^Passerelle — votre commande n° \d+ vous attend en magasin$/)
    expect(fr.json().text).toContain(f.store.name)
    expect(fr.json().html).toContain('<p>lundi : 00:00–24:00</p>')
    const en = await f.admin.get(
      `/api/v1/notifications/templates/pickup_ready/preview?lang=en&location=${f.store.id}`,
    )
    expect(en.json().subject).toMatch(/is ready to collect$/)
    expect(en.json().text).toContain('Monday: 00:00–24:00')
    const list = await f.admin.get('/api/v1/notifications/templates')
    expect(list.json().data.map((x: { id: string }) => x.id)).toContain('ticket_status_changed')
    const unknown = await f.admin.get('/api/v1/notifications/templates/birthday/preview')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('template_not_found')
    const shop = await as(t.app, f.keys.web).get('/api/v1/notifications/templates/pickup_ready/preview')
    expect(shop.statusCode).toBe(403)
  })
})

describe('the shipped message of a parcel', () => {
  it('a delivery shipped in a parcel names its carrier service and tracking number', async () => {
    const { home } = await carrierFixture(t, f)
    const c = await customer()
    const order = await webOrder(c.id)
    const full = (await f.admin.get(`/api/v1/orders/${order.id}`)).json()
    const parcel = await f.admin.post('/api/v1/parcels', {
      task_id: order.tasks[0]!.id,
      service: home.code,
      lines: [{ order_line_id: full.lines[0].id, quantity: 2 }],
      weight_g: 900,
      length_mm: 300,
      width_mm: 200,
      height_mm: 100,
    })
    expect(parcel.statusCode, parcel.body).toBe(201)
    const shipped = await f.admin.post(`/api/v1/parcels/${parcel.json().id}/ship`)
    expect(shipped.statusCode, shipped.body).toBe(200)
    await settle(db())
    await sendMail()
    const [mail] = mailTo(c.email).filter((m) => m.subject.includes('est en route'))
    expect(mail?.text).toContain('Transporteur : Colis national')
    expect(mail?.text).toContain(`Numéro de suivi : ${parcel.json().tracking_number}`)
  })
})
