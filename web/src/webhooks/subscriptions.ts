// Pure rules of the webhooks screen: what a subscription's event types mean, grouped as the form shows
// them; what URL the API will refuse; the replay range typed in local time.

/** What a subscription names: everything (`*`), a whole family (`order.*`) or one type (`order.placed`). */
export type Pattern = { kind: 'all' } | { kind: 'family'; family: string } | { kind: 'type'; type: string }

export function parsePattern(pattern: string): Pattern {
  if (pattern === '*') return { kind: 'all' }
  if (pattern.endsWith('.*')) return { kind: 'family', family: pattern.slice(0, -2) }
  return { kind: 'type', type: pattern }
}

export interface CatalogueEntry {
  type: string
  family: string
}

/** The catalogue's types by family, families and types in the catalogue's order. */
export function groupByFamily<E extends CatalogueEntry>(
  entries: readonly E[],
): { family: E['family']; types: E[] }[] {
  const groups = new Map<string, { family: E['family']; types: E[] }>()
  for (const e of entries) {
    const group = groups.get(e.family) ?? { family: e.family, types: [] as E[] }
    group.types.push(e)
    groups.set(e.family, group)
  }
  return [...groups.values()]
}

/** The form's choice: everything, whole families (their future types included), single types. */
export interface Choice {
  all: boolean
  families: ReadonlySet<string>
  types: ReadonlySet<string>
}

export const emptyChoice: Choice = { all: false, families: new Set(), types: new Set() }

export function choiceOf(patterns: readonly string[]): Choice {
  const families = new Set<string>()
  const types = new Set<string>()
  let all = false
  for (const p of patterns.map(parsePattern)) {
    if (p.kind === 'all') all = true
    else if (p.kind === 'family') families.add(p.family)
    else types.add(p.type)
  }
  return { all, families, types }
}

/**
 * The patterns the API is sent: `*` alone for everything; a chosen family as `family.*`, and the single
 * types only of families not chosen whole (a family covers them).
 */
export function patternsOf(choice: Choice, catalogue: readonly CatalogueEntry[]): string[] {
  if (choice.all) return ['*']
  const families = [...new Set(catalogue.map((e) => e.family))].filter((f) => choice.families.has(f))
  const types = catalogue
    .filter((e) => choice.types.has(e.type) && !choice.families.has(e.family))
    .map((e) => e.type)
  return [...families.map((f) => `${f}.*`), ...types]
}

/** Whether a type is received under a choice (itself, its family or everything). */
export function covers(choice: Choice, entry: CatalogueEntry): boolean {
  return choice.all || choice.families.has(entry.family) || choice.types.has(entry.type)
}

export type UrlProblem = 'empty' | 'notAbsolute' | 'scheme' | 'credentials' | 'fragment'

/** Why the API would refuse a webhook URL (src/events/webhooks.domain.ts), or null when it is fine. */
export function urlProblem(raw: string): UrlProblem | null {
  const text = raw.trim()
  if (!text) return 'empty'
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'notAbsolute'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme'
  if (!url.hostname) return 'notAbsolute'
  if (url.username || url.password) return 'credentials'
  if (url.hash) return 'fragment'
  return null
}

/** A `datetime-local` field's value (local time, no zone) as the instant the API takes; null if invalid. */
export function localToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** An instant as a `datetime-local` field shows it, in local time, to the minute. */
export function isoToLocal(iso: string | Date): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const locale = (lang: 'fr' | 'en') => (lang === 'fr' ? 'fr-FR' : 'en-GB')

/** A duration in milliseconds the way the language writes numbers: "1 234 ms" in French, "1,234 ms" in English. */
export function milliseconds(ms: number, lang: 'fr' | 'en'): string {
  return `${ms.toLocaleString(locale(lang))} ms`
}

/** A date and time to the second (a delivery log tells attempts a second apart). */
export function instant(iso: string, lang: 'fr' | 'en'): string {
  return new Date(iso).toLocaleString(locale(lang), { dateStyle: 'short', timeStyle: 'medium' })
}
