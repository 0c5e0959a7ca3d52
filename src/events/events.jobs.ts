import { loggableError } from '../db/loggable-error.ts'
import type { Job } from '../jobs/job.ts'
import { closeNats, natsSettings, publishToNats } from './nats.ts'
import { type EventConsumer, runConsumer, sequenceEvents } from './relay.ts'
import { pruneEvents, retentionDays } from './retention.ts'
import { deliverWebhooks, drainWebhookSends } from './webhooks.sender.ts'

// The relay's passes run every 200 ms: an event reaches a webhook receiver or JetStream within about
// half a second of its commit (one pass to publish it, one to hand it on), well under the 1 s target,
// for one cheap read per idle pass.
const RELAY_INTERVAL_S = 0.2

/** Gives committed events their position, in commit order (relay.ts). */
const sequence: Job = {
  id: 'events.sequence',
  intervalS: RELAY_INTERVAL_S,
  run: (db) => sequenceEvents(db),
}

/** Hands published events to webhook subscriptions and sends those due; sends finish on their own. */
const webhooks: Job = {
  id: 'events.deliver-webhooks',
  intervalS: RELAY_INTERVAL_S,
  run: (db, log) => deliverWebhooks(db, log),
  drain: (db) => drainWebhookSends(db),
}

/** Publishes to NATS JetStream when NATS_URL is set; does nothing otherwise. */
function natsJob(): Job {
  let down = false
  return {
    id: 'events.publish-nats',
    intervalS: RELAY_INTERVAL_S,
    async run(db, log) {
      const settings = natsSettings()
      if (!settings) return 0
      try {
        const n = await publishToNats(db, settings)
        if (down) log.info({ job: 'events.publish-nats' }, 'NATS reachable again; waiting events are flowing')
        down = false
        return n
      } catch (err) {
        // An outage is one warning, not one error every 200 ms: the events wait in the outbox.
        if (!down) {
          log.warn(
            { job: 'events.publish-nats', error: loggableError(err) },
            'NATS unreachable; events wait in the outbox and are published when it is back',
          )
        }
        down = true
        return 0
      }
    },
    drain: () => closeNats(),
  }
}

/** Deletes delivered events older than PASSERELLE_EVENT_RETENTION_DAYS (30 by default). */
const prune: Job = {
  id: 'events.prune',
  intervalS: 3600,
  run: (db, _log, signal) => pruneEvents(db, retentionDays(), signal),
}

/** A consumer run as a job of its own (its id is the job's): each event applied once, in order. */
export function consumerJob(consumer: EventConsumer, intervalS = RELAY_INTERVAL_S): Job {
  return { id: consumer.id, intervalS, run: (db) => runConsumer(db, consumer) }
}

export const eventsJobs: Job[] = [sequence, webhooks, natsJob(), prune]
