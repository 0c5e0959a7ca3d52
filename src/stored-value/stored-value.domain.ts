import { randomInt } from 'node:crypto'
import { invalidInput } from '../shared/errors.ts'
import type { StoredValueKind } from './stored-value.schema.ts'

/** Letters and digits a customer cannot misread on a receipt (no 0/O, 1/I/L). */
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

export const codePrefix: Record<StoredValueKind, string> = {
  gift_card: 'GC',
  store_credit: 'SC',
  voucher: 'VO',
}

/**
 * A new code: its kind's prefix and 12 random characters in groups of four (`GC-7KQ2-M9XD-4TPA`).
 * 31^12 ≈ 7.9e17 codes: guessing a live one is hopeless, and the unique index catches a clash.
 */
export function newStoredValueCode(kind: StoredValueKind, draw: (n: number) => number = randomInt): string {
  let body = ''
  for (let i = 0; i < 12; i++) body += alphabet[draw(alphabet.length)]
  return `${codePrefix[kind]}-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}`
}

/**
 * The code as stored, from what a cashier typed or a scanner read: case, spaces and dashes do not
 * matter (`gc 7kq2m9xd4tpa` is `GC-7KQ2-M9XD-4TPA`).
 */
export function normaliseStoredValueCode(input: string, field: string): string {
  const raw = input.toUpperCase().replace(/[\s-]/g, '')
  if (!/^(GC|SC|VO)[0-9A-Z]{12}$/.test(raw)) {
    throw invalidInput(field, 'is not a gift card, store credit or voucher code (e.g. GC-7KQ2-M9XD-4TPA)')
  }
  return `${raw.slice(0, 2)}-${raw.slice(2, 6)}-${raw.slice(6, 10)}-${raw.slice(10)}`
}

/** The kind a code belongs to, from its prefix. */
export function kindOfCode(code: string): StoredValueKind {
  const prefix = code.slice(0, 2)
  const kind = (Object.keys(codePrefix) as StoredValueKind[]).find((k) => codePrefix[k] === prefix)
  if (!kind) throw invalidInput('code', `unknown prefix ${prefix}`)
  return kind
}

/** Gift cards and credit notes are valid a year by default (the usual French practice). */
export const defaultValidityDays = 365

export function expiryFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 86_400_000)
}
