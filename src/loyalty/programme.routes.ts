import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { errorResponses, Id, Nullable, NullableInt } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { runExpiry } from './expiry.service.ts'
import { TierOut } from './loyalty.routes.ts'
import { earningRuleKinds } from './loyalty.schema.ts'
import {
  createRule,
  listRules,
  programmeView,
  replaceTiers,
  updateRule,
  updateSettings,
} from './programme.service.ts'

const Programme = Type.Object({
  points_per_euro: Type.Integer({ description: 'Base rate: points per euro not paid with points.' }),
  point_value_cents: Type.Integer({
    description: 'What a point pays as a tender. Fixed: changing it would revalue every balance.',
  }),
  tier_window_months: Type.Integer({ description: 'Tiers count the points earned over these last months.' }),
  expiry_months: Nullable(
    Type.Integer({ description: 'Points expire this long after credited; null: never.' }),
  ),
  tiers: Type.Array(TierOut, { description: 'Lowest threshold first.' }),
})

const DateTime = (description: string) => Nullable(Type.String({ format: 'date-time', description }))

const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: Type.Enum(earningRuleKinds, {
    description:
      'multiplier: (multiplier_percent − 100) % more of the base points of the lines in scope; ' +
      'points_per_euro: that many extra points per euro of the lines in scope; ' +
      'order_bonus: bonus_points once per order whose lines in scope reach min_order_cents.',
  }),
  channel_id: Nullable(Id('Only orders of this channel (id or code); null: every channel.')),
  category: Nullable(
    Type.String({ minLength: 1, maxLength: 100, description: 'Only lines of this category.' }),
  ),
  starts_at: DateTime('Orders placed from this time (included); null: since always.'),
  ends_at: DateTime('Orders placed before this time (excluded); null: no end.'),
  multiplier_percent: NullableInt({ minimum: 0, maximum: 1000, description: '200 = ×2.' }),
  points_per_euro: NullableInt({ minimum: 1, maximum: 100 }),
  bonus_points: NullableInt({ minimum: 1, maximum: 1_000_000 }),
  min_order_cents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  active: Type.Boolean({
    description: 'A rule is retired by setting it inactive; earn entries keep its id.',
  }),
}

const Rule = Type.Object({
  id: Type.String(),
  ...ruleFields,
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

const optional = Object.fromEntries(Object.entries(ruleFields).map(([k, v]) => [k, Type.Optional(v)])) as {
  [K in keyof typeof ruleFields]: ReturnType<typeof Type.Optional<(typeof ruleFields)[K]>>
}

/** Head office's settings of the loyalty programme: earning rules, tiers, expiry. */
export const programmeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/loyalty/programme',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['loyalty'],
        summary: 'The programme: base earning rate, point value, tiers and expiry',
        response: { 200: Programme, ...errorResponses },
      },
    },
    async () => programmeView(app.db),
  )

  app.put(
    '/loyalty/programme',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['loyalty'],
        summary: 'Change the base earning rate, the tier window or the points’ validity',
        description: 'Fields left out are kept. expiry_months null: points stop expiring.',
        body: Type.Object(
          {
            points_per_euro: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
            tier_window_months: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
            expiry_months: Type.Optional(NullableInt({ minimum: 1, maximum: 120 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Programme, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => updateSettings(tx, req.body, req.actor.keyId)),
  )

  app.put(
    '/loyalty/tiers',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['loyalty'],
        summary: 'Replace the tier ladder (e.g. Membre 0, Argent 500, Or 2000 points a year)',
        description:
          'A customer holds the highest tier whose threshold the points earned over the last ' +
          'tier_window_months reach. An empty list: no tiers.',
        body: Type.Object(
          {
            tiers: Type.Array(
              Type.Object(
                {
                  code: Type.String({ pattern: '^[a-z0-9_-]{1,32}$', description: 'e.g. argent' }),
                  name: Type.String({ minLength: 1, maxLength: 100 }),
                  threshold_points: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
                  multiplier_percent: Type.Optional(
                    Type.Integer({ minimum: 100, maximum: 1000, default: 100 }),
                  ),
                },
                { additionalProperties: false },
              ),
              { maxItems: 20 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Programme, ...errorResponses },
      },
    },
    async (req) =>
      app.db.transaction((tx) =>
        replaceTiers(
          tx,
          req.body.tiers.map((t) => ({
            code: t.code,
            name: t.name,
            thresholdPoints: t.threshold_points,
            multiplierPercent: t.multiplier_percent ?? 100,
          })),
        ),
      ),
  )

  app.get(
    '/loyalty/rules',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['loyalty'],
        summary: 'Earning rules: per channel, per category, campaigns with dates',
        querystring: Type.Object({
          active: Type.Optional(Type.Boolean({ description: 'Active ones only.' })),
        }),
        response: { 200: Type.Object({ data: Type.Array(Rule) }), ...errorResponses },
      },
    },
    async (req) => ({ data: await listRules(app.db, req.query.active === true) }),
  )

  app.post(
    '/loyalty/rules',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['loyalty'],
        summary:
          'Create an earning rule (e.g. web ×2, shoes +1 pt/€, double points weekend, +200 pts from 100 €)',
        description:
          'Every rule is worked out on the order’s base points and they add up (a ×2 channel and a ×2 ' +
          'campaign make ×3). A rule applies to orders placed within its dates. Each earn entry lists the rules ' +
          'that gave it points.',
        body: Type.Object(
          {
            ...optional,
            name: ruleFields.name,
            kind: ruleFields.kind,
          },
          { additionalProperties: false },
        ),
        response: { 201: Rule, ...errorResponses },
      },
    },
    async (req, reply) => {
      const rule = await app.db.transaction((tx) => createRule(tx, req.body, req.actor.keyId))
      return reply.code(201).send(rule)
    },
  )

  app.patch(
    '/loyalty/rules/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['loyalty'],
        summary: 'Change an earning rule, or retire it (active: false)',
        params: Type.Object({ id: Id('Rule id') }),
        body: Type.Object(optional, { additionalProperties: false, minProperties: 1 }),
        response: { 200: Rule, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => updateRule(tx, req.params.id, req.body)),
  )

  app.post(
    '/loyalty/expiry-runs',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['loyalty'],
        summary: 'Expire the points credited more than expiry_months before a date (default: now)',
        description:
          'Oldest points first: what expires is what was credited before the cutoff and not spent, taken ' +
          'back or expired since. Safe to repeat and to run alongside the periodic sweep: nothing expires twice.',
        body: Type.Object(
          { as_of: Type.Optional(Type.String({ format: 'date-time', description: 'Up to now.' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            as_of: Type.String({ format: 'date-time' }),
            expiry_months: Type.Integer(),
            cutoff: Type.String({ format: 'date-time', description: 'Points credited before it expired.' }),
            customers: Type.Integer({ description: 'Customers who lost points.' }),
            points: Type.Integer({ description: 'Points expired in all.' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => runExpiry(app.db, req.body.as_of ? new Date(req.body.as_of) : new Date(), req.actor.keyId),
  )
}
