import {
  type ReturnCondition,
  type ReturnPolicy,
  type ReturnReason,
  refundOfUnits,
} from '../returns/index.ts'
import { lineAmounts } from '../shared/money.domain.ts'
import { newStoredValueCode } from '../stored-value/index.ts'
import { DAY_MS, type Day, HOUR_MS, lastDays, MINUTE_MS, openRanges, parisTime } from './calendar.ts'
import type { Category } from './catalog.data.ts'
import type { DemoVariant } from './catalog.ts'
import type { ChannelKind, DemoChannel } from './channels.ts'
import type { DemoLocation } from './network.ts'
import type { Random } from './random.ts'
import type { HistoryContext, LineSpec, OrderSpec, ReturnSpec } from './specs.ts'

/**
 * The demo retailer's return policy: 30 days by default; food gifts only when they arrive damaged
 * or wrong (perishable); small appliances complete with their accessories.
 */
export const demoReturnPolicies: Array<{
  category?: Category
  window_days: number
  reasons?: ReturnReason[]
  conditions?: string[]
}> = [
  { window_days: 30 },
  {
    category: 'food_gifts',
    window_days: 14,
    reasons: ['damaged_on_arrival', 'wrong_item', 'defective'],
    conditions: ['unopened'],
  },
  { category: 'small_appliances', window_days: 30, conditions: ['complete with accessories and packaging'] },
]

/** The same policies as the return capability reads them. */
export const returnPolicies: ReturnPolicy[] = demoReturnPolicies.map((p) => ({
  channelId: null,
  category: p.category ?? null,
  windowDays: p.window_days,
  returnable: true,
  reasons: p.reasons ?? [],
  conditions: p.conditions ?? [],
}))

/** Goods brought back: at a till, dropped off in a store, or sent back by carrier to the warehouse. */

/**
 * Share of the lines sold that come back, per channel of the sale. Till sales come back least
 * (2–4 % of the value, as in home & lifestyle stores); distance sales most, textiles above all
 * (sizes, colours that differ from the photo): 8–15 % of web lines.
 */
const lineRate: Record<ChannelKind, number> = {
  store: 0.036,
  web: 0.13,
  mobile: 0.11,
  call_centre: 0.07,
  catalogue: 0.08,
  partner: 0.09,
}

type Weights = Array<[ReturnReason, number]>
const reasons: Record<'atTill' | 'parcel' | 'collected', { textile: Weights; other: Weights }> = {
  atTill: {
    textile: [
      ['changed_mind', 35],
      ['wrong_size', 30],
      ['not_as_described', 15],
      ['defective', 10],
      ['other', 10],
    ],
    other: [
      ['changed_mind', 50],
      ['defective', 22],
      ['not_as_described', 15],
      ['other', 13],
    ],
  },
  parcel: {
    textile: [
      ['wrong_size', 35],
      ['not_as_described', 25],
      ['changed_mind', 20],
      ['damaged_on_arrival', 6],
      ['defective', 5],
      ['wrong_item', 5],
      ['late_delivery', 4],
    ],
    other: [
      ['changed_mind', 35],
      ['not_as_described', 25],
      ['damaged_on_arrival', 12],
      ['defective', 10],
      ['wrong_item', 8],
      ['late_delivery', 5],
      ['other', 5],
    ],
  },
  collected: {
    textile: [
      ['wrong_size', 35],
      ['not_as_described', 25],
      ['changed_mind', 28],
      ['defective', 7],
      ['other', 5],
    ],
    other: [
      ['changed_mind', 45],
      ['not_as_described', 25],
      ['defective', 15],
      ['other', 15],
    ],
  },
}
const foodGiftReasons: Weights = [
  ['damaged_on_arrival', 5],
  ['wrong_item', 2],
  ['defective', 1],
]

/**
 * Plans the returns of the history: which lines of which finished orders came back, why, in what
 * state, where and when (always within the policy's window), and the exchanges made at tills.
 * Orders paid with gift cards, credit notes or points are left alone (their stored value is not part
 * of the demo). Returns the exchange orders, to be added to the history.
 */
