/*
 * What a cell of an import file may say, read the way French retail files say it: prices in euros
 * with a comma or a point (12,90 or 12.90), yes as oui, VAT in percent (5,5). Cells come from CSV
 * (text) or JSON Lines (text, numbers, booleans, objects); an empty cell is a value left out.
 */

export type Cell = unknown

/** A cell read: its value, or why it cannot be read. */
export type Read<T> = { ok: T } | { problem: string }

/** The text of a cell, trimmed; undefined when empty or left out. Numbers are read as typed. */
export function text(cell: Cell): string | undefined {
  if (cell === undefined || cell === null) return undefined
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell)
  if (typeof cell !== 'string') return undefined
  const t = cell.trim()
  return t === '' ? undefined : t
}

const EUROS = /^(\d{1,7})(?:[.,](\d{1,2}))?$/

/**
 * Cents of a price in euros: `12,90`, `12.90`, `12`, `1 290,00`, `12,90 €`; at most two decimals
 * (a tariff in tenths of a cent is a typing mistake, not a rounding to make silently).
 */
export function euros(raw: string): Read<number> {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '')
  const m = EUROS.exec(compact)
  if (!m) {
    return { problem: `${raw} is not a price in euros; write it like 12,90 or 12.90 (at most two decimals)` }
  }
  return { ok: Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) }
}

/** Euros of a price in cents, as a file writes it back: 1290 → 12.90. */
export function centsToEuros(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

/** A percent typed `20`, `5,5`, `5.5` or `5,5 %`; null when it is not a number. */
export function percent(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '')
  return /^\d{1,3}(?:[.,]\d{1,2})?$/.test(compact) ? Number(compact.replace(',', '.')) : null
}

/** A whole number of units, 0 or more (a count: 12, not 12,0 nor -1). */
export function units(raw: string): Read<number> {
  if (!/^\d{1,9}$/.test(raw)) return { problem: `${raw} is not a whole number of units (0 or more)` }
  return { ok: Number(raw) }
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'true', 'vrai', '1'])
const NO = new Set(['non', 'n', 'no', 'false', 'faux', '0'])

/** oui / non (or yes / no, true / false, 1 / 0). */
export function yesNo(raw: string): Read<boolean> {
  const t = raw.toLowerCase()
  if (YES.has(t)) return { ok: true }
  if (NO.has(t)) return { ok: false }
  return { problem: `${raw} is neither oui nor non (yes / no, 1 / 0)` }
}

/**
 * Attributes of a variant: `taille=M|couleur=bleu` in CSV (a bar, since `;` and `,` separate cells),
 * an object of texts in JSON Lines. In CSV a name holds neither `|` nor `=`, a value no `|`.
 */
export function attributes(cell: Cell): Read<Record<string, string>> | undefined {
  if (cell !== null && typeof cell === 'object' && !Array.isArray(cell)) {
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(cell as Record<string, unknown>)) {
      if (typeof v !== 'string' && typeof v !== 'number') return { problem: `attribute ${k} is not a text` }
      out[k.trim()] = String(v).trim()
    }
    return checkedAttributes(out)
  }
  const raw = text(cell)
  if (raw === undefined) return undefined
  const out: Record<string, string> = {}
  for (const part of raw.split('|')) {
    if (part.trim() === '') continue
    const eq = part.indexOf('=')
    if (eq <= 0)
      return { problem: `${part.trim()} is not name=value; write attributes like taille=M|couleur=bleu` }
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  return checkedAttributes(out)
}

function checkedAttributes(out: Record<string, string>): Read<Record<string, string>> {
  const entries = Object.entries(out)
  if (entries.length > 50) return { problem: 'a variant has at most 50 attributes' }
  const bad = entries.find(([k, v]) => k === '' || k.length > 64 || v.length > 200)
  if (bad)
    return {
      problem: `attribute ${bad[0] || '(no name)'}: a name of 1 to 64 characters, a value of at most 200`,
    }
  return { ok: out }
}

/** Attributes as a CSV cell: `taille=M|couleur=bleu`. */
export function attributesCell(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => `${k}=${v}`)
    .join('|')
}
