/**
 * French company identifiers and intra-EU VAT numbers, checked before a business account is
 * written: a SIREN (9 digits) and a SIRET (SIREN + 5-digit establishment number) carry a Luhn
 * check digit; a VAT number has the format its member state publishes (VIES), and a French one
 * carries a key computed from the SIREN.
 */

/** The Luhn check (ISO/IEC 7812) over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** Spaces, dots and dashes people type inside identifiers, removed; letters upper-cased. */
export function compact(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase()
}

export function validSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnValid(siren)
}

/** La Poste's establishments share one SIREN and follow their own rule (sum of digits divisible by 5). */
const LA_POSTE = '356000000'

export function validSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false
  if (siret.startsWith(LA_POSTE) && siret !== '35600000000048') {
    return [...siret].reduce((s, c) => s + Number(c), 0) % 5 === 0
  }
  return luhnValid(siret)
}

/** The format of each member state's VAT number after its prefix (EL for Greece, XI for Northern Ireland). */
export const vatFormats: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
}

/** The French VAT key: (12 + 3 × (SIREN mod 97)) mod 97, two digits. */
export function frenchVatKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0')
}

export type VatCheck = { ok: true; country: string } | { ok: false; reason: string }

/**
 * Whether a VAT number has its member state's format; a French one with a numeric key must carry the
 * key of its SIREN, and the SIREN of the account when one is given.
 */
export function checkVatNumber(vat: string, siren?: string | null): VatCheck {
  const prefix = vat.slice(0, 2)
  const body = vat.slice(2)
  const format = vatFormats[prefix]
  if (!format) return { ok: false, reason: `"${prefix}" is not an EU member state prefix (Greece is EL)` }
  if (!format.test(body)) return { ok: false, reason: `does not have the format of a ${prefix} VAT number` }
  if (prefix === 'FR') {
    const key = body.slice(0, 2)
    const vatSiren = body.slice(2)
    if (!validSiren(vatSiren)) return { ok: false, reason: 'does not end with a valid SIREN' }
    if (/^\d{2}$/.test(key) && key !== frenchVatKey(vatSiren)) {
      return { ok: false, reason: `has the key ${key} where its SIREN gives ${frenchVatKey(vatSiren)}` }
    }
    if (siren && vatSiren !== siren) return { ok: false, reason: 'is not the VAT number of this SIREN' }
  }
  return { ok: true, country: prefix === 'EL' ? 'GR' : prefix === 'XI' ? 'GB' : prefix }
}
