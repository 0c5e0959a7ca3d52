/**
 * The demo's business side: the brand's invoicing identity, two partners (the marketplace channel and
 * a distributor) with their stock feeds, orders, a return and last month's settlement closed, business customers
 * with a B2B price list, and a franchisee buying its goods, all invoiced (Factur-X). Written through
 * the capabilities' own services, as the API would, on a few dozen orders: it adds seconds, not minutes.
 */
import { sql } from 'drizzle-orm'
import {
  addBuyer,
  createAccount,
  createPriceList,
  issueInvoiceIn,
  placeBusinessOrder,
  putPrices,
  putSeller,
  recordPayment,
  remindOverdue,
} from '../business/index.ts'
import { type Db, rows, type Tx } from '../db/database.ts'
import { fulfilOrderIn } from '../orders/index.ts'
import { closeSettlement, placePartnerOrder, putFeedSettings, putTerms } from '../partners/index.ts'
import { createReturn, receiveReturnIn } from '../returns/index.ts'
import type { Actor } from '../shared/actor.ts'
import { periodOf } from '../shared/period.domain.ts'

const HEAD_OFFICE: Actor = { keyId: 'demo', name: 'demo', role: 'admin', locationId: null, channelId: null }
const DAY_MS = 86_400_000

const towns = [
  { line1: '14 rue Nationale', postcode: '59000', city: 'Lille' },
  { line1: '3 cours Mirabeau', postcode: '13100', city: 'Aix-en-Provence' },
  { line1: '22 rue Sainte-Catherine', postcode: '33000', city: 'Bordeaux' },
  { line1: '5 place du Capitole', postcode: '31000', city: 'Toulouse' },
]

/** SKUs with stock in a warehouse, listed on the partner channel: what the demo's partners sell. */
async function sellable(db: Db | Tx, channelCode: string, n: number) {
  return rows<{ sku: string; price_cents: number }>(
    db,
    sql`SELECT v.sku, p.amount_cents AS price_cents FROM variant v
        JOIN channel c ON c.code = ${channelCode}
        JOIN price p ON p.sku = v.sku AND p.price_list_id = c.price_list_id
        JOIN assortment a ON a.product_id = v.product_id AND a.channel_id = c.id
        WHERE EXISTS (SELECT 1 FROM stock_level s JOIN location l ON l.id = s.location_id
                      WHERE s.sku = v.sku AND l.kind = 'warehouse' AND s.on_hand - s.reserved >= 50)
        ORDER BY v.sku LIMIT ${n}`,
  )
}

/** Returns how many orders it placed. */
export async function seedBusiness(db: Db, now: Date): Promise<number> {
  await db.transaction(async (tx) => {
    await putSeller(tx, {
      legal_name: 'Maison Passerelle',
      legal_form: 'SAS',
      share_capital_cents: 250_000_000,
      siret: '55210055400013',
      vat_number: 'FR96552100554',
      rcs_city: 'Lyon',
      address_line1: '12 quai Saint-Antoine',
      postcode: '69002',
      city: 'Lyon',
      country: 'FR',
      iban: 'FR7630006000011234567890189',
      late_penalty_rate_bp: 1215,
    })
  })
  return (await seedPartners(db, now)) + (await seedBusinessCustomers(db, now))
}

