/** A partner's settlement as a CSV file and as a printable page. */
import { toCsv } from './partners.domain.ts'
import type { SettlementView } from './partners.service.ts'

const euros = (cents: number) =>
  `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function settlementCsv(s: SettlementView): string {
  const summary = [
    { line: 'sales', amount_cents: s.sales_cents },
    { line: 'returns', amount_cents: -s.returns_cents },
    { line: 'commission', amount_cents: -s.commission_cents },
    { line: 'fees', amount_cents: -s.fees_cents },
    { line: 'due_from_partner', amount_cents: s.due_from_partner_cents },
  ].map((r) => ({ month: s.month, partner: s.channel.code, status: s.status, ...r }))
  const detail = s.lines.map((l) => ({
    month: s.month,
    partner: s.channel.code,
    status: s.status,
    line: l.kind,
    amount_cents: l.kind === 'sale' ? l.amount_cents : -l.amount_cents,
    partner_order_id: l.partner_order_id,
    order_number: l.order_number,
    at: l.at,
  }))
  return toCsv(
    ['month', 'partner', 'status', 'line', 'amount_cents', 'partner_order_id', 'order_number', 'at'],
    [...summary, ...detail],
  )
}

/** A page head office prints or saves as PDF from the browser (French, the partner's language here). */
export function settlementHtml(s: SettlementView): string {
  const row = (label: string, cents: number, strong = false) =>
    `<tr${strong ? ' class="total"' : ''}><th scope="row">${label}</th><td>${euros(cents)}</td></tr>`
  const lines = s.lines
    .map(
      (l) =>
        `<tr><td>${esc(l.at.slice(0, 10))}</td><td>${esc(l.partner_order_id ?? '')}</td><td>${esc(l.order_number)}</td>` +
        `<td>${l.kind === 'sale' ? 'Vente' : 'Remboursement'}</td><td>${euros(l.kind === 'sale' ? l.amount_cents : -l.amount_cents)}</td></tr>`,
    )
    .join('')
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Relevé ${esc(s.channel.name)} ${esc(s.month)}</title>
<style>
body{font:12px/1.4 system-ui,sans-serif;margin:2em;color:#111}h1{font-size:18px}table{border-collapse:collapse;margin:1em 0}
td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left}td:last-child{text-align:right}.total th,.total td{font-weight:700;border-top:2px solid #111}
@media print{body{margin:0}}
</style></head><body>
<h1>Relevé de règlement — ${esc(s.channel.name)} (${esc(s.channel.code)}) — ${esc(s.month)}</h1>
<p>${s.status === 'closed' ? `Clôturé le ${esc((s.closed_at ?? '').slice(0, 10))}` : 'Mois en cours : chiffres provisoires'} ·
${s.orders} commande(s) · commission ${(s.commission_bp / 100).toLocaleString('fr-FR')} % · frais ${euros(s.order_fee_cents)} par commande</p>
<table aria-label="Synthèse">
${row('Ventes encaissées par le partenaire', s.sales_cents)}
${row('Remboursements faits par le partenaire', -s.returns_cents)}
${row('Commission', -s.commission_cents)}
${row('Frais', -s.fees_cents)}
${row('Dû par le partenaire', s.due_from_partner_cents, true)}
</table>
<table aria-label="Détail"><thead><tr><th>Date</th><th>Commande partenaire</th><th>Commande</th><th>Nature</th><th>Montant</th></tr></thead>
<tbody>${lines}</tbody></table>
</body></html>
`
}
