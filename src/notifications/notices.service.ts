import { sql } from 'drizzle-orm'
import { getCustomer } from '../customers/index.ts'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { cachedLocations, type LocationRow } from '../network/index.ts'
import { findOrders, linesOfOrders, type OrderRow } from '../orders/index.ts'
import { newId } from '../shared/ids.ts'
import { notificationSettings } from './settings.ts'
import {
  type Language,
  languageOf,
  type NoticeData,
  render,
  type StoreDetails,
  type TemplateId,
} from './templates.domain.ts'
import { signingSecret, tokenFor, unsubscribeUrl } from './unsubscribe.ts'

/** A message to write for an event: what it says beyond the customer's name and the brand. */
export interface Notice {
  template: TemplateId
  customerId: string | null
  /** The order, return or ticket it is about. */
  subjectRef: string
  data: Omit<NoticeData, 'brand' | 'first_name' | 'unsubscribe_url'>
  /** When it should go (a reminder); now when absent. */
  dueAt?: Date
  /** Sent only to a customer who asked for e-receipts (a sale carried away at a till). */
  requires?: 'e_receipt'
}

export interface Preferences {
  language: Language | null
  email: boolean
  sms: boolean
  e_receipt: boolean
}

export const defaultPreferences: Preferences = { language: null, email: true, sms: false, e_receipt: false }

export async function preferencesOf(q: Executor, customerId: string): Promise<Preferences> {
  const [p] = await rows<Preferences>(
    q,
    sql`SELECT language, email, sms, e_receipt FROM notification_preference WHERE customer_id = ${customerId}`,
  )
  return p ?? defaultPreferences
}

interface RecipientRow {
  id: string
  email: string | null
  phone: string | null
  first_name: string
  country: string
  erased_at: Date | string | null
  merged_into: string | null
  language: Language | null
  pref_email: boolean
  pref_sms: boolean
  e_receipt: boolean
}

const readRecipients = (q: Executor, ids: readonly string[]) =>
  rows<RecipientRow>(
    q,
    sql`SELECT c.id, c.email, c.phone, c.first_name, c.country, c.erased_at, c.merged_into, p.language,
               coalesce(p.email, true) AS pref_email, coalesce(p.sms, false) AS pref_sms,
               coalesce(p.e_receipt, false) AS e_receipt
        FROM customer c LEFT JOIN notification_preference p ON p.customer_id = c.id
        WHERE c.id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(ids)])}::jsonb))`,
  )

/**
 * The customers messages go to, with their preferences, in one read for a whole batch (a merged
 * profile's messages go to its survivor, read after); a customer unknown or erased is absent.
 */
async function recipients(q: Executor, customerIds: readonly string[]): Promise<Map<string, RecipientRow>> {
  const out = new Map<string, RecipientRow>()
  if (customerIds.length === 0) return out
  const merged: Array<[string, string]> = []
  for (const row of await readRecipients(q, customerIds)) {
    if (row.merged_into) merged.push([row.id, (await getCustomer(q, row.id)).id])
    else if (!row.erased_at) out.set(row.id, row)
  }
  if (merged.length > 0) {
    const survivors = new Map(
      (
        await readRecipients(
          q,
          merged.map(([, to]) => to),
        )
      ).map((r) => [r.id, r]),
    )
    for (const [from, to] of merged) {
      const row = survivors.get(to)
      if (row && !row.erased_at) out.set(from, row)
    }
  }
  return out
}

/** A notice to write, with the event it comes from (the messages are unique per event, template and medium). */
export interface QueuedNotice {
  eventId: string
  notice: Notice
}

/**
 * Writes the notice's messages, with the transaction of the event's consumer (see `queueNotices`).
 * Returns how many it wrote.
 */
export async function queueNotice(tx: Tx, eventId: string, notice: Notice): Promise<number> {
  return queueNotices(tx, [{ eventId, notice }])
}

/**
 * Writes the messages of a batch of notices in one read of their customers and one insert: one per
 * medium each customer keeps on (e-mail by default, SMS when they asked for it) and has an address
 * for, in their language. A customer erased, or with every medium off, gets nothing; a notice that
 * requires e-receipts goes only to a customer who asked for them. Written once per event, template and
 * medium: a second delivery of the event writes nothing. Returns how many it wrote.
 */
