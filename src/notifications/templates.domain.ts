import type { OpeningHours, Weekday } from '../network/index.ts'

/** What a customer hears about, one template each, in French and English. */
export const templateIds = [
  'order_confirmation',
  'pickup_ready',
  'pickup_reminder',
  'pickup_expired',
  'shipped',
  'refund_issued',
  'return_received',
  'ticket_status_changed',
] as const
export type TemplateId = (typeof templateIds)[number]

export const languages = ['fr', 'en'] as const
export type Language = (typeof languages)[number]

export interface StoreDetails {
  name: string
  address_line: string
  postcode: string
  city: string
  timezone: string
  opening_hours: OpeningHours
}

/** Everything a template may say: ids and figures read from the database, never guessed. */
export interface NoticeData {
  brand: string
  first_name: string
  currency: string
  order_number?: string
  lines?: Array<{ name: string; quantity: number; total_cents: number }>
  total_cents?: number
  store?: StoreDetails | null
  pickup_code?: string | null
  ready_until?: string | null
  carrier?: string | null
  tracking?: string | null
  refund_cents?: number
  return_number?: string
  ticket_number?: string
  ticket_status?: string
  /** A marketing-consent withdrawal link: shown at the foot of e-mails. */
  unsubscribe_url?: string
}

export interface Rendered {
  subject: string
  text: string
  html: string
  sms: string
}

type Words = (d: NoticeData, f: Formats) => { subject: string; paragraphs: string[]; sms: string }

interface Formats {
  money(cents: number): string
  date(iso: string): string
  hours(store: StoreDetails): string[]
  status(s: string): string
}

const dayNames: Record<Language, Record<Weekday, string>> = {
  fr: {
    mon: 'lundi',
    tue: 'mardi',
    wed: 'mercredi',
    thu: 'jeudi',
    fri: 'vendredi',
    sat: 'samedi',
    sun: 'dimanche',
  },
  en: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
}
const weekdayOrder: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

const ticketStatusNames: Record<Language, Record<string, string>> = {
  fr: {
    open: 'ouverte',
    in_progress: 'en cours de traitement',
    waiting_customer: 'en attente de votre réponse',
    at_repairer: 'chez le réparateur',
    resolved: 'résolue',
    closed: 'clôturée',
  },
  en: {
    open: 'open',
    in_progress: 'in progress',
    waiting_customer: 'waiting for your answer',
    at_repairer: 'at the repairer',
    resolved: 'resolved',
    closed: 'closed',
  },
}

// Building an Intl formatter costs far more than using one: one per language and currency or time
// zone serves every message.
const intl = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = intl.get(key) as T | undefined
  if (!f) {
    f = make()
    intl.set(key, f)
  }
  return f
}

function formats(lang: Language, d: NoticeData): Formats {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB'
  const money = formatter(
    `${locale} ${d.currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: d.currency }),
  )
  const timeZone = d.store?.timezone ?? 'Europe/Paris'
  const date = formatter(
    `${locale} @${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }),
  )
  return {
    money: (cents) => money.format(cents / 100),
    date: (iso) => date.format(new Date(iso)),
    hours: (store) =>
      weekdayOrder.map((day) => {
        const ranges = store.opening_hours[day] ?? []
        const closed = lang === 'fr' ? 'fermé' : 'closed'
        const open = ranges.map(([a, b]) => `${a}–${b}`).join(', ')
        return `${dayNames[lang][day]}${lang === 'fr' ? ' : ' : ': '}${open || closed}`
      }),
    status: (s) => ticketStatusNames[lang][s] ?? s,
  }
}

const storeLines = (s: StoreDetails, f: Formats) => [
  `${s.name}, ${s.address_line ? `${s.address_line}, ` : ''}${s.postcode ? `${s.postcode} ` : ''}${s.city}`,
  ...f.hours(s),
]

const lineList = (d: NoticeData, f: Formats) =>
  (d.lines ?? []).map((l) => `${l.quantity} × ${l.name} — ${f.money(l.total_cents)}`)

