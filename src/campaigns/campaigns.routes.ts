import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders } from '../http/schemas.ts'
import type { Role } from '../shared/actor.ts'
import {
  Campaign,
  CampaignBody,
  CampaignList,
  IdParams,
  ListQuery,
  RecipientList,
  RecipientQuery,
  SegmentBody,
  SegmentCount,
  SegmentCountBody,
  SegmentList,
  SegmentWithCount,
} from './campaigns.contract.ts'
import {
  createCampaign,
  getCampaign,
  listCampaigns,
  listRecipients,
  sendCampaign,
} from './campaigns.service.ts'
import {
  countFilter,
  createSegment,
  exportSegment,
  getSegment,
  listSegments,
  updateSegment,
} from './segments.service.ts'

const headOffice: Role[] = ['admin']
const tags = ['campaigns']

/** Saved segments over the customer base, their counts and CSV export; e-mail campaigns to a segment. */
export const campaignsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/segments',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'Save a segment: a name and a filter over the customer base',
        description:
          'Every criterion given must hold; a list inside one is any of it. Channel, tier and store ' +
          'references must exist. Answers the segment with its count now.',
        headers: IdempotencyHeaders,
        body: SegmentBody,
        response: { 201: SegmentWithCount, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createSegment(tx, req.actor, req.body)),
  )

  app.get(
    '/segments',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'List saved segments, newest first',
        querystring: ListQuery,
        response: { 200: SegmentList, ...errorResponses },
      },
    },
    async (req) => listSegments(app.db, req.actor, req.query.limit ?? 50, req.query.cursor),
  )

  app.post(
    '/segments/count',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'Count the customers of a filter not saved yet',
        body: SegmentCountBody,
        response: { 200: SegmentCount, ...errorResponses },
      },
    },
    async (req) => countFilter(app.db, req.actor, req.body.filter),
  )

  app.get(
    '/segments/:id',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'A segment, with how many customers it has now',
        params: IdParams,
        response: { 200: SegmentWithCount, ...errorResponses },
      },
    },
    async (req) => getSegment(app.db, req.actor, req.params.id),
  )

  app.put(
    '/segments/:id',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'Change a segment’s name and filter (campaigns sent keep the filter they were sent with)',
        params: IdParams,
        body: SegmentBody,
        response: { 200: SegmentWithCount, ...errorResponses },
      },
    },
    async (req) => updateSegment(app.db, req.actor, req.params.id, req.body),
  )

  app.get(
    '/segments/:id/export',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'The segment’s customers now, as CSV (one line each)',
        description:
          'Columns: customer_id, first_name, last_name, email, phone, postcode, city, country, tier, ' +
          'spend_cents, last_purchase_at, channels (space-separated codes), marketing_email_consent.',
        params: IdParams,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'CSV, RFC 4180.' }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const csv = await exportSegment(app.db, req.actor, req.params.id)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="segment-${req.params.id}.csv"`)
        .send(csv)
    },
  )

  app.post(
    '/campaigns',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'Write an e-mail campaign to a segment (a draft until it is sent)',
        headers: IdempotencyHeaders,
        body: CampaignBody,
        response: { 201: Campaign, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createCampaign(tx, req.actor, req.body)),
  )

  app.get(
    '/campaigns',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'List campaigns, newest first, with their recipients per state',
        querystring: ListQuery,
        response: { 200: CampaignList, ...errorResponses },
      },
    },
    async (req) => listCampaigns(app.db, req.actor, req.query.limit ?? 50, req.query.cursor),
  )

  app.get(
    '/campaigns/:id',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'A campaign, with its recipients per state',
        params: IdParams,
        response: { 200: Campaign, ...errorResponses },
      },
    },
    async (req) => getCampaign(app.db, req.actor, req.params.id),
  )

  app.post(
    '/campaigns/:id/send',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'Send a campaign: the segment’s customers now become its recipients, e-mailed at its pace',
        description:
          'Each recipient’s consent to marketing by e-mail is checked as their turn comes, and again as ' +
          'the e-mail goes: a customer who withdrew it, or was erased, gets nothing (skipped, with why).',
        params: IdParams,
        response: { 200: Campaign, ...errorResponses },
      },
    },
    async (req) => sendCampaign(app.db, req.actor, req.params.id),
  )

  app.get(
    '/campaigns/:id/recipients',
    {
      config: { roles: headOffice },
      schema: {
        tags,
        summary: 'A campaign’s recipients in sending order, each with its state (and why, when skipped)',
        params: IdParams,
        querystring: RecipientQuery,
        response: { 200: RecipientList, ...errorResponses },
      },
    },
    async (req) =>
      listRecipients(app.db, req.actor, req.params.id, {
        limit: req.query.limit ?? 50,
        ...(req.query.cursor ? { cursor: req.query.cursor } : {}),
        ...(req.query.status ? { status: req.query.status } : {}),
      }),
  )
}
