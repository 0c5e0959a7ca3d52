import { eanProblem, frenchVatRate, type PriceLine, type ProductLine } from '../catalog/index.ts'
import {
  type ConsentCell,
  type CustomerLine,
  consentMedia,
  consentPurposes,
  normaliseEmail,
  normaliseLoyaltyCard,
  normalisePhone,
} from '../customers/index.ts'
import type { CountLine } from '../inventory/index.ts'
import {
  type Cell,
  euros,
  percent,
  type Read,
  attributes as readAttributes,
  text,
  units,
  yesNo,
} from './cells.domain.ts'

/*
 * The rows of each entity's file: its columns, and a row's cells turned into the line its capability
 * writes, or every reason the row is refused (the column and what to correct). Pure: no database.
 * Checks that need the database (unknown SKU, EAN of another variant) are the capabilities'.
 */

export const entities = ['products', 'prices', 'stock', 'customers'] as const
export type Entity = (typeof entities)[number]

/** Why a row is refused: the column at fault (null: the row as a whole), a stable code, a reason. */
export interface RowRefusal {
  column: string | null
  code: string
  reason: string
}

export type Parsed<L> = { line: L } | { refusals: RowRefusal[] }

export interface Column {
  name: string
  required: boolean
}

const consentColumns = consentPurposes.flatMap((p) => consentMedia.map((m) => `consent_${p}_${m}`))

/** The columns of each file, in the order an export writes them. */
export const columns: Record<Entity, Column[]> = {
  products: [
    { name: 'product_code', required: true },
    { name: 'product_name', required: true },
    { name: 'category', required: true },
    { name: 'vat_rate', required: true },
    { name: 'brand', required: false },
    { name: 'description', required: false },
    { name: 'sku', required: true },
    { name: 'ean', required: true },
    { name: 'variant_name', required: false },
    { name: 'attributes', required: false },
    { name: 'weight_g', required: false },
  ],
  prices: [
    { name: 'price_list', required: true },
    { name: 'sku', required: true },
    { name: 'price', required: true },
  ],
  stock: [
    { name: 'location', required: true },
    { name: 'sku', required: true },
    { name: 'quantity', required: true },
    { name: 'reason', required: false },
  ],
  customers: [
    { name: 'email', required: false },
    { name: 'phone', required: false },
    { name: 'loyalty_card', required: false },
    { name: 'first_name', required: false },
    { name: 'last_name', required: false },
    { name: 'address_line', required: false },
    { name: 'postcode', required: false },
    { name: 'city', required: false },
    { name: 'country', required: false },
    ...consentColumns.map((name) => ({ name, required: false })),
  ],
}

/** A CSV header's problems: unknown columns, required ones missing, a column twice. Empty when fine. */
export function headerProblems(entity: Entity, header: readonly string[]): string[] {
  const known = new Set(columns[entity].map((c) => c.name))
  const problems: string[] = []
  const seen = new Set<string>()
  for (const name of header) {
    if (!known.has(name)) problems.push(`unknown column ${name || '(empty)'}`)
    else if (seen.has(name)) problems.push(`column ${name} twice`)
    seen.add(name)
  }
  for (const c of columns[entity])
    if (c.required && !seen.has(c.name)) problems.push(`missing column ${c.name}`)
  return problems
}

