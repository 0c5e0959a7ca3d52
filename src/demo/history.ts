import type { DeliveryAddress } from '../network/index.ts'
import { lineAmounts } from '../shared/money.domain.ts'
import { type Day, HOUR_MS, lastDays, MINUTE_MS, openRanges, parisTime } from './calendar.ts'
import type { DemoVariant } from './catalog.ts'
import type { ChannelKind, DemoChannel } from './channels.ts'
import { firstNames, lastNames, streets } from './customers.data.ts'
import type { DemoCustomer } from './customers.ts'
import type { DemoLocation } from './network.ts'
import { type Random, weightedSampler } from './random.ts'
import { planReturns } from './returns.ts'
import type { HistoryContext, LineSpec, Mode, OrderSpec } from './specs.ts'
import { planTenders } from './tenders.ts'

/** Web, app, phone, catalogue and partner orders. */
const DISTANCE_ORDERS = 1320
/**
 * Till sales: the cheapest orders to generate and the bulk of a store's trade. Enough of them that a
 * store's quarter holds a few hundred, so the cannibalisation view measures more than noise.
 */
const TILL_SALES = 8000
/** The store of the demo store key: it has click & collect orders to prepare today. */
const DEMO_STORE = 'STO-PARIS-BASTILLE'
const MONTHS = 24

const distanceMix: Array<[ChannelKind, number]> = [
  ['web', 0.2],
  ['mobile', 0.1],
  ['call_centre', 0.045],
  ['catalogue', 0.035],
  ['partner', 0.06],
]

const modeMix: Partial<Record<ChannelKind, Array<[Mode, number]>>> = {
  web: [
    ['delivery', 0.58],
    ['pickup', 0.3],
    ['reserve', 0.12],
  ],
  mobile: [
    ['delivery', 0.45],
    ['pickup', 0.37],
    ['reserve', 0.18],
  ],
  call_centre: [
    ['delivery', 0.75],
    ['pickup', 0.2],
    ['reserve', 0.05],
  ],
  catalogue: [
    ['delivery', 0.85],
    ['pickup', 0.15],
  ],
  partner: [['delivery', 1]],
}

// Sales peak before Christmas, with the January and summer sales and the spring garden season.
const season = [1.15, 0.8, 0.9, 1.0, 1.05, 1.0, 0.95, 0.8, 0.95, 1.0, 1.55, 2.0]
const storeWeekday = { mon: 0.8, tue: 0.85, wed: 1.0, thu: 0.9, fri: 1.1, sat: 1.7, sun: 0.3 }
const onlineWeekday = { mon: 1.05, tue: 1.0, wed: 1.0, thu: 1.0, fri: 0.95, sat: 0.9, sun: 1.15 }
const phoneWeekday = { mon: 1, tue: 1, wed: 1, thu: 1, fri: 1, sat: 0.5, sun: 0 }
const onlineHours = [
  0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.5, 2, 2.2, 2.5, 3, 3, 2.5, 2.3, 2.4, 2.6, 3, 3.6, 4.2, 4.5, 3.2,
  1.5,
]

/**
 * About 9,000 orders over the last 24 months in every channel and fulfilment mode, in time order.
 * Till sales dominate; web, app and phone orders are delivered from a warehouse or collected in the
 * customer's store; a few were cancelled, some came back (returns and exchanges), and the most recent
 * ones are still waiting to be collected or shipped.
 */
export function planHistory(random: Random, ctx: HistoryContext): OrderSpec[] {
  const plan = new HistoryPlanner(random, ctx)
  const specs: OrderSpec[] = []
  for (let i = 0; i < DISTANCE_ORDERS; i++) {
    const kind = random.weighted(
      distanceMix.map((c) => c[0]),
      distanceMix.map((c) => c[1]),
    )
    const spec = plan.order(kind)
    if (spec) specs.push(spec)
  }
  const tills = ctx.tillSales ?? TILL_SALES
  for (let i = 0; i < tills; i++) {
    const spec = plan.order('store')
    if (spec) specs.push(spec)
  }
  specs.push(...plan.waitingForCollection(DEMO_STORE, 12))
  // Its own random stream: the sales above are the same with or without their returns.
  specs.push(...planReturns(random.fork('returns'), specs, ctx))
  return specs.sort((a, b) => (a.draftAt ?? a.placedAt).getTime() - (b.draftAt ?? b.placedAt).getTime())
}

