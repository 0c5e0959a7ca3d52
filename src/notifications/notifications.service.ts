import { sql } from 'drizzle-orm'
import { recordConsents, visibleCustomer } from '../customers/index.ts'
import { type Db, type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { getLocation, type OpeningHours } from '../network/index.ts'
import type { Actor } from '../shared/actor.ts'
import {
  orderContext,
  type Preferences,
  preferencesOf,
  queueNotice,
  storeDetails,
} from './notices.service.ts'
import { fail, notFound, refused } from './notifications.errors.ts'
import { notificationSettings } from './settings.ts'
import { type Language, render, type StoreDetails, type TemplateId, templateIds } from './templates.domain.ts'
import { customerOfToken } from './unsubscribe.ts'

const sentOn: Record<TemplateId, string> = {
  order_confirmation:
    'order.placed (not a draft) or order.confirmed; a sale carried away at a till only with e-receipts on',
  pickup_ready: 'pickup.ready',
  pickup_reminder: 'pickup.ready, due a day before the pickup is given up; withdrawn once collected',
  pickup_expired: 'pickup.expired',
  shipped: 'order.line_fulfilled of a delivery line (one message per order within 10 minutes)',
  refund_issued: 'return.refunded, order.cancelled, order.line_cancelled (with money refunded)',
  return_received: 'return.received',
  ticket_status_changed: 'ticket.status_changed',
}

export const listTemplates = () => ({
  data: templateIds.map((id) => ({ id, languages: ['fr' as const, 'en' as const], sent_on: sentOn[id] })),
})

const exampleHours: OpeningHours = {
  mon: [['10:00', '19:00']],
  tue: [['10:00', '19:00']],
  wed: [['10:00', '19:00']],
  thu: [['10:00', '19:00']],
  fri: [['10:00', '19:00']],
  sat: [['09:30', '19:30']],
  sun: [],
}

/**
 * A template rendered for the back-office: the brand's name, a store's details (the one asked, else
 * the first store of the network), and an example order's figures.
 */
export async function previewTemplate(q: Executor, id: string, lang: Language, location?: string) {
  if (!(templateIds as readonly string[]).includes(id)) throw notFound('template', id)
  const store = await previewStore(q, location)
  const settings = notificationSettings()
  const rendered = render(id as TemplateId, lang, {
    brand: settings.brand,
    first_name: 'Camille',
    currency: 'EUR',
    order_number: '100042',
    lines: [
      { name: lang === 'fr' ? 'Veste en lin' : 'Linen jacket', quantity: 1, total_cents: 8900 },
      { name: lang === 'fr' ? 'Ceinture cuir' : 'Leather belt', quantity: 2, total_cents: 5000 },
    ],
    total_cents: 13_900,
    store,
    pickup_code: '482913',
    ready_until: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    carrier: 'Colissimo',
    tracking: '6A12345678901',
    refund_cents: 2500,
    return_number: '500017',
    ticket_number: '700023',
    ticket_status: 'at_repairer',
    unsubscribe_url: `${settings.publicUrl}/api/v1/notifications/unsubscribe?token=example`,
  })
  return { template: id as TemplateId, language: lang, ...rendered }
}

async function previewStore(q: Executor, location?: string): Promise<StoreDetails> {
  if (location) return storeDetails(await getLocation(q, location))
  const [first] = await rows<{ id: string }>(
    q,
    sql`SELECT id FROM location WHERE kind = 'store' ORDER BY id LIMIT 1`,
  )
  if (first) return storeDetails(await getLocation(q, first.id))
  return {
    name: 'Magasin exemple',
    address_line: '1 place Bellecour',
    postcode: '69002',
    city: 'Lyon',
    timezone: 'Europe/Paris',
    opening_hours: exampleHours,
  }
}

const preferencesView = (customerId: string, p: Preferences) => ({ customer_id: customerId, ...p })

export async function getPreferences(db: Db, actor: Actor, id: string, login: string | undefined) {
  const customer = await visibleCustomer(db, actor, id, login)
  return preferencesView(customer.id, await preferencesOf(db, customer.id))
}

export const putPreferences = inTransaction(
  async (tx: Tx, actor: Actor, id: string, login: string | undefined, change: Partial<Preferences>) => {
    const customer = await visibleCustomer(tx, actor, id, login)
    const p = { ...(await preferencesOf(tx, customer.id)), ...change }
    await tx.execute(
      sql`INSERT INTO notification_preference (customer_id, language, email, sms, e_receipt)
          VALUES (${customer.id}, ${p.language}, ${p.email}, ${p.sms}, ${p.e_receipt})
          ON CONFLICT (customer_id) DO UPDATE SET language = excluded.language, email = excluded.email,
            sms = excluded.sms, e_receipt = excluded.e_receipt, updated_at = now()`,
    )
    return preferencesView(customer.id, p)
  },
)

/** Who follows an unsubscribe link: recorded as the consent's author. */
const unsubscribeLink: Actor = {
  keyId: 'unsubscribe-link',
  name: 'Unsubscribe link',
  role: 'channel',
  locationId: null,
  channelId: null,
}

/**
 * One click on the link of an e-mail (or a mail client's unsubscribe button, RFC 8058): the
 * customer's consent to marketing by e-mail is withdrawn, recorded like any other statement. Messages
 * about their own orders are not marketing and keep coming (their preferences turn those off).
 */
export const unsubscribe = inTransaction(async (tx: Tx, token: string) => {
  const customerId = await customerOfToken(tx, token)
  if (!customerId) throw fail('invalid_unsubscribe_link', 'This unsubscribe link is not valid.')
  await recordConsents(tx, unsubscribeLink, customerId, [
    { purpose: 'marketing', medium: 'email', granted: false },
  ])
  return customerId
})

export async function assertUnsubscribeToken(q: Executor, token: string): Promise<void> {
  if (!(await customerOfToken(q, token))) {
    throw fail('invalid_unsubscribe_link', 'This unsubscribe link is not valid.')
  }
}

/**
 * The customer at the till asks for this sale's receipt by e-mail: the order confirmation is written
 * now, once per sale (asking twice writes nothing more), to the address on their profile, and goes
 * with the next pass of the sender. A store's staff ask for their store's sales only.
 */
export const requestEReceipt = inTransaction(async (tx: Tx, actor: Actor, orderId: string) => {
  const ctx = await orderContext(tx, orderId)
  if (!ctx || (actor.role === 'store_staff' && ctx.order.store_id !== actor.locationId)) {
    throw notFound('order', orderId)
  }
  if (!ctx.order.customer_id) {
    throw refused(
      'order_without_customer',
      `Order ${ctx.order.number} has no customer to send its receipt to.`,
    )
  }
  const written = await queueNotice(tx, `e-receipt:${ctx.order.id}`, {
    template: 'order_confirmation',
    customerId: ctx.order.customer_id,
    subjectRef: ctx.order.id,
    data: ctx.data,
  })
  const [m] = await rows<{ id: string; status: string; address: string | null }>(
    tx,
    sql`SELECT id, status, address FROM notification_message
        WHERE event_id = ${`e-receipt:${ctx.order.id}`} AND channel = 'email'`,
  )
  return { order_id: ctx.order.id, queued: written > 0, message_id: m?.id ?? null, status: m?.status ?? null }
})
