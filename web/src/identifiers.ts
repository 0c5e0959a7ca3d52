/**
 * What a typed customer identifier is, as the customers API searches it: an e-mail, a loyalty card
 * (13 digits), a phone number in any French form, or else a name.
 */
export function identifierQuery(
  text: string,
): { email: string } | { card: string } | { phone: string } | { q: string } {
  const v = text.trim()
  if (v.includes('@')) return { email: v }
  const digits = v.replace(/[\s.-]/g, '')
  if (/^\d{13}$/.test(digits)) return { card: digits }
  if (/^\+?\d{6,15}$/.test(digits)) return { phone: digits }
  return { q: v }
}
