/** The analytics answers as CSV tables: the same figures as the JSON, one row per line of the report. */
import type {
  cannibalisation,
  customerView,
  migration,
  pooledCannibalisation,
  ropoView,
  sales,
} from './analytics.service.ts'
import { toCsv } from './csv.domain.ts'

type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>

export const salesCsv = (r: Answer<typeof sales>) => toCsv(r.data)

export const customersCsv = (r: Answer<typeof customerView>) => toCsv(r.multichannel)

/** One row per channel spend left: where it went (to_<code>), what it kept, lost and added. */
export function migrationCsv(r: Answer<typeof migration>) {
  return toCsv(
    r.channels.map((c, i) => ({
      from_channel: c.code,
      ...Object.fromEntries(r.channels.map((t, k) => [`to_${t.code}`, r.flows_cents[i]![k]!])),
      kept: r.kept_cents[i]!,
      lost: r.lost_cents[i]!,
      added: r.added_cents[i]!,
      before: r.before_cents[i]!,
      after: r.after_cents[i]!,
    })),
  )
}

/** The treated store, then each comparison store, before and after the launch. */
export function cannibalisationCsv(r: Answer<typeof cannibalisation>) {
  return toCsv([
    {
      store: r.store,
      role: 'treated',
      before_cents: r.before.sales_cents,
      after_cents: r.after.sales_cents,
    },
    ...r.comparison.stores.map((s) => ({
      store: s.store,
      role: 'comparison',
      before_cents: s.before_cents,
      after_cents: s.after_cents,
    })),
  ])
}

/** One row per store that opened the service, with its own effect. */
export function pooledCannibalisationCsv(r: Answer<typeof pooledCannibalisation>) {
  return toCsv(
    r.stores.map((s) => ({
      store: s.store,
      launched_on: s.launched_on,
      before_cents: s.before_cents,
      after_cents: s.after_cents,
      counterfactual_cents: s.counterfactual_cents,
      effect_pct: s.effect_pct,
    })),
  )
}

export function ropoCsv(r: Answer<typeof ropoView>) {
  const { by_kind, ...rest } = r
  return toCsv([{ ...rest, ...by_kind }])
}
