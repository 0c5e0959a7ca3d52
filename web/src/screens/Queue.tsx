import { type FormEvent, useCallback, useEffect, useId, useState } from 'react'
import {
  ApiError,
  type Location,
  type Order,
  ok,
  type Task,
  type TaskStatus,
  type TaskSummary,
} from '../api/client'
import { dateTime } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { labelOf } from '../labels'
import { useSession } from '../session'
import { useScannerBursts } from '../till/scanner'
import { Empty, ErrorNote, Field, Loading, MoreButton, Section, usePages } from '../ui'

type StatusKey =
  | 'allocated'
  | 'picking'
  | 'packed'
  | 'ready_for_pickup'
  | 'collected'
  | 'shipped'
  | 'delivered'

const dict: Dictionary<
  | 'title'
  | 'store'
  | 'chooseStore'
  | 'promise'
  | 'order'
  | 'kind'
  | 'status'
  | 'items'
  | 'collect'
  | 'ship'
  | 'transfer'
  | 'open'
  | 'pickList'
  | 'sku'
  | 'article'
  | 'qty'
  | 'rejected'
  | 'notFound'
  | 'notFoundOf'
  | 'confirmReject'
  | 'toPicking'
  | 'toPacked'
  | 'toReady'
  | 'toShipped'
  | 'toDelivered'
  | 'handOver'
  | 'pickupCode'
  | 'pickupHint'
  | 'done'
  | 'history'
  | 'refresh'
  | 'locked'
  | 'lockedHelp'
  | 'unlockReason'
  | 'unlockHint'
  | 'unlock'
  | 'lockedEvent'
  | 'unlockedEvent'
  | 'customer'
  | 'guest'
  | 'search'
  | 'searchHint'
  | 'doSearch'
  | 'show'
  | 'showOpen'
  | 'showCollected'
  | 'scanPick'
  | 'scanPickHint'
  | 'picked'
  | 'pickedOf'
  | 'allPicked'
  | 'scanUnknown'
  | 'scanNotInOrder'
  | 'scanTooMany'
  | 'scanOk'
  | StatusKey
