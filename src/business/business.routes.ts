import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import type { Role } from '../shared/actor.ts'
import {
  Account,
  AccountIn,
  AccountPage,
  AccountParams,
  AccountPatch,
  AccountQuery,
  BusinessOrder,
  BusinessOrderIn,
  BuyerIn,
  Invoice,
  InvoicePage,
  InvoiceParams,
  InvoicePaymentIn,
  InvoiceQuery,
  IssueInvoiceIn,
  PriceList,
  PriceListIn,
  PriceListParams,
  PricesIn,
  Seller,
  SellerIn,
} from './business.contract.ts'
import {
  addBuyer,
  createAccount,
  createPriceList,
  getAccount,
  getPriceList,
  listAccounts,
  placeBusinessOrder,
  putPrices,
  updateAccount,
} from './business.service.ts'
import { facturxXml } from './facturx.domain.ts'
import {
  getInvoice,
  getSeller,
  invoiceDocument,
  issueInvoice,
  listInvoices,
  putSeller,
  recordPayment,
} from './invoices.service.ts'

/** Head office sets accounts, terms and prices up; the call centre reads them and takes orders. */
const office: Role[] = ['admin']
const sales: Role[] = ['admin', 'call_centre']
const tags = ['business']

/** Business customers: companies with their buyers, B2B price lists, terms and credit, and their orders. */
export const businessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/business/accounts',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Open a business account (a company, or a franchisee buying its goods)',
        description:
          'SIREN and SIRET are checked (Luhn), the VAT number against its member state’s format (and a French ' +
          'one against its SIREN); each invalid identifier is a 400 naming its field. Terms are capped by law: ' +
          '60 days, or 45 days end of month.',
        headers: IdempotencyHeaders,
        body: AccountIn,
        response: { 201: Account, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createAccount(tx, req.body)),
  )

  app.get(
    '/business/accounts',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'List business accounts, with what each owes and its credit left',
        querystring: AccountQuery,
        response: { 200: AccountPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50, ...filter } = req.query
      return toPage(await listAccounts(app.db, filter, limit, cursor), limit, (a) => a.id)
    },
  )

  app.get(
    '/business/accounts/:id',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'A business account: identity, terms, credit limit, open amount and buyers',
        params: AccountParams,
        response: { 200: Account, ...errorResponses },
      },
    },
    async (req) => getAccount(app.db, req.params.id),
  )

  app.patch(
    '/business/accounts/:id',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Change an account’s terms, credit limit, price list or invoicing rhythm',
        params: AccountParams,
        body: AccountPatch,
        response: { 200: Account, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => updateAccount(tx, req.params.id, req.body)),
  )

  app.post(
    '/business/accounts/:id/buyers',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Attach a buyer (a customer profile) to the account',
        params: AccountParams,
        body: BuyerIn,
        response: { 201: Account, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => addBuyer(tx, req.params.id, req.body.customer_id)),
  )

  app.post(
    '/business/accounts/:id/orders',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'Place an order for a business account, at its prices and on its terms',
        description:
          'The buyer must belong to the account. Lines are priced at the account’s B2B price list (excluding ' +
          'VAT, by quantity break; the channel’s price where it has none) and the order is placed unpaid, due ' +
          'on the account’s terms. An order over the credit limit is refused (422 credit_limit_exceeded with ' +
          'the limit, the open amount and the order’s amount).',
        params: AccountParams,
        headers: IdempotencyHeaders,
        body: BusinessOrderIn,
        response: { 201: BusinessOrder, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => placeBusinessOrder(tx, req.actor, req.params.id, req.body)),
  )

  app.post(
    '/business/price-lists',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Create a B2B price list (prices excluding VAT, with quantity breaks)',
        headers: IdempotencyHeaders,
        body: PriceListIn,
        response: { 201: PriceList, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createPriceList(tx, req.body)),
  )

  app.get(
    '/business/price-lists/:ref',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'A B2B price list with its prices',
        params: PriceListParams,
        response: { 200: PriceList, ...errorResponses },
      },
    },
    async (req) => getPriceList(app.db, req.params.ref),
  )

  app.put(
    '/business/price-lists/:ref/prices',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Set the prices of some SKUs: each SKU’s breaks are replaced by those given',
        params: PriceListParams,
        body: PricesIn,
        response: { 200: PriceList, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putPrices(tx, req.params.ref, req.body)),
  )
}

/** Invoices and credit notes (Factur-X), the brand's invoicing identity, payments received. */
export const invoicesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/business/seller',
    {
      config: { roles: office },
      schema: {
        tags,
        summary:
          'Set the brand’s invoicing identity (legal name and form, capital, SIRET, VAT number, RCS, IBAN)',
        body: SellerIn,
        response: { 200: Seller, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => putSeller(tx, req.body)),
  )

  app.get(
    '/business/seller',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'The brand’s invoicing identity',
        response: { 200: Seller, ...errorResponses },
      },
    },
    async () => getSeller(app.db),
  )

  app.post(
    '/business/accounts/:id/invoices',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Invoice an account’s shipped orders now (all those not yet invoiced, or those named)',
        description:
          'Orders of accounts invoiced per order are invoiced when they complete, those of accounts invoiced ' +
          'monthly after the month ends; this issues one now. 200 with null when there is nothing to invoice.',
        params: AccountParams,
        body: IssueInvoiceIn,
        response: { 201: Invoice, 200: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const invoice = await issueInvoice(app.db, req.params.id, req.body.order_ids ?? null)
      if (invoice === null) return reply.status(200).send(null)
      return reply.status(201).send(invoice)
    },
  )

  app.get(
    '/business/invoices',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'Invoices and credit notes, newest first; unpaid and overdue ones by status',
        querystring: InvoiceQuery,
        response: { 200: InvoicePage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50, ...filter } = req.query
      return toPage(await listInvoices(app.db, filter, limit, cursor), limit, (i) => i.id)
    },
  )

  app.get(
    '/business/invoices/:ref',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'An invoice or credit note: amounts, what is outstanding, reminders',
        params: InvoiceParams,
        response: { 200: Invoice, ...errorResponses },
      },
    },
    async (req) => getInvoice(app.db, req.params.ref),
  )

  app.get(
    '/business/invoices/:ref/pdf',
    {
      config: { roles: sales },
      schema: {
        tags,
        summary: 'The Factur-X PDF: PDF/A-3 with the CII XML (EN 16931) attached as factur-x.xml',
        params: InvoiceParams,
      },
    },
    async (req, reply) => {
      const { document, issuedAt } = await invoiceDocument(app.db, req.params.ref)
      // The PDF library, its font and colour profile load with the first invoice, not with the server.
      const { invoicePdf } = await import('./invoice-pdf.view.ts')
      const pdf = await invoicePdf(document, issuedAt)
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${document.number}.pdf"`)
        .send(Buffer.from(pdf))
    },
  )

  app.get(
    '/business/invoices/:ref/xml',
    {
      config: { roles: sales },
      schema: { tags, summary: 'The CII XML of the invoice (Factur-X EN 16931)', params: InvoiceParams },
    },
    async (req, reply) => {
      const { document } = await invoiceDocument(app.db, req.params.ref)
      return reply.type('application/xml').send(facturxXml(document))
    },
  )

  app.post(
    '/business/invoices/:ref/payments',
    {
      config: { roles: office },
      schema: {
        tags,
        summary: 'Record a payment received for an invoice (a transfer, a cheque)',
        params: InvoiceParams,
        headers: IdempotencyHeaders,
        body: InvoicePaymentIn,
        response: { 201: Invoice, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => recordPayment(tx, req.params.ref, req.body)),
  )
}
