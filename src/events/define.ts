import type { Static, TObject } from 'typebox'
import { Compile, type Validator } from 'typebox/compile'
import { newId } from '../shared/ids.ts'
import type { actorKinds } from './events.schema.ts'

/** Who caused a fact: an API key (its id), a background job (its id) or the system. Never personal data. */
export interface EventActor {
  kind: (typeof actorKinds)[number]
  id: string | null
}

export const byApiKey = (keyId: string): EventActor => ({ kind: 'api_key', id: keyId })
export const byJob = (jobId: string): EventActor => ({ kind: 'job', id: jobId })
export const bySystem: EventActor = { kind: 'system', id: null }
/** The actor as the ledgers name it (`order_event.actor`, `stock_movement.actor`): a key id, or `system`. */
export const byLedgerActor = (actor: string): EventActor => (actor === 'system' ? bySystem : byApiKey(actor))
/** The other way: the ledger's actor of an effect a consumer writes for an event (`system` but for a key). */
export const ledgerActorOf = (actor: EventActor): string =>
  actor.kind === 'api_key' && actor.id ? actor.id : 'system'

/** One event type of the catalogue: its payload's schema, its version, the aggregate it is about. */
export interface EventDefinition<P extends TObject = TObject> {
  /** `<aggregate>.<what happened>` in the past tense: `order.placed`. */
  type: string
  /** Bumped when the payload changes incompatibly; a consumer reads `version` before `payload`. */
  version: number
  /** What `aggregate_id` names: `order`, `stock`… Events of one aggregate are delivered in order. */
  aggregate: string
  summary: string
  payload: P
}

type Specs = Record<string, { version: number; summary: string; payload: TObject; aggregate?: string }>

/** An event ready to be recorded: validated, with its id. */
export interface NewEvent {
  id: string
  type: string
  version: number
  aggregateType: string
  aggregateId: string
  occurredAt?: Date
  actor: EventActor
  payload: Record<string, unknown>
}

/** A family of events (`order.*`), as a capability declares them in its `<cap>.events.ts`. */
export interface EventGroup<S extends Specs = Specs> {
  /** The aggregate its events are about, unless a type names another. */
  aggregate: string
  definitions: EventDefinition[]
  /** A new event of this group, its payload checked against its schema (throws when it does not fit). */
  event<T extends keyof S & string>(
    type: T,
    fact: { aggregateId: string; actor: EventActor; payload: Static<S[T]['payload']>; occurredAt?: Date },
  ): NewEvent
}

/**
 * Declares a family of event types and the aggregate they are about (`aggregate` on a type overrides it:
 * `payment.captured` is about its order, so that it is delivered in order with the order's events):
 * `defineEvents('order', { 'order.placed': { version: 1, summary, payload: Type.Object(…) } })`.
 * Payload schemas are TypeBox objects: they type `event(…)`, check each payload when it is recorded and
 * are published in the AsyncAPI document.
 */
export function defineEvents<const S extends Specs>(aggregate: string, specs: S): EventGroup<S> {
  const definitions: EventDefinition[] = []
  const checks = new Map<string, { def: EventDefinition; validator: () => Validator }>()
  for (const [type, spec] of Object.entries(specs)) {
    const def: EventDefinition = { type, aggregate, ...spec }
    definitions.push(def)
    let compiled: Validator | undefined
    // Compiled on first use: a process compiles only the checks of the events it records.
    checks.set(type, { def, validator: () => (compiled ??= Compile(spec.payload)) })
  }
  return {
    aggregate,
    definitions,
    event(type, fact) {
      const check = checks.get(type)
      if (!check) throw new Error(`unknown event type ${type}`)
      const validator = check.validator()
      if (!validator.Check(fact.payload)) {
        const [first] = validator.Errors(fact.payload)
        throw new Error(
          `event ${type}: payload ${first?.instancePath || '/'} ${first?.message ?? 'does not match its schema'}`,
        )
      }
      return {
        id: newId('evt'),
        type,
        version: check.def.version,
        aggregateType: check.def.aggregate,
        aggregateId: fact.aggregateId,
        occurredAt: fact.occurredAt,
        actor: fact.actor,
        payload: fact.payload as Record<string, unknown>,
      }
    },
  }
}

/** An event as readers get it (feed, webhooks, NATS): the envelope around the payload. */
export interface PublishedEvent {
  id: string
  type: string
  version: number
  position: number
  aggregate: { type: string; id: string }
  occurred_at: string
  actor: EventActor
  data: Record<string, unknown>
}