> = {
  fr: {
    title: 'Préparations et retraits en magasin',
    store: 'Magasin',
    chooseStore: 'Choisir un magasin',
    promise: 'Promis pour',
    order: 'Commande',
    kind: 'Type',
    status: 'Étape',
    items: 'Articles',
    collect: 'Retrait',
    ship: 'Expédition',
    transfer: 'Transfert',
    open: 'Ouvrir la commande {n}',
    pickList: 'Liste de préparation — commande {n}',
    sku: 'Référence',
    article: 'Article',
    qty: 'Qté',
    rejected: 'Manquant',
    notFound: 'Introuvable',
    notFoundOf: 'Signaler 1 × {name} introuvable',
    confirmReject:
      'Signaler un article introuvable ? Le stock est corrigé et l’article est recherché ailleurs.',
    toPicking: 'Commencer la préparation',
    toPacked: 'Marquer comme emballée',
    toReady: 'Prête pour le retrait',
    toShipped: 'Marquer comme expédiée',
    toDelivered: 'Marquer comme livrée',
    handOver: 'Remettre au client',
    pickupCode: 'Code de retrait du client',
    pickupHint: 'Le code reçu par le client (e-mail ou SMS).',
    done: 'Terminée.',
    history: 'Étapes',
    refresh: 'Actualiser',
    locked: 'Retrait bloqué',
    lockedHelp:
      'Retrait bloqué : 5 codes erronés ont été saisis. Un responsable doit vérifier l’identité du client, puis débloquer la commande.',
    unlockReason: 'Comment le client a été identifié',
    unlockHint: 'Par exemple : pièce d’identité et confirmation de commande présentées.',
    unlock: 'Débloquer le retrait',
    lockedEvent: 'Retrait bloqué après {n} codes erronés',
    unlockedEvent: 'Retrait débloqué : {reason}',
    customer: 'Client',
    guest: 'Sans compte client',
    search: 'Rechercher une commande',
    searchHint: 'Numéro de commande, nom, téléphone ou e-mail du client.',
    doSearch: 'Rechercher',
    show: 'Afficher',
    showOpen: 'Toutes les commandes en cours',
    showCollected: 'Retirées (7 derniers jours)',
    scanPick: 'Scanner un article à préparer',
    scanPickHint: 'Chaque article scanné est coché sur la liste.',
    picked: 'Prélevé',
    pickedOf: '{done} sur {of}',
    allPicked: 'Tous les articles sont prélevés.',
    scanUnknown: 'Le code {code} ne correspond à aucun article.',
    scanNotInOrder: 'Le code {code} ({name}) ne fait pas partie de cette commande.',
    scanTooMany: '{name} : tous les articles sont déjà prélevés.',
    scanOk: '{name} prélevé ({done} sur {of}).',
    allocated: 'À préparer',
    picking: 'En préparation',
    packed: 'Emballée',
    ready_for_pickup: 'Prête',
    collected: 'Remise au client',
    shipped: 'Expédiée',
    delivered: 'Livrée',
  },
  en: {
    title: 'Preparation and click & collect',
    store: 'Store',
    chooseStore: 'Choose a store',
    promise: 'Promised for',
    order: 'Order',
    kind: 'Kind',
    status: 'Step',
    items: 'Items',
    collect: 'Pickup',
    ship: 'Shipment',
    transfer: 'Transfer',
    open: 'Open order {n}',
    pickList: 'Pick list — order {n}',
    sku: 'SKU',
    article: 'Item',
    qty: 'Qty',
    rejected: 'Missing',
    notFound: 'Not found',
    notFoundOf: 'Report 1 × {name} not found',
    confirmReject: 'Report an item not found? The stock is corrected and the item is sought elsewhere.',
    toPicking: 'Start picking',
    toPacked: 'Mark as packed',
    toReady: 'Ready for pickup',
    toShipped: 'Mark as shipped',
    toDelivered: 'Mark as delivered',
    handOver: 'Hand over to the customer',
    pickupCode: 'Customer’s pickup code',
    pickupHint: 'The code the customer received (e-mail or text).',
    done: 'Done.',
    history: 'Steps',
    refresh: 'Refresh',
    locked: 'Hand-over locked',
    lockedHelp:
      'Hand-over locked: 5 wrong codes were entered. A manager must check the customer’s identity, then unlock the order.',
    unlockReason: 'How the customer was identified',
    unlockHint: 'For example: identity card and order confirmation shown.',
    unlock: 'Unlock the hand-over',
    lockedEvent: 'Hand-over locked after {n} wrong codes',
    unlockedEvent: 'Hand-over unlocked: {reason}',
    customer: 'Customer',
    guest: 'No customer account',
    search: 'Find an order',
    searchHint: 'Order number, or the customer’s name, phone or e-mail.',
    doSearch: 'Search',
    show: 'Show',
    showOpen: 'All open orders',
    showCollected: 'Collected (last 7 days)',
    scanPick: 'Scan an item to pick',
    scanPickHint: 'Each item scanned is ticked on the list.',
    picked: 'Picked',
    pickedOf: '{done} of {of}',
    allPicked: 'Every item is picked.',
    scanUnknown: 'The code {code} matches no item.',
    scanNotInOrder: 'The code {code} ({name}) is not part of this order.',
    scanTooMany: '{name}: every unit is already picked.',
    scanOk: '{name} picked ({done} of {of}).',
    allocated: 'To prepare',
    picking: 'Picking',
    packed: 'Packed',
    ready_for_pickup: 'Ready',
    collected: 'Handed over',
    shipped: 'Shipped',
    delivered: 'Delivered',
  },
}

