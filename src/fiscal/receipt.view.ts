import type { Receipt } from './receipt.service.ts'

/** The printed receipt (80 mm), in French or English, with the legal mentions. */

const words = {
  fr: {
    kind: {
      sale: 'Ticket de vente',
      return: 'Ticket de retour',
      cancellation: 'Ticket d’annulation',
      training: 'Ticket de formation',
      duplicata: 'Duplicata',
    },
    capital: 'au capital de',
    siren: 'SIREN',
    siret: 'SIRET',
    vat_number: 'N° TVA intracommunautaire',
    register: 'Caisse',
    ticket: 'Ticket n°',
    order: 'Commande n°',
    date: 'Date',
    qty: 'Qté',
    total: 'Total TTC',
    discount: 'dont remise',
    vat: 'TVA',
    rate: 'Taux',
    base: 'HT',
    tax: 'TVA',
    incl: 'TTC',
    tenders: 'Règlements',
    reason: 'Motif',
    duplicata: 'DUPLICATA n°',
    duplicata_at: 'réimprimé le',
    training: 'MODE FORMATION — TICKET SANS VALEUR',
    hash: 'Empreinte',
    method: {
      cash: 'Espèces',
      card: 'Carte bancaire',
      gift_card: 'Carte cadeau',
      store_credit: 'Avoir',
      voucher: 'Bon d’achat',
      loyalty: 'Points',
    } as Record<string, string>,
  },
  en: {
    kind: {
      sale: 'Sales receipt',
      return: 'Return receipt',
      cancellation: 'Cancellation receipt',
      training: 'Training receipt',
      duplicata: 'Duplicate',
    },
    capital: 'with a share capital of',
    siren: 'SIREN',
    siret: 'SIRET',
    vat_number: 'VAT number',
    register: 'Register',
    ticket: 'Ticket no.',
    order: 'Order no.',
    date: 'Date',
    qty: 'Qty',
    total: 'Total incl. VAT',
    discount: 'of which discount',
    vat: 'VAT',
    rate: 'Rate',
    base: 'Excl.',
    tax: 'VAT',
    incl: 'Incl.',
    tenders: 'Tenders',
    reason: 'Reason',
    duplicata: 'DUPLICATA no.',
    duplicata_at: 'reprinted on',
    training: 'TRAINING MODE — NOT A VALID RECEIPT',
    hash: 'Fingerprint',
    method: {
      cash: 'Cash',
      card: 'Card',
      gift_card: 'Gift card',
      store_credit: 'Store credit',
      voucher: 'Voucher',
      loyalty: 'Points',
    } as Record<string, string>,
  },
}

const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function receiptHtml(r: Receipt, lang: 'fr' | 'en'): string {
  const w = words[lang]
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB'
  const m = (cents: number) =>
    html(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100))
  const at = (iso: string) =>
    html(
      new Date(iso).toLocaleString(locale, {
        timeZone: r.register.timezone,
        dateStyle: 'short',
        timeStyle: 'medium',
      }),
    )
  const row = (...cells: string[]) =>
    `<tr>${cells.map((c, i) => (i === 0 ? `<th>${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`
  const t = r.ticket
  const c = r.company
  const banner = (text: string) => `<p class="banner">${html(text)}</p>`
  const parts = [
    r.training ? banner(w.training) : '',
    r.duplicata ? banner(`${w.duplicata} ${r.duplicata.copy}`) : '',
    `<header><strong>${html(c.name)}</strong><br>${html(c.legal_form)}${
      c.share_capital_cents !== null ? ` ${html(w.capital)} ${m(c.share_capital_cents)}` : ''
    }<br>${html(c.address)}<br>${html(w.siren)} ${html(c.siren)}${c.rcs ? ` — ${html(c.rcs)}` : ''}<br>${html(
      w.vat_number,
    )} ${html(c.vat_number)}</header>`,
    `<p>${html(r.store.name)}<br>${html(r.store.address)}${
      r.store.siret ? `<br>${html(w.siret)} ${html(r.store.siret)}` : ''
    }</p>`,
    `<h1>${html(w.kind[t.kind])}</h1>`,
    '<table>',
    row(html(w.register), html(r.register.code)),
    row(html(w.ticket), String(t.seq)),
    t.order_number !== null ? row(html(w.order), String(t.order_number)) : '',
    row(html(w.date), at(t.recorded_at)),
    '</table><table class="lines">',
    row('', html(w.qty), html(w.incl)),
    ...t.lines.map((l) =>
      row(
        `${html(l.name)}<br><small>${html(l.sku)} — ${html(w.vat)} ${(l.vat_rate_bp / 100).toLocaleString(locale)} %</small>`,
        String(l.quantity),
        m(l.total_cents),
      ),
    ),
    '</table><table>',
    row(`<strong>${html(w.total)}</strong>`, `<strong>${m(t.total_cents)}</strong>`),
    t.discount_cents !== 0 ? row(html(w.discount), m(t.discount_cents)) : '',
    '</table>',
    `<h2>${html(w.vat)}</h2><table>`,
    row(html(w.rate), html(w.base), html(w.tax), html(w.incl)),
    ...t.vat.map((v) =>
      row(`${(v.rate_bp / 100).toLocaleString(locale)} %`, m(v.base_cents), m(v.vat_cents), m(v.total_cents)),
    ),
    '</table>',
    `<h2>${html(w.tenders)}</h2><table>`,
    ...t.tenders.map((p) => row(html(w.method[p.method] ?? p.method), m(p.amount_cents))),
    '</table>',
    t.reason ? `<p>${html(w.reason)} : ${html(t.reason)}</p>` : '',
    r.duplicata
      ? `<p>${html(w.duplicata)} ${r.duplicata.copy} — ${html(w.duplicata_at)} ${at(r.duplicata.recorded_at)}</p>`
      : '',
    `<p class="hash">${html(w.hash)} ${html(r.hash_excerpt)}</p>`,
    r.training ? banner(w.training) : '',
  ]
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${html(w.kind[t.kind])} ${html(
    r.register.code,
  )}-${t.seq}</title><style>@page { size: 80mm auto; margin: 3mm } body { width: 74mm; font-size: 11px; font-family: monospace } header { text-align: center } table { width: 100%; border-collapse: collapse } th { text-align: left; font-weight: normal } td { text-align: right } .banner { text-align: center; font-weight: bold; border: 1px solid; padding: 2px }</style></head><body>${parts.join(
    '',
  )}</body></html>`
}
