import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

describe('who am I', () => {
  it('tells a store key its role and its store, and a call-centre key its channel', async () => {
    const store = await as(t.app, f.keys.store).get('/api/v1/me')
    expect(store.statusCode).toBe(200)
    expect(store.json()).toMatchObject({
      role: 'store_staff',
      location_id: f.store.id,
      channel_id: null,
      manager: false,
    })
    const callCentre = await as(t.app, f.keys.callCentre).get('/api/v1/me')
    expect(callCentre.json()).toMatchObject({
      role: 'call_centre',
      location_id: null,
      channel_id: f.channels.call_centre.id,
    })
  })

  it('refuses an unknown key, as a sign-in screen needs', async () => {
    const res = await as(t.app, 'pk_nope').get('/api/v1/me')
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('unauthenticated')
  })
})
