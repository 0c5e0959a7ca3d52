import type { BasketLine, DeliveryAddress, TenderLine } from './basket'
import type { TillCustomer } from './CustomerBox'

/** A sale being rung up, as the till keeps it in the browser between pages and reloads. */
export interface SaleDraft {
  lines: BasketLine[]
  customer: TillCustomer | null
  address: DeliveryAddress
  codes: string[]
  tenders: TenderLine[]
  /** The sale's Idempotency-Key: a reload after a lost answer still records the sale once. */
  saleKey: string
}

/** A basket set aside to serve the next customer, resumed later at the same register. */
export interface ParkedBasket {
  id: string
  parkedAt: string
  totalCents: number
  lines: BasketLine[]
  customer: TillCustomer | null
  address: DeliveryAddress
  codes: string[]
}

const REGISTER = 'passerelle.register'

/**
 * This device's register: an id made once per browser, so that two tills of one store keep their own
 * baskets (each sees what was parked on it, as at a physical till).
 */
export function registerId(storage: Storage = localStorage): string {
  let id = storage.getItem(REGISTER)
  if (!id) {
    id = crypto.randomUUID()
    storage.setItem(REGISTER, id)
  }
  return id
}

/** Where a till's sale and parked baskets are kept: per register, store or channel, and kind of sale. */
export function saleScope(register: string, where: string, kind: 'till' | 'phone'): string {
  return `passerelle.sale.${kind}.${where}.${register}`
}

function read<T>(storage: Storage, key: string): T | null {
  try {
    const raw = storage.getItem(key)
    return raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}

export function loadDraft(scope: string, storage: Storage = localStorage): SaleDraft | null {
  const draft = read<SaleDraft>(storage, `${scope}.current`)
  return draft && Array.isArray(draft.lines) ? draft : null
}

/** Keeps the sale; an empty one (nothing scanned, nobody attached) is forgotten. */
export function saveDraft(scope: string, draft: SaleDraft, storage: Storage = localStorage) {
  if (draft.lines.length === 0 && !draft.customer && draft.codes.length === 0) {
    storage.removeItem(`${scope}.current`)
    return
  }
  storage.setItem(`${scope}.current`, JSON.stringify(draft))
}

export function loadParked(scope: string, storage: Storage = localStorage): ParkedBasket[] {
  const list = read<ParkedBasket[]>(storage, `${scope}.parked`)
  return Array.isArray(list) ? list : []
}

export function saveParked(scope: string, list: ParkedBasket[], storage: Storage = localStorage) {
  if (list.length === 0) storage.removeItem(`${scope}.parked`)
  else storage.setItem(`${scope}.parked`, JSON.stringify(list))
}

/** Parks a sale (newest first). A sale with payments taken is not parked: they belong to this customer. */
export function park(
  list: ParkedBasket[],
  draft: SaleDraft,
  totalCents: number,
  now: Date = new Date(),
): ParkedBasket[] | null {
  if (draft.lines.length === 0 || draft.tenders.length > 0) return null
  const { lines, customer, address, codes } = draft
  return [
    { id: crypto.randomUUID(), parkedAt: now.toISOString(), totalCents, lines, customer, address, codes },
    ...list,
  ]
}

/** Takes a parked basket back: it becomes the sale, with a new Idempotency-Key. */
export function resume(list: ParkedBasket[], id: string): { draft: SaleDraft; rest: ParkedBasket[] } | null {
  const found = list.find((p) => p.id === id)
  if (!found) return null
  const { lines, customer, address, codes } = found
  return {
    draft: { lines, customer, address, codes, tenders: [], saleKey: crypto.randomUUID() },
    rest: list.filter((p) => p.id !== id),
  }
}
