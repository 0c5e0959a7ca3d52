import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

let t: TestContext
let admin: ReturnType<typeof as>

beforeAll(async () => {
  t = await startTestApp()
  admin = as(t.app, t.admin)
})
afterAll(() => t.close())

const store = (extra: Record<string, unknown> = {}) => ({
  code: unique('MAG-'),
  name: 'Maison Passerelle Lyon Part-Dieu',
  kind: 'store',
  city: 'Lyon',
  lat: 45.7606,
  lon: 4.8593,
  fulfilment_modes: ['takeaway', 'pickup', 'reserve'],
  ...extra,
})

const closedSunday = { sun: [] as string[][] }
const week = (ranges: string[][]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
  sat: ranges,
  ...closedSunday,
})

async function keyFor(role: string, binding: Record<string, string>) {
  const res = await admin.post('/api/v1/api-keys', { name: `${role} ${unique()}`, role, ...binding })
  expect(res.statusCode, res.body).toBe(201)
  return as(t.app, res.json().secret)
}

describe('adding a location', () => {
  it('records a franchised store with its address, hours and click & collect capacity', async () => {
    const hours = {
      ...week([
        ['09:30', '12:30'],
        ['14:00', '19:00'],
      ]),
      sun: [['10:00', '13:00']],
    }
    const body = store({
      ownership: 'franchised',
      address_line: '17 rue du Docteur Bouchut',
      postcode: '69003',
      insee_code: '69383',
      opening_hours: hours,
      daily_prep_capacity: 80,
    })
    const created = await admin.post('/api/v1/locations', body)
    expect(created.statusCode, created.body).toBe(201)
    const location = created.json()
    expect(location).toMatchObject({
      code: body.code,
      kind: 'store',
      ownership: 'franchised',
      address_line: '17 rue du Docteur Bouchut',
      postcode: '69003',
      city: 'Lyon',
      country: 'FR',
      insee_code: '69383',
      lat: 45.7606,
      lon: 4.8593,
      timezone: 'Europe/Paris',
      opening_hours: hours,
      fulfilment_modes: ['takeaway', 'pickup', 'reserve'],
      daily_prep_capacity: 80,
    })
    expect(location.id).toMatch(/^loc_/)
    expect((await admin.get(`/api/v1/locations/${body.code}`)).json()).toEqual(location)
    expect((await admin.get(`/api/v1/locations/${location.id}`)).json()).toEqual(location)
  })

  it('opens a store Monday to Saturday 9:00–19:00, closed on Sunday, when no hours are given', async () => {
    const res = await admin.post('/api/v1/locations', store())
    expect(res.json()).toMatchObject({
      ownership: 'owned',
      country: 'FR',
      timezone: 'Europe/Paris',
      insee_code: null,
      daily_prep_capacity: 0,
      opening_hours: week([['09:00', '19:00']]),
    })
  })

  it('keeps a warehouse in another time zone, under its canonical IANA name', async () => {
    const res = await admin.post('/api/v1/locations', {
      ...store(),
      kind: 'warehouse',
      city: 'Le Port',
      country: 'RE',
      timezone: 'indian/reunion',
      lat: -20.94,
      lon: 55.29,
      fulfilment_modes: ['delivery'],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().timezone).toBe('Indian/Reunion')
  })

  it('refuses a franchised warehouse and writes nothing', async () => {
    const body = { ...store(), kind: 'warehouse', ownership: 'franchised', fulfilment_modes: ['delivery'] }
    const res = await admin.post('/api/v1/locations', body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('ownership')
    expect((await admin.get(`/api/v1/locations/${body.code}`)).statusCode).toBe(404)
  })

  it('refuses take-away at a warehouse: there is no till', async () => {
    const body = { ...store(), kind: 'warehouse', fulfilment_modes: ['delivery', 'takeaway'] }
    const res = await admin.post('/api/v1/locations', body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('fulfilment_modes')
    expect((await admin.get(`/api/v1/locations/${body.code}`)).statusCode).toBe(404)
  })

  it('refuses a time zone that does not exist, naming it', async () => {
    const body = store({ timezone: 'Europe/Lutece' })
    const res = await admin.post('/api/v1/locations', body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('timezone')
    expect((await admin.get(`/api/v1/locations/${body.code}`)).statusCode).toBe(404)
  })

  it('refuses Sunday hours that close before they open, naming the day', async () => {
    const body = store({ opening_hours: { ...week([['09:00', '19:00']]), sun: [['13:00', '10:00']] } })
    const res = await admin.post('/api/v1/locations', body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('opening_hours/sun/0')
    expect(res.json().error.message).toContain('Sunday')
    expect((await admin.get(`/api/v1/locations/${body.code}`)).statusCode).toBe(404)
  })

  it('names a missing weekday, a latitude off the globe and an unknown field', async () => {
    const { sun: _, ...noSunday } = week([['09:00', '19:00']])
    const missing = await admin.post('/api/v1/locations', store({ opening_hours: noSunday }))
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.details.field).toBe('body/opening_hours/sun')
    const lat = await admin.post('/api/v1/locations', store({ lat: 91 }))
    expect(lat.json().error.details.field).toBe('body/lat')
    const typo = await admin.post('/api/v1/locations', store({ capacity: 3 }))
    expect(typo.json().error.details.field).toBe('body/capacity')
  })

  it('answers 409 already_exists for a second location with the same code', async () => {
    const body = store()
    await admin.post('/api/v1/locations', body)
    const again = await admin.post('/api/v1/locations', { ...body, city: 'Paris' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({ code: 'already_exists', details: { value: body.code } })
    expect((await admin.get(`/api/v1/locations/${body.code}`)).json().city).toBe('Lyon')
  })

  it('adds one location when the same Idempotency-Key is sent twice', async () => {
    const body = store()
    const headers = { 'idempotency-key': unique('idem-') }
    const first = await admin.post('/api/v1/locations', body, headers)
    const second = await admin.post('/api/v1/locations', body, headers)
    expect(second.statusCode).toBe(201)
    expect(second.json().id).toBe(first.json().id)
  })
})

describe('reading and changing the network', () => {
  it('filters franchised stores and pages through them with a cursor', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push((await admin.post('/api/v1/locations', store({ ownership: 'franchised' }))).json().id)
    }
    await admin.post('/api/v1/locations', store())
    const seen: Array<{ id: string; kind: string; ownership: string }> = []
    let cursor: string | null = null
    do {
      const res = await admin.get(
        `/api/v1/locations?kind=store&ownership=franchised&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(res.statusCode).toBe(200)
      seen.push(...res.json().data)
      cursor = res.json().next_cursor
    } while (cursor)
    expect(seen.every((l) => l.kind === 'store' && l.ownership === 'franchised')).toBe(true)
    expect(seen.map((l) => l.id)).toEqual(expect.arrayContaining(ids))
    expect(new Set(seen.map((l) => l.id)).size).toBe(seen.length)
  })

  it('changes a store’s hours and capacity, but refuses to franchise a warehouse', async () => {
    const shop = (await admin.post('/api/v1/locations', store())).json()
    const summer = { ...week([['10:00', '20:00']]), sun: [['10:00', '13:00']] }
    const changed = await admin.patch(`/api/v1/locations/${shop.code}`, {
      opening_hours: summer,
      daily_prep_capacity: 120,
      insee_code: null,
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ opening_hours: summer, daily_prep_capacity: 120, name: shop.name })
    const warehouse = (
      await admin.post('/api/v1/locations', { ...store(), kind: 'warehouse', fulfilment_modes: ['delivery'] })
    ).json()
    const franchised = await admin.patch(`/api/v1/locations/${warehouse.id}`, { ownership: 'franchised' })
    expect(franchised.statusCode).toBe(400)
    expect(franchised.json().error.details.field).toBe('ownership')
    expect((await admin.get(`/api/v1/locations/${warehouse.id}`)).json().ownership).toBe('owned')
    const typo = await admin.patch(`/api/v1/locations/${warehouse.id}`, { kind: 'store' })
    expect(typo.statusCode).toBe(400)
  })

  it('answers 404 location_not_found for an unknown location', async () => {
    const res = await admin.get('/api/v1/locations/NOWHERE')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('location_not_found')
  })

  it('lets store staff and channel keys read the network but not change it', async () => {
    const shop = (await admin.post('/api/v1/locations', store())).json()
    const channel = await admin.post('/api/v1/channels', {
      code: unique('WEB-'),
      name: 'Web',
      kind: 'web',
      fulfilment_modes: ['delivery'],
    })
    const staff = await keyFor('store_staff', { location_id: shop.id })
    const web = await keyFor('channel', { channel_id: channel.json().id })
    for (const key of [staff, web]) {
      expect((await key.get('/api/v1/locations?kind=store')).statusCode).toBe(200)
      expect((await key.get(`/api/v1/locations/${shop.code}`)).statusCode).toBe(200)
      expect((await key.post('/api/v1/locations', store())).statusCode).toBe(403)
      expect((await key.patch(`/api/v1/locations/${shop.code}`, { name: 'x' })).statusCode).toBe(403)
    }
    expect((await admin.get(`/api/v1/locations/${shop.code}`)).json().name).toBe(shop.name)
  })
})
