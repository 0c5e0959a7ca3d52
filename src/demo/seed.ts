import { sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import { createApiKey } from '../access/index.ts'
import {
  customerActivity as customerActivityTable,
  rebuildAnalytics,
  serviceLaunches as serviceLaunchesTable,
} from '../analytics/index.ts'
import { products as productsTable, variants as variantsTable } from '../catalog/index.ts'
import {
  assortment as assortmentTable,
  channels as channelsTable,
  priceLists as priceListsTable,
  prices as pricesTable,
} from '../channels/index.ts'
import { customers as customersTable } from '../customers/index.ts'
import type { Db, Tx } from '../db/database.ts'
import { type PastSale, seedRegisterHistory, sirenOf } from '../fiscal/index.ts'
import {
  reservations as reservationsTable,
  stockLevels as stockLevelsTable,
  stockMovements as stockMovementsTable,
} from '../inventory/index.ts'
import { createRewardIn, createRuleIn, replaceTiersIn } from '../loyalty/index.ts'
import { locations as locationsTable } from '../network/index.ts'
import {
  orderEvents as orderEventsTable,
  orderLines as orderLinesTable,
  orders as ordersTable,
  payments as paymentsTable,
} from '../orders/index.ts'
import {
  putReturnPolicyIn,
  returnLines as returnLinesTable,
  returns as returnsTable,
} from '../returns/index.ts'
import { startupError } from '../shared/common.errors.ts'
import type { AppError } from '../shared/errors.ts'
import {
  storedValueAccounts as storedValueAccountsTable,
  storedValueEntries as storedValueEntriesTable,
} from '../stored-value/index.ts'
import { insertRows } from './bulk-insert.ts'
import { seedBusiness } from './business.ts'
import { buildCatalog } from './catalog.ts'
import { buildChannels } from './channels.ts'
import { buildCustomers } from './customers.ts'
import { DEFAULT_DEMO_SEED, type DemoSummary, demoKeys, hasData, type ProgressListener } from './demo-keys.ts'
import { seedFranchise, seedStorePrices } from './franchise.ts'
import { loadFrenchTowns, releaseGeography } from './geography.ts'
import { planHistory } from './history.ts'
import { demoActivity, launchRows, planLaunches } from './launches.ts'
import { DEMO_ACTOR, historyRows } from './ledger.ts'
import { buildNetwork } from './network.ts'
import { planOffer, seedOffer } from './offer.ts'
import { createRandom } from './random.ts'
import { demoReturnPolicies } from './returns.ts'
import { planParcels, planRelayPoints, seedShipping } from './shipping.ts'
import { planStock } from './stock.ts'
import { seedSupply } from './supply.ts'

/** The tables the demo fills in bulk, by name. */
const schema = {
  assortment: assortmentTable,
  channels: channelsTable,
  customerActivity: customerActivityTable,
  customers: customersTable,
  locations: locationsTable,
  orderEvents: orderEventsTable,
  orderLines: orderLinesTable,
  orders: ordersTable,
  payments: paymentsTable,
  priceLists: priceListsTable,
  prices: pricesTable,
  products: productsTable,
  reservations: reservationsTable,
  returnLines: returnLinesTable,
  returns: returnsTable,
  serviceLaunches: serviceLaunchesTable,
  stockLevels: stockLevelsTable,
  stockMovements: stockMovementsTable,
  storedValueAccounts: storedValueAccountsTable,
  storedValueEntries: storedValueEntriesTable,
  variants: variantsTable,
}

export interface SeedOptions {
  /** Same seed, same retailer (products, SKUs, EANs, customers, history) on every machine. */
  seed?: number
  /** End of the 24 months of history; the current time unless given. */
  now?: Date
  /** Fewer till sales than the demo's 8,000 (tests that need a demo, not all of it). */
  tillSales?: number
  onProgress?: ProgressListener
}

// Two servers starting on one empty PostgreSQL database must not both load the demo.
const SEED_LOCK = 7_305_114
const DAY_MS = 86_400_000

/** Everything the demo retailer is made of, generated in memory (deterministic but for the ids). */
export function buildDemo(seed: number, now: Date, tillSales?: number) {
  const random = createRandom(seed)
  const start = new Date(now.getTime() - 731 * DAY_MS)
  const setupAt = new Date(start.getTime() - 60 * DAY_MS)
  const towns = loadFrenchTowns()
  const network = buildNetwork(towns)
  const channels = buildChannels()
  for (const r of [...network.map((l) => l.row), ...channels.flatMap((c) => [c.row, c.priceList])]) {
    r.createdAt = setupAt
    r.updatedAt = setupAt
  }
  const catalog = buildCatalog(random.fork('catalog'), channels, new Date(start.getTime() - 30 * DAY_MS))
  const stock = planStock(random.fork('stock'), catalog, network)
  const people = buildCustomers(random.fork('customers'), towns, network)
  const launches = planLaunches(now, network)
  const specs = planHistory(random.fork('history'), {
    now,
    network,
    channels,
    catalog,
    customers: people,
    stock,
    towns,
    launches,
    tillSales,
  })
  const history = historyRows(random.fork('ledger'), specs, people, stock, channels, now, start)
  // After the history: its orders keep the prices they were sold at, today's prices may differ.
  const offer = planOffer(random.fork('offer'), catalog, channels, now)
  const shipping = {
    relayPoints: planRelayPoints(random.fork('relay points'), towns),
    parcels: planParcels(random.fork('parcels'), history.orders, history.lines, now),
  }
  releaseGeography()
  const activity = demoActivity(
    random.fork('activity'),
    history.orders,
    channels.find((c) => c.row.kind === 'store')!.row.id,
    channels.find((c) => c.row.kind === 'web')!.row.id,
  )
  return {
    network,
    channels,
    catalog,
    history,
    offer,
    launches: launchRows(launches, setupAt),
    activity,
    shipping,
  }
}

/**
 * Loads Maison Passerelle, a French home & lifestyle retailer: 2 warehouses, 20 stores, 6 channels,
 * 2,000 variants, 400 customers, 24 months of orders and a stock ledger that explains every unit,
 * plus the demo API keys. One transaction: a failure leaves the database as it was. Refuses a
 * database that already has data. The process must have loaded the composition (src/app/ports.ts, as
 * the app, the demo loader's child and the install's snapshot do): the business orders go through the
 * order path and its ports.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED
  const progress = options.onProgress ?? (() => {})
  if (await hasData(db)) throw notEmpty()
  progress('generate', 0, 1)
  const now = options.now ?? new Date()
  const demo = buildDemo(seed, now, options.tillSales)
  progress('generate', 1, 1)
  const { network, channels, catalog, history, offer, launches, activity, shipping } = demo

  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`)
    if (await hasData(tx)) throw notEmpty()
    const steps: Array<[string, PgTable, Array<Record<string, unknown>>]> = [
      ['price lists', schema.priceLists, channels.map((c) => c.priceList)],
      ['channels', schema.channels, channels.map((c) => c.row)],
      ['locations', schema.locations, network.map((l) => l.row)],
      ['products', schema.products, catalog.products.map((p) => p.row)],
      ['variants', schema.variants, catalog.variants.map((v) => v.row)],
      ['prices', schema.prices, catalog.prices],
      ['assortment', schema.assortment, catalog.assortment],
      ['customers', schema.customers, history.customers],
      ['stock levels', schema.stockLevels, history.stockLevels],
      ['orders', schema.orders, history.orders],
      ['order lines', schema.orderLines, history.lines],
      ['payments', schema.payments, history.payments],
      ['order events', schema.orderEvents, history.events],
      ['reservations', schema.reservations, history.reservations],
      ['stock movements', schema.stockMovements, history.movements],
      ['returns', schema.returns, history.returns],
      ['return lines', schema.returnLines, history.returnLines],
      ['credit notes', schema.storedValueAccounts, history.storedValueAccounts],
      ['credit note entries', schema.storedValueEntries, history.storedValueEntries],
      ['service launches', schema.serviceLaunches, launches],
      ['online activity', schema.customerActivity, activity],
    ]
    for (const [step, table, list] of steps) await insertAll(tx, step, table, list, progress)
    // The planner's statistics of the tables just filled: the statements that follow (registers,
    // franchise, supply chain, business accounts) otherwise plan for empty tables (on PostgreSQL the
    // business accounts took 2.5 s instead of 0.6).
    await tx.execute(sql`ANALYZE`)
    // Return numbers were given with the history: the next return made takes the following one.
    if (history.returns.length > 0)
      await tx.execute(sql`SELECT setval('return_number_seq', (SELECT max(number) FROM "return"))`)
    progress('registers', 0, 1)
    await seedRegisters(tx, demo, now)
    progress('registers', 1, 1)
    const franchisees = await seedFranchise(tx, new Date(now.getTime() - 731 * DAY_MS), now, progress)
    await createDemoKeys(tx, network, channels, franchisees)
    await createReturnPolicies(tx)
    await seedOffer(tx, offer, channels)
    await seedStorePrices(tx)
    await createLoyaltyProgramme(tx, channels, now)
    progress('supply chain', 0, 1)
    await seedSupply(tx, network, now)
    progress('supply chain', 1, 1)
    const names = new Map(network.map((l) => [l.row.id, l.row.name]))
    await seedShipping(
      tx,
      channels,
      shipping.relayPoints,
      shipping.parcels,
      (id) => names.get(id) ?? id,
      progress,
    )
    progress('api keys', demoKeys.length, demoKeys.length)
  })
  // Partners, business customers and invoices, through the services (a few dozen orders).
  progress('business', 0, 1)
  const businessOrders = await seedBusiness(db, now)
  progress('business', 1, 1)
  // Built now rather than by the server's first sweep, which the first requests would queue behind
  // (two seconds on the embedded database).
  progress('analytics', 0, 1)
  await rebuildAnalytics(db)
  progress('analytics', 1, 1)
  // Hundreds of thousands of new rows: give the planner their statistics and the visibility map its
  // pages now, as autovacuum would a little later (index-only look-ups from the first request).
  progress('vacuum', 0, 1)
  await db.execute(sql`VACUUM (ANALYZE)`)
  progress('vacuum', 1, 1)

  return {
    seed,
    locations: network.length,
    channels: channels.length,
    products: catalog.products.length,
    variants: catalog.variants.length,
    customers: history.customers.length,
    orders: history.orders.length + businessOrders,
    stockRows: history.stockLevels.length,
    movements: history.movements.length,
    keys: demoKeys,
  }
}

/** Months of till history recorded on the legal registers (the months before this one, and this one). */
const REGISTER_MONTHS = 3
/**
 * The legal till of the company's own stores (franchised stores are other companies): two registers
 * each, and the last months of their till sales rung up on them, in closed sessions with their signed
 * daily and monthly closings, as the registers would hold them (src/fiscal builds the chains).
 */
async function seedRegisters(tx: Tx, demo: ReturnType<typeof buildDemo>, now: Date) {
  const { network, channels, history } = demo
  const stores = network
    .filter((l) => l.row.kind === 'store' && (l.row.ownership ?? 'owned') === 'owned')
    .map((l) => ({ id: l.row.id!, code: l.row.code, timezone: l.row.timezone ?? 'Europe/Paris' }))
  const equipped = new Set(stores.map((s) => s.id))
  const till = new Set(channels.filter((c) => c.row.kind === 'store').map((c) => c.row.id))
  const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - REGISTER_MONTHS, 1)
  const sold = history.orders.filter(
    (o) =>
      till.has(o.channelId) &&
      o.storeId &&
      equipped.has(o.storeId) &&
      o.status !== 'cancelled' &&
      o.placedAt &&
      o.placedAt.getTime() >= from,
  )
  const ids = new Set(sold.map((o) => o.id))
  const lines = new Map<string, typeof history.lines>()
  for (const l of history.lines) {
    if (!ids.has(l.orderId) || l.fulfilment === 'reserve') continue
    lines.set(l.orderId, [...(lines.get(l.orderId) ?? []), l])
  }
  const paid = new Map<string, typeof history.payments>()
  for (const p of history.payments) {
    if (!ids.has(p.orderId) || p.kind !== 'capture') continue
    paid.set(p.orderId, [...(paid.get(p.orderId) ?? []), p])
  }
  const sales: PastSale[] = []
  for (const o of sold) {
    const at = o.placedAt!
    const now = (lines.get(o.id) ?? []).map((l) => ({
      sku: l.sku,
      productName: l.productName,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      discountCents: l.discountCents ?? 0,
      totalCents: l.totalCents,
      vatRateBp: l.vatRateBp,
      vatCents: l.vatCents,
    }))
    const payments = (paid.get(o.id) ?? [])
      .filter((p) => p.createdAt?.getTime() === at.getTime())
      .map((p) => ({ method: p.method, amountCents: p.amountCents }))
    const due = now.reduce((s, l) => s + l.totalCents, 0)
    // Paid at the till there and then: what a register records.
    if (due === 0 || payments.reduce((s, p) => s + p.amountCents, 0) !== due) continue
    sales.push({ orderId: o.id, storeId: o.storeId!, at, lines: now, payments })
  }
  await seedRegisterHistory(tx, {
    company: {
      name: 'Maison Passerelle',
      legalForm: 'SAS',
      shareCapitalCents: 250_000_000,
      address: '12 rue de la République, 69002 Lyon',
      siren: sirenOf('90412637'),
      rcs: 'RCS Lyon',
    },
    stores,
    registersPerStore: 2,
    sales,
    actor: DEMO_ACTOR,
    now,
  })
}

