import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { archiveOverMonths } from './index.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let manager: ReturnType<typeof as>
let staff: ReturnType<typeof as>
let admin: ReturnType<typeof as>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  staff = as(t.app, f.keys.store)
  admin = as(t.app, t.admin)
  const key = await admin.post('/api/v1/api-keys', {
    name: 'manager',
    role: 'store_staff',
    location_id: f.store.id,
    manager: true,
  })
  expect(key.statusCode, key.body).toBe(201)
  manager = as(t.app, key.json().secret)
})
afterAll(() => t.close())

const company = {
  name: 'Maison Test',
  legal_form: 'SAS',
  share_capital_cents: 10_000_000,
  address: '1 rue de la Paix, 75002 Paris',
  siren: '732829320',
  vat_number: 'FR44732829320',
  rcs: 'RCS Paris 732 829 320',
}

async function newRegister() {
  const res = await manager.post('/api/v1/fiscal/registers', { store_id: f.store.id, code: unique('C-') })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; code: string; timezone: string }
}

const open = (id: string, body: Record<string, unknown> = {}) =>
  staff.post(`/api/v1/fiscal/registers/${id}/open`, { float_cents: 5000, ...body })

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())

describe('receipts with the legal mentions', () => {
  it('the company and the store are checked, and a receipt prints them with the ticket, VAT, tenders and hash', async () => {
    const bad = await admin.put('/api/v1/fiscal/company', { ...company, siren: '732829321' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.field).toBe('siren')
    const badVat = await admin.put('/api/v1/fiscal/company', { ...company, vat_number: 'FR00732829320' })
    expect(badVat.json().error.details.field).toBe('vat_number')
    expect((await staff.put('/api/v1/fiscal/company', company)).statusCode).toBe(403)
    const put = await admin.put('/api/v1/fiscal/company', company)
    expect(put.statusCode, put.body).toBe(200)
    const siret = await admin.put(`/api/v1/fiscal/stores/${f.store.id}/legal`, { siret: '73282932000074' })
    expect(siret.statusCode, siret.body).toBe(200)
    expect(
      (await admin.put(`/api/v1/fiscal/stores/${f.store.id}/legal`, { siret: '73282932000075' })).json().error
        .details.field,
    ).toBe('siret')

    const reg = await newRegister()
    expect((await open(reg.id)).statusCode).toBe(201)
    const towel = await f.product({ priceCents: 1200, vatRate: 20, stock: { [f.store.id]: 5 } })
    const book = await f.product({ priceCents: 2110, vatRate: 5.5, stock: { [f.store.id]: 5 } })
    const sold = await staff.post('/api/v1/orders', {
      channel: f.channels.store.code,
      register_id: reg.id,
      lines: [
        { sku: towel, quantity: 2, fulfilment: 'takeaway' },
        { sku: book, quantity: 1, fulfilment: 'takeaway' },
      ],
      payments: [
        { method: 'cash', amount_cents: 2000 },
        { method: 'card', amount_cents: 2510 },
      ],
    })
    expect(sold.statusCode, sold.body).toBe(201)
    const tickets = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/tickets`)).json()
    const seq = tickets.find((x: { kind: string }) => x.kind === 'sale').seq

    const receipt = await staff.get(`/api/v1/fiscal/registers/${reg.id}/tickets/${seq}/receipt`)
    expect(receipt.statusCode, receipt.body).toBe(200)
    const r = receipt.json()
    expect(r.company).toMatchObject({ name: 'Maison Test', legal_form: 'SAS', siren: '732829320' })
    expect(r.store).toMatchObject({ siret: '73282932000074' })
    expect(r.store.address.length).toBeGreaterThan(0)
    expect(r.register.code).toBe(reg.code)
    expect(r.ticket).toMatchObject({
      seq,
      kind: 'sale',
      total_cents: 4510,
      order_number: Number(sold.json().number),
    })
    expect(r.ticket.vat.map((v: { rate_bp: number }) => v.rate_bp)).toEqual([2000, 550])
    expect(r.ticket.tenders).toEqual([
      { method: 'cash', amount_cents: 2000 },
      { method: 'card', amount_cents: 2510 },
    ])
    expect(r.hash_excerpt).toBe(`${r.hash.slice(0, 8)}…${r.hash.slice(-4)}`)
    expect(r.duplicata).toBeNull()
    expect(r.training).toBe(false)

    const fr = await staff.get(`/api/v1/fiscal/registers/${reg.id}/tickets/${seq}/receipt.html`)
    expect(fr.headers['content-type']).toMatch(/text\/html/)
    for (const text of [
      'Maison Test',
      'SAS',
      '732829320',
      'FR44732829320',
      '73282932000074',
      reg.code,
      'Ticket n°',
      r.hash_excerpt,
    ]) {
      expect(fr.body).toContain(text)
    }
    expect(fr.body).toContain('80mm')
    const en = await staff.get(`/api/v1/fiscal/registers/${reg.id}/tickets/${seq}/receipt.html?lang=en`)
    expect(en.body).toContain('Sales receipt')
    expect(en.body).not.toContain('DUPLICATA')

    // Reprints: DUPLICATA n° 1 then n° 2, each a record whose receipt prints the original so marked.
    const first = await staff.post(`/api/v1/fiscal/registers/${reg.id}/tickets/${seq}/reprint`)
    const second = await staff.post(`/api/v1/fiscal/registers/${reg.id}/tickets/${seq}/reprint`)
    expect(second.json().duplicata.copy).toBe(2)
    const dup = await staff.get(
      `/api/v1/fiscal/registers/${reg.id}/tickets/${second.json().duplicata.seq}/receipt`,
    )
    expect(dup.json()).toMatchObject({ ticket: { seq, total_cents: 4510 }, duplicata: { copy: 2 } })
    expect(first.json().duplicata.copy).toBe(1)
    const dupHtml = await staff.get(
      `/api/v1/fiscal/registers/${reg.id}/tickets/${second.json().duplicata.seq}/receipt.html`,
    )
    expect(dupHtml.body).toContain('DUPLICATA n° 2')
  })
})

describe('training mode', () => {
  it('a training session rings up marked tickets that count in no Z, closing or FEC, refuses real sales, and is journalled', async () => {
    const reg = await newRegister()
    expect((await open(reg.id, { training: true })).json().training).toBe(true)
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 5 } })
    const real = await staff.post('/api/v1/orders', {
      channel: f.channels.store.code,
      register_id: reg.id,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'cash', amount_cents: 1000 }],
    })
    expect(real.statusCode).toBe(409)
    expect(real.json().error.code).toBe('register_in_training')
    const practice = await staff.post(`/api/v1/fiscal/registers/${reg.id}/training-tickets`, {
      lines: [{ sku: 'PRACTICE', name: 'Vase', quantity: 2, unit_price_cents: 1500, vat_rate_bp: 2000 }],
      tenders: [{ method: 'cash', amount_cents: 3000 }],
    })
    expect(practice.statusCode, practice.body).toBe(201)
    expect(practice.json()).toMatchObject({
      kind: 'training',
      training: true,
      total_cents: 3000,
      vat_cents: 500,
    })
    const unbalanced = await staff.post(`/api/v1/fiscal/registers/${reg.id}/training-tickets`, {
      lines: [{ sku: 'PRACTICE', name: 'Vase', quantity: 1, unit_price_cents: 1500, vat_rate_bp: 2000 }],
      tenders: [{ method: 'cash', amount_cents: 1 }],
    })
    expect(unbalanced.statusCode).toBe(400)
    await admin.put('/api/v1/fiscal/company', company)
    const html = await staff.get(
      `/api/v1/fiscal/registers/${reg.id}/tickets/${practice.json().seq}/receipt.html`,
    )
    expect(html.body).toContain('MODE FORMATION')

    const x = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/x`)).json()
    expect(x).toMatchObject({ training: true, training_tickets: 1 })
    expect(x.totals).toMatchObject({ tickets: 0, sales_cents: 0, net_cents: 0, tenders: [] })
    const z = await staff.post(`/api/v1/fiscal/registers/${reg.id}/close`, {
      counts: [{ method: 'cash', counted_cents: 5000 }],
    })
    expect(z.statusCode, z.body).toBe(200)
    expect(z.json().totals.sales_cents).toBe(0)
    const day = await manager.post(`/api/v1/fiscal/registers/${reg.id}/closings`, {
      kind: 'daily',
      period: today(),
    })
    expect(day.statusCode, day.body).toBe(201)
    expect(day.json()).toMatchObject({ total_cents: 0, grand_total_cents: 0 })
    const journal = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/journal`)).json()
    const kinds = journal.map((j: { kind: string }) => j.kind)
    expect(kinds).toEqual(
      expect.arrayContaining([
        'session.opened',
        'training.started',
        'sign_in',
        'sale.refused',
        'training.ended',
      ]),
    )
    expect(kinds.indexOf('training.ended')).toBeLessThan(kinds.indexOf('session.closed'))
    // A real session on a register that is not in training refuses practice tickets.
    const other = await newRegister()
    await open(other.id)
    const refused = await staff.post(`/api/v1/fiscal/registers/${other.id}/training-tickets`, {
      lines: [{ sku: 'P', name: 'P', quantity: 1, unit_price_cents: 100, vat_rate_bp: 2000 }],
      tenders: [{ method: 'cash', amount_cents: 100 }],
    })
    expect(refused.json().error.code).toBe('register_not_training')
  })
})

describe('the technical event journal', () => {
  it('records a cashier signing in when another key works the register, and the events the till reports', async () => {
    const reg = await newRegister()
    await open(reg.id)
    const sku = await f.product({ priceCents: 700, stock: { [f.store.id]: 5 } })
    // The manager rings a sale on the cashier's session: a sign-in of the manager, once.
    for (let i = 0; i < 2; i++) {
      const res = await manager.post('/api/v1/orders', {
        channel: f.channels.store.code,
        register_id: reg.id,
        lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
        payments: [{ method: 'card', amount_cents: 700 }],
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    for (const body of [
      { kind: 'price_override', sku, amount_cents: 500, previous_cents: 700, reason: 'damaged box' },
      { kind: 'line_void', sku, reason: 'customer changed mind' },
      { kind: 'drawer_opened', reason: 'change for a customer' },
      { kind: 'error', code: 'printer_offline' },
      { kind: 'sign_out' },
    ]) {
      const res = await staff.post(`/api/v1/fiscal/registers/${reg.id}/journal`, body)
      expect(res.statusCode, res.body).toBe(201)
    }
    const missing = await staff.post(`/api/v1/fiscal/registers/${reg.id}/journal`, {
      kind: 'price_override',
      sku,
      amount_cents: 500,
    })
    expect(missing.statusCode).toBe(400)
    const wrongKind = await staff.post(`/api/v1/fiscal/registers/${reg.id}/journal`, { kind: 'sale' })
    expect(wrongKind.statusCode).toBe(400)
    const journal = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/journal`)).json()
    const kinds = journal.map((j: { kind: string }) => j.kind)
    expect(kinds).toEqual([
      'register.created',
      'session.opened',
      'sign_in',
      'sign_in',
      'price_override',
      'line_void',
      'drawer_opened',
      'error',
      'sign_out',
    ])
    expect(journal.find((j: { kind: string }) => j.kind === 'price_override')).toMatchObject({
      amount_cents: 500,
      previous_cents: 700,
    })
    expect((await admin.get(`/api/v1/fiscal/verify?register=${reg.id}`)).json().ok).toBe(true)
  })
})

