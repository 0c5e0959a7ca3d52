import { timestamp } from 'drizzle-orm/pg-core'

/** Every table carries these; `updated_at` is set by the statements that change a row. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}
