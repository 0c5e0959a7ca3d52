import { spawn } from 'node:child_process'
import { inflateSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { nodeArgsFor } from '../testing/cli.ts'
import { ciiSchemaErrors, en16931RuleFailures } from '../testing/en16931.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, testDbKind, unique } from '../testing/harness.ts'
import { settle } from '../testing/settle.ts'
import { luhnValid } from './identifiers.domain.ts'
import { remindOverdue } from './invoices.service.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as in the fixture
type Json = Record<string, any>

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let sku: string
let book: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  sku = await f.product({ priceCents: 2400, stock: { [f.warehouse.id]: 5000 } })
  book = await f.product({ priceCents: 2110, vatRate: 5.5, stock: { [f.warehouse.id]: 5000 } })
  const seller = await as(t.app, t.admin).put('/api/v1/business/seller', {
    legal_name: 'Maison Passerelle',
    legal_form: 'SAS',
    share_capital_cents: 5_000_000,
    siret: '55210055400013',
    vat_number: 'FR96552100554',
    rcs_city: 'Lyon',
    address_line1: '12 quai Saint-Antoine',
    postcode: '69002',
    city: 'Lyon',
    country: 'FR',
    iban: 'FR76 3000 6000 0112 3456 7890 189',
    late_penalty_rate_bp: 1215,
  })
  expect(seller.statusCode, seller.body).toBe(200)
})
afterAll(() => t.close())

function complete(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`
  throw new Error('unreachable')
}
function newSiret(): string {
  const siren = complete(`3${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`)
  return complete(`${siren}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`)
}

async function account(over: Json = {}): Promise<{ id: string; buyer: string; legal_name: string }> {
  const res = await as(t.app, t.admin).post('/api/v1/business/accounts', {
    legal_name: `Brasserie ${unique()}`,
    siret: newSiret(),
    country: 'FR',
    address_line1: '8 place Bellecour',
    postcode: '69002',
    city: 'Lyon',
    payment_terms_days: 30,
    ...over,
  })
  expect(res.statusCode, res.body).toBe(201)
  const c = await as(t.app, t.admin).post('/api/v1/customers', {
    first_name: 'Léa',
    last_name: `Compta${unique()}`,
    email: `compta.${unique().toLowerCase()}@example.fr`,
  })
  await as(t.app, t.admin).post(`/api/v1/business/accounts/${res.json().id}/buyers`, {
    customer_id: c.json().id,
  })
  return { id: res.json().id, buyer: c.json().id, legal_name: res.json().legal_name }
}

async function shippedOrder(a: { id: string; buyer: string }, lines = [{ sku, quantity: 2 }]): Promise<Json> {
  const placed = await as(t.app, f.keys.callCentre).post(`/api/v1/business/accounts/${a.id}/orders`, {
    buyer_customer_id: a.buyer,
    purchase_order_ref: `BC-${unique()}`,
    channel: f.channels.call_centre.code,
    lines: lines.map((l) => ({ ...l, fulfilment: 'delivery' })),
    delivery_address: address,
  })
  expect(placed.statusCode, placed.body).toBe(201)
  const order = (await as(t.app, t.admin).get(`/api/v1/orders/${placed.json().order_id}`)).json()
  const shipped = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/fulfil`, {
    lines: order.lines.map((l: Json) => ({ line_id: l.id, quantity: l.quantity })),
  })
  expect(shipped.statusCode, shipped.body).toBe(200)
  return shipped.json()
}

const invoicesOf = async (accountId: string) =>
  (await as(t.app, t.admin).get(`/api/v1/business/invoices?account_id=${accountId}`)).json().data as Json[]

const inflate = (s: PDFStream) =>
  s instanceof PDFRawStream && s.dict.get(PDFName.of('Filter'))
    ? inflateSync(s.contents)
    : (s as PDFRawStream).contents

/** Every number of the year's series, in order: an unbroken run 1…n. */
async function series() {
  const year = new Date().getUTCFullYear()
  const nums = await rows<{ seq: number }>(
    t.database.db,
    sql`SELECT seq FROM invoice WHERE year = ${year} ORDER BY seq`,
  )
  const [last] = await rows<{ last: number }>(
    t.database.db,
    sql`SELECT last FROM invoice_number WHERE year = ${year}`,
  )
  return { seqs: nums.map((n) => n.seq), last: last?.last ?? 0 }
}

