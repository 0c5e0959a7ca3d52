/** An order as the shopper-profile rules read it. */
export interface OrderFact {
  channelKind: string
  channelCode: string
  status: string
  totalCents: number
  /** Store where it was sold (till) or collected, if any. */
  storeId: string | null
  createdAt: Date
}

export interface ShopperLabel {
  kind: 'mobile_shopper' | 'impulse_buyer' | 'assisted_buyer' | 'local_buyer' | 'comparison_shopper'
  evidence: string
}

export interface ShopperProfile {
  labels: ShopperLabel[]
  preferred_channels: Array<{ channel_code: string; orders: number; share: number }>
  home_store: { store_id: string; rule: 'most_visited' | 'nearest'; evidence: string } | null
}

const pct = (x: number) => `${Math.round(x * 100)} %`
const euros = (c: number) => `${(c / 100).toFixed(2).replace('.', ',')} €`

/**
 * The typical shopper kinds of a customer, from what they did (bought orders only; drafts that
 * expired and cancelled orders count as hesitation). Each label says the numbers behind it:
 * - mobile shopper: at least half the orders placed in the mobile app;
 * - assisted buyer: at least half the orders placed with a salesperson or agent (till, call centre);
 * - local buyer: at least 60 % of the store visits in one store, and 3 visits or more;
 * - impulse buyer: 4 orders or more within 90 days, with a median basket under 30 €;
 * - comparison shopper: buys in 3 channels or more, or left 2 carts or more to expire or cancel.
 * The home store is the most visited store, else the store nearest the customer's address.
 */
export function shopperProfile(
  orders: OrderFact[],
  nearestStore: { id: string; name: string; distanceKm: number } | null,
): ShopperProfile {
  const bought = orders.filter((o) => !['draft', 'expired', 'cancelled'].includes(o.status))
  const hesitated = orders.length - bought.length
  const labels: ShopperLabel[] = []
  const n = bought.length
  const byChannel = new Map<string, number>()
  for (const o of bought) byChannel.set(o.channelCode, (byChannel.get(o.channelCode) ?? 0) + 1)
  const preferred = [...byChannel]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([channel_code, count]) => ({
      channel_code,
      orders: count,
      share: Math.round((count / n) * 100) / 100,
    }))

  if (n > 0) {
    const mobile = bought.filter((o) => o.channelKind === 'mobile').length
    if (mobile / n >= 0.5) {
      labels.push({
        kind: 'mobile_shopper',
        evidence: `${mobile} of ${n} orders (${pct(mobile / n)}) in the mobile app`,
      })
    }
    const assisted = bought.filter((o) => o.channelKind === 'store' || o.channelKind === 'call_centre').length
    if (assisted / n >= 0.5) {
      labels.push({
        kind: 'assisted_buyer',
        evidence: `${assisted} of ${n} orders (${pct(assisted / n)}) with a salesperson or an agent`,
      })
    }
  }
  const visits = new Map<string, number>()
  for (const o of bought) if (o.storeId) visits.set(o.storeId, (visits.get(o.storeId) ?? 0) + 1)
  const totalVisits = [...visits.values()].reduce((s, v) => s + v, 0)
  const [topStore, topVisits] = [...visits].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [
    null,
    0,
  ]
  if (topStore && totalVisits >= 3 && topVisits / totalVisits >= 0.6) {
    labels.push({
      kind: 'local_buyer',
      evidence: `${topVisits} of ${totalVisits} store visits (${pct(topVisits / totalVisits)}) in the same store`,
    })
  }
  const latest = bought.reduce((m, o) => Math.max(m, o.createdAt.getTime()), 0)
  const recent = bought.filter((o) => o.createdAt.getTime() >= latest - 90 * 86_400_000)
  if (recent.length >= 4) {
    const baskets = recent.map((o) => o.totalCents).sort((a, b) => a - b)
    const median = baskets[Math.floor(baskets.length / 2)]!
    if (median < 3000) {
      labels.push({
        kind: 'impulse_buyer',
        evidence: `${recent.length} orders within 90 days, median basket ${euros(median)}`,
      })
    }
  }
  if (byChannel.size >= 3 || hesitated >= 2) {
    labels.push({
      kind: 'comparison_shopper',
      evidence:
        byChannel.size >= 3
          ? `buys in ${byChannel.size} channels (${[...byChannel.keys()].sort().join(', ')})`
          : `${hesitated} carts or orders left to expire or cancelled`,
    })
  }
  const home = topStore
    ? {
        store_id: topStore,
        rule: 'most_visited' as const,
        evidence: `${topVisits} of ${totalVisits} store visits`,
      }
    : nearestStore
      ? {
          store_id: nearestStore.id,
          rule: 'nearest' as const,
          evidence: `nearest store to the customer's address (${nearestStore.name}, ${nearestStore.distanceKm.toFixed(1)} km)`,
        }
      : null
  return { labels, preferred_channels: preferred, home_store: home }
}
