import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { channels } from '../channels/index.ts'
import { timestamps } from '../db/columns.ts'
import { franchisees } from '../franchise/index.ts'
import { locations } from '../network/index.ts'
import { roles } from '../shared/actor.ts'

export const apiKeys = pgTable('api_key', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: roles }).notNull(),
  /** store_staff keys are bound to one store. */
  locationId: text('location_id').references(() => locations.id),
  /** channel and call_centre keys are bound to one channel. */
  channelId: text('channel_id').references(() => channels.id),
  /** franchisee keys are bound to one franchisee: its stores' statements and attributed orders. */
  franchiseeId: text('franchisee_id').references(() => franchisees.id),
  /** A store manager may override refused rules (a return out of policy); the override is recorded. */
  manager: boolean('manager').notNull().default(false),
  /** SHA-256 of the secret; the secret itself is shown once, at creation. */
  secretHash: text('secret_hash').notNull().unique(),
  prefix: text('prefix').notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  ...timestamps,
})

/** First response of every write sent with an Idempotency-Key, replayed on retries. */
export const idempotencyKeys = pgTable(
  'idempotency_key',
  {
    apiKeyId: text('api_key_id').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: jsonb('response_body'),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
)