describe('cancellations and drafts at the till', () => {
  it('a draft confirmed at a register is its sale ticket; its cancellation gives the money back on a ticket', async () => {
    const reg = await newRegister()
    await open(reg.id)
    const sku = await f.product({ priceCents: 1500, vatRate: 20, stock: { [f.store.id]: 5 } })
    const draft = await staff.post('/api/v1/orders', {
      channel: f.channels.store.code,
      draft: true,
      lines: [{ sku, quantity: 2, fulfilment: 'pickup', pickup_location_id: f.store.id }],
    })
    expect(draft.statusCode, draft.body).toBe(201)
    const noRegister = await staff.post(`/api/v1/orders/${draft.json().id}/confirm`, {
      payments: [{ method: 'card', amount_cents: 3000 }],
    })
    expect(noRegister.json().error?.code).toBe('register_required')
    const confirmed = await staff.post(`/api/v1/orders/${draft.json().id}/confirm`, {
      payments: [{ method: 'card', amount_cents: 3000 }],
      register_id: reg.code,
    })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    const cancelled = await staff.post(`/api/v1/orders/${draft.json().id}/cancel`, { reason: 'changed mind' })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    const tickets = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/tickets`)).json()
    expect(tickets.map((x: { kind: string }) => x.kind)).toEqual(['sale', 'cancellation'])
    expect(tickets[0]).toMatchObject({ order_id: draft.json().id, total_cents: 3000 })
    expect(tickets[1]).toMatchObject({
      order_id: draft.json().id,
      total_cents: -3000,
      reason: 'changed mind',
      tenders: [{ method: 'card', amount_cents: -3000 }],
    })
    const x = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/x`)).json()
    expect(x.totals).toMatchObject({ sales_cents: 3000, returns_cents: 3000, net_cents: 0, returns_count: 1 })
    expect(x.totals.vat).toEqual([{ rate_bp: 2000, base_cents: 0, vat_cents: 0, total_cents: 0 }])
  })

  it('a cancellation on a closed register is refused and the order stays as it was', async () => {
    const reg = await newRegister()
    await open(reg.id)
    const sku = await f.product({ priceCents: 900, stock: { [f.store.id]: 5 } })
    const sold = await staff.post('/api/v1/orders', {
      channel: f.channels.store.code,
      register_id: reg.id,
      lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'cash', amount_cents: 900 }],
    })
    expect(sold.statusCode, sold.body).toBe(201)
    const x = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/x`)).json()
    await staff.post(`/api/v1/fiscal/registers/${reg.id}/close`, {
      counts: x.expected.map((e: { method: string; amount_cents: number }) => ({
        method: e.method,
        counted_cents: e.amount_cents,
      })),
    })
    const refused = await staff.post(`/api/v1/orders/${sold.json().id}/cancel`, { reason: 'x' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('register_not_open')
    expect((await staff.get(`/api/v1/orders/${sold.json().id}`)).json().status).not.toBe('cancelled')
    // On another register that is open, named by the till, it goes through.
    const other = await newRegister()
    await open(other.id)
    const ok = await staff.post(`/api/v1/orders/${sold.json().id}/cancel`, {
      reason: 'x',
      register_id: other.id,
    })
    expect(ok.statusCode, ok.body).toBe(200)
    const tickets = (await staff.get(`/api/v1/fiscal/registers/${other.id}/tickets`)).json()
    expect(tickets).toEqual([expect.objectContaining({ kind: 'cancellation', total_cents: -900 })])
  })
})

describe("the accountant's exports", () => {
  it('the daily sales journal has a row per store, VAT rate and tender; the FEC uses the chart head office sets', async () => {
    const reg = await newRegister()
    await open(reg.id)
    const a = await f.product({ priceCents: 1000, vatRate: 20, stock: { [f.store.id]: 5 } })
    const b = await f.product({ priceCents: 2000, vatRate: 5.5, stock: { [f.store.id]: 5 } })
    const res = await staff.post('/api/v1/orders', {
      channel: f.channels.store.code,
      register_id: reg.id,
      lines: [
        { sku: a, quantity: 1, fulfilment: 'takeaway' },
        { sku: b, quantity: 1, fulfilment: 'takeaway' },
      ],
      payments: [
        { method: 'cash', amount_cents: 1000 },
        { method: 'card', amount_cents: 2000 },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const x = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/x`)).json()
    await staff.post(`/api/v1/fiscal/registers/${reg.id}/close`, {
      counts: x.expected.map((e: { method: string; amount_cents: number }) => ({
        method: e.method,
        counted_cents: e.amount_cents,
      })),
    })
    expect(
      (await manager.post(`/api/v1/fiscal/registers/${reg.id}/closings`, { kind: 'daily', period: today() }))
        .statusCode,
    ).toBe(201)
    const csv = await admin.get(`/api/v1/fiscal/sales-journal?from=${today()}&to=${today()}`)
    expect(csv.statusCode, csv.body).toBe(200)
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    const rows = csv.body
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(';'))
    expect(rows[0]).toEqual([
      'date',
      'store',
      'row',
      'vat_rate',
      'tender',
      'tickets',
      'base_excl_vat',
      'vat',
      'total_incl_vat',
      'amount',
    ])
    const mine = rows.filter((r) => r[0] === today() && r[1] === f.store.code)
    expect(mine.filter((r) => r[2] === 'vat').map((r) => r[3])).toEqual(expect.arrayContaining(['20', '5,5']))
    expect(mine.filter((r) => r[2] === 'tender').map((r) => r[4])).toEqual(
      expect.arrayContaining(['cash', 'card']),
    )
    expect((await staff.get(`/api/v1/fiscal/sales-journal?from=${today()}&to=${today()}`)).statusCode).toBe(
      403,
    )
    expect((await admin.get('/api/v1/fiscal/sales-journal?from=2026-13-01&to=2026-12-01')).statusCode).toBe(
      400,
    )

    await admin.put('/api/v1/fiscal/company', company)
    const chart = (await admin.get('/api/v1/fiscal/accounts')).json()
    expect(chart.tenders.cash).toBe('530000')
    const badSales = await admin.put('/api/v1/fiscal/accounts', {
      ...chart,
      salesByRate: { ...chart.salesByRate, 2000: '445711' },
    })
    expect(badSales.statusCode).toBe(400)
    expect(badSales.json().error.details.field).toBe('salesByRate/2000')
    const badShape = await admin.put('/api/v1/fiscal/accounts', { ...chart, transfers: 'bank' })
    expect(badShape.statusCode).toBe(400)
    const put = await admin.put('/api/v1/fiscal/accounts', {
      ...chart,
      salesByRate: { ...chart.salesByRate, 2000: '707010' },
      tenders: { ...chart.tenders, card: '511500' },
    })
    expect(put.statusCode, put.body).toBe(200)
    const fec = await admin.get(`/api/v1/fiscal/fec?from=${today()}&to=${today()}`)
    const accounts = new Set(
      fec.body
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')[4]),
    )
    expect(accounts.has('707010')).toBe(true)
    expect(accounts.has('511500')).toBe(true)
    expect(accounts.has('707100')).toBe(false)
    // Back to the default chart for the other tests of this file.
    await admin.put('/api/v1/fiscal/accounts', chart)
  })
})

