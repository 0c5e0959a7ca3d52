import bwipjs from 'bwip-js'
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib'

/** What a label prints: who sends, who receives (or the relay point), the service and the parcel. */
export interface LabelData {
  trackingNumber: string
  serviceName: string
  carrier: string
  kind: 'home' | 'relay' | 'express'
  direction: 'outbound' | 'return'
  from: { name: string; lines: string[] }
  to: { name: string; lines: string[] }
  relayPoint: { code: string; name: string } | null
  weightG: number
  sizeMm: [number, number, number]
  orderNumber: number
  zone: string
  createdAt: Date
}

// A6 portrait, the size of thermal label printers: 105 × 148 mm.
const MM = 72 / 25.4
const WIDTH = 105 * MM
const HEIGHT = 148 * MM
const MARGIN = 5 * MM

/**
 * The standard fonts encode WinAnsi (Latin-1 and a few signs): French names print as they are, any
 * other character as "?", so that a customer's name never makes a label fail.
 */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'
export function printable(text: string): string {
  return [...text.normalize('NFC')]
    .map((ch) => {
      const code = ch.codePointAt(0)!
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(ch))
        return ch
      return '?'
    })
    .join('')
}

/** The tracking number as Code 128, what carriers' hand scanners read; a PNG to place on the label. */
export function barcodePng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 18, includetext: false })
}

/** The shipping label of a parcel, one A6 page, as PDF bytes. */
export async function labelPdf(data: LabelData): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(`Label ${data.trackingNumber}`)
  pdf.setCreator('Passerelle')
  pdf.setCreationDate(data.createdAt)
  pdf.setModificationDate(data.createdAt)
  const page = pdf.addPage([WIDTH, HEIGHT])
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  let y = HEIGHT - MARGIN

  const text = (s: string, size: number, font: PDFFont = regular, x = MARGIN) => {
    y -= size * 1.25
    page.drawText(printable(s), { x, y, size, font, maxWidth: WIDTH - 2 * MARGIN })
  }
  const rule = () => {
    y -= 3 * MM
    page.drawLine({
      start: { x: MARGIN, y },
      end: { x: WIDTH - MARGIN, y },
      thickness: 1,
      color: rgb(0, 0, 0),
    })
  }

  text(data.serviceName.toUpperCase(), 16, bold)
  text(`${data.carrier} · zone ${data.zone}${data.direction === 'return' ? ' · RETOUR / RETURN' : ''}`, 8)
  rule()
  text('EXPÉDITEUR / FROM', 7, bold)
  text(data.from.name, 9)
  for (const line of data.from.lines) text(line, 9)
  rule()
  text('DESTINATAIRE / TO', 7, bold)
  text(data.to.name, 12, bold)
  for (const line of data.to.lines) text(line, 12)
  if (data.relayPoint) {
    text(`Point relais ${data.relayPoint.code} — ${data.relayPoint.name}`, 9, bold)
  }
  rule()
  await drawBarcode(pdf, page, data.trackingNumber, y)
  y -= 30 * MM
  text(
    spaced(data.trackingNumber),
    14,
    bold,
    WIDTH / 2 - bold.widthOfTextAtSize(spaced(data.trackingNumber), 14) / 2,
  )
  rule()
  const [l, w, h] = data.sizeMm
  text(
    `Commande / Order ${data.orderNumber}   ·   ${(data.weightG / 1000).toFixed(3)} kg   ·   ${l}×${w}×${h} mm`,
    8,
  )
  text(`${data.createdAt.toISOString().slice(0, 10)}`, 8)
  return pdf.save()
}

/** Grouped as printed on postal labels: CN 1000 0001 7 FR. */
const spaced = (t: string) =>
  `${t.slice(0, 2)} ${t.slice(2, 6)} ${t.slice(6, 10)} ${t.slice(10, 11)} ${t.slice(11)}`

async function drawBarcode(pdf: PDFDocument, page: PDFPage, text: string, top: number) {
  const png = await pdf.embedPng(await barcodePng(text))
  const width = WIDTH - 2 * MARGIN - 6 * MM
  const height = 26 * MM
  page.drawImage(png, { x: MARGIN + 3 * MM, y: top - height - 2 * MM, width, height })
}
