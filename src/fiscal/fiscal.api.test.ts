import { verify } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../testing/cli.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, testDbKind, unique } from '../testing/harness.ts'
import { verifyArchive, verifyChains } from './index.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let manager: ReturnType<typeof as>
let staff: ReturnType<typeof as>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  staff = as(t.app, f.keys.store)
  const key = await as(t.app, t.admin).post('/api/v1/api-keys', {
    name: 'manager',
    role: 'store_staff',
    location_id: f.store.id,
    manager: true,
  })
  expect(key.statusCode, key.body).toBe(201)
  manager = as(t.app, key.json().secret)
})
afterAll(() => t.close())

const today = (tz = 'Europe/Paris') =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())

async function newRegister() {
  const res = await manager.post('/api/v1/fiscal/registers', {
    store_id: f.store.id,
    code: unique('CAISSE-'),
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; code: string; timezone: string }
}

async function openRegister(id: string, floatCents = 10_000) {
  const res = await staff.post(`/api/v1/fiscal/registers/${id}/open`, { float_cents: floatCents })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

const sale = (registerId: string, sku: string, payments: unknown[], quantity = 1) =>
  staff.post('/api/v1/orders', {
    channel: f.channels.store.code,
    register_id: registerId,
    lines: [{ sku, quantity, fulfilment: 'takeaway' }],
    payments,
  })

describe('registers and cash sessions', () => {
  it('a session opened with a float sells, moves cash, reads an X and closes with a Z whose counts hold', async () => {
    const reg = await newRegister()
    const towel = await f.product({ priceCents: 1200, vatRate: 20, stock: { [f.store.id]: 10 } })
    const book = await f.product({ priceCents: 2110, vatRate: 5.5, stock: { [f.store.id]: 10 } })
    await openRegister(reg.id, 15_000)
    const first = await sale(reg.id, towel, [{ method: 'cash', amount_cents: 2400, tendered_cents: 5000 }], 2)
    expect(first.statusCode, first.body).toBe(201)
    const second = await sale(reg.code, book, [{ method: 'card', amount_cents: 2110 }])
    expect(second.statusCode, second.body).toBe(201)
    const out = await staff.post(`/api/v1/fiscal/registers/${reg.id}/cash`, {
      kind: 'cash_out',
      amount_cents: 5000,
      reason: 'bank deposit',
    })
    expect(out.statusCode, out.body).toBe(200)

    const x = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/x`)).json()
    expect(x.report).toBe('X')
    expect(x.totals).toMatchObject({ tickets: 2, sales_count: 2, sales_cents: 4510, net_cents: 4510 })
    expect(x.totals.vat).toEqual([
      { rate_bp: 2000, base_cents: 2000, vat_cents: 400, total_cents: 2400 },
      { rate_bp: 550, base_cents: 2000, vat_cents: 110, total_cents: 2110 },
    ])
    expect(x.expected).toEqual([
      { method: 'card', amount_cents: 2110 },
      { method: 'cash', amount_cents: 15_000 + 2400 - 5000 },
    ])
    expect([x.first_ticket_seq, x.last_ticket_seq]).toEqual([1, 2])

    const z = await staff.post(`/api/v1/fiscal/registers/${reg.id}/close`, {
      counts: [
        { method: 'cash', counted_cents: 12_400 },
        { method: 'card', counted_cents: 2110 },
      ],
    })
    expect(z.statusCode, z.body).toBe(200)
    expect(z.json().report).toBe('Z')
    expect(z.json().counts).toEqual([
      { method: 'card', expected_cents: 2110, counted_cents: 2110, variance_cents: 0 },
      { method: 'cash', expected_cents: 12_400, counted_cents: 12_400, variance_cents: 0 },
    ])
    expect(z.json().cash_out_cents).toBe(5000)

    const html = await staff.get(
      `/api/v1/fiscal/sessions/${z.json().session_id}/report.html?format=80mm&lang=fr`,
    )
    expect(html.statusCode).toBe(200)
    expect(html.headers['content-type']).toContain('text/html')
    expect(html.body).toContain('Rapport Z')
    expect(html.body).toContain('80mm')
    expect(html.body).toContain('bank deposit')
    const a4 = await staff.get(`/api/v1/fiscal/sessions/${z.json().session_id}/report.html?format=a4&lang=en`)
    expect(a4.body).toContain('Z report')
    expect(a4.body).toContain('size: A4')

    const tickets = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/tickets`)).json()
    expect(tickets.map((tk: { order_id: string }) => tk.order_id)).toEqual([
      first.json().id,
      second.json().id,
    ])
    expect(tickets[1].prev_hash).toBe(tickets[0].hash)

    // The journal in sequence, and newest first a page at a time, as head office checks today's entries.
    const journal = `/api/v1/fiscal/registers/${reg.id}/journal`
    const inSequence = (await staff.get(journal)).json() as Array<{ seq: number; kind: string }>
    const seqs = inSequence.map((e) => e.seq)
    expect(seqs.length).toBeGreaterThanOrEqual(4)
    expect([inSequence[0]!.kind, inSequence.at(-1)!.kind]).toEqual(['register.created', 'session.closed'])
    const newest = (await staff.get(`${journal}?order=newest_first&limit=3`)).json() as typeof inSequence
    expect(newest.map((e) => e.seq)).toEqual([...seqs].reverse().slice(0, 3))
    const older = (
      await staff.get(`${journal}?order=newest_first&limit=100&before_seq=${newest[2]!.seq}`)
    ).json() as typeof inSequence
    expect(older.map((e) => e.seq)).toEqual([...seqs].reverse().slice(3))
    const window = (await staff.get(`${journal}?after_seq=1&before_seq=4`)).json() as typeof inSequence
    expect(window.map((e) => e.seq)).toEqual([2, 3])
    expect((await staff.get(`${journal}?order=latest`)).statusCode).toBe(400)
  })

  it("prints the X report's times on the store's clock, not in UTC", async () => {
    const admin = as(t.app, t.admin)
    const code = unique('NOUMEA-')
    const store = await admin.post('/api/v1/locations', {
      code,
      name: code,
      kind: 'store',
      ownership: 'owned',
      city: 'Nouméa',
      lat: -22.27,
      lon: 166.44,
      timezone: 'Pacific/Noumea',
      fulfilment_modes: ['takeaway'],
      daily_prep_capacity: 50,
    })
    expect(store.statusCode, store.body).toBe(201)
    const reg = await admin.post('/api/v1/fiscal/registers', {
      store_id: store.json().id,
      code: unique('CAISSE-'),
    })
    expect(reg.statusCode, reg.body).toBe(201)
    expect(reg.json().timezone).toBe('Pacific/Noumea')
    const opened = await admin.post(`/api/v1/fiscal/registers/${reg.json().id}/open`, { float_cents: 5000 })
    expect(opened.statusCode, opened.body).toBe(201)
    const x = (await admin.get(`/api/v1/fiscal/registers/${reg.json().id}/x`)).json()
    expect(x.timezone).toBe('Pacific/Noumea')
    const printed = await admin.get(`/api/v1/fiscal/sessions/${x.session_id}/report.html?format=a4&lang=fr`)
    expect(printed.statusCode, printed.body).toBe(200)
    const openedAt = new Date(x.opened_at)
    // Nouméa is eleven hours ahead of UTC all year: the two clocks never show the same time.
    expect(printed.body).toContain(openedAt.toLocaleString('fr-FR', { timeZone: 'Pacific/Noumea' }))
    expect(printed.body).not.toContain(openedAt.toLocaleString('fr-FR', { timeZone: 'UTC' }))
    expect(printed.body).toContain('Pacific/Noumea')
  })

  it('a register without an open session refuses to sell, and the sale leaves no order and no stock taken', async () => {
    const reg = await newRegister()
    const sku = await f.product({ stock: { [f.store.id]: 3 } })
    const res = await sale(reg.id, sku, [{ method: 'card', amount_cents: 1999 }])
    expect(res.statusCode, res.body).toBe(409)
    expect(res.json().error.code).toBe('register_not_open')
    expect(res.json().error.details.message_fr).toContain('caisse')
    const jet = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/journal`)).json()
    expect(jet.map((e: { kind: string }) => e.kind)).toEqual(['register.created', 'sale.refused'])
    expect(jet[1]).toMatchObject({ code: 'register_not_open', amount_cents: 1999, prev_hash: jet[0].hash })
    const stock = (await as(t.app, t.admin).get(`/api/v1/inventory/${sku}`)).json()
    expect(stock.levels.find((l: { location_id: string }) => l.location_id === f.store.id).on_hand).toBe(3)
    const orders = (await staff.get(`/api/v1/orders?status=completed&limit=200`)).json().data
    expect(orders.some((o: { lines: Array<{ sku: string }> }) => o.lines.some((l) => l.sku === sku))).toBe(
      false,
    )
  })

  it('in a store with registers a till sale naming no register is refused, and a register opens once', async () => {
    const reg = await newRegister()
    const sku = await f.product({ stock: { [f.store.id]: 3 } })
    const res = await staff.post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(res.statusCode, res.body).toBe(422)
    expect(res.json().error.code).toBe('register_required')
    await openRegister(reg.id)
    const again = await staff.post(`/api/v1/fiscal/registers/${reg.id}/open`, { float_cents: 0 })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('register_already_open')
    // The database itself holds one open session per register.
    const dup = t.database.db.execute(
      sql`INSERT INTO fiscal_session (id, register_id, float_cents, opened_at, opened_by, first_ticket_seq, first_journal_seq)
          VALUES (${unique('ses_')}, ${reg.id}, 0, now(), 'test', 1, 1)`,
    )
    await expect(dup).rejects.toThrow()
  })

  it('a variance over the store threshold is closed by a manager with a reason, not by a cashier', async () => {
    const reg = await newRegister()
    await as(t.app, t.admin).put(`/api/v1/fiscal/stores/${f.store.id}/settings`, {
      variance_threshold_cents: 200,
    })
    await openRegister(reg.id, 5000)
    const short = { counts: [{ method: 'cash', counted_cents: 4500 }] }
    const byCashier = await staff.post(`/api/v1/fiscal/registers/${reg.id}/close`, short)
    expect(byCashier.statusCode, byCashier.body).toBe(422)
    expect(byCashier.json().error.code).toBe('variance_needs_manager')
    const noReason = await manager.post(`/api/v1/fiscal/registers/${reg.id}/close`, short)
    expect(noReason.json().error.code).toBe('variance_needs_manager')
    const ok = await manager.post(`/api/v1/fiscal/registers/${reg.id}/close`, {
      ...short,
      variance_reason: 'note de 5 € rendue par erreur',
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().counts).toEqual([
      { method: 'cash', expected_cents: 5000, counted_cents: 4500, variance_cents: -500 },
    ])
    expect(ok.json().variance_reason).toBe('note de 5 € rendue par erreur')
  })
})

/** The refusal of the append-only trigger, under the driver's wrapping error. */
const appendOnly = (err: unknown) => /append-only/.test(String((err as { cause?: unknown }).cause ?? err))

describe('inalterable, chained records', () => {
  it('money given back over the counter is a return ticket on the register, in the X and the drawer', async () => {
    const reg = await newRegister()
    const sku = await f.product({ priceCents: 3000, vatRate: 20, stock: { [f.store.id]: 3 } })
    await openRegister(reg.id, 10_000)
    const sold = await sale(reg.id, sku, [{ method: 'cash', amount_cents: 6000 }], 2)
    expect(sold.statusCode, sold.body).toBe(201)
    const line = sold.json().lines[0].id
    const unnamed = await staff.post('/api/v1/returns', {
      order_id: sold.json().id,
      method: 'in_store',
      lines: [{ order_line_id: line, quantity: 1, reason: 'changed_mind', condition: 'resellable' }],
    })
    expect(unnamed.statusCode, unnamed.body).toBe(422)
    expect(unnamed.json().error.code).toBe('register_required')
    const back = await staff.post('/api/v1/returns', {
      order_id: sold.json().id,
      method: 'in_store',
      register_id: reg.code,
      lines: [{ order_line_id: line, quantity: 1, reason: 'changed_mind', condition: 'resellable' }],
    })
    expect(back.statusCode, back.body).toBe(201)
    const ticket = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/tickets/2`)).json()
    expect(ticket).toMatchObject({
      kind: 'return',
      return_id: back.json().id,
      total_cents: -3000,
      vat_cents: -500,
      tenders: [{ method: 'cash', amount_cents: -3000 }],
    })
    const x = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/x`)).json()
    expect(x.totals).toMatchObject({
      tickets: 2,
      sales_cents: 6000,
      returns_count: 1,
      returns_cents: 3000,
      net_cents: 3000,
      total_abs_cents: 9000,
    })
    expect(x.totals.vat).toEqual([{ rate_bp: 2000, base_cents: 2500, vat_cents: 500, total_cents: 3000 }])
    expect(x.expected).toEqual([{ method: 'cash', amount_cents: 13_000 }])
  })

  it('the database refuses to change or delete a ticket, a journal entry or a closing', async () => {
    const reg = await newRegister()
    const sku = await f.product({ stock: { [f.store.id]: 2 } })
    await openRegister(reg.id)
    expect((await sale(reg.id, sku, [{ method: 'card', amount_cents: 1999 }])).statusCode).toBe(201)
    const db = t.database.db
    await expect(
      db.execute(sql`UPDATE fiscal_ticket SET total_cents = 1 WHERE register_id = ${reg.id}`),
    ).rejects.toSatisfy(appendOnly)
    await expect(db.execute(sql`DELETE FROM fiscal_ticket WHERE register_id = ${reg.id}`)).rejects.toSatisfy(
      appendOnly,
    )
    await expect(db.execute(sql`DELETE FROM fiscal_journal WHERE register_id = ${reg.id}`)).rejects.toSatisfy(
      appendOnly,
    )
    const closed = await manager.post(`/api/v1/fiscal/registers/${reg.id}/closings`, {
      kind: 'monthly',
      period: '2024-01',
    })
    expect(closed.statusCode, closed.body).toBe(201)
    await expect(
      db.execute(sql`UPDATE fiscal_closing SET total_cents = 0 WHERE register_id = ${reg.id}`),
    ).rejects.toSatisfy(appendOnly)
    await expect(db.execute(sql`DELETE FROM fiscal_closing WHERE register_id = ${reg.id}`)).rejects.toSatisfy(
      appendOnly,
    )
  })

  it('16 concurrent sales on one register make one unbroken chain while another register sells alongside', async () => {
    const [a, b] = [await newRegister(), await newRegister()]
    const sku = await f.product({ priceCents: 500, stock: { [f.store.id]: 40 } })
    await openRegister(a.id)
    await openRegister(b.id)
    const sales = await Promise.all([
      ...Array.from({ length: 16 }, () => sale(a.id, sku, [{ method: 'card', amount_cents: 500 }])),
      ...Array.from({ length: 4 }, () => sale(b.id, sku, [{ method: 'cash', amount_cents: 500 }])),
    ])
    for (const s of sales) expect(s.statusCode, s.body).toBe(201)
    const tickets = (await staff.get(`/api/v1/fiscal/registers/${a.id}/tickets`)).json()
    expect(tickets.map((tk: { seq: number }) => tk.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1))
    expect(new Set(tickets.map((tk: { order_id: string }) => tk.order_id))).toEqual(
      new Set(sales.slice(0, 16).map((s) => s.json().id)),
    )
    for (const reg of [a, b]) {
      const v = (await as(t.app, t.admin).get(`/api/v1/fiscal/verify?register=${reg.id}`)).json()
      expect(v, JSON.stringify(v)).toMatchObject({ ok: true, broken: [] })
    }
  })

  it('a Z taken while sales are being rung up holds each sale once: in it, or refused with no order', async () => {
    const reg = await newRegister()
    const sku = await f.product({ priceCents: 300, stock: { [f.store.id]: 40 } })
    await openRegister(reg.id, 0)
    const ringing = Array.from({ length: 12 }, () =>
      sale(reg.id, sku, [{ method: 'card', amount_cents: 300 }]),
    )
    const closing = staff.post(`/api/v1/fiscal/registers/${reg.id}/close`, {
      counts: [
        { method: 'cash', counted_cents: 0 },
        { method: 'card', counted_cents: 0 },
      ],
    })
    const [results, close] = [await Promise.all(ringing), await closing]
    const placed = results.filter((r) => r.statusCode === 201).map((r) => r.json().id)
    for (const r of results) if (r.statusCode !== 201) expect(r.json().error.code).toBe('register_not_open')
    let z = close.json()
    if (close.statusCode !== 200) {
      // The card count did not match the sales rung up before the close: close with the real count.
      expect(close.json().error.code).toBe('variance_needs_manager')
      const x = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/x`)).json()
      const card = x.expected.find((e: { method: string }) => e.method === 'card')?.amount_cents ?? 0
      const retry = await staff.post(`/api/v1/fiscal/registers/${reg.id}/close`, {
        counts: [
          { method: 'cash', counted_cents: 0 },
          { method: 'card', counted_cents: card },
        ],
      })
      expect(retry.statusCode, retry.body).toBe(200)
      z = retry.json()
    }
    const after = await sale(reg.id, sku, [{ method: 'card', amount_cents: 300 }])
    expect(after.json().error.code).toBe('register_not_open')
    const tickets = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/tickets`)).json()
    const ordered = new Set([...placed].sort())
    expect(new Set(tickets.map((tk: { order_id: string }) => tk.order_id).sort())).toEqual(ordered)
    expect(z.totals.sales_count).toBe(placed.length)
    expect(z.totals.sales_cents).toBe(300 * placed.length)
  })

  it('a reprint is a new record on the chain: DUPLICATA n° 1, then n° 2', async () => {
    const reg = await newRegister()
    const sku = await f.product({ stock: { [f.store.id]: 2 } })
    await openRegister(reg.id)
    await sale(reg.id, sku, [{ method: 'card', amount_cents: 1999 }])
    const one = await staff.post(`/api/v1/fiscal/registers/${reg.id}/tickets/1/reprint`)
    expect(one.statusCode, one.body).toBe(201)
    expect(one.json().duplicata).toMatchObject({ copy: 1, seq: 2 })
    const two = await staff.post(`/api/v1/fiscal/registers/${reg.id}/tickets/1/reprint`)
    expect(two.json().duplicata).toMatchObject({ copy: 2, seq: 3 })
    const x = (await staff.get(`/api/v1/fiscal/registers/${reg.id}/x`)).json()
    expect(x.totals).toMatchObject({ tickets: 1, duplicates: 2, sales_cents: 1999 })
  })
})

describe('closings and the perpetual grand total', () => {
  it('a day closes once, signed, with its grand total; the register then sells no more that day', async () => {
    const reg = await newRegister()
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 5 } })
    await openRegister(reg.id, 0)
    await sale(reg.id, sku, [{ method: 'card', amount_cents: 1000 }])
    await sale(reg.id, sku, [{ method: 'card', amount_cents: 2000 }], 2)
    const early = await manager.post(`/api/v1/fiscal/registers/${reg.id}/closings`, {
      kind: 'daily',
      period: today(reg.timezone),
    })
    expect(early.json().error.code).toBe('session_open')
    await staff.post(`/api/v1/fiscal/registers/${reg.id}/close`, {
      counts: [
        { method: 'cash', counted_cents: 0 },
        { method: 'card', counted_cents: 3000 },
      ],
    })
    const day = await manager.post(`/api/v1/fiscal/registers/${reg.id}/closings`, {
      kind: 'daily',
      period: today(reg.timezone),
    })
    expect(day.statusCode, day.body).toBe(201)
    expect(day.json()).toMatchObject({
      total_cents: 3000,
      grand_total_cents: 3000,
      from_ticket_seq: 1,
      to_ticket_seq: 2,
    })
    const key = (await staff.get('/api/v1/fiscal/public-key')).json()
    expect(
      verify(
        null,
        Buffer.from(day.json().hash, 'hex'),
        key.public_key,
        Buffer.from(day.json().signature, 'base64'),
      ),
    ).toBe(true)
    const twice = await manager.post(`/api/v1/fiscal/registers/${reg.id}/closings`, {
      kind: 'daily',
      period: today(reg.timezone),
    })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.code).toBe('period_already_closed')
    const fec = await as(t.app, t.admin).get(
      `/api/v1/fiscal/fec?from=${today(reg.timezone)}&to=${today(reg.timezone)}`,
    )
    expect(fec.statusCode, fec.body).toBe(200)
    const entry = fec.body
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'))
      .filter((cols) => cols[2] === `VE-${reg.code}-${today(reg.timezone).replaceAll('-', '')}`)
    const cents = (v: string) => Math.round(Number(v.replace(',', '.')) * 100)
    expect(entry.map((cols) => [cols[4], cents(cols[11]!), cents(cols[12]!)])).toEqual([
      ['511200', 3000, 0],
      ['707100', 0, 2500],
      ['445711', 0, 500],
    ])
    const reopen = await staff.post(`/api/v1/fiscal/registers/${reg.id}/open`, { float_cents: 0 })
    expect(reopen.json().error.code).toBe('day_closed')

    const thisMonth = today(reg.timezone).slice(0, 7)
    const notOver = await manager.post(`/api/v1/fiscal/registers/${reg.id}/closings`, {
      kind: 'monthly',
      period: thisMonth,
    })
    expect(notOver.json().error.code).toBe('period_not_over')
    const past = await manager.post(`/api/v1/fiscal/registers/${reg.id}/closings`, {
      kind: 'monthly',
      period: '2025-11',
    })
    expect(past.statusCode, past.body).toBe(201)
    expect(past.json()).toMatchObject({ total_cents: 0, grand_total_cents: 0 })
    const pastAgain = await manager.post(`/api/v1/fiscal/registers/${reg.id}/closings`, {
      kind: 'monthly',
      period: '2025-11',
    })
    expect(pastAgain.json().error.code).toBe('period_already_closed')
    const byCashier = await staff.post(`/api/v1/fiscal/registers/${reg.id}/closings`, {
      kind: 'monthly',
      period: '2025-10',
    })
    expect(byCashier.statusCode).toBe(403)
    const v = (await as(t.app, t.admin).get(`/api/v1/fiscal/verify?register=${reg.id}`)).json()
    expect(v).toMatchObject({ ok: true })
  })
})

describe('archives', () => {
  it("a month's archive checks without the database, and a record changed in the file is named", async () => {
    const reg = await newRegister()
    const sku = await f.product({ priceCents: 800, stock: { [f.store.id]: 3 } })
    await openRegister(reg.id)
    await sale(reg.id, sku, [{ method: 'card', amount_cents: 800 }])
    await sale(reg.id, sku, [{ method: 'card', amount_cents: 800 }])
    const month = today(reg.timezone).slice(0, 7)
    const res = await as(t.app, t.admin).get(`/api/v1/fiscal/archives/${month}`)
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
    const archive = res.json()
    expect(verifyArchive(archive)).toMatchObject({ ok: true, broken: [] })
    const mine = archive.registers.find((r: { register_id: string }) => r.register_id === reg.id)
    expect(mine.chains.ticket.records.map((r: { seq: number }) => r.seq)).toEqual([1, 2])
    mine.chains.ticket.records[1].body.total_cents = 1
    const check = verifyArchive(archive)
    expect(check.ok).toBe(false)
    expect(check.broken).toEqual([
      expect.objectContaining({ chain: null }),
      expect.objectContaining({ chain: 'ticket', register_id: reg.id, seq: 2 }),
    ])
    const journal = (await as(t.app, t.admin).get(`/api/v1/fiscal/verify?register=${reg.id}`)).json()
    expect(journal.ok).toBe(true)
  })
})

describe('verify names the first broken record', () => {
  const asOwner = async (
    register: string,
    changes: ReturnType<typeof sql> | Array<ReturnType<typeof sql>>,
    table = 'fiscal_ticket',
  ) => {
    const db = t.database.db
    await db.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`))
    try {
      for (const change of [changes].flat()) await db.execute(change)
    } finally {
      await db.execute(sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`))
    }
    return (await as(t.app, t.admin).get(`/api/v1/fiscal/verify?register=${register}`)).json()
  }

  async function registerWithSales(n: number) {
    const reg = await newRegister()
    const sku = await f.product({ priceCents: 700, stock: { [f.store.id]: n } })
    await openRegister(reg.id)
    for (let i = 0; i < n; i++) await sale(reg.id, sku, [{ method: 'card', amount_cents: 700 }])
    const ok = (await as(t.app, t.admin).get(`/api/v1/fiscal/verify?register=${reg.id}`)).json()
    expect(ok).toMatchObject({ ok: true })
    return reg
  }

  it('a ticket whose amount was changed with plain SQL', async () => {
    const reg = await registerWithSales(4)
    const v = await asOwner(
      reg.id,
      sql`UPDATE fiscal_ticket SET body = jsonb_set(body, '{total_cents}', '70') WHERE register_id = ${reg.id} AND seq = 3`,
    )
    expect(v.ok).toBe(false)
    expect(v.broken).toEqual([expect.objectContaining({ chain: 'ticket', register_id: reg.id, seq: 3 })])
    expect(v.broken[0].reason).toContain('altered')
    const col = await asOwner(
      reg.id,
      sql`UPDATE fiscal_ticket SET total_cents = 1 WHERE register_id = ${reg.id} AND seq = 2`,
    )
    expect(col.broken[0]).toMatchObject({ chain: 'ticket', seq: 2 })
  })

  it('a deleted ticket', async () => {
    const reg = await registerWithSales(4)
    const v = await asOwner(reg.id, sql`DELETE FROM fiscal_ticket WHERE register_id = ${reg.id} AND seq = 2`)
    expect(v.broken).toEqual([expect.objectContaining({ chain: 'ticket', seq: 2 })])
    expect(v.broken[0].reason).toContain('missing')
  })

  it('two tickets swapped', async () => {
    const reg = await registerWithSales(4)
    const v = await asOwner(reg.id, [
      sql`UPDATE fiscal_ticket SET seq = CASE seq WHEN 2 THEN 3 ELSE 2 END + 1000 WHERE register_id = ${reg.id} AND seq IN (2, 3)`,
      sql`UPDATE fiscal_ticket SET seq = seq - 1000 WHERE register_id = ${reg.id} AND seq > 1000`,
    ])
    expect(v.broken).toEqual([expect.objectContaining({ chain: 'ticket', seq: 2 })])
  })

  it('the last journal entry removed', async () => {
    const reg = await registerWithSales(1)
    const v = await asOwner(
      reg.id,
      sql`DELETE FROM fiscal_journal WHERE register_id = ${reg.id} AND seq = (SELECT max(seq) FROM fiscal_journal WHERE register_id = ${reg.id})`,
      'fiscal_journal',
    )
    expect(v.broken).toEqual([expect.objectContaining({ chain: 'journal', register_id: reg.id })])
  })

  // Verifier threads open connections of their own to the server: the embedded database has none to give.
  it.runIf(testDbKind() === 'postgres')(
    'verifier threads name the same first broken records as the walk in process',
    async () => {
      const [altered, deleted] = [await registerWithSales(5), await registerWithSales(5)]
      await asOwner(altered.id, [
        sql`UPDATE fiscal_ticket SET order_id = 'ord_other' WHERE register_id = ${altered.id} AND seq = 4`,
        sql`UPDATE fiscal_ticket SET body = jsonb_set(body, '{total_cents}', '70') WHERE register_id = ${altered.id} AND seq = 3`,
      ])
      await asOwner(deleted.id, sql`DELETE FROM fiscal_ticket WHERE register_id = ${deleted.id} AND seq = 2`)
      for (const [reg, seq, reason] of [
        [altered.id, 3, 'its content does not hash to its hash (altered)'],
        [deleted.id, 2, 'record 2 is missing (the next is 3)'],
      ] as const) {
        const here = await verifyChains(t.database.db, reg)
        const threaded = await verifyChains(t.database.db, reg, { databaseUrl: t.databaseUrl!, threads: 2 })
        expect(threaded).toEqual(here)
        expect(threaded.broken).toEqual([{ chain: 'ticket', register_id: reg, seq, reason }])
      }
      await asOwner(
        altered.id,
        sql`UPDATE fiscal_ticket SET body = jsonb_set(body, '{total_cents}', to_jsonb(total_cents)) WHERE register_id = ${altered.id} AND seq = 3`,
      )
      const column = await verifyChains(t.database.db, altered.id, {
        databaseUrl: t.databaseUrl!,
        threads: 2,
      })
      expect(column.broken).toEqual([
        {
          chain: 'ticket',
          register_id: altered.id,
          seq: 4,
          reason: 'its column order_id differs from its hashed content (altered)',
        },
      ])
    },
  )

  // The command line opens the database by URL: the embedded test database lives in this process only.
  it.runIf(testDbKind() === 'postgres')(
    'passerelle fiscal verify says all holds, then names the altered ticket',
    async () => {
      const reg = await registerWithSales(3)
      const db = ['--database-url', t.databaseUrl!, '--register', reg.id]
      const fine = await runCli(['fiscal', 'verify', ...db])
      expect(fine.code, fine.stderr).toBe(0)
      expect(fine.stdout).toContain('every chain and signature holds')
      await asOwner(
        reg.id,
        sql`UPDATE fiscal_ticket SET body = jsonb_set(body, '{total_cents}', '7') WHERE register_id = ${reg.id} AND seq = 2`,
      )
      const broken = await runCli(['fiscal', 'verify', ...db])
      expect(broken.code, broken.stderr).toBe(3)
      expect(broken.stdout).toContain(`BROKEN ticket register ${reg.id} record 2`)
      const dir = mkdtempSync(join(tmpdir(), 'archive-'))
      try {
        const file = join(dir, 'archive.json')
        const month = today(reg.timezone).slice(0, 7)
        const made = await runCli([
          'fiscal',
          'archive',
          '--period',
          month,
          '--out',
          file,
          '--database-url',
          t.databaseUrl!,
        ])
        expect(made.code, made.stderr).toBe(0)
        const checked = await runCli(['fiscal', 'verify-archive', file])
        expect(checked.code, checked.stderr).toBe(3)
        expect(checked.stdout).toContain(`BROKEN ticket register ${reg.id} record 2`)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  )
})
