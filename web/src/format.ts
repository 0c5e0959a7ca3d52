import type { Lang } from './i18n'

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })

/** Euro amounts the French way in both languages (1 234,56 €): the brand sells in France. */
export function euro(cents: number): string {
  return euros.format(cents / 100)
}

/** "12,5" or "12.50" typed by a cashier → cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const clean = text.replace(/[\s\u202f€]/g, '').replace(',', '.')
  if (!/^\d+(\.\d{0,2})?$/.test(clean)) return null
  return Math.round(Number(clean) * 100)
}

/** Cents as a field shows them for editing: "12,50". */
export function centsInput(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',')
}

export function dateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  })
}

export function percent(rate: number): string {
  return `${rate.toLocaleString('fr-FR')} %`
}

/** A number the French way (decimal comma): "-3,2"; "—" when there is none. */
export function decimal(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('fr-FR', { maximumFractionDigits: 3 })
}

/** A calendar day ("2026-03-14") as staff read it: 14/03/2026, or 14/03/2026 in English too. */
export function day(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  if (!y || !m || !d) return iso
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'UTC',
  })
}

/** A month ("2026-11") as staff read it: "novembre 2026", "November 2026". */
export function monthName(period: string, lang: Lang): string {
  const [y, m] = period.split('-').map(Number)
  if (!y || !m) return period
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/** The month before today's, "2026-11" on any day of December 2026. */
export function lastMonth(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}