export function planReturns(random: Random, specs: OrderSpec[], ctx: HistoryContext): OrderSpec[] {
  const planner = new ReturnPlanner(random, ctx)
  const exchanges: OrderSpec[] = []
  for (const spec of specs) {
    const planned = planner.plan(spec)
    if (!planned) continue
    spec.returns = [planned]
    if (planned.exchange) exchanges.push(planned.exchange.order)
  }
  return exchanges
}

class ReturnPlanner {
  private readonly warehouse: DemoLocation
  private readonly stores: DemoLocation[]
  private readonly storeChannel: DemoChannel
  private readonly carried = new Map<string, Set<string>>()

  constructor(
    private readonly random: Random,
    private readonly ctx: HistoryContext,
  ) {
    this.warehouse = ctx.network.find((l) => l.row.code === 'WH-SARAN')!
    this.stores = ctx.network.filter((l) => l.kind === 'store')
    this.storeChannel = ctx.channels.find((c) => c.row.kind === 'store')!
    for (const [locationId, list] of ctx.stock.carried) {
      this.carried.set(locationId, new Set(list.map((v) => v.row.sku)))
    }
  }

  plan(spec: OrderSpec): ReturnSpec | undefined {
    const r = this.random
    if (spec.outcome !== 'done') return undefined
    const tenders = [...spec.payments, ...spec.collectionPayments]
    if (tenders.some((t) => t.method !== 'card' && t.method !== 'cash')) return undefined
    const kind = spec.channel.row.kind
    const chosen = spec.lines.flatMap((l, index) => (r.chance(lineRate[kind]) ? [{ l, index }] : []))
    if (chosen.length === 0) return undefined

    const handedOver = spec.fulfilledAt ?? spec.placedAt
    const first = chosen[0]!.l
    const where = this.where(spec, first)
    const window = Math.min(...chosen.map(({ l }) => (category(l.variant) === 'food_gifts' ? 14 : 30)))
    const daysAfter = r.int(1, window - 1)
    const createdAt =
      where.method === 'in_store'
        ? this.atTill(where.location, new Date(handedOver.getTime() + daysAfter * DAY_MS))
        : new Date(handedOver.getTime() + daysAfter * DAY_MS + r.int(-6 * 60, 6 * 60) * MINUTE_MS)
    const deadline = handedOver.getTime() + window * DAY_MS
    if (!createdAt || createdAt.getTime() >= Math.min(deadline, this.ctx.now.getTime() - 10 * MINUTE_MS)) {
      return undefined
    }
    const transit = where.method === 'carrier' ? r.int(40, 120) : r.int(20, 72)
    const arrives =
      where.method === 'in_store' ? createdAt : new Date(createdAt.getTime() + transit * HOUR_MS)
    const lines = chosen.map(({ l, index }) => {
      const quantity = l.quantity > 1 && r.chance(0.35) ? r.int(1, l.quantity - 1) : l.quantity
      const reason = this.reason(l, kind)
      const condition: ReturnCondition =
        reason === 'defective'
          ? 'defective'
          : reason === 'damaged_on_arrival' || r.chance(0.06)
            ? 'damaged'
            : 'resellable'
      return { index, quantity, reason, condition }
    })
    const planned: ReturnSpec = {
      method: where.method,
      location: where.location,
      channel: where.method === 'in_store' ? undefined : spec.channel,
      createdAt,
      receivedAt: arrives.getTime() < this.ctx.now.getTime() ? arrives : undefined,
      lines,
    }
    if (where.method === 'in_store') planned.exchange = this.exchange(spec, planned)
    return planned
  }

  /** A till sale comes back to its store; a parcel to a store or to the national warehouse. */
  private where(spec: OrderSpec, line: LineSpec): Pick<ReturnSpec, 'method' | 'location'> {
    const r = this.random
    const cash = [...spec.payments, ...spec.collectionPayments].some((t) => t.method === 'cash')
    if (spec.store) {
      const elsewhere = !cash && r.chance(0.07)
      return { method: 'in_store', location: elsewhere ? r.pick(this.stores) : spec.store }
    }
    if (line.pickup && (cash || r.chance(0.7))) return { method: 'in_store', location: line.pickup }
    const home = spec.customer?.homeStore
    if (spec.channel.row.kind === 'partner' || !home) return { method: 'carrier', location: this.warehouse }
    const method = r.weighted(['in_store', 'store_drop_off', 'carrier'] as const, [25, 25, 50])
    return method === 'carrier' ? { method, location: this.warehouse } : { method, location: home }
  }

