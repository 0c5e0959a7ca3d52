import { useEffect, useMemo, useRef, useState } from 'react'
import { ApiError, type Channel, ok, type TenderMethod } from '../api/client'
import { RegisterBar } from '../fiscal/RegisterBar'
import { useStoreRegisters } from '../fiscal/registers'
import { euro } from '../format'
import { useT } from '../i18n'
import { useLocationNames } from '../locations'
import { useSession } from '../session'
import { AddressBox, addressComplete, emptyAddress } from '../till/AddressBox'
import { BasketTable } from '../till/BasketTable'
import {
  addToBasket,
  type BasketLine,
  basketTotal,
  type DeliveryAddress,
  type LineMode,
  linesReady,
  needsAddress,
  orderLines,
  orderPayments,
  paid,
  pricedLines,
  type TenderLine,
} from '../till/basket'
import { CustomerBox, type TillCustomer } from '../till/CustomerBox'
import { tillDict } from '../till/dict'
import { offlineDict } from '../till/offline/dict'
import { OfflineBanner } from '../till/offline/OfflineBanner'
import { NotPricedOffline, type OfflineQuote, priceOffline } from '../till/offline/pricing'
import { enqueue, nextTicket, type ReceiptOrder, unreachable } from '../till/offline/queue'
import { markOffline, reportNetwork, useOfflineTill } from '../till/offline/useOfflineTill'
import { ParkedList } from '../till/ParkedList'
import { PaymentBox } from '../till/PaymentBox'
import { ProductGrid, ProductGridToggle } from '../till/ProductGrid'
import { PromoCodes } from '../till/PromoCodes'
import { Receipt } from '../till/Receipt'
import { type Article, ScanBox } from '../till/ScanBox'
import {
  loadDraft,
  loadParked,
  type ParkedBasket,
  park,
  registerId,
  resume,
  type SaleDraft,
  saleScope,
  saveDraft,
  saveParked,
} from '../till/saved'
import { setFieldValue, useScannerBursts } from '../till/scanner'
import { useQuote } from '../till/useQuote'
import { ErrorNote, Section } from '../ui'

declare global {
  interface Window {
    /** Scan-to-basket times of this page, read by the browser tests. */
    __passerelleScans?: number[]
  }
}

/** How a sale is made: at a store till, or by the call centre on the phone. */
interface SaleKind {
  modes: LineMode[]
  methods: TenderMethod[]
}

const atTill: SaleKind = {
  modes: ['takeaway', 'delivery', 'pickup'],
  methods: ['card', 'cash', 'gift_card', 'store_credit', 'loyalty_points'],
}
// On the phone nothing is taken away and no cash changes hands.
const onPhone: SaleKind = {
  modes: ['delivery', 'pickup'],
  methods: ['card', 'gift_card', 'store_credit', 'loyalty_points'],
}

/** The store till: scan, basket, customer, tenders, then the receipt. */
export function Till() {
  return <Sale kind={atTill} />
}

/** An order taken by the call centre for a caller (`/phone-order?customer=cus_…`). */
export function PhoneOrder() {
  return <Sale kind={onPhone} />
}

