import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import {
  Channel,
  ChannelPage,
  ChannelSettlementQuery,
  CreateChannelBody,
  ListChannelsQuery,
  Ref,
  Settlement,
  UpdateChannelBody,
} from './channels.contract.ts'
import { createChannel, getChannelView, listChannels, updateChannel } from './channels.service.ts'
import { toDto } from './channels.view.ts'
import { channelSettlement } from './settlement.service.ts'

const tags = ['channels']

export const channelsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/channels',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Open a sales channel (magasin, web, mobile, service client, catalogue, partenaire)',
        description:
          'Each channel sells from its own price list: `price_list_code` (the channel code by default) is ' +
          'used when it exists and created otherwise, in the channel currency.',
        headers: IdempotencyHeaders,
        body: CreateChannelBody,
        response: { 201: Channel, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, async (tx) => toDto(await createChannel(tx, req.body))),
  )

  app.get(
    '/channels',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'List the sales channels of the brand',
        querystring: ListChannelsQuery,
        response: { 200: ChannelPage, ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50
      const list = await listChannels(app.db, limit, req.query.cursor)
      return toPage(list.map(toDto), limit, (c) => c.id)
    },
  )

  app.get(
    '/channels/:ref',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'A channel, by id or code',
        params: Ref,
        response: { 200: Channel, ...errorResponses },
      },
    },
    async (req) => toDto(await getChannelView(app.db, req.params.ref)),
  )

  app.patch(
    '/channels/:ref',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'Rename a channel, change its fulfilment modes, how long its drafts hold stock, or who collects payment',
        params: Ref,
        body: UpdateChannelBody,
        response: { 200: Channel, ...errorResponses },
      },
    },
    async (req) => toDto(await updateChannel(app.db, req.params.ref, req.body)),
  )

  app.get(
    '/channels/:ref/settlement',
    {
      config: { roles: ['admin', 'channel'] },
      schema: {
        tags,
        summary:
          'What a partner that collects payment owes the brand for a month, and the refunds it gave back',
        description:
          'For a channel that takes the customers’ money (a marketplace, `collects_payment`): the money it ' +
          'collected on the brand’s orders that month (Europe/Paris), less the refunds it gave back for the ' +
          'brand (refund method `partner`, e.g. a marketplace order returned in a store). Head office, or the ' +
          'partner’s own channel key.',
        params: Ref,
        querystring: ChannelSettlementQuery,
        response: { 200: Settlement, ...errorResponses },
      },
    },
    async (req) => {
      const { month, limit = 50, cursor } = req.query
      return channelSettlement(app.db, req.actor, req.params.ref, month, limit, cursor)
    },
  )
}
