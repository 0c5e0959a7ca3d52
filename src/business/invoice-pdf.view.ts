/**
 * The invoice as a Factur-X file: a PDF/A-3 (level B) page set printing the invoice with its legal
 * mentions, with the CII XML embedded as factur-x.xml (relationship Data) and the XMP metadata that
 * declares PDF/A-3 and the Factur-X EN 16931 profile. Fonts are embedded and colours are sRGB with
 * an output intent, as PDF/A requires.
 */
import { readFileSync } from 'node:fs'
import {
  AFRelationship,
  beginText,
  endText,
  moveText,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFPage,
  rgb,
  setFillingColor,
  setFontAndSize,
  showText,
} from 'pdf-lib'
import { FACTURX_FILENAME, facturxXml } from './facturx.domain.ts'
import type { InvoiceDocument } from './invoices.domain.ts'
import { type EmbeddedFont, embedTrueType } from './pdf-font.view.ts'

const asset = (name: string) => readFileSync(new URL(`../../assets/invoice/${name}`, import.meta.url))
let fontBytes: Uint8Array | null = null
let iccBytes: Uint8Array | null = null

const euros = (cents: number) =>
  `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`
const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
const pct = (bp: number) => `${(bp / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} %`

function xmp(d: InvoiceDocument, title: string, at: string): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${escXml(d.seller.legalName)}</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>Passerelle</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>Passerelle</xmp:CreatorTool>
   <xmp:CreateDate>${at}</xmp:CreateDate>
   <xmp:ModifyDate>${at}</xmp:ModifyDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>fx</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The name of the embedded XML document</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The type of the hybrid document in capital letters, e.g. INVOICE or ORDER</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The actual version of the standard applying to the embedded XML document</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The conformance level of the embedded XML document</pdfaProperty:description></rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
   <fx:DocumentType>INVOICE</fx:DocumentType>
   <fx:DocumentFileName>${FACTURX_FILENAME}</fx:DocumentFileName>
   <fx:Version>1.0</fx:Version>
   <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

const escXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Writes text with the embedded font (pdf-lib's drawText knows only its own fonts). */
function text(page: PDFPage, font: EmbeddedFont, s: string, x: number, y: number, size: number, grey = 0) {
  page.pushOperators(
    beginText(),
    setFillingColor(rgb(grey, grey, grey)),
    setFontAndSize(font.name, size),
    moveText(x, y),
    showText(font.encode(s)),
    endText(),
  )
}

/** Splits `s` into lines no wider than `width`. */
function wrap(font: EmbeddedFont, s: string, size: number, width: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of s.split(' ')) {
    const next = line ? `${line} ${word}` : word
    if (font.widthOf(next, size) > width && line) {
      out.push(line)
      line = word
    } else line = next
  }
  if (line) out.push(line)
  return out
}

