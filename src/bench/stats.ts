/** Nearest-rank percentile of a sample, in the sample's unit. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!
}

export function summarise(latenciesMs: number[]) {
  const sorted = [...latenciesMs].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 100) / 100
  return {
    count: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.at(-1) ?? 0),
  }
}

/** An event as it reached a receiver (a webhook endpoint, a JetStream consumer). */
export interface Arrival {
  eventId: string
  type: string
  /** The order the event is about (`data.order_id`), when it is about one. */
  orderId?: string
  /** The event's `occurred_at`, in ms since the epoch. */
  occurredAtMs: number
  receivedAtMs: number
}

/**
 * Lag (received − occurred) of each event's first arrival, in ms: delivery is at least once, so a
 * second arrival of the same id (a retry, a replay) is not a new event. `keep` narrows the events.
 */
export function firstArrivalLags(arrivals: readonly Arrival[], keep: (a: Arrival) => boolean = () => true) {
  const first = new Map<string, Arrival>()
  for (const a of arrivals) {
    if (!keep(a)) continue
    const seen = first.get(a.eventId)
    if (!seen || a.receivedAtMs < seen.receivedAtMs) first.set(a.eventId, a)
  }
  return [...first.values()].map((a) => a.receivedAtMs - a.occurredAtMs)
}

/** `count` things over the span from `fromMs` to `toMs`, per second, to one decimal; 0 for an empty span. */
export function perSecond(count: number, fromMs: number, toMs: number): number {
  const spanMs = toMs - fromMs
  if (spanMs <= 0) return 0
  return Math.round((count / spanMs) * 10_000) / 10
}
