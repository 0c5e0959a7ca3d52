import { invalidInput } from '../shared/errors.ts'

/** Photos a customer or staff attach to a ticket: the kinds a phone or a camera takes. */
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const
export type PhotoType = (typeof photoTypes)[number]

/**
 * 3.5 MB: a phone photo at full size. The photo travels base64-encoded (4 bytes for 3) in a request
 * of at most 5 MB, so this is the largest that always fits with its JSON around it.
 */
export const maxPhotoBytes = 3.5 * 1024 * 1024
/** Enough to show a defect from every side; more is a conversation for the store. */
export const maxPhotosPerTicket = 10

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b)
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to))

/**
 * The type the bytes are, read from their signature ("magic bytes"), whatever the sender declared:
 * JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`, WebP `RIFF….WEBP`, HEIC an ISO box `ftyp` of brand
 * heic/heix/mif1. Null for anything else.
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (bytes.length >= 3 && startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (bytes.length >= 8 && startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png'
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return 'image/webp'
  }
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12)
    if (brand === 'heic' || brand === 'heix' || brand === 'mif1') return 'image/heic'
  }
  return null
}

/**
 * Decides whether a file may be kept as a photo: not empty, within the size limit, and really the
 * type it says it is (a script renamed photo.jpg is refused). Returns the type to store.
 */
export function checkPhoto(bytes: Uint8Array, declared: string): PhotoType {
  if (bytes.length === 0) throw invalidInput('content_base64', 'the file is empty')
  if (bytes.length > maxPhotoBytes) {
    throw invalidInput(
      'content_base64',
      `the photo is ${bytes.length} bytes; at most ${maxPhotoBytes} (3.5 MB): send a smaller one`,
    )
  }
  const actual = sniffPhotoType(bytes)
  if (actual === null) {
    throw invalidInput('content_base64', `is not a photo: send ${photoTypes.join(', ')}`)
  }
  if (actual !== declared.toLowerCase()) {
    throw invalidInput('content_type', `says ${declared}, but the file is ${actual}`)
  }
  return actual
}

/** Strict base64 (RFC 4648, padding optional): Node's decoder skips what it does not know, this does not. */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw invalidInput('content_base64', 'is not base64')
  }
  return new Uint8Array(Buffer.from(clean, 'base64'))
}
