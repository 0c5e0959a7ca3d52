import type { Executor } from '../db/database.ts'
import { cachedLocations } from '../network/index.ts'
import type { Actor } from '../shared/actor.ts'
import { type Lang, statementCsv, statementHtml } from './statement-render.domain.ts'
import { franchiseeFor, getStatement } from './statements.service.ts'

/** A monthly statement as a CSV file to download, named after the franchisee and the period. */
export async function statementCsvFile(q: Executor, actor: Actor, ref: string, period: string, lang: Lang) {
  const f = await franchiseeFor(q, actor, ref)
  const s = await getStatement(q, actor, f.id, period)
  return { filename: `releve-${f.code}-${s.period}.csv`, csv: statementCsv(s, f.name, lang) }
}

/** A monthly statement as a page to print, its stores named. */
export async function statementPage(q: Executor, actor: Actor, ref: string, period: string, lang: Lang) {
  const f = await franchiseeFor(q, actor, ref)
  const s = await getStatement(q, actor, f.id, period)
  const names = new Map([...(await cachedLocations(q)).values()].map((l) => [l.id, l.name]))
  return statementHtml(s, f, names, lang)
}
