import { Writable } from 'node:stream'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../access/index.ts'
import { type App, buildApp } from '../app/app.ts'
import { as, openTestDatabase, startTestApp, type TestContext } from '../testing/harness.ts'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('input the database cannot store is refused as bad input', () => {
  it('refuses a NUL character in a JSON string with a 400 naming the field, and creates nobody', async () => {
    const res = await as(t.app, t.admin).post('/api/v1/customers', {
      email: `nul-${Date.now()}@example.com`,
      first_name: 'Ma\u0000rie',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('invalid_input')
    expect(res.json().error.details.field).toBe('body/first_name')
    expect(res.json().error.message).toMatch(/NUL/)
    const found = await as(t.app, t.admin).get('/api/v1/customers?q=nul-')
    expect(found.json().data).toEqual([])
  })

  it('refuses a NUL character in a path id, a query string and a nested field', async () => {
    const path = await as(t.app, t.admin).get('/api/v1/orders/ord_%00x')
    expect(path.statusCode).toBe(400)
    expect(path.json().error.details.field).toBe('params/id')
    const query = await as(t.app, t.admin).get('/api/v1/customers?email=a%00b@example.com')
    expect(query.statusCode).toBe(400)
    expect(query.json().error.details.field).toBe('querystring/email')
    const nested = await as(t.app, t.admin).post('/api/v1/orders', {
      channel: 'WEB',
      lines: [{ sku: 'A\u0000', quantity: 1, fulfilment: 'takeaway' }],
    })
    expect(nested.statusCode).toBe(400)
    expect(nested.json().error.details.field).toBe('body/lines/0/sku')
  })

  it('refuses a number no column can hold, such as an order number of 1e308, with a 400 naming the field', async () => {
    for (const number of ['1e308', '99999999999999999999', '2147483648', '-1']) {
      const res = await as(t.app, t.admin).get(`/api/v1/orders?number=${number}`)
      expect(res.statusCode, number).toBe(400)
      expect(res.json().error.details.field).toBe('querystring/number')
    }
  })
})

describe('what a failed request logs', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  let app: App
  let admin: string
  const lines: string[] = []

  beforeAll(async () => {
    db = await openTestDatabase()
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString())
        done()
      },
    })
    app = await buildApp({ database: db.database, webRoot: null, logger: { level: 'info', stream } })
    admin = (await createApiKey(db.database.db, { name: 'log admin', role: 'admin' })).secret
    // The database refuses every new customer with an error the API cannot explain: a 500.
    await db.database.db.execute(sql`
      CREATE FUNCTION refuse_customer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk on fire' USING ERRCODE = 'XX000'; END $$`)
    await db.database.db.execute(sql`
      CREATE TRIGGER refuse_customer BEFORE INSERT ON customer FOR EACH ROW EXECUTE FUNCTION refuse_customer()`)
  })
  afterAll(async () => {
    await app?.close()
    await db?.drop()
  })

  it('logs a 500 with the statement and the error code, never the personal data it was sent', async () => {
    const res = await as(app, admin).post('/api/v1/customers', {
      email: 'jeanne.secret@example.com',
      first_name: 'Jeanne',
      last_name: 'Confidentielle',
      phone: '06 12 34 56 78',
    })
    expect(res.statusCode).toBe(500)
    expect(res.json().error.code).toBe('internal_error')
    const log = lines.join('')
    const failure = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request failed')
    expect(failure).toBeDefined()
    expect(failure.error.pg_code).toBe('XX000')
    expect(failure.error.statement).toMatch(/^insert into "customer"/)
    for (const secret of ['jeanne.secret', 'Jeanne', 'Confidentielle', '612345678']) {
      expect(log).not.toContain(secret)
    }
  })

  it('logs the route of a request, not its query string (an e-mail, a phone number) nor the client address', async () => {
    lines.length = 0
    await as(app, admin).get('/api/v1/customers?email=paul.prive@example.com')
    const log = lines.join('')
    expect(log).toContain('/api/v1/customers')
    expect(log).not.toContain('paul.prive')
    expect(log).not.toContain('127.0.0.1')
  })
})