class HistoryPlanner {
  private readonly days: Day[]
  private readonly daySamplers: Record<'store' | 'online' | 'phone', (r: Random) => number>
  private readonly stores: DemoLocation[]
  private readonly saran: DemoLocation
  private readonly regional: DemoLocation
  private readonly pools = new Map<string, { variants: DemoVariant[]; draw: (r: Random) => number }>()
  private readonly customersByStore = new Map<string, { list: DemoCustomer[]; draw: (r: Random) => number }>()
  private readonly online: { list: DemoCustomer[]; draw: (r: Random) => number }
  private readonly everyone: { list: DemoCustomer[]; draw: (r: Random) => number }
  private readonly drawTown: (r: Random) => number

  constructor(
    private readonly random: Random,
    private readonly ctx: HistoryContext,
  ) {
    this.days = lastDays(ctx.now, Math.round(MONTHS * 30.44) - 1)
    const n = this.days.length
    const dayWeight = (d: Day, i: number, weekday: Record<string, number>, closedOnHolidays: boolean) => {
      const holiday =
        (d.month === 0 && d.date === 1) ||
        (d.month === 4 && d.date === 1) ||
        (d.month === 11 && d.date === 25)
      if (closedOnHolidays && holiday) return 0
      const blackFriday = d.month === 10 && d.weekday === 'fri' && d.date >= 22 && d.date <= 28 ? 2.5 : 1
      const christmasRush = d.month === 11 && d.date >= 14 && d.date <= 24 ? 1.4 : 1
      return season[d.month]! * weekday[d.weekday]! * (0.85 + (0.3 * i) / n) * blackFriday * christmasRush
    }
    this.daySamplers = {
      store: weightedSampler(this.days.map((d, i) => dayWeight(d, i, storeWeekday, true))),
      online: weightedSampler(this.days.map((d, i) => dayWeight(d, i, onlineWeekday, false))),
      phone: weightedSampler(this.days.map((d, i) => dayWeight(d, i, phoneWeekday, true))),
    }
    this.stores = ctx.network.filter((l) => l.kind === 'store')
    this.saran = ctx.network.find((l) => l.row.code === 'WH-SARAN')!
    this.regional = ctx.network.find((l) => l.row.code === 'WH-SAINT-PRIEST')!
    for (const store of this.stores) {
      const list = ctx.customers.filter((c) => c.homeStore === store)
      this.customersByStore.set(store.row.id, { list, draw: weightedSampler(list.map((c) => c.activity)) })
    }
    const online = ctx.customers.filter((c) => c.online)
    this.online = { list: online, draw: weightedSampler(online.map((c) => c.activity)) }
    this.everyone = { list: ctx.customers, draw: weightedSampler(ctx.customers.map((c) => c.activity)) }
    this.drawTown = weightedSampler(ctx.towns.map((t) => Math.sqrt(t.population)))
  }

  order(kind: ChannelKind): OrderSpec | undefined {
    const channel = this.ctx.channels.find((c) => c.row.kind === kind)!
    return kind === 'store' ? this.tillSale(channel) : this.distanceSale(channel)
  }

