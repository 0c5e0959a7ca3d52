import { Agent, request } from 'undici'

export interface BenchCatalog {
  channels: Array<{ code: string; kind: string; priceList: string; modes: string[] }>
  stores: string[]
  /** The registers of the stores that sell through the legal till, each opened for the load. */
  registers: Record<string, string[]>
  /** SKUs listed in every channel, with their price per price list. */
  skus: Array<{ sku: string; prices: Record<string, number> }>
}

export class Http {
  readonly agent: Agent
  constructor(
    readonly base: string,
    readonly key: string,
    connections: number,
  ) {
    this.agent = new Agent({ connections, keepAliveTimeout: 30_000 })
  }

  async call(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
    const res = await request(`${this.base}${path}`, {
      method,
      dispatcher: this.agent,
      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.body.text()
    return { status: res.statusCode, json: text ? JSON.parse(text) : null }
  }

  /** Status and body size only: times the server up to its last byte, not the client's JSON parsing. */
  async fetchBytes(path: string) {
    const res = await request(`${this.base}${path}`, {
      method: 'GET',
      dispatcher: this.agent,
      headers: { authorization: `Bearer ${this.key}` },
    })
    const body = await res.body.arrayBuffer()
    return { status: res.statusCode, bytes: body.byteLength }
  }

  close() {
    return this.agent.close()
  }
}

/** Small deterministic PRNG so two runs place the same mix of orders. */
export function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const address = {
  name: 'Client Banc',
  line1: '1 place Bellecour',
  postcode: '69002',
  city: 'Lyon',
  country: 'FR',
}

/** A 3-line order in a random channel with a fulfilment mode that channel offers, paid exactly. */
export function randomOrder(cat: BenchCatalog, rand: () => number) {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!
  const channel = pick(cat.channels)
  const store = pick(cat.stores)
  const modes = channel.kind === 'store' ? ['takeaway', 'takeaway', 'reserve', 'delivery'] : channel.modes
  const mode = pick(modes)
  const lines = [0, 1, 2].map(() => {
    const item = pick(cat.skus)
    return {
      sku: item.sku,
      quantity: 1 + Math.floor(rand() * 2),
      fulfilment: mode,
      ...(mode === 'pickup' || mode === 'reserve' ? { pickup_location_id: store } : {}),
      price: item.prices[channel.priceList]!,
    }
  })
  const due = lines.filter((l) => l.fulfilment !== 'reserve').reduce((s, l) => s + l.price * l.quantity, 0)
  // A store that sells through registers rings the sale up on one of them, as its tills do.
  const registers = channel.kind === 'store' ? (cat.registers[store] ?? []) : []
  return {
    channel: channel.code,
    ...(channel.kind === 'store' ? { store_id: store } : {}),
    ...(registers.length > 0 ? { register_id: pick(registers) } : {}),
    lines: lines.map(({ price: _price, ...l }) => l),
    ...(mode === 'delivery' ? { delivery_address: address } : {}),
    payments: due > 0 ? [{ method: 'card', amount_cents: due }] : [],
  }
}

/**
 * Up to 300 SKUs the load can sell anywhere: listed in every channel, priced in every list, targeted by
 * no running promotion and unlisted in no store cluster; with the channels and the locations.
 */
export async function chooseBenchSkus(
  http: Http,
): Promise<{ catalog: BenchCatalog; locations: Array<{ id: string; kind: string }> }> {
  const channels = (await http.call('GET', '/api/v1/channels?limit=200')).json.data as Array<{
    code: string
    kind: string
    price_list: { code: string }
    fulfilment_modes: string[]
  }>
  const locations = (await http.call('GET', '/api/v1/locations?limit=200')).json.data as Array<{
    id: string
    kind: string
  }>
  const skus: BenchCatalog['skus'] = []
  // The load pays each order at list prices: products a running promotion targets are left out (a till
  // would price them with POST /orders/quote first, a round trip this section does not measure).
  const running = await http.call('GET', '/api/v1/promotions?live=true&limit=200')
  type Running = {
    voucher_code: string | null
    target: { kind: string; products?: string[]; categories?: string[] }
  }
  const promoted = (running.json as { data: Running[] }).data.filter((p) => p.voucher_code === null)
  if (promoted.some((p) => p.target.kind === 'basket'))
    throw new Error('a promotion on whole baskets is running: the bench cannot pay its orders at list prices')
  // Nor are those some stores do not carry: the load sells from any store's shelf.
  const rules = await http.call('GET', '/api/v1/offer/cluster-listings')
  const unlisted = (
    rules.json as { data: Array<{ category: string | null; product_id: string | null; listed: boolean }> }
  ).data.filter((r) => !r.listed)
  const promotedCategories = new Set([
    ...promoted.flatMap((p) => p.target.categories ?? []),
    ...unlisted.flatMap((r) => (r.category ? [r.category] : [])),
  ])
  const promotedProducts = new Set([
    ...promoted.flatMap((p) => p.target.products ?? []),
    ...unlisted.flatMap((r) => (r.product_id ? [r.product_id] : [])),
  ])
  // Nor those a franchisee prices its own way in its store (its till sells at its own price).
  const ownPriced = new Set<string>()
  for (const store of locations.filter((l) => l.kind === 'store')) {
    let next: string | null = null
    do {
      const own = await http.call(
        'GET',
        `/api/v1/stores/${store.id}/own-prices?limit=200${next ? `&cursor=${next}` : ''}`,
      )
      const body = own.json as { data?: Array<{ sku: string }>; next_cursor?: string | null }
      for (const r of body.data ?? []) ownPriced.add(r.sku)
      next = body.next_cursor ?? null
    } while (next)
  }
  let cursor: string | null = null
  while (skus.length < 300) {
    const res = await http.call('GET', `/api/v1/products?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
    const page = res.json as { data: unknown[]; next_cursor: string | null }
    for (const p of page.data as Array<{
      id: string
      category: string
      channels: string[]
      variants: Array<{ sku: string; prices: Array<{ price_list: string; amount_cents: number }> }>
    }>) {
      if (!channels.every((c) => p.channels.includes(c.code))) continue
      if (promotedCategories.has(p.category) || promotedProducts.has(p.id)) continue
      for (const v of p.variants) {
        const prices = Object.fromEntries(v.prices.map((pr) => [pr.price_list, pr.amount_cents]))
        if (ownPriced.has(v.sku)) continue
        if (channels.every((c) => prices[c.price_list.code] !== undefined)) skus.push({ sku: v.sku, prices })
      }
    }
    cursor = page.next_cursor
    if (!cursor) break
  }
  if (skus.length < 20)
    throw new Error(`only ${skus.length} SKUs are sold in every channel; the bench needs 20`)
  const stores = locations.filter((l) => l.kind === 'store').map((l) => l.id)
  const registers: Record<string, string[]> = {}
  for (const store of stores) {
    const list = (await http.call('GET', `/api/v1/fiscal/stores/${store}/registers`)).json as Array<{
      id: string
      open_session_id: string | null
    }>
    for (const r of list) {
      if (r.open_session_id) continue
      const opened = await http.call('POST', `/api/v1/fiscal/registers/${r.id}/open`, { float_cents: 15_000 })
      if (opened.status !== 201)
        throw new Error(`opening register ${r.id} failed: ${JSON.stringify(opened.json)}`)
    }
    if (list.length > 0) registers[store] = list.map((r) => r.id)
  }
  const catalog = {
    registers,
    channels: channels.map((c) => ({
      code: c.code,
      kind: c.kind,
      priceList: c.price_list.code,
      modes: c.fulfilment_modes,
    })),
    stores,
    skus,
  }
  return { catalog, locations }
}
