import { Type } from '@fastify/type-provider-typebox'
import { errorResponses, Id, IdempotencyHeaders, Nullable, Page, PageQuery } from '../http/schemas.ts'
import { eventFamilies, eventTypes } from './catalogue.ts'
import { actorKinds, deliveryStatuses, webhookStatuses } from './events.schema.ts'

// HTTP shapes of the event feed and the webhook admin API.

export const EventEnvelope = Type.Object({
  id: Type.String({ description: 'evt_ + ULID; the same in every delivery: deduplicate on it.' }),
  type: Type.String({ description: 'e.g. order.placed; every type and its payload: /asyncapi.json.' }),
  version: Type.Integer({ description: 'Version of the payload schema.' }),
  position: Type.Integer({ description: 'Place in the published sequence (commit order, gap-free).' }),
  aggregate: Type.Object({ type: Type.String(), id: Type.String() }),
  occurred_at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ kind: Type.Enum(actorKinds), id: Nullable(Type.String()) }),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'The payload of this type and version.' }),
})

export const FeedQuery = Type.Object({
  after: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,15}$',
      description: 'next_cursor of the previous page; absent or 0: from the oldest event kept.',
    }),
  ),
  types: Type.Optional(
    Type.String({
      maxLength: 2000,
      description: 'Comma-separated event types or families (order.placed,stock.*); absent: all.',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
})

export const FeedPage = Type.Object({
  data: Type.Array(EventEnvelope),
  next_cursor: Type.String({
    description: 'Pass as `after` to read on; the same cursor when nothing new was published yet.',
  }),
  has_more: Type.Boolean({ description: 'More events are waiting: read again at once.' }),
})

export const feedResponses = { 200: FeedPage, 410: Type.Ref('Error'), ...errorResponses }

const EventTypes = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  minItems: 1,
  maxItems: 100,
  description: 'Event types (order.placed), families (order.*) or * for all.',
})

/** One type of the catalogue, as a subscription form lists it (payloads: /asyncapi.json). */
export const EventTypeInfo = Type.Object({
  type: Type.Enum(eventTypes, { description: 'What a subscription or the feed names: order.placed.' }),
  family: Type.Enum(eventFamilies, { description: 'What `<family>.*` subscribes to: order.' }),
  version: Type.Integer({ description: 'Current version of its payload.' }),
  aggregate: Type.String({ description: 'What its aggregate id names; its events arrive in order.' }),
  summary: Type.String(),
})

export const EventTypeList = Type.Object({ data: Type.Array(EventTypeInfo) })

export const LastAttempt = Type.Object(
  {
    attempted_at: Type.String({ format: 'date-time' }),
    ok: Type.Boolean(),
    status_code: Nullable(Type.Integer()),
    error: Nullable(Type.String()),
  },
  { description: 'The latest delivery attempt; null before the first.' },
)

export const Subscription = Type.Object({
  id: Type.String(),
  url: Type.String(),
  event_types: Type.Array(Type.String()),
  description: Nullable(Type.String()),
  status: Type.Enum(webhookStatuses),
  disabled_reason: Nullable(
    Type.String({ description: 'Why it was disabled: after failing for 3 days, or by an administrator.' }),
  ),
  disabled_by: Nullable(
    Type.Enum(['administrator', 'failures'] as const, {
      description: 'Who disabled it: an administrator, or the failures of 3 days; null when active.',
    }),
  ),
  disabled_at: Nullable(Type.String({ format: 'date-time' })),
  failing_since: Nullable(
    Type.String({ format: 'date-time', description: 'Every attempt since then failed; null when healthy.' }),
  ),
  last_attempt: Nullable(LastAttempt),
  created_at: Type.String({ format: 'date-time' }),
})

export const SubscriptionWithSecret = Type.Intersect([
  Subscription,
  Type.Object({
    secret: Type.String({
      description: 'Signing secret (whsec_…): shown this once. Verify Passerelle-Signature with it.',
    }),
  }),
])

export const SubscriptionParams = Type.Object({ id: Id('Webhook subscription id (whk_…).') })

export const CreateSubscription = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'https:// (or http://), no credentials.',
    }),
    event_types: EventTypes,
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)

export const UpdateSubscription = Type.Object(
  {
    url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    event_types: Type.Optional(EventTypes),
    description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    status: Type.Optional(
      Type.Enum(webhookStatuses, {
        description:
          'disabled stops deliveries; active resumes them with events published from now on (replay the gap).',
      }),
    ),
  },
  { additionalProperties: false },
)

export const Attempt = Type.Object({
  id: Type.String(),
  delivery_id: Type.String(),
  event_id: Type.String(),
  event_type: Type.String(),
  attempt: Type.Integer({ description: '1 for the first attempt of this delivery.' }),
  ok: Type.Boolean(),
  status_code: Nullable(Type.Integer({ description: "The receiver's HTTP status; null without an answer." })),
  latency_ms: Type.Integer(),
  error: Nullable(Type.String({ description: 'timeout, connection_refused, host_not_found…' })),
  response_excerpt: Nullable(Type.String({ description: 'The first 500 characters of the answer.' })),
  attempted_at: Type.String({ format: 'date-time' }),
  replay: Type.Boolean(),
  delivery_status: Type.Enum(deliveryStatuses, {
    description: 'pending (retried with backoff), delivered, or failed (given up after 72 h).',
  }),
  next_attempt_at: Nullable(
    Type.String({
      format: 'date-time',
      description: 'When the delivery is tried again, on its latest attempt while it is pending; else null.',
    }),
  ),
})

export const SubscriptionsQuery = Type.Object(PageQuery)

export const AttemptsQuery = Type.Object({
  ...PageQuery,
  outcome: Type.Optional(
    Type.Enum(['ok', 'failed'] as const, {
      description: 'Only the attempts that succeeded, or that failed.',
    }),
  ),
})

export const Replay = Type.Object(
  {
    event_id: Type.Optional(Id('One event to send again (evt_…).')),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Events that occurred from…' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: '…until (excluded).' })),
  },
  { additionalProperties: false, description: 'Either event_id, or from and to.' },
)

export const ReplayResult = Type.Object({
  queued: Type.Integer({ description: 'Deliveries queued, sent in order with the others.' }),
})

export const SecretResult = Type.Object({
  secret: Type.String({ description: 'The new signing secret, shown this once; the old one stops at once.' }),
})

export { errorResponses, IdempotencyHeaders, Page }

export const SubscriptionPage = Page(Subscription)

export const AttemptPage = Page(Attempt)
