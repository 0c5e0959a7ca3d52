import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import {
  created,
  type ExportPage,
  type LineOutcome,
  refusedLine,
  unchanged,
  updated,
} from '../shared/batch.ts'
import { newId } from '../shared/ids.ts'

/*
 * Products and variants written many at a time (a bulk import's batch): one line is one variant
 * with its product's fields, keyed by SKU. A few reads, one decision per line, two statements.
 */

/** One variant and its product, as a line of a product file says them (already checked: EAN, VAT). */
export interface ProductLine {
  productCode: string
  productName: string
  category: string
  vatRateBp: number
  /** Left out: kept (empty on a new product). */
  brand?: string
  description?: string
  sku: string
  ean: string
  /** Left out: kept (the product name on a new variant). */
  variantName?: string
  attributes?: Record<string, string>
  /** Grams per unit as shipped. Left out: kept. */
  weightG?: number
}

interface ProductState {
  id: string
  code: string
  name: string
  category: string
  vat_rate_bp: number
  brand: string
  description: string
}

interface VariantState {
  sku: string
  ean: string
  name: string
  attributes: Record<string, string>
  weight_g: number | null
  product_code: string
}

/**
 * Creates or updates the variants of these lines and their products, in the caller's transaction.
 * A line is refused (and writes nothing) when its EAN belongs to another SKU, when its SKU belongs
 * to another product, or when it gives its product other fields than an earlier line of the batch.
 */
export async function writeProductLines(tx: Tx, lines: readonly ProductLine[]): Promise<LineOutcome[]> {
  if (lines.length === 0) return []
  const skus = lines.map((l) => l.sku)
  const eans = lines.map((l) => l.ean)
  const codes = [...new Set(lines.map((l) => l.productCode))]
  const [knownVariants, knownProducts] = await Promise.all([
    rows<VariantState>(
      tx,
      sql`SELECT v.sku, v.ean, v.name, v.attributes, v.weight_g, p.code AS product_code
          FROM variant v JOIN product p ON p.id = v.product_id
          WHERE v.sku IN (SELECT jsonb_array_elements_text(${JSON.stringify(skus)}::jsonb))
             OR v.ean IN (SELECT jsonb_array_elements_text(${JSON.stringify(eans)}::jsonb))`,
    ),
    rows<ProductState>(
      tx,
      sql`SELECT id, code, name, category, vat_rate_bp, brand, description FROM product
          WHERE code IN (SELECT jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`,
    ),
  ])
  const bySku = new Map(knownVariants.map((v) => [v.sku, v]))
  const byEan = new Map(knownVariants.map((v) => [v.ean, v]))
  const productByCode = new Map(knownProducts.map((p) => [p.code, p]))
  const seenProducts = new Map<string, ProductState>()
  const productWrites = new Map<string, ProductState>()
  const variantWrites: Array<VariantState & { product_code: string }> = []
  const outcomes = lines.map((line): LineOutcome => {
    const holder = byEan.get(line.ean)
    if (holder && holder.sku !== line.sku) {
      return refusedLine(
        'ean',
        'already_exists',
        `EAN ${line.ean} is already used by SKU ${holder.sku} (product ${holder.product_code}).`,
      )
    }
    const variant = bySku.get(line.sku)
    if (variant && variant.product_code !== line.productCode) {
      return refusedLine(
        'product_code',
        'variant_of_other_product',
        `SKU ${line.sku} belongs to product ${variant.product_code}: a SKU does not move to another product.`,
      )
    }
    const current = productByCode.get(line.productCode)
    const wanted: ProductState = {
      id: current?.id ?? '',
      code: line.productCode,
      name: line.productName,
      category: line.category,
      vat_rate_bp: line.vatRateBp,
      brand: line.brand ?? current?.brand ?? '',
      description: line.description ?? current?.description ?? '',
    }
    const earlier = seenProducts.get(line.productCode)
    if (earlier) {
      const field = differingProductField(earlier, wanted)
      if (field) {
        return refusedLine(
          field,
          'conflicting_product',
          `an earlier line gives product ${line.productCode} another ${field}; give every variant of a product the same product fields.`,
        )
      }
    }
    const productChanged = !current || differingProductField(current, wanted) !== null
    if (!earlier) seenProducts.set(line.productCode, wanted)
    if (productChanged && !earlier) productWrites.set(line.productCode, wanted)
    const next: VariantState = {
      sku: line.sku,
      ean: line.ean,
      name: line.variantName ?? variant?.name ?? line.productName,
      attributes: line.attributes ?? variant?.attributes ?? {},
      weight_g: line.weightG ?? variant?.weight_g ?? null,
      product_code: line.productCode,
    }
    const variantChanged =
      !variant ||
      variant.ean !== next.ean ||
      variant.name !== next.name ||
      variant.weight_g !== next.weight_g ||
      !sameAttributes(variant.attributes, next.attributes)
    if (variantChanged) variantWrites.push(next)
    if (!variant) return created
    return variantChanged || productChanged ? updated : unchanged
  })
  if (productWrites.size > 0) {
    const data = [...productWrites.values()].map((p) => ({
      id: p.id || newId('prd'),
      code: p.code,
      name: p.name,
      category: p.category,
      vat_rate_bp: p.vat_rate_bp,
      brand: p.brand,
      description: p.description,
    }))
    const written = await rows<{ id: string; code: string }>(
      tx,
      sql`INSERT INTO product AS p (id, code, name, category, vat_rate_bp, brand, description)
          SELECT id, code, name, category, vat_rate_bp, brand, description
          FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb)
            AS x(id text, code text, name text, category text, vat_rate_bp int, brand text, description text)
          ON CONFLICT (code) DO UPDATE SET name = excluded.name, category = excluded.category,
            vat_rate_bp = excluded.vat_rate_bp, brand = excluded.brand, description = excluded.description,
            updated_at = now()
          RETURNING p.id, p.code`,
    )
    for (const p of written) {
      const known = productByCode.get(p.code)
      productByCode.set(p.code, { ...(known ?? productWrites.get(p.code)!), id: p.id })
    }
  }
  if (variantWrites.length > 0) {
    const data = variantWrites.map((v) => ({
      id: newId('var'),
      product_id: productByCode.get(v.product_code)!.id,
      sku: v.sku,
      ean: v.ean,
      name: v.name,
      attributes: v.attributes,
      weight_g: v.weight_g,
    }))
    // A SKU or EAN taken meanwhile by another transaction fails the statement: the caller then
    // retries line by line, so that only the line at fault is refused.
    await tx.execute(
      sql`INSERT INTO variant AS v (id, product_id, sku, ean, name, attributes, weight_g)
          SELECT id, product_id, sku, ean, name, attributes, weight_g
          FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb)
            AS x(id text, product_id text, sku text, ean text, name text, attributes jsonb, weight_g int)
          ON CONFLICT (sku) DO UPDATE SET ean = excluded.ean, name = excluded.name,
            attributes = excluded.attributes, weight_g = excluded.weight_g, updated_at = now()`,
    )
  }
  return outcomes
}

