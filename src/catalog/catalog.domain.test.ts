import { describe, expect, it } from 'vitest'
import { eanProblem, frenchVatRate, variantProblem } from './catalog.domain.ts'

describe('French VAT rates', () => {
  it('are the normal, intermediate, reduced and super-reduced rates', () => {
    expect([20, 10, 5.5, 2.1].map(frenchVatRate)).toEqual([2000, 1000, 550, 210])
  })

  it('exclude former and foreign rates', () => {
    for (const percent of [19.6, 7, 0, 21, 5.55, -20])
      expect(frenchVatRate(percent), String(percent)).toBeNull()
  })
})

describe('a barcode typed on a product sheet', () => {
  it('is fine when it scans', () => {
    expect(eanProblem('3017620422003')).toBeNull()
  })

  it('with a wrong last digit says which digit it should be', () => {
    expect(eanProblem('3017620422007')).toContain('check digit is wrong: the last digit should be 3, not 7')
  })

  it('says when it is too short or not only digits', () => {
    expect(eanProblem('301762042200')).toContain('13 digits, this one has 12')
    expect(eanProblem('30176204220O3')).toContain('digits only')
  })
})

describe('the variants of one request', () => {
  const v = (sku: string, ean: string) => ({ sku, ean })

  it('pass when every SKU and barcode is distinct and valid', () => {
    expect(variantProblem([v('TS-M', '4006381333931'), v('TS-L', '3017620422003')])).toBeNull()
  })

  it('point at the variant repeating a SKU or a barcode', () => {
    expect(variantProblem([v('TS-M', '4006381333931'), v('TS-M', '3017620422003')])).toMatchObject({
      index: 1,
      field: 'sku',
    })
    expect(variantProblem([v('TS-M', '4006381333931'), v('TS-L', '4006381333931')])).toMatchObject({
      index: 1,
      field: 'ean',
    })
  })

  it('point at the first barcode that does not scan', () => {
    expect(variantProblem([v('A', '4006381333931'), v('B', '4006381333932')])).toMatchObject({
      index: 1,
      field: 'ean',
    })
  })
})
