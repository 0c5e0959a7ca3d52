import { sql } from 'drizzle-orm'
import type { Tx } from '../db/database.ts'
import { bySystem } from '../events/index.ts'
import type { Observation, PromotionDefinition } from '../offer/index.ts'
import {
  createPromotion,
  putListingRuleIn,
  putPricePolicyIn,
  recordObservationsIn,
  setCostsIn,
} from '../offer/index.ts'
import type { DemoCatalog } from './catalog.ts'
import type { DemoChannel } from './channels.ts'
import type { Random } from './random.ts'

const DAY_MS = 86_400_000
const endings = [99, 95, 50, 0]

export interface DemoOffer {
  costs: Array<{ sku: string; cost_cents: number }>
  observations: Observation[]
  /** SKUs given a price or competitor observation that breaks their category's policy, on purpose. */
  planted: string[]
  /** The instant the demo is built for: promotions run around it. */
  now: Date
}

/**
 * Costs for every SKU (45–65 % of the store price), competitor prices seen on the web and in stores
 * for textiles and small appliances, and a few deliberate breaks of the coherence policies (web dearer
 * than stores, a web price far below, a .97 price, competitors well below) for the report to find.
 * Changes `catalog.prices` in place for the deliberate breaks.
 */
export function planOffer(
  random: Random,
  catalog: DemoCatalog,
  channels: DemoChannel[],
  now: Date,
): DemoOffer {
  const list = (kind: string) => channels.find((c) => c.row.kind === kind)!
  const storeList = list('store').priceList.id
  const webList = list('web').priceList.id
  const priceRow = new Map(catalog.prices.map((p) => [`${p.priceListId} ${p.sku}`, p]))
  const store = (sku: string) => priceRow.get(`${storeList} ${sku}`)
  const web = (sku: string) => priceRow.get(`${webList} ${sku}`)

  const costs = catalog.variants.map((v) => ({
    sku: v.row.sku,
    cost_cents: Math.round((store(v.row.sku)?.amountCents ?? v.basePrice) * (0.45 + random.next() * 0.2)),
  }))

  // Candidates for deliberate breaks: sold on the web and in stores, at 30 € or more.
  const both = (category: string) =>
    catalog.variants.filter(
      (v) =>
        v.product.category === category && (store(v.row.sku)?.amountCents ?? 0) >= 3000 && web(v.row.sku),
    )
  const [dearWeb1, dearWeb2, lowWeb1, lowWeb2, odd1, odd2] = random.sample(both('kitchen'), 6)
  for (const v of [dearWeb1, dearWeb2]) web(v!.row.sku)!.amountCents = store(v!.row.sku)!.amountCents + 1000
  for (const v of [lowWeb1, lowWeb2]) {
    web(v!.row.sku)!.amountCents = Math.floor((store(v!.row.sku)!.amountCents * 0.65) / 100) * 100 + 99
  }
  for (const v of [odd1, odd2])
    store(v!.row.sku)!.amountCents -= store(v!.row.sku)!.amountCents % 100 === 99 ? 2 : 3

  const observations: Observation[] = []
  const webChannel = list('web').row.id
  const storeChannel = list('store').row.id
  const seenDaysAgo = () =>
    new Date(now.getTime() - (1 + random.int(0, 20)) * DAY_MS - random.int(0, 36_000) * 1000)
  for (const category of ['textile', 'small_appliances']) {
    for (const v of catalog.variants.filter((x) => x.product.category === category)) {
      const w = web(v.row.sku)
      if (w && random.chance(0.4)) {
        observations.push({
          competitor: random.pick(['Maison & Co', 'Déco Discount', 'MaxiMaison']),
          sku: v.row.sku,
          channel: webChannel,
          priceCents: Math.round(w.amountCents * (0.97 + random.next() * 0.08)),
          observedAt: seenDaysAgo(),
          source: 'comparateur de prix',
        })
      }
      const s = store(v.row.sku)
      if (s && random.chance(0.15)) {
        observations.push({
          competitor: 'Bazar du Centre',
          sku: v.row.sku,
          channel: storeChannel,
          priceCents: Math.round(s.amountCents * (0.98 + random.next() * 0.06)),
          observedAt: seenDaysAgo(),
          source: 'relevé en magasin',
        })
      }
    }
  }
  const undercut = [...random.sample(both('textile'), 3), ...random.sample(both('small_appliances'), 3)]
  for (const v of undercut) {
    observations.push({
      competitor: 'Déco Discount',
      sku: v.row.sku,
      channel: webChannel,
      priceCents: Math.round(web(v.row.sku)!.amountCents * 0.85),
      observedAt: new Date(now.getTime() - 2 * DAY_MS),
      source: 'comparateur de prix',
    })
  }
  const planted = [dearWeb1, dearWeb2, lowWeb1, lowWeb2, odd1, odd2, ...undercut].map((v) => v!.row.sku)
  return { costs, observations, planted, now }
}