/** The marketplace is the demo's partner channel; the distributor a second one with the same prices. */
async function seedPartners(db: Db, now: Date) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      WITH src AS (SELECT * FROM channel WHERE code = 'PARTNERS'),
      pl AS (INSERT INTO price_list (id, code, name, currency)
             SELECT 'prl_demo_distrib', 'PL-DISTRIB', 'Tarif distributeur', currency FROM price_list
             WHERE id = (SELECT price_list_id FROM src) RETURNING id)
      INSERT INTO channel (id, code, name, kind, price_list_id, fulfilment_modes, draft_hold_minutes, collects_payment)
      SELECT 'chn_demo_distrib', 'DISTRIB', 'Distributeur Maisons du Sud', 'partner', (SELECT id FROM pl),
             fulfilment_modes, draft_hold_minutes, true FROM src`)
    await tx.execute(sql`
      INSERT INTO price (price_list_id, sku, amount_cents)
      SELECT 'prl_demo_distrib', p.sku, p.amount_cents FROM price p
      JOIN channel c ON c.price_list_id = p.price_list_id WHERE c.code = 'PARTNERS'`)
    await tx.execute(sql`
      INSERT INTO assortment (channel_id, product_id)
      SELECT 'chn_demo_distrib', a.product_id FROM assortment a JOIN channel c ON c.id = a.channel_id
      WHERE c.code = 'PARTNERS'`)
    await putTerms(tx, HEAD_OFFICE, 'PARTNERS', { commission_bp: 1500, order_fee_cents: 50 })
    await putTerms(tx, HEAD_OFFICE, 'DISTRIB', { commission_bp: 800 })
  })
  const skus = await sellable(db, 'PARTNERS', 12)
  const lastMonth = periodOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - DAY_MS))
  const placed: Array<{ code: string; orderId: string; lineId: string }> = []
  for (const [code, prefix, count] of [
    ['PARTNERS', 'MKP', 8],
    ['DISTRIB', 'MDS', 5],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const s = skus[(i * 5 + code.length) % skus.length]!
      const town = towns[i % towns.length]!
      const { order } = await placePartnerOrder(db, HEAD_OFFICE, code, {
        partner_order_id: `${prefix}-${lastMonth.replace('-', '')}-${String(i + 1).padStart(4, '0')}`,
        customer: {
          name: `Client ${prefix} ${i + 1}`,
          city: town.city,
          postcode: town.postcode,
          country: 'FR',
        },
        lines: [{ sku: s.sku, quantity: 1 + (i % 3), unit_price_cents: Math.round(s.price_cents * 0.95) }],
        delivery_address: { name: `Client ${prefix} ${i + 1}`, ...town, country: 'FR' },
      })
      placed.push({ code, orderId: order.order_id, lineId: order.lines[0]!.line_id })
    }
  }
  // Shipped from the warehouse; one marketplace parcel comes back and is refunded through the partner.
  await db.transaction(async (tx) => {
    for (const p of placed) {
      await fulfilOrderIn(tx, HEAD_OFFICE, p.orderId, [{ line_id: p.lineId, quantity: 1 }], [])
    }
    const back = placed[0]!
    const rma = await createReturn(tx, HEAD_OFFICE, {
      order_id: back.orderId,
      method: 'carrier',
      lines: [{ order_line_id: back.lineId, quantity: 1, reason: 'changed_mind' }],
    })
    await receiveReturnIn(tx, HEAD_OFFICE, rma.id, [{ order_line_id: back.lineId, condition: 'resellable' }])
    // These orders are last month's: their money moved then, so the month can be settled and closed.
    const ids = sql.join(
      placed.map((p) => sql`${p.orderId}`),
      sql`, `,
    )
    const shift = sql`(${`${lastMonth}-15T10:00:00Z`}::timestamptz)`
    await tx.execute(
      sql`UPDATE payment SET created_at = ${shift}, updated_at = ${shift} WHERE order_id IN (${ids})`,
    )
    await tx.execute(
      sql`UPDATE orders SET placed_at = ${shift}, created_at = ${shift}, updated_at = ${shift} WHERE id IN (${ids})`,
    )
    await closeSettlement(tx, HEAD_OFFICE, 'PARTNERS', lastMonth, now)
  })
  // Their stock feeds: the marketplace sells the kitchen and garden ranges from both warehouses, a fifth
  // of the stock and 2 units of each SKU kept back; the distributor the SKUs it orders, from Saint-Priest.
  await db.transaction(async (tx) => {
    await putFeedSettings(tx, HEAD_OFFICE, 'PARTNERS', {
      categories: ['kitchen', 'garden'],
      location_ids: ['WH-SARAN', 'WH-SAINT-PRIEST'],
      buffer_bp: 2000,
      buffer_units: 2,
    })
    await putFeedSettings(tx, HEAD_OFFICE, 'DISTRIB', {
      skus: skus.map((s) => s.sku),
      location_ids: ['WH-SAINT-PRIEST'],
      buffer_units: 5,
    })
  })
  return placed.length
}

async function seedBusinessCustomers(db: Db, now: Date) {
  const skus = await sellable(db, 'CALL-CENTRE', 8)
  const [franchisee] = await rows<{ id: string }>(db, sql`SELECT id FROM franchisee ORDER BY code LIMIT 1`)
  const buyers = await rows<{ id: string }>(db, sql`SELECT id FROM customer ORDER BY id LIMIT 3`)
  const accounts = await db.transaction(async (tx) => {
    const list = await createPriceList(tx, { code: 'B2B-PRO', name: 'Tarif professionnels (HT)' })
    await putPrices(tx, list.code, {
      prices: skus.flatMap((s) => {
        const excl = Math.round(s.price_cents / 1.2)
        return [
          { sku: s.sku, min_quantity: 1, unit_price_excl_cents: Math.round(excl * 0.9) },
          { sku: s.sku, min_quantity: 10, unit_price_excl_cents: Math.round(excl * 0.8) },
        ]
      }),
    })
    const specs = [
      {
        legal_name: 'Hôtel du Parc SARL',
        siret: '44306184100047',
        vat_number: 'FR64443061841',
        city: 'Lyon',
        postcode: '69006',
        line1: '20 boulevard des Belges',
        credit: 500_000,
        terms: [30, true] as const,
      },
      {
        legal_name: 'Brasserie des Halles SAS',
        siret: '40483304800022',
        vat_number: 'FR83404833048',
        city: 'Lille',
        postcode: '59000',
        line1: '9 place Rihour',
        credit: 200_000,
        terms: [45, false] as const,
      },
      {
        legal_name: 'Maison Nice Franchise SAS',
        siret: '73282932000074',
        vat_number: null,
        city: 'Nice',
        postcode: '06000',
        line1: '3 avenue Jean Médecin',
        credit: 1_000_000,
        terms: [30, true] as const,
      },
    ]
    const made = []
    for (const [i, s] of specs.entries()) {
      const a = await createAccount(tx, {
        legal_name: s.legal_name,
        siret: s.siret,
        ...(s.vat_number ? { vat_number: s.vat_number } : {}),
        country: 'FR',
        address_line1: s.line1,
        postcode: s.postcode,
        city: s.city,
        payment_terms_days: s.terms[0],
        payment_terms_end_of_month: s.terms[1],
        credit_limit_cents: s.credit,
        price_list: list.code,
        ...(i === 2 && franchisee ? { franchisee_id: franchisee.id, invoicing: 'monthly' as const } : {}),
      })
      if (buyers[i]) await addBuyer(tx, a.id, buyers[i]!.id)
      made.push(a)
    }
    return made
  })
  const [callCentre] = await rows<{ id: string }>(db, sql`SELECT id FROM channel WHERE code = 'CALL-CENTRE'`)
  const agent: Actor = { ...HEAD_OFFICE, role: 'call_centre', channelId: callCentre!.id }
  // The brasserie's first order was invoiced two months ago and is still unpaid (overdue, reminded);
  // it is issued first so that the series stays in the order of the issue dates.
  const jobs = accounts.flatMap((a, i) =>
    [0, 1].map((k) => ({ a, i, k, at: i === 1 && k === 0 ? new Date(now.getTime() - 60 * DAY_MS) : now })),
  )
  jobs.sort((x, y) => x.at.getTime() - y.at.getTime())
  const invoices = new Map<string, string>()
  for (const { a, i, k, at } of jobs) {
    const buyer = buyers[i]
    if (!buyer) continue
    await db.transaction(async (tx) => {
      const s = skus[(i * 2 + k) % skus.length]!
      const order = await placeBusinessOrder(tx, agent, a.id, {
        buyer_customer_id: buyer.id,
        purchase_order_ref: `BC-${a.legal_name.slice(0, 3).toUpperCase()}-${k + 1}`,
        channel: 'CALL-CENTRE',
        lines: [{ sku: s.sku, quantity: 12, fulfilment: 'delivery' }],
        delivery_address: {
          name: a.legal_name,
          line1: a.address_line1,
          postcode: a.postcode,
          city: a.city,
          country: 'FR',
        },
      })
      const [line] = await rows<{ id: string }>(
        tx,
        sql`SELECT id FROM order_line WHERE order_id = ${order.order_id}`,
      )
      await fulfilOrderIn(tx, HEAD_OFFICE, order.order_id, [{ line_id: line!.id, quantity: 12 }], [])
      if (a.invoicing === 'per_order') {
        const id = await issueInvoiceIn(tx, a.id, [order.order_id], at)
        if (id) invoices.set(`${i}:${k}`, id)
      }
    })
  }
  for (const a of accounts.filter((x) => x.invoicing === 'monthly')) {
    await db.transaction((tx) => issueInvoiceIn(tx, a.id, null, now))
  }
  // The hotel paid its first invoice; the brasserie's first is overdue and gets its reminder.
  await db.transaction(async (tx) => {
    const paid = invoices.get('0:0')
    if (paid) {
      const [first] = await rows<{ total_cents: number }>(
        tx,
        sql`SELECT total_cents::int FROM invoice WHERE id = ${paid}`,
      )
      await recordPayment(tx, paid, {
        amount_cents: first!.total_cents,
        received_on: now.toISOString().slice(0, 10),
        reference: 'VIR-HDP-001',
      })
    }
    await remindOverdue(tx, now)
  })
  return jobs.filter((j) => buyers[j.i]).length
}
