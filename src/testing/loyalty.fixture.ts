import { expect } from 'vitest'
import { toEan13 } from '../catalog/index.ts'
import { address, type retailFixture } from './fixture.ts'
import { as, type TestContext, unique } from './harness.ts'
import { settle } from './settle.ts'

type Fixture = Awaited<ReturnType<typeof retailFixture>>

/** Loyalty scenarios: products of a chosen category, members, and sales in store and on the web. */
export function loyaltyKit(t: TestContext, f: Fixture) {
  const admin = as(t.app, t.admin)

  /** A product of this category, at one price in every channel, with stock in the store and warehouse. */
  async function product(category: string, priceCents: number): Promise<string> {
    const sku = `${f.prefix}-${category}-${unique()}`
    const ean = toEan13(`${Math.floor(Math.random() * 1e12)}`.padStart(12, '0'))
    const prices = Object.fromEntries(Object.values(f.channels).map((c) => [c.price_list.code, priceCents]))
    const created = await admin.post('/api/v1/products', {
      code: `${sku}-P`,
      name: `${category} ${sku}`,
      category,
      vat_rate: 20,
      variants: [{ sku, ean, prices }],
      channels: Object.values(f.channels).map((c) => c.code),
    })
    expect(created.statusCode, created.body).toBe(201)
    for (const locationId of [f.store.id, f.warehouse.id]) {
      const res = await admin.post('/api/v1/inventory/receipts', {
        location_id: locationId,
        lines: [{ sku, quantity: 500 }],
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    return sku
  }

  async function member(): Promise<string> {
    const res = await admin.post('/api/v1/customers', {
      first_name: 'Inès',
      last_name: `Martin${unique()}`,
      email: `ines.${unique().toLowerCase()}@example.fr`,
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().id as string
  }

  /**
   * A sale carried away at the store's till, completed at once; it earns a moment later, from its
   * `order.completed`, and the kit waits that moment (the points are there when it returns).
   */
  async function tillSale(
    customerId: string,
    lines: Array<{ sku: string; quantity: number }>,
    payments: Array<Record<string, unknown>>,
  ) {
    const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      customer_id: customerId,
      lines: lines.map((l) => ({ ...l, fulfilment: 'takeaway' })),
      payments,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().status).toBe('completed')
    await settle(t.database.db)
    return res.json()
  }

  /** A web order by the customer, logged in on the web shop. */
  async function webOrder(customerId: string, sku: string, payments: Array<Record<string, unknown>>) {
    return as(t.app, f.keys.web).post(
      '/api/v1/orders',
      {
        channel: f.channels.web.code,
        customer_id: customerId,
        lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
        delivery_address: address,
        payments,
      },
      await f.webLogin(customerId),
    )
  }

  const statement = async (customerId: string) => {
    const res = await as(t.app, f.keys.store).get(`/api/v1/customers/${customerId}/loyalty`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  /** Runs raw SQL (to move entries back in time, or count rows). */
  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = (
      t.database.db as unknown as { $client: { query(q: string, p: unknown[]): Promise<{ rows: T[] }> } }
    ).$client
    return (await client.query(text, params)).rows
  }

  return { admin, product, member, tillSale, webOrder, statement, sql }
}
