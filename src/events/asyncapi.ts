import { type TSchema, Type } from 'typebox'
import type { EventDefinition, EventGroup } from './define.ts'
import { actorKinds } from './events.schema.ts'
import type { NatsSettings } from './nats.ts'

/** The envelope every reader gets (feed, webhooks, NATS) around one type's payload. */
export function envelopeSchema(def: EventDefinition): TSchema {
  return Type.Object(
    {
      id: Type.String({
        description: 'evt_ + ULID. The same in every delivery of the event: deduplicate on it.',
      }),
      type: Type.Literal(def.type),
      version: Type.Literal(def.version, { description: 'The payload version; read it before `data`.' }),
      position: Type.Integer({
        minimum: 1,
        description: 'Place in the published sequence (commit order, gap-free): the feed cursor.',
      }),
      aggregate: Type.Object({
        type: Type.Literal(def.aggregate),
        id: Type.String({ description: 'Events of one aggregate are delivered in their order.' }),
      }),
      occurred_at: Type.String({ format: 'date-time' }),
      actor: Type.Object({
        kind: Type.Union(actorKinds.map((k) => Type.Literal(k))),
        id: Type.Union([Type.String(), Type.Null()], {
          description: 'The API key id or job id that caused it; never personal data.',
        }),
      }),
      data: def.payload,
    },
    { additionalProperties: false },
  )
}

const key = (type: string) => type.replaceAll('.', '_')

/**
 * The AsyncAPI 3 document of the catalogue: one channel per event type (its NATS subject), the message
 * and its JSON Schema from the TypeBox definitions, so the document cannot drift from what is sent.
 */
export function asyncApiDocument(catalogue: readonly EventGroup[], nats?: NatsSettings) {
  const definitions = catalogue.flatMap((g) => g.definitions)
  const prefix = nats?.subjectPrefix ?? 'passerelle'
  const channels: Record<string, unknown> = {}
  const operations: Record<string, unknown> = {}
  const messages: Record<string, unknown> = {}
  for (const def of definitions) {
    const k = key(def.type)
    messages[k] = {
      name: def.type,
      title: def.type,
      summary: def.summary,
      contentType: 'application/json',
      payload: JSON.parse(JSON.stringify(envelopeSchema(def))),
    }
    channels[k] = {
      address: `${prefix}.${def.type}`,
      description: `${def.summary} Webhook subscriptions and the feed name it \`${def.type}\`.`,
      messages: { [k]: { $ref: `#/components/messages/${k}` } },
    }
    operations[`publish_${k}`] = {
      action: 'send',
      summary: `Passerelle publishes ${def.type}`,
      channel: { $ref: `#/channels/${k}` },
      messages: [{ $ref: `#/channels/${k}/messages/${k}` }],
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Passerelle events',
      version: '1',
      description:
        'Every business fact, recorded with the change that caused it and published once committed, at ' +
        'least once, in order per aggregate. Read them three ways: webhooks (POST of the envelope, signed ' +
        'with `Passerelle-Signature: t=…,v1=…`, see docs/webhooks.md), the pull feed ' +
        '`GET /api/v1/events?after=<position>&types=…`, or NATS JetStream subjects `' +
        `${prefix}.<type>\` (message id = event id).`,
    },
    defaultContentType: 'application/json',
    ...(nats
      ? {
          servers: {
            nats: {
              host: nats.url.split(',')[0]!.replace(/^[a-z]+:\/\//, ''),
              protocol: 'nats',
              description: `JetStream stream ${nats.stream}.`,
            },
          },
        }
      : {}),
    channels,
    operations,
    components: { messages },
  }
}
