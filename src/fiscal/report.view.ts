import type { SessionReport } from './sessions.service.ts'

/** The printed X or Z report: an 80 mm receipt or an A4 page, in French or English. */

const words = {
  fr: {
    X: 'Rapport X (lecture)',
    Z: 'Rapport Z (clôture de session)',
    register: 'Caisse',
    session: 'Session',
    opened: 'Ouverture',
    timezone: 'Fuseau horaire',
    closed: 'Clôture',
    automatic: 'clôture automatique (non comptée)',
    float: 'Fond de caisse',
    tickets: 'Tickets',
    first_last: 'Premier / dernier n°',
    sales: 'Ventes',
    returns: 'Retours et remboursements',
    discounts: 'Remises',
    net: 'Total net',
    vat: 'TVA par taux',
    rate: 'Taux',
    base: 'HT',
    tax: 'TVA',
    total: 'TTC',
    tenders: 'Règlements',
    movements: 'Mouvements d’espèces',
    cash_in: 'Entrée',
    cash_out: 'Sortie',
    counts: 'Comptage',
    expected: 'Attendu',
    counted: 'Compté',
    variance: 'Écart',
    reason: 'Motif de l’écart',
    duplicates: 'Duplicatas',
    method: {
      cash: 'Espèces',
      card: 'Carte',
      gift_card: 'Carte cadeau',
      store_credit: 'Avoir',
      voucher: 'Bon',
      loyalty: 'Points',
    } as Record<string, string>,
  },
  en: {
    X: 'X report (reading)',
    Z: 'Z report (session close)',
    register: 'Register',
    session: 'Session',
    opened: 'Opened',
    timezone: 'Time zone',
    closed: 'Closed',
    automatic: 'closed automatically (not counted)',
    float: 'Float',
    tickets: 'Tickets',
    first_last: 'First / last no.',
    sales: 'Sales',
    returns: 'Returns and refunds',
    discounts: 'Discounts',
    net: 'Net total',
    vat: 'VAT per rate',
    rate: 'Rate',
    base: 'Excl.',
    tax: 'VAT',
    total: 'Incl.',
    tenders: 'Tenders',
    movements: 'Cash movements',
    cash_in: 'In',
    cash_out: 'Out',
    counts: 'Count',
    expected: 'Expected',
    counted: 'Counted',
    variance: 'Variance',
    reason: 'Variance reason',
    duplicates: 'Duplicates',
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

function money(cents: number | null, lang: 'fr' | 'en'): string {
  if (cents === null) return '—'
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100)
}

export function reportHtml(r: SessionReport, format: '80mm' | 'a4', lang: 'fr' | 'en'): string {
  const w = words[lang]
  const m = (c: number | null) => html(money(c, lang))
  const row = (label: string, ...cells: string[]) =>
    `<tr><th>${html(label)}</th>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`
  const method = (name: string) => w.method[name] ?? name
  // Times as the store's clock shows them.
  const at = (iso: string) =>
    html(new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: r.timezone }))
  const page =
    format === '80mm'
      ? '@page { size: 80mm auto; margin: 3mm } body { width: 74mm; font-size: 11px }'
      : '@page { size: A4; margin: 15mm } body { font-size: 12px }'
  const sections = [
    `<h1>${html(w[r.report])}</h1>`,
    '<table>',
    row(w.register, html(r.register_code)),
    row(w.session, html(r.session_id)),
    row(w.timezone, html(r.timezone)),
    row(w.opened, at(r.opened_at)),
    r.closed_at ? row(w.closed, at(r.closed_at) + (r.automatic ? ` — ${html(w.automatic)}` : '')) : '',
    row(w.float, m(r.float_cents)),
    row(w.tickets, String(r.totals.tickets)),
    row(w.first_last, `${r.first_ticket_seq ?? '—'} / ${r.last_ticket_seq ?? '—'}`),
    row(w.sales, `${r.totals.sales_count}`, m(r.totals.sales_cents)),
    row(w.returns, `${r.totals.returns_count}`, m(r.totals.returns_cents)),
    row(w.discounts, m(r.totals.discounts_cents)),
    row(w.net, m(r.totals.net_cents)),
    row(w.duplicates, String(r.totals.duplicates)),
    '</table>',
    `<h2>${html(w.vat)}</h2><table>`,
    row(w.rate, html(w.base), html(w.tax), html(w.total)),
    ...r.totals.vat.map((v) =>
      row(
        `${(v.rate_bp / 100).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB')} %`,
        m(v.base_cents),
        m(v.vat_cents),
        m(v.total_cents),
      ),
    ),
    '</table>',
    `<h2>${html(w.tenders)}</h2><table>`,
    ...r.totals.tenders.map((t) => row(method(t.method), m(t.amount_cents))),
    '</table>',
    `<h2>${html(w.movements)}</h2><table>`,
    ...r.cash_movements.map((c) =>
      row(c.kind === 'cash_in' ? w.cash_in : w.cash_out, m(c.amount_cents), html(c.reason)),
    ),
    '</table>',
    r.counts
      ? [
          `<h2>${html(w.counts)}</h2><table>`,
          row('', html(w.expected), html(w.counted), html(w.variance)),
          ...r.counts.map((c) =>
            row(method(c.method), m(c.expected_cents), m(c.counted_cents), m(c.variance_cents)),
          ),
          '</table>',
          r.variance_reason ? `<p>${html(w.reason)} : ${html(r.variance_reason)}</p>` : '',
        ].join('')
      : '',
  ]
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${html(w[r.report])} ${html(
    r.register_code,
  )}</title><style>${page} body { font-family: monospace } table { width: 100%; border-collapse: collapse } th { text-align: left; font-weight: normal } td { text-align: right }</style></head><body>${sections.join(
    '',
  )}</body></html>`
}