const words: Record<TemplateId, Record<Language, Words>> = {
  order_confirmation: {
    fr: (d, f) => ({
      subject: `${d.brand} — votre commande n° ${d.order_number} est confirmée`,
      paragraphs: [
        `Bonjour ${d.first_name},`,
        `Merci pour votre commande n° ${d.order_number}.`,
        ...lineList(d, f),
        `Total : ${f.money(d.total_cents ?? 0)}`,
        ...(d.store ? ['Magasin :', ...storeLines(d.store, f)] : []),
      ],
      sms: `${d.brand} : commande n° ${d.order_number} confirmée (${f.money(d.total_cents ?? 0)}).`,
    }),
    en: (d, f) => ({
      subject: `${d.brand} — your order no. ${d.order_number} is confirmed`,
      paragraphs: [
        `Hello ${d.first_name},`,
        `Thank you for your order no. ${d.order_number}.`,
        ...lineList(d, f),
        `Total: ${f.money(d.total_cents ?? 0)}`,
        ...(d.store ? ['Store:', ...storeLines(d.store, f)] : []),
      ],
      sms: `${d.brand}: order no. ${d.order_number} confirmed (${f.money(d.total_cents ?? 0)}).`,
    }),
  },
  pickup_ready: {
    fr: (d, f) => ({
      subject: `${d.brand} — votre commande n° ${d.order_number} vous attend en magasin`,
      paragraphs: [
        `Bonjour ${d.first_name},`,
        `Votre commande n° ${d.order_number} est prête. Présentez ce code de retrait au magasin : ${d.pickup_code ?? '—'}`,
        ...(d.ready_until ? [`Elle vous attend jusqu’au ${f.date(d.ready_until)}.`] : []),
        ...(d.store ? storeLines(d.store, f) : []),
      ],
      sms: `${d.brand} : commande n° ${d.order_number} prête${d.store ? ` à ${d.store.name}` : ''}. Code de retrait ${d.pickup_code ?? '—'}.`,
    }),
    en: (d, f) => ({
      subject: `${d.brand} — your order no. ${d.order_number} is ready to collect`,
      paragraphs: [
        `Hello ${d.first_name},`,
        `Your order no. ${d.order_number} is ready. Show this pickup code at the store: ${d.pickup_code ?? '—'}`,
        ...(d.ready_until ? [`It is kept for you until ${f.date(d.ready_until)}.`] : []),
        ...(d.store ? storeLines(d.store, f) : []),
      ],
      sms: `${d.brand}: order no. ${d.order_number} ready${d.store ? ` at ${d.store.name}` : ''}. Pickup code ${d.pickup_code ?? '—'}.`,
    }),
  },
  pickup_reminder: {
    fr: (d, f) => ({
      subject: `${d.brand} — rappel : votre commande n° ${d.order_number} vous attend`,
      paragraphs: [
        `Bonjour ${d.first_name},`,
        `Votre commande n° ${d.order_number} vous attend toujours${d.ready_until ? `, jusqu’au ${f.date(d.ready_until)}` : ''}. Code de retrait : ${d.pickup_code ?? '—'}`,
        ...(d.store ? storeLines(d.store, f) : []),
      ],
      sms: `${d.brand} : rappel, commande n° ${d.order_number} à retirer. Code ${d.pickup_code ?? '—'}.`,
    }),
    en: (d, f) => ({
      subject: `${d.brand} — reminder: your order no. ${d.order_number} is waiting`,
      paragraphs: [
        `Hello ${d.first_name},`,
        `Your order no. ${d.order_number} is still waiting for you${d.ready_until ? `, until ${f.date(d.ready_until)}` : ''}. Pickup code: ${d.pickup_code ?? '—'}`,
        ...(d.store ? storeLines(d.store, f) : []),
      ],
      sms: `${d.brand}: reminder, order no. ${d.order_number} to collect. Code ${d.pickup_code ?? '—'}.`,
    }),
  },
  pickup_expired: {
    fr: (d) => ({
      subject: `${d.brand} — votre commande n° ${d.order_number} n’a pas été retirée`,
      paragraphs: [
        `Bonjour ${d.first_name},`,
        `Votre commande n° ${d.order_number} n’a pas été retirée à temps${d.store ? ` à ${d.store.name}` : ''} : elle est annulée et vous êtes remboursé(e) des articles non retirés.`,
      ],
      sms: `${d.brand} : commande n° ${d.order_number} non retirée, annulée et remboursée.`,
    }),
    en: (d) => ({
      subject: `${d.brand} — your order no. ${d.order_number} was not collected`,
      paragraphs: [
        `Hello ${d.first_name},`,
        `Your order no. ${d.order_number} was not collected in time${d.store ? ` at ${d.store.name}` : ''}: it is cancelled and the items not collected are refunded.`,
      ],
      sms: `${d.brand}: order no. ${d.order_number} not collected, cancelled and refunded.`,
    }),
  },
  shipped: {
    fr: (d) => ({
      subject: `${d.brand} — votre commande n° ${d.order_number} est en route`,
      paragraphs: [
        `Bonjour ${d.first_name},`,
        `Votre commande n° ${d.order_number} a été expédiée.`,
        ...(d.carrier ? [`Transporteur : ${d.carrier}`] : []),
        ...(d.tracking ? [`Numéro de suivi : ${d.tracking}`] : []),
      ],
      sms: `${d.brand} : commande n° ${d.order_number} expédiée${d.tracking ? `, suivi ${d.tracking}` : ''}.`,
    }),
    en: (d) => ({
      subject: `${d.brand} — your order no. ${d.order_number} is on its way`,
      paragraphs: [
        `Hello ${d.first_name},`,
        `Your order no. ${d.order_number} has shipped.`,
        ...(d.carrier ? [`Carrier: ${d.carrier}`] : []),
        ...(d.tracking ? [`Tracking number: ${d.tracking}`] : []),
      ],
      sms: `${d.brand}: order no. ${d.order_number} shipped${d.tracking ? `, tracking ${d.tracking}` : ''}.`,
    }),
  },
  refund_issued: {
    fr: (d, f) => ({
      subject: `${d.brand} — remboursement de ${f.money(d.refund_cents ?? 0)}`,
      paragraphs: [
        `Bonjour ${d.first_name},`,
        `Nous vous avons remboursé ${f.money(d.refund_cents ?? 0)} pour la commande n° ${d.order_number}${d.return_number ? ` (retour n° ${d.return_number})` : ''}.`,
      ],
      sms: `${d.brand} : remboursement de ${f.money(d.refund_cents ?? 0)} effectué (commande n° ${d.order_number}).`,
    }),
    en: (d, f) => ({
      subject: `${d.brand} — refund of ${f.money(d.refund_cents ?? 0)}`,
      paragraphs: [
        `Hello ${d.first_name},`,
        `We refunded ${f.money(d.refund_cents ?? 0)} for order no. ${d.order_number}${d.return_number ? ` (return no. ${d.return_number})` : ''}.`,
      ],
      sms: `${d.brand}: ${f.money(d.refund_cents ?? 0)} refunded (order no. ${d.order_number}).`,
    }),
  },
  return_received: {
    fr: (d) => ({
      subject: `${d.brand} — nous avons reçu votre retour n° ${d.return_number}`,
      paragraphs: [
        `Bonjour ${d.first_name},`,
        `Nous avons bien reçu les articles de votre retour n° ${d.return_number} (commande n° ${d.order_number})${d.store ? ` à ${d.store.name}` : ''}.`,
      ],
      sms: `${d.brand} : retour n° ${d.return_number} reçu.`,
    }),
    en: (d) => ({
      subject: `${d.brand} — we received your return no. ${d.return_number}`,
      paragraphs: [
        `Hello ${d.first_name},`,
        `We received the items of your return no. ${d.return_number} (order no. ${d.order_number})${d.store ? ` at ${d.store.name}` : ''}.`,
      ],
      sms: `${d.brand}: return no. ${d.return_number} received.`,
    }),
  },
  ticket_status_changed: {
    fr: (d, f) => ({
      subject: `${d.brand} — votre demande SAV n° ${d.ticket_number} est ${f.status(d.ticket_status ?? '')}`,
      paragraphs: [
        `Bonjour ${d.first_name},`,
        `Votre demande de service après-vente n° ${d.ticket_number} est désormais ${f.status(d.ticket_status ?? '')}.`,
      ],
      sms: `${d.brand} : demande SAV n° ${d.ticket_number} ${f.status(d.ticket_status ?? '')}.`,
    }),
    en: (d, f) => ({
      subject: `${d.brand} — your after-sales request no. ${d.ticket_number} is ${f.status(d.ticket_status ?? '')}`,
      paragraphs: [
        `Hello ${d.first_name},`,
        `Your after-sales request no. ${d.ticket_number} is now ${f.status(d.ticket_status ?? '')}.`,
      ],
      sms: `${d.brand}: after-sales request no. ${d.ticket_number} ${f.status(d.ticket_status ?? '')}.`,
    }),
  },
}