describe('invoices', () => {
  it('a business order is invoiced when it ships, as a Factur-X PDF with its valid EN 16931 XML attached', async () => {
    const a = await account()
    const order = await shippedOrder(a, [
      { sku, quantity: 3 },
      { sku: book, quantity: 2 },
    ])
    await settle(t.database.db)
    const inv = (await invoicesOf(a.id))[0]!
    expect(inv).toMatchObject({
      kind: 'invoice',
      status: 'open',
      account_name: a.legal_name,
      order_ids: [order.id],
      total_cents: order.total_cents,
    })
    expect(inv.number).toMatch(/^F\d{4}-\d{6}$/)
    expect(inv.total_excl_cents + inv.vat_cents).toBe(inv.total_cents)

    const pdf = await as(t.app, f.keys.callCentre).get(inv.pdf_url)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const doc = await PDFDocument.load(pdf.rawPayload, { updateMetadata: false })
    const af = doc.catalog.lookup(PDFName.of('AF'), PDFArray).lookup(0, PDFDict)
    const xml = Buffer.from(
      inflate(af.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream)),
    ).toString()
    expect(xml).toContain(`<ram:ID>${inv.number}</ram:ID>`)
    expect(xml).toContain('<ram:ID schemeID="VA">FR96552100554</ram:ID>')
    expect(await ciiSchemaErrors(xml)).toEqual([])
    expect(await en16931RuleFailures(xml)).toEqual([])
    const alone = await as(t.app, t.admin).get(inv.xml_url)
    expect(alone.body).toBe(xml)

    // Settled again: still one invoice.
    await settle(t.database.db)
    expect(await invoicesOf(a.id)).toHaveLength(1)
  }, 60_000)

  it('a payment settles the invoice and gives the account its credit back', async () => {
    const a = await account({ credit_limit_cents: 20_000 })
    await shippedOrder(a)
    await settle(t.database.db)
    const inv = (await invoicesOf(a.id))[0]!
    const before = (await as(t.app, t.admin).get(`/api/v1/business/accounts/${a.id}`)).json()
    expect(before.open_cents).toBe(inv.total_cents)
    const tooMuch = await as(t.app, t.admin).post(`/api/v1/business/invoices/${inv.number}/payments`, {
      amount_cents: inv.total_cents + 1,
      received_on: '2026-01-10',
    })
    expect(tooMuch.statusCode).toBe(422)
    expect(tooMuch.json().error.code).toBe('payment_exceeds_outstanding')
    const paid = await as(t.app, t.admin).post(`/api/v1/business/invoices/${inv.id}/payments`, {
      amount_cents: inv.total_cents,
      received_on: '2026-01-10',
      reference: 'VIR-123',
    })
    expect(paid.statusCode, paid.body).toBe(201)
    expect(paid.json()).toMatchObject({ status: 'paid', outstanding_cents: 0 })
    expect((await as(t.app, t.admin).get(`/api/v1/business/accounts/${a.id}`)).json().open_cents).toBe(0)
  }, 60_000)

  it('an account invoiced monthly gets one invoice for several orders, when asked or when the month ends', async () => {
    const a = await account({ invoicing: 'monthly' })
    const o1 = await shippedOrder(a)
    const o2 = await shippedOrder(a)
    await settle(t.database.db)
    expect(await invoicesOf(a.id)).toHaveLength(0)
    const res = await as(t.app, t.admin).post(`/api/v1/business/accounts/${a.id}/invoices`, {})
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().order_ids.sort()).toEqual([o1.id, o2.id].sort())
    expect(res.json().total_cents).toBe(o1.total_cents + o2.total_cents)
    const nothing = await as(t.app, t.admin).post(`/api/v1/business/accounts/${a.id}/invoices`, {})
    expect(nothing.statusCode).toBe(200)
  }, 60_000)

  it('an overdue invoice gets its reminders, with late penalties and the 40 € fee, once per level', async () => {
    const a = await account({ payment_terms_days: 0 })
    await shippedOrder(a)
    await settle(t.database.db)
    const inv = (await invoicesOf(a.id))[0]!
    const later = (days: number) => new Date(Date.parse(`${inv.due_date}T12:00:00Z`) + days * 86_400_000)
    await t.database.db.transaction((tx) => remindOverdue(tx, later(2)))
    await t.database.db.transaction((tx) => remindOverdue(tx, later(3)))
    await t.database.db.transaction((tx) => remindOverdue(tx, later(31)))
    const read = (await as(t.app, t.admin).get(`/api/v1/business/invoices/${inv.id}`)).json()
    expect(read.reminders.map((r: Json) => r.level)).toEqual([1, 3])
    expect(read.reminders[0].penalty_cents).toBeGreaterThanOrEqual(4_000)
    const overdue = (
      await as(t.app, t.admin).get(`/api/v1/business/invoices?account_id=${a.id}&status=unpaid`)
    ).json()
    expect(overdue.data.map((i: Json) => i.id)).toEqual([inv.id])
  }, 60_000)

  it('a return of invoiced goods is credited by a credit note that refers to the invoice', async () => {
    const a = await account()
    const order = await shippedOrder(a, [{ sku, quantity: 4 }])
    await settle(t.database.db)
    const rma = await as(t.app, f.keys.callCentre).post('/api/v1/returns', {
      order_id: order.id,
      method: 'carrier',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind' }],
    })
    expect(rma.statusCode, rma.body).toBe(201)
    const received = await as(t.app, t.admin).post(`/api/v1/returns/${rma.json().id}/receive`, {
      lines: [{ order_line_id: order.lines[0].id, condition: 'resellable' }],
    })
    expect(received.statusCode, received.body).toBe(200)
    // Nothing was paid on account: no money and no store credit go back, the credit note alone credits it.
    expect(received.json().refunds ?? []).toEqual([])
    await settle(t.database.db)
    const docs = await invoicesOf(a.id)
    const note = docs.find((d) => d.kind === 'credit_note')!
    const inv = docs.find((d) => d.kind === 'invoice')!
    expect(note).toMatchObject({ corrects_invoice_id: inv.id, return_id: rma.json().id, status: 'issued' })
    expect(note.total_cents).toBe(order.total_cents / 4)
    expect((await as(t.app, t.admin).get(`/api/v1/business/invoices/${inv.id}`)).json()).toMatchObject({
      credited_cents: note.total_cents,
      outstanding_cents: inv.total_cents - note.total_cents,
    })
    const xml = (await as(t.app, t.admin).get(note.xml_url)).body
    expect(xml).toContain('<ram:TypeCode>381</ram:TypeCode>')
    expect(xml).toContain(`<ram:IssuerAssignedID>${inv.number}</ram:IssuerAssignedID>`)
    expect(await en16931RuleFailures(xml)).toEqual([])
  }, 60_000)

  it('the FEC books each invoice and credit note in the sales journal VF, balanced, the number as PieceRef', async () => {
    const a = await account()
    const order = await shippedOrder(a, [
      { sku, quantity: 3 },
      { sku: book, quantity: 2 },
    ])
    await settle(t.database.db)
    const rma = await as(t.app, f.keys.callCentre).post('/api/v1/returns', {
      order_id: order.id,
      method: 'carrier',
      lines: order.lines.map((l: Json) => ({ order_line_id: l.id, quantity: 1, reason: 'changed_mind' })),
    })
    expect(rma.statusCode, rma.body).toBe(201)
    const received = await as(t.app, t.admin).post(`/api/v1/returns/${rma.json().id}/receive`, {
      lines: order.lines.map((l: Json) => ({ order_line_id: l.id, condition: 'resellable' })),
    })
    expect(received.statusCode, received.body).toBe(200)
    await settle(t.database.db)
    const docs = await invoicesOf(a.id)
    const inv = docs.find((d) => d.kind === 'invoice')!
    const note = docs.find((d) => d.kind === 'credit_note')!
    expect(note).toBeDefined()

    const from = [inv.issue_date, note.issue_date].sort()[0]
    const to = [inv.issue_date, note.issue_date].sort()[1]
    const fec = await as(t.app, t.admin).get(`/api/v1/fiscal/fec?from=${from}&to=${to}`)
    expect(fec.statusCode, fec.body).toBe(200)
    const [header, ...lines] = fec.body.trimEnd().split('\n')
    const cols = header!.split('\t')
    const cents = (v: string) => Math.round(Number(v.replace(',', '.')) * 100)
    const rowsOf = lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i]!, v])))
    // The whole file balances, and so does each entry.
    const sum = (rs: Array<Record<string, string>>, col: string) => rs.reduce((s, r) => s + cents(r[col]!), 0)
    expect(sum(rowsOf, 'Debit')).toBe(sum(rowsOf, 'Credit'))
    for (const doc of [inv, note]) {
      const entry = rowsOf.filter((r) => r.PieceRef === doc.number)
      expect(entry.length, doc.number).toBe(5)
      expect(new Set(entry.map((r) => r.JournalCode))).toEqual(new Set(['VF']))
      expect(new Set(entry.map((r) => r.EcritureNum)).size).toBe(1)
      expect(entry.every((r) => r.EcritureDate === doc.issue_date.replaceAll('-', ''))).toBe(true)
      expect(sum(entry, 'Debit')).toBe(sum(entry, 'Credit'))
      const customer = entry.find((r) => r.CompteNum === '411000')!
      expect(customer.CompAuxNum).toBe(a.id)
      expect(customer.CompAuxLib).toMatch(/^Brasserie /)
      const side = doc.kind === 'invoice' ? 'Debit' : 'Credit'
      const other = doc.kind === 'invoice' ? 'Credit' : 'Debit'
      expect(cents(customer[side]!)).toBe(doc.total_cents)
      expect(new Set(entry.filter((r) => r !== customer).map((r) => r.CompteNum))).toEqual(
        new Set(['707100', '445711', '707300', '445713']),
      )
      expect(
        sum(
          entry.filter((r) => r !== customer),
          other,
        ),
      ).toBe(doc.total_cents)
      const vat = entry.filter((r) => r.CompteNum!.startsWith('4457'))
      expect(sum(vat, other)).toBe(doc.vat_cents)
    }
  }, 60_000)

  it('invoices issued at once take consecutive numbers: the series has no gap', async () => {
    const accounts = await Promise.all(Array.from({ length: 6 }, () => account({ invoicing: 'monthly' })))
    for (const a of accounts) await shippedOrder(a)
    const issued = await Promise.all(
      accounts.map((a) => as(t.app, t.admin).post(`/api/v1/business/accounts/${a.id}/invoices`, {})),
    )
    expect(issued.map((r) => r.statusCode)).toEqual(accounts.map(() => 201))
    const { seqs, last } = await series()
    expect(seqs).toEqual(Array.from({ length: last }, (_, i) => i + 1))
  }, 120_000)

  it.skipIf(testDbKind() !== 'postgres')(
    'killed with -9 while invoicing, two invoicing processes leave the series without a gap',
    async () => {
      const accounts = await Promise.all(Array.from({ length: 4 }, () => account({ invoicing: 'monthly' })))
      const orders: string[] = []
      for (const a of accounts)
        for (let i = 0; i < 5; i++) orders.push(`${a.id}:${(await shippedOrder(a)).id}`)
      // Each child's exit is awaited from its start: one may die before the test looks at it.
      const child = (list: string[], extra: Record<string, string> = {}) => {
        const p = spawn(process.execPath, nodeArgsFor(new URL('./invoicing.child.ts', import.meta.url)), {
          env: { ...process.env, DATABASE_URL: t.databaseUrl!, ORDERS: list.join(','), ...extra },
          stdio: ['ignore', 'pipe', 'inherit'],
        })
        const exit = new Promise<NodeJS.Signals | number | null>((resolve) =>
          p.once('exit', (code, signal) => resolve(signal ?? code)),
        )
        const firstLine = new Promise<void>((resolve) => p.stdout.once('data', () => resolve()))
        return { p, exit, firstLine }
      }
      // One dies by its own hand in the middle of its third invoice, number taken and not committed.
      const crashing = child(orders.slice(0, 10), { CRASH_AT: '3' })
      // The other is killed from outside while it invoices.
      const killed = child(orders.slice(10))
      await Promise.race([killed.firstLine, killed.exit])
      killed.p.kill('SIGKILL')
      expect(await crashing.exit).toBe('SIGKILL')
      expect(await killed.exit).toBe('SIGKILL')
      // Started again on everything: the rest is invoiced.
      const again = child(orders)
      expect(await again.exit).toBe(0)
      const { seqs, last } = await series()
      expect(seqs).toEqual(Array.from({ length: last }, (_, i) => i + 1))
      const billed = await rows<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM invoice_order WHERE order_id IN (${sql.join(
          orders.map((o) => sql`${o.split(':')[1]}`),
          sql`, `,
        )})`,
      )
      expect(billed[0]!.n).toBe(orders.length)
    },
    90_000,
  )
})
