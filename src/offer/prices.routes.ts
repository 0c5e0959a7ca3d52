import { Readable } from 'node:stream'
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { getPriceList } from '../channels/index.ts'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, Page, PageQuery, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { explainPrice, pricesAt, resolveBasket } from './explain.service.ts'
import { changePrices, priceHistory } from './prices.service.ts'
import { applySuggestions, reportPage, wholeReport } from './report.service.ts'

const tags = ['offer']
const SkuParam = Type.Object({ sku: Type.String({ minLength: 1, maxLength: 64 }) })
const Loose = Type.Record(Type.String(), Type.Unknown())

const Change = Type.Object({
  id: Type.String(),
  price_list_id: Type.String(),
  sku: Type.String(),
  old_cents: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Price in force just before; null if none.',
  }),
  new_cents: Type.Integer(),
  valid_from: Type.String({ format: 'date-time' }),
  applied_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When it became the current price; null while scheduled.',
  }),
  kind: Type.String({ description: 'manual, forced (breaking the policy) or coherence_correction.' }),
  forced: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()]),
  violations: Type.Array(Loose, { description: 'The rules a forced change broke, with their numbers.' }),
  actor: Type.String({ description: 'Name of the API key that made the change.' }),
  created_at: Type.String({ format: 'date-time' }),
})

const Finding = Type.Object({
  sku: Type.String(),
  product_code: Type.String(),
  product_name: Type.String(),
  category: Type.String(),
  cost_cents: Type.Union([Type.Integer(), Type.Null()]),
  prices: Type.Array(Type.Object({ channel: Type.String(), price_cents: Type.Integer() })),
  violations: Type.Array(Loose),
  suggestion: Type.Union([
    Type.Object({
      feasible: Type.Literal(true),
      total_change_cents: Type.Integer(),
      prices: Type.Array(
        Type.Object({
          price_list: Type.String(),
          channels: Type.Array(Type.String()),
          from_cents: Type.Integer(),
          to_cents: Type.Integer(),
        }),
      ),
    }),
    Type.Object({ feasible: Type.Literal(false), reason: Type.String() }),
  ]),
})

