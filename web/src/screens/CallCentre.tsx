import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { type Customer, type Customer360, ok } from '../api/client'
import { useChannels } from '../channels'
import { dateTime, euro } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { identifierQuery } from '../identifiers'
import { labelOf, orderStatus, returnStatusWords, shopperKinds, ticketWords } from '../labels'
import { navigate } from '../router'
import { useSession } from '../session'
import { Empty, ErrorNote, Field, Loading, MoreButton, Section, usePages } from '../ui'
import { OrderDetail } from './Orders'
import { TicketForm } from './TicketForm'

const dict: Dictionary<
  | 'title'
  | 'search'
  | 'searchHint'
  | 'find'
  | 'results'
  | 'open'
  | 'name'
  | 'contact'
  | 'city'
  | 'loyalty'
  | 'points'
  | 'tier'
  | 'channels'
  | 'channel'
  | 'ordersCount'
  | 'spent'
  | 'last'
  | 'orders'
  | 'number'
  | 'status'
  | 'total'
  | 'date'
  | 'returns'
  | 'refund'
  | 'tickets'
  | 'subject'
  | 'notes'
  | 'note'
  | 'addNote'
  | 'profile'
  | 'homeStore'
  | 'allOrders'
  | 'card'
  | 'openTicket'
  | 'placeOrder'
  | 'openOrder'
  | 'openTicketFor'
  | 'ticketOpened'
> = {
  fr: {
    title: 'Service client',
    search: 'Téléphone, e-mail, carte de fidélité ou nom',
    searchHint: 'Un numéro s’écrit comme on veut : 06 12 34 56 78, +33 6…',
    find: 'Rechercher',
    results: 'Clients trouvés',
    open: 'Voir la fiche de {name}',
    name: 'Nom',
    contact: 'Contact',
    city: 'Ville',
    loyalty: 'Fidélité',
    points: '{points} points ({worth})',
    tier: 'Niveau',
    channels: 'Achats par canal',
    channel: 'Canal',
    ordersCount: 'Commandes',
    spent: 'Montant',
    last: 'Dernière',
    orders: 'Dernières commandes, tous canaux',
    number: 'N°',
    status: 'Statut',
    total: 'Total',
    date: 'Date',
    returns: 'Retours',
    refund: 'Remboursé',
    tickets: 'SAV',
    subject: 'Objet',
    notes: 'Notes',
    note: 'Nouvelle note',
    addNote: 'Ajouter la note',
    profile: 'Profil d’achat',
    homeStore: 'Magasin de référence',
    allOrders: 'Toutes les commandes',
    card: 'Carte',
    openTicket: 'SAV',
    placeOrder: 'Passer une commande pour ce client',
    openOrder: 'Ouvrir la commande {n}',
    openTicketFor: 'Ouvrir un dossier SAV sur la commande {n}',
    ticketOpened: 'Dossier SAV {n} ouvert.',
  },
  en: {
    title: 'Call centre',
    search: 'Phone, e-mail, loyalty card or name',
    searchHint: 'Numbers in any form: 06 12 34 56 78, +33 6…',
    find: 'Find',
    results: 'Customers found',
    open: 'Open {name}’s profile',
    name: 'Name',
    contact: 'Contact',
    city: 'City',
    loyalty: 'Loyalty',
    points: '{points} points ({worth})',
    tier: 'Tier',
    channels: 'Purchases per channel',
    channel: 'Channel',
    ordersCount: 'Orders',
    spent: 'Amount',
    last: 'Latest',
    orders: 'Latest orders, every channel',
    number: 'No.',
    status: 'Status',
    total: 'Total',
    date: 'Date',
    returns: 'Returns',
    refund: 'Refunded',
    tickets: 'After-sales',
    subject: 'Subject',
    notes: 'Notes',
    note: 'New note',
    addNote: 'Add the note',
    profile: 'Shopper profile',
    homeStore: 'Home store',
    allOrders: 'All orders',
    card: 'Card',
    openTicket: 'After-sales',
    placeOrder: 'Place an order for this customer',
    openOrder: 'Open order {n}',
    openTicketFor: 'Open an after-sales ticket on order {n}',
    ticketOpened: 'After-sales ticket {n} opened.',
  },
}

