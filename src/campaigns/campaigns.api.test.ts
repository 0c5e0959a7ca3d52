import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { sendDueMessages, smtpTransport } from '../notifications/index.ts'
import { type ReceivedMail, startMailbox } from '../notifications/smtp-mailbox.fixture.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { settle } from '../testing/settle.ts'
import { dispatchCampaigns } from './index.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let mailbox: Awaited<ReturnType<typeof startMailbox>>
let sku: string
const bouncing = `nobody.${unique().toLowerCase()}@example.fr`

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  mailbox = await startMailbox({ refuse: [bouncing] })
  sku = await f.product({ priceCents: 2500, stock: { [f.warehouse.id]: 500 } })
})
afterAll(async () => {
  await mailbox.close()
  await t.close()
})

const db = () => t.database.db
const from = '"Passerelle" <boutique@example.test>'
/** One pass of the sender to the test's SMTP server, as the `notifications.send` job makes every 200 ms. */
const sendMail = () => sendDueMessages(db(), { email: smtpTransport(mailbox.url), from })
/** The campaign e-mails a customer received (their order confirmations left out). */
const mailTo = (email: string) =>
  mailbox.received.filter((m) => m.envelopeTo.includes(email) && /^(Soldes|Winter sale)/.test(m.subject))
const unsubscribeLink = (mail: ReceivedMail) =>
  /<([^>]+)>/.exec(mail.headers.get('list-unsubscribe') ?? '')![1]!

async function customer(extra: Record<string, unknown> = {}, marketingEmail?: boolean) {
  const email = (extra.email as string) ?? `camille.${unique().toLowerCase()}@example.fr`
  const res = await f.admin.post('/api/v1/customers', {
    first_name: 'Camille',
    last_name: `Martin${unique()}`,
    ...extra,
    email,
  })
  expect(res.statusCode, res.body).toBe(201)
  const id = res.json().id as string
  if (marketingEmail !== undefined) await consent(id, marketingEmail)
  return { id, email }
}

async function consent(customerId: string, granted: boolean) {
  const res = await f.admin.post(`/api/v1/customers/${customerId}/consents`, {
    consents: [{ purpose: 'marketing', medium: 'email', granted }],
  })
  expect(res.statusCode, res.body).toBe(200)
}

/** A web order of `quantity` × 25 € by the customer, logged in on the web shop. */
async function webOrder(customerId: string, quantity = 1) {
  const res = await as(t.app, f.keys.web).post(
    '/api/v1/orders',
    {
      channel: f.channels.web.code,
      customer_id: customerId,
      lines: [{ sku, quantity, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 2500 * quantity }],
    },
    await f.webLogin(customerId),
  )
  expect(res.statusCode, res.body).toBe(201)
}

async function segment(filter: Record<string, unknown>) {
  const res = await f.admin.post('/api/v1/segments', { name: `Segment ${unique()}`, filter })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; count: { customers: number; reachable_by_email: number } }
}

const content = {
  fr: {
    subject: 'Soldes d’hiver, {{first_name}}',
    body: 'Bonjour {{first_name}},\n\nLes soldes commencent chez {{brand}}.',
  },
  en: {
    subject: 'Winter sale, {{first_name}}',
    body: 'Hello {{first_name}},\n\nThe sale starts at {{brand}}.',
  },
}

