// The face of src/events: what capabilities and the composition may use. Capabilities record their
// facts here; they never read the outbox tables themselves.

export { catalogue, eventTypes } from './catalogue.ts'
export {
  byApiKey,
  byJob,
  bySystem,
  defineEvents,
  type EventActor,
  type EventDefinition,
  type EventGroup,
  type NewEvent,
  type PublishedEvent,
} from './define.ts'
export { consumerJob, eventsJobs } from './events.jobs.ts'
export { asyncApiRoute, eventsRoutes } from './events.routes.ts'
export { eventRecords, outboxInsert, outboxInsertText, recordEvents } from './outbox.ts'
export { type EventConsumer, runConsumer } from './relay.ts'
