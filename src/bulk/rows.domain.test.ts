import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toEan13 } from '../catalog/index.ts'
import { propertyRuns } from '../testing/property-runs.ts'
import { attributes, attributesCell, centsToEuros, euros } from './cells.domain.ts'
import {
  headerName,
  headerProblems,
  parseCustomerRow,
  parsePriceRow,
  parseProductRow,
  parseStockRow,
} from './rows.domain.ts'

const cents = fc.integer({ min: 0, max: 99_999_99 })

describe('prices in euros', () => {
  it('read 12,90 and 12.90 alike, in cents', () => {
    for (const typed of ['12,90', '12.90', '12,9', ' 12,90 €', '12.90€'])
      expect(euros(typed), typed).toEqual({ ok: 1290 })
    expect(euros('1 290,00')).toEqual({ ok: 129000 })
    expect(euros('12')).toEqual({ ok: 1200 })
  })

  it('refuse what is not a price: fractions of a cent, signs, words', () => {
    for (const typed of ['12,905', '-3', '12,90,1', 'douze', '1e3', ''])
      expect(euros(typed), typed).toHaveProperty('problem')
  })

  it('read back what an export writes, with a comma or a point', () => {
    fc.assert(
      fc.property(cents, (c) => {
        const written = centsToEuros(c)
        expect(euros(written)).toEqual({ ok: c })
        expect(euros(written.replace('.', ','))).toEqual({ ok: c })
        expect(euros(String(c / 100))).toEqual({ ok: c })
      }),
      { numRuns: propertyRuns(500) },
    )
  })
})

describe('variant attributes', () => {
  const name = fc.stringMatching(/^[a-zé]{1,12}$/)
  const value = fc.stringMatching(/^[A-Za-z0-9 éè=,;-]{0,20}$/).map((v) => v.trim())

  it('read back what an export writes', () => {
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 6 }), (attrs) => {
        const cell = attributesCell(attrs)
        expect(cell === '' ? undefined : attributes(cell)).toEqual(cell === '' ? undefined : { ok: attrs })
      }),
      { numRuns: propertyRuns(300) },
    )
  })

  it('refuse a part that is not name=value', () => {
    expect(attributes('taille=M|bleu')).toEqual({
      problem: expect.stringContaining('bleu is not name=value'),
    })
  })
})

const product = (over: Record<string, unknown> = {}) => ({
  product_code: 'TSHIRT-LIN',
  product_name: 'T-shirt lin',
  category: 'mode',
  vat_rate: '20',
  sku: 'TSHIRT-LIN-M',
  ean: toEan13('301762042200'),
  ...over,
})

describe('a product row', () => {
  it('becomes the line the catalog writes', () => {
    expect(
      parseProductRow(product({ vat_rate: '5,5', attributes: 'taille=M|couleur=bleu', brand: '' })),
    ).toEqual({
      line: {
        productCode: 'TSHIRT-LIN',
        productName: 'T-shirt lin',
        category: 'mode',
        vatRateBp: 550,
        sku: 'TSHIRT-LIN-M',
        ean: '3017620422003',
        attributes: { taille: 'M', couleur: 'bleu' },
      },
    })
  })

  it('reports every bad cell of the row, each with its column', () => {
    const parsed = parseProductRow(
      product({ vat_rate: '19,6', ean: '3017620422000', sku: 'T SHIRT', product_name: ' ' }),
    )
    expect('refusals' in parsed && parsed.refusals.map((r) => [r.column, r.code])).toEqual([
      ['product_name', 'missing_value'],
      ['vat_rate', 'invalid_value'],
      ['sku', 'invalid_value'],
      ['ean', 'invalid_value'],
    ])
  })

  it('refuses every barcode whose check digit is wrong, and takes every right one', () => {
    const body = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 })
      .map((d) => d.join(''))
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 9 }), (first12, shift) => {
        const good = toEan13(first12)
        const bad = first12 + ((Number(good[12]) + shift) % 10)
        expect(parseProductRow(product({ ean: good }))).toHaveProperty('line')
        expect(parseProductRow(product({ ean: bad }))).toMatchObject({ refusals: [{ column: 'ean' }] })
      }),
      { numRuns: propertyRuns(300) },
    )
  })

  it('never throws, whatever the cells: a row is read or refused', () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.object())
    const keys = fc.constantFrom(
      'product_code',
      'product_name',
      'category',
      'vat_rate',
      'sku',
      'ean',
      'attributes',
      'other',
    )
    fc.assert(
      fc.property(fc.dictionary(keys, cell), (cells) => {
        const parsed = parseProductRow(cells)
        if ('refusals' in parsed) expect(parsed.refusals.length).toBeGreaterThan(0)
        else expect(parsed.line.sku).toBe(String(cells.sku).trim())
      }),
      { numRuns: propertyRuns(300) },
    )
  })
})

describe('price, stock and customer rows', () => {
  it('a price row in euros becomes cents', () => {
    expect(parsePriceRow({ price_list: 'WEB', sku: 'A-1', price: '12,90' })).toEqual({
      line: { priceList: 'WEB', sku: 'A-1', amountCents: 1290 },
    })
    expect(parsePriceRow({ price_list: 'WEB', sku: 'A-1', price: 12.9 })).toEqual({
      line: { priceList: 'WEB', sku: 'A-1', amountCents: 1290 },
    })
  })

  it('a count is a whole number of units, 0 or more', () => {
    expect(parseStockRow({ location: 'STO-LYON', sku: 'A-1', quantity: '0' })).toEqual({
      line: { location: 'STO-LYON', sku: 'A-1', counted: 0 },
    })
    for (const quantity of ['-1', '2,5', 'douze']) {
      expect(parseStockRow({ location: 'STO-LYON', sku: 'A-1', quantity })).toMatchObject({
        refusals: [{ column: 'quantity', code: 'invalid_value' }],
      })
    }
  })

  it('a customer row is normalised as the customer API normalises it', () => {
    expect(
      parseCustomerRow({
        email: ' Marie.Dupont@Example.FR ',
        phone: '06 12 34 56 78',
        first_name: 'Marie',
        country: 'fr',
        consent_marketing_email: 'oui',
        consent_marketing_sms: false,
        consent_loyalty_post: '',
      }),
    ).toEqual({
      line: {
        email: 'marie.dupont@example.fr',
        phone: '+33612345678',
        firstName: 'Marie',
        country: 'FR',
        consents: [
          { purpose: 'marketing', medium: 'email', granted: true },
          { purpose: 'marketing', medium: 'sms', granted: false },
        ],
      },
    })
  })

  it('a customer row names at least one identifier', () => {
    expect(parseCustomerRow({ first_name: 'Marie' })).toMatchObject({
      refusals: [{ column: 'email', code: 'missing_value' }],
    })
  })
})

describe('the header of a CSV file', () => {
  it('names columns as people type them, and says what is wrong with it', () => {
    expect(['Product code', ' SKU ', 'vat-rate'].map(headerName)).toEqual(['product_code', 'sku', 'vat_rate'])
    expect(headerProblems('prices', ['price_list', 'sku', 'sku', 'prix'])).toEqual([
      'column sku twice',
      'unknown column prix',
      'missing column price',
    ])
    expect(headerProblems('stock', ['location', 'sku', 'quantity'])).toEqual([])
  })
})
