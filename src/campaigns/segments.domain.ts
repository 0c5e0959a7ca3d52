import type { ShopperProfile } from '../relationship/index.ts'

/** The shopper profiles of the 360 view (src/relationship/shopper-profile.domain.ts). */
export const shopperKinds = [
  'mobile_shopper',
  'impulse_buyer',
  'assisted_buyer',
  'local_buyer',
  'comparison_shopper',
] as const

/** What the profile criteria of a segment ask; the others are answered by the database. */
export interface ProfileCriteria {
  shopper_profiles?: readonly string[]
  home_stores?: readonly string[]
}

export const needsProfiles = (f: ProfileCriteria) => !!(f.shopper_profiles || f.home_stores)

/** Whether a customer's shopper profile meets a segment's profile criteria (any label listed, any home store listed). */
export function profileMatches(f: ProfileCriteria, p: ShopperProfile | undefined): boolean {
  if (f.shopper_profiles && !p?.labels.some((l) => f.shopper_profiles!.includes(l.kind))) return false
  if (f.home_stores && !(p?.home_store && f.home_stores.includes(p.home_store.store_id))) return false
  return true
}

/** A criterion that can hold for nobody: the field it names and why. */
export function contradiction(f: {
  spend?: { min_cents?: number; max_cents?: number }
  last_purchase?: { after?: string; before?: string; never?: boolean }
}): { field: string; message: string } | null {
  if (
    f.spend?.min_cents !== undefined &&
    f.spend.max_cents !== undefined &&
    f.spend.min_cents > f.spend.max_cents
  )
    return { field: 'filter.spend', message: 'min_cents is above max_cents: no customer can match.' }
  const lp = f.last_purchase
  if (lp?.after && lp.before && lp.after >= lp.before)
    return { field: 'filter.last_purchase', message: 'after must be a day before before.' }
  if (lp?.never && (lp.after || lp.before))
    return {
      field: 'filter.last_purchase',
      message: 'never excludes after and before: give one or the other.',
    }
  return null
}

/**
 * One CSV table (RFC 4180, comma, CRLF). A cell a spreadsheet would run as a formula (=, +, -, @, a
 * tab or a carriage return first: a customer's name is typed by anyone) is quoted with a leading
 * apostrophe, as OWASP advises.
 */
export function toCsv(header: readonly string[], lines: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const cell = (v: unknown) => {
    let s = v === null || v === undefined ? '' : String(v)
    if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
  }
  return `${[header, ...lines].map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`
}
