import { type FormEvent, useEffect, useRef, useState } from 'react'
import { type Order, ok, type PostBody } from '../api/client'
import { type Dictionary, useT } from '../i18n'
import { ticketWords } from '../labels'
import { useSession } from '../session'
import { ErrorNote, Field, Loading, Section } from '../ui'

type Kind = PostBody<'/api/v1/tickets'>['kind']
const kinds: Kind[] = ['repair', 'replacement', 'complaint', 'missing_item']

const dict: Dictionary<'title' | 'line' | 'kind' | 'subject' | 'message' | 'open' | 'cancel'> = {
  fr: {
    title: 'Ouvrir un dossier SAV — commande {n}',
    line: 'Article concerné',
    kind: 'Type de demande',
    subject: 'Objet',
    message: 'Ce que dit le client',
    open: 'Ouvrir le dossier',
    cancel: 'Annuler',
  },
  en: {
    title: 'Open an after-sales ticket — order {n}',
    line: 'Item concerned',
    kind: 'Kind of request',
    subject: 'Subject',
    message: 'What the customer says',
    open: 'Open the ticket',
    cancel: 'Cancel',
  },
}

/** An after-sales ticket about one line of an order, opened while the customer is on the phone. */
export function TicketForm({
  orderId,
  onOpened,
  onCancel,
}: {
  orderId: string
  onOpened(number: string): void
  onCancel(): void
}) {
  const t = useT(dict)
  const tw = useT(ticketWords)
  const { api } = useSession()
  const [order, setOrder] = useState<Order | null>(null)
  const [lineId, setLineId] = useState('')
  const [kind, setKind] = useState<Kind>('repair')
  const [subject, setSubject] = useState('')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const ticketKey = useRef(crypto.randomUUID())

  useEffect(() => {
    ok(api.GET('/api/v1/orders/{id}', { params: { path: { id: orderId } } })).then((o) => {
      setOrder(o)
      setLineId(o.lines[0]?.id ?? '')
    }, setError)
  }, [api, orderId])

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const ticket = await ok(
        api.POST('/api/v1/tickets', {
          params: { header: { 'idempotency-key': ticketKey.current } },
          body: {
            order_id: orderId,
            order_line_id: lineId,
            kind,
            subject: subject.trim(),
            ...(message.trim() ? { message: message.trim() } : {}),
          },
        }),
      )
      onOpened(ticket.number)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  if (!order) return error ? <ErrorNote error={error} /> : <Loading />
  return (
    <Section title={t('title', { n: order.number })}>
      <form onSubmit={submit} className="stack" data-testid="ticket-form">
        <div className="field">
          <label htmlFor="ticket-line">{t('line')}</label>
          <select id="ticket-line" value={lineId} onChange={(e) => setLineId(e.target.value)}>
            {order.lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.quantity} × {l.product_name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ticket-kind">{t('kind')}</label>
          <select id="ticket-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {tw(k)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('subject')}
          value={subject}
          required
          maxLength={200}
          onChange={(e) => setSubject(e.target.value)}
        />
        <div className="field">
          <label htmlFor="ticket-message">{t('message')}</label>
          <textarea
            id="ticket-message"
            rows={3}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </div>
        <ErrorNote error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || !subject.trim() || !lineId}>
            {t('open')}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Section>
  )
}
