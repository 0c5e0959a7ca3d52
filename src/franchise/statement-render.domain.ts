import type { StatementView } from './statements.service.ts'

export type Lang = 'fr' | 'en'

const labels = {
  fr: {
    title: 'Relevé de commissions',
    franchisee: 'Franchisé',
    period: 'Période',
    status: { open: 'ouvert (provisoire)', closed: 'clôturé' },
    closedAt: 'Clôturé le',
    date: 'Date',
    kind: {
      commission: 'Commission',
      preparation_fee: 'Frais de préparation',
      commission_reversal: 'Annulation de commission',
      fee_reversal: 'Annulation de frais',
    },
    store: 'Magasin',
    order: 'Commande',
    category: 'Catégorie',
    quantity: 'Quantité',
    base: 'Ventes nettes HT',
    rate: 'Taux',
    amount: 'Montant',
    bookedIn: 'Période comptable',
    totals: {
      sales_net_cents: 'Ventes nettes HT',
      commission_cents: 'Commissions',
      preparation_fees_cents: 'Frais de préparation',
      reversals_cents: 'Annulations (retours et annulations)',
      minimum_top_up_cents: 'Complément au minimum garanti',
      total_cents: 'Total dû au franchisé',
    },
    topUp: 'Complément minimum garanti',
  },
  en: {
    title: 'Commission statement',
    franchisee: 'Franchisee',
    period: 'Period',
    status: { open: 'open (provisional)', closed: 'closed' },
    closedAt: 'Closed on',
    date: 'Date',
    kind: {
      commission: 'Commission',
      preparation_fee: 'Preparation fee',
      commission_reversal: 'Commission reversed',
      fee_reversal: 'Fee reversed',
    },
    store: 'Store',
    order: 'Order',
    category: 'Category',
    quantity: 'Quantity',
    base: 'Net sales excl. VAT',
    rate: 'Rate',
    amount: 'Amount',
    bookedIn: 'Booked in',
    totals: {
      sales_net_cents: 'Net sales excl. VAT',
      commission_cents: 'Commissions',
      preparation_fees_cents: 'Preparation fees',
      reversals_cents: 'Reversals (returns and cancellations)',
      minimum_top_up_cents: 'Top-up to the guaranteed minimum',
      total_cents: 'Total due to the franchisee',
    },
    topUp: 'Guaranteed minimum top-up',
  },
} as const

/** Euros the French way: 1 234,56 € (a plain space groups thousands, so spreadsheets read it too). */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  return `${sign}${units},${String(abs % 100).padStart(2, '0')} €`
}

const percent = (bp: number) => `${(bp / 100).toLocaleString('fr-FR')} %`

const csvCell = (v: string | number) => {
  const s = String(v)
  return /[;"\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** The statement as CSV for a French spreadsheet: semicolons, decimal commas, one line per entry. */
export function statementCsv(s: StatementView, franchiseeName: string, lang: Lang): string {
  const l = labels[lang]
  const amount = (c: number) => (c / 100).toFixed(2).replace('.', ',')
  const rows: Array<Array<string | number>> = [
    [l.franchisee, franchiseeName],
    [l.period, s.period, l.status[s.status]],
    [],
    [
      l.date,
      l.bookedIn,
      l.kind.commission.split(' ')[0]!,
      l.store,
      l.order,
      l.category,
      l.quantity,
      l.base,
      l.rate,
      l.amount,
    ],
    ...s.lines.map((x) => [
      x.event_at.slice(0, 10),
      x.booked_period,
      l.kind[x.kind],
      x.location_id,
      x.order_number,
      x.category ?? '',
      x.quantity,
      amount(x.base_cents),
      x.rate_bp ? percent(x.rate_bp) : '',
      amount(x.amount_cents),
    ]),
    ...s.top_ups.map((t) => ['', s.period, l.topUp, t.location_id, '', '', '', '', '', amount(t.cents)]),
    [],
    ...Object.entries(l.totals).map(([k, label]) => [label, amount(s.totals[k as keyof typeof s.totals])]),
  ]
  return `${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`
}

const esc = (v: string | number) =>
  String(v).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

/** A printable page of the statement (A4, no script), in French or English. */
export function statementHtml(
  s: StatementView,
  franchisee: { name: string; code: string },
  storeNames: Map<string, string>,
  lang: Lang,
): string {
  const l = labels[lang]
  const store = (id: string) => esc(storeNames.get(id) ?? id)
  const lines = s.lines
    .map(
      (
        x,
      ) => `<tr><td>${esc(x.event_at.slice(0, 10))}</td><td>${esc(x.booked_period)}</td><td>${esc(l.kind[x.kind])}</td>
<td>${store(x.location_id)}</td><td>${x.order_number}</td><td>${esc(x.category ?? '')}</td><td class="n">${x.quantity}</td>
<td class="n">${esc(euros(x.base_cents))}</td><td class="n">${x.rate_bp ? esc(percent(x.rate_bp)) : ''}</td><td class="n">${esc(euros(x.amount_cents))}</td></tr>`,
    )
    .join('\n')
  const topUps = s.top_ups
    .map(
      (t) =>
        `<tr><td colspan="3">${esc(l.topUp)}</td><td>${store(t.location_id)}</td><td colspan="5"></td><td class="n">${esc(euros(t.cents))}</td></tr>`,
    )
    .join('\n')
  const totals = Object.entries(l.totals)
    .map(
      ([k, label]) =>
        `<tr><th>${esc(label)}</th><td class="n">${esc(euros(s.totals[k as keyof typeof s.totals]))}</td></tr>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(l.title)} ${esc(franchisee.name)} ${esc(s.period)}</title>
<style>body{font:12px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%;margin:1em 0}
td,th{border-bottom:1px solid #ccc;padding:3px 6px;text-align:left}.n{text-align:right;white-space:nowrap}
@page{size:A4;margin:1.5cm}</style></head><body>
<h1>${esc(l.title)}</h1>
<p>${esc(l.franchisee)} : <strong>${esc(franchisee.name)}</strong> (${esc(franchisee.code)})<br>
${esc(l.period)} : <strong>${esc(s.period)}</strong> — ${esc(l.status[s.status])}${s.closed_at ? ` — ${esc(l.closedAt)} ${esc(s.closed_at.slice(0, 10))}` : ''}</p>
<table><thead><tr><th>${esc(l.date)}</th><th>${esc(l.bookedIn)}</th><th></th><th>${esc(l.store)}</th><th>${esc(l.order)}</th>
<th>${esc(l.category)}</th><th class="n">${esc(l.quantity)}</th><th class="n">${esc(l.base)}</th><th class="n">${esc(l.rate)}</th><th class="n">${esc(l.amount)}</th></tr></thead>
<tbody>
${lines}
${topUps}
</tbody></table>
<table style="width:auto">${totals}</table>
</body></html>
`
}
