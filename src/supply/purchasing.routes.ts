import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { exportOrdersCsv, importOrders } from './po-import.service.ts'
import {
  addShippingNotice,
  cancelPurchaseOrder,
  createPurchaseOrderIn,
  createSupplierIn,
  decideReceipt,
  getPurchaseOrder,
  getSupplier,
  listPurchaseOrders,
  listSuppliers,
  purchaseSuggestions,
  putSupplierItems,
  receivePurchaseIn,
  returnGoods,
} from './purchasing.service.ts'
import {
  DecideBody,
  ExportQuery,
  ImportReport,
  NoticeBody,
  NoticeResponse,
  OrderBody,
  PurchaseOrder,
  PurchaseOrderDetail,
  PurchaseOrderPage,
  PurchaseOrderParams,
  PurchaseOrderQuery,
  ReceiptParams,
  ReceiptResponse,
  ReceiveBody,
  SuggestionQuery,
  Suggestions,
  Supplier,
  SupplierBody,
  SupplierItemsBody,
  SupplierPage,
  SupplierParams,
  SupplierQuery,
  SupplierReturn,
  SupplierReturnBody,
} from './supply.contract.ts'
import { fail } from './supply.errors.ts'

const tags = ['purchasing']
const admin = ['admin' as const]
const stores = ['admin' as const, 'store_staff' as const]