const openStatuses = ['allocated', 'picking', 'packed', 'ready_for_pickup'] as const
/** What the queue lists: every open order, one step, or the orders collected lately. */
type Show = 'open' | (typeof openStatuses)[number] | 'collected'
const DAY_MS = 86_400_000

/** The next step of a task and the button that takes it (see fulfilment.domain.ts). */
const nextStep: Record<string, Partial<Record<string, { to: TaskStatus; label: keyof typeof dict.fr }>>> = {
  collect: {
    allocated: { to: 'picking', label: 'toPicking' },
    picking: { to: 'packed', label: 'toPacked' },
    packed: { to: 'ready_for_pickup', label: 'toReady' },
    ready_for_pickup: { to: 'collected', label: 'handOver' },
  },
  ship: {
    allocated: { to: 'picking', label: 'toPicking' },
    picking: { to: 'packed', label: 'toPacked' },
    packed: { to: 'shipped', label: 'toShipped' },
    shipped: { to: 'delivered', label: 'toDelivered' },
  },
  transfer: {
    allocated: { to: 'picking', label: 'toPicking' },
    picking: { to: 'packed', label: 'toPacked' },
    packed: { to: 'shipped', label: 'toShipped' },
  },
}

const label = (t: (key: keyof typeof dict.fr) => string, key: string) => labelOf(t, dict, key)

/** A step of the task, or a lock or unlock of its hand-over (same status, said in words). */
function eventText(
  t: (key: keyof typeof dict.fr, vars?: Record<string, string | number>) => string,
  e: Task['events'][number],
) {
  const data = (e.data ?? {}) as { pickup?: string; failed_attempts?: number; reason?: string }
  if (data.pickup === 'locked') return t('lockedEvent', { n: data.failed_attempts ?? 5 })
  if (data.pickup === 'unlocked') return t('unlockedEvent', { reason: data.reason ?? '' })
  return label(t, e.to_status)
}

/**
 * A store's preparation queue, soonest promise first. A store key sees its own store and nothing
 * else (the API refuses any other); head office chooses the store.
 */
