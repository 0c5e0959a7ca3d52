import type { products, variants } from '../catalog/index.ts'
import { toEan13 } from '../catalog/index.ts'
import type { assortment, prices } from '../channels/index.ts'
import { newId } from '../shared/ids.ts'
import {
  type BaseArticle,
  baseArticles,
  books,
  type Category,
  categoryPrefix,
  collections,
  companyPrefix,
  models,
  palettes,
} from './catalog.data.ts'
import type { ChannelKind, DemoChannel } from './channels.ts'
import type { Random } from './random.ts'

export type ProductRow = typeof products.$inferInsert & { id: string }
export type VariantRow = typeof variants.$inferInsert & { id: string; attributes: Record<string, string> }
export type PriceRow = typeof prices.$inferInsert
export type AssortmentRow = typeof assortment.$inferInsert

/** Where a product is offered: everywhere, online only (long tail) or in stores only. */
export type Offer = 'all' | 'online' | 'store'

export interface DemoVariant {
  row: VariantRow
  product: DemoProduct
  /** Relative sales weight: a few best sellers, a long tail. */
  popularity: number
  /** Store-list price in cents. */
  basePrice: number
}

export interface DemoProduct {
  row: ProductRow
  category: Category
  offer: Offer
  channelKinds: ChannelKind[]
  variants: DemoVariant[]
}

export interface DemoCatalog {
  products: DemoProduct[]
  variants: DemoVariant[]
  prices: PriceRow[]
  assortment: AssortmentRow[]
  /** Unit price of a SKU on a channel's price list (undefined when the channel does not sell it). */
  priceOf(channelId: string, sku: string): number | undefined
}

const TARGET_PRODUCTS = 600
const TARGET_VARIANTS = 2000

interface Draft {
  base?: BaseArticle
  category: Category
  name: string
  brand: string
  description: string
  vat: number
  offer: Offer
  /** Price in euros of the first size. */
  euros: number
  combos: Array<{ attributes: Record<string, string>; label: string; factor: number }>
  count: number
}

/** Grams of a typical article of each family as shipped, packaging included. */
const familyGrams: Record<Category, number> = {
  kitchen: 900,
  textile: 450,
  decoration: 800,
  garden: 2_500,
  diy: 1_500,
  small_appliances: 3_000,
  food_gifts: 400,
  books: 500,
}

/**
 * A variant's shipping weight: its family's, grown with its size (the price factor of its size),
 * spread ±25 % by its number. Worked out, not drawn, so the demo's random sequence stays as it was.
 */
function unitWeightG(category: Category, sizeFactor: number, variantNo: number): number {
  const spread = 0.75 + ((variantNo * 7919) % 101) / 200
  return Math.max(50, Math.round((familyGrams[category] * sizeFactor ** 0.8 * spread) / 10) * 10)
}

