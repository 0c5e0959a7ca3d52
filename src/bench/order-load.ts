import { SingleBar } from 'cli-progress'
import { type BenchCatalog, type Http, prng, randomOrder } from './workload.ts'

export interface OrderLoad {
  /** Latency of each order answered 201, in ms. */
  latencies: number[]
  /** Ids of the orders placed, in the order their answers arrived. */
  placed: string[]
  errors: number
  firstError: unknown
  elapsedS: number
  /** Wall-clock bounds of the load (Date.now()), to compare with event times. */
  startedAt: number
  endedAt: number
}

/**
 * `concurrency` clients placing 3-line orders for `durationS` seconds, client i on server i mod n (the
 * clients are spread evenly over the API processes), with a progress bar on stderr.
 */
export async function orderLoad(
  servers: Http[],
  catalog: BenchCatalog,
  opts: { durationS: number; concurrency: number },
  label = 'orders',
  seed = 42,
): Promise<OrderLoad> {
  const rand = prng(seed)
  const latencies: number[] = []
  const placed: string[] = []
  let errors = 0
  let firstError: unknown
  const bar = new SingleBar({
    format: ` ${label} |{bar}| {value}/{total}s | {orders} orders, {errors} errors`,
    stream: process.stderr,
  })
  bar.start(opts.durationS, 0, { orders: 0, errors: 0 })
  const startedAt = Date.now()
  const start = performance.now()
  const end = start + opts.durationS * 1000
  const ticker = setInterval(() => {
    bar.update(Math.min(opts.durationS, Math.round((performance.now() - start) / 1000)), {
      orders: latencies.length,
      errors,
    })
  }, 500)
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, i) => {
      const http = servers[i % servers.length]!
      while (performance.now() < end) {
        const body = randomOrder(catalog, rand)
        const t0 = performance.now()
        const res = await http.call('POST', '/api/v1/orders', body)
        if (res.status === 201) {
          latencies.push(performance.now() - t0)
          placed.push(res.json.id)
        } else {
          errors++
          firstError ??= res.json
        }
      }
    }),
  )
  clearInterval(ticker)
  const elapsedS = (performance.now() - start) / 1000
  const endedAt = Date.now()
  bar.update(opts.durationS, { orders: latencies.length, errors })
  bar.stop()
  return { latencies, placed, errors, firstError, elapsedS, startedAt, endedAt }
}
