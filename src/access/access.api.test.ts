import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('API keys', () => {
  it('refuses a request without a key, and one with an unknown key', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys' })
    expect(none.statusCode).toBe(401)
    expect(none.json().error.code).toBe('unauthenticated')
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: { authorization: 'Bearer nope' },
    })
    expect(bad.statusCode).toBe(401)
  })

  it('an admin creates a key whose secret then authenticates, and a revoked key stops working', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${t.admin}` },
      payload: { name: 'second admin', role: 'admin' },
    })
    expect(created.statusCode).toBe(201)
    const { id, secret } = created.json()
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${secret}` },
    })
    expect(list.statusCode).toBe(200)
    expect(list.json().data.map((k: { id: string }) => k.id)).toContain(id)
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${id}`,
      headers: { authorization: `Bearer ${t.admin}` },
    })
    expect(revoked.statusCode).toBe(200)
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${secret}` },
    })
    expect(after.statusCode).toBe(401)
  })

  it('names the missing field and writes nothing when a key is created without its binding', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${t.admin}` },
      payload: { name: 'till', role: 'store_staff' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('location_id')
    const typo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${t.admin}` },
      payload: { name: 'x', role: 'admin', rol: 'y' },
    })
    expect(typo.statusCode).toBe(400)
    expect(typo.json().error.details.field).toBe('body/rol')
  })
})

describe('what an API key is bound to', () => {
  const admin = () => as(t.app, t.admin)
  const created = async (url: string, body: Record<string, unknown>) => {
    const res = await admin().post(url, body)
    expect(res.statusCode, `${url} ${res.body}`).toBe(201)
    return res.json()
  }
  const keyCount = async () =>
    (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM api_key`))[0]!.n

  it('a channel key given the channel code is bound to the channel id and reads its own channel', async () => {
    const channel = await created('/api/v1/channels', {
      code: unique('PARTNERS-'),
      name: 'Marketplace partenaires',
      kind: 'partner',
      fulfilment_modes: ['delivery'],
    })
    const key = await created('/api/v1/api-keys', {
      name: 'Partners',
      role: 'channel',
      channel_id: channel.code,
    })
    expect(key.channel_id).toBe(channel.id)
    const partner = as(t.app, key.secret)
    expect((await partner.get('/api/v1/me')).json().channel_id).toBe(channel.id)
    expect((await partner.get(`/api/v1/channels/${channel.code}/assortment`)).statusCode).toBe(200)
  })

  it('a store key and a franchisee key given codes are bound to the ids of that store and franchisee', async () => {
    const store = await created('/api/v1/locations', {
      code: unique('STO-NICE-'),
      name: 'Nice Masséna',
      kind: 'store',
      city: 'Nice',
      lat: 43.6975,
      lon: 7.2683,
      fulfilment_modes: ['takeaway', 'pickup', 'reserve'],
    })
    const franchisee = await created('/api/v1/franchisees', {
      code: unique('FR-'),
      name: 'Riviera Maison SARL',
    })
    const till = await created('/api/v1/api-keys', {
      name: 'Caisse',
      role: 'store_staff',
      location_id: store.code,
    })
    expect(till.location_id).toBe(store.id)
    const owner = await created('/api/v1/api-keys', {
      name: 'Franchisé',
      role: 'franchisee',
      franchisee_id: franchisee.code,
    })
    expect(owner.franchisee_id).toBe(franchisee.id)
  })

  it('refuses a key bound to a channel, store or franchisee that does not exist, naming the field', async () => {
    const before = await keyCount()
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ role: 'channel', channel_id: 'NOPE-XYZ' }, 'channel_id'],
      [{ role: 'call_centre', channel_id: 'chn_01JD0000000000000000000000' }, 'channel_id'],
      [{ role: 'store_staff', location_id: 'STO-NOWHERE' }, 'location_id'],
      [{ role: 'store_staff', location_id: 'loc_01JD0000000000000000000000' }, 'location_id'],
      [{ role: 'franchisee', franchisee_id: 'FR-NOWHERE' }, 'franchisee_id'],
    ]
    for (const [binding, field] of cases) {
      const res = await admin().post('/api/v1/api-keys', { name: 'x', ...binding })
      expect(res.statusCode, JSON.stringify(binding)).toBe(400)
      expect(res.json().error.details.field).toBe(field)
      expect(res.json().error.message).toContain(String(Object.values(binding)[1]))
    }
    expect(await keyCount()).toBe(before)
  })

  it('the database itself refuses a key bound to a channel, store or franchisee that does not exist', async () => {
    for (const column of ['channel_id', 'location_id', 'franchisee_id']) {
      await expect(
        t.database.db.execute(
          sql`INSERT INTO api_key (id, name, role, ${sql.identifier(column)}, secret_hash, prefix)
              VALUES (${`key_${unique()}`}, 'x', 'channel', 'NOPE-XYZ', ${unique()}, 'pk_x')`,
        ),
        column,
      ).rejects.toThrow()
    }
  })
})