/** The demo's coherence policies, costs and competitor prices (inside the seed's transaction). */
export async function seedOffer(tx: Tx, offer: DemoOffer, channels: DemoChannel[]) {
  const code = (kind: string) => channels.find((c) => c.row.kind === kind)!.row.code
  const webNotDearer = [
    { cheaper: code('web'), dearer: code('store') },
    { cheaper: code('mobile'), dearer: code('store') },
  ]
  await putPricePolicyIn(tx, 'kitchen', {
    max_spread_pct: 25,
    direction: webNotDearer,
    min_margin_pct: 20,
    price_endings: endings,
  })
  await putPricePolicyIn(tx, 'textile', {
    max_spread_pct: 25,
    max_spread_cents: 8000,
    direction: webNotDearer,
    min_margin_pct: 20,
    price_endings: endings,
    competitor: { max_above_pct: 10, window_days: 30 },
  })
  await putPricePolicyIn(tx, 'small_appliances', {
    max_spread_pct: 25,
    direction: webNotDearer,
    min_margin_pct: 15,
    price_endings: endings,
    competitor: { max_above_pct: 5, window_days: 30 },
  })
  await setCostsIn(tx, offer.costs)
  await recordObservationsIn(tx, offer.observations, (i, column) => ({
    field: `demo observation ${i}/${column}`,
    details: {},
  }))
  await seedPromotions(tx, new Date(offer.now))
  await seedClusters(tx)
}

/**
 * The season's promotions, each showing one way to scope one: online only, in stores only, everywhere,
 * a welcome code for a first web order, and the summer sales, over.
 */
async function seedPromotions(tx: Tx, now: Date) {
  const day = (n: number) => new Date(now.getTime() + n * DAY_MS).toISOString()
  const define = (d: PromotionDefinition) => createPromotion(tx, d, 'demo', bySystem)
  await define({
    code: 'JARDIN-WEB',
    name: 'Jardin : −15 % en ligne',
    kind: 'percentage',
    percent_bp: 1500,
    channel_kinds: ['web', 'mobile'],
    starts_at: day(-10),
    ends_at: day(20),
    target: { kind: 'categories', categories: ['garden'] },
  })
  await define({
    code: 'TEXTILE-3POUR2',
    name: 'Linge de maison : 3 pour 2 en magasin',
    kind: 'buy_x_get_y',
    buy: 2,
    get: 1,
    channel_kinds: ['store'],
    starts_at: day(-5),
    ends_at: day(25),
    target: { kind: 'categories', categories: ['textile'] },
  })
  await define({
    code: 'DECO-2E-50',
    name: 'Décoration : le 2e à −50 %',
    kind: 'nth_item',
    nth: 2,
    percent_bp: 5000,
    priority: 50,
    target: { kind: 'categories', categories: ['decoration'] },
  })
  await define({
    code: 'BIENVENUE',
    name: 'Bienvenue : 10 € dès 50 €',
    kind: 'basket_threshold',
    threshold_cents: 5000,
    amount_cents: 1000,
    voucher_code: 'BIENVENUE10',
    channel_kinds: ['web', 'mobile'],
    limit_per_customer: 1,
    priority: 500,
    target: { kind: 'basket' },
  })
  await define({
    code: 'SOLDES-ETE-26',
    name: 'Soldes d’été : −30 % sur le linge',
    kind: 'percentage',
    percent_bp: 3000,
    starts_at: '2026-06-24T05:00:00.000Z',
    ends_at: '2026-07-22T05:00:00.000Z',
    stacking: 'exclusive',
    priority: 10,
    target: { kind: 'categories', categories: ['textile'] },
  })
}

/**
 * Big stores (60 preparations a day and more) form the `flagship` cluster and carry everything; the
 * smaller city stores do not carry the bulky DIY range, which they order for delivery (endless aisle).
 */
async function seedClusters(tx: Tx) {
  await tx.execute(
    sql`UPDATE location SET cluster = CASE WHEN daily_prep_capacity >= 60 THEN 'flagship' ELSE 'city' END
        WHERE kind = 'store'`,
  )
  await putListingRuleIn(
    tx,
    {
      cluster: 'city',
      category: 'diy',
      listed: false,
      reason: 'bulky DIY range: flagship stores and online only',
    },
    'demo',
  )
}
