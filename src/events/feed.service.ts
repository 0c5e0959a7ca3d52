import type { Executor } from '../db/database.ts'
import { eventTypes } from './catalogue.ts'
import { fail } from './events.errors.ts'
import { checkPatterns, matchesAny } from './patterns.ts'
import { feedPage, oldestPosition } from './relay.ts'

/** A page of the pull feed: published events after a position, of some types or families. */
export async function readFeed(q: Executor, query: { after?: string; types?: string; limit?: number }) {
  const after = Number(query.after ?? '0')
  const limit = query.limit ?? 100
  const patterns = query.types
    ? checkPatterns(
        'types',
        query.types
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== ''),
        eventTypes,
      )
    : []
  const types =
    patterns.length === 0 || patterns.includes('*') ? [] : eventTypes.filter((t) => matchesAny(patterns, t))
  if (after > 0) {
    const oldest = await oldestPosition(q)
    // Positions are gap-free: an oldest kept position past after + 1 means the events between were pruned.
    if (oldest !== null && oldest > after + 1) {
      throw fail(
        'cursor_expired',
        `Events after ${after} were pruned (kept: from position ${oldest}). Read again from after=${oldest - 1} ` +
          'and reconcile the gap through the API.',
        { oldest_position: oldest },
      )
    }
  }
  return feedPage(q, after, limit, types.length > 0 ? types : undefined)
}
