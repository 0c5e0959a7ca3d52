import { useEffect, useRef, useState } from 'react'
import { ApiError, type Channel, type Order, ok, type TenderMethod } from '../api/client'
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
import { ParkedList } from '../till/ParkedList'
import { PaymentBox } from '../till/PaymentBox'
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
  const { api, store, channel, me } = useSession()
  const phone = kind === onPhone
  // The sale in progress and the parked baskets live in this browser, per register: a reload, a look
  // at another screen or a sign-in again finds them as they were.
  const [scope] = useState(() =>
    saleScope(registerId(), `${me.role}.${store?.id ?? channel?.id ?? 'none'}`, phone ? 'phone' : 'till'),
  )
  const [saved] = useState(() => loadDraft(scope))
  const network = useLocationNames()
  // The legal till's register this device sells on (none in a store not on registers yet).
  const fiscal = useStoreRegisters()
  const scanRef = useRef<HTMLInputElement>(null)
  const scanner = useRef<((ean: string, at: number, quiet?: boolean) => Promise<boolean>) | null>(null)
  const [webChannel, setWebChannel] = useState<Channel | null>(null)
  const [lines, setLines] = useState<BasketLine[]>(saved?.lines ?? [])
  const [customer, setCustomer] = useState<TillCustomer | null>(saved?.customer ?? null)
  const [tenders, setTenders] = useState<TenderLine[]>(saved?.tenders ?? [])
  const [address, setAddress] = useState<DeliveryAddress>(saved?.address ?? emptyAddress)
  const [order, setOrder] = useState<Order | null>(null)
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
  const priced = useQuote(
    api,
    channel && priceable
      ? {
          channel: channel.code,
          ...(customer ? { customer_id: customer.customer.id } : {}),
          lines: orderLines(lines),
          ...(needsAddress(lines) ? { delivery_address: { ...address, country: 'FR' } } : {}),
          ...(codes.length > 0 ? { promotion_codes: codes } : {}),
        }
      : null,
    setQuoteError,
  )

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

  async function complete() {
    if (!channel) return
    setBusy(true)
    setError(null)
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
      setOrder(placed)
      saveDraft(scope, {
        lines: [],
        customer: null,
        address: emptyAddress,
        codes: [],
        tenders: [],
        saleKey: '',
      })
    } catch (err) {
      setError(err)
      // Refused for the register (closed meanwhile, day closed): the bar above says so again.
      if (err instanceof ApiError && err.code.startsWith('register_')) void fiscal.reload()
    } finally {
      setBusy(false)
    }
  }

  function newSale() {
    setOrder(null)
    startAfresh(null)
  }

  if (order) {
    return (
      <div className="till-done">
        <Receipt
          order={order}
          store={phone ? null : store}
          title={phone ? t('confirmation') : t('receipt')}
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
        {!phone && <RegisterBar till={fiscal} />}
        <Section title={t('article')} hideTitle>
          <ScanBox
            storeChannel={channel}
            webChannel={webChannel}
            onAdd={onAdd}
            inputRef={scanRef}
            scanner={scanner}
            onStock={(sku, stock) =>
              setLines((current) => current.map((l) => (l.sku === sku ? { ...l, stock } : l)))
            }
          />
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
        <Section title={t('customer')}>
          <CustomerBox value={customer} onChange={setCustomer} locked={busy} />
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
            methods={kind.methods}
            ready={priceable && priced !== null}
            busy={busy}
            error={error ?? quoteError}
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
