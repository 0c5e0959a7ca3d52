import { boolean, doublePrecision, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'
import type { OpeningHours } from './opening-hours.domain.ts'

export const locations = pgTable('location', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['warehouse', 'store', 'dark_store'] }).notNull(),
  /** Stores are company-owned (succursale) or franchised; warehouses are always owned. */
  ownership: text('ownership', { enum: ['owned', 'franchised'] })
    .notNull()
    .default('owned'),
  addressLine: text('address_line').notNull().default(''),
  postcode: text('postcode').notNull().default(''),
  city: text('city').notNull(),
  country: text('country').notNull().default('FR'),
  inseeCode: text('insee_code'),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  timezone: text('timezone').notNull().default('Europe/Paris'),
  openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull(),
  fulfilmentModes: text('fulfilment_modes').array().notNull(),
  /** Click & collect preparations a store can handle per day. */
  dailyPrepCapacity: integer('daily_prep_capacity').notNull().default(0),
  /** A franchised store ships web orders only when it opted in (owned stores ship when they offer delivery). */
  shipFromStoreOptIn: boolean('ship_from_store_opt_in').notNull().default(false),
  /**
   * The store cluster it belongs to (e.g. `flagship`, `city`, `outlet`): listing rules and price lists
   * may differ per cluster. Null: no cluster, the channel's offer as it is.
   */
  cluster: text('cluster'),
  /** Minutes to prepare an order once it reaches the location (pick and pack). */
  prepLeadMinutes: integer('prep_lead_minutes').notNull().default(120),
  ...timestamps,
})
