import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

export const products = pgTable(
  'product',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    brand: text('brand').notNull().default(''),
    category: text('category').notNull(),
    /** VAT rate in basis points: 2000 = 20 %, 550 = 5.5 %. */
    vatRateBp: integer('vat_rate_bp').notNull(),
    ...timestamps,
  },
  (t) => [index('product_category_idx').on(t.category)],
)

export const variants = pgTable(
  'variant',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    sku: text('sku').notNull().unique(),
    ean: text('ean').notNull().unique(),
    name: text('name').notNull(),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    /** Grams per unit as shipped (packaging included); null until the catalogue knows it. */
    weightG: integer('weight_g'),
    ...timestamps,
  },
  (t) => [index('variant_product_idx').on(t.productId)],
)