/** The Factur-X PDF of an issued invoice or credit note. */
export async function invoicePdf(d: InvoiceDocument, issuedAt: Date): Promise<Uint8Array> {
  fontBytes ??= asset('DejaVuSans.ttf')
  iccBytes ??= asset('sRGB-v2-micro.icc')
  const title = `${d.kind === 'credit_note' ? 'Avoir' : 'Facture'} ${d.number}`
  const doc = await PDFDocument.create({ updateMetadata: false })
  const ctx = doc.context
  doc.setTitle(title)
  doc.setAuthor(d.seller.legalName)
  doc.setProducer('Passerelle')
  doc.setCreator('Passerelle')
  doc.setCreationDate(issuedAt)
  doc.setModificationDate(issuedAt)
  const at = issuedAt.toISOString().replace(/\.\d{3}Z$/, '+00:00')
  const metadata = ctx.stream(xmp(d, escXml(title), at), { Type: 'Metadata', Subtype: 'XML' })
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(metadata))
  const icc = ctx.flateStream(iccBytes, { N: 3 })
  doc.catalog.set(
    PDFName.of('OutputIntents'),
    ctx.obj([
      ctx.obj({
        Type: 'OutputIntent',
        S: 'GTS_PDFA1',
        OutputConditionIdentifier: PDFHexString.fromText('sRGB'),
        Info: PDFHexString.fromText('sRGB IEC61966-2.1'),
        DestOutputProfile: ctx.register(icc),
      }),
    ]),
  )
  const xml = facturxXml(d)
  await doc.attach(new TextEncoder().encode(xml), FACTURX_FILENAME, {
    mimeType: 'text/xml',
    description: 'Factur-X invoice (EN 16931)',
    creationDate: issuedAt,
    modificationDate: issuedAt,
    afRelationship: AFRelationship.Data,
  })
  const id = PDFHexString.of(Buffer.from(d.number.padEnd(16, '0')).toString('hex').slice(0, 32))
  ctx.trailerInfo.ID = ctx.obj([id, id])

  const font = embedTrueType(doc, fontBytes, 'DejaVuSans')
  let page = doc.addPage([595.28, 841.89])
  const withFont = (p: PDFPage) => {
    p.node.setFontDictionary(PDFName.of(font.name), font.ref)
    return p
  }
  withFont(page)
  let y = 800
  const left = 40
  const put = (s: string, x: number, size = 9, grey = 0) => text(page, font, s, x, y, size, grey)
  const right = (s: string, xRight: number, size = 9) =>
    text(page, font, s, xRight - font.widthOf(s, size), y, size)

  // Seller, buyer, title.
  put(d.seller.legalName, left, 14)
  y -= 14
  for (const l of [
    d.seller.addressLine1,
    `${d.seller.postcode} ${d.seller.city}`,
    `SIRET ${d.seller.siret ?? ''} · TVA ${d.seller.vatNumber ?? ''}`,
  ]) {
    put(l, left, 8, 0.3)
    y -= 11
  }
  y = 760
  const bx = 330
  put('Facturé à', bx, 8, 0.4)
  y -= 13
  put(d.buyer.legalName, bx, 10)
  y -= 12
  for (const l of [
    d.buyer.addressLine1,
    `${d.buyer.postcode} ${d.buyer.city} (${d.buyer.country})`,
    ...(d.buyer.siren ? [`SIREN ${d.buyer.siren}${d.buyer.siret ? ` · SIRET ${d.buyer.siret}` : ''}`] : []),
    ...(d.buyer.vatNumber ? [`TVA ${d.buyer.vatNumber}`] : []),
  ]) {
    put(l, bx, 8, 0.2)
    y -= 11
  }
  y = 670
  put(`${d.kind === 'credit_note' ? 'AVOIR' : 'FACTURE'} N° ${d.number}`, left, 16)
  y -= 18
  const facts = [
    `Date d’émission : ${frDate(d.issueDate)}`,
    `Date de livraison : ${frDate(d.deliveryDate)}`,
    d.kind === 'credit_note'
      ? `Avoir sur la facture ${d.corrects?.number ?? ''}`
      : `Échéance : ${frDate(d.dueDate)}`,
    ...(d.purchaseOrderRefs.length ? [`Bon de commande : ${d.purchaseOrderRefs.join(', ')}`] : []),
  ]
  for (const f of facts) {
    put(f, left, 9)
    y -= 12
  }

  // Lines.
  y -= 10
  const cols = { name: left, qty: 360, unit: 430, vat: 470, total: 555 }
  const header = () => {
    page.drawRectangle({ x: left - 4, y: y - 4, width: 523, height: 16, color: rgb(0.92, 0.92, 0.92) })
    put('Désignation', cols.name, 8)
    right('Qté', cols.qty, 8)
    right('PU HT', cols.unit, 8)
    right('TVA', cols.vat + 20, 8)
    right('Total HT', cols.total, 8)
    y -= 18
  }
  header()
  for (const l of d.lines) {
    if (y < 200) {
      page = withFont(doc.addPage([595.28, 841.89]))
      y = 800
      header()
    }
    const name = wrap(font, `${l.name} (${l.sku}) · commande ${l.orderNumber}`, 8, 300)
    put(name[0] ?? '', cols.name, 8)
    right(String(l.quantity), cols.qty, 8)
    right(euros(Math.round(l.unitPriceExcl)), cols.unit, 8)
    right(pct(l.vatRateBp), cols.vat + 20, 8)
    right(euros(l.netCents), cols.total, 8)
    y -= 11
    for (const more of name.slice(1)) {
      put(more, cols.name, 8)
      y -= 11
    }
  }

  // VAT per rate and totals.
  y -= 8
  page.drawLine({
    start: { x: 330, y: y + 6 },
    end: { x: 555, y: y + 6 },
    thickness: 0.5,
    color: rgb(0.5, 0.5, 0.5),
  })
  const total = (label: string, value: string, size = 9) => {
    put(label, 330, size)
    right(value, cols.total, size)
    y -= size + 4
  }
  total('Total HT', euros(d.totalExclCents))
  for (const v of d.vat) total(`TVA ${pct(v.rateBp)} sur ${euros(v.basisCents)}`, euros(v.vatCents))
  total('Total TVA', euros(d.vatCents))
  total(d.kind === 'credit_note' ? 'Total TTC à déduire' : 'Total TTC à payer', euros(d.totalCents), 11)

  // Payment and legal mentions.
  y -= 10
  if (d.seller.iban) {
    put(`Règlement par virement : IBAN ${d.seller.iban} · référence ${d.number}`, left, 8)
    y -= 12
  }
  for (const m of d.mentions) {
    for (const l of wrap(font, m, 7, 515)) {
      if (y < 40) {
        page = withFont(doc.addPage([595.28, 841.89]))
        y = 800
      }
      put(l, left, 7, 0.25)
      y -= 9
    }
  }
  return doc.save({ useObjectStreams: false })
}