export function Queue() {
  const t = useT(dict)
  const { lang } = useLang()
  const { api, store } = useSession()
  const [locationId, setLocationId] = useState<string | null>(store?.id ?? null)
  const [openId, setOpenId] = useState<string | null>(null)
  const [show, setShow] = useState<Show>('open')
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const showId = useId()

  const load = useCallback(
    (cursor: string | undefined) =>
      ok(
        api.GET('/api/v1/fulfilment/tasks', {
          params: {
            query: {
              ...(store ? {} : { location: locationId ?? undefined }),
              ...(show === 'open' ? {} : { status: [show] }),
              // Collected orders: the last week's, not two years of them.
              ...(show === 'collected'
                ? { updated_since: new Date(Date.now() - 7 * DAY_MS).toISOString() }
                : {}),
              ...(search ? { q: search } : {}),
              limit: 20,
              cursor,
            },
          },
        }),
      ),
    [api, store, locationId, show, search],
  )
  const pages = usePages<TaskSummary>(locationId ? load : null)

  return (
    <div className="queue">
      <h1>{t('title')}</h1>
      {!store && <StorePicker value={locationId} onChange={setLocationId} />}
      {locationId && (
        <div className="split">
          <Section
            title={store ? store.name : t('store')}
            actions={
              <button type="button" className="secondary" onClick={() => pages.reload()}>
                {t('refresh')}
              </button>
            }
          >
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault()
                setSearch(typed.trim())
              }}
            >
              <Field
                label={t('search')}
                hint={t('searchHint')}
                type="search"
                value={typed}
                maxLength={100}
                onChange={(e) => {
                  setTyped(e.target.value)
                  if (e.target.value.trim() === '') setSearch('')
                }}
              />
              <button type="submit" className="secondary">
                {t('doSearch')}
              </button>
              <div className="field">
                <label htmlFor={showId}>{t('show')}</label>
                <select id={showId} value={show} onChange={(e) => setShow(e.target.value as Show)}>
                  <option value="open">{t('showOpen')}</option>
                  {openStatuses.map((k) => (
                    <option key={k} value={k}>
                      {t(k)}
                    </option>
                  ))}
                  <option value="collected">{t('showCollected')}</option>
                </select>
              </div>
            </form>
            <ErrorNote error={pages.error} />
            {pages.items.length === 0 && !pages.loading && <Empty />}
            {pages.items.length > 0 && (
              <div className="scroll">
                <table data-testid="queue">
                  <thead>
                    <tr>
                      <th scope="col">{t('promise')}</th>
                      <th scope="col">{t('order')}</th>
                      <th scope="col">{t('customer')}</th>
                      <th scope="col">{t('kind')}</th>
                      <th scope="col">{t('status')}</th>
                      <th scope="col" className="num">
                        {t('items')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {pages.items.map((task) => (
                      <tr key={task.id} aria-selected={task.id === openId} data-order={task.order_number}>
                        <td>{dateTime(task.promised_at, lang)}</td>
                        <td>
                          <button
                            type="button"
                            className="link"
                            aria-label={t('open', { n: task.order_number })}
                            onClick={() => setOpenId(task.id)}
                          >
                            {task.order_number}
                          </button>
                        </td>
                        <td>
                          {task.customer_name ? (
                            <span data-name>{task.customer_name}</span>
                          ) : (
                            <span className="muted">{t('guest')}</span>
                          )}
                        </td>
                        <td>{label(t, task.kind)}</td>
                        <td>
                          {label(t, task.status)}
                          {task.pickup_locked && <strong className="error"> · {t('locked')}</strong>}
                        </td>
                        <td className="num">
                          {task.lines.reduce((n, l) => n + l.quantity - l.rejected_quantity, 0)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {pages.loading && <Loading />}
            <MoreButton pages={pages} />
          </Section>
          {openId && <TaskPanel key={openId} id={openId} onChanged={() => pages.reload()} />}
        </div>
      )}
    </div>
  )
}

function StorePicker({ value, onChange }: { value: string | null; onChange(id: string): void }) {
  const t = useT(dict)
  const { api } = useSession()
  const [stores, setStores] = useState<Location[]>([])
  useEffect(() => {
    ok(api.GET('/api/v1/locations', { params: { query: { kind: 'store', limit: 200 } } })).then(
      (page) => setStores(page.data),
      () => setStores([]),
    )
  }, [api])
  return (
    <div className="field">
      <label htmlFor="queue-store">{t('chooseStore')}</label>
      <select id="queue-store" value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="" disabled>
          —
        </option>
        {stores.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.code})
          </option>
        ))}
      </select>
    </div>
  )
}

const pickedKey = (taskId: string) => `passerelle.picked.${taskId}`

/** The units ticked so far on a task's pick list, kept for the tab (a reload keeps them). */
function pickedOf(taskId: string): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(pickedKey(taskId)) ?? '{}') as Record<string, number>
  } catch {
    return {}
  }
}

