import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { type Db, rows } from '../db/database.ts'
import { type EventConsumer, runConsumer, sequenceEvents } from '../events/index.ts'
import { settle } from './settle.ts'

/** One step of a consumer's life: a pass, two runners at once, or everything redelivered from the aggregate's first event. */
export type DeliveryStep = 'pass' | 'two-runners' | 'redeliver'

export const deliverySchedules = fc.array(fc.constantFrom<DeliveryStep>('pass', 'two-runners', 'redeliver'), {
  minLength: 1,
  maxLength: 6,
})

/**
 * Delivers an aggregate's events to a real consumer as a crashed or doubled worker would: passes,
 * two runners at the same moment, and its cursor moved back before the aggregate's first event
 * (at-least-once delivery: the same events come again, same ids). Ends settled, after one more
 * redelivery, so every event was delivered at least twice.
 */
export async function deliverAsAWorkerMight(
  db: Db,
  consumer: EventConsumer,
  aggregateId: string,
  schedule: readonly DeliveryStep[],
) {
  while ((await sequenceEvents(db)) > 0);
  const [first] = await rows<{ p: number }>(
    db,
    sql`SELECT min(position) AS p FROM event WHERE aggregate_id = ${aggregateId}`,
  )
  const rewind = async () => {
    await db.execute(
      sql`INSERT INTO event_cursor (id, position) VALUES (${consumer.id}, ${Number(first!.p) - 1})
          ON CONFLICT (id) DO UPDATE SET position = excluded.position`,
    )
  }
  for (const step of [...schedule, 'pass', 'redeliver'] as const) {
    if (step === 'pass') await runConsumer(db, consumer)
    else if (step === 'two-runners') await Promise.all([runConsumer(db, consumer), runConsumer(db, consumer)])
    else await rewind()
  }
  await settle(db)
}