const footer: Record<Language, (d: NoticeData) => string[]> = {
  fr: (d) => [
    `— ${d.brand}`,
    ...(d.unsubscribe_url ? [`Ne plus recevoir nos offres par e-mail : ${d.unsubscribe_url}`] : []),
  ],
  en: (d) => [
    `— ${d.brand}`,
    ...(d.unsubscribe_url ? [`Stop receiving our offers by e-mail: ${d.unsubscribe_url}`] : []),
  ],
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** A template in a language over the data: the e-mail's subject, plain text and HTML, and the SMS text. */
export function render(template: TemplateId, lang: Language, d: NoticeData): Rendered {
  const w = words[template][lang](d, formats(lang, d))
  const foot = footer[lang](d)
  const text = [...w.paragraphs, '', ...foot].join('\n')
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif">` +
    w.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `<hr><p>${escapeHtml(`— ${d.brand}`)}</p>` +
    (d.unsubscribe_url
      ? `<p><a href="${escapeHtml(d.unsubscribe_url)}">${escapeHtml(foot.at(-1)!.split(':')[0]!)}</a></p>`
      : '') +
    '</body></html>'
  return { subject: w.subject, text, html, sms: w.sms }
}

/** What head office writes for a campaign, per language: `{{first_name}}` and `{{brand}}` are filled in. */
export interface CampaignContent {
  subject: string
  body: string
}

/**
 * A campaign's e-mail for one customer: the text head office wrote, paragraphs split on blank lines,
 * its placeholders filled in, and the brand's signature and the unsubscribe link at its foot (a
 * marketing message always carries it).
 */
export function renderCampaign(
  lang: Language,
  content: CampaignContent,
  d: { brand: string; first_name: string; unsubscribe_url: string },
): Omit<Rendered, 'sms'> {
  const fill = (s: string) =>
    s.replace(/\{\{\s*(first_name|brand)\s*\}\}/g, (_m, k: 'first_name' | 'brand') => d[k])
  const paragraphs = fill(content.body)
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
  const foot = footer[lang]({
    brand: d.brand,
    first_name: d.first_name,
    currency: 'EUR',
    unsubscribe_url: d.unsubscribe_url,
  })
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif">` +
    paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`).join('') +
    `<hr><p>${escapeHtml(`— ${d.brand}`)}</p>` +
    `<p><a href="${escapeHtml(d.unsubscribe_url)}">${escapeHtml(foot.at(-1)!.split(':')[0]!)}</a></p>` +
    '</body></html>'
  return {
    subject: fill(content.subject).replace(/[\r\n]+/g, ' '),
    text: `${paragraphs.join('\n\n')}\n\n${foot.join('\n')}`,
    html,
  }
}

/** French where the customer lives in a French-speaking country, English elsewhere, unless they chose. */
export function languageOf(chosen: string | null | undefined, country: string): Language {
  if (chosen === 'fr' || chosen === 'en') return chosen
  return ['FR', 'BE', 'CH', 'LU', 'MC'].includes(country.toUpperCase()) ? 'fr' : 'en'
}
