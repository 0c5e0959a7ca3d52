import SwaggerParser from '@apidevtools/swagger-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorCodes } from '../app/error-catalogue.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

describe('the published OpenAPI document', () => {
  it('is a valid OpenAPI document for a standard validator, so client generators of any language accept it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' })
    expect(res.statusCode).toBe(200)
    const document = res.json()
    // The validator resolves references in place: it gets its own copy.
    const problems = await SwaggerParser.validate(structuredClone(document)).then(
      () => '',
      (err: Error) => err.message,
    )
    expect(problems).toBe('')
    expect(document.openapi).toMatch(/^3\./)
  })

  it('declares the error code as the closed list of codes in docs/errors.md, and the API answers from it', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const schemas = Object.values(document.components.schemas) as Array<{
      title?: string
      properties: { error: { properties: { code: { enum?: string[] } } } }
    }>
    const codes = schemas.find((s) => s.title === 'Error')?.properties.error.properties.code.enum
    expect(codes).toEqual(apiErrorCodes)
    const unknownOrder = await as(t.app, t.admin).get('/api/v1/orders/ord_missing')
    const unknownRoute = await as(t.app, t.admin).get('/api/v1/nowhere')
    for (const res of [unknownOrder, unknownRoute]) {
      expect(res.statusCode).toBe(404)
      expect(codes).toContain(res.json().error.code)
    }
  })
})

describe('what the document describes is still what the API takes', () => {
  const week = (ranges: string[][]) =>
    Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ranges]))
  const store = (hours: Record<string, string[][]>) => ({
    code: unique('STO-'),
    name: 'Boutique',
    kind: 'store',
    city: 'Lyon',
    lat: 45.76,
    lon: 4.83,
    opening_hours: hours,
    fulfilment_modes: ['takeaway'],
  })

  it('opening hours are [open, close] pairs: one or three times in a range is refused naming the range', async () => {
    const admin = as(t.app, t.admin)
    const opened = await admin.post(
      '/api/v1/locations',
      store(
        week([
          ['09:00', '12:30'],
          ['14:00', '19:00'],
        ]),
      ),
    )
    expect(opened.statusCode, opened.body).toBe(201)
    expect(opened.json().opening_hours.mon).toEqual([
      ['09:00', '12:30'],
      ['14:00', '19:00'],
    ])
    for (const range of [['09:00'], ['09:00', '12:00', '19:00']]) {
      const res = await admin.post(
        '/api/v1/locations',
        store({ ...week([['09:00', '19:00']]), sun: [range] }),
      )
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.details.field).toBe('body/opening_hours/sun/0')
    }
  })

  it('a franchise catchment radius must be above 0 km: 0 is refused naming the field, 0.5 km is taken', async () => {
    const admin = as(t.app, t.admin)
    const franchisee = await admin.post('/api/v1/franchisees', { code: unique('FR-'), name: 'Côte SARL' })
    expect(franchisee.statusCode, franchisee.body).toBe(201)
    const url = `/api/v1/franchisees/${franchisee.json().id}/stores/${f.franchise.id}`
    const zero = await admin.put(url, { catchment: { kind: 'radius', radius_km: 0 } })
    expect(zero.statusCode, zero.body).toBe(400)
    expect(zero.json().error.details.field).toMatch(/catchment\/radius_km$/)
    const negative = await admin.put(url, { catchment: { kind: 'radius', radius_km: -1 } })
    expect(negative.statusCode, negative.body).toBe(400)
    const taken = await admin.put(url, { catchment: { kind: 'radius', radius_km: 0.5 } })
    expect(taken.statusCode, taken.body).toBe(200)
  })
})
