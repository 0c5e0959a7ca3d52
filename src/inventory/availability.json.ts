import type { SkuAvailability } from './availability.domain.ts'

/**
 * The JSON body of GET /availability, written straight into bytes.
 *
 * A check of 50 SKUs answers up to 5 location entries per SKU by default, and every location on
 * request (about 1,100 entries, ≈ 230 kB, in a 22-location network) that repeat the same few locations. The generic serialiser rebuilds every entry field by field into one
 * string, which then holds two-byte characters (an em dash in a warehouse name is enough) and gets
 * measured and encoded again on its way to the socket; that cost more than the query. Here each
 * location's constant part (id, code, name, kind) is encoded once and copied, the part that depends
 * on the request (modes, distance) once per location per response, and only the quantities are
 * written per entry. The output is the JSON the route's response schema describes, field for field.
 */
export function availabilityJson(channel: string, items: SkuAvailability[]): Buffer {
  let size = 64
  for (const item of items) size += 160 + item.sku.length * 3 + item.locations.length * 224
  const out = new ByteWriter(size)
  const tails = new Map<string, { modes: string[]; distance: number | undefined; bytes: Buffer }>()
  out.ascii('{"channel":')
  out.text(JSON.stringify(channel))
  out.ascii(',"items":[')
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    out.ascii(i === 0 ? '{"sku":' : ',{"sku":')
    out.text(JSON.stringify(item.sku))
    out.ascii(item.known ? ',"known":true' : ',"known":false')
    out.ascii(item.listed ? ',"listed":true,"available":' : ',"listed":false,"available":')
    out.number(item.available)
    out.ascii(',"delivery_available":')
    out.number(item.delivery_available)
    out.ascii(',"location_count":')
    out.number(item.location_count)
    out.ascii(',"locations":[')
    for (let j = 0; j < item.locations.length; j++) {
      const loc = item.locations[j]!
      if (j > 0) out.byte(0x2c)
      out.bytes(headOf(loc))
      out.number(loc.available)
      let tail = tails.get(loc.location_id)
      if (!tail || tail.modes !== loc.modes || tail.distance !== loc.distance_km) {
        tail = { modes: loc.modes, distance: loc.distance_km, bytes: tailBytes(loc) }
        tails.set(loc.location_id, tail)
      }
      out.bytes(tail.bytes)
    }
    out.ascii(']}')
  }
  out.ascii(']}')
  return out.done()
}

type LocationEntry = SkuAvailability['locations'][number]

/** `{"location_id":…,"code":…,"name":…,"kind":…,"available":` of each location, encoded once. */
const heads = new Map<string, { code: string; name: string; kind: string; bytes: Buffer }>()

function headOf(loc: LocationEntry): Buffer {
  const hit = heads.get(loc.location_id)
  if (hit && hit.code === loc.code && hit.name === loc.name && hit.kind === loc.kind) return hit.bytes
  if (heads.size >= 10_000) heads.clear()
  const bytes = Buffer.from(
    `{"location_id":${JSON.stringify(loc.location_id)},"code":${JSON.stringify(loc.code)},` +
      `"name":${JSON.stringify(loc.name)},"kind":${JSON.stringify(loc.kind)},"available":`,
  )
  heads.set(loc.location_id, { code: loc.code, name: loc.name, kind: loc.kind, bytes })
  return bytes
}

/** `,"modes":[…],"distance_km":…}` of a location for this response. */
function tailBytes(loc: LocationEntry): Buffer {
  const distance = loc.distance_km === undefined ? '' : `,"distance_km":${JSON.stringify(loc.distance_km)}`
  return Buffer.from(`,"modes":${JSON.stringify(loc.modes)}${distance}}`)
}

/** An append-only byte buffer that grows by doubling. */
class ByteWriter {
  private buf: Buffer
  private at = 0

  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(size)
  }

  private room(n: number) {
    if (this.at + n <= this.buf.length) return
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n))
    this.buf.copy(bigger, 0, 0, this.at)
    this.buf = bigger
  }

  byte(b: number) {
    this.room(1)
    this.buf[this.at++] = b
  }

  /** A string known to be ASCII (the fixed parts of the document). */
  ascii(s: string) {
    this.room(s.length)
    this.at += this.buf.write(s, this.at, 'latin1')
  }

  /** Any string, as UTF-8. */
  text(s: string) {
    this.room(s.length * 3)
    this.at += this.buf.write(s, this.at, 'utf8')
  }

  bytes(b: Buffer) {
    this.room(b.length)
    this.buf.set(b, this.at)
    this.at += b.length
  }

  /** A number as JSON writes it; whole non-negative numbers digit by digit, without a string. */
  number(n: number) {
    if (!Number.isSafeInteger(n) || n < 0) return this.ascii(JSON.stringify(n))
    this.room(16)
    if (n < 10) {
      this.buf[this.at++] = 0x30 + n
      return
    }
    let digits = 1
    for (let p = 10; p <= n; p *= 10) digits++
    let end = this.at + digits
    this.at = end
    while (n > 0) {
      const d = n % 10
      this.buf[--end] = 0x30 + d
      n = (n - d) / 10
    }
  }

  done(): Buffer {
    return this.buf.subarray(0, this.at)
  }
}
