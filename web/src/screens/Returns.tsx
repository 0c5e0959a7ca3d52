import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ApiError, type GetResult, ok, type PostBody } from '../api/client'
import { useChannels } from '../channels'
import { RegisterBar } from '../fiscal/RegisterBar'
import { useStoreRegisters } from '../fiscal/registers'
import { dateTime, euro, percent } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { labelOf } from '../labels'
import { useSession } from '../session'
import { tillDict } from '../till/dict'
import { ExchangeBox, type ExchangeDone, type ExchangeInput, ExchangeSummary } from '../till/ExchangeBox'
import { returnedValue } from '../till/exchange'
import { Empty, ErrorNote, Field, Section } from '../ui'

type ReturnIn = PostBody<'/api/v1/returns'>
type Reason = ReturnIn['lines'][number]['reason']
type Condition = NonNullable<ReturnIn['lines'][number]['condition']>
type Resolution = NonNullable<ReturnIn['lines'][number]['resolution']>
type ReturnView = GetResult<'/api/v1/returns/{id}'>

/** A purchase as GET /purchases shows it (the API describes it as a free-form object). */
interface Purchase {
  id: string
  number: string
  receipt_barcode: string
  channel: { code: string }
  status: string
  total_cents: number
  placed_at: string | null
  lines: Array<{
    id: string
    sku: string
    product_name: string
    quantity: number
    total_cents: number
    returnable_quantity: number
  }>
}

const reasons: Reason[] = [
  'changed_mind',
  'wrong_size',
  'defective',
  'damaged_on_arrival',
  'not_as_described',
  'wrong_item',
  'late_delivery',
  'other',
]
const conditions: Condition[] = ['resellable', 'damaged', 'defective']
/** Reasons after which the item's condition is asked rather than taken as resellable. */
const asked: Reason[] = ['defective', 'damaged_on_arrival']
const resolutions: Resolution[] = ['refund', 'repair']

type Key =
  | 'title'
  | 'find'
  | 'findHint'
  | 'search'
  | 'purchases'
  | 'choose'
  | 'order'
  | 'article'
  | 'bought'
  | 'returnable'
  | 'qty'
  | 'reason'
  | 'condition'
  | 'qtyOf'
  | 'reasonOf'
  | 'conditionOf'
  | 'resolution'
  | 'resolutionOf'
  | 'toRefund'
  | 'toRepair'
  | 'refundTo'
  | 'operation'
  | 'refund'
  | 'exchange'
  | 'original'
  | 'store_credit'
  | 'override'
  | 'overrideHint'
  | 'submit'
  | 'nothing'
  | 'done'
  | 'refunded'
  | 'credited'
  | 'vat'
  | 'next'
  | 'ask'
  | 'askCondition'
  | 'slip'
  | 'originalOrder'
  | 'returnedItems'
  | 'totalRefunded'
  | 'refundedHow'
  | 'print'
  | Reason
  | Condition

