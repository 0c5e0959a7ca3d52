/**
 * What an invoice says, computed from what was sold: lines excluding VAT, VAT per rate, totals, and
 * the mentions French law requires (Code de commerce art. L441-9, CGI annexe II art. 242 nonies A).
 * B2B invoices are reckoned excluding VAT: each line's net is taken from the order line's amount
 * (VAT included) for the units invoiced, and VAT is computed once per rate on the sum of the nets
 * (EN 16931 BR-CO-17), so the invoice's arithmetic is exact even when the order rounded per line.
 */
import { dueDate, type PaymentTerms, termsLabel } from './business.domain.ts'

export interface Party {
  legalName: string
  legalForm?: string
  shareCapitalCents?: number
  siren: string | null
  siret: string | null
  vatNumber: string | null
  rcsCity?: string
  addressLine1: string
  postcode: string
  city: string
  country: string
  iban?: string | null
}

/** An order line as sold: its amount VAT included and the units it is for. */
export interface SoldLine {
  orderId: string
  orderNumber: string
  lineId: string
  sku: string
  name: string
  quantity: number
  totalCents: number
  vatRateBp: number
}

export interface InvoiceLine {
  lineNo: number
  orderNumber: string
  lineId: string
  sku: string
  name: string
  quantity: number
  /** Unit price excluding VAT, in cents, possibly fractional (4 decimals on the document). */
  unitPriceExcl: number
  netCents: number
  vatRateBp: number
}

export interface VatLine {
  rateBp: number
  basisCents: number
  vatCents: number
}

export interface InvoiceDocument {
  kind: 'invoice' | 'credit_note'
  number: string
  issueDate: string
  dueDate: string
  /** The last delivery date of the goods invoiced. */
  deliveryDate: string
  seller: Party
  buyer: Party
  purchaseOrderRefs: string[]
  corrects: { number: string; issueDate: string } | null
  lines: InvoiceLine[]
  vat: VatLine[]
  totalExclCents: number
  vatCents: number
  totalCents: number
  paymentTerms: string
  latePenaltyRateBp: number
  mentions: string[]
}

/** Lines excluding VAT for `units` of each sold line (a line with no units is left out). */
export function invoiceLines(sold: SoldLine[], units: Map<string, number>): InvoiceLine[] {
  const out: InvoiceLine[] = []
  for (const l of sold) {
    const q = units.get(l.lineId) ?? 0
    if (q <= 0) continue
    const incl = Math.round((l.totalCents * q) / l.quantity)
    const net = Math.round((incl * 10_000) / (10_000 + l.vatRateBp))
    out.push({
      lineNo: out.length + 1,
      orderNumber: l.orderNumber,
      lineId: l.lineId,
      sku: l.sku,
      name: l.name,
      quantity: q,
      unitPriceExcl: Math.round((net / q) * 100) / 100,
      netCents: net,
      vatRateBp: l.vatRateBp,
    })
  }
  return out
}

/** VAT per rate on the sum of the nets at that rate, rounded once per rate. */
export function vatBreakdown(lines: InvoiceLine[]): VatLine[] {
  const byRate = new Map<number, number>()
  for (const l of lines) byRate.set(l.vatRateBp, (byRate.get(l.vatRateBp) ?? 0) + l.netCents)
  return [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBp, basisCents]) => ({
      rateBp,
      basisCents,
      vatCents: Math.round((basisCents * rateBp) / 10_000),
    }))
}

export const FIXED_RECOVERY_FEE_CENTS = 4_000

const euros = (cents: number) =>
  `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`
const percent = (bp: number) => `${(bp / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} %`

/** The legal mentions printed on every invoice (and carried as notes in its XML). */
export function legalMentions(seller: Party, latePenaltyRateBp: number, terms: string): string[] {
  return [
    `${seller.legalName}, ${seller.legalForm ?? ''} au capital de ${euros(seller.shareCapitalCents ?? 0)}, ` +
      `RCS ${seller.rcsCity ?? ''} ${seller.siren ?? ''}, SIRET ${seller.siret ?? ''}, TVA ${seller.vatNumber ?? ''}`,
    `Conditions de paiement : ${terms}. Pas d’escompte pour paiement anticipé.`,
    `Pénalités de retard : ${percent(latePenaltyRateBp)} l’an, exigibles dès le lendemain de l’échéance ` +
      '(art. L441-10 du Code de commerce).',
    `Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : ${euros(FIXED_RECOVERY_FEE_CENTS)} ` +
      '(art. D441-5 du Code de commerce).',
    'Catégorie de l’opération : livraison de biens.',
  ]
}

/** The number of the `seq`th document of `year`'s series. */
export function invoiceNumber(year: number, seq: number): string {
  return `F${year}-${String(seq).padStart(6, '0')}`
}

export function buildDocument(input: {
  kind: 'invoice' | 'credit_note'
  number: string
  issueDate: string
  deliveryDate: string
  seller: Party
  buyer: Party
  terms: PaymentTerms
  latePenaltyRateBp: number
  purchaseOrderRefs: string[]
  corrects: { number: string; issueDate: string } | null
  lines: InvoiceLine[]
}): InvoiceDocument {
  const vat = vatBreakdown(input.lines)
  const totalExclCents = vat.reduce((s, v) => s + v.basisCents, 0)
  const vatCents = vat.reduce((s, v) => s + v.vatCents, 0)
  const paymentTerms = termsLabel(input.terms)
  return {
    kind: input.kind,
    number: input.number,
    issueDate: input.issueDate,
    // A credit note is not paid by the buyer: it is due at once (deducted or refunded).
    dueDate: input.kind === 'credit_note' ? input.issueDate : dueDate(input.issueDate, input.terms),
    deliveryDate: input.deliveryDate,
    seller: input.seller,
    buyer: input.buyer,
    purchaseOrderRefs: input.purchaseOrderRefs,
    corrects: input.corrects,
    lines: input.lines,
    vat,
    totalExclCents,
    vatCents,
    totalCents: totalExclCents + vatCents,
    paymentTerms,
    latePenaltyRateBp: input.latePenaltyRateBp,
    mentions: legalMentions(input.seller, input.latePenaltyRateBp, paymentTerms),
  }
}

/**
 * The reminder an unpaid invoice is owed on `today`: level 1 a day after the due date, level 2 after
 * 15 days, level 3 (formal notice) after 30; with the penalties accrued (simple interest at the
 * penalty rate on the overdue amount) and the fixed 40 € recovery fee.
 */
export function reminderDue(
  invoice: { dueDate: string; overdueCents: number; latePenaltyRateBp: number; levelsSent: number },
  today: string,
): { level: number; daysLate: number; penaltyCents: number } | null {
  if (invoice.overdueCents <= 0) return null
  const daysLate = Math.floor(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${invoice.dueDate}T00:00:00Z`)) / 86_400_000,
  )
  const level = daysLate >= 30 ? 3 : daysLate >= 15 ? 2 : daysLate >= 1 ? 1 : 0
  if (level <= invoice.levelsSent) return null
  const interest = Math.round((invoice.overdueCents * invoice.latePenaltyRateBp * daysLate) / (10_000 * 365))
  return { level, daysLate, penaltyCents: interest + FIXED_RECOVERY_FEE_CENTS }
}
