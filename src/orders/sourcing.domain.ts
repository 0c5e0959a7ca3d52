import { shipsParcels } from '../inventory/availability.domain.ts'
import { conflict } from '../shared/errors.ts'

export interface SourceCandidate {
  id: string
  code: string
  kind: string
  fulfilmentModes: string[]
}

export interface DeliveryDemand {
  index: number
  sku: string
  quantity: number
}

/**
 * Where each delivery line ships from. The core rule: the first warehouse (by code) that can promise
 * the whole quantity, counting what earlier lines of the same order already took. This is the one
 * place the order flow asks "where from?", so a routing engine can replace it whole.
 */
export function chooseDeliverySources(
  demands: DeliveryDemand[],
  candidates: SourceCandidate[],
  stock: Array<{ locationId: string; sku: string; available: number }>,
): Map<number, string> {
  const warehouses = candidates.filter(shipsParcels).sort((a, b) => a.code.localeCompare(b.code))
  const left = new Map<string, number>()
  for (const s of stock) left.set(`${s.locationId}|${s.sku}`, s.available)
  const chosen = new Map<number, string>()
  for (const d of demands) {
    const source = warehouses.find((w) => (left.get(`${w.id}|${d.sku}`) ?? 0) >= d.quantity)
    if (!source) {
      const available = Math.max(0, ...warehouses.map((w) => left.get(`${w.id}|${d.sku}`) ?? 0))
      throw conflict(
        'insufficient_stock',
        `No warehouse can deliver ${d.quantity} × ${d.sku}: at most ${available} available in one warehouse.`,
        { items: [{ sku: d.sku, requested: d.quantity, available, line: d.index }] },
      )
    }
    const key = `${source.id}|${d.sku}`
    left.set(key, (left.get(key) ?? 0) - d.quantity)
    chosen.set(d.index, source.id)
  }
  return chosen
}
