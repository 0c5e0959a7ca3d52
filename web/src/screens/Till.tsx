import { useEffect, useRef, useState } from 'react'
import { type Channel, type Order, ok, type TenderMethod } from '../api/client'
import { useT } from '../i18n'
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
  pricedLines,
  type TenderLine,
} from '../till/basket'
import { CustomerBox, type TillCustomer } from '../till/CustomerBox'
import { tillDict } from '../till/dict'
import { PaymentBox } from '../till/PaymentBox'
import { PromoCodes } from '../till/PromoCodes'
import { Receipt } from '../till/Receipt'
import { type Article, ScanBox } from '../till/ScanBox'
import { useQuote } from '../till/useQuote'
import { Section } from '../ui'

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
  const { api, store, channel } = useSession()
  const phone = kind === onPhone
  const scanRef = useRef<HTMLInputElement>(null)
  const [webChannel, setWebChannel] = useState<Channel | null>(null)
  const [lines, setLines] = useState<BasketLine[]>([])
  const [customer, setCustomer] = useState<TillCustomer | null>(null)
  const [tenders, setTenders] = useState<TenderLine[]>([])
  const [address, setAddress] = useState<DeliveryAddress>(emptyAddress)
  const [order, setOrder] = useState<Order | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [scanMs, setScanMs] = useState<number | null>(null)
  const [codes, setCodes] = useState<string[]>([])
  const scannedAt = useRef<number | null>(null)
  // One key per sale: a retry after a lost answer records the sale once.
  const saleKey = useRef(crypto.randomUUID())

  // A phone order opened from a customer's 360 starts with that customer.
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('customer')
    if (!id) return
    Promise.all([
      ok(api.GET('/api/v1/customers/{id}', { params: { path: { id } } })),
      ok(api.GET('/api/v1/customers/{id}/loyalty', { params: { path: { id }, query: { limit: 1 } } })),
    ]).then(
      ([c, loyalty]) =>
        setCustomer({ customer: c, points: loyalty.balance, worthCents: loyalty.worth_cents }),
      setError,
    )
  }, [api])

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
    setError,
  )

  if (!channel || (!phone && !store)) return <p>{t('noStore')}</p>

  const total = priced ? priced.due_now_cents : basketTotal(lines)
  const changeLines = (next: BasketLine[]) => {
    setLines(next)
    setTenders([])
  }

  function onAdd(article: Article, at?: number) {
    scannedAt.current = at ?? null
    changeLines(addToBasket(lines, article, kind.modes[0]))
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
            ...(customer ? { customer_id: customer.customer.id } : {}),
            lines: orderLines(lines),
            ...(needsAddress(lines) ? { delivery_address: { ...address, country: 'FR' } } : {}),
            ...(codes.length > 0 ? { promotion_codes: codes } : {}),
            payments: orderPayments(tenders),
          },
        }),
      )
      setOrder(placed)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  function newSale() {
    setLines([])
    setTenders([])
    setCustomer(null)
    setAddress(emptyAddress)
    setCodes([])
    setOrder(null)
    setError(null)
    setScanMs(null)
    saleKey.current = crypto.randomUUID()
    requestAnimationFrame(() => scanRef.current?.focus())
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

  return (
    <div className="till">
      <h1 className="sr-only">{phone ? t('phoneTitle') : t('title')}</h1>
      <div className="till-main">
        <Section title={t('article')}>
          <ScanBox storeChannel={channel} webChannel={webChannel} onAdd={onAdd} inputRef={scanRef} />
        </Section>
        <Section title={t('basket')}>
          <BasketTable
            lines={lines}
            onChange={changeLines}
            scanMs={scanMs}
            locked={busy}
            modes={kind.modes}
            priced={priced ? pricedLines(priced) : null}
          />
          {lines.length > 0 && (
            <PromoCodes
              codes={codes}
              locked={busy}
              onChange={(next) => {
                setCodes(next)
                setTenders([])
              }}
            />
          )}
        </Section>
      </div>
      <div className="till-side">
        <Section title={t('customer')}>
          <CustomerBox value={customer} onChange={setCustomer} locked={busy} />
          {needsAddress(lines) && (
            <AddressBox value={address} onChange={setAddress} customer={customer} locked={busy} />
          )}
        </Section>
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
            error={error}
          />
        </Section>
      </div>
    </div>
  )
}
