import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/harness.ts'

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