const dict: Dictionary<Key> = {
  fr: {
    title: 'Retours en caisse',
    find: 'Ticket, n° de commande, téléphone ou e-mail',
    findHint: 'Scannez le code-barres du ticket : tout achat, de tout canal.',
    search: 'Rechercher',
    purchases: 'Achats trouvés',
    choose: 'Retourner des articles de la commande {n}',
    order: 'Commande {n} · {channel} · {date} · {total}',
    article: 'Article',
    bought: 'Acheté',
    returnable: 'Retournable',
    qty: 'Rendu',
    reason: 'Motif',
    condition: 'État',
    qtyOf: 'Quantité rendue — {name}',
    reasonOf: 'Motif — {name}',
    conditionOf: 'État — {name}',
    resolution: 'Suite',
    resolutionOf: 'Suite — {name}',
    toRefund: 'Rembourser',
    toRepair: 'Réparer (SAV, rien n’est remboursé)',
    refundTo: 'Rembourser',
    operation: 'Le client repart avec',
    refund: 'Un remboursement',
    exchange: 'Un échange',
    original: 'Sur les moyens de paiement d’origine',
    store_credit: 'En avoir',
    override: 'Dérogation du responsable (motif)',
    overrideHint: 'Seulement si la politique de retour refuse : le motif est enregistré avec le retour.',
    submit: 'Enregistrer le retour',
    nothing: 'Indiquez au moins un article rendu.',
    done: 'Retour {n} enregistré',
    refunded: 'Remboursé',
    credited: 'crédité sur {code}',
    vat: 'dont TVA',
    next: 'Nouveau retour',
    ask: 'À préciser : revendable ?',
    askCondition: '{name} est rapporté défectueux ou abîmé : précisez s’il est revendable ou non.',
    slip: 'Bon de retour n° {n}',
    originalOrder: 'Achat d’origine : commande {n}',
    returnedItems: 'Articles rendus',
    totalRefunded: 'Total remboursé',
    refundedHow: 'Remboursement',
    print: 'Imprimer le bon de retour',
    changed_mind: 'Changement d’avis',
    wrong_size: 'Mauvaise taille',
    defective: 'Défectueux',
    damaged_on_arrival: 'Abîmé à la réception',
    not_as_described: 'Non conforme',
    wrong_item: 'Erreur d’article',
    late_delivery: 'Livraison tardive',
    other: 'Autre',
    resellable: 'Revendable',
    damaged: 'Abîmé (quarantaine)',
  },
  en: {
    title: 'Returns at the till',
    find: 'Receipt, order number, phone or e-mail',
    findHint: 'Scan the receipt barcode: any purchase, from any channel.',
    search: 'Find',
    purchases: 'Purchases found',
    choose: 'Return items of order {n}',
    order: 'Order {n} · {channel} · {date} · {total}',
    article: 'Item',
    bought: 'Bought',
    returnable: 'Returnable',
    qty: 'Returned',
    reason: 'Reason',
    condition: 'Condition',
    qtyOf: 'Quantity returned — {name}',
    reasonOf: 'Reason — {name}',
    conditionOf: 'Condition — {name}',
    resolution: 'Outcome',
    resolutionOf: 'Outcome — {name}',
    toRefund: 'Refund',
    toRepair: 'Repair (after-sales, nothing refunded)',
    refundTo: 'Refund to',
    operation: 'The customer leaves with',
    refund: 'A refund',
    exchange: 'An exchange',
    original: 'To the original means of payment',
    store_credit: 'As a credit note',
    override: 'Manager override (reason)',
    overrideHint: 'Only when the return policy refuses: the reason is stored with the return.',
    submit: 'Record the return',
    nothing: 'Give at least one item returned.',
    done: 'Return {n} recorded',
    refunded: 'Refunded',
    credited: 'credited to {code}',
    vat: 'of which VAT',
    next: 'New return',
    ask: 'To say: resellable?',
    askCondition: '{name} is brought back defective or damaged: say whether it can be sold again.',
    slip: 'Return slip no. {n}',
    originalOrder: 'Original purchase: order {n}',
    returnedItems: 'Items returned',
    totalRefunded: 'Total refunded',
    refundedHow: 'Refund',
    print: 'Print the return slip',
    changed_mind: 'Changed mind',
    wrong_size: 'Wrong size',
    defective: 'Defective',
    damaged_on_arrival: 'Damaged on arrival',
    not_as_described: 'Not as described',
    wrong_item: 'Wrong item',
    late_delivery: 'Late delivery',
    other: 'Other',
    resellable: 'Resellable',
    damaged: 'Damaged (quarantine)',
  },
}

/** What was typed or scanned: a receipt barcode, an order number, an e-mail or a phone number. */
function purchaseQuery(text: string): Record<string, string> {
  const v = text.trim()
  if (v.includes('@')) return { email: v }
  const digits = v.replace(/[\s.-]/g, '')
  if (/^\d{13}$/.test(digits)) return { receipt: digits }
  if (/^\d{1,10}$/.test(digits)) return { number: digits }
  return { phone: v }
}

