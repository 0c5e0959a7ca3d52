import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { errorResponses, LoginHeaders } from '../http/schemas.ts'
import { allRoles, staffRoles } from '../shared/actor.ts'
import {
  CustomerParams,
  EReceipt,
  EReceiptBody,
  Preferences,
  PreferencesBody,
  Preview,
  PreviewQuery,
  TemplateList,
  TemplateParams,
  UnsubscribeQuery,
} from './notifications.contract.ts'
import {
  assertUnsubscribeToken,
  getPreferences,
  listTemplates,
  previewTemplate,
  putPreferences,
  requestEReceipt,
  unsubscribe,
} from './notifications.service.ts'
import { unsubscribePage } from './unsubscribe-page.ts'

const Html = Type.String({ description: 'An HTML page.' })

/** Message templates and their preview, a customer's message preferences, and the unsubscribe link. */
export const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // A mail client's one-click unsubscribe (RFC 8058) posts `List-Unsubscribe=One-Click` as a form;
  // the page's button posts the same. The token in the URL is all that counts.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, _body, done) =>
    done(null, {}),
  )

  app.get(
    '/notifications/templates',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['notifications'],
        summary: 'The message templates, their languages and the event that sends each',
        response: { 200: TemplateList, ...errorResponses },
      },
    },
    async () => listTemplates(),
  )

  app.get(
    '/notifications/templates/:id/preview',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['notifications'],
        summary: 'A template rendered as the customer would receive it (subject, text, HTML, SMS)',
        description:
          "The brand's name, a store's details (location, else the first store) and an example order's figures.",
        params: TemplateParams,
        querystring: PreviewQuery,
        response: { 200: Preview, ...errorResponses },
      },
    },
    async (req) => previewTemplate(app.db, req.params.id, req.query.lang ?? 'fr', req.query.location),
  )

  app.post(
    '/notifications/e-receipts',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['notifications'],
        summary: 'Send a sale’s receipt by e-mail, as the customer asks at the till',
        description:
          'Written once per sale: asking again answers the same message. It goes to the e-mail on the ' +
          'customer’s profile, in their language, unless they turned e-mails off.',
        body: EReceiptBody,
        response: { 200: EReceipt, ...errorResponses },
      },
    },
    async (req) => requestEReceipt(app.db, req.actor, req.body.order_id),
  )

  app.get(
    '/customers/:id/notification-preferences',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['notifications'],
        summary: 'How the customer hears about their orders: language, e-mail, SMS, e-receipts',
        description: 'A channel key reads them for the customer logged in on it (X-Customer-Login) only.',
        headers: LoginHeaders,
        params: CustomerParams,
        response: { 200: Preferences, ...errorResponses },
      },
    },
    async (req) => getPreferences(app.db, req.actor, req.params.id, req.headers['x-customer-login']),
  )

  app.put(
    '/customers/:id/notification-preferences',
    {
      config: { roles: allRoles },
      schema: {
        tags: ['notifications'],
        summary: 'Change how the customer hears about their orders (fields left out are kept)',
        description:
          'Transactional messages only; marketing follows the consents (POST /customers/{id}/consents). ' +
          'A channel key changes them for the customer logged in on it (X-Customer-Login) only.',
        headers: LoginHeaders,
        params: CustomerParams,
        body: PreferencesBody,
        response: { 200: Preferences, ...errorResponses },
      },
    },
    async (req) =>
      putPreferences(app.db, req.actor, req.params.id, req.headers['x-customer-login'], req.body),
  )

  app.get(
    '/notifications/unsubscribe',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The page an e-mail’s unsubscribe link opens: one button withdraws marketing e-mails',
        security: [],
        querystring: UnsubscribeQuery,
        produces: ['text/html'],
        response: { 200: Html, ...errorResponses },
      },
    },
    async (req, reply) => {
      await assertUnsubscribeToken(app.db, req.query.token)
      return reply.type('text/html; charset=utf-8').send(unsubscribePage('ask', req.query.token))
    },
  )

  app.post(
    '/notifications/unsubscribe',
    {
      schema: {
        tags: ['notifications'],
        summary: 'One-click unsubscribe (RFC 8058): withdraws the consent to marketing by e-mail',
        description:
          'Records the withdrawal in the customer’s consents; messages about their orders still go.',
        security: [],
        querystring: UnsubscribeQuery,
        produces: ['text/html'],
        response: { 200: Html, ...errorResponses },
      },
    },
    async (req, reply) => {
      await unsubscribe(app.db, req.query.token)
      return reply.type('text/html; charset=utf-8').send(unsubscribePage('done', req.query.token))
    },
  )
}
