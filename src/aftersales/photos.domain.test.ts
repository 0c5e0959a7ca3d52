import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/errors.ts'
import { checkPhoto, decodeBase64, maxPhotoBytes, sniffPhotoType } from './photos.domain.ts'

const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'))
const jpeg = hex('ffd8ffe000104a464946')
const png = hex('89504e470d0a1a0a0000000d49484452')
const webp = new Uint8Array(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))
const heic = new Uint8Array(Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00', 'latin1'))

const fieldOf = (f: () => unknown) => {
  try {
    f()
  } catch (err) {
    if (err instanceof AppError) return (err.details as { field?: string }).field
    throw err
  }
  return null
}

describe('a photo is what its bytes say', () => {
  it('recognises JPEG, PNG, WebP and HEIC by their signatures', () => {
    expect(sniffPhotoType(jpeg)).toBe('image/jpeg')
    expect(sniffPhotoType(png)).toBe('image/png')
    expect(sniffPhotoType(webp)).toBe('image/webp')
    expect(sniffPhotoType(heic)).toBe('image/heic')
  })

  it('anything else is not a photo, whatever its name says', () => {
    for (const text of ['<svg onload=alert(1)>', '%PDF-1.7', 'GIF89a', 'MZ\x90\x00', 'RIFF....AVI ']) {
      expect(sniffPhotoType(new Uint8Array(Buffer.from(text, 'latin1')))).toBeNull()
    }
    expect(sniffPhotoType(new Uint8Array())).toBeNull()
  })

  it('a file with a photo signature is never refused for its type alone, and random bytes never crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
        const bytes = new Uint8Array([...jpeg, ...tail])
        expect(checkPhoto(bytes, 'image/jpeg')).toBe('image/jpeg')
        expect(() => sniffPhotoType(tail)).not.toThrow()
      }),
    )
  })

  it('refuses an empty file, a declared type the bytes contradict, and one over the limit', () => {
    expect(fieldOf(() => checkPhoto(new Uint8Array(), 'image/jpeg'))).toBe('content_base64')
    expect(fieldOf(() => checkPhoto(png, 'image/jpeg'))).toBe('content_type')
    expect(fieldOf(() => checkPhoto(hex('3c68746d6c3e'), 'image/jpeg'))).toBe('content_base64')
    const big = new Uint8Array(maxPhotoBytes + 1)
    big.set(jpeg)
    expect(fieldOf(() => checkPhoto(big, 'image/jpeg'))).toBe('content_base64')
    expect(checkPhoto(png, 'IMAGE/PNG')).toBe('image/png')
  })

  it('reads strict base64 only', () => {
    expect([...decodeBase64(Buffer.from(png).toString('base64'))]).toEqual([...png])
    expect([...decodeBase64('iVBO\nRw0K')]).toEqual([...Buffer.from('iVBORw0K', 'base64')])
    expect(fieldOf(() => decodeBase64('abc$'))).toBe('content_base64')
    expect(fieldOf(() => decodeBase64('a'))).toBe('content_base64')
  })
})