function TaskPanel({ id, onChanged }: { id: string; onChanged(): void }) {
  const t = useT(dict)
  const { lang } = useLang()
  const { api, me } = useSession()
  const [task, setTask] = useState<Task | null>(null)
  const [order, setOrder] = useState<Order | null>(null)
  const [code, setCode] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [picked, setPicked] = useState<Record<string, number>>(() => pickedOf(id))
  const [pickText, setPickText] = useState('')
  const [pickNote, setPickNote] = useState<{ text: string; bad: boolean } | null>(null)

  useEffect(() => {
    sessionStorage.setItem(pickedKey(id), JSON.stringify(picked))
  }, [id, picked])

  useEffect(() => {
    ok(api.GET('/api/v1/fulfilment/tasks/{id}', { params: { path: { id } } }))
      .then(async (loaded) => {
        setTask(loaded)
        setOrder(await ok(api.GET('/api/v1/orders/{id}', { params: { path: { id: loaded.order_id } } })))
      })
      .catch(setError)
  }, [api, id])

  async function run(step: () => Promise<Task>) {
    setBusy(true)
    setError(null)
    try {
      setTask(await step())
      onChanged()
    } catch (err) {
      setError(err)
      // A wrong code may just have locked the hand-over: show it as it is now.
      if (err instanceof ApiError && err.code === 'pickup_locked') {
        setTask(await ok(api.GET('/api/v1/fulfilment/tasks/{id}', { params: { path: { id } } })))
        onChanged()
      }
    } finally {
      setBusy(false)
    }
  }

  // A scanner burst anywhere on the screen, once the pick list is open, ticks its line.
  useScannerBursts((code) => {
    if (picking) void pick(code)
  })

  /** Ticks the line of a scanned EAN (or a SKU typed by hand), or says why not, naming the code. */
  async function pick(raw: string) {
    const code = raw.trim()
    if (!task || !code) return
    let sku = task.lines.some((l) => l.sku === code) ? code : null
    let name = sku ? (names.get(task.lines.find((l) => l.sku === sku)!.order_line_id) ?? sku) : ''
    if (!sku) {
      const found = await api.GET('/api/v1/variants', {
        params: { query: /^\d{8,14}$/.test(code) ? { ean: code } : { sku: code } },
      })
      if (!found.data) {
        setPickNote({ text: t('scanUnknown', { code }), bad: true })
        return
      }
      sku = found.data.sku
      name = found.data.product_name
    }
    const line = task.lines.find((l) => l.sku === sku)
    if (!line) {
      setPickNote({ text: t('scanNotInOrder', { code, name }), bad: true })
      return
    }
    name = names.get(line.order_line_id) ?? name
    const wanted = line.quantity - line.rejected_quantity
    const done = picked[line.order_line_id] ?? 0
    if (done >= wanted) {
      setPickNote({ text: t('scanTooMany', { name }), bad: true })
      return
    }
    setPicked((old) => ({ ...old, [line.order_line_id]: done + 1 }))
    setPickNote({ text: t('scanOk', { name, done: done + 1, of: wanted }), bad: false })
  }

  const names = new Map(order?.lines.map((l) => [l.id, l.product_name]) ?? [])
  const picking = task !== null && ['allocated', 'picking'].includes(task.status)
  if (!task) return error ? <ErrorNote error={error} /> : <Loading />
  const next = nextStep[task.kind]?.[task.status]
  const mayReject = ['allocated', 'picking', 'packed', 'ready_for_pickup'].includes(task.status)
  const mayUnlock = me.role === 'admin' || me.manager === true
  const isPicked = (l: Task['lines'][number]) =>
    (picked[l.order_line_id] ?? 0) >= l.quantity - l.rejected_quantity

  function unlock(e: FormEvent) {
    e.preventDefault()
    void run(() =>
      ok(
        api.POST('/api/v1/fulfilment/tasks/{id}/unlock-pickup', {
          params: { path: { id } },
          body: { reason: reason.trim() },
        }),
      ),
    ).then(() => setReason(''))
  }

  function advance(e: FormEvent) {
    e.preventDefault()
    if (!next) return
    void run(() =>
      ok(
        api.POST('/api/v1/fulfilment/tasks/{id}/advance', {
          params: { path: { id } },
          body: { to: next.to, ...(next.to === 'collected' ? { pickup_code: code.trim() } : {}) },
        }),
      ),
    )
  }

  return (
    <Section title={t('pickList', { n: task.order_number })}>
      <div data-testid="task" data-status={task.status}>
        <p>
          {label(t, task.kind)} · <strong data-testid="task-status">{label(t, task.status)}</strong> ·{' '}
          {t('promise')} {dateTime(task.promised_at, lang)}
        </p>
        <table className="picklist">
          <thead>
            <tr>
              <th scope="col">{t('article')}</th>
              <th scope="col">{t('sku')}</th>
              <th scope="col" className="num">
                {t('qty')}
              </th>
              <th scope="col" className="num">
                {t('rejected')}
              </th>
              {picking && <th scope="col">{t('picked')}</th>}
              <th scope="col">
                <span className="sr-only">{t('notFound')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {task.lines.map((l) => {
              const name = names.get(l.order_line_id) ?? l.sku
              return (
                <tr
                  key={l.order_line_id}
                  data-sku={l.sku}
                  data-picked={picking ? String(isPicked(l)) : undefined}
                >
                  <td>{name}</td>
                  <td>{l.sku}</td>
                  <td className="num">{l.quantity}</td>
                  <td className="num">{l.rejected_quantity || ''}</td>
                  {picking && (
                    <td>
                      {isPicked(l) ? '✓ ' : ''}
                      {t('pickedOf', {
                        done: Math.min(picked[l.order_line_id] ?? 0, l.quantity - l.rejected_quantity),
                        of: l.quantity - l.rejected_quantity,
                      })}
                    </td>
                  )}
                  <td>
                    {mayReject && l.quantity > l.rejected_quantity && (
                      <button
                        type="button"
                        className="link danger"
                        disabled={busy}
                        aria-label={t('notFoundOf', { name })}
                        onClick={() => {
                          if (!window.confirm(t('confirmReject'))) return
                          void run(() =>
                            ok(
                              api.POST('/api/v1/fulfilment/tasks/{id}/reject', {
                                params: { path: { id } },
                                body: { line_id: l.order_line_id, quantity: 1, reason: 'not_found' },
                              }),
                            ),
                          )
                        }}
                      >
                        {t('notFound')}
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {picking && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault()
              const code = pickText
              setPickText('')
              void pick(code)
            }}
          >
            <div data-scan-field>
              <Field
                label={t('scanPick')}
                hint={t('scanPickHint')}
                value={pickText}
                autoComplete="off"
                inputMode="numeric"
                maxLength={40}
                onChange={(e) => setPickText(e.target.value)}
              />
            </div>
          </form>
        )}
        {picking && pickNote && (
          <p
            role={pickNote.bad ? 'alert' : 'status'}
            className={pickNote.bad ? 'error' : 'notice'}
            data-testid="pick-note"
          >
            {pickNote.text}
          </p>
        )}
        {picking && task.lines.every(isPicked) && (
          <p role="status" className="notice">
            {t('allPicked')}
          </p>
        )}
        {task.pickup_locked ? (
          <div data-testid="pickup-locked">
            <p role="alert" className="error">
              {t('lockedHelp')}
            </p>
            {mayUnlock && (
              <form onSubmit={unlock} className="inline-form">
                <Field
                  label={t('unlockReason')}
                  hint={t('unlockHint')}
                  value={reason}
                  minLength={3}
                  maxLength={500}
                  required
                  onChange={(e) => setReason(e.target.value)}
                />
                <button type="submit" className="primary" disabled={busy}>
                  {t('unlock')}
                </button>
              </form>
            )}
          </div>
        ) : next ? (
          <form onSubmit={advance} className="inline-form">
            {next.to === 'collected' && (
              <Field
                label={t('pickupCode')}
                hint={t('pickupHint')}
                value={code}
                autoComplete="off"
                required
                onChange={(e) => setCode(e.target.value)}
              />
            )}
            <button type="submit" className="primary" disabled={busy}>
              {t(next.label)}
            </button>
          </form>
        ) : (
          <p role="status">{t('done')}</p>
        )}
        <ErrorNote error={error} />
        <details>
          <summary>{t('history')}</summary>
          <ol>
            {task.events.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: events are in order and never move
              <li key={i}>
                {dateTime(e.at, lang)} — {eventText(t, e)}
              </li>
            ))}
          </ol>
        </details>
      </div>
    </Section>
  )
}