async function insertAll(
  tx: Tx,
  step: string,
  table: PgTable,
  list: Array<Record<string, unknown>>,
  progress: ProgressListener,
) {
  progress(step, 0, list.length)
  await insertRows(tx, table, list, (done) => progress(step, done, list.length))
}

async function createDemoKeys(
  tx: Tx,
  network: ReturnType<typeof buildDemo>['network'],
  channels: ReturnType<typeof buildDemo>['channels'],
  franchisees: Map<string, string>,
) {
  for (const key of demoKeys) {
    await createApiKey(tx, {
      name: key.name,
      role: key.role,
      secret: key.secret,
      locationId: key.locationCode ? network.find((l) => l.row.code === key.locationCode)!.row.id : null,
      channelId: key.channelCode ? channels.find((c) => c.row.code === key.channelCode)!.row.id : null,
      franchiseeId: key.franchiseeCode ? franchisees.get(key.franchiseeCode)! : null,
      ...(key.manager ? { manager: true } : {}),
    })
  }
}

/**
 * The demo loyalty programme: three tiers over the rolling year, double points in the mobile app,
 * a garden campaign this spring, and vouchers to spend points on.
 */
async function createLoyaltyProgramme(tx: Tx, channels: ReturnType<typeof buildDemo>['channels'], now: Date) {
  await replaceTiersIn(tx, [
    { code: 'membre', name: 'Membre', thresholdPoints: 0, multiplierPercent: 100 },
    { code: 'argent', name: 'Argent', thresholdPoints: 500, multiplierPercent: 125 },
    { code: 'or', name: 'Or', thresholdPoints: 1500, multiplierPercent: 150 },
  ])
  const mobile = channels.find((c) => c.row.code === 'MOBILE')!.row.id
  await createRuleIn(
    tx,
    { name: 'Points doublés dans l’appli', kind: 'multiplier', channel_id: mobile, multiplier_percent: 200 },
    'demo',
  )
  const year = now.getUTCFullYear() + (now.getUTCMonth() >= 5 ? 1 : 0)
  await createRuleIn(
    tx,
    {
      name: 'Printemps au jardin : +1 point par euro',
      kind: 'points_per_euro',
      category: 'garden',
      points_per_euro: 1,
      starts_at: `${year}-03-20T00:00:00.000Z`,
      ends_at: `${year}-06-21T00:00:00.000Z`,
    },
    'demo',
  )
  await createRewardIn(
    tx,
    { name: 'Bon d’achat de 25 €', points_cost: 500, voucher_cents: 2500, voucher_valid_days: 180 },
    'demo',
  )
  await createRewardIn(
    tx,
    { name: 'Bon d’achat de 60 €', points_cost: 1000, voucher_cents: 6000, voucher_valid_days: 180 },
    'demo',
  )
}

/** The demo retailer's return policy (see returns.ts). */
async function createReturnPolicies(tx: Tx) {
  for (const policy of demoReturnPolicies) await putReturnPolicyIn(tx, policy)
}

function notEmpty(): AppError {
  return startupError(
    'database_not_empty',
    'The database already has data: the demo retailer is only loaded into an empty database. ' +
      'Use a new PASSERELLE_DATA_DIR or an empty PostgreSQL database to try the demo.',
  )
}