const csvCell = (v: unknown) => {
  const s = String(v ?? '')
  return /[",\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export const pricesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/offer/price-changes',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Change prices now or from a future instant, guarded by the coherence policy',
        description:
          'Each change names a price list (id or code), a SKU and its new price TTC. Changes of one SKU in several ' +
          'lists are checked together against the other channels’ prices in force at `valid_from`. A change that ' +
          'breaks its category’s policy is refused with 422 `price_incoherent` and `details.violations` (each rule ' +
          'with its channels and numbers), unless `force.reason` is given: the change is then kept in the history ' +
          'with its reason and the violations it carried. A future `valid_from` schedules the change; the sweeper ' +
          'makes it the current price when due.',
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            changes: Type.Array(
              Type.Object(
                {
                  price_list: Type.String({ minLength: 1, maxLength: 64 }),
                  sku: Type.String({ minLength: 1, maxLength: 64 }),
                  amount_cents: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 1000 },
            ),
            valid_from: Type.Optional(
              Type.String({ format: 'date-time', description: 'Now when left out.' }),
            ),
            reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
            force: Type.Optional(
              Type.Object(
                { reason: Type.String({ minLength: 3, maxLength: 500 }) },
                { additionalProperties: false, description: 'Accept breaking the policy, for this reason.' },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            changes: Type.Array(Change),
            forced: Type.Boolean(),
            violations: Type.Array(Loose),
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => changePrices(tx, req.actor, req.body)),
  )

  app.post(
    '/offer/prices/resolve',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'The prices in force of a basket’s SKUs in a channel, at an instant (now by default)',
        description:
          'Answered from the price book held in memory by the server (prices and their history, read again ' +
          'when they change, within a second across servers): a web shop or till prices a basket in microseconds.',
        body: Type.Object(
          {
            channel: Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
            skus: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 }),
            at: Type.Optional(Type.String({ format: 'date-time' })),
            store: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 64,
                description: 'Selling store (id or code): its cluster’s list, if any, comes first.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            channel: Type.String(),
            price_list_id: Type.String(),
            cluster_price_list_id: Type.Union([Type.String(), Type.Null()]),
            at: Type.String({ format: 'date-time' }),
            prices: Type.Array(
              Type.Object({
                sku: Type.String(),
                price_list_id: Type.String(),
                price_cents: Type.Integer(),
                since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
                change_id: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
            unpriced: Type.Array(Type.String(), {
              description: 'SKUs without a price in this channel then.',
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const at = req.body.at ? new Date(req.body.at) : new Date()
      return resolveBasket(app.db, req.actor, req.body.channel, req.body.skus, at, req.body.store)
    },
  )

  app.get(
    '/offer/prices/:sku',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'The prices of a SKU in force at an instant (now by default), per price list',
        params: SkuParam,
        querystring: Type.Object({ at: Type.Optional(Type.String({ format: 'date-time' })) }),
        response: {
          200: Type.Object({
            sku: Type.String(),
            at: Type.String({ format: 'date-time' }),
            prices: Type.Array(
              Type.Object({
                price_list_id: Type.String(),
                price_list: Type.Union([Type.String(), Type.Null()]),
                channels: Type.Array(Type.String()),
                amount_cents: Type.Integer(),
                since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
                change_id: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const at = req.query.at ? new Date(req.query.at) : new Date()
      return { sku: req.params.sku, at: at.toISOString(), prices: await pricesAt(app.db, req.params.sku, at) }
    },
  )

  app.get(
    '/offer/prices/:sku/history',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'Every price change of a SKU (who, when, why), newest first, scheduled ones included',
        params: SkuParam,
        querystring: Type.Object({
          price_list: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Id or code.' })),
          ...PageQuery,
        }),
        response: { 200: Page(Change), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const list = req.query.price_list ? await getPriceList(app.db, req.query.price_list) : undefined
      const found = await priceHistory(app.db, req.params.sku, {
        priceListId: list?.id,
        limit,
        cursor: req.query.cursor,
      })
      return toPage(found, limit, (c) => c.id)
    },
  )

  app.get(
    '/offer/prices/:sku/explanation',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary:
          'Why a SKU costs what it costs in a channel: list, since when, previous price, policy, competitors',
        params: SkuParam,
        querystring: Type.Object({
          channel: Type.String({ minLength: 1, maxLength: 64, description: 'Channel id or code.' }),
        }),
        response: {
          200: Type.Object({
            sku: Type.String(),
            product: Type.Object({ code: Type.String(), name: Type.String(), category: Type.String() }),
            channel: Type.Object({ id: Type.String(), code: Type.String() }),
            price_list: Type.Object({ id: Type.String(), code: Type.String() }),
            price_cents: Type.Union([Type.Integer(), Type.Null()], {
              description: 'Null: not priced in this list.',
            }),
            since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
            previous_cents: Type.Union([Type.Integer(), Type.Null()], {
              description:
                'The price before the change that set this one; null when set outside the history.',
            }),
            last_change: Type.Union([Loose, Type.Null()]),
            next_change: Type.Union([
              Type.Object({ valid_from: Type.String({ format: 'date-time' }), new_cents: Type.Integer() }),
              Type.Null(),
            ]),
            channel_prices: Type.Array(Type.Object({ channel: Type.String(), price_cents: Type.Integer() })),
            policy: Type.Union([Loose, Type.Null()], {
              description: 'The category’s coherence policy; null if none.',
            }),
            coherent: Type.Boolean({
              description: 'Whether the SKU’s current channel prices satisfy the policy.',
            }),
            violations: Type.Array(Loose),
            cheapest_competitor: Type.Union([
              Type.Object({
                competitor: Type.String(),
                price_cents: Type.Integer(),
                observed_at: Type.String({ format: 'date-time' }),
              }),
              Type.Null(),
            ]),
            promotions: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                kind: Type.String(),
                priority: Type.Integer(),
                stacking: Type.String(),
                applies: Type.Boolean({
                  description: 'Applies now to one unit bought alone, without a code.',
                }),
                why: Type.String({
                  description: 'Why it applies, or what it needs (a code, a basket, a date).',
                }),
                voucher_code: Type.Union([Type.String(), Type.Null()]),
                cents_off_one_unit: Type.Integer({
                  description: 'Off one unit bought alone, in priority order.',
                }),
              }),
              {
                description:
                  'Running promotions that target this product in this channel, in priority order.',
              },
            ),
            price_after_promotions_cents: Type.Union([Type.Integer(), Type.Null()], {
              description: 'One unit bought alone, after the promotions that apply without a code.',
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => explainPrice(app.db, req.params.sku, req.query.channel),
  )

  app.get(
    '/offer/coherence-report',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'SKUs whose channel prices break their category policy, with suggested prices that satisfy it',
        description:
          'Suggestions are the prices closest to today’s (least total change) that satisfy every rule, computed by an ' +
          'exact search over price points (HiGHS for policies too wide to walk); `feasible: false` says when no price set satisfies the policy. JSON is paged by SKU; ' +
          '`format=csv` streams the whole report.',
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({
            checked: Type.Integer({ description: 'SKUs under a policy.' }),
            violating: Type.Integer({ description: 'SKUs breaking it, over every page.' }),
            data: Type.Array(Finding),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      if (req.query.format !== 'csv') return reportPage(app.db, req.query.limit ?? 50, req.query.cursor)
      async function* lines() {
        yield 'sku,product_code,category,violations,feasible,suggested_prices,total_change_cents\n'
        for await (const f of wholeReport(app.db)) {
          const s = f.suggestion
          yield `${[
            f.sku,
            f.product_code,
            f.category,
            f.violations.map((v) => v.description).join(' | '),
            s.feasible,
            s.feasible
              ? s.prices.map((p) => `${p.price_list}:${p.from_cents}->${p.to_cents}`).join(' ')
              : s.reason,
            s.feasible ? s.total_change_cents : '',
          ]
            .map(csvCell)
            .join(',')}\n`
        }
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="coherence-report.csv"')
        .send(Readable.from(lines()))
    },
  )

  app.post(
    '/offer/coherence-report/apply',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'Apply the suggested prices (all, or of some SKUs) in one transaction, as coherence corrections',
        body: Type.Object(
          {
            skus: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
                minItems: 1,
                maxItems: 50_000,
                description: 'Only these SKUs; every violating SKU when left out.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            corrected: Type.Integer({ description: 'SKUs brought back within their policy.' }),
            prices_changed: Type.Integer(),
            infeasible: Type.Array(Type.Object({ sku: Type.String(), reason: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => app.db.transaction((tx) => applySuggestions(tx, req.actor, req.body.skus)),
  )
}