/** Goods brought back to the till, from a purchase made in any channel: inspected and refunded at once. */
export function Returns() {
  const t = useT(dict)
  const channels = useChannels()
  const { lang } = useLang()
  const { api } = useSession()
  const findRef = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [found, setFound] = useState<Purchase[] | null>(null)
  const [chosen, setChosen] = useState<Purchase | null>(null)
  const [done, setDone] = useState<{ view: ReturnView; purchase: Purchase } | null>(null)
  const [exchanged, setExchanged] = useState<ExchangeDone | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => findRef.current?.focus(), [])

  async function find(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setChosen(null)
    try {
      const page = await ok(
        api.GET('/api/v1/purchases', { params: { query: { ...purchaseQuery(text), limit: 10 } } }),
      )
      const list = page.data as unknown as Purchase[]
      setFound(list)
      if (list.length === 1) setChosen(list[0]!)
    } catch (err) {
      setError(err)
    }
  }

  function reset() {
    setDone(null)
    setExchanged(null)
    setFound(null)
    setChosen(null)
    setText('')
    requestAnimationFrame(() => findRef.current?.focus())
  }

  if (done) return <ReturnDone view={done.view} purchase={done.purchase} onNext={reset} />
  if (exchanged) return <ExchangeSummary done={exchanged} onNext={reset} />

  return (
    <div className="returns">
      <h1>{t('title')}</h1>
      <form onSubmit={find} className="inline-form">
        <Field
          ref={findRef}
          label={t('find')}
          hint={t('findHint')}
          value={text}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!text.trim()}>
          {t('search')}
        </button>
      </form>
      <ErrorNote error={error} />
      {found && !chosen && (
        <Section title={t('purchases')}>
          {found.length === 0 && <Empty />}
          <ul className="list">
            {found.map((p) => (
              <li key={p.id}>
                <button type="button" className="link" onClick={() => setChosen(p)}>
                  {t('order', {
                    n: p.number,
                    channel: channels.name(p.channel.code),
                    date: p.placed_at ? dateTime(p.placed_at, lang) : '—',
                    total: euro(p.total_cents),
                  })}
                </button>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {chosen && (
        <ReturnForm
          key={chosen.id}
          purchase={chosen}
          onDone={(view) => setDone({ view, purchase: chosen })}
          onExchanged={setExchanged}
        />
      )}
    </div>
  )
}

function ReturnForm({
  purchase,
  onDone,
  onExchanged,
}: {
  purchase: Purchase
  onDone(view: ReturnView): void
  onExchanged(done: ExchangeDone): void
}) {
  const t = useT(dict)
  const channels = useChannels()
  const { lang } = useLang()
  const { api, me } = useSession()
  const [lines, setLines] = useState(
    purchase.lines.map((l) => ({
      ...l,
      back: 0,
      reason: 'changed_mind' as Reason,
      condition: 'resellable' as Condition | '',
      resolution: 'refund' as Resolution,
    })),
  )
  const [operation, setOperation] = useState<'refund' | 'exchange'>('refund')
  const [refundTo, setRefundTo] = useState<'original' | 'store_credit'>('original')
  const [override, setOverride] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  // One key per return: a retry after a lost answer records it once.
  const returnKey = useRef(crypto.randomUUID())
  const refused = error instanceof ApiError && error.code === 'return_not_allowed'

  const update = (i: number, patch: Partial<(typeof lines)[number]>) =>
    setLines((old) => old.map((l, j) => (j === i ? { ...l, ...patch } : l)))
  // The register this till refunds through (as its sales): the return joins its fiscal chain.
  const fiscal = useStoreRegisters()

  /** The return's body: the lines brought back, and the override when a manager gives one. */
  function returnBody(): ReturnIn | null {
    const chosen = lines.filter((l) => l.back > 0)
    if (chosen.length === 0) {
      setError(new Error(t('nothing')))
      return null
    }
    // A defective or damaged item: whether it can be sold again is asked, never assumed.
    const unsaid = chosen.find((l) => l.condition === '')
    if (unsaid) {
      setError(new Error(t('askCondition', { name: unsaid.product_name })))
      return null
    }
    return {
      order_id: purchase.id,
      method: 'in_store',
      ...(fiscal.register ? { register_id: fiscal.register.id } : {}),
      lines: chosen.map((l) => ({
        order_line_id: l.id,
        quantity: l.back,
        reason: l.reason,
        condition: l.condition as Condition,
        resolution: l.resolution,
      })),
      ...(override.trim() ? { override: { reason: override.trim() } } : {}),
    }
  }

  async function record(body: ReturnIn): Promise<ReturnView | null> {
    setBusy(true)
    setError(null)
    try {
      return await ok(
        api.POST('/api/v1/returns', { params: { header: { 'idempotency-key': returnKey.current } }, body }),
      )
    } catch (err) {
      // A refused return may be retried with an override: that is a new request.
      returnKey.current = crypto.randomUUID()
      setError(err)
      return null
    } finally {
      setBusy(false)
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    // Enter in a field of the exchange's returned lines does not record a refund.
    if (operation === 'exchange') return
    const body = returnBody()
    if (!body) return
    const view = await record({ ...body, refund_to: refundTo })
    if (view) onDone(view)
  }

  async function exchange(goods: ExchangeInput) {
    const body = returnBody()
    if (!body) return
    const view = await record({ ...body, exchange: goods })
    if (!view?.exchange_order_id) return
    // Recorded: a failure reading the result is retried with the same key, which records nothing twice.
    try {
      const code = view.refunds?.[0]?.credited_code ?? null
      const [order, credit] = await Promise.all([
        ok(api.GET('/api/v1/orders/{id}', { params: { path: { id: view.exchange_order_id } } })),
        code
          ? ok(api.GET('/api/v1/stored-value/{code}', { params: { path: { code } } }))
          : Promise.resolve(null),
      ])
      const names = new Map(purchase.lines.map((l) => [l.id, l]))
      onExchanged({
        returnNumber: view.number,
        originalNumber: purchase.number,
        returned: view.lines.map((l) => ({
          id: l.id,
          name: names.get(l.order_line_id)?.product_name ?? l.sku,
          sku: l.sku,
          quantity: l.quantity,
          refundCents: l.refund_cents,
        })),
        returnedCents: view.refund_cents,
        order,
        credit: credit ? { code: credit.code, balanceCents: credit.balance_cents } : null,
      })
    } catch (err) {
      setError(err)
    }
  }

  return (
    <>
      <RegisterBar till={fiscal} />
      <Section title={t('choose', { n: purchase.number })}>
        <p className="muted">
          {channels.name(purchase.channel.code)} ·{' '}
          {purchase.placed_at ? dateTime(purchase.placed_at, lang) : ''} · {euro(purchase.total_cents)}
        </p>
        <form onSubmit={submit}>
          <table data-testid="return-lines">
            <thead>
              <tr>
                <th scope="col">{t('article')}</th>
                <th scope="col" className="num">
                  {t('bought')}
                </th>
                <th scope="col" className="num">
                  {t('returnable')}
                </th>
                <th scope="col">{t('qty')}</th>
                <th scope="col">{t('reason')}</th>
                <th scope="col">{t('condition')}</th>
                <th scope="col">{t('resolution')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={l.id}>
                  <td>
                    {l.product_name}
                    <br />
                    <small className="muted">{l.sku}</small>
                  </td>
                  <td className="num">
                    {l.quantity} · {euro(l.total_cents)}
                  </td>
                  <td className="num">{l.returnable_quantity}</td>
                  <td>
                    <input
                      type="number"
                      className="qty"
                      min={0}
                      max={l.returnable_quantity}
                      disabled={l.returnable_quantity === 0}
                      aria-label={t('qtyOf', { name: l.product_name })}
                      value={l.back}
                      onChange={(e) =>
                        update(i, {
                          back: Math.max(
                            0,
                            Math.min(l.returnable_quantity, Number.parseInt(e.target.value, 10) || 0),
                          ),
                        })
                      }
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t('reasonOf', { name: l.product_name })}
                      value={l.reason}
                      onChange={(e) => {
                        const reason = e.target.value as Reason
                        // Brought back as faulty: the condition is for the cashier to say.
                        update(i, {
                          reason,
                          ...(asked.includes(reason) ? { condition: '' } : { condition: 'resellable' }),
                        })
                      }}
                    >
                      {reasons.map((r) => (
                        <option key={r} value={r}>
                          {t(r)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={t('conditionOf', { name: l.product_name })}
                      value={l.condition}
                      aria-invalid={l.back > 0 && l.condition === '' ? true : undefined}
                      onChange={(e) => update(i, { condition: e.target.value as Condition })}
                    >
                      {l.condition === '' && (
                        <option value="" disabled>
                          {t('ask')}
                        </option>
                      )}
                      {conditions.map((c) => (
                        <option key={c} value={c}>
                          {t(c)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={t('resolutionOf', { name: l.product_name })}
                      value={l.resolution}
                      onChange={(e) => update(i, { resolution: e.target.value as Resolution })}
                    >
                      {resolutions.map((r) => (
                        <option key={r} value={r}>
                          {t(r === 'refund' ? 'toRefund' : 'toRepair')}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset className="methods">
            <legend>{t('operation')}</legend>
            {(['refund', 'exchange'] as const).map((o) => (
              <label key={o} className="radio">
                <input
                  type="radio"
                  name="operation"
                  value={o}
                  checked={operation === o}
                  onChange={() => {
                    setOperation(o)
                    setError(null)
                  }}
                />
                {t(o)}
              </label>
            ))}
          </fieldset>
          {operation === 'refund' && (
            <fieldset className="methods">
              <legend>{t('refundTo')}</legend>
              {(['original', 'store_credit'] as const).map((r) => (
                <label key={r} className="radio">
                  <input
                    type="radio"
                    name="refund_to"
                    value={r}
                    checked={refundTo === r}
                    onChange={() => setRefundTo(r)}
                  />
                  {t(r)}
                </label>
              ))}
            </fieldset>
          )}
          {(refused || override) && me.manager && (
            <Field
              label={t('override')}
              hint={t('overrideHint')}
              value={override}
              onChange={(e) => setOverride(e.target.value)}
            />
          )}
          {operation === 'refund' && (
            <>
              <ErrorNote error={error} />
              <button type="submit" className="primary" disabled={busy}>
                {t('submit')}
              </button>
            </>
          )}
        </form>
      </Section>
      {operation === 'exchange' && (
        <ExchangeBox returnedCents={returnedValue(lines)} busy={busy} error={error} onConfirm={exchange} />
      )}
    </>
  )
}

function ReturnDone({ view, purchase, onNext }: { view: ReturnView; purchase: Purchase; onNext(): void }) {
  const t = useT(dict)
  const tender = useT(tillDict)
  const { lang } = useLang()
  const { store } = useSession()
  const names = new Map(purchase.lines.map((l) => [l.id, l.product_name]))
  return (
    <div className="till-done" data-testid="return-done">
      <article className="receipt" aria-labelledby="return-slip-title" data-testid="return-slip">
        <header>
          <h2 id="return-slip-title">{t('slip', { n: view.number })}</h2>
          {store && (
            <p>
              <strong>{store.name}</strong>
              <br />
              {store.address_line}, {store.postcode} {store.city}
            </p>
          )}
          <p>{dateTime(view.created_at, lang)}</p>
          <p>{t('originalOrder', { n: purchase.number })}</p>
        </header>
        <table>
          <caption>{t('returnedItems')}</caption>
          <tbody>
            {view.lines.map((l) => (
              <tr key={l.id}>
                <td>
                  {l.quantity} × {names.get(l.order_line_id) ?? l.sku}
                  <br />
                  <small>{l.sku}</small>
                </td>
                <td className="num">{euro(l.refund_cents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('totalRefunded')}</th>
              <td className="num total" data-testid="refund">
                {euro(view.refund_cents)}
              </td>
            </tr>
          </tfoot>
        </table>
        <table className="vat">
          <caption>
            {t('vat')} {euro(view.vat_cents)}
          </caption>
          <tbody>
            {view.vat_breakdown.map((v) => (
              <tr key={v.rate}>
                <td>{percent(v.rate)}</td>
                <td className="num">{euro(v.base_incl_cents)}</td>
                <td className="num">{euro(v.vat_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('refundedHow')} :</p>
        <ul className="list">
          {(view.refunds ?? []).map((r) => (
            <li key={r.id}>
              {labelOf(tender, tillDict, r.method)} · {euro(r.amount_cents)}
              {r.credited_code ? ` · ${t('credited', { code: r.credited_code })}` : ''}
            </li>
          ))}
        </ul>
      </article>
      <div className="row no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('print')}
        </button>
        <button type="button" className="primary" onClick={onNext} ref={(b) => b?.focus()}>
          {t('next')}
        </button>
      </div>
    </div>
  )
}
