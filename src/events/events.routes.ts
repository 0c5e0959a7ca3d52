import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { toPage } from '../http/schemas.ts'
import { asyncApiDocument } from './asyncapi.ts'
import { catalogue, catalogueEntries } from './catalogue.ts'
import * as c from './events.contract.ts'
import { readFeed } from './feed.service.ts'
import { natsSettings } from './nats.ts'
import * as webhooks from './webhooks.service.ts'

const admin = { roles: ['admin' as const] }
const tags = ['events']

/** The pull feed and the webhook subscriptions, under /api/v1 (admin). */
export const eventsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events',
    {
      config: admin,
      schema: {
        tags,
        summary: 'The event feed: published events after a cursor, in commit order',
        description:
          'Poll with `after` = the previous `next_cursor`: no event is ever skipped nor reordered (positions are ' +
          'assigned in commit order, gap-free); an event may come again after a crash of the reader, with ' +
          'its id. Events are kept PASSERELLE_EVENT_RETENTION_DAYS days (30 by default); a cursor older than ' +
          'that answers 410 cursor_expired. Types and payloads: /asyncapi.json.',
        querystring: c.FeedQuery,
        response: c.feedResponses,
      },
    },
    async (req) => readFeed(app.db, req.query),
  )

  app.get(
    '/events/types',
    {
      config: admin,
      schema: {
        tags,
        summary: 'The event catalogue: every type a subscription or the feed may name, by family',
        description: 'The payload of each type and version: /asyncapi.json.',
        response: { 200: c.EventTypeList, ...c.errorResponses },
      },
    },
    async () => ({ data: catalogueEntries() }),
  )

  app.post(
    '/webhooks',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Subscribe a URL to event types (the signing secret is shown once)',
        description:
          'Each event of the types is POSTed as JSON, signed in Passerelle-Signature (docs/webhooks.md), retried ' +
          'with exponential backoff for up to 72 h; a subscription failing for 3 days is disabled. It receives ' +
          'events published from its creation on (earlier ones by replay).',
        headers: c.IdempotencyHeaders,
        body: c.CreateSubscription,
        response: { 201: c.SubscriptionWithSecret, ...c.errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => webhooks.createSubscription(tx, req.body)),
  )

  app.get(
    '/webhooks',
    {
      config: admin,
      schema: {
        tags,
        summary: 'List webhook subscriptions, each with its latest delivery attempt',
        querystring: c.SubscriptionsQuery,
        response: { 200: c.SubscriptionPage, ...c.errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      return toPage(await webhooks.listSubscriptions(app.db, limit, req.query.cursor), limit, (s) => s.id)
    },
  )

  app.get(
    '/webhooks/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'A webhook subscription, with why it is disabled if it is',
        params: c.SubscriptionParams,
        response: { 200: c.Subscription, ...c.errorResponses },
      },
    },
    async (req) => webhooks.getSubscription(app.db, req.params.id),
  )

  app.patch(
    '/webhooks/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Change a subscription: URL, event types, description, or enable / disable it',
        params: c.SubscriptionParams,
        body: c.UpdateSubscription,
        response: { 200: c.Subscription, ...c.errorResponses },
      },
    },
    async (req) => webhooks.updateSubscription(app.db, req.params.id, req.body),
  )

  app.delete(
    '/webhooks/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Delete a subscription, its pending deliveries and its log',
        params: c.SubscriptionParams,
        response: { 200: c.Subscription, ...c.errorResponses },
      },
    },
    async (req) => webhooks.deleteSubscription(app.db, req.params.id),
  )

  app.post(
    '/webhooks/:id/rotate-secret',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Replace the signing secret (the new one is shown once; the old one stops at once)',
        params: c.SubscriptionParams,
        response: { 200: c.SecretResult, ...c.errorResponses },
      },
    },
    async (req) => webhooks.rotateSecret(app.db, req.params.id),
  )

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: admin,
      schema: {
        tags,
        summary: 'The delivery log: every attempt, newest first, with status, latency and answer excerpt',
        description: 'outcome=failed lists only the failed attempts; a pending delivery shows its next try.',
        params: c.SubscriptionParams,
        querystring: c.AttemptsQuery,
        response: { 200: c.AttemptPage, ...c.errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const found = await webhooks.listAttempts(
        app.db,
        req.params.id,
        limit,
        req.query.cursor,
        req.query.outcome,
      )
      return toPage(found, limit, (a) => a.id)
    },
  )

  app.post(
    '/webhooks/:id/replay',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Send one event again, or every event of its types that occurred in a time range',
        description: `At most ${webhooks.MAX_REPLAY} events per request; only events still kept (retention) can be replayed.`,
        params: c.SubscriptionParams,
        body: c.Replay,
        response: { 202: c.ReplayResult, ...c.errorResponses },
      },
    },
    async (req, reply) => {
      reply.status(202)
      return webhooks.replay(app.db, req.params.id, req.body)
    },
  )
}

/** GET /asyncapi.json: the AsyncAPI 3 document of every event type, at the root beside /openapi.json. */
export const asyncApiRoute: FastifyPluginAsyncTypebox = async (app) => {
  const document = asyncApiDocument(catalogue, natsSettings())
  app.get('/asyncapi.json', { schema: { hide: true } }, async () => document)
}