const productFields = ['name', 'category', 'vat_rate_bp', 'brand', 'description'] as const
const productColumns: Record<(typeof productFields)[number], string> = {
  name: 'product_name',
  category: 'category',
  vat_rate_bp: 'vat_rate',
  brand: 'brand',
  description: 'description',
}

/** The first product field (named as a product line names it) that differs, or null. */
function differingProductField(a: ProductState, b: ProductState): string | null {
  const field = productFields.find((f) => a[f] !== b[f])
  return field ? productColumns[field] : null
}

function sameAttributes(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k])
}

/** A variant with its product's fields, as a product file lists it. */
export interface ProductExportRow {
  product_code: string
  product_name: string
  category: string
  vat_rate_bp: number
  brand: string
  description: string
  sku: string
  ean: string
  variant_name: string
  attributes: Record<string, string>
  weight_g: number | null
}

/** Variants by SKU after `cursor` (a SKU), `limit` at a time, with their product. */
export async function exportProductLines(
  q: Executor,
  cursor: string | null,
  limit: number,
): Promise<ExportPage<ProductExportRow>> {
  const found = await rows<ProductExportRow>(
    q,
    sql`SELECT p.code AS product_code, p.name AS product_name, p.category, p.vat_rate_bp, p.brand,
               p.description, v.sku, v.ean, v.name AS variant_name, v.attributes, v.weight_g
        FROM variant v JOIN product p ON p.id = v.product_id
        ${cursor === null ? sql`` : sql`WHERE v.sku > ${cursor}`}
        ORDER BY v.sku LIMIT ${limit}`,
  )
  return { rows: found, next: found.length === limit ? found[found.length - 1]!.sku : null }
}