export async function queueNotices(tx: Tx, notices: readonly QueuedNotice[]): Promise<number> {
  const wanted = notices.filter((n) => n.notice.customerId)
  if (wanted.length === 0) return 0
  const customers = await recipients(
    tx,
    wanted.map((n) => n.notice.customerId!),
  )
  const settings = notificationSettings()
  let secret: Buffer | undefined
  const out: Array<Record<string, unknown>> = []
  for (const { eventId, notice } of wanted) {
    const customer = customers.get(notice.customerId!)
    if (!customer) continue
    if (notice.requires === 'e_receipt' && !customer.e_receipt) continue
    const lang = languageOf(customer.language, customer.country)
    const base: NoticeData = { ...notice.data, brand: settings.brand, first_name: customer.first_name }
    const common = {
      event_id: eventId,
      template: notice.template,
      customer_id: customer.id,
      subject_ref: notice.subjectRef,
      language: lang,
      due_at: (notice.dueAt ?? new Date()).toISOString(),
    }
    if (customer.pref_email && customer.email) {
      secret ??= await signingSecret(tx)
      const link = unsubscribeUrl(settings.publicUrl, tokenFor(secret, customer.id))
      const m = render(notice.template, lang, { ...base, unsubscribe_url: link })
      out.push({
        ...common,
        id: newId('msg'),
        channel: 'email',
        address: customer.email,
        subject: m.subject,
        text: m.text,
        html: m.html,
      })
    }
    if (customer.pref_sms && customer.phone) {
      const m = render(notice.template, lang, base)
      out.push({
        ...common,
        id: newId('msg'),
        channel: 'sms',
        address: customer.phone,
        subject: m.subject,
        text: m.sms,
        html: null,
      })
    }
  }
  if (out.length === 0) return 0
  const written = await rows(
    tx,
    sql`INSERT INTO notification_message
          (id, event_id, template, channel, customer_id, subject_ref, language, address, subject, body_text, body_html, due_at)
        SELECT x.id, x.event_id, x.template, x.channel, x.customer_id, x.subject_ref, x.language,
               x.address, x.subject, x.text, x.html, x.due_at
        FROM jsonb_to_recordset(${JSON.stringify(out)}::jsonb)
          AS x(id text, event_id text, template text, channel text, customer_id text, subject_ref text,
               language text, address text, subject text, text text, html text, due_at timestamptz)
        ON CONFLICT (event_id, template, channel) DO NOTHING
        RETURNING 1`,
  )
  return written.length
}

export function storeDetails(l: LocationRow): StoreDetails {
  return {
    name: l.name,
    address_line: l.addressLine,
    postcode: l.postcode,
    city: l.city,
    timezone: l.timezone,
    opening_hours: l.openingHours,
  }
}

/** A store's details from the locations cached for the consumer's pass (one read a pass, not one a message). */
export async function storeOf(q: Executor, locationId: string | null): Promise<StoreDetails | null> {
  if (!locationId) return null
  const location = (await cachedLocations(q)).get(locationId)
  return !location || location.kind === 'warehouse' ? null : storeDetails(location)
}

export type OrderContext = NonNullable<Awaited<ReturnType<typeof orderContext>>>

/** The order as a message tells it: number, lines, total, and the store it is sold or collected at. */
export async function orderContext(q: Executor, orderId: string) {
  return (await orderContexts(q, [orderId])).get(orderId) ?? null
}

/** Several orders as their messages tell them, in two reads (orders, lines) for a whole batch. */
export async function orderContexts(q: Executor, orderIds: readonly string[]) {
  const ids = [...new Set(orderIds)]
  const out = new Map<
    string,
    { order: OrderRow; lines: Awaited<ReturnType<typeof linesOfOrders>>; data: OrderData }
  >()
  if (ids.length === 0) return out
  const [found, allLines] = [await findOrders(q, ids), await linesOfOrders(q, ids)]
  const linesBy = new Map<string, typeof allLines>()
  for (const l of allLines) {
    const list = linesBy.get(l.order_id)
    if (list) list.push(l)
    else linesBy.set(l.order_id, [l])
  }
  for (const order of found) {
    const lines = linesBy.get(order.id) ?? []
    const pickupAt = lines.find((l) => l.pickup_location_id)?.pickup_location_id ?? null
    out.set(order.id, {
      order,
      lines,
      data: {
        currency: order.currency,
        order_number: String(order.number),
        lines: lines.map((l) => ({ name: l.product_name, quantity: l.quantity, total_cents: l.total_cents })),
        total_cents: order.total_cents,
        store: await storeOf(q, pickupAt ?? order.store_id),
        pickup_code: order.pickup_code,
      },
    })
  }
  return out
}

interface OrderData {
  currency: string
  order_number: string
  lines: Array<{ name: string; quantity: number; total_cents: number }>
  total_cents: number
  store: StoreDetails | null
  pickup_code: string | null
}
