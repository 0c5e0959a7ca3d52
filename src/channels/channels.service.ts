import { asc, eq, getTableColumns, gt, inArray, or, type SQL, sql } from 'drizzle-orm'
import { announceChange } from '../db/changes.ts'
import { type Executor, inTransaction, type Tx } from '../db/database.ts'
import { invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { codeResolver } from '../shared/refs.ts'
import { type ChannelKind, type FulfilmentMode, invalidChannelModes } from './channels.domain.ts'
import { conflict, notFound } from './channels.errors.ts'
import { channels, priceLists } from './channels.schema.ts'
import { ensurePriceList } from './price-lists.service.ts'

export type ChannelRow = typeof channels.$inferSelect
/** A channel with the code of its price list, as the API shows it. */
export type ChannelView = ChannelRow & { priceListCode: string }

export interface NewChannel {
  code: string
  name: string
  kind: ChannelKind
  currency?: string
  price_list_code?: string
  fulfilment_modes: FulfilmentMode[]
  draft_hold_minutes?: number
  pickup_expiry_days?: number
  routing?: Record<string, unknown> | null
  collects_payment?: boolean
}

export interface ChannelChange {
  name?: string
  fulfilment_modes?: FulfilmentMode[]
  draft_hold_minutes?: number
  pickup_expiry_days?: number
  routing?: Record<string, unknown> | null
  collects_payment?: boolean
}

/** The channel named by this id or code. */
export async function getChannel(q: Executor, ref: string): Promise<ChannelRow> {
  const [row] = await q
    .select()
    .from(channels)
    .where(byRef(ref))
    .orderBy(sql`${channels.id} = ${ref} DESC`)
    .limit(1)
  if (!row) throw notFound('channel', ref)
  return row
}

/** The first `limit` channels of a kind, oldest id first. */
export async function channelsOfKind(q: Executor, kind: ChannelKind, limit: number): Promise<ChannelRow[]> {
  return q.select().from(channels).where(eq(channels.kind, kind)).orderBy(asc(channels.id)).limit(limit)
}

/** Channels named in requests by id or code (`WEB`): the id, from a cache of the codes. */
export const channelRefs = codeResolver<Executor>('channel', 'chn', (q) =>
  q.select({ id: channels.id, code: channels.code }).from(channels),
)

const CHANNEL_TTL_MS = 5_000
const channelCache = new WeakMap<
  object,
  Map<string, { channel: ChannelRow; at: number; generation: number }>
>()
/** Bumped by every channel change made in this process: its cached channels are then read again. */
let channelGeneration = 0

/**
 * `getChannel` for the read paths taken on every page view and every order (availability, placing an
 * order): channels change a few times a year, so they are kept for a few seconds. A change made by
 * this process clears them (`forgetCachedChannels`); one made by another server shows after at most 5 s.
 */
export async function cachedChannel(q: Executor, ref: string): Promise<ChannelRow> {
  let byRef = channelCache.get(q)
  if (!byRef) {
    byRef = new Map()
    channelCache.set(q, byRef)
  }
  const hit = byRef.get(ref)
  if (hit && hit.generation === channelGeneration && Date.now() - hit.at < CHANNEL_TTL_MS) return hit.channel
  const generation = channelGeneration
  const channel = await getChannel(q, ref)
  if (byRef.size >= 1_000) byRef.clear()
  byRef.set(ref, { channel, at: Date.now(), generation })
  return channel
}

/** Drops every cached channel of this process: the next read of each goes to the database. */
/** The change topic of channels (src/db/changes.ts): every server process drops its cached channels on it. */
export const channelsTopic = 'channels'

export function forgetCachedChannels() {
  channelGeneration++
}

/** The channels named by these ids or codes, keyed by every ref that names one. */
export async function channelsByRef(q: Executor, refs: string[]): Promise<Map<string, ChannelRow>> {
  const wanted = [...new Set(refs)]
  if (wanted.length === 0) return new Map()
  const found = await q
    .select()
    .from(channels)
    .where(or(inArray(channels.id, wanted), inArray(channels.code, wanted)))
  const map = new Map<string, ChannelRow>()
  for (const c of found) map.set(c.code, c)
  for (const c of found) map.set(c.id, c)
  return map
}

export async function getChannelView(q: Executor, ref: string): Promise<ChannelView> {
  const [row] = await views(q, byRef(ref)).orderBy(sql`${channels.id} = ${ref} DESC`).limit(1)
  if (!row) throw notFound('channel', ref)
  return row
}

/** Channels ordered by id, `limit + 1` rows for `toPage`. */
export async function listChannels(q: Executor, limit: number, cursor?: string): Promise<ChannelView[]> {
  return views(q, cursor ? gt(channels.id, cursor) : undefined)
    .orderBy(asc(channels.id))
    .limit(limit + 1)
}

/**
 * Opens a channel with its price list: the list named by `price_list_code` (the channel code by
 * default) is used if it exists, created otherwise.
 */
export async function createChannel(tx: Tx, input: NewChannel): Promise<ChannelView> {
  const problem = invalidChannelModes(input.kind, input.fulfilment_modes)
  if (problem) throw invalidInput('fulfilment_modes', problem)
  const currency = input.currency ?? 'EUR'
  const priceList = await ensurePriceList(
    tx,
    { code: input.price_list_code ?? input.code, name: `${input.name} price list`, currency },
    'price_list_code',
  )
  const [row] = await tx
    .insert(channels)
    .values({
      id: newId('chn'),
      code: input.code,
      name: input.name,
      kind: input.kind,
      currency,
      priceListId: priceList.id,
      fulfilmentModes: input.fulfilment_modes,
      draftHoldMinutes: input.draft_hold_minutes ?? 30,
      pickupExpiryDays: input.pickup_expiry_days ?? 7,
      routing: input.routing ?? null,
      // Partners (marketplaces, distributors) take the customer's money unless told otherwise.
      collectsPayment: input.collects_payment ?? input.kind === 'partner',
    })
    .onConflictDoNothing()
    .returning()
  if (!row) {
    throw conflict('already_exists', `A channel with code ${input.code} already exists.`, {
      field: 'code',
      value: input.code,
    })
  }
  return { ...row, priceListCode: priceList.code }
}

export const updateChannel = inTransaction(updateChannelIn)

async function updateChannelIn(tx: Tx, ref: string, change: ChannelChange): Promise<ChannelView> {
  forgetCachedChannels()
  await announceChange(tx, channelsTopic)
  const current = await getChannel(tx, ref)
  if (change.fulfilment_modes) {
    const problem = invalidChannelModes(current.kind, change.fulfilment_modes)
    if (problem) throw invalidInput('fulfilment_modes', problem)
  }
  await tx
    .update(channels)
    .set({
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.fulfilment_modes === undefined ? {} : { fulfilmentModes: change.fulfilment_modes }),
      ...(change.draft_hold_minutes === undefined ? {} : { draftHoldMinutes: change.draft_hold_minutes }),
      ...(change.pickup_expiry_days === undefined ? {} : { pickupExpiryDays: change.pickup_expiry_days }),
      ...(change.routing === undefined ? {} : { routing: change.routing }),
      ...(change.collects_payment === undefined ? {} : { collectsPayment: change.collects_payment }),
      updatedAt: new Date(),
    })
    .where(eq(channels.id, current.id))
  return getChannelView(tx, current.id)
}

function byRef(ref: string) {
  return or(eq(channels.id, ref), eq(channels.code, ref))
}

function views(q: Executor, where: SQL | undefined) {
  return q
    .select({ ...getTableColumns(channels), priceListCode: priceLists.code })
    .from(channels)
    .innerJoin(priceLists, eq(priceLists.id, channels.priceListId))
    .where(where)
    .$dynamic()
}
