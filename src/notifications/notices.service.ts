import { sql } from 'drizzle-orm'
import { type CustomerRow, getCustomer } from '../customers/index.ts'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { getLocation, type LocationRow } from '../network/index.ts'
import { findOrder, linesOfOrders } from '../orders/index.ts'
import { AppError } from '../shared/errors.ts'
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
import { unsubscribeToken, unsubscribeUrl } from './unsubscribe.ts'

/** A message to write for an event: what it says beyond the customer's name and the brand. */
export interface Notice {
  template: TemplateId
  customerId: string | null
  /** The order, return or ticket it is about. */
  subjectRef: string
  data: Omit<NoticeData, 'brand' | 'first_name' | 'unsubscribe_url'>
  /** When it should go (a reminder); now when absent. */
  dueAt?: Date
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

/** The customer a message goes to, or null when there is none to write to (unknown, erased). */
async function recipient(q: Executor, customerId: string): Promise<CustomerRow | null> {
  try {
    const customer = await getCustomer(q, customerId)
    return customer.erasedAt ? null : customer
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null
    throw err
  }
}

/**
 * Writes the notice's messages, with the transaction of the event's consumer: one per medium the
 * customer keeps on (e-mail by default, SMS when they asked for it) and has an address for, in their
 * language. A customer erased, or with every medium off, gets nothing. Written once per event,
 * template and medium: a second delivery of the event writes nothing. Returns how many it wrote.
 */
export async function queueNotice(tx: Tx, eventId: string, notice: Notice): Promise<number> {
  if (!notice.customerId) return 0
  const customer = await recipient(tx, notice.customerId)
  if (!customer) return 0
  const prefs = await preferencesOf(tx, customer.id)
  const lang = languageOf(prefs.language, customer.country)
  const settings = notificationSettings()
  const base: NoticeData = { ...notice.data, brand: settings.brand, first_name: customer.firstName }
  const out: Array<Record<string, unknown>> = []
  if (prefs.email && customer.email) {
    const link = unsubscribeUrl(settings.publicUrl, await unsubscribeToken(tx, customer.id))
    const m = render(notice.template, lang, { ...base, unsubscribe_url: link })
    out.push({ channel: 'email', address: customer.email, subject: m.subject, text: m.text, html: m.html })
  }
  if (prefs.sms && customer.phone) {
    const m = render(notice.template, lang, base)
    out.push({ channel: 'sms', address: customer.phone, subject: m.subject, text: m.sms, html: null })
  }
  if (out.length === 0) return 0
  const written = await rows(
    tx,
    sql`INSERT INTO notification_message
          (id, event_id, template, channel, customer_id, subject_ref, language, address, subject, body_text, body_html, due_at)
        SELECT x.id, ${eventId}, ${notice.template}, x.channel, ${customer.id}, ${notice.subjectRef}, ${lang},
               x.address, x.subject, x.text, x.html, ${(notice.dueAt ?? new Date()).toISOString()}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(out.map((o) => ({ ...o, id: newId('msg') })))}::jsonb)
          AS x(id text, channel text, address text, subject text, text text, html text)
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

export async function storeOf(q: Executor, locationId: string | null): Promise<StoreDetails | null> {
  if (!locationId) return null
  const location = await getLocation(q, locationId)
  return location.kind === 'warehouse' ? null : storeDetails(location)
}

/** The order as a message tells it: number, lines, total, and the store it is sold or collected at. */
export async function orderContext(q: Executor, orderId: string) {
  const order = await findOrder(q, orderId)
  if (!order) return null
  const lines = await linesOfOrders(q, [orderId])
  const pickupAt = lines.find((l) => l.pickup_location_id)?.pickup_location_id ?? null
  const data = {
    currency: order.currency,
    order_number: String(order.number),
    lines: lines.map((l) => ({ name: l.product_name, quantity: l.quantity, total_cents: l.total_cents })),
    total_cents: order.total_cents,
    store: await storeOf(q, pickupAt ?? order.store_id),
    pickup_code: order.pickup_code,
  }
  return { order, lines, data }
}
