import { expect } from 'vitest'
import { toEan13 } from '../catalog/index.ts'
import { as, type TestContext, unique } from './harness.ts'

interface ChannelJson {
  id: string
  code: string
  price_list: { code: string }
}

/** A random barcode that scans. */
export const randomEan = () => toEan13(String(Math.floor(Math.random() * 1e12)).padStart(12, '0'))

/** A web and a store channel, and helpers to create products priced in both, for catalog tests. */
export async function catalogFixture(t: TestContext) {
  const admin = as(t.app, t.admin)
  const channel = async (kind: string, modes: string[]): Promise<ChannelJson> => {
    const res = await admin.post('/api/v1/channels', {
      code: unique(`${kind.toUpperCase()}-`),
      name: kind,
      kind,
      fulfilment_modes: modes,
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json()
  }
  const web = await channel('web', ['delivery', 'pickup'])
  const stores = await channel('store', ['takeaway', 'pickup'])

  /** A T-shirt in two sizes, priced in both channels, listed on the web only. */
  const tshirt = (extra: Record<string, unknown> = {}) => {
    const code = unique('TS-')
    return {
      code,
      name: 'T-shirt coton bio',
      category: 'textile',
      vat_rate: 20,
      brand: 'Passerelle',
      variants: [
        {
          sku: `${code}-M`,
          ean: randomEan(),
          attributes: { taille: 'M', couleur: 'bleu' },
          prices: { [web.price_list.code]: 1999, [stores.price_list.code]: 2199 },
        },
        { sku: `${code}-L`, ean: randomEan(), name: 'T-shirt L', attributes: { taille: 'L' } },
      ],
      channels: [web.code],
      ...extra,
    }
  }

  const created = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/v1/products', body)
    expect(res.statusCode, res.body).toBe(201)
    return res.json()
  }

  const keyFor = async (role: string, binding: Record<string, string>) => {
    const res = await admin.post('/api/v1/api-keys', { name: `${role} ${unique()}`, role, ...binding })
    expect(res.statusCode, res.body).toBe(201)
    return as(t.app, res.json().secret)
  }

  return { admin, web, stores, tshirt, created, keyFor }
}