function Sale({ kind }: { kind: SaleKind }) {
  const t = useT(tillDict)
  const o = useT(offlineDict)
  const { api, store, channel, me } = useSession()
  const phone = kind === onPhone
  const [register] = useState(registerId)
  // The sale in progress and the parked baskets live in this browser, per register: a reload, a look
  // at another screen or a sign-in again finds them as they were.
  const [scope] = useState(() =>
    saleScope(register, `${me.role}.${store?.id ?? channel?.id ?? 'none'}`, phone ? 'phone' : 'till'),
  )
  // A store till keeps selling without the server: the store's catalogue is kept in the browser and
  // the sales made meanwhile are sent, once each, when it answers again.
  const offline = useOfflineTill(api, store, channel, register, !phone)
  const sellingOffline = !phone && !offline.online
  const [saved] = useState(() => loadDraft(scope))
  const network = useLocationNames()
  // The legal till's register this device sells on (none in a store not on registers yet).
  const fiscal = useStoreRegisters()
  const scanRef = useRef<HTMLInputElement>(null)
  const scanner = useRef<((ean: string, at: number, quiet?: boolean) => Promise<boolean>) | null>(null)
  const [webChannel, setWebChannel] = useState<Channel | null>(null)
  const [gridOpen, setGridOpen] = useState(false)
  const [lines, setLines] = useState<BasketLine[]>(saved?.lines ?? [])
  const [customer, setCustomer] = useState<TillCustomer | null>(saved?.customer ?? null)
  const [tenders, setTenders] = useState<TenderLine[]>(saved?.tenders ?? [])
  const [address, setAddress] = useState<DeliveryAddress>(saved?.address ?? emptyAddress)
  const [order, setOrder] = useState<ReceiptOrder | null>(null)
  const [offlineTicket, setOfflineTicket] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [quoteError, setQuoteError] = useState<unknown>(null)
  const [parkError, setParkError] = useState<unknown>(null)
  const [scanMs, setScanMs] = useState<number | null>(null)
  const [codes, setCodes] = useState<string[]>(saved?.codes ?? [])
  const [parked, setParked] = useState<ParkedBasket[]>(() => loadParked(scope))
  const scannedAt = useRef<number | null>(null)
  // One key per sale: a retry after a lost answer records the sale once.
  const saleKey = useRef(saved?.saleKey ?? crypto.randomUUID())

  useEffect(() => {
    if (order) return
    saveDraft(scope, { lines, customer, address, codes, tenders, saleKey: saleKey.current })
  }, [scope, order, lines, customer, address, codes, tenders])
  useEffect(() => saveParked(scope, parked), [scope, parked])

  // A barcode scanned while the focus is elsewhere (a quantity, a discount, the customer, the payment)
  // still reaches the basket. A loyalty card scanned into the customer search finds the customer.
  useScannerBursts((code, at, field) => {
    const fallback = field?.closest('[data-scan-fallback]') ? field : null
    void scanner.current?.(code, at, fallback !== null).then((found) => {
      if (found || !fallback) return
      setFieldValue(fallback, code)
      fallback.form?.requestSubmit()
    })
  })

  // A phone order opened from a customer's 360 starts with that customer.
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('customer')
    if (!id || saved?.customer?.customer.id === id) return
    Promise.all([
      ok(api.GET('/api/v1/customers/{id}', { params: { path: { id } } })),
      ok(api.GET('/api/v1/customers/{id}/loyalty', { params: { path: { id }, query: { limit: 1 } } })),
    ]).then(
      ([c, loyalty]) =>
        setCustomer({ customer: c, points: loyalty.balance, worthCents: loyalty.worth_cents }),
      setError,
    )
  }, [api, saved])

  useEffect(() => {
    ok(api.GET('/api/v1/channels', { params: { query: { limit: 100 } } }))
      .then((page) => setWebChannel(page.data.find((c) => c.kind === 'web') ?? null))
      .catch(() => setWebChannel(null))
  }, [api])

  // Measured once the scanned line is in the basket on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the basket has changed
  useEffect(() => {
    if (scannedAt.current === null) return
    const started = scannedAt.current
    scannedAt.current = null
    requestAnimationFrame(() => {
      const ms = performance.now() - started
      setScanMs(ms)
      window.__passerelleScans = [...(window.__passerelleScans ?? []), ms]
    })
  }, [lines])

  const priceable =
    lines.length > 0 && linesReady(lines) && (!needsAddress(lines) || addressComplete(address))
  const serverQuote = useQuote(
    api,
    channel && priceable && !sellingOffline
      ? {
          channel: channel.code,
          ...(customer ? { customer_id: customer.customer.id } : {}),
          lines: orderLines(lines),
          ...(needsAddress(lines) ? { delivery_address: { ...address, country: 'FR' } } : {}),
          ...(codes.length > 0 ? { promotion_codes: codes } : {}),
        }
      : null,
    (err) => {
      reportNetwork(err)
      setQuoteError(err)
    },
  )
  // Offline, the basket is priced by the till from the kept catalogue, as the server would price it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: offlineProblem only reads the dictionary
  const local = useMemo((): { quote: OfflineQuote | null; problem: unknown } => {
    if (!sellingOffline || !priceable) return { quote: null, problem: null }
    if (!offline.catalogue) return { quote: null, problem: new Error(o('noCatalogue')) }
    try {
      return { quote: priceOffline(offline.catalogue, lines, codes, new Date()), problem: null }
    } catch (err) {
      return { quote: null, problem: offlineProblem(err) }
    }
  }, [sellingOffline, priceable, offline.catalogue, lines, codes, o])
  const priced = sellingOffline ? local.quote : serverQuote

  if (!channel || (!phone && !store)) return <p>{t('noStore')}</p>

  const total = priced ? priced.due_now_cents : basketTotal(lines)
  const changeLines = (next: BasketLine[]) => {
    setLines(next)
    setTenders([])
    setError(null)
    setParkError(null)
  }

  function onAdd(article: Article, at?: number) {
    scannedAt.current = at ?? null
    setLines((current) => addToBasket(current, article, kind.modes[0]))
    setTenders([])
    setError(null)
    setParkError(null)
  }

  const draft = (): SaleDraft => ({ lines, customer, address, codes, tenders, saleKey: saleKey.current })

  function startAfresh(next: SaleDraft | null) {
    setLines(next?.lines ?? [])
    setTenders(next?.tenders ?? [])
    setCustomer(next?.customer ?? null)
    setAddress(next?.address ?? emptyAddress)
    setCodes(next?.codes ?? [])
    setError(null)
    setQuoteError(null)
    setParkError(null)
    setScanMs(null)
    saleKey.current = next?.saleKey ?? crypto.randomUUID()
    requestAnimationFrame(() => scanRef.current?.focus())
  }

  function parkSale() {
    const next = park(parked, draft(), total)
    if (!next) {
      setParkError(new Error(t('parkPaid')))
      return
    }
    setParked(next)
    startAfresh(null)
  }

  function resumeSale(id: string) {
    if (tenders.length > 0) {
      setParkError(new Error(t('parkPaid')))
      return
    }
    // The basket on the till, if any, is parked in its place.
    const list = lines.length > 0 ? (park(parked, draft(), total) ?? parked) : parked
    const taken = resume(list, id)
    if (!taken) return
    setParked(taken.rest)
    startAfresh(taken.draft)
  }

  function offlineProblem(err: unknown): unknown {
    if (!(err instanceof NotPricedOffline)) return err
    return new Error(
      err.reason === 'article'
        ? o('notInCatalogue', { name: err.what })
        : o('codeOffline', { code: err.what }),
    )
  }

  /** Closes the sale shown on the till once it is recorded, online or offline. */
  function recorded(receipt: ReceiptOrder, ticket: string | null) {
    setOrder(receipt)
    setOfflineTicket(ticket)
    saveDraft(scope, {
      lines: [],
      customer: null,
      address: emptyAddress,
      codes: [],
      tenders: [],
      saleKey: '',
    })
  }

  /**
   * The sale made without the server: priced from the kept catalogue, numbered on this register's
   * offline tickets, kept in the browser with its Idempotency-Key before its receipt is shown, and
   * sent when the server answers again. Take-away, cash and card only; no customer attached.
   */
  async function sellOffline() {
    if (!channel || !store) return
    try {
      if (!offline.catalogue) throw new Error(o('noCatalogue'))
      if (lines.some((l) => l.mode !== 'takeaway')) throw new Error(o('takeawayOnly'))
      if (tenders.some((p) => p.method !== 'card' && p.method !== 'cash')) throw new Error(o('tendersOnly'))
      const soldAt = new Date()
      const quote = priceOffline(offline.catalogue, lines, codes, soldAt)
      if (quote.total_cents !== paid(tenders))
        throw new Error(o('priceChanged', { amount: euro(quote.total_cents) }))
      const { seq, ticket } = nextTicket(register)
      const at = soldAt.toISOString()
      const receipt: ReceiptOrder = {
        number: ticket,
        placed_at: at,
        created_at: at,
        receipt_barcode: null,
        total_cents: quote.total_cents,
        vat_cents: quote.vat_cents,
        vat_breakdown: quote.vat_breakdown,
        lines: quote.lines.map((l) => ({
          ...l,
          id: `${ticket}.${l.line_no}`,
          fulfilment: 'takeaway' as const,
          source_location_id: store.id,
          pickup_location_id: null,
          fulfilled_quantity: l.quantity,
          cancelled_quantity: 0,
          returned_quantity: 0,
        })),
        payments: tenders.map((p, i) => ({
          id: `${ticket}.p${i + 1}`,
          kind: 'capture' as const,
          method: p.method,
          amount_cents: p.amountCents,
          tendered_cents: p.tenderedCents ?? null,
          change_due_cents: p.tenderedCents ? p.tenderedCents - p.amountCents : null,
          reference: null,
        })),
      }
      await enqueue({
        key: saleKey.current,
        register,
        seq,
        ticket,
        soldAt: at,
        body: {
          channel: channel.code,
          // The legal till's register: the replayed sale joins its chain in the order it was made.
          ...(fiscal.register ? { register_id: fiscal.register.id } : {}),
          lines: orderLines(lines),
          payments: orderPayments(tenders),
          ...(codes.length > 0 ? { promotion_codes: codes } : {}),
          offline: { sold_at: at, ticket },
        },
        receipt,
        state: 'pending',
        attempts: 0,
      })
      recorded(receipt, ticket)
    } catch (err) {
      setError(offlineProblem(err))
    }
  }

  async function complete() {
    if (!channel) return
    setBusy(true)
    setError(null)
    if (sellingOffline) {
      await sellOffline()
      setBusy(false)
      return
    }
    try {
      const placed = await ok(
        api.POST('/api/v1/orders', {
          params: { header: { 'idempotency-key': saleKey.current } },
          body: {
            channel: channel.code,
            ...(!phone && fiscal.register ? { register_id: fiscal.register.id } : {}),
            ...(customer ? { customer_id: customer.customer.id } : {}),
            lines: orderLines(lines),
            ...(needsAddress(lines) ? { delivery_address: { ...address, country: 'FR' } } : {}),
            ...(codes.length > 0 ? { promotion_codes: codes } : {}),
            payments: orderPayments(tenders),
          },
        }),
      )
      recorded(placed, null)
    } catch (err) {
      if (!phone && unreachable(err)) {
        // No answer: the sale is made offline, with the same key (sent once, however often).
        markOffline()
        await sellOffline()
      } else {
        setError(err)
        // Refused for the register (closed meanwhile, day closed): the bar above says so again.
        if (err instanceof ApiError && err.code.startsWith('register_')) void fiscal.reload()
      }
    } finally {
      setBusy(false)
    }
  }

  function newSale() {
    setOrder(null)
    setOfflineTicket(null)
    startAfresh(null)
  }

  if (order) {
    return (
      <div className="till-done">
        <Receipt
          order={order}
          store={phone ? null : store}
          title={phone ? t('confirmation') : offlineTicket ? o('receiptTitle') : t('receipt')}
          offlineTicket={offlineTicket ?? undefined}
          customer={customer ? `${customer.customer.first_name} ${customer.customer.last_name}` : undefined}
        />
        <div className="row no-print">
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t('print')}
          </button>
          <button type="button" className="primary" onClick={newSale} ref={(b) => b?.focus()}>
            {t('newSale')}
          </button>
        </div>
      </div>
    )
  }

  const left = total - paid(tenders)
  return (
    <div className="till">
      <h1 className="sr-only">{phone ? t('phoneTitle') : t('title')}</h1>
      <div className="till-main">
        <Section title={t('article')} hideTitle>
          <ScanBox
            storeChannel={channel}
            webChannel={webChannel}
            onAdd={onAdd}
            inputRef={scanRef}
            scanner={scanner}
            aside={
              phone ? undefined : (
                <ProductGridToggle open={gridOpen} onToggle={() => setGridOpen((o) => !o)} />
              )
            }
            offline={
              phone
                ? undefined
                : { online: offline.online, catalogue: offline.catalogue, onUnreachable: reportNetwork }
            }
            onStock={(sku, stock) =>
              setLines((current) => current.map((l) => (l.sku === sku ? { ...l, stock } : l)))
            }
          />
          {!phone && gridOpen && (
            <ProductGrid
              catalogue={offline.catalogue}
              onAdd={(a) => onAdd(a)}
              onClose={() => setGridOpen(false)}
            />
          )}
        </Section>
        <Section
          title={t('basket')}
          className="basket-panel"
          actions={
            <div className="row tight">
              <ParkedList parked={parked} onResume={resumeSale} locked={busy} />
              <button
                type="button"
                className="secondary"
                disabled={busy || lines.length === 0}
                onClick={parkSale}
              >
                {t('park')}
              </button>
            </div>
          }
        >
          <ErrorNote error={parkError} />
          <BasketTable
            lines={lines}
            onChange={changeLines}
            scanMs={scanMs}
            locked={busy}
            modes={kind.modes}
            priced={priced ? pricedLines(priced) : null}
          />
        </Section>
      </div>
      <div className="till-side">
        {!phone && <RegisterBar till={fiscal} />}
        {!phone && <OfflineBanner state={offline} />}
        <Section title={t('customer')}>
          <CustomerBox value={customer} onChange={setCustomer} locked={busy} />
          {sellingOffline && customer && (
            <p className="notice" role="status">
              {o('customerOnline')}
            </p>
          )}
          {needsAddress(lines) && (
            <AddressBox value={address} onChange={setAddress} customer={customer} locked={busy} />
          )}
        </Section>
        {lines.length > 0 && (
          <Section title={t('promoCode')} hideTitle>
            <PromoCodes
              codes={codes}
              locked={busy}
              onChange={(next) => {
                setCodes(next)
                setTenders([])
              }}
            />
          </Section>
        )}
        <Section title={t('payment')}>
          <PaymentBox
            totalCents={total}
            tenders={tenders}
            onTenders={setTenders}
            customer={customer}
            onComplete={complete}
            methods={sellingOffline ? kind.methods.filter((m) => m === 'card' || m === 'cash') : kind.methods}
            ready={priceable && priced !== null}
            busy={busy}
            error={error ?? (sellingOffline ? local.problem : quoteError)}
            showDue={false}
            names={{
              location: (id) => network.get(id)?.name,
              sku: (sku) => lines.find((l) => l.sku === sku)?.name,
            }}
          />
        </Section>
      </div>
      <p className="till-summary" aria-live="polite" data-testid="summary">
        <span>
          {t('due')} <strong data-testid="due">{euro(total)}</strong>
        </span>
        {tenders.length > 0 && (
          <span>
            {t('left')} <strong data-testid="left">{euro(Math.max(0, left))}</strong>
          </span>
        )}
        <span className="muted">{t('articles', { n: lines.reduce((n, l) => n + l.quantity, 0) })}</span>
      </p>
    </div>
  )
}
