import { dateTime, euro } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { labelOf } from '../labels'
import type { SessionReport } from './registers'
import { tenderWords, vatRate } from './words'

const dict: Dictionary<
  | 'x'
  | 'z'
  | 'opened'
  | 'closed'
  | 'automatic'
  | 'float'
  | 'tickets'
  | 'numbers'
  | 'none'
  | 'sales'
  | 'returns'
  | 'net'
  | 'discounts'
  | 'duplicates'
  | 'vat'
  | 'rate'
  | 'base'
  | 'tax'
  | 'withTax'
  | 'tenders'
  | 'tender'
  | 'expected'
  | 'counted'
  | 'variance'
  | 'movements'
  | 'cashIn'
  | 'cashOut'
  | 'reason'
  | 'varianceReason'
  | 'amount'
  | 'when'
> = {
  fr: {
    x: 'Rapport X — caisse {code}',
    z: 'Rapport Z — caisse {code}',
    opened: 'Ouverte le {at}',
    closed: 'fermée le {at}',
    automatic: '(fermée automatiquement en fin de journée)',
    float: 'Fond de caisse',
    tickets: 'Tickets',
    numbers: 'Numéros de tickets',
    none: 'aucun',
    sales: 'Ventes ({n})',
    returns: 'Retours et remboursements ({n})',
    net: 'Chiffre d’affaires net',
    discounts: 'Remises accordées',
    duplicates: 'Duplicatas imprimés',
    vat: 'TVA par taux',
    rate: 'Taux',
    base: 'Base HT',
    tax: 'TVA',
    withTax: 'Total TTC',
    tenders: 'Moyens de paiement',
    tender: 'Moyen de paiement',
    expected: 'Attendu',
    counted: 'Compté',
    variance: 'Écart',
    movements: 'Mouvements d’espèces',
    cashIn: 'Entrée',
    cashOut: 'Sortie',
    reason: 'Motif',
    varianceReason: 'Motif de l’écart : {reason}',
    amount: 'Montant',
    when: 'Heure',
  },
  en: {
    x: 'X report — register {code}',
    z: 'Z report — register {code}',
    opened: 'Opened on {at}',
    closed: 'closed on {at}',
    automatic: '(closed automatically at the end of the day)',
    float: 'Float',
    tickets: 'Tickets',
    numbers: 'Ticket numbers',
    none: 'none',
    sales: 'Sales ({n})',
    returns: 'Returns and refunds ({n})',
    net: 'Net takings',
    discounts: 'Discounts given',
    duplicates: 'Duplicates printed',
    vat: 'VAT per rate',
    rate: 'Rate',
    base: 'Net of VAT',
    tax: 'VAT',
    withTax: 'Total incl. VAT',
    tenders: 'Tenders',
    tender: 'Tender',
    expected: 'Expected',
    counted: 'Counted',
    variance: 'Variance',
    movements: 'Cash movements',
    cashIn: 'In',
    cashOut: 'Out',
    reason: 'Reason',
    varianceReason: 'Variance reason: {reason}',
    amount: 'Amount',
    when: 'Time',
  },
}

/** An X or Z report on screen: what the printed one says. */
export function ReportView({ report }: { report: SessionReport }) {
  const t = useT(dict)
  const tender = useT(tenderWords)
  const { lang } = useLang()
  const { totals } = report
  const method = (m: string) => labelOf(tender, tenderWords, m)
  const z = report.report === 'Z'
  return (
    <div className="fiscal-report" data-testid={z ? 'z-report' : 'x-report'}>
      <h3>{t(z ? 'z' : 'x', { code: report.register_code })}</h3>
      <p className="muted">
        {t('opened', { at: dateTime(report.opened_at, lang) })}
        {report.closed_at ? `, ${t('closed', { at: dateTime(report.closed_at, lang) })}` : ''}
        {report.automatic ? ` ${t('automatic')}` : ''}
      </p>
      <dl className="facts">
        <dt>{t('float')}</dt>
        <dd>{euro(report.float_cents)}</dd>
        <dt>{t('tickets')}</dt>
        <dd>{totals.tickets}</dd>
        <dt>{t('numbers')}</dt>
        <dd>
          {report.first_ticket_seq === null
            ? t('none')
            : `${report.first_ticket_seq} → ${report.last_ticket_seq ?? report.first_ticket_seq}`}
        </dd>
        <dt>{t('sales', { n: totals.sales_count })}</dt>
        <dd>{euro(totals.sales_cents)}</dd>
        <dt>{t('returns', { n: totals.returns_count })}</dt>
        <dd>{euro(totals.returns_cents)}</dd>
        <dt>{t('net')}</dt>
        <dd data-testid="net">{euro(totals.net_cents)}</dd>
        <dt>{t('discounts')}</dt>
        <dd>{euro(totals.discounts_cents)}</dd>
        <dt>{t('duplicates')}</dt>
        <dd>{totals.duplicates}</dd>
      </dl>
      {totals.vat.length > 0 && (
        <table>
          <caption>{t('vat')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rate')}</th>
              <th scope="col" className="num">
                {t('base')}
              </th>
              <th scope="col" className="num">
                {t('tax')}
              </th>
              <th scope="col" className="num">
                {t('withTax')}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.vat.map((v) => (
              <tr key={v.rate_bp}>
                <td>{vatRate(v.rate_bp)}</td>
                <td className="num">{euro(v.base_cents)}</td>
                <td className="num">{euro(v.vat_cents)}</td>
                <td className="num">{euro(v.total_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table data-testid="tenders">
        <caption>{t('tenders')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tender')}</th>
            <th scope="col" className="num">
              {t('expected')}
            </th>
            {report.counts && (
              <>
                <th scope="col" className="num">
                  {t('counted')}
                </th>
                <th scope="col" className="num">
                  {t('variance')}
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {(report.counts ?? report.expected.map((e) => ({ ...e, expected_cents: e.amount_cents }))).map(
            (c) => (
              <tr key={c.method}>
                <td>{method(c.method)}</td>
                <td className="num">{euro(c.expected_cents)}</td>
                {'counted_cents' in c && (
                  <>
                    <td className="num">{c.counted_cents === null ? '—' : euro(c.counted_cents)}</td>
                    <td className="num">{c.variance_cents === null ? '—' : euro(c.variance_cents)}</td>
                  </>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
      {report.variance_reason && <p>{t('varianceReason', { reason: report.variance_reason })}</p>}
      {report.cash_movements.length > 0 && (
        <table>
          <caption>{t('movements')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('reason')}</th>
              <th scope="col" className="num">
                {t('amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.cash_movements.map((m) => (
              <tr key={m.recorded_at + m.reason}>
                <td>{dateTime(m.recorded_at, lang)}</td>
                <td>
                  {m.kind === 'cash_in' ? t('cashIn') : t('cashOut')} — {m.reason}
                </td>
                <td className="num">{euro(m.kind === 'cash_in' ? m.amount_cents : -m.amount_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
