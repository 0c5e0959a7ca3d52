import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import { channelsByRef } from '../channels/index.ts'
import type { Executor } from '../db/database.ts'
import { idempotentCreate } from '../http/idempotency.ts'
import { codePattern, errorResponses, IdempotencyHeaders, Page, PageQuery, toPage } from '../http/schemas.ts'
import { type Actor, allRoles } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import {
  addVariant,
  createProduct,
  findVariant,
  getProductView,
  listProducts,
  updateProduct,
} from './catalog.service.ts'

const tags = ['catalog']
const Ref = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'Product id or code.' }),
})
const VatRate = Type.Number({ description: 'French VAT rate (TVA) in percent: 20, 10, 5.5 or 2.1.' })
const Attributes = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 200 }), {
  maxProperties: 50,
  description: 'What tells the variant from its siblings, e.g. {"taille": "M", "couleur": "bleu"}.',
})

const NewVariant = Type.Object(
  {
    sku: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$', description: 'Unique.' }),
    ean: Type.String({
      minLength: 1,
      maxLength: 32,
      description:
        'EAN-13 barcode, check digit included; unique. A wrong check digit answers 400 saying which.',
    }),
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'The product name by default.' }),
    ),
    attributes: Type.Optional(Attributes),
    prices: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Type.Integer({ minimum: 0 }), {
        description: 'Unit price TTC in cents by price list code, e.g. {"WEB": 1999}.',
      }),
    ),
  },
  { additionalProperties: false },
)

const Variant = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  ean: Type.String(),
  name: Type.String(),
  attributes: Type.Record(Type.String(), Type.String()),
  prices: Type.Array(
    Type.Object({
      price_list: Type.String({ description: 'Price list code.' }),
      amount_cents: Type.Integer({ description: 'Unit price TTC in cents.' }),
    }),
  ),
})

const Product = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  brand: Type.String(),
  description: Type.String(),
  vat_rate: Type.Number({ description: 'Percent.' }),
  variants: Type.Array(Variant),
  channels: Type.Array(Type.String(), { description: 'Codes of the channels listing the product.' }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

const ScannedVariant = Type.Intersect([
  Variant,
  Type.Object({
    product_id: Type.String(),
    product_code: Type.String(),
    product_name: Type.String(),
    category: Type.String(),
    vat_rate: Type.Number({ description: 'Percent.' }),
  }),
])

const text = (max: number) => Type.String({ maxLength: max })

/** A channel key sees its own channel's products only; other keys may ask for one channel's. */
async function channelScope(q: Executor, actor: Actor, requested?: string): Promise<string | undefined> {
  const channel = requested ? (await channelsByRef(q, [requested])).get(requested) : undefined
  if (actor.role === 'channel') {
    if (requested && channel?.id !== actor.channelId) {
      throw forbidden('A channel key sees the products of its own channel only.')
    }
    return actor.channelId ?? undefined
  }
  if (requested && !channel) throw invalidInput('channel', `no channel with id or code ${requested}`)
  return channel?.id
}

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
        body: Type.Object(
          {
            code: Type.String({ pattern: codePattern, description: 'Unique, URL-safe.' }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            category: Type.String({ minLength: 1, maxLength: 100 }),
            vat_rate: VatRate,
            brand: Type.Optional(text(200)),
            description: Type.Optional(text(5000)),
            variants: Type.Array(NewVariant, { minItems: 1, maxItems: 200 }),
            channels: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
                maxItems: 100,
                description: 'Channels (codes or ids) that list the product (assortiment).',
              }),
            ),
          },
          { additionalProperties: false },
        ),
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
        querystring: Type.Object({
          q: Type.Optional(
            Type.String({ minLength: 1, maxLength: 100, description: 'Part of a name, code or SKU.' }),
          ),
          category: Type.Optional(Type.String({ maxLength: 100 })),
          channel: Type.Optional(
            Type.String({ maxLength: 64, description: 'Only products this channel lists.' }),
          ),
          ...PageQuery,
        }),
        response: { 200: Page(Product), ...errorResponses },
      },
    },
    async (req) => {
      const { q, category, channel, cursor } = req.query
      const limit = req.query.limit ?? 50
      const channelId = await channelScope(app.db, req.actor, channel)
      const list = await listProducts(app.db, { q, category, channelId }, limit, cursor)
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
    async (req) => getProductView(app.db, req.params.ref, await channelScope(app.db, req.actor)),
  )

  app.patch(
    '/products/:ref',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Rename or recategorise a product, change its brand, description or VAT rate',
        params: Ref,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            category: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            brand: Type.Optional(text(200)),
            description: Type.Optional(text(5000)),
            vat_rate: Type.Optional(VatRate),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Product, ...errorResponses },
      },
    },
    async (req) => app.db.transaction((tx) => updateProduct(tx, req.params.ref, req.body)),
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
        querystring: Type.Object({
          ean: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
          sku: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        }),
        response: { 200: ScannedVariant, ...errorResponses },
      },
    },
    async (req) =>
      findVariant(app.db, { ean: req.query.ean, sku: req.query.sku }, await channelScope(app.db, req.actor)),
  )
}
