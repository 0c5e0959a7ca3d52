/**
 * The CII XML of an invoice (UN/CEFACT Cross Industry Invoice D16B), profile EN 16931 of Factur-X
 * 1.0: the structured half of the e-invoice, embedded in its PDF as factur-x.xml. The element order
 * is the schema's; the tests validate the result against the CII schema and the EN 16931 rules.
 */
import type { InvoiceDocument, Party } from './invoices.domain.ts'

export const FACTURX_GUIDELINE = 'urn:cen.eu:en16931:2017'
export const FACTURX_FILENAME = 'factur-x.xml'

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const amount = (cents: number) => (cents / 100).toFixed(2)
const date102 = (iso: string) => iso.replaceAll('-', '')
const rate = (bp: number) => (bp / 100).toFixed(2)
/** VAT category: standard (S) for a positive rate, zero-rated (Z) otherwise. */
const category = (bp: number) => (bp > 0 ? 'S' : 'Z')

function party(tag: string, p: Party): string {
  return `<ram:${tag}>
        <ram:Name>${esc(p.legalName)}</ram:Name>${
          p.siren
            ? `
        <ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">${esc(p.siren)}</ram:ID></ram:SpecifiedLegalOrganization>`
            : ''
        }
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>${esc(p.postcode)}</ram:PostcodeCode>
          <ram:LineOne>${esc(p.addressLine1)}</ram:LineOne>
          <ram:CityName>${esc(p.city)}</ram:CityName>
          <ram:CountryID>${esc(p.country)}</ram:CountryID>
        </ram:PostalTradeAddress>${
          p.vatNumber
            ? `
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">${esc(p.vatNumber)}</ram:ID></ram:SpecifiedTaxRegistration>`
            : ''
        }
      </ram:${tag}>`
}

export function facturxXml(d: InvoiceDocument, currency = 'EUR'): string {
  const lines = d.lines
    .map(
      (l) => `
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>${l.lineNo}</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct>
        <ram:SellerAssignedID>${esc(l.sku)}</ram:SellerAssignedID>
        <ram:Name>${esc(l.name)}</ram:Name>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>${(l.unitPriceExcl / 100).toFixed(4)}</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">${l.quantity}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>${category(l.vatRateBp)}</ram:CategoryCode>
          <ram:RateApplicablePercent>${rate(l.vatRateBp)}</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>${amount(l.netCents)}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>`,
    )
    .join('')
  const taxes = d.vat
    .map(
      (v) => `
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>${amount(v.vatCents)}</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>${
          v.rateBp > 0
            ? ''
            : `
        <ram:ExemptionReason>Taux zéro</ram:ExemptionReason>`
        }
        <ram:BasisAmount>${amount(v.basisCents)}</ram:BasisAmount>
        <ram:CategoryCode>${category(v.rateBp)}</ram:CategoryCode>
        <ram:RateApplicablePercent>${rate(v.rateBp)}</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>`,
    )
    .join('')
  const notes = d.mentions
    .map((m, i) => {
      const subject = i === 0 ? 'REG' : i === 1 ? 'AAB' : i === 2 || i === 3 ? 'PMD' : 'AAI'
      return `
    <ram:IncludedNote><ram:Content>${esc(m)}</ram:Content><ram:SubjectCode>${subject}</ram:SubjectCode></ram:IncludedNote>`
    })
    .join('')
  const iban = d.seller.iban
  const orderRef = d.purchaseOrderRefs.length
    ? `
      <ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>${esc(d.purchaseOrderRefs.join(', ').slice(0, 200))}</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>`
    : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>${FACTURX_GUIDELINE}</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>${esc(d.number)}</ram:ID>
    <ram:TypeCode>${d.kind === 'credit_note' ? '381' : '380'}</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">${date102(d.issueDate)}</udt:DateTimeString></ram:IssueDateTime>${notes}
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>${lines}
    <ram:ApplicableHeaderTradeAgreement>
      ${party('SellerTradeParty', d.seller)}
      ${party('BuyerTradeParty', d.buyer)}${orderRef}
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>
      <ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">${date102(d.deliveryDate)}</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>
    </ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:PaymentReference>${esc(d.number)}</ram:PaymentReference>
      <ram:InvoiceCurrencyCode>${currency}</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>${iban ? '58' : '1'}</ram:TypeCode>${
          iban
            ? `
        <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>${esc(iban)}</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>`
            : ''
        }
      </ram:SpecifiedTradeSettlementPaymentMeans>${taxes}
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>${esc(d.paymentTerms)}</ram:Description>
        <ram:DueDateDateTime><udt:DateTimeString format="102">${date102(d.dueDate)}</udt:DateTimeString></ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>${amount(d.totalExclCents)}</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>${amount(d.totalExclCents)}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="${currency}">${amount(d.vatCents)}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>${amount(d.totalCents)}</ram:GrandTotalAmount>
        <ram:DuePayableAmount>${amount(d.totalCents)}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>${
        d.corrects
          ? `
      <ram:InvoiceReferencedDocument>
        <ram:IssuerAssignedID>${esc(d.corrects.number)}</ram:IssuerAssignedID>
        <ram:FormattedIssueDateTime><qdt:DateTimeString format="102">${date102(d.corrects.issueDate)}</qdt:DateTimeString></ram:FormattedIssueDateTime>
      </ram:InvoiceReferencedDocument>`
          : ''
      }
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`
}
