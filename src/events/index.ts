// The face of src/events: what capabilities and the composition may use. Capabilities record their
// facts here; they never read the outbox tables themselves. Recording one, in the fact's transaction:
//
//   await db.transaction(async (tx) => {
//     await tx.execute(sql`UPDATE service_ticket SET status = ${to} WHERE id = ${id}`)
//     await recordEvents(tx, [
//       ticketEvents.event('ticket.status_changed', {
//         aggregateId: id,
//         actor: byApiKey(actor.keyId),
//         payload: { ticket_id: id, from_status: from, to_status: to },
//       }),
//     ])
//   })
//
// or in the fact's own statement: `ev AS (${outboxInsert(events, gate)})` in a drizzle sql`WITH …`;
// `outboxCte(gate)` among the CTEs of a statement built with src/db/statement.ts, its parameter from
// `outboxValues(events)`; `outboxInsertFrom(group, type, actor, sql`SELECT aggregate_id, payload …`)`
// for events only the statement can know (a batch: the ids are made by the database); or
// `ev AS (${outboxInsertText('$35', '(SELECT ok FROM go)')})` in a hand-written prepared statement given
// `eventRecords(events)` as $35. The gate should read the CTE that locks the aggregate's row, so the
// event is inserted after the lock is taken (events of one aggregate then go out in their order).

export {
  type BatchConsumer,
  batchConsumer,
  batchConsumerJob,
  catchUpBatchConsumer,
  isBatchConsumer,
  runBatchConsumer,
} from './batch.ts'
export * from './catalogue.ts'
export {
  byApiKey,
  byJob,
  byLedgerActor,
  bySystem,
  defineEvents,
  type EventActor,
  type EventDefinition,
  type EventGroup,
  ledgerActorOf,
  type NewEvent,
  type PublishedEvent,
} from './define.ts'
export { eventsErrors } from './events.errors.ts'
export { consumerJob, eventsJobs } from './events.jobs.ts'
export { asyncApiRoute, eventsRoutes } from './events.routes.ts'
export {
  eventRecords,
  outboxCte,
  outboxInsert,
  outboxInsertFrom,
  outboxInsertText,
  outboxValues,
  recordEvents,
} from './outbox.ts'
export { type EventConsumer, runConsumer, sequenceEvents } from './relay.ts'