/** The column names of a CSV header as people type them: `Product code ` reads product_code. */
export function headerName(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

type Cells = Record<string, Cell>

/** Reads cells column by column, collecting every refusal of the row. */
class RowReader {
  readonly refusals: RowRefusal[] = []
  constructor(
    private readonly entity: Entity,
    private readonly cells: Cells,
  ) {
    const known = new Set(columns[entity].map((c) => c.name))
    for (const [name, value] of Object.entries(cells)) {
      if (!known.has(name)) this.refuse(name, 'unknown_column', `${this.entity} have no column ${name}`)
      else if (typeof value === 'string' && value.includes('\u0000')) {
        this.refuse(name, 'invalid_value', 'contains a NUL character; remove it')
      } else if (typeof value === 'object' && value !== null && name !== 'attributes') {
        this.refuse(name, 'invalid_value', 'expected a text or a number, not a list or an object')
      }
    }
  }

  refuse(column: string | null, code: string, reason: string) {
    this.refusals.push({ column, code, reason })
  }

  /** Text of a column, at most `max` characters; a missing required one is refused. */
  text(name: string, max: number, required: boolean): string | undefined {
    const value = typeof this.cells[name] === 'object' ? undefined : text(this.cells[name])
    if (value === undefined) {
      if (required && !this.refusals.some((r) => r.column === name)) {
        this.refuse(name, 'missing_value', `${name} is required`)
      }
      return undefined
    }
    if (value.length > max) {
      this.refuse(name, 'too_long', `at most ${max} characters, this one has ${value.length}`)
      return undefined
    }
    return value
  }

  /** A text column read by `read`. */
  read<T>(name: string, required: boolean, read: (raw: string) => Read<T>, max = 64): T | undefined {
    const raw = this.text(name, max, required)
    if (raw === undefined) return undefined
    const r = read(raw)
    if ('problem' in r) {
      this.refuse(name, 'invalid_value', r.problem)
      return undefined
    }
    return r.ok
  }

  result<L>(line: () => L): Parsed<L> {
    return this.refusals.length > 0 ? { refusals: this.refusals } : { line: line() }
  }
}

/** The pattern of product codes (the API's `codePattern`): URL-safe, 1 to 64 characters. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
/** The pattern of SKUs (the API's, on variants). */
const SKU = /^[A-Za-z0-9._-]{1,64}$/

const pattern =
  (re: RegExp, what: string) =>
  (raw: string): Read<string> =>
    re.test(raw) ? { ok: raw } : { problem: `${raw} is not a valid ${what}` }

const sku = pattern(SKU, 'SKU: letters, digits, dot, dash and underscore only')

export function parseProductRow(cells: Cells): Parsed<ProductLine> {
  const r = new RowReader('products', cells)
  const productCode = r.read(
    'product_code',
    true,
    pattern(CODE, 'product code: letters, digits, . _ - (URL-safe)'),
  )
  const productName = r.text('product_name', 200, true)
  const category = r.text('category', 100, true)
  const vatRateBp = r.read('vat_rate', true, (raw) => {
    const p = percent(raw)
    const bp = p === null ? null : frenchVatRate(p)
    return bp === null
      ? { problem: `${raw} is not a French VAT rate; use 20, 10, 5,5 or 2,1 (percent)` }
      : { ok: bp }
  })
  const brand = r.text('brand', 100, false)
  const description = r.text('description', 5000, false)
  const variantSku = r.read('sku', true, sku)
  const ean = r.read('ean', true, (raw) => {
    const problem = eanProblem(raw)
    return problem ? { problem } : { ok: raw }
  })
  const variantName = r.text('variant_name', 200, false)
  const attrs = readAttributes(cells.attributes)
  if (attrs && 'problem' in attrs) r.refuse('attributes', 'invalid_value', attrs.problem)
  const weightG = r.read('weight_g', false, (raw) => {
    const u = units(raw)
    if ('problem' in u) return { problem: `${raw} is not a weight: give whole grams per unit, e.g. 450` }
    return u.ok < 1 || u.ok > 1_000_000 ? { problem: `${raw} g: a unit weighs from 1 g to 1,000,000 g` } : u
  })
  return r.result(() => ({
    productCode: productCode!,
    productName: productName!,
    category: category!,
    vatRateBp: vatRateBp!,
    ...(brand === undefined ? {} : { brand }),
    ...(description === undefined ? {} : { description }),
    sku: variantSku!,
    ean: ean!,
    ...(variantName === undefined ? {} : { variantName }),
    ...(attrs && 'ok' in attrs ? { attributes: attrs.ok } : {}),
    ...(weightG === undefined ? {} : { weightG }),
  }))
}

export function parsePriceRow(cells: Cells): Parsed<PriceLine> {
  const r = new RowReader('prices', cells)
  const priceList = r.read('price_list', true, pattern(CODE, 'price list code'))
  const variantSku = r.read('sku', true, sku)
  const amountCents = r.read('price', true, euros)
  return r.result(() => ({ priceList: priceList!, sku: variantSku!, amountCents: amountCents! }))
}

export function parseStockRow(cells: Cells): Parsed<CountLine> {
  const r = new RowReader('stock', cells)
  const location = r.read('location', true, pattern(CODE, 'location id or code'))
  const variantSku = r.read('sku', true, sku)
  const counted = r.read('quantity', true, (raw) => {
    const u = units(raw)
    return 'ok' in u && u.ok > 2_147_483_647 ? { problem: `${raw} units is more than a location holds` } : u
  })
  const reason = r.text('reason', 200, false)
  return r.result(() => ({
    location: location!,
    sku: variantSku!,
    counted: counted!,
    ...(reason === undefined ? {} : { reason }),
  }))
}

const identity =
  (normalise: (raw: string) => string | null, expected: string) =>
  (raw: string): Read<string> => {
    const value = normalise(raw)
    return value === null ? { problem: `${raw}: ${expected}` } : { ok: value }
  }

export function parseCustomerRow(cells: Cells): Parsed<CustomerLine> {
  const r = new RowReader('customers', cells)
  const email = r.read(
    'email',
    false,
    identity(normaliseEmail, 'expected an e-mail address like marie.dupont@example.fr'),
    254,
  )
  const phone = r.read(
    'phone',
    false,
    identity(normalisePhone, 'expected a phone number such as 06 12 34 56 78 or +33 6 12 34 56 78'),
  )
  const loyaltyCard = r.read('loyalty_card', false, identity(normaliseLoyaltyCard, 'expected 8 to 19 digits'))
  const typedAny = ['email', 'phone', 'loyalty_card'].some((c) => text(cells[c]) !== undefined)
  if (!typedAny) r.refuse('email', 'missing_value', 'a customer needs an email, a phone or a loyalty_card')
  const profile = {
    firstName: r.text('first_name', 100, false),
    lastName: r.text('last_name', 100, false),
    addressLine: r.text('address_line', 200, false),
    postcode: r.text('postcode', 20, false),
    city: r.text('city', 100, false),
    country: r.read('country', false, (raw) =>
      /^[A-Za-z]{2}$/.test(raw)
        ? { ok: raw.toUpperCase() }
        : { problem: `${raw} is not a two-letter country code (FR)` },
    ),
  }
  const consents: ConsentCell[] = []
  for (const purpose of consentPurposes) {
    for (const medium of consentMedia) {
      const cell = cells[`consent_${purpose}_${medium}`]
      const granted = typeof cell === 'boolean' ? cell : r.read(`consent_${purpose}_${medium}`, false, yesNo)
      if (granted !== undefined) consents.push({ purpose, medium, granted })
    }
  }
  return r.result(() => {
    const line: CustomerLine = {}
    if (email !== undefined) line.email = email
    if (phone !== undefined) line.phone = phone
    if (loyaltyCard !== undefined) line.loyaltyCard = loyaltyCard
    for (const [k, v] of Object.entries(profile))
      if (v !== undefined) (line as Record<string, unknown>)[k] = v
    if (consents.length > 0) line.consents = consents
    return line
  })
}

/**
 * What two lines of one batch may not share: a batch holding both would write one key twice in one
 * statement, so the second line starts a new batch instead (lines are then applied in file order).
 * `same` keys may repeat when their value does (the product fields of a product's variants).
 */
export function batchKeys(
  entity: Entity,
  line: object,
): { unique: string[]; same?: Array<[string, string]> } {
  switch (entity) {
    case 'products': {
      const l = line as ProductLine
      return {
        unique: [`sku:${l.sku}`, `ean:${l.ean}`],
        same: [
          [
            `product:${l.productCode}`,
            JSON.stringify([l.productName, l.category, l.vatRateBp, l.brand ?? null, l.description ?? null]),
          ],
        ],
      }
    }
    case 'prices': {
      const l = line as PriceLine
      return { unique: [`${l.priceList}\n${l.sku}`] }
    }
    case 'stock': {
      const l = line as CountLine
      return { unique: [`${l.location}\n${l.sku}`] }
    }
    case 'customers': {
      const l = line as CustomerLine
      return {
        unique: [
          l.email && `email:${l.email}`,
          l.phone && `phone:${l.phone}`,
          l.loyaltyCard && `card:${l.loyaltyCard}`,
        ].filter((k): k is string => !!k),
      }
    }
  }
}

export const rowParsers: Record<Entity, (cells: Cells) => Parsed<object>> = {
  products: parseProductRow,
  prices: parsePriceRow,
  stock: parseStockRow,
  customers: parseCustomerRow,
}
