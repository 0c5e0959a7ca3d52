/**
 * A TrueType font embedded whole in a PDF as a simple font with WinAnsiEncoding (PDF/A requires every
 * font embedded, with widths that match its program): the few tables a PDF needs are read here.
 */
import { type PDFDocument, PDFHexString, type PDFRef } from 'pdf-lib'

/** Unicode of the WinAnsi codes 0x80–0x9F (the rest of 0x20–0xFF is Latin-1). */
const winAnsiHigh: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
}
const toWinAnsi = new Map<number, number>()
for (let c = 0x20; c <= 0xff; c++) if (c < 0x7f || c >= 0xa0) toWinAnsi.set(c, c)
for (const [code, uni] of Object.entries(winAnsiHigh)) toWinAnsi.set(uni, Number(code))

interface Metrics {
  unitsPerEm: number
  bbox: [number, number, number, number]
  ascent: number
  descent: number
  capHeight: number
  advance: (unicode: number) => number
}

function readMetrics(font: Uint8Array): Metrics {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const tables = new Map<string, number>()
  const n = v.getUint16(4)
  for (let i = 0; i < n; i++) {
    const at = 12 + i * 16
    tables.set(String.fromCharCode(...font.subarray(at, at + 4)), v.getUint32(at + 8))
  }
  const table = (tag: string) => {
    const at = tables.get(tag)
    if (at === undefined) throw new Error(`font has no ${tag} table`)
    return at
  }
  const head = table('head')
  const unitsPerEm = v.getUint16(head + 18)
  const bbox: Metrics['bbox'] = [
    v.getInt16(head + 36),
    v.getInt16(head + 38),
    v.getInt16(head + 40),
    v.getInt16(head + 42),
  ]
  const hhea = table('hhea')
  const ascent = v.getInt16(hhea + 4)
  const descent = v.getInt16(hhea + 6)
  const metricsCount = v.getUint16(hhea + 34)
  const hmtx = table('hmtx')
  const os2 = tables.get('OS/2')
  const capHeight = os2 !== undefined && v.getUint16(os2) >= 2 ? v.getInt16(os2 + 88) : ascent
  // cmap: the Windows Unicode BMP subtable (3, 1), format 4.
  const cmap = table('cmap')
  let sub = -1
  for (let i = 0; i < v.getUint16(cmap + 2); i++) {
    const at = cmap + 4 + i * 8
    if (v.getUint16(at) === 3 && v.getUint16(at + 2) === 1) sub = cmap + v.getUint32(at + 4)
  }
  if (sub < 0 || v.getUint16(sub) !== 4) throw new Error('font has no Unicode BMP cmap (3,1) of format 4')
  const segs = v.getUint16(sub + 6) / 2
  const ends = sub + 14
  const starts = ends + segs * 2 + 2
  const deltas = starts + segs * 2
  const offsets = deltas + segs * 2
  const glyph = (c: number) => {
    for (let i = 0; i < segs; i++) {
      if (c > v.getUint16(ends + i * 2)) continue
      const start = v.getUint16(starts + i * 2)
      if (c < start) return 0
      const ro = v.getUint16(offsets + i * 2)
      if (ro === 0) return (c + v.getInt16(deltas + i * 2)) & 0xffff
      const g = v.getUint16(offsets + i * 2 + ro + (c - start) * 2)
      return g === 0 ? 0 : (g + v.getInt16(deltas + i * 2)) & 0xffff
    }
    return 0
  }
  const advance = (unicode: number) => {
    const g = glyph(unicode)
    return v.getUint16(hmtx + Math.min(g, metricsCount - 1) * 4)
  }
  return { unitsPerEm, bbox, ascent, descent, capHeight, advance }
}

export interface EmbeddedFont {
  name: string
  ref: PDFRef
  /** The text as a PDF string in the font's encoding (characters outside WinAnsi become "?"). */
  encode(text: string): PDFHexString
  widthOf(text: string, size: number): number
}

export function embedTrueType(doc: PDFDocument, bytes: Uint8Array, baseFont: string): EmbeddedFont {
  const m = readMetrics(bytes)
  const scale = (x: number) => Math.round((x * 1000) / m.unitsPerEm)
  const widths: number[] = []
  const codeWidth = new Map<number, number>()
  for (let code = 32; code <= 255; code++) {
    const uni =
      code >= 0x80 && code <= 0x9f ? winAnsiHigh[code] : code < 0x7f || code >= 0xa0 ? code : undefined
    const w = uni === undefined ? 0 : scale(m.advance(uni))
    widths.push(w)
    codeWidth.set(code, w)
  }
  const ctx = doc.context
  const file = ctx.flateStream(bytes, { Length1: bytes.length })
  const descriptor = ctx.obj({
    Type: 'FontDescriptor',
    FontName: baseFont,
    Flags: 32,
    FontBBox: m.bbox.map(scale),
    ItalicAngle: 0,
    Ascent: scale(m.ascent),
    Descent: scale(m.descent),
    CapHeight: scale(m.capHeight),
    StemV: 80,
    FontFile2: ctx.register(file),
  })
  const font = ctx.obj({
    Type: 'Font',
    Subtype: 'TrueType',
    BaseFont: baseFont,
    FirstChar: 32,
    LastChar: 255,
    Widths: widths,
    FontDescriptor: ctx.register(descriptor),
    Encoding: 'WinAnsiEncoding',
  })
  const codes = (text: string) =>
    [...text.normalize('NFC')].map((ch) => toWinAnsi.get(ch.codePointAt(0)!) ?? 0x3f)
  return {
    name: baseFont,
    ref: ctx.register(font),
    encode: (text) =>
      PDFHexString.of(
        codes(text)
          .map((c) => c.toString(16).padStart(2, '0'))
          .join(''),
      ),
    widthOf: (text, size) => (codes(text).reduce((s, c) => s + (codeWidth.get(c) ?? 0), 0) * size) / 1000,
  }
}
