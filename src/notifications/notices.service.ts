import { sql } from 'drizzle-orm'
import { getCustomer } from '../customers/index.ts'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { cachedLocations, type LocationRow } from '../network/index.ts'
import { findOrder, linesOfOrders } from '../orders/index.ts'
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
  secret: string | null
}

/**
 * The customer a message goes to, their preferences and the link-signing secret, in one read (the
 * consumer's passes make it for every message); null when there is none to write to (unknown, erased).
 */
async function recipient(q: Executor, customerId: string): Promise<RecipientRow | null> {
  const read = (id: string) =>
    rows<RecipientRow>(
      q,
      sql`SELECT c.id, c.email, c.phone, c.first_name, c.country, c.erased_at, c.merged_into, p.language,
                 coalesce(p.email, true) AS pref_email, coalesce(p.sms, false) AS pref_sms,
                 coalesce(p.e_receipt, false) AS e_receipt,
                 (SELECT secret FROM notification_secret WHERE id = 'unsubscribe') AS secret
          FROM customer c LEFT JOIN notification_preference p ON p.customer_id = c.id
          WHERE c.id = ${id}`,
    )
  let [row] = await read(customerId)
  if (row?.merged_into) [row] = await read((await getCustomer(q, customerId)).id)
  return row && !row.erased_at ? row : null
}

/**
 * Writes the notice's messages, with the transaction of the event's consumer: one per medium the
 * customer keeps on (e-mail by default, SMS when they asked for it) and has an address for, in their
 * language. A customer erased, or with every medium off, gets nothing; a notice that requires
 * e-receipts goes only to a customer who asked for them. Written once per event, template and medium:
 * a second delivery of the event writes nothing. Returns how many it wrote.
 */
export async function queueNotice(tx: Tx, eventId: string, notice: Notice): Promise<number> {
  if (!notice.customerId) return 0
  const customer = await recipient(tx, notice.customerId)
  if (!customer) return 0
  if (notice.requires === 'e_receipt' && !customer.e_receipt) return 0
  const lang = languageOf(customer.language, customer.country)
  const settings = notificationSettings()
  const base: NoticeData = { ...notice.data, brand: settings.brand, first_name: customer.first_name }
  const out: Array<Record<string, unknown>> = []
  if (customer.pref_email && customer.email) {
    const secret = customer.secret ? Buffer.from(customer.secret, 'base64url') : await signingSecret(tx)
    const link = unsubscribeUrl(settings.publicUrl, tokenFor(secret, customer.id))
    const m = render(notice.template, lang, { ...base, unsubscribe_url: link })
    out.push({ channel: 'email', address: customer.email, subject: m.subject, text: m.text, html: m.html })
  }
  if (customer.pref_sms && customer.phone) {
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

/** A store's details from the locations cached for the consumer's pass (one read a pass, not one a message). */
export async function storeOf(q: Executor, locationId: string | null): Promise<StoreDetails | null> {
  if (!locationId) return null
  const location = (await cachedLocations(q)).get(locationId)
  return !location || location.kind === 'warehouse' ? null : storeDetails(location)
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
