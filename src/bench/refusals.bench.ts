import { SingleBar } from 'cli-progress'
import { toEan13 } from '../catalog/index.ts'
import { summarise } from './stats.ts'
import { type BenchCatalog, type Http, prng, randomOrder } from './workload.ts'

/** Share of the orders of this mix that ask a store for what it does not have. */
const REFUSED_SHARE = 0.4

const log = (msg: string) => process.stderr.write(`${msg}\n`)

/**
 * Twelve SKUs sold in every channel that no store can sell off its shelf: six a store has sold out
 * (a stock row with nothing in it, which the order locks), six it never had (no row at all).
 */
async function unstockedSkus(http: Http, catalog: BenchCatalog) {
  // Fresh codes every run (the bench database is a scratch one, but a rerun on the same one works too).
  const tag = String(Date.now() % 1e8).padStart(8, '0')
  const skus: Array<{ sku: string; price: number }> = []
  for (let i = 0; i < 12; i++) {
    const sku = `BENCH-NONE-${tag}-${i}`
    const price = 1500 + i * 100
    const res = await http.call('POST', '/api/v1/products', {
      code: `BENCH-NONE-${tag}-P${i}`,
      name: `Article absent ${i}`,
      category: 'bench-unstocked',
      vat_rate: 20,
      variants: [
        {
          sku,
          ean: toEan13(`37${tag}${String(i).padStart(2, '0')}`),
          prices: Object.fromEntries(catalog.channels.map((c) => [c.priceList, price])),
        },
      ],
      channels: catalog.channels.map((c) => c.code),
    })
    if (res.status !== 201) throw new Error(`creating an unstocked SKU failed: ${JSON.stringify(res.json)}`)
    skus.push({ sku, price })
  }
  for (const { sku } of skus.slice(0, 6)) {
    for (const store of catalog.stores) {
      const res = await http.call('PUT', '/api/v1/inventory/safety-stock', {
        location_id: store,
        sku,
        safety_stock: 0,
      })
      if (res.status !== 200) throw new Error(`opening a stock row failed: ${JSON.stringify(res.json)}`)
    }
  }
  return skus
}

/** A 3-line till sale, carried away, of SKUs the chosen store does not have: refused for stock. */
function refusedOrder(
  catalog: BenchCatalog,
  unstocked: Array<{ sku: string; price: number }>,
  rand: () => number,
) {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!
  const channel = catalog.channels.find((c) => c.kind === 'store')!
  const lines = [0, 1, 2].map(() => pick(unstocked))
  const store = pick(catalog.stores)
  const registers = catalog.registers[store] ?? []
  return {
    channel: channel.code,
    store_id: store,
    ...(registers.length > 0 ? { register_id: pick(registers) } : {}),
    lines: lines.map((l) => ({ sku: l.sku, quantity: 1, fulfilment: 'takeaway' })),
    payments: [{ method: 'card', amount_cents: lines.reduce((s, l) => s + l.price, 0) }],
  }
}

/**
 * The order load again, with 40 % of the orders refused for lack of stock: what a refusal costs,
 * and what the refusals cost the orders placed beside them.
 */
export async function refusalsSection(
  http: Http,
  catalog: BenchCatalog,
  opts: { durationS: number; concurrency: number },
) {
  const unstocked = await unstockedSkus(http, catalog)
  log(
    `bench: placing 3-line orders with ${opts.concurrency} clients for ${opts.durationS}s, ` +
      `${REFUSED_SHARE * 100} % of them for SKUs the store does not have…`,
  )
  const rand = prng(43)
  const placed: number[] = []
  const refused: number[] = []
  let errors = 0
  let firstError: unknown
  const bar = new SingleBar({
    format: ' refusals |{bar}| {value}/{total}s | {orders} orders, {refused} refused, {errors} errors',
    stream: process.stderr,
  })
  bar.start(opts.durationS, 0, { orders: 0, refused: 0, errors: 0 })
  const start = performance.now()
  const end = start + opts.durationS * 1000
  const ticker = setInterval(() => {
    bar.update(Math.min(opts.durationS, Math.round((performance.now() - start) / 1000)), {
      orders: placed.length,
      refused: refused.length,
      errors,
    })
  }, 500)
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < end) {
        const body =
          rand() < REFUSED_SHARE ? refusedOrder(catalog, unstocked, rand) : randomOrder(catalog, rand)
        const t0 = performance.now()
        const res = await http.call('POST', '/api/v1/orders', body)
        const ms = performance.now() - t0
        if (res.status === 201) placed.push(ms)
        else if (res.status === 409 && res.json?.error?.code === 'insufficient_stock') refused.push(ms)
        else {
          errors++
          firstError ??= res.json
        }
      }
    }),
  )
  clearInterval(ticker)
  const elapsedS = (performance.now() - start) / 1000
  bar.update(opts.durationS, { orders: placed.length, refused: refused.length, errors })
  bar.stop()
  if (firstError) log(`bench: first unexpected answer in the refusal mix: ${JSON.stringify(firstError)}`)
  const ok = summarise(placed)
  const no = summarise(refused)
  return {
    refusal_mix_refused_pct: Math.round((no.count / Math.max(1, ok.count + no.count)) * 1000) / 10,
    refusal_mix_orders_per_s: Math.round(ok.count / elapsedS),
    refusal_mix_refusals_per_s: Math.round(no.count / elapsedS),
    refusal_mix_p50_ms: ok.p50_ms,
    refusal_mix_p99_ms: ok.p99_ms,
    refusal_mix_refusal_p50_ms: no.p50_ms,
    refusal_mix_refusal_p99_ms: no.p99_ms,
    refusal_mix_errors: errors,
  }
}