  /** A sale at a till: mostly carried away, sometimes ordered for home delivery (endless aisle). */
  private tillSale(channel: DemoChannel): OrderSpec | undefined {
    const r = this.random
    const when = this.storeVisit()
    if (!when) return undefined
    const { store, at } = when
    // Once click & collect opens at a store, some of its walk-in shoppers order online instead.
    if (this.launchedBy(store, at) && r.chance(0.2)) return undefined
    const locals = this.customersByStore.get(store.row.id)!
    const customer = locals.list.length > 0 && r.chance(0.58) ? locals.list[locals.draw(r)] : undefined
    const endlessAisle =
      customer !== undefined && store.row.fulfilmentModes.includes('delivery') && r.chance(0.1)
    const lines: LineSpec[] = []
    if (!endlessAisle || r.chance(0.35)) {
      lines.push(...this.lines(channel, store, 'takeaway', r.weightedIndex([0, 40, 28, 16, 9, 7])))
    }
    if (endlessAisle) lines.push(...this.deliveryLines(channel, customer, r.weightedIndex([0, 75, 20, 5])))
    if (lines.length === 0) return undefined
    const spec = this.finish({
      channel,
      store,
      customer,
      address: endlessAisle ? addressOf(customer) : undefined,
      placedAt: at,
      lines,
    })
    return spec
  }

  /** Web, app, phone, catalogue and partner orders: delivered, or collected in a store. */
  private distanceSale(channel: DemoChannel): OrderSpec | undefined {
    const r = this.random
    const kind = channel.row.kind
    const mix = modeMix[kind]!
    const mode = r.weighted(
      mix.map((m) => m[0]),
      mix.map((m) => m[1]),
    )
    const pool =
      kind === 'partner'
        ? r.chance(0.55)
          ? this.online
          : undefined
        : kind === 'call_centre' || kind === 'catalogue'
          ? this.everyone
          : this.online
    const customer = pool && pool.list.length > 0 ? pool.list[pool.draw(r)] : undefined
    const at = this.distanceTime(kind)
    if (!at) return undefined
    const count = r.weightedIndex([0, 50, 27, 13, 7, 3])
    let lines: LineSpec[]
    let address: DeliveryAddress | undefined
    if (mode === 'delivery') {
      address = customer ? addressOf(customer) : this.stranger()
      lines = this.deliveryLines(channel, customer, count, address)
    } else {
      const home = customer?.homeStore
      const offers = (s: DemoLocation) =>
        s.row.fulfilmentModes.includes(mode) && (mode !== 'pickup' || this.collectsAt(s, at))
      const store = home && offers(home) && r.chance(0.9) ? home : r.pick(this.stores.filter(offers))
      lines = this.lines(channel, store, mode, count)
    }
    if (lines.length === 0) return undefined
    const drafted = kind === 'web' || kind === 'mobile' || kind === 'call_centre'
    return this.finish({
      channel,
      customer,
      address,
      draftAt: drafted ? new Date(at.getTime() - r.int(2, 25) * MINUTE_MS) : undefined,
      placedAt: at,
      lines,
    })
  }

  /** Web, app and phone orders of the last day and a half, still waiting in a store to be collected. */
  waitingForCollection(storeCode: string, count: number): OrderSpec[] {
    const r = this.random
    const store = this.stores.find((s) => s.row.code === storeCode)!
    const locals = this.customersByStore.get(store.row.id)!.list.filter((c) => c.online)
    const specs: OrderSpec[] = []
    for (let i = 0; i < count && locals.length > 0; i++) {
      const kind = r.weighted<ChannelKind>(['web', 'mobile', 'call_centre'], [5, 4, 1])
      const channel = this.ctx.channels.find((c) => c.row.kind === kind)!
      const mode = r.chance(0.7) ? 'pickup' : 'reserve'
      const at = new Date(this.ctx.now.getTime() - r.int(20, 36 * 60) * MINUTE_MS)
      const lines = this.lines(channel, store, mode, r.weightedIndex([0, 60, 30, 10]))
      if (lines.length === 0) continue
      specs.push(
        this.finish(
          {
            channel,
            customer: r.pick(locals),
            draftAt: new Date(at.getTime() - r.int(2, 15) * MINUTE_MS),
            placedAt: at,
            lines,
          },
          true,
        ),
      )
    }
    return specs
  }

