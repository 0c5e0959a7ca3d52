import { sql } from 'drizzle-orm'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { returnReasons } from './returns.domain.ts'
import { loadPolicies } from './returns.store.ts'

export interface ReturnPolicyInput {
  channel_id?: string | null
  category?: string | null
  window_days: number
  returnable?: boolean
  reasons?: string[]
  conditions?: string[]
}

/** Sets the policy of one scope (channel and/or category; neither is the default), replacing it. */
export const putReturnPolicy = inTransaction(putReturnPolicyIn)

export async function putReturnPolicyIn(tx: Tx, input: ReturnPolicyInput) {
  const channelId = input.channel_id ?? null
  const category = input.category ?? null
  if (channelId) {
    const [c] = await rows(tx, sql`SELECT 1 FROM channel WHERE id = ${channelId}`)
    if (!c) throw invalidInput('channel_id', `no channel ${channelId}`)
  }
  input.reasons?.forEach((r, i) => {
    if (!(returnReasons as readonly string[]).includes(r)) {
      throw invalidInput(`reasons/${i}`, `must be one of ${returnReasons.join(', ')}`)
    }
  })
  await tx.execute(
    sql`INSERT INTO return_policy (id, channel_id, category, window_days, returnable, reasons, conditions)
        VALUES (${newId('pol')}, ${channelId}, ${category}, ${input.window_days}, ${input.returnable ?? true},
                ${JSON.stringify(input.reasons ?? [])}::jsonb, ${JSON.stringify(input.conditions ?? [])}::jsonb)
        ON CONFLICT (coalesce(channel_id, ''), coalesce(category, '')) DO UPDATE SET
          window_days = excluded.window_days, returnable = excluded.returnable, reasons = excluded.reasons,
          conditions = excluded.conditions, updated_at = now()`,
  )
  return listPolicies(tx)
}

export async function listPolicies(q: Executor) {
  return (await loadPolicies(q)).map((p) => ({
    id: p.id,
    channel_id: p.channelId,
    category: p.category,
    window_days: p.windowDays,
    returnable: p.returnable,
    reasons: p.reasons,
    conditions: p.conditions,
  }))
}
