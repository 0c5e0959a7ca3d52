import { type Api, ApiError, type Order, type OrderInput, ok } from '../../api/client'
import { all, put } from './idb'

/** What a receipt prints: an order the server recorded, or a sale the till made offline. */
export type ReceiptOrder = Pick<
  Order,
  'number' | 'placed_at' | 'created_at' | 'lines' | 'payments' | 'total_cents' | 'vat_cents' | 'vat_breakdown'
> & { receipt_barcode: string | null }

/** A sale made while the server could not be reached, kept until it is recorded there once. */
export interface OfflineSale {
  /** Its Idempotency-Key: however often it is sent, the server records it once. */
  key: string
  register: string
  /** The register's own count of offline tickets: replayed in this order. */
  seq: number
  ticket: string
  soldAt: string
  body: OrderInput & { offline: { sold_at: string; ticket: string } }
  receipt: ReceiptOrder
  state: 'pending' | 'sent' | 'refused'
  /** The order's number once the server recorded it. */
  orderNumber?: string
  /** Why the server refused it (a manager must look at it). */
  problem?: { code: string; message: string }
  attempts: number
}

/** Whether an error means the server could not be reached (no answer, or a gateway's). */
export function unreachable(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || err.status === 502 || err.status === 504)
}

const counterKey = (register: string) => `passerelle.till.offline-ticket.${register}`

/** The next offline ticket of this register: H-<register>-<n>, counted in this browser. */
export function nextTicket(
  register: string,
  storage: Storage = localStorage,
): { seq: number; ticket: string } {
  const seq = Number(storage.getItem(counterKey(register)) ?? '0') + 1
  storage.setItem(counterKey(register), String(seq))
  return { seq, ticket: `H${register.slice(0, 4).toUpperCase()}-${String(seq).padStart(5, '0')}` }
}

const changed = new EventTarget()
export const onQueueChange = (listener: () => void) => {
  changed.addEventListener('change', listener)
  return () => changed.removeEventListener('change', listener)
}

export async function queued(register: string): Promise<OfflineSale[]> {
  return (await all<OfflineSale>('sales'))
    .filter((s) => s.register === register)
    .sort((a, b) => a.seq - b.seq)
}

/** Keeps a sale made offline (durably, before its receipt is shown). */
export async function enqueue(sale: OfflineSale) {
  await put('sales', sale)
  changed.dispatchEvent(new Event('change'))
}

async function save(sale: OfflineSale) {
  await put('sales', sale)
  changed.dispatchEvent(new Event('change'))
}

export type ReplayOutcome = 'done' | 'unreachable'

let running: Promise<ReplayOutcome> | null = null

/**
 * Sends the register's waiting sales to the server, oldest first, one at a time so that their
 * tickets join the register's chain in the order they were made. Each goes with its own
 * Idempotency-Key: a sale whose answer was lost is sent again and recorded once. A sale the server
 * refuses is kept, refused, for the manager, and the next ones go on; no answer stops the round.
 * Two tabs of one till do not send at once (a Web Lock), one round at a time per tab.
 */
export function replay(api: Api, register: string): Promise<ReplayOutcome> {
  running ??= withLock(() => replayRound(api, register)).finally(() => {
    running = null
  })
  return running
}

function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks
  return locks ? (locks.request(`passerelle-replay`, run) as Promise<T>) : run()
}

async function replayRound(api: Api, register: string): Promise<ReplayOutcome> {
  for (const sale of await queued(register)) {
    if (sale.state !== 'pending') continue
    try {
      const placed = await ok(
        api.POST('/api/v1/orders', {
          params: { header: { 'idempotency-key': sale.key } },
          body: sale.body,
        }),
      )
      await save({ ...sale, state: 'sent', orderNumber: placed.number, attempts: sale.attempts + 1 })
    } catch (err) {
      if (unreachable(err)) {
        await save({ ...sale, attempts: sale.attempts + 1 })
        return 'unreachable'
      }
      if (err instanceof ApiError && err.code === 'idempotency_key_reused') {
        // The till's online attempt of this very sale went through before its answer was lost.
        await save({ ...sale, state: 'sent', attempts: sale.attempts + 1 })
        continue
      }
      const problem =
        err instanceof ApiError
          ? { code: err.code, message: err.message }
          : { code: 'unknown', message: String(err) }
      await save({ ...sale, state: 'refused', problem, attempts: sale.attempts + 1 })
    }
  }
  return 'done'
}
