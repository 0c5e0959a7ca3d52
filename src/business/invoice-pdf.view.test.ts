import { inflateSync } from 'node:zlib'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { facturxXml } from './facturx.domain.ts'
import { invoicePdf } from './invoice-pdf.view.ts'
import { sixtyLineInvoice as document } from './sample-invoice.fixture.ts'

const bytesOf = (s: PDFStream) =>
  s instanceof PDFRawStream && s.dict.get(PDFName.of('Filter'))
    ? inflateSync(s.contents)
    : (s as PDFRawStream).contents

describe('the Factur-X PDF', () => {
  it('is a PDF/A-3 with its CII XML attached as factur-x.xml, fonts embedded and an sRGB output intent', async () => {
    const pdf = await invoicePdf(document, new Date('2026-03-31T10:00:00Z'))
    expect(Buffer.from(pdf.subarray(0, 8)).toString()).toBe('%PDF-1.7')
    const doc = await PDFDocument.load(pdf, { updateMetadata: false })
    expect(doc.getPageCount()).toBeGreaterThan(1)
    const cat = doc.catalog
    // XMP: PDF/A-3B and the Factur-X profile.
    const xmp = Buffer.from(bytesOf(cat.lookup(PDFName.of('Metadata'), PDFStream))).toString('utf8')
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>')
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>')
    expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>')
    expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>')
    // The output intent carries an ICC profile with three components.
    const intent = cat.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict)
    expect(intent.get(PDFName.of('S'))?.toString()).toBe('/GTS_PDFA1')
    expect(
      intent.lookup(PDFName.of('DestOutputProfile'), PDFStream).dict.get(PDFName.of('N'))?.toString(),
    ).toBe('3')
    // The attachment: in the catalog's /AF with relationship Data, typed text/xml, with its dates.
    const af = cat.lookup(PDFName.of('AF'), PDFArray).lookup(0, PDFDict)
    expect(af.get(PDFName.of('AFRelationship'))?.toString()).toBe('/Data')
    const ef = af.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream)
    expect(ef.dict.get(PDFName.of('Subtype'))?.toString()).toBe('/text#2Fxml')
    expect(ef.dict.lookup(PDFName.of('Params'), PDFDict).get(PDFName.of('ModDate'))).toBeDefined()
    const xml = Buffer.from(bytesOf(ef)).toString('utf8')
    // The invoice's own CII XML, which facturx.domain.test.ts validates against the schema and the rules.
    expect(xml).toBe(facturxXml(document))
    expect(xml).toContain('<ram:ID>F2026-000007</ram:ID>')
    // Every font is embedded (no standard font left unembedded), the file has an ID.
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (obj instanceof PDFDict && obj.get(PDFName.of('Type'))?.toString() === '/Font') {
        const fd = obj.lookup(PDFName.of('FontDescriptor'), PDFDict)
        expect(fd.get(PDFName.of('FontFile2'))).toBeDefined()
      }
    }
    expect(doc.context.trailerInfo.ID).toBeDefined()
  }, 60_000)
})