  private reason(l: LineSpec, kind: ChannelKind): ReturnReason {
    const r = this.random
    const weights =
      category(l.variant) === 'food_gifts'
        ? foodGiftReasons
        : reasons[
            kind === 'store' && l.mode === 'takeaway'
              ? 'atTill'
              : l.mode === 'delivery'
                ? 'parcel'
                : 'collected'
          ][category(l.variant) === 'textile' ? 'textile' : 'other']
    return r.weighted(
      weights.map((w) => w[0]),
      weights.map((w) => w[1]),
    )
  }

  /** A time the store is open on the day of `around`, or the next days (undefined past a week). */
  private atTill(store: DemoLocation, around: Date): Date | undefined {
    for (let i = 0; i < 7; i++) {
      const day: Day = lastDays(new Date(around.getTime() + i * DAY_MS), 0)[0]!
      const ranges = openRanges(store.row.openingHours, day)
      if (ranges.length === 0) continue
      const [from, to] = this.random.pick(ranges)
      return parisTime(day, this.random.int(from, to - 5))
    }
    return undefined
  }

  /**
   * At a till, half of the items that did not fit (size, colour) are swapped for another size or
   * colour of the same product the store has, at the same price or more: the value returned becomes
   * a credit note that pays for the new item first, the customer pays the rest.
   */
  private exchange(spec: OrderSpec, planned: ReturnSpec): ReturnSpec['exchange'] {
    const r = this.random
    if (planned.lines.length !== 1 || !planned.receivedAt) return undefined
    const back = planned.lines[0]!
    if (
      back.condition !== 'resellable' ||
      (back.reason !== 'wrong_size' && back.reason !== 'not_as_described')
    )
      return undefined
    if (!r.chance(0.5)) return undefined
    const line = spec.lines[back.index]!
    const store = planned.location
    const shelf = this.carried.get(store.row.id)
    const unit = (v: DemoVariant) => this.ctx.catalog.priceOf(this.storeChannel.row.id, v.row.sku)
    const others = line.variant.product.variants.filter(
      (v) =>
        v !== line.variant &&
        shelf?.has(v.row.sku) &&
        v.product.channelKinds.includes('store') &&
        (unit(v) ?? 0) * back.quantity >= refundOf(line, back.quantity),
    )
    if (others.length === 0) return undefined
    const variant = r.pick(others)
    const unitPrice = unit(variant)!
    const amounts = lineAmounts({
      unitPriceCents: unitPrice,
      quantity: back.quantity,
      discountCents: 0,
      vatRateBp: variant.product.row.vatRateBp,
    })
    const credit = refundOf(line, back.quantity)
    const code = newStoredValueCode('store_credit', (n) => r.int(0, n - 1))
    const rest = amounts.totalCents - credit
    const order: OrderSpec = {
      channel: this.storeChannel,
      store,
      customer: spec.customer,
      placedAt: new Date(planned.receivedAt.getTime() + r.int(1, 4) * MINUTE_MS),
      lines: [
        {
          variant,
          quantity: back.quantity,
          unitPrice,
          discount: 0,
          amounts,
          mode: 'takeaway',
          source: store,
        },
      ],
      payments: [
        { method: 'store_credit', amount: credit, reference: code },
        ...(rest > 0
          ? [{ method: 'card' as const, amount: rest, reference: `CB-${r.int(100000, 999999)}` }]
          : []),
      ],
      collectionPayments: [],
      outcome: 'done',
    }
    return { order, code }
  }
}

function category(v: DemoVariant): Category {
  return v.product.category
}

/** What `quantity` units of a line give back: the first units of a line not returned before. */
export function refundOf(line: LineSpec, quantity: number): number {
  return refundOfUnits(
    {
      id: '',
      lineNo: 0,
      sku: line.variant.row.sku,
      productName: '',
      category: category(line.variant),
      quantity: line.quantity,
      totalCents: line.amounts.totalCents,
      vatCents: line.amounts.vatCents,
      vatRateBp: line.variant.product.row.vatRateBp,
      fulfilledQuantity: line.quantity,
      cancelledQuantity: 0,
      returnedQuantity: 0,
    },
    quantity,
  ).refundCents
}
