import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, LoginHeaders } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import {
  ChannelAccount,
  ChannelAccountsResponse,
  CustomerParams,
  LinkChannelAccountBody,
  UnlinkChannelAccountParams,
  UnlinkChannelAccountResponse,
} from './channel-accounts.contract.ts'
import {
  customerChannelAccounts,
  linkChannelAccount,
  unlinkChannelAccount,
} from './channel-accounts.service.ts'

/** The customer's logins in the channels' own shops, and what a channel key sees of its logged-in customer. */
export const channelAccountsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/customers/:id/channel-accounts',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['customers'],
        summary: 'Link a channel’s login (a web shop account) to the customer',
        description:
          'One login of a channel names one customer: a login linked to another customer answers 409 ' +
          '`login_taken` (details.field `login`). Linking it again to the same customer answers 200 and changes ' +
          'nothing. A channel key links logins of its own channel, to a customer who signed up through it (or ' +
          'is logged in on it); a profile from another channel is linked by staff, who check who is asking.',
        headers: LoginHeaders,
        params: CustomerParams,
        body: LinkChannelAccountBody,
        response: { 200: ChannelAccount, 201: ChannelAccount, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { account, created } = await linkChannelAccount(
        app.db,
        req.actor,
        req.params.id,
        req.body,
        req.headers['x-customer-login'],
      )
      return reply.code(created ? 201 : 200).send(account)
    },
  )

  app.get(
    '/customers/:id/channel-accounts',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['customers'],
        summary: 'The customer’s logins in the channels’ shops (a channel key: its own channel’s)',
        headers: LoginHeaders,
        params: CustomerParams,
        response: { 200: ChannelAccountsResponse, ...errorResponses },
      },
    },
    async (req) => ({
      data: await customerChannelAccounts(app.db, req.actor, req.params.id, req.headers['x-customer-login']),
    }),
  )

  app.delete(
    '/customers/:id/channel-accounts/:channel_id/:login',
    {
      config: { roles: allRoles, refs: { 'params.channel_id': 'channel' } },
      schema: {
        tags: ['customers'],
        summary: 'Unlink a login from the customer (a channel key: its own channel’s)',
        params: UnlinkChannelAccountParams,
        response: { 204: UnlinkChannelAccountResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { id, channel_id, login } = req.params
      await unlinkChannelAccount(app.db, req.actor, id, channel_id, login)
      return reply.code(204).send(null)
    },
  )
}