/** Purchasing: suppliers, purchase orders, shipping notices, receipts, supplier returns, CSV for the ERP. */
export const purchasingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // A purchase-order file as text (up to 5 MB); this plugin's routes only.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  )

  app.post(
    '/suppliers',
    {
      config: { roles: admin },
      schema: {
        tags,
        summary: 'Create a supplier with the SKUs it sells (price, pack)',
        headers: IdempotencyHeaders,
        body: SupplierBody,
        response: { 201: Supplier, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createSupplierIn(tx, req.actor, req.body)),
  )

  app.get(
    '/suppliers',
    {
      config: { roles: admin },
      schema: {
        tags,
        summary: 'Suppliers',
        querystring: SupplierQuery,
        response: { 200: SupplierPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50 } = req.query
      return toPage(await listSuppliers(app.db, req.actor, limit, cursor), limit, (s) => s.id)
    },
  )

  app.get(
    '/suppliers/:id',
    {
      config: { roles: admin },
      schema: {
        tags,
        summary: 'A supplier and what it sells',
        params: SupplierParams,
        response: { 200: Supplier, ...errorResponses },
      },
    },
    async (req) => getSupplier(app.db, req.actor, req.params.id),
  )

  app.put(
    '/suppliers/:id/items',
    {
      config: { roles: admin },
      schema: {
        tags,
        summary: 'Set the price and pack of SKUs a supplier sells',
        params: SupplierParams,
        body: SupplierItemsBody,
        response: { 200: Supplier, ...errorResponses },
      },
    },
    async (req) => putSupplierItems(app.db, req.actor, req.params.id, req.body.items),
  )

  app.post(
    '/purchase-orders',
    {
      config: { roles: admin, refs: { 'body.location_id': 'location' } },
      schema: {
        tags,
        summary: 'Order from a supplier, delivered to a warehouse or straight to a store',
        headers: IdempotencyHeaders,
        body: OrderBody,
        response: { 201: PurchaseOrder, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => createPurchaseOrderIn(tx, req.actor, req.body)),
  )

  app.get(
    '/purchase-orders',
    {
      config: { roles: stores, refs: { 'query.location_id': 'location' } },
      schema: {
        tags,
        summary: 'Purchase orders, newest first (a store key sees those delivered to it)',
        querystring: PurchaseOrderQuery,
        response: { 200: PurchaseOrderPage, ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit = 50, ...filter } = req.query
      return toPage(await listPurchaseOrders(app.db, req.actor, filter, limit, cursor), limit, (o) => o.id)
    },
  )

  app.get(
    '/purchase-orders.csv',
    {
      config: { roles: admin },
      schema: {
        tags,
        summary: 'Open purchase orders as CSV for the ERP, one row per line',
        description:
          'Columns: reference,supplier,location,expected_on,sku,quantity,unit_cost_cents (what the import reads).',
        querystring: ExportQuery,
        response: {
          200: { description: 'The file.', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="purchase-orders.csv"')
        .send(await exportOrdersCsv(app.db, req.actor, req.query.status)),
  )

  app.post(
    '/purchase-orders/import',
    {
      config: { roles: admin },
      schema: {
        tags,
        summary: 'Import purchase orders from the ERP’s CSV file',
        description:
          'Body: the file (`Content-Type: text/csv`, up to 5 MB), columns reference,supplier,location,expected_on,sku,' +
          'quantity[,unit_cost_cents]; suppliers and locations by code or id. Each order is created whole or refused ' +
          'whole with its rows named; an existing reference is left unchanged, so a file sent twice creates nothing more.',
        response: { 200: ImportReport, ...errorResponses, 415: Type.Ref('Error') },
      },
    },
    async (req) => {
      if (typeof req.body !== 'string' || !String(req.headers['content-type']).startsWith('text/csv'))
        throw fail('unsupported_file_type', 'Send the file as the body, with Content-Type: text/csv.')
      return importOrders(app.db, req.actor, req.body)
    },
  )

  app.get(
    '/purchase-orders/:id',
    {
      config: { roles: stores },
      schema: {
        tags,
        summary: 'A purchase order with its shipping notices and receipts',
        params: PurchaseOrderParams,
        response: { 200: PurchaseOrderDetail, ...errorResponses },
      },
    },
    async (req) => getPurchaseOrder(app.db, req.actor, req.params.id),
  )

  app.post(
    '/purchase-orders/:id/cancel',
    {
      config: { roles: admin },
      schema: {
        tags,
        summary: 'Cancel an order nothing was received on',
        params: PurchaseOrderParams,
        response: { 200: PurchaseOrder, ...errorResponses },
      },
    },
    async (req) => cancelPurchaseOrder(app.db, req.actor, req.params.id),
  )

  app.post(
    '/purchase-orders/:id/notices',
    {
      config: { roles: admin },
      schema: {
        tags,
        summary: 'Record the supplier’s advance shipping notice (what is on the truck, when it arrives)',
        params: PurchaseOrderParams,
        body: NoticeBody,
        response: { 201: NoticeResponse, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addShippingNotice(app.db, req.actor, req.params.id, req.body)),
  )

  app.post(
    '/purchase-orders/:id/receipts',
    {
      config: { roles: stores },
      schema: {
        tags,
        summary: 'Receive a delivery: good units into stock, damaged ones into quarantine',
        description:
          'Lines say over and short against what was outstanding. A line that, with what came before, exceeds the ' +
          'order by more than the supplier’s tolerance puts the receipt in awaiting_approval and nothing moves until ' +
          'head office or a store manager approves it.',
        params: PurchaseOrderParams,
        headers: IdempotencyHeaders,
        body: ReceiveBody,
        response: { 201: ReceiptResponse, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => receivePurchaseIn(tx, req.actor, req.params.id, req.body)),
  )

  app.post(
    '/purchase-orders/:id/receipts/:receipt_id/decision',
    {
      config: { roles: stores },
      schema: {
        tags,
        summary:
          'Accept (into stock) or refuse a receipt over the tolerance (head office or a store manager)',
        params: ReceiptParams,
        body: DecideBody,
        response: { 200: ReceiptResponse, ...errorResponses },
      },
    },
    async (req) => decideReceipt(app.db, req.actor, req.params.id, req.params.receipt_id, req.body.accept),
  )

  app.post(
    '/supplier-returns',
    {
      config: { roles: stores, refs: { 'body.location_id': 'location' } },
      schema: {
        tags,
        summary: 'Send goods back to a supplier (damaged out of quarantine, or unsold out of stock)',
        body: SupplierReturnBody,
        response: { 201: SupplierReturn, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await returnGoods(app.db, req.actor, req.body)),
  )

  app.get(
    '/purchasing/suggestions',
    {
      config: { roles: admin, refs: { 'query.warehouse_id': 'location' } },
      schema: {
        tags,
        summary: 'What a warehouse should buy, by supplier, to keep its cover',
        querystring: SuggestionQuery,
        response: { 200: Suggestions, ...errorResponses },
      },
    },
    async (req) => purchaseSuggestions(app.db, req.actor, req.query.warehouse_id),
  )
}
