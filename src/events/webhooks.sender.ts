import type { Db } from '../db/database.ts'
import { loggableError } from '../db/loggable-error.ts'
import type { JobLog } from '../jobs/job.ts'
import {
  defaultWebhookTiming,
  disabledReason,
  excerpt,
  retryDelayMs,
  SIGNATURE_HEADER,
  signatureHeader,
  type WebhookTiming,
} from './webhooks.domain.ts'
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimDeliveries,
  fanOut,
  recordAttempt,
} from './webhooks.store.ts'

export interface SenderOptions {
  timing: WebhookTiming
  /** Requests in flight from this process, all subscriptions together… */
  maxInFlight: number
  /** …and per subscription: a slow subscriber fills its own share, never the others'. */
  perSubscription: number
}

// A pass starts sends up to these limits and the next pass, 200 ms later, tops them up: a subscriber
// answering in a few milliseconds is sent up to maxInFlight events a pass. At 64 that capped one
// subscription near 300 deliveries/s, below what an order load publishes (about 1.85 events an order);
// at 256 with 64 per subscription, one subscriber can take about 1,200/s and four fill the process.
export const defaultSenderOptions: SenderOptions = {
  timing: defaultWebhookTiming,
  maxInFlight: 256,
  perSubscription: 64,
}

/** The sends this process has in flight for one database. */
interface InFlight {
  bySubscription: Map<string, number>
  sends: Set<Promise<void>>
}
const inFlight = new WeakMap<Db, InFlight>()

function stateOf(db: Db): InFlight {
  let s = inFlight.get(db)
  if (!s) {
    s = { bySubscription: new Map(), sends: new Set() }
    inFlight.set(db, s)
  }
  return s
}

/**
 * One pass: hands newly published events to the subscriptions that asked for them, then starts sending
 * the deliveries that are due, without waiting for the answers. Each send runs on its own, under its
 * own timeout, and records its outcome when it ends: a subscriber that answers slowly, times out or
 * fails holds up neither the next pass nor any other subscriber (nor any API request: nothing here runs
 * in a request). Returns how many deliveries were created and sends started.
 */
export async function deliverWebhooks(
  db: Db,
  log: JobLog,
  options: SenderOptions = defaultSenderOptions,
): Promise<number> {
  const queued = await fanOut(db)
  const state = stateOf(db)
  const busy = [...state.bySubscription].filter(([, n]) => n >= options.perSubscription).map(([id]) => id)
  // Leased past the timeout: a process that dies mid-send leaves it to another after that (at least once).
  const claimed = await claimDeliveries(
    db,
    options.maxInFlight - state.sends.size,
    options.timing.timeoutMs + 30_000,
    busy,
  )
  for (const delivery of claimed) {
    state.bySubscription.set(
      delivery.subscription_id,
      (state.bySubscription.get(delivery.subscription_id) ?? 0) + 1,
    )
    const send = attempt(db, delivery, options.timing, log).finally(() => {
      state.sends.delete(send)
      const left = (state.bySubscription.get(delivery.subscription_id) ?? 1) - 1
      if (left > 0) state.bySubscription.set(delivery.subscription_id, left)
      else state.bySubscription.delete(delivery.subscription_id)
    })
    state.sends.add(send)
  }
  return queued + claimed.length
}

/** Waits for this process's sends in flight (each ends within its timeout): on stop, and in tests. */
export async function drainWebhookSends(db: Db): Promise<void> {
  const state = inFlight.get(db)
  while (state && state.sends.size > 0) await Promise.allSettled([...state.sends])
}

async function attempt(db: Db, d: ClaimedDelivery, timing: WebhookTiming, log: JobLog): Promise<void> {
  const outcome = await post(d, timing)
  try {
    await recordAttempt(db, d, outcome, {
      retryMs: retryDelayMs(timing, d.attempts + 1),
      giveUpAfterMs: timing.giveUpAfterMs,
      disableAfterMs: timing.disableAfterMs,
      reason: (since) =>
        disabledReason(
          since,
          outcome.statusCode ? `HTTP ${outcome.statusCode}` : (outcome.error ?? 'failed'),
        ),
    })
  } catch (err) {
    // The lease runs out and the delivery is sent again: at least once.
    log.warn(
      { delivery: d.id, subscription: d.subscription_id, error: loggableError(err) },
      'webhook attempt made but not recorded; it will be sent again',
    )
  }
}

/** Reads at most `max` bytes of an answer: a receiver cannot make the sender hold a large body. */
async function readStart(res: Response, max = 4096): Promise<string> {
  if (!res.body) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (size < max) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, max))
}

/** One POST of one event to one subscriber, signed, bounded by the timeout. Never throws. */
export async function post(d: ClaimedDelivery, timing: WebhookTiming): Promise<AttemptOutcome> {
  const body = JSON.stringify(d.event)
  const started = performance.now()
  const latency = () => Math.round(performance.now() - started)
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timing.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Passerelle-Webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(d.secret, Math.floor(Date.now() / 1000), body),
        'passerelle-event-id': d.event.id,
        'passerelle-event-type': d.event.type,
        'passerelle-delivery-id': d.id,
      },
    })
    const text = await readStart(res)
    return {
      ok: res.status >= 200 && res.status < 300,
      statusCode: res.status,
      latencyMs: latency(),
      error: null,
      responseExcerpt: excerpt(text),
    }
  } catch (err) {
    return { ok: false, statusCode: null, latencyMs: latency(), error: failureOf(err), responseExcerpt: null }
  }
}

/** A failure without an answer, named without the message (which may quote the URL). */
function failureOf(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string; name?: string } }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.cause?.name === 'TimeoutError')
    return 'timeout'
  const code = e?.cause?.code
  if (code === 'ECONNREFUSED') return 'connection_refused'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host_not_found'
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection_reset'
  if (typeof code === 'string' && /^(CERT_|ERR_TLS|UNABLE_TO_VERIFY|DEPTH_ZERO|SELF_SIGNED)/.test(code))
    return 'tls_error'
  return typeof code === 'string' ? `network_error (${code})` : 'network_error'
}
