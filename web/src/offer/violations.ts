import { euro } from '../format'
import type { Lang } from '../i18n'

type Money = { channel: string; cents: number }

/** A coherence policy's broken rule, as the API reports it (src/offer/coherence.domain.ts). */
export type Violation =
  | { rule: 'spread_pct'; lowest: Money; highest: Money; spread_pct: number; max_spread_pct: number }
  | { rule: 'spread_cents'; lowest: Money; highest: Money; spread_cents: number; max_spread_cents: number }
  | { rule: 'direction'; cheaper: Money; dearer: Money }
  | {
      rule: 'floor'
      channel: string
      cents: number
      floor_cents: number
      cost_cents: number
      min_margin_pct: number
    }
  | { rule: 'price_point'; channel: string; cents: number; allowed_endings: number[] }
  | {
      rule: 'competitor'
      channel: string
      cents: number
      competitor: string
      competitor_cents: number
      max_cents: number
      max_above_pct: number
    }

const n = (x: number) => x.toLocaleString('fr-FR', { maximumFractionDigits: 2 })

/** A broken rule in a sentence, with channels by name: what the policy asks and what the prices are. */
export function describeViolation(raw: unknown, lang: Lang, channel: (code: string) => string): string {
  const v = raw as Violation
  const fr = lang === 'fr'
  switch (v.rule) {
    case 'spread_pct':
      return fr
        ? `Écart de ${n(v.spread_pct)} % entre ${channel(v.lowest.channel)} (${euro(v.lowest.cents)}) et ${channel(v.highest.channel)} (${euro(v.highest.cents)}) : ${n(v.max_spread_pct)} % au plus.`
        : `${n(v.spread_pct)} % apart between ${channel(v.lowest.channel)} (${euro(v.lowest.cents)}) and ${channel(v.highest.channel)} (${euro(v.highest.cents)}): ${n(v.max_spread_pct)} % at most.`
    case 'spread_cents':
      return fr
        ? `Écart de ${euro(v.spread_cents)} entre ${channel(v.lowest.channel)} et ${channel(v.highest.channel)} : ${euro(v.max_spread_cents)} au plus.`
        : `${euro(v.spread_cents)} apart between ${channel(v.lowest.channel)} and ${channel(v.highest.channel)}: ${euro(v.max_spread_cents)} at most.`
    case 'direction':
      return fr
        ? `${channel(v.cheaper.channel)} (${euro(v.cheaper.cents)}) doit être moins cher que ${channel(v.dearer.channel)} (${euro(v.dearer.cents)}).`
        : `${channel(v.cheaper.channel)} (${euro(v.cheaper.cents)}) must be cheaper than ${channel(v.dearer.channel)} (${euro(v.dearer.cents)}).`
    case 'floor':
      return fr
        ? `${channel(v.channel)} à ${euro(v.cents)}, sous le prix plancher de ${euro(v.floor_cents)} (coût ${euro(v.cost_cents)}, marge minimale ${n(v.min_margin_pct)} %).`
        : `${channel(v.channel)} at ${euro(v.cents)}, under the floor of ${euro(v.floor_cents)} (cost ${euro(v.cost_cents)}, minimum margin ${n(v.min_margin_pct)} %).`
    case 'price_point':
      return fr
        ? `${channel(v.channel)} à ${euro(v.cents)} : le prix doit finir par ${v.allowed_endings.map((e) => String(e).padStart(2, '0')).join(', ')} centimes.`
        : `${channel(v.channel)} at ${euro(v.cents)}: the price must end in ${v.allowed_endings.map((e) => String(e).padStart(2, '0')).join(', ')} cents.`
    case 'competitor':
      return fr
        ? `${channel(v.channel)} à ${euro(v.cents)}, plus de ${n(v.max_above_pct)} % au-dessus de ${v.competitor} (${euro(v.competitor_cents)}) : ${euro(v.max_cents)} au plus.`
        : `${channel(v.channel)} at ${euro(v.cents)}, over ${n(v.max_above_pct)} % above ${v.competitor} (${euro(v.competitor_cents)}): ${euro(v.max_cents)} at most.`
    default:
      return fr ? 'Règle de cohérence non respectée.' : 'Coherence rule broken.'
  }
}