describe('monthly archives', () => {
  it('the job archives each month over once, stored; head office lists and downloads them', async () => {
    const reg = await newRegister()
    await open(reg.id)
    const in40Days = new Date(Date.now() + 40 * 86_400_000)
    const written = await archiveOverMonths(t.database.db, in40Days)
    expect(written).toBeGreaterThanOrEqual(1)
    expect(await archiveOverMonths(t.database.db, in40Days)).toBe(0)
    const list = (await admin.get('/api/v1/fiscal/archives')).json()
    const month = today().slice(0, 7)
    const entry = list.find((a: { period: string }) => a.period === month)
    expect(entry).toMatchObject({ created_by: 'system' })
    expect(entry.records).toBeGreaterThan(0)
    const file = await admin.get(`/api/v1/fiscal/archives/${month}/file`)
    expect(file.statusCode).toBe(200)
    expect(file.json().archive_hash).toBe(entry.archive_hash)
    // Asked again, the month answers the stored archive, not a new one.
    expect((await admin.get(`/api/v1/fiscal/archives/${month}`)).json().archive_hash).toBe(entry.archive_hash)
    expect((await admin.get('/api/v1/fiscal/archives/1999-01/file')).statusCode).toBe(404)
    expect((await staff.get('/api/v1/fiscal/archives')).statusCode).toBe(403)
  })
})