  private finish(
    base: Omit<OrderSpec, 'payments' | 'collectionPayments' | 'outcome'>,
    waiting = false,
  ): OrderSpec {
    const r = this.random
    const now = this.ctx.now.getTime()
    const spec: OrderSpec = { ...base, payments: [], collectionPayments: [], outcome: 'done' }
    const later = spec.lines.filter((l) => l.mode !== 'takeaway')
    const due = spec.lines.filter((l) => l.mode !== 'reserve').reduce((s, l) => s + l.amounts.totalCents, 0)
    const atTill = spec.channel.row.kind === 'store'
    spec.payments = planTenders(this.random, {
      due,
      atTill,
      customer: spec.customer,
      kind: spec.channel.row.kind,
    })
    if (later.length === 0) return spec
    if (waiting) {
      spec.outcome = 'open'
      return spec
    }

    const t0 = spec.placedAt.getTime()
    const reserveOnly = later.every((l) => l.mode === 'reserve')
    // An order with goods already carried away is returned, not cancelled.
    const cancellable = spec.lines.every((l) => l.mode !== 'takeaway')
    const cancelled = cancellable && (r.chance(0.03) || (reserveOnly && r.chance(0.08)))
    if (cancelled) {
      const reason = reserveOnly && r.chance(0.7) ? 'non retiré en magasin' : 'annulé à la demande du client'
      const at =
        t0 +
        (reason === 'non retiré en magasin'
          ? 72 * HOUR_MS + r.int(0, 600) * MINUTE_MS
          : r.int(60, 1200) * MINUTE_MS)
      if (at < now) {
        spec.outcome = 'cancelled'
        spec.cancelledAt = new Date(at)
        spec.cancelReason = reason
        return spec
      }
      spec.outcome = 'open'
      return spec
    }
    const slowest = Math.max(...later.map((l) => delayHours(l.mode, r)))
    const at = t0 + slowest * HOUR_MS
    if (at >= now) {
      spec.outcome = 'open'
      return spec
    }
    spec.fulfilledAt = new Date(at)
    const collected = later.filter((l) => l.mode === 'reserve').reduce((s, l) => s + l.amounts.totalCents, 0)
    if (collected > 0)
      spec.collectionPayments = planTenders(this.random, {
        due: collected,
        atTill: true,
        customer: spec.customer,
        kind: 'store',
        collection: true,
      })
    return spec
  }

  /** Whether click & collect was open at the store at that time (always, unless launched during the history). */
  private collectsAt(store: DemoLocation, at: Date): boolean {
    const launch = this.ctx.launches?.find((l) => l.store === store)
    return !launch || at >= launch.at
  }

  private launchedBy(store: DemoLocation, at: Date): boolean {
    const launch = this.ctx.launches?.find((l) => l.store === store)
    return launch !== undefined && at >= launch.at
  }

  private lines(channel: DemoChannel, source: DemoLocation, mode: Mode, count: number): LineSpec[] {
    const pool = this.pool(channel, source)
    if (pool.variants.length === 0) return []
    const chosen = new Map<string, DemoVariant>()
    for (let attempt = 0; chosen.size < count && attempt < count * 4; attempt++) {
      const v = pool.variants[pool.draw(this.random)]!
      chosen.set(v.row.sku, v)
    }
    return [...chosen.values()].map((v) =>
      this.line(channel, v, mode, source, mode === 'takeaway' ? undefined : source),
    )
  }

  /** Parcels leave the regional warehouse for the south-east when it has the item, else the national one. */
  private deliveryLines(
    channel: DemoChannel,
    customer: DemoCustomer | undefined,
    count: number,
    address?: DeliveryAddress,
  ): LineSpec[] {
    const near = customer ?? address
    const southEast = near?.lat !== undefined && near.lon !== undefined && near.lat < 46.3 && near.lon > 3.2
    const regional = new Set(this.ctx.stock.carried.get(this.regional.row.id)!.map((v) => v.row.sku))
    return this.lines(channel, this.saran, 'delivery', count).map((l) =>
      southEast && regional.has(l.variant.row.sku) ? { ...l, source: this.regional } : l,
    )
  }

