import { useCallback, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { day, euro } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { useSession } from '../session'
import { Empty, ErrorNote, MoreButton, Section, usePages } from '../ui'

type Invoice = GetResult<'/api/v1/business/invoices'>['data'][number]
type Filter = 'all' | 'unpaid' | 'overdue' | 'paid'

const dict: Dictionary<
  | 'title'
  | 'show'
  | 'all'
  | 'unpaid'
  | 'overdue'
  | 'paid'
  | 'number'
  | 'kind'
  | 'invoice'
  | 'credit_note'
  | 'customer'
  | 'issued'
  | 'due'
  | 'amount'
  | 'outstanding'
  | 'status'
  | 'open'
  | 'issuedNote'
  | 'isPaid'
  | 'isOverdue'
  | 'reminded'
  | 'pdf'
  | 'pdfOf'
  | 'list'
> = {
  fr: {
    title: 'Factures',
    show: 'Afficher',
    all: 'Toutes les factures et tous les avoirs',
    unpaid: 'Factures à payer',
    overdue: 'Factures en retard',
    paid: 'Factures payées',
    number: 'Numéro',
    kind: 'Type',
    invoice: 'Facture',
    credit_note: 'Avoir',
    customer: 'Client',
    issued: 'Émise le',
    due: 'Échéance',
    amount: 'Montant TTC',
    outstanding: 'Reste dû',
    status: 'État',
    open: 'À payer',
    issuedNote: 'Émis',
    isPaid: 'Payée',
    isOverdue: 'En retard de paiement',
    reminded: 'relancée {n} fois',
    pdf: 'PDF',
    pdfOf: 'Ouvrir le PDF — {kind} {number}',
    list: 'Factures et avoirs, les plus récents d’abord',
  },
  en: {
    title: 'Invoices',
    show: 'Show',
    all: 'All invoices and credit notes',
    unpaid: 'Unpaid invoices',
    overdue: 'Overdue invoices',
    paid: 'Paid invoices',
    number: 'Number',
    kind: 'Kind',
    invoice: 'Invoice',
    credit_note: 'Credit note',
    customer: 'Customer',
    issued: 'Issued on',
    due: 'Due date',
    amount: 'Amount incl. VAT',
    outstanding: 'Outstanding',
    status: 'Status',
    open: 'Unpaid',
    issuedNote: 'Issued',
    isPaid: 'Paid',
    isOverdue: 'Overdue',
    reminded: 'reminded {n} time(s)',
    pdf: 'PDF',
    pdfOf: 'Open the PDF — {kind} {number}',
    list: 'Invoices and credit notes, newest first',
  },
}

/**
 * Business customers' invoices and credit notes, newest first, paid or not, each with its Factur-X PDF
 * (the CII XML attached inside it).
 */
export function Invoices() {
  const t = useT(dict)
  const { lang } = useLang()
  const { api, key } = useSession()
  const [filter, setFilter] = useState<Filter>('all')
  const [error, setError] = useState<unknown>(null)

  const pages = usePages<Invoice>(
    useCallback(
      (cursor: string | undefined) =>
        ok(
          api.GET('/api/v1/business/invoices', {
            params: {
              query: {
                limit: 25,
                ...(filter === 'all' ? {} : { status: filter }),
                ...(cursor ? { cursor } : {}),
              },
            },
          }),
        ),
      [api, filter],
    ),
  )

  // The PDF needs the key: fetched, then opened in its own tab.
  async function openPdf(invoice: Invoice) {
    setError(null)
    try {
      const res = await fetch(invoice.pdf_url, { headers: { authorization: `Bearer ${key}` } })
      if (!res.ok) throw new Error(`${res.status}`)
      const url = URL.createObjectURL(await res.blob())
      window.open(url, '_blank', 'noopener')
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (err) {
      setError(err)
    }
  }

  const status = (i: Invoice) =>
    i.status === 'issued'
      ? t('issuedNote')
      : i.status === 'paid'
        ? t('isPaid')
        : i.status === 'overdue'
          ? t('isOverdue')
          : t('open')

  return (
    <div className="invoices">
      <h1>{t('title')}</h1>
      <div className="row">
        <div className="field">
          <label htmlFor="invoice-filter">{t('show')}</label>
          <select id="invoice-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            {(['all', 'unpaid', 'overdue', 'paid'] as const).map((f) => (
              <option key={f} value={f}>
                {t(f)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorNote error={error ?? pages.error} />
      <Section title={t('list')} hideTitle>
        {pages.items.length === 0 && !pages.loading ? (
          <Empty />
        ) : (
          <div className="scroll">
            <table data-testid="invoices">
              <thead>
                <tr>
                  <th scope="col">{t('number')}</th>
                  <th scope="col">{t('customer')}</th>
                  <th scope="col">{t('issued')}</th>
                  <th scope="col">{t('due')}</th>
                  <th scope="col" className="num">
                    {t('amount')}
                  </th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col" className="num">
                    {t('outstanding')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('pdf')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {pages.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <span className="nowrap">{i.number}</span>
                      <br />
                      <small className="muted">{t(i.kind)}</small>
                    </td>
                    <td>{i.account_name}</td>
                    <td className="nowrap">{day(i.issue_date, lang)}</td>
                    <td className="nowrap">{i.kind === 'invoice' ? day(i.due_date, lang) : '—'}</td>
                    <td className="num nowrap">
                      {euro(i.kind === 'credit_note' ? -i.total_cents : i.total_cents)}
                    </td>
                    <td>
                      {status(i)}
                      {i.reminders.length > 0 && (
                        <>
                          <br />
                          <small className="muted">{t('reminded', { n: i.reminders.length })}</small>
                        </>
                      )}
                    </td>
                    <td className="num nowrap">{i.kind === 'invoice' ? euro(i.outstanding_cents) : '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('pdfOf', { kind: t(i.kind), number: i.number })}
                        onClick={() => void openPdf(i)}
                      >
                        {t('pdf')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <MoreButton pages={pages} />
      </Section>
    </div>
  )
}
