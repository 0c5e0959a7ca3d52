import { and, asc, eq, gt, or, sql } from 'drizzle-orm'
import type { FulfilmentMode } from '../channels/index.ts'
import { announceChange } from '../db/changes.ts'
import type { Db, Executor, Tx } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { codeResolver } from '../shared/refs.ts'
import { ttlCache } from '../shared/ttl-cache.ts'
import {
  canonicalTimeZone,
  defaultOpeningHours,
  type LocationKind,
  locationProblem,
  type Ownership,
} from './network.domain.ts'
import { conflict, notFound } from './network.errors.ts'
import { locations } from './network.schema.ts'
import type { OpeningHours } from './opening-hours.domain.ts'

export type LocationRow = typeof locations.$inferSelect

interface LocationFields {
  name?: string
  ownership?: Ownership
  address_line?: string
  postcode?: string
  city?: string
  country?: string
  insee_code?: string | null
  lat?: number
  lon?: number
  timezone?: string
  opening_hours?: OpeningHours
  fulfilment_modes?: FulfilmentMode[]
  daily_prep_capacity?: number
  ship_from_store_opt_in?: boolean
  prep_lead_minutes?: number
  cluster?: string | null
}

export interface NewLocation extends LocationFields {
  code: string
  name: string
  kind: LocationKind
  city: string
  lat: number
  lon: number
  fulfilment_modes: FulfilmentMode[]
}

export type LocationChange = LocationFields

/** The location named by this id or code. */
export async function getLocation(q: Executor, ref: string): Promise<LocationRow> {
  const [row] = await q
    .select()
    .from(locations)
    .where(or(eq(locations.id, ref), eq(locations.code, ref)))
    .orderBy(sql`${locations.id} = ${ref} DESC`)
    .limit(1)
  if (!row) throw notFound('location', ref)
  return row
}

/** Locations named in requests by id or code (`STO-NICE-MASSENA`): the id, from a cache of the codes. */
export const locationRefs = codeResolver<Executor>('location', 'loc', (q) =>
  q.select({ id: locations.id, code: locations.code }).from(locations),
)

/** Every location of the network (a few hundred at most), ordered by id. */
export async function listLocations(q: Executor): Promise<LocationRow[]> {
  return q.select().from(locations).orderBy(asc(locations.id))
}

export interface LocationFilter {
  kind?: LocationKind
  ownership?: Ownership
}

/** Locations matching the filter, ordered by id, `limit + 1` rows for `toPage`. */
export async function pageLocations(q: Executor, filter: LocationFilter, limit: number, cursor?: string) {
  return q
    .select()
    .from(locations)
    .where(
      and(
        filter.kind ? eq(locations.kind, filter.kind) : undefined,
        filter.ownership ? eq(locations.ownership, filter.ownership) : undefined,
        cursor ? gt(locations.id, cursor) : undefined,
      ),
    )
    .orderBy(asc(locations.id))
    .limit(limit + 1)
}

export async function createLocation(tx: Tx, input: NewLocation): Promise<LocationRow> {
  const values = {
    id: newId('loc'),
    code: input.code,
    name: input.name,
    kind: input.kind,
    ownership: input.ownership ?? 'owned',
    addressLine: input.address_line ?? '',
    postcode: input.postcode ?? '',
    city: input.city,
    country: input.country ?? 'FR',
    inseeCode: input.insee_code ?? null,
    lat: input.lat,
    lon: input.lon,
    timezone: timeZone(input.timezone ?? 'Europe/Paris'),
    openingHours: input.opening_hours ?? defaultOpeningHours(),
    fulfilmentModes: input.fulfilment_modes,
    dailyPrepCapacity: input.daily_prep_capacity ?? 0,
    shipFromStoreOptIn: input.ship_from_store_opt_in ?? false,
    prepLeadMinutes: input.prep_lead_minutes ?? 120,
    cluster: input.cluster ?? null,
  }
  assertRules(values)
  const [row] = await tx.insert(locations).values(values).onConflictDoNothing().returning()
  if (!row) {
    throw conflict('already_exists', `A location with code ${input.code} already exists.`, {
      field: 'code',
      value: input.code,
    })
  }
  return row
}

export async function updateLocation(db: Db, ref: string, change: LocationChange): Promise<LocationRow> {
  const row = await db.transaction((tx) => updateLocationIn(tx, ref, change))
  // This process routes with the change at once; other servers within their cache's 5 s.
  forgetCachedLocations(db)
  return row
}

async function updateLocationIn(tx: Tx, ref: string, change: LocationChange): Promise<LocationRow> {
  await announceChange(tx, locationsTopic)
  const current = await getLocation(tx, ref)
  const set = {
    ...(change.name === undefined ? {} : { name: change.name }),
    ...(change.ownership === undefined ? {} : { ownership: change.ownership }),
    ...(change.address_line === undefined ? {} : { addressLine: change.address_line }),
    ...(change.postcode === undefined ? {} : { postcode: change.postcode }),
    ...(change.city === undefined ? {} : { city: change.city }),
    ...(change.country === undefined ? {} : { country: change.country }),
    ...(change.insee_code === undefined ? {} : { inseeCode: change.insee_code }),
    ...(change.lat === undefined ? {} : { lat: change.lat }),
    ...(change.lon === undefined ? {} : { lon: change.lon }),
    ...(change.timezone === undefined ? {} : { timezone: timeZone(change.timezone) }),
    ...(change.opening_hours === undefined ? {} : { openingHours: change.opening_hours }),
    ...(change.fulfilment_modes === undefined ? {} : { fulfilmentModes: change.fulfilment_modes }),
    ...(change.daily_prep_capacity === undefined ? {} : { dailyPrepCapacity: change.daily_prep_capacity }),
    ...(change.ship_from_store_opt_in === undefined
      ? {}
      : { shipFromStoreOptIn: change.ship_from_store_opt_in }),
    ...(change.prep_lead_minutes === undefined ? {} : { prepLeadMinutes: change.prep_lead_minutes }),
    ...(change.cluster === undefined ? {} : { cluster: change.cluster }),
  }
  assertRules({ ...current, ...set })
  const [row] = await tx
    .update(locations)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(locations.id, current.id))
    .returning()
  return row!
}

function timeZone(name: string): string {
  const canonical = canonicalTimeZone(name)
  if (!canonical) throw invalidInput('timezone', `${name} is not an IANA time zone; use e.g. Europe/Paris`)
  return canonical
}

function assertRules(l: Pick<LocationRow, 'kind' | 'ownership' | 'fulfilmentModes' | 'openingHours'>) {
  const problem = locationProblem({ ...l, fulfilmentModes: l.fulfilmentModes as FulfilmentMode[] })
  if (problem) throw invalidInput(problem.field, problem.message)
}

/** Locations change a few times a year; availability is checked on every page view. */
const locationCache = new WeakMap<object, ReturnType<typeof ttlCache<Map<string, LocationRow>>>>()

export function cachedLocations(q: Executor): Promise<Map<string, LocationRow>> {
  let cache = locationCache.get(q)
  if (!cache) {
    cache = ttlCache(async () => {
      const list = await listLocations(q)
      return new Map(list.map((l) => [l.id, l]))
    }, 5_000)
    locationCache.set(q, cache)
  }
  return cache.get()
}

/** The change topic of locations (src/db/changes.ts): every server process drops its cached locations on it. */
export const locationsTopic = 'locations'

export function forgetCachedLocations(q: Executor) {
  locationCache.get(q)?.clear()
}
