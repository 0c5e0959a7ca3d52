import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { idempotentCreate } from '../http/idempotency.ts'
import { errorResponses, IdempotencyHeaders, toPage } from '../http/schemas.ts'
import { allRoles } from '../shared/actor.ts'
import {
  CreateProductBody,
  FindVariantQuery,
  ListProductsQuery,
  NewVariant,
  Product,
  ProductPage,
  Ref,
  ScannedVariant,
  UpdateProductBody,
} from './catalog.contract.ts'
import {
  addVariant,
  createProduct,
  findVariantFor,
  getProductFor,
  listProductsFor,
  updateProduct,
} from './catalog.service.ts'

const tags = ['catalog']

export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/products',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Create a product (référence) with its variants, EAN-13 barcodes, prices TTC and channels',
        description:
          'All or nothing: a barcode with a wrong check digit (400 naming `variants/i/ean`), a SKU, EAN or code ' +
          'already used (409 `already_exists`), an unknown price list or channel (422) write nothing.',
        headers: IdempotencyHeaders,
        body: CreateProductBody,
        response: { 201: Product, ...errorResponses },
      },
    },
    async (req, reply) => idempotentCreate(req, reply, (tx) => createProduct(tx, req.body, req.actor)),
  )

  app.get(
    '/products',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary:
          'Search the catalog; a channel key (web shop, partner) only sees its own channel’s assortment',
        description:
          'Filters combine. A `channel` key is always limited to the products its channel lists (asking ' +
          'for another channel answers 403).',
        querystring: ListProductsQuery,
        response: { 200: ProductPage, ...errorResponses },
      },
    },
    async (req) => {
      const { q, category, channel, cursor } = req.query
      const limit = req.query.limit ?? 50
      const list = await listProductsFor(app.db, req.actor, { q, category, channel }, limit, cursor)
      return toPage(list, limit, (p) => p.id)
    },
  )

  app.get(
    '/products/:ref',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary:
          'A product with its variants, prices and channels; a channel key sees its own channel’s only',
        params: Ref,
        response: { 200: Product, ...errorResponses },
      },
    },
    async (req) => getProductFor(app.db, req.actor, req.params.ref),
  )

  app.patch(
    '/products/:ref',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Rename or recategorise a product, change its brand, description or VAT rate',
        params: Ref,
        body: UpdateProductBody,
        response: { 200: Product, ...errorResponses },
      },
    },
    async (req) => updateProduct(app.db, req.params.ref, req.body),
  )

  app.post(
    '/products/:ref/variants',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Add a variant (a new size, colour…) with its EAN-13 and prices TTC',
        description: 'Same checks as at product creation; answers the whole product.',
        headers: IdempotencyHeaders,
        params: Ref,
        body: NewVariant,
        response: { 201: Product, ...errorResponses },
      },
    },
    async (req, reply) =>
      idempotentCreate(req, reply, (tx) => addVariant(tx, req.params.ref, req.body, req.actor)),
  )

  app.get(
    '/variants',
    {
      config: { roles: allRoles },
      schema: {
        tags,
        summary: 'Scan a barcode: the variant of an EAN-13 (or SKU), its product, VAT rate and prices TTC',
        description:
          'What a till calls on every scan. A barcode with a wrong check digit (misread) answers 400; an ' +
          'unknown one 404 `variant_not_found`. A channel key finds only its own channel’s products.',
        querystring: FindVariantQuery,
        response: { 200: ScannedVariant, ...errorResponses },
      },
    },
    async (req) => findVariantFor(app.db, req.actor, { ean: req.query.ean, sku: req.query.sku }),
  )
}