async function campaignTo(segmentId: string, ratePerMinute = 6000) {
  const res = await f.admin.post('/api/v1/campaigns', {
    name: `Soldes ${unique()}`,
    segment_id: segmentId,
    content,
    rate_per_minute: ratePerMinute,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}

async function recipients(campaignId: string) {
  const res = await f.admin.get(`/api/v1/campaigns/${campaignId}/recipients?limit=200`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as Array<{ customer_id: string; status: string; reason: string | null }>
}

const stateOf = async (campaignId: string, customerId: string) =>
  (await recipients(campaignId)).find((r) => r.customer_id === customerId)

describe('segments over the customer base', () => {
  it('a segment by channel, spend, last purchase and consent counts its customers and exports them as CSV', async () => {
    const big = await customer({ first_name: '=HYPERLINK("http://evil")' }, true)
    const small = await customer({}, false)
    const never = await customer({}, true)
    await webOrder(big.id, 4)
    await webOrder(small.id, 1)
    await settle(db())
    const today = new Date().toISOString().slice(0, 10)
    const web = { channels_used: [f.channels.web.code] }
    expect((await segment(web)).count).toMatchObject({ customers: 2, reachable_by_email: 1 })
    const spenders = await segment({ ...web, spend: { min_cents: 5000 }, last_purchase: { after: today } })
    expect(spenders.count.customers).toBe(1)
    const consenting = await f.admin.post('/api/v1/segments/count', {
      filter: { ...web, consents: [{ purpose: 'marketing', medium: 'email', granted: false }] },
    })
    expect(consenting.json()).toEqual({ customers: 1, reachable_by_email: 0 })
    const noOrders = await f.admin.post('/api/v1/segments/count', {
      filter: {
        last_purchase: { never: true },
        consents: [{ purpose: 'marketing', medium: 'email', granted: true }],
      },
    })
    expect(noOrders.json().customers).toBeGreaterThanOrEqual(1)

    const csv = await f.admin.get(`/api/v1/segments/${spenders.id}/export`)
    expect(csv.statusCode, csv.body).toBe(200)
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    const lines = csv.body.trim().split('\r\n')
    expect(lines[0]).toBe(
      'customer_id,first_name,last_name,email,phone,postcode,city,country,tier,spend_cents,last_purchase_at,channels,marketing_email_consent',
    )
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(big.id)
    expect(lines[1]).toContain(`,10000,`)
    expect(lines[1]).toContain(`,${f.channels.web.code},yes`)
    // A name a spreadsheet would run as a formula is neutralised.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(csv.body).not.toContain(never.id)
  })

  it('a segment by shopper profile and home store uses the rules of the 360 view', async () => {
    const c = await customer({}, true)
    await webOrder(c.id)
    await settle(db())
    const view = await f.admin.get(`/api/v1/customers/${c.id}/360`)
    const home = view.statusCode === 200 ? view.json().profile?.home_store?.store_id : undefined
    const s = await segment({ channels_used: [f.channels.web.code], shopper_profiles: ['local_buyer'] })
    expect(s.count.customers).toBe(0)
    if (home) {
      const byHome = await segment({ channels_used: [f.channels.web.code], home_stores: [home] })
      expect(byHome.count.customers).toBeGreaterThanOrEqual(1)
    }
  })

  it('a filter is validated, never run as given: unknown references, contradictions and stray fields are refused by name', async () => {
    const bad = async (filter: unknown) => f.admin.post('/api/v1/segments/count', { filter })
    const channel = await bad({ channels_used: ['NOPE-CHANNEL'] })
    expect(channel.statusCode).toBe(422)
    expect(channel.json().error).toMatchObject({
      code: 'unknown_channel',
      details: { field: 'filter.channels_used' },
    })
    expect((await bad({ tiers: ['NO-TIER'] })).json().error.code).toBe('unknown_tier')
    expect((await bad({ home_stores: [f.warehouse.id] })).json().error.code).toBe('unknown_store')
    const contradiction = await bad({ spend: { min_cents: 500, max_cents: 100 } })
    expect(contradiction.json().error).toMatchObject({
      code: 'contradictory_filter',
      details: { field: 'filter.spend' },
    })
    for (const filter of [
      { channels_used: ["WEB' OR 1=1 --"] },
      { where: 'true' },
      { spend: { min_cents: -1 } },
      { last_purchase: { after: 'yesterday' } },
      { consents: [{ purpose: 'marketing', medium: 'pigeon', granted: true }] },
    ]) {
      const res = await bad(filter)
      expect(res.statusCode, JSON.stringify(filter)).toBe(400)
    }
    const store = await as(t.app, f.keys.store).post('/api/v1/segments/count', { filter: {} })
    expect(store.statusCode).toBe(403)
    expect((await f.admin.get('/api/v1/segments/seg_nope')).json().error.code).toBe('segment_not_found')
  })
})

describe('an e-mail campaign to a segment, through a real SMTP conversation', () => {
  it('consenting customers get it in their language with an unsubscribe link; the others are skipped, each with why', async () => {
    const fr = await customer({}, true)
    const en = await customer({ country: 'GB' }, true)
    const refused = await customer({}, false)
    const silent = await customer({})
    const bounce = await customer({ email: bouncing }, true)
    for (const c of [fr, en, refused, silent, bounce]) await webOrder(c.id)
    await settle(db())
    const s = await segment({ channels_used: [f.channels.web.code] })
    const campaign = await campaignTo(s.id)
    const sent = await f.admin.post(`/api/v1/campaigns/${campaign}/send`, {})
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json().status).toBe('sending')
    expect((await f.admin.post(`/api/v1/campaigns/${campaign}/send`, {})).json().error.code).toBe(
      'campaign_already_sent',
    )
    await dispatchCampaigns(db())
    await sendMail()

    const [mailFr] = mailTo(fr.email)
    expect(mailFr?.subject).toBe('Soldes d’hiver, Camille')
    expect(mailFr?.text).toContain('Les soldes commencent chez')
    expect(unsubscribeLink(mailFr!)).toMatch(/\/api\/v1\/notifications\/unsubscribe\?token=/)
    expect(mailFr?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    expect(mailTo(en.email)[0]?.subject).toBe('Winter sale, Camille')
    expect(mailTo(refused.email)).toEqual([])
    expect(mailTo(silent.email)).toEqual([])

    expect(await stateOf(campaign, fr.id)).toMatchObject({ status: 'sent', reason: null })
    expect(await stateOf(campaign, refused.id)).toMatchObject({ status: 'skipped', reason: 'no_consent' })
    expect(await stateOf(campaign, silent.id)).toMatchObject({ status: 'skipped', reason: 'no_consent' })
    expect(await stateOf(campaign, bounce.id)).toMatchObject({ status: 'bounced' })
    const view = (await f.admin.get(`/api/v1/campaigns/${campaign}`)).json()
    // The segment holds this file's earlier web customers too: 2 more sent, 1 more skipped.
    expect(view).toMatchObject({
      status: 'sent',
      recipients: { pending: 0, queued: 0, sent: 4, bounced: 1, failed: 0, skipped: 3 },
    })
    // The campaign's e-mail is in the customer's 360 like any other message.
    const messages = await rows<{ template: string; status: string }>(
      db(),
      sql`SELECT template, status FROM notification_message WHERE customer_id = ${fr.id} AND template = 'campaign'`,
    )
    expect(messages).toEqual([{ template: 'campaign', status: 'sent' }])

    // A second pass sends nothing again.
    await dispatchCampaigns(db())
    await sendMail()
    expect(mailTo(fr.email)).toHaveLength(1)
  })

  it('a customer who withdrew consent gets no campaign: by the unsubscribe link, before their turn or after their e-mail was queued', async () => {
    const linked = await customer({}, true)
    const before = await customer({}, true)
    const queued = await customer({}, true)
    for (const c of [linked, before, queued]) await webOrder(c.id)
    await settle(db())
    const s = await segment({ channels_used: [f.channels.web.code] })

    // A first campaign reaches them all; `linked` follows its unsubscribe link.
    const first = await campaignTo(s.id)
    await f.admin.post(`/api/v1/campaigns/${first}/send`, {})
    await dispatchCampaigns(db())
    await sendMail()
    const link = new URL(unsubscribeLink(mailTo(linked.email)[0]!))
    const click = await t.app.inject({
      method: 'POST',
      url: `${link.pathname}${link.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    expect(click.statusCode, click.body).toBe(200)

    const second = await campaignTo(s.id)
    await f.admin.post(`/api/v1/campaigns/${second}/send`, {})
    // `before` withdraws between the send and their turn.
    await consent(before.id, false)
    await dispatchCampaigns(db())
    // `queued` withdraws after their e-mail was written, before it went.
    expect(await stateOf(second, queued.id)).toMatchObject({ status: 'queued' })
    await consent(queued.id, false)
    await sendMail()

    expect(mailTo(linked.email)).toHaveLength(1)
    expect(mailTo(before.email)).toHaveLength(1)
    expect(mailTo(queued.email)).toHaveLength(1)
    expect(await stateOf(second, linked.id)).toMatchObject({ status: 'skipped', reason: 'no_consent' })
    expect(await stateOf(second, before.id)).toMatchObject({ status: 'skipped', reason: 'no_consent' })
    expect(await stateOf(second, queued.id)).toMatchObject({ status: 'skipped', reason: 'consent_withdrawn' })
  })

  it('an erased customer gets nothing, and the campaign e-mails they had are anonymised', async () => {
    const earlier = await customer({}, true)
    const later = await customer({}, true)
    for (const c of [earlier, later]) await webOrder(c.id)
    await settle(db())
    const s = await segment({ channels_used: [f.channels.web.code] })
    const first = await campaignTo(s.id)
    await f.admin.post(`/api/v1/campaigns/${first}/send`, {})
    await dispatchCampaigns(db())
    await sendMail()
    expect(mailTo(earlier.email)).toHaveLength(1)

    const second = await campaignTo(s.id)
    await f.admin.post(`/api/v1/campaigns/${second}/send`, {})
    for (const c of [earlier, later]) {
      const res = await f.admin.post(`/api/v1/customers/${c.id}/erase`, {})
      expect(res.statusCode, res.body).toBe(200)
    }
    await settle(db())
    await dispatchCampaigns(db())
    await sendMail()
    expect(mailTo(earlier.email)).toHaveLength(1)
    expect(mailTo(later.email)).toHaveLength(1)
    expect(await stateOf(second, earlier.id)).toMatchObject({ status: 'skipped', reason: 'erased' })
    const kept = await rows<{ address: string | null; subject: string; body_text: string }>(
      db(),
      sql`SELECT address, subject, body_text FROM notification_message WHERE customer_id = ${earlier.id}`,
    )
    expect(kept.length).toBeGreaterThanOrEqual(1)
    for (const m of kept) expect(m).toEqual({ address: null, subject: '[erased]', body_text: '' })
    // Segments never hold an erased profile.
    const count = await f.admin.post('/api/v1/segments/count', {
      filter: { channels_used: [f.channels.web.code] },
    })
    const csv = await f.admin.get(`/api/v1/segments/${s.id}/export`)
    expect(csv.body).not.toContain(earlier.id)
    expect(count.json().customers).toBeGreaterThanOrEqual(0)
  })

  it('a campaign goes at its pace: at 1 e-mail a minute, one at a time', async () => {
    const cs = [await customer({}, true), await customer({}, true), await customer({}, true)]
    const ch = `${f.channels.web.code}`
    for (const c of cs) await webOrder(c.id)
    await settle(db())
    const s = await segment({
      channels_used: [ch],
      last_purchase: { after: new Date().toISOString().slice(0, 10) },
    })
    const campaign = await campaignTo(s.id, 1)
    await f.admin.post(`/api/v1/campaigns/${campaign}/send`, {})
    await dispatchCampaigns(db())
    await dispatchCampaigns(db())
    const view = (await f.admin.get(`/api/v1/campaigns/${campaign}`)).json()
    expect(view.status).toBe('sending')
    expect(view.recipients.queued).toBe(1)
    expect(view.recipients.pending).toBeGreaterThanOrEqual(2)
  })
})