/** Find a customer by any identifier, then their whole relationship with the brand (the 360). */
export function CallCentre() {
  const t = useT(dict)
  const { api } = useSession()
  const [text, setText] = useState('')
  const [query, setQuery] = useState<Record<string, string> | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)

  const load = useCallback(
    (cursor: string | undefined) =>
      ok(api.GET('/api/v1/customers', { params: { query: { ...query, limit: 10, cursor } } })),
    [api, query],
  )
  const pages = usePages<Customer>(query ? load : null)

  useEffect(() => {
    const only = pages.items.length === 1 ? pages.items[0] : undefined
    if (only && !pages.hasMore) setOpenId(only.id)
  }, [pages.items, pages.hasMore])

  function search(e: FormEvent) {
    e.preventDefault()
    if (!text.trim()) return
    setOpenId(null)
    setQuery(identifierQuery(text) as Record<string, string>)
  }

  return (
    <div className="callcentre">
      <h1>{t('title')}</h1>
      <form onSubmit={search} className="inline-form">
        <Field
          label={t('search')}
          hint={t('searchHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
        <button type="submit" className="primary">
          {t('find')}
        </button>
      </form>
      <ErrorNote error={pages.error} />
      {query && !openId && (
        <Section title={t('results')}>
          {pages.items.length === 0 && !pages.loading && <Empty />}
          <ul className="list">
            {pages.items.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="link"
                  aria-label={t('open', { name: `${c.first_name} ${c.last_name}` })}
                  onClick={() => setOpenId(c.id)}
                >
                  {c.first_name} {c.last_name}
                </button>{' '}
                <span className="muted">{[c.phone, c.email, c.city].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
          {pages.loading && <Loading />}
          <MoreButton pages={pages} />
        </Section>
      )}
      {openId && <Customer360View key={openId} id={openId} />}
    </div>
  )
}

function Customer360View({ id }: { id: string }) {
  const t = useT(dict)
  const channels = useChannels()
  const rt = useT(returnStatusWords)
  const st = useT(orderStatus)
  const tw = useT(ticketWords)
  const sk = useT(shopperKinds)
  const { lang } = useLang()
  const { api, me } = useSession()
  const [view, setView] = useState<Customer360 | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [note, setNote] = useState('')
  const [saving, setSaving] = useState(false)
  const [ticketFor, setTicketFor] = useState<string | null>(null)
  const [opened, setOpened] = useState<string | null>(null)
  const [orderId, setOrderId] = useState<string | null>(null)

  const reload = useCallback(
    () => ok(api.GET('/api/v1/customers/{id}/360', { params: { path: { id } } })).then(setView, setError),
    [api, id],
  )
  useEffect(() => {
    void reload()
  }, [reload])

  const loadOrders = useCallback(
    (cursor: string | undefined) =>
      ok(
        api.GET('/api/v1/customers/{id}/orders', { params: { path: { id }, query: { limit: 10, cursor } } }),
      ),
    [api, id],
  )
  const orders = usePages(loadOrders)

  async function addNote(e: FormEvent) {
    e.preventDefault()
    setSaving(true)
    setError(null)
    try {
      await ok(
        api.POST('/api/v1/customers/{id}/notes', { params: { path: { id } }, body: { body: note.trim() } }),
      )
      setNote('')
      await reload()
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  if (!view) return error ? <ErrorNote error={error} /> : <Loading />
  const c = view.customer
  return (
    <div className="c360" data-testid="c360">
      <Section
        title={`${c.first_name} ${c.last_name}`}
        actions={
          me.role === 'call_centre' && (
            <button
              type="button"
              className="primary"
              onClick={() => navigate(`/phone-order?customer=${c.id}`)}
            >
              {t('placeOrder')}
            </button>
          )
        }
      >
        <dl className="facts">
          <dt>{t('contact')}</dt>
          <dd>{[c.phone, c.email].filter(Boolean).join(' · ') || '—'}</dd>
          <dt>{t('card')}</dt>
          <dd>{c.loyalty_card ?? '—'}</dd>
          <dt>{t('city')}</dt>
          <dd>
            {c.address_line}, {c.postcode} {c.city}
          </dd>
          <dt>{t('loyalty')}</dt>
          <dd data-testid="loyalty">
            {t('points', { points: view.loyalty.balance, worth: euro(view.loyalty.worth_cents) })}
            {view.loyalty.tier ? ` · ${t('tier')} ${view.loyalty.tier.name}` : ''}
          </dd>
          {view.profile.labels.length > 0 && (
            <>
              <dt>{t('profile')}</dt>
              <dd>
                <ul className="tags">
                  {view.profile.labels.map((l) => (
                    <li key={l.kind} title={l.evidence}>
                      {labelOf(sk, shopperKinds, l.kind)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </Section>
      <Section title={t('channels')}>
        <table data-testid="channels">
          <thead>
            <tr>
              <th scope="col">{t('channel')}</th>
              <th scope="col" className="num">
                {t('ordersCount')}
              </th>
              <th scope="col" className="num">
                {t('spent')}
              </th>
              <th scope="col">{t('last')}</th>
            </tr>
          </thead>
          <tbody>
            {view.channels.map((ch) => (
              <tr key={ch.channel_code}>
                <td>{channels.name(ch.channel_code)}</td>
                <td className="num">{ch.orders}</td>
                <td className="num">{euro(ch.spent_cents)}</td>
                <td>{dateTime(ch.last_order_at, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('allOrders')}>
        <table data-testid="orders">
          <thead>
            <tr>
              <th scope="col">{t('number')}</th>
              <th scope="col">{t('channel')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col" className="num">
                {t('total')}
              </th>
              <th scope="col">{t('date')}</th>
              <th scope="col">
                <span className="sr-only">{t('openTicket')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.items.map((o) => (
              <tr key={o.id} aria-selected={o.id === orderId}>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={t('openOrder', { n: o.number })}
                    onClick={() => setOrderId(o.id)}
                  >
                    {o.number}
                  </button>
                </td>
                <td>{channels.name(o.channel_code)}</td>
                <td>{labelOf(st, orderStatus, o.status)}</td>
                <td className="num">{euro(o.total_cents)}</td>
                <td>{dateTime(o.created_at, lang)}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={t('openTicketFor', { n: o.number })}
                    onClick={() => {
                      setOpened(null)
                      setTicketFor(o.id)
                    }}
                  >
                    {t('openTicket')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {orders.loading && <Loading />}
        <MoreButton pages={orders} />
      </Section>
      {orderId && (
        <div data-testid="c360-order">
          <OrderDetail key={orderId} id={orderId} />
        </div>
      )}
      {ticketFor && (
        <TicketForm
          key={ticketFor}
          orderId={ticketFor}
          onCancel={() => setTicketFor(null)}
          onOpened={(number) => {
            setTicketFor(null)
            setOpened(number)
            void reload()
          }}
        />
      )}
      {opened && (
        <p role="status" className="notice">
          {t('ticketOpened', { n: opened })}
        </p>
      )}
      <Section title={t('returns')}>
        {view.returns.length === 0 ? (
          <Empty />
        ) : (
          <ul className="list">
            {view.returns.map((r) => (
              <li key={r.id}>
                {r.number} · {labelOf(rt, returnStatusWords, r.status)} · {t('refund')} {euro(r.refund_cents)}{' '}
                · {dateTime(r.created_at, lang)}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('tickets')}>
        {view.tickets.length === 0 ? (
          <Empty />
        ) : (
          <ul className="list">
            {view.tickets.map((k) => (
              <li key={k.id}>
                {k.number} · {labelOf(tw, ticketWords, k.kind)} · {labelOf(tw, ticketWords, k.status)} ·{' '}
                {k.subject}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('notes')}>
        <ul className="list" data-testid="notes">
          {view.notes.map((n) => (
            <li key={n.id}>
              <small className="muted">{dateTime(n.created_at, lang)}</small> {n.body}
            </li>
          ))}
        </ul>
        <form onSubmit={addNote} className="note-form">
          <label htmlFor="note">{t('note')}</label>
          <textarea id="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} required />
          <button type="submit" className="secondary" disabled={saving || !note.trim()}>
            {t('addNote')}
          </button>
        </form>
        <ErrorNote error={error} />
      </Section>
    </div>
  )
}
