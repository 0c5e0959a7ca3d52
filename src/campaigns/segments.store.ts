import { type SQL, sql } from 'drizzle-orm'
import { consentGranted } from '../customers/index.ts'
import { type Executor, rows } from '../db/database.ts'
import { tierCodeOf } from '../loyalty/index.ts'
import { shopperProfiles } from '../relationship/index.ts'
import type { SegmentFilter } from './campaigns.contract.ts'
import { needsProfiles, profileMatches } from './segments.domain.ts'

const PARIS = 'Europe/Paris'
const list = (values: readonly string[]) =>
  sql`(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`

/**
 * The customers of the base with what a segment filters on, one row each: money spent (orders bought,
 * net of refunds), the last purchase, the channels bought in, the loyalty tier now, and whether the
 * consent to marketing by e-mail is in force. Erased and merged profiles are left out.
 */
function base(f: SegmentFilter): SQL {
  const since = f.spend?.months
    ? sql`FILTER (WHERE o.created_at >= now() - make_interval(months => ${f.spend.months}))`
    : sql``
  return sql`WITH segment_bought AS (
      SELECT o.customer_id, coalesce(sum(o.total_cents - o.refunded_cents) ${since}, 0)::bigint AS spend_cents,
             max(o.created_at) AS last_at, jsonb_agg(DISTINCT ch.code) AS channels
      FROM orders o JOIN channel ch ON ch.id = o.channel_id
      WHERE o.customer_id IS NOT NULL AND o.status NOT IN ('draft', 'expired', 'cancelled')
      GROUP BY o.customer_id),
    segment_member AS (
      SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.postcode, c.city, c.country,
             coalesce(b.spend_cents, 0)::bigint AS spend_cents, b.last_at,
             coalesce(b.channels, '[]'::jsonb) AS channels,
             ${tierCodeOf(sql`c.id`)} AS tier,
             ${consentGranted(sql`c.id`, 'marketing', 'email')} AS email_consent
      FROM customer c LEFT JOIN segment_bought b ON b.customer_id = c.id
      WHERE c.erased_at IS NULL AND c.merged_into IS NULL)`
}

/** The filter's criteria the database answers, as one condition over `segment_member` (values are parameters). */
function where(f: SegmentFilter): SQL {
  const conds: SQL[] = [sql`true`]
  if (f.channels_used) conds.push(sql`channels ?| ARRAY${list(f.channels_used)}`)
  if (f.tiers) conds.push(sql`tier IN ${list(f.tiers)}`)
  if (f.spend?.min_cents !== undefined) conds.push(sql`spend_cents >= ${f.spend.min_cents}`)
  if (f.spend?.max_cents !== undefined) conds.push(sql`spend_cents <= ${f.spend.max_cents}`)
  const lp = f.last_purchase
  if (lp?.never) conds.push(sql`last_at IS NULL`)
  if (lp?.after) conds.push(sql`last_at >= (${lp.after}::date)::timestamp AT TIME ZONE ${PARIS}`)
  if (lp?.before) conds.push(sql`last_at < (${lp.before}::date)::timestamp AT TIME ZONE ${PARIS}`)
  for (const c of f.consents ?? []) {
    const granted = consentGranted(sql`segment_member.id`, c.purpose, c.medium)
    conds.push(c.granted ? granted : sql`NOT ${granted}`)
  }
  return sql.join(conds, sql` AND `)
}

export interface MemberRow {
  id: string
  first_name: string
  last_name: string
  email: string | null
  phone: string | null
  postcode: string
  city: string
  country: string
  spend_cents: number
  last_at: Date | string | null
  channels: string[]
  tier: string | null
  email_consent: boolean
}

/**
 * The segment's customers, in id order: the database's criteria in one statement, then the shopper
 * profile and home store (rules of the 360 view) read for those left, in chunks, when the filter asks.
 */
export async function members(q: Executor, f: SegmentFilter): Promise<MemberRow[]> {
  const found = await rows<MemberRow>(
    q,
    sql`${base(f)} SELECT * FROM segment_member WHERE ${where(f)} ORDER BY id`,
  )
  if (!needsProfiles(f)) return found.map((m) => ({ ...m, spend_cents: Number(m.spend_cents) }))
  const out: MemberRow[] = []
  for (let i = 0; i < found.length; i += 2000) {
    const chunk = found.slice(i, i + 2000)
    const profiles = await shopperProfiles(
      q,
      chunk.map((m) => m.id),
    )
    for (const m of chunk)
      if (profileMatches(f, profiles.get(m.id))) out.push({ ...m, spend_cents: Number(m.spend_cents) })
  }
  return out
}

/** How many customers a segment has now, and how many of them a campaign would e-mail. */
export async function countMembers(q: Executor, f: SegmentFilter) {
  if (needsProfiles(f)) {
    const all = await members(q, f)
    return {
      customers: all.length,
      reachable_by_email: all.filter((m) => m.email && m.email_consent).length,
    }
  }
  const [c] = await rows<{ customers: number; reachable_by_email: number }>(
    q,
    sql`${base(f)} SELECT count(*)::int AS customers,
                          count(*) FILTER (WHERE email IS NOT NULL AND email_consent)::int AS reachable_by_email
        FROM segment_member WHERE ${where(f)}`,
  )
  return c!
}
