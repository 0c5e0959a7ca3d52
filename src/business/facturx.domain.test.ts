import { describe, expect, it } from 'vitest'
import { ciiSchemaErrors, en16931RuleFailures } from '../testing/en16931.ts'
import { facturxXml } from './facturx.domain.ts'
import { buildDocument, invoiceLines, reminderDue, type SoldLine } from './invoices.domain.ts'
import { sampleSeller, sixtyLineInvoice } from './sample-invoice.fixture.ts'

const seller = sampleSeller
const buyer = {
  legalName: 'Hôtel du Parc & Fils',
  siren: '443061841',
  siret: '44306184100047',
  vatNumber: 'FR64443061841',
  addressLine1: '4 rue de la République',
  postcode: '13001',
  city: 'Marseille',
  country: 'FR',
}
const sold: SoldLine[] = [
  {
    orderId: 'o1',
    orderNumber: '100001',
    lineId: 'l1',
    sku: 'A',
    name: 'Cocotte <24 cm>',
    quantity: 10,
    totalCents: 18_000,
    vatRateBp: 2000,
  },
  {
    orderId: 'o1',
    orderNumber: '100001',
    lineId: 'l2',
    sku: 'B',
    name: 'Thé vert',
    quantity: 3,
    totalCents: 1_999,
    vatRateBp: 550,
  },
  {
    orderId: 'o1',
    orderNumber: '100001',
    lineId: 'l3',
    sku: 'C',
    name: 'Livre',
    quantity: 1,
    totalCents: 2_110,
    vatRateBp: 550,
  },
]

function doc(
  kind: 'invoice' | 'credit_note' = 'invoice',
  units = new Map([
    ['l1', 10],
    ['l2', 3],
    ['l3', 1],
  ]),
) {
  return buildDocument({
    kind,
    number: kind === 'invoice' ? 'F2026-000001' : 'F2026-000002',
    issueDate: '2026-03-31',
    deliveryDate: '2026-03-30',
    seller,
    buyer,
    terms: { days: 30, endOfMonth: true },
    latePenaltyRateBp: 1215,
    purchaseOrderRefs: ['BC-42'],
    corrects: kind === 'credit_note' ? { number: 'F2026-000001', issueDate: '2026-03-31' } : null,
    lines: invoiceLines(sold, units),
  })
}

describe('invoice arithmetic', () => {
  it('VAT is computed once per rate on the nets, and the totals add up', () => {
    const d = doc()
    expect(d.lines.map((l) => l.netCents)).toEqual([15_000, 1_895, 2_000])
    expect(d.vat).toEqual([
      { rateBp: 2000, basisCents: 15_000, vatCents: 3_000 },
      { rateBp: 550, basisCents: 3_895, vatCents: 214 },
    ])
    expect(d.totalCents).toBe(d.totalExclCents + d.vatCents)
    expect(d.dueDate).toBe('2026-04-30')
    expect(d.mentions.join(' ')).toMatch(/40,00 €/)
    expect(d.mentions.join(' ')).toMatch(/12,15 %/)
  })

  it('a reminder is due a day late, again after 15 and 30 days, with penalties and the 40 € fee', () => {
    const inv = { dueDate: '2026-05-31', overdueCents: 100_000, latePenaltyRateBp: 1215, levelsSent: 0 }
    expect(reminderDue(inv, '2026-05-31')).toBeNull()
    expect(reminderDue(inv, '2026-06-01')).toEqual({ level: 1, daysLate: 1, penaltyCents: 4_033 })
    expect(reminderDue({ ...inv, levelsSent: 1 }, '2026-06-10')).toBeNull()
    expect(reminderDue({ ...inv, levelsSent: 1 }, '2026-06-30')?.level).toBe(3)
    expect(reminderDue({ ...inv, overdueCents: 0 }, '2026-09-01')).toBeNull()
  })
})

describe('Factur-X XML (EN 16931)', () => {
  it('an invoice is valid against the CII D16B schema and the EN 16931 rules', async () => {
    const xml = facturxXml(doc())
    expect(await ciiSchemaErrors(xml)).toEqual([])
    expect(await en16931RuleFailures(xml)).toEqual([])
  }, 60_000)

  it('a credit note for part of the goods, referring to its invoice, is valid too', async () => {
    const xml = facturxXml(doc('credit_note', new Map([['l1', 2]])))
    expect(xml).toContain('<ram:TypeCode>381</ram:TypeCode>')
    expect(await ciiSchemaErrors(xml)).toEqual([])
    expect(await en16931RuleFailures(xml)).toEqual([])
  }, 60_000)

  it('the sixty-line invoice the PDF carries, to a buyer without a SIRET, is valid too', async () => {
    const xml = facturxXml(sixtyLineInvoice)
    expect(await ciiSchemaErrors(xml)).toEqual([])
    expect(await en16931RuleFailures(xml)).toEqual([])
  }, 60_000)

  it('the validation catches a total that does not add up', async () => {
    const xml = facturxXml(doc()).replace(/<ram:GrandTotalAmount>[^<]+</, '<ram:GrandTotalAmount>1.00<')
    expect((await en16931RuleFailures(xml)).join(' ')).toMatch(/BR-CO-15/)
    expect(
      await ciiSchemaErrors(xml.replace('<ram:TypeCode>380', '<ram:Foo>380</ram:Foo><ram:TypeCode>380')),
    ).not.toEqual([])
  }, 60_000)
})
