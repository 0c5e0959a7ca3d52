import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ok, type TenderMethod } from '../api/client'
import type { Names } from '../errors'
import { centsInput, euro, parseEuros } from '../format'
import { useT } from '../i18n'
import { useSession } from '../session'
import { ErrorNote, Field } from '../ui'
import { changeDue, paid, type TenderLine, tender } from './basket'
import type { TillCustomer } from './CustomerBox'
import { tillDict } from './dict'
import { Keypad, keyed } from './Keypad'

/** Notes a customer may hand over for `due`: the exact amount, then the next 5, 10, 20 and 50 €. */
export function quickCash(dueCents: number): number[] {
  if (dueCents <= 0) return []
  const out = [dueCents]
  for (const step of [500, 1000, 2000, 5000]) {
    const next = Math.ceil(dueCents / step) * step
    const above = next === dueCents ? next + step : next
    if (!out.includes(above)) out.push(above)
  }
  return out
}

const coded = (m: TenderMethod) => m === 'gift_card' || m === 'store_credit' || m === 'voucher'

/**
 * Tenders, one after the other, until nothing is left to pay: a card for part, cash for the rest
 * with the change, a gift card or credit note by its code, loyalty points of the attached customer.
 */
export function PaymentBox({
  totalCents,
  tenders,
  onTenders,
  customer,
  onComplete,
  methods,
  ready,
  busy,
  error,
  completeLabel,
  showDue = true,
  names,
}: {
  totalCents: number
  tenders: TenderLine[]
  onTenders(t: TenderLine[]): void
  customer: TillCustomer | null
  onComplete(): void
  /** The tenders this channel takes (cash only at a till). */
  methods: TenderMethod[]
  /** Every line knows how it is handed over (pickup store, delivery address). */
  ready: boolean
  busy: boolean
  error: unknown
  /** What the last button says (the till's "complete the sale" by default). */
  completeLabel?: string
  /** Whether the amount due is shown here (the till shows it in its summary, always in view). */
  showDue?: boolean
  /** Names for the ids an error mentions (stores, articles). */
  names?: Names
}) {
  const t = useT(tillDict)
  const { api } = useSession()
  const [method, setMethod] = useState<TenderMethod>(methods[0] ?? 'card')
  const [amount, setAmount] = useState('')
  // The amount was just offered (or focused): the first key typed replaces it.
  const [amountFresh, setAmountFresh] = useState(true)
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<unknown>(null)
  const completeRef = useRef<HTMLButtonElement>(null)
  const methodRef = useRef<HTMLFieldSetElement>(null)
  const due = totalCents - paid(tenders)
  const canComplete = !busy && ready && totalCents > 0 && due === 0
  // Paid in full: the next key press completes the sale, also when the till is still checking the
  // prices (the button takes the focus once it can be pressed, not before: focus on a disabled
  // button goes nowhere and the cashier would have to reach for the mouse).
  const [completeNext, setCompleteNext] = useState(false)
  useEffect(() => {
    if (tenders.length === 0) setCompleteNext(false)
    else if (completeNext && canComplete) {
      completeRef.current?.focus()
      setCompleteNext(false)
    }
  }, [completeNext, canComplete, tenders.length])
  const pointsWorth = customer ? Math.min(customer.worthCents, due) : 0

  // The amount field offers what is left to pay (or what the points are worth).
  useEffect(() => {
    setAmount(due > 0 ? centsInput(method === 'loyalty_points' ? pointsWorth : due) : '')
    setAmountFresh(true)
  }, [due, method, pointsWorth])

  async function add(e: FormEvent) {
    e.preventDefault()
    const typed = parseEuros(amount)
    if (typed !== null) await take(typed)
  }

  async function take(typed: number) {
    setProblem(null)
    try {
      if (method === 'loyalty_points' && !customer) throw new Error(t('needCustomer'))
      if (coded(method) && !code.trim()) throw new Error(t('needCode'))
      if (coded(method)) {
        const card = await ok(
          api.GET('/api/v1/stored-value/{code}', { params: { path: { code: code.trim() } } }),
        )
        if (card.balance_cents < typed) throw new Error(`${card.code} : ${euro(card.balance_cents)}`)
      }
      const next = tender(method, typed, due, coded(method) ? code.trim() : undefined)
      if (!next) throw new Error(t('tooMuch'))
      const all = [...tenders, next]
      onTenders(all)
      setCode('')
      setMethod(methods[0] ?? 'card')
      // Paid in full: the next key press completes the sale; else the next tender is chosen.
      if (paid(all) >= totalCents) setCompleteNext(true)
      else
        requestAnimationFrame(() =>
          methodRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus(),
        )
    } catch (err) {
      setProblem(err)
    }
  }

  const change = changeDue(tenders)
  return (
    <div className="payment">
      {showDue && (
        <p className="due">
          {t('due')} : <strong data-testid="due">{euro(totalCents)}</strong>
          {tenders.length > 0 && (
            <>
              {' · '}
              {t('left')} : <strong data-testid="left">{euro(Math.max(0, due))}</strong>
            </>
          )}
        </p>
      )}
      {due > 0 && (
        <form onSubmit={add} className="tender-form">
          <fieldset ref={methodRef} className="methods">
            <legend>{t('method')}</legend>
            {methods.map((m) => (
              <label key={m} className="radio">
                <input
                  type="radio"
                  name="method"
                  value={m}
                  checked={method === m}
                  disabled={m === 'loyalty_points' && !customer}
                  onChange={() => setMethod(m)}
                />
                {t(m)}
              </label>
            ))}
          </fieldset>
          {coded(method) && (
            <Field
              label={t('code')}
              value={code}
              autoComplete="off"
              onChange={(e) => setCode(e.target.value)}
            />
          )}
          <Field
            label={method === 'cash' ? t('handed') : t('amount')}
            inputMode="decimal"
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value)
              setAmountFresh(false)
            }}
            onFocus={(e) => {
              e.target.select()
              setAmountFresh(true)
            }}
          />
          {method === 'cash' && (
            <>
              {/* biome-ignore lint/a11y/useSemanticElements: a row of shortcut buttons inside the tender form */}
              <div className="quick-cash" role="group" aria-label={t('quick')}>
                {quickCash(due).map((cents, i) => (
                  <button
                    key={cents}
                    type="button"
                    className="secondary"
                    aria-label={t('cashOf', { amount: euro(cents) })}
                    onClick={() => void take(cents)}
                  >
                    {i === 0 ? `${t('exact')} ${euro(cents)}` : euro(cents)}
                  </button>
                ))}
              </div>
              <Keypad
                field={t('handed')}
                decimals
                onKey={(k) => {
                  setAmount(keyed(amount, k, amountFresh, true))
                  setAmountFresh(false)
                }}
              />
            </>
          )}
          <button type="submit" className="secondary">
            {t('addTender')}
          </button>
        </form>
      )}
      <ErrorNote error={problem} />
      {tenders.length > 0 && (
        <table className="tenders" data-testid="tenders">
          <caption>{t('tenders')}</caption>
          <tbody>
            {tenders.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: tenders have no identity before the sale
              <tr key={i}>
                <th scope="row">
                  {t(p.method)}
                  {p.reference ? ` ${p.reference}` : ''}
                </th>
                <td className="num">{euro(p.amountCents)}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    disabled={busy}
                    aria-label={`${t('remove')} ${t(p.method)} ${euro(p.amountCents)}`}
                    onClick={() => onTenders(tenders.filter((_, j) => j !== i))}
                  >
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {change > 0 && (
        <p className="change" data-testid="change" aria-live="polite">
          {t('change')} : <strong>{euro(change)}</strong>
        </p>
      )}
      <ErrorNote error={error} names={names} />
      <button
        ref={completeRef}
        type="button"
        className="primary big"
        disabled={!canComplete}
        onClick={onComplete}
      >
        {completeLabel ?? t('complete')}
      </button>
    </div>
  )
}
