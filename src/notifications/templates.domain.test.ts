import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyRuns } from '../testing/property-runs.ts'
import { defaultSendOptions, retryDelayMs } from './sender.ts'
import {
  languageOf,
  languages,
  type NoticeData,
  render,
  renderCampaign,
  templateIds,
} from './templates.domain.ts'

const store = {
  name: 'Lyon Part-Dieu',
  address_line: '17 rue du Docteur Bouchut',
  postcode: '69003',
  city: 'Lyon',
  timezone: 'Europe/Paris',
  opening_hours: {
    mon: [['10:00', '20:00']] as Array<[string, string]>,
    tue: [['10:00', '20:00']] as Array<[string, string]>,
    wed: [['10:00', '20:00']] as Array<[string, string]>,
    thu: [['10:00', '20:00']] as Array<[string, string]>,
    fri: [['10:00', '20:00']] as Array<[string, string]>,
    sat: [
      ['09:30', '12:30'],
      ['14:00', '19:00'],
    ] as Array<[string, string]>,
    sun: [],
  },
}

const order: NoticeData = {
  brand: 'Maison Lumière',
  first_name: 'Léa',
  currency: 'EUR',
  order_number: '100042',
  lines: [{ name: 'Lampe <Opaline>', quantity: 1, total_cents: 12_900 }],
  total_cents: 12_900,
  store,
  pickup_code: '482913',
  ready_until: '2026-12-10T18:00:00.000Z',
}

describe('message templates', () => {
  it('ready for pickup says the code, the store’s address and each day’s hours, in French', () => {
    const m = render('pickup_ready', 'fr', order)
    expect(m.subject).toBe('Maison Lumière — votre commande n° 100042 vous attend en magasin')
    expect(m.text).toContain('Présentez ce code de retrait au magasin : 482913')
    expect(m.text).toContain('Elle vous attend jusqu’au jeudi 10 décembre 2026.')
    expect(m.text).toContain('Lyon Part-Dieu, 17 rue du Docteur Bouchut, 69003 Lyon')
    expect(m.text).toContain('samedi : 09:30–12:30, 14:00–19:00')
    expect(m.text).toContain('dimanche : fermé')
    expect(m.sms).toBe('Maison Lumière : commande n° 100042 prête à Lyon Part-Dieu. Code de retrait 482913.')
  })

  it('the same in English, with amounts and dates as an English reader writes them', () => {
    const m = render('order_confirmation', 'en', order)
    expect(m.subject).toBe('Maison Lumière — your order no. 100042 is confirmed')
    expect(m.text).toContain('Total: €129.00')
    expect(render('pickup_ready', 'en', order).text).toContain('Sunday: closed')
    expect(render('pickup_ready', 'en', order).text).toContain('until Thursday, 10 December 2026.')
  })

  it('shipped names the carrier and tracking number only when they are known', () => {
    expect(render('shipped', 'fr', order).text).not.toContain('Transporteur')
    const known = render('shipped', 'fr', { ...order, carrier: 'Colissimo', tracking: '6A123' }).text
    expect(known).toContain('Transporteur : Colissimo')
    expect(known).toContain('Numéro de suivi : 6A123')
  })

  it('the HTML escapes what the data says, and the unsubscribe link is in both parts', () => {
    const url = 'https://shop.example/api/v1/notifications/unsubscribe?token=a.b'
    const m = render('order_confirmation', 'fr', { ...order, unsubscribe_url: url })
    expect(m.html).toContain('Lampe &lt;Opaline&gt;')
    expect(m.html).not.toContain('<Opaline>')
    expect(m.text).toContain(`Ne plus recevoir nos offres par e-mail : ${url}`)
    expect(m.html).toContain('href="https://shop.example/api/v1/notifications/unsubscribe?token=a.b"')
  })

  it('every template renders in every language with the brand, and its SMS stays short', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...templateIds),
        fc.constantFrom(...languages),
        fc.string({ maxLength: 40 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (template, lang, name, cents) => {
          const m = render(template, lang, {
            ...order,
            first_name: name,
            refund_cents: cents,
            return_number: '500017',
            ticket_number: '700023',
            ticket_status: 'resolved',
          })
          expect(m.subject.startsWith('Maison Lumière — ')).toBe(true)
          expect(m.text).toContain('— Maison Lumière')
          expect(m.html).not.toMatch(/<(?!\/?(p|hr|a|html|body|!doctype)\b)/i)
          expect(m.sms.length).toBeLessThanOrEqual(160)
        },
      ),
      { numRuns: propertyRuns(200) },
    )
  })

  it('French for a customer in a French-speaking country, English elsewhere, unless they chose', () => {
    expect(languageOf(null, 'FR')).toBe('fr')
    expect(languageOf(null, 'BE')).toBe('fr')
    expect(languageOf(null, 'DE')).toBe('en')
    expect(languageOf('en', 'FR')).toBe('en')
  })
})

describe('retries', () => {
  it('waits double each time, from 2 s to at most 5 min: a server back after an hour gets its mail within 5 min', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(defaultSendOptions, n))).toEqual([2000, 4000, 8000, 16_000])
    expect(retryDelayMs(defaultSendOptions, 9)).toBe(300_000)
    expect(retryDelayMs(defaultSendOptions, 40)).toBe(300_000)
  })
})

describe('campaign e-mails', () => {
  it('fill the placeholders, escape the HTML and always carry the unsubscribe link', () => {
    const m = renderCampaign(
      'fr',
      { subject: 'Soldes, {{first_name}}', body: 'Bonjour {{ first_name }},\n\n<b>Chez {{brand}}</b>' },
      { brand: 'Maison', first_name: 'Léa', unsubscribe_url: 'https://shop.example/u?token=a&b' },
    )
    expect(m.subject).toBe('Soldes, Léa')
    expect(m.text).toContain('Bonjour Léa,\n\n<b>Chez Maison</b>')
    expect(m.text).toContain('https://shop.example/u?token=a&b')
    expect(m.html).toContain('&lt;b&gt;Chez Maison&lt;/b&gt;')
    expect(m.html).toContain('href="https://shop.example/u?token=a&amp;b"')
  })
})
