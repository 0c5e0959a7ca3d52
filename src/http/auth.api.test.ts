import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorForSecret, apiKeyCacheStats, createApiKey } from '../access/index.ts'
import { type App, buildApp } from '../app/app.ts'
import type { Executor } from '../db/database.ts'
import { as, openTestDatabase } from '../testing/harness.ts'

let db: Awaited<ReturnType<typeof openTestDatabase>>
let app: App
let admin: string
let store: string

beforeAll(async () => {
  db = await openTestDatabase()
  app = await buildApp({ database: db.database, webRoot: null, rateLimit: { anonymousPerMinute: 40 } })
  admin = (await createApiKey(db.database.db, { name: 'auth admin', role: 'admin' })).secret
  const location = await as(app, admin).post('/api/v1/locations', {
    code: 'STO-AUTH',
    name: 'Magasin Auth',
    kind: 'store',
    city: 'Nantes',
    lat: 47.21,
    lon: -1.55,
    fulfilment_modes: ['takeaway'],
  })
  expect(location.statusCode).toBe(201)
  store = (
    await createApiKey(db.database.db, { name: 'till', role: 'store_staff', locationId: location.json().id })
  ).secret
})
afterAll(async () => {
  await app?.close()
  await db?.drop()
})

/** A request from another client address, so that each test starts with its own counters. */
function from(address: string, secret: string | null) {
  return (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      remoteAddress: address,
      headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    })
}

describe('authentication comes before anything is read from the request', () => {
  it('refuses an anonymous POST as unauthenticated, whatever its body, without describing the schema', async () => {
    const invalid = await from('10.1.0.1', null)('POST', '/api/v1/customers', { nope: 1 })
    expect(invalid.statusCode).toBe(401)
    expect(invalid.json().error.code).toBe('unauthenticated')
    expect(invalid.body).not.toContain('nope')
    const notJson = await from('10.1.0.1', null)('POST', '/api/v1/customers', '{"half', {
      'content-type': 'application/json',
    })
    expect(notJson.statusCode).toBe(401)
    const unknownKey = await from('10.1.0.1', 'pk_wrong')('POST', '/api/v1/customers', { nope: 1 })
    expect(unknownKey.statusCode).toBe(401)
  })

  it('refuses a key of the wrong role with 403 before validating the body', async () => {
    const res = await from('10.1.0.2', store)('POST', '/api/v1/channels', { nope: 1 })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
  })

  it('still validates the body of an authenticated caller', async () => {
    const res = await from('10.1.0.3', admin)('POST', '/api/v1/customers', { nope: 1 })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('body/nope')
  })
})

describe('failed authentications are rate limited per client address', () => {
  it('answers 429 with Retry-After once an address has sent 20 wrong keys in a minute', async () => {
    const codes: number[] = []
    let last: Awaited<ReturnType<App['inject']>> | undefined
    for (let i = 0; i < 30; i++) {
      last = await from('10.2.0.1', `pk_guess_${i}`)('GET', '/api/v1/me')
      codes.push(last.statusCode)
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(401))
    expect(codes.slice(20)).toEqual(Array(10).fill(429))
    expect(last!.json().error.code).toBe('too_many_requests')
    const retryAfter = Number(last!.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    // Requests without any key count as failures too.
    const anonymous = await from('10.2.0.1', null)('GET', '/api/v1/me')
    expect(anonymous.statusCode).toBe(429)
  })

  it('keeps serving a key that already works from the throttled address, but not a key it has not seen', async () => {
    const before = await from('10.2.0.2', store)('GET', '/api/v1/me')
    expect(before.statusCode).toBe(200)
    for (let i = 0; i < 25; i++) await from('10.2.0.2', `pk_guess_${i}`)('GET', '/api/v1/me')
    const known = await from('10.2.0.2', store)('GET', '/api/v1/me')
    expect(known.statusCode).toBe(200)
    const fresh = (await createApiKey(db.database.db, { name: 'new admin', role: 'admin' })).secret
    const unseen = await from('10.2.0.2', fresh)('GET', '/api/v1/me')
    expect(unseen.statusCode).toBe(429)
    // Another address is not affected.
    const elsewhere = await from('10.2.0.3', fresh)('GET', '/api/v1/me')
    expect(elsewhere.statusCode).toBe(200)
  })

  it('limits requests without a valid key per address, and never counts requests with one', async () => {
    for (let i = 0; i < 60; i++) {
      const res = await from('10.3.0.1', admin)('GET', '/api/v1/me')
      expect(res.statusCode).toBe(200)
    }
    const codes: number[] = []
    for (let i = 0; i < 45; i++) codes.push((await from('10.3.0.2', null)('GET', '/health')).statusCode)
    expect(codes.slice(0, 40)).toEqual(Array(40).fill(200))
    expect(codes.slice(40)).toEqual(Array(5).fill(429))
  })

  it('counts each client behind a trusted reverse proxy on its own, not the proxy as one client', async () => {
    const proxied = await buildApp({
      database: db.database,
      webRoot: null,
      trustProxy: '127.0.0.1',
      rateLimit: { failedAuthPerMinute: 3 },
    })
    try {
      const guess = (client: string) =>
        proxied.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: 'Bearer pk_guess', 'x-forwarded-for': client },
        })
      for (let i = 0; i < 3; i++) expect((await guess('203.0.113.7')).statusCode).toBe(401)
      expect((await guess('203.0.113.7')).statusCode).toBe(429)
      expect((await guess('198.51.100.20')).statusCode).toBe(401)
    } finally {
      await proxied.close()
    }
  })

  it('does not let 10,000 unknown keys push a known key out of the key cache', async () => {
    const known = (await createApiKey(db.database.db, { name: 'cached', role: 'admin' })).secret
    expect(await actorForSecret(db.database.db, known)).not.toBeNull()
    const before = apiKeyCacheStats()
    // The unknown keys are looked up in a key table that holds none: 10,000 real round trips would
    // only make the test slow (the cache is what is under test, and it sees the same empty answers).
    const noKeys = { select: () => ({ from: () => ({ where: async () => [] }) }) } as unknown as Executor
    for (let i = 0; i < 10_000; i++) expect(await actorForSecret(noKeys, `pk_unknown_${i}`)).toBeNull()
    expect(await actorForSecret(db.database.db, known)).not.toBeNull()
    const after = apiKeyCacheStats()
    // Every unknown key cost one look-up; the known one none.
    expect(after.lookups - before.lookups).toBe(10_000)
    expect(after.cachedKeys).toBe(before.cachedKeys)
  })

  it('never accepts on one database a key that only another database of the same process holds', async () => {
    const other = await openTestDatabase()
    try {
      const secret = (await createApiKey(db.database.db, { name: 'here only', role: 'admin' })).secret
      expect(await actorForSecret(db.database.db, secret)).not.toBeNull()
      expect(await actorForSecret(other.database.db, secret)).toBeNull()
    } finally {
      await other.drop()
    }
  })
})
