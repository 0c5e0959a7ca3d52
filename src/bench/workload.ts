import { Agent, request } from 'undici'

export interface BenchCatalog {
  channels: Array<{ code: string; kind: string; priceList: string; modes: string[] }>
  stores: string[]
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
  return {
    channel: channel.code,
    ...(channel.kind === 'store' ? { store_id: store } : {}),
    lines: lines.map(({ price: _price, ...l }) => l),
    ...(mode === 'delivery' ? { delivery_address: address } : {}),
    payments: due > 0 ? [{ method: 'card', amount_cents: due }] : [],
  }
}