/** About 600 products and exactly 2,000 variants with EAN-13 codes, prices per channel and assortment. */
export function buildCatalog(random: Random, channels: DemoChannel[], createdAt: Date): DemoCatalog {
  const drafts = draftProducts(random)
  balanceVariantCount(drafts, random)

  const ranks = random.shuffle(drafts.map((_, i) => i))
  const seqByCategory = new Map<Category, number>()
  let variantNo = 0
  const list: DemoProduct[] = drafts.map((d, i) => {
    const seq = (seqByCategory.get(d.category) ?? 0) + 1
    seqByCategory.set(d.category, seq)
    const code = `${categoryPrefix[d.category]}-${String(seq).padStart(4, '0')}`
    const product: DemoProduct = {
      category: d.category,
      offer: d.offer,
      channelKinds: channelKindsFor(d, random),
      variants: [],
      row: {
        id: newId('prd'),
        code,
        name: d.name,
        description: d.description,
        brand: d.brand,
        category: d.category,
        vatRateBp: d.vat,
        createdAt,
        updatedAt: createdAt,
      },
    }
    const productPopularity = 1 / (ranks[i]! + 8) ** 0.9
    const combos = d.combos.slice(0, d.count)
    // Colours of one size share a price.
    const bySize = new Map<number, number>()
    product.variants = combos.map((c, vi) => {
      variantNo++
      const basePrice =
        bySize.get(c.factor) ?? (d.base ? retailPrice(d.euros * c.factor, random) : Math.round(d.euros * 100))
      bySize.set(c.factor, basePrice)
      return {
        product,
        basePrice,
        popularity: productPopularity * 0.8 ** vi * (0.6 + random.next() * 0.8),
        row: {
          id: newId('var'),
          productId: product.row.id,
          sku: `${code}-${String(vi + 1).padStart(2, '0')}`,
          ean: toEan13(companyPrefix(d.brand) + String(variantNo).padStart(5, '0')),
          name: c.label || d.name,
          attributes: c.attributes,
          weightG: unitWeightG(d.category, c.factor, variantNo),
          createdAt,
          updatedAt: createdAt,
        },
      }
    })
    return product
  })

  const allVariants = list.flatMap((p) => p.variants)
  const { prices, priceOf } = priceLists(list, channels, random, createdAt)
  const assortmentRows: AssortmentRow[] = []
  for (const channel of channels) {
    for (const p of list) {
      if (p.channelKinds.includes(channel.row.kind)) {
        assortmentRows.push({
          channelId: channel.row.id,
          productId: p.row.id,
          createdAt,
          updatedAt: createdAt,
        })
      }
    }
  }
  return { products: list, variants: allVariants, prices, assortment: assortmentRows, priceOf }
}

function draftProducts(random: Random): Draft[] {
  const drafts: Draft[] = []
  const fromBases = TARGET_PRODUCTS - books.length
  for (let i = 0; i < fromBases; i++) {
    const baseIndex = i % baseArticles.length
    const base = baseArticles[baseIndex]!
    const k = Math.floor(i / baseArticles.length)
    const brand = random.pick(base.brands)
    const byModel = base.naming === 'model'
    const collection = collections[(baseIndex * 7 + k) % collections.length]!
    const name = byModel ? `${base.name} ${brand} ${models[k % models.length]}` : `${base.name} ${collection}`
    const combos = variantCombos(base, random)
    const weights = [10, 20, 25, 20, 12, 8, 5]
    const wanted = [1, 2, 3, 4, 5, 6, 8][random.weightedIndex(weights)]!
    drafts.push({
      base,
      category: base.category,
      name,
      brand,
      description: byModel ? base.description : `${base.description} Collection ${collection}.`,
      vat: base.vat ?? 2000,
      offer: base.storeOnly ? 'store' : random.chance(0.1) ? 'online' : 'all',
      euros: base.price[0] * Math.exp(random.next() * Math.log(base.price[1] / base.price[0])),
      combos,
      count: Math.min(combos.length, wanted),
    })
  }
  for (const book of books) {
    drafts.push({
      category: 'books',
      name: book.title,
      brand: book.publisher,
      description: `Livre broché, ${book.publisher}.`,
      vat: 550,
      offer: 'all',
      euros: book.price,
      combos: [{ attributes: {}, label: '', factor: 1 }],
      count: 1,
    })
  }
  return drafts
}

/** Every (colour × size) a product could come in, in a stable shuffled order. */
function variantCombos(base: BaseArticle, random: Random): Draft['combos'] {
  const colours = base.colours ? random.sample(palettes[base.colours], random.int(2, 5)) : [undefined]
  const sizes = base.axis?.values ?? [undefined]
  const combos: Draft['combos'] = []
  for (const colour of colours) {
    for (const size of sizes) {
      const attributes: Record<string, string> = {}
      const label: string[] = []
      if (colour) {
        attributes.colour = colour
        label.push(colour)
      }
      if (size && base.axis) {
        attributes[base.axis.key] = size[0]
        label.push(size[0])
      }
      combos.push({ attributes, label: label.join(' / '), factor: size?.[1] ?? 1 })
    }
  }
  return random.shuffle(combos)
}

