import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import { runExpiry } from './expiry.service.ts'
import {
  CreateRuleBody,
  ListRulesQuery,
  ListRulesResponse,
  Programme,
  ReplaceTiersBody,
  Rule,
  RuleParams,
  RunExpiryBody,
  RunExpiryResponse,
  UpdateRuleBody,
  UpdateSettingsBody,
} from './programme.contract.ts'
import {
  createRule,
  listRules,
  programmeView,
  putTiers,
  updateRule,
  updateSettings,
} from './programme.service.ts'

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
        body: UpdateSettingsBody,
        response: { 200: Programme, ...errorResponses },
      },
    },
    async (req) => updateSettings(app.db, req.body, req.actor.keyId),
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
        body: ReplaceTiersBody,
        response: { 200: Programme, ...errorResponses },
      },
    },
    async (req) => putTiers(app.db, req.body.tiers),
  )

  app.get(
    '/loyalty/rules',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['loyalty'],
        summary: 'Earning rules: per channel, per category, campaigns with dates',
        querystring: ListRulesQuery,
        response: { 200: ListRulesResponse, ...errorResponses },
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
        body: CreateRuleBody,
        response: { 201: Rule, ...errorResponses },
      },
    },
    async (req, reply) => {
      const rule = await createRule(app.db, req.body, req.actor.keyId)
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
        params: RuleParams,
        body: UpdateRuleBody,
        response: { 200: Rule, ...errorResponses },
      },
    },
    async (req) => updateRule(app.db, req.params.id, req.body),
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
        body: RunExpiryBody,
        response: {
          200: RunExpiryResponse,
          ...errorResponses,
        },
      },
    },
    async (req) => runExpiry(app.db, req.body.as_of ? new Date(req.body.as_of) : new Date(), req.actor.keyId),
  )
}
