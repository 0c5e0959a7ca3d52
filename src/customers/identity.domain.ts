import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { invalidInput } from '../shared/errors.ts'

/**
 * How one customer is recognised in every channel: the e-mail typed on the web shop, the phone
 * number given at the till or to the call centre, the loyalty card scanned in store. Each is stored
 * in one canonical form so the same person typed three ways is found as one customer.
 */
export interface Identities {
  email: string | null
  phone: string | null
  loyaltyCard: string | null
}

export type IdentityField = 'email' | 'phone' | 'loyalty_card'

/** Identities in the order a conflict or a look-up reports them. */
export const identityFields: Array<{ field: IdentityField; key: keyof Identities }> = [
  { field: 'email', key: 'email' },
  { field: 'phone', key: 'phone' },
  { field: 'loyalty_card', key: 'loyaltyCard' },
]

export const expected: Record<IdentityField, string> = {
  email: 'expected an e-mail address like marie.dupont@example.fr',
  phone:
    'expected a phone number such as 06 12 34 56 78 or +33 6 12 34 56 78 (a foreign number starts with + and its country code)',
  loyalty_card: 'expected the loyalty card number: 8 to 19 digits (spaces and dashes are ignored)',
}

// Plausible, not RFC 5322: one @, no spaces, a dotted domain ending in a 2+ letter TLD.
const EMAIL =
  /^[^\s@]{1,64}@(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u

/** Trimmed, lower-cased e-mail address, or null when it is not a plausible address. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().normalize('NFC').toLowerCase()
  return EMAIL.test(email) ? email : null
}

// Digits and the separators people type; anything else (letters, "ext") is a typing mistake.
const PHONE_CHARS = /^\+?[\d\s.\-()/]+$/

/**
 * E.164 form (+33612345678) of a phone number typed any French way (06 12 34 56 78, 06.12…,
 * +33 6…, 0033 6…) or of a foreign number given with its + country code; null when invalid.
 */
export function normalisePhone(raw: string): string | null {
  const typed = raw.trim()
  if (!PHONE_CHARS.test(typed)) return null
  const phone = parsePhoneNumberFromString(typed, 'FR')
  return phone?.isValid() ? phone.number : null
}

/** The digits of a loyalty card (8 to 19, like card numbers), spaces and dashes removed; else null. */
export function normaliseLoyaltyCard(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '')
  return /^\d{8,19}$/.test(digits) ? digits : null
}

/** A name or an address as displayed: trimmed, single spaces, accents kept. */
export function normaliseName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/g, ' ')
}

const normalisers: Record<IdentityField, (raw: string) => string | null> = {
  email: normaliseEmail,
  phone: normalisePhone,
  loyalty_card: normaliseLoyaltyCard,
}

/**
 * One identifier in canonical form, or a 400 naming `param` (the body field or the query
 * parameter the value came from) and saying what is expected.
 */
export function normaliseIdentity(field: IdentityField, raw: string, param: string = field): string {
  const value = normalisers[field](raw)
  if (value === null) throw invalidInput(param, expected[field], { value: raw })
  return value
}

/** Lower-case, accents removed, single spaces: how a name search compares text. */
export function searchKey(raw: string): string {
  return normaliseName(raw)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/Œ/g, 'oe')
    .replace(/Æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
}

const FOLDED = 'àáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöōőŕřśšşťùúûüūůűųýÿźżž'
const FOLDED_ALL = FOLDED + FOLDED.toUpperCase()

/**
 * The same folding as `searchKey`, for SQL without extensions (no unaccent): `translate` maps each
 * accented letter, upper or lower case, to its plain lower-case letter. Ligatures are replaced first.
 */
export const accentFolding = {
  from: FOLDED_ALL,
  to: [...FOLDED_ALL].map((c) => searchKey(c)).join(''),
  ligatures: [
    ['œ', 'oe'],
    ['Œ', 'oe'],
    ['æ', 'ae'],
    ['Æ', 'ae'],
    ['ß', 'ss'],
  ] as const,
}