  private line(
    channel: DemoChannel,
    v: DemoVariant,
    mode: Mode,
    source: DemoLocation,
    pickup?: DemoLocation,
  ): LineSpec {
    const r = this.random
    const unitPrice = this.ctx.catalog.priceOf(channel.row.id, v.row.sku)!
    const quantity =
      unitPrice < 1000
        ? r.weighted([1, 2, 3, 4, 6], [60, 22, 9, 5, 4])
        : r.weighted([1, 2, 3, 4], [82, 13, 3, 2])
    // Staff mark down a damaged box or an end of line now and then; only at a till.
    const discount =
      channel.row.kind === 'store' && r.chance(0.04)
        ? Math.round((unitPrice * quantity * r.pick([10, 20, 30])) / 100)
        : 0
    const amounts = lineAmounts({
      unitPriceCents: unitPrice,
      quantity,
      discountCents: discount,
      vatRateBp: v.product.row.vatRateBp,
    })
    return { variant: v, quantity, unitPrice, discount, amounts, mode, source, pickup }
  }

  /** The variants a location stocks and a channel lists, drawn by popularity. */
  private pool(channel: DemoChannel, location: DemoLocation) {
    const key = `${channel.row.id}|${location.row.id}`
    let pool = this.pools.get(key)
    if (!pool) {
      const variants = (this.ctx.stock.carried.get(location.row.id) ?? []).filter((v) =>
        v.product.channelKinds.includes(channel.row.kind),
      )
      pool = { variants, draw: weightedSampler(variants.map((v) => v.popularity)) }
      this.pools.set(key, pool)
    }
    return pool
  }

  private storeVisit(): { store: DemoLocation; at: Date } | undefined {
    const r = this.random
    for (let attempt = 0; attempt < 10; attempt++) {
      const day = this.days[this.daySamplers.store(r)]!
      const open = this.stores.filter((s) => openRanges(s.row.openingHours, day).length > 0)
      if (open.length === 0) continue
      const store = r.weighted(
        open,
        open.map((s) => s.traffic),
      )
      const ranges = openRanges(store.row.openingHours, day)
      const [from, to] = r.weighted(
        ranges,
        ranges.map(([a, b]) => b - a),
      )
      const at = parisTime(day, r.int(from, to - 5))
      if (at.getTime() < this.ctx.now.getTime() - 5 * MINUTE_MS) return { store, at }
    }
    return undefined
  }

  private distanceTime(kind: ChannelKind): Date | undefined {
    const r = this.random
    const phone = kind === 'call_centre' || kind === 'catalogue'
    for (let attempt = 0; attempt < 10; attempt++) {
      const day = this.days[(phone ? this.daySamplers.phone : this.daySamplers.online)(r)]!
      const minutes =
        kind === 'call_centre'
          ? r.int(9 * 60, 19 * 60 - 1)
          : kind === 'catalogue'
            ? r.int(9 * 60, 17 * 60 - 1)
            : r.weightedIndex(onlineHours) * 60 + r.int(0, 59)
      const at = parisTime(day, minutes)
      if (at.getTime() < this.ctx.now.getTime() - 5 * MINUTE_MS) return at
    }
    return undefined
  }

  /** Someone who bought on a marketplace without an account with the brand. */
  private stranger(): DeliveryAddress {
    const r = this.random
    const town = this.ctx.towns[this.drawTown(r)]!
    return {
      name: `${r.pick(firstNames)} ${r.pick(lastNames)}`,
      line1: `${r.int(1, 120)} ${r.pick(streets)}`,
      postcode: r.pick(town.postcodes),
      city: town.name,
      country: 'FR',
      lat: round5(town.lat),
      lon: round5(town.lon),
    }
  }
}

function addressOf(c: DemoCustomer): DeliveryAddress {
  return {
    name: `${c.row.firstName} ${c.row.lastName}`,
    line1: c.row.addressLine!,
    postcode: c.row.postcode!,
    city: c.row.city!,
    country: 'FR',
    lat: round5(c.lat),
    lon: round5(c.lon),
  }
}

/** Hours until goods leave the stock: parcels ship in 1–3 days, collections happen within days. */
function delayHours(mode: Mode, r: Random): number {
  if (mode === 'delivery') return r.int(20, 72)
  if (mode === 'pickup') return r.int(22, 150)
  return r.int(3, 72)
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5
}