/** Grows or shrinks products one variant at a time until the catalogue has exactly the target count. */
function balanceVariantCount(drafts: Draft[], random: Random) {
  let total = drafts.reduce((s, d) => s + d.count, 0)
  const order = random.shuffle(drafts.map((_, i) => i))
  let guard = 0
  while (total !== TARGET_VARIANTS && guard++ < 100_000) {
    const d = drafts[order[guard % order.length]!]!
    if (total < TARGET_VARIANTS && d.count < Math.min(d.combos.length, 10)) {
      d.count++
      total++
    } else if (total > TARGET_VARIANTS && d.count > 1) {
      d.count--
      total--
    }
  }
}

function channelKindsFor(d: Draft, random: Random): ChannelKind[] {
  if (d.offer === 'store') return ['store']
  // The call centre sells what the web sells; the app is the web shop in a phone.
  if (d.offer === 'online') return ['web', 'mobile', 'call_centre']
  const kinds: ChannelKind[] = ['store', 'web', 'mobile', 'call_centre']
  if (random.chance(0.7)) kinds.push('catalogue')
  if (d.category !== 'food_gifts' && d.category !== 'books' && random.chance(0.45)) kinds.push('partner')
  return kinds
}

/**
 * Each channel prices from its own list: stores and the call centre and catalogue at the store price,
 * the web and app slightly cheaper on about a quarter of the range, partners 4–8 % higher (their
 * commission). Only listed products are priced.
 */
function priceLists(list: DemoProduct[], channels: DemoChannel[], random: Random, createdAt: Date) {
  const webCut = new Map<string, number>()
  for (const p of list) {
    // Books keep one price everywhere: French law fixes it (loi Lang).
    if (p.category !== 'books' && random.chance(0.25)) webCut.set(p.row.id, 0.05 + random.next() * 0.07)
  }
  const partnerUp = new Map<string, number>()
  for (const p of list) partnerUp.set(p.row.id, 1.04 + random.next() * 0.04)

  const table = new Map<string, Map<string, number>>()
  const rows: PriceRow[] = []
  for (const channel of channels) {
    const byChannel = new Map<string, number>()
    table.set(channel.row.id, byChannel)
    for (const p of list) {
      if (!p.channelKinds.includes(channel.row.kind)) continue
      for (const v of p.variants) {
        let amount = v.basePrice
        const cut = webCut.get(p.row.id)
        if ((channel.row.kind === 'web' || channel.row.kind === 'mobile') && cut) {
          amount = Math.min(amount - 1, retailPrice((v.basePrice * (1 - cut)) / 100, random, true))
        }
        if (channel.row.kind === 'partner') {
          amount = Math.max(amount, retailPrice((v.basePrice * partnerUp.get(p.row.id)!) / 100, random, true))
        }
        amount = Math.max(amount, 50)
        byChannel.set(v.row.sku, amount)
        rows.push({
          priceListId: channel.priceList.id,
          sku: v.row.sku,
          amountCents: amount,
          createdAt,
          updatedAt: createdAt,
        })
      }
    }
  }
  return { prices: rows, priceOf: (channelId: string, sku: string) => table.get(channelId)?.get(sku) }
}

/** A shelf price: whole euros ending in .99 mostly, else .95 or .00 (or .50 under 10 €). */
export function retailPrice(euros: number, random: Random, always99 = false): number {
  const whole = Math.max(1, Math.floor(euros))
  if (always99) return whole * 100 - 1
  const r = random.next()
  if (euros < 10) return r < 0.6 ? whole * 100 + 99 : r < 0.8 ? whole * 100 + 95 : whole * 100 + 50
  if (euros >= 100) return r < 0.55 ? (whole + 1) * 100 : whole * 100 + 99
  return r < 0.65 ? whole * 100 + 99 : r < 0.85 ? whole * 100 + 95 : (whole + 1) * 100
}
