import { expect } from 'vitest'
import type { retailFixture } from './fixture.ts'
import { as, type TestContext } from './harness.ts'

type Retail = Awaited<ReturnType<typeof retailFixture>>
type Kind = 'home' | 'relay' | 'express'

/** Mainland France by its first digit, Corsica by `20` (the longest prefix wins). */
export const testZones = [
  {
    code: 'FR-M',
    name: 'France métropolitaine',
    postcode_prefixes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  },
  { code: 'FR-20', name: 'Corse', postcode_prefixes: ['20'] },
]

/** Three bands per zone, 0–1 kg, 1–5 kg, 5–30 kg. */
export const testBands = <K extends string>(key: K, m: number[], corsica: number[]) => [
  { zone: 'FR-M', above_g: 0, up_to_g: 1000, [key]: m[0] },
  { zone: 'FR-M', above_g: 1000, up_to_g: 5000, [key]: m[1] },
  { zone: 'FR-M', above_g: 5000, up_to_g: 30000, [key]: m[2] },
  { zone: 'FR-20', above_g: 0, up_to_g: 1000, [key]: corsica[0] },
  { zone: 'FR-20', above_g: 1000, up_to_g: 5000, [key]: corsica[1] },
  { zone: 'FR-20', above_g: 5000, up_to_g: 30000, [key]: corsica[2] },
]

export function serviceBody(prefix: string, code: string, kind: Kind, trackingPrefix: string, extra = {}) {
  return {
    code: `${prefix}-${code}`,
    name: kind === 'home' ? 'Colis national' : kind === 'express' ? 'Express 24h' : 'Relais',
    carrier: 'Transporteur test',
    kind,
    tracking_prefix: trackingPrefix,
    transit_days: kind === 'express' ? 1 : 2,
    cutoff_hour: 15,
    max_weight_g: 30000,
    max_size_mm: 3000,
    zones: testZones,
    rates: testBands('cost_cents', [450, 690, 1290], [900, 1290, 2290]),
    ...extra,
  }
}

export interface TestService {
  id: string
  code: string
  webhook_secret: string
}

/**
 * A home service (CN…), a relay network (RL…) with four points in Lyon, Villeurbanne and Marseille,
 * and an express service (EX…), sold by the fixture's web channel: 4.90/6.90/9.90 € (express
 * 9.90/12.90/19.90 €), free from 60 € of basket (never for express) or with LIVRAISONOFFERTE.
 */
export async function carrierFixture(t: TestContext, f: Retail) {
  async function service(code: string, kind: Kind, trackingPrefix: string): Promise<TestService> {
    const res = await as(t.app, t.admin).post(
      '/api/v1/carrier-services',
      serviceBody(f.prefix, code, kind, trackingPrefix),
    )
    expect(res.statusCode, res.body).toBe(201)
    const created = res.json()
    const fee = await as(t.app, t.admin).put(
      `/api/v1/channels/${f.channels.web.code}/delivery-fees/${created.code}`,
      {
        bands: testBands(
          'fee_cents',
          kind === 'express' ? [990, 1290, 1990] : [490, 690, 990],
          [990, 1490, 2490],
        ),
        free_from_cents: kind === 'express' ? null : 6000,
        free_codes: ['LIVRAISONOFFERTE'],
        vat_rate_bp: 2000,
      },
    )
    expect(fee.statusCode, fee.body).toBe(200)
    return created
  }
  const home = await service('HOME', 'home', 'CN')
  const relay = await service('RELAY', 'relay', 'RL')
  const express = await service('EXPRESS', 'express', 'EX')
  for (const [code, name, line1, postcode, city, lat, lon] of [
    ['R001', 'Tabac de la Presqu’île', '3 rue Mercière', '69002', 'Lyon', 45.7624, 4.8327],
    ['R002', 'Librairie Bellecour', '10 place Bellecour', '69002', 'Lyon', 45.7578, 4.832],
    ['R003', 'Épicerie de Villeurbanne', '5 cours Émile-Zola', '69100', 'Villeurbanne', 45.7676, 4.8798],
    ['R004', 'Presse de Marseille', '1 La Canebière', '13001', 'Marseille', 43.2975, 5.3771],
  ] as const) {
    const res = await as(t.app, t.admin).put(`/api/v1/carrier-services/${relay.code}/relay-points`, {
      code,
      name,
      line1,
      postcode,
      city,
      lat,
      lon,
      opening_hours: 'Lun-Sam 8h-19h',
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  return { home, relay, express }
}
