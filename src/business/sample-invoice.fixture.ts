import { buildDocument, invoiceLines } from './invoices.domain.ts'

/** The demo brand as a seller: a SAS in Lyon with its registrations and bank account. */
export const sampleSeller = {
  legalName: 'Maison Passerelle',
  legalForm: 'SAS',
  shareCapitalCents: 5_000_000,
  siren: '552100554',
  siret: '55210055400013',
  vatNumber: 'FR96552100554',
  rcsCity: 'Lyon',
  addressLine1: '12 quai Saint-Antoine',
  postcode: '69002',
  city: 'Lyon',
  country: 'FR',
  iban: 'FR7630006000011234567890189',
}

/**
 * An invoice of sixty lines (two pages of PDF) from a SAS to a buyer without a SIRET, with a purchase
 * order reference and terms at 45 days end of month: the PDF test's, validated as CII by the Factur-X one.
 */
export const sixtyLineInvoice = buildDocument({
  kind: 'invoice',
  number: 'F2026-000007',
  issueDate: '2026-03-31',
  deliveryDate: '2026-03-30',
  seller: sampleSeller,
  buyer: {
    ...sampleSeller,
    legalName: 'Hôtel du Parc',
    siren: '443061841',
    siret: null,
    vatNumber: 'FR64443061841',
    iban: null,
  },
  terms: { days: 45, endOfMonth: true },
  latePenaltyRateBp: 1215,
  purchaseOrderRefs: ['BC-42'],
  corrects: null,
  lines: invoiceLines(
    Array.from({ length: 60 }, (_, i) => ({
      orderId: 'o',
      orderNumber: '100001',
      lineId: `l${i}`,
      sku: `SKU-${i}`,
      name: `Cocotte en fonte émaillée « Œuvre » n° ${i}`,
      quantity: 2,
      totalCents: 4_800,
      vatRateBp: 2000,
    })),
    new Map(Array.from({ length: 60 }, (_, i) => [`l${i}`, 2])),
  ),
})
