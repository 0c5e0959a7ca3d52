import { useState } from 'react'
import { centsInput, euro, parseEuros } from '../format'
import { useT } from '../i18n'
import { useLocationNames } from '../locations'
import { useSession } from '../session'
import { type BasketLine, basketTotal, type LineMode, lineTotal, type PricedLine, shortHere } from './basket'
import { tillDict } from './dict'
import { Keypad, keyed } from './Keypad'

export function BasketTable({
  lines,
  onChange,
  scanMs,
  locked,
  modes,
  priced,
}: {
  lines: BasketLine[]
  onChange(lines: BasketLine[]): void
  scanMs: number | null
  locked: boolean
  /** How lines may be handed over in this channel. */
  modes: LineMode[]
  /** The server's pricing of this very basket (promotions), when it has answered. */
  priced?: Map<number, PricedLine> | null
}) {
  const t = useT(tillDict)
  const { store } = useSession()
  const network = useLocationNames()
  const otherStores = [...network.values()]
    .filter((l) => l.kind === 'store' && l.id !== store?.id)
    .sort((a, b) => a.name.localeCompare(b.name))
  const update = (i: number, patch: Partial<BasketLine>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)))
  // The quantity being typed (keyboard or keypad): applied on Enter, OK or leaving the field, so that
  // a scan caught while the cursor is here never sets a quantity of thirteen digits, even for a moment.
  const [edit, setEdit] = useState<{ sku: string; base: number; text: string; fresh: boolean } | null>(null)
  const shownQty = (l: BasketLine) =>
    edit?.sku === l.sku && edit.text !== String(edit.base) ? edit.text : String(l.quantity)
  const commit = () => {
    if (!edit) return
    const n = Number.parseInt(edit.text, 10)
    const i = lines.findIndex((l) => l.sku === edit.sku)
    setEdit(null)
    if (i >= 0 && n >= 1 && n <= 999 && edit.text !== String(edit.base)) update(i, { quantity: n })
  }
  const editing = edit ? lines.find((l) => l.sku === edit.sku) : undefined

  if (lines.length === 0) return <p className="muted">{t('emptyBasket')}</p>
  return (
    <>
      <div className="scroll">
        <table className="basket" data-testid="basket" data-scan-ms={scanMs ?? undefined}>
          <caption className="sr-only">{t('basket')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('article')}</th>
              <th scope="col">{t('qty')}</th>
              <th scope="col">{t('manualDiscount')}</th>
              <th scope="col">{t('mode')}</th>
              <th scope="col" className="num">
                {t('lineTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={l.sku}>
                <td>
                  {l.name}
                  <br />
                  <small className="muted">
                    {euro(l.unitCents)} · {l.sku}
                  </small>
                  {shortHere(l) && <ShortHere line={l} modes={modes} onMode={(p) => update(i, p)} />}
                  {priced?.get(i)?.promotions.map((p) => (
                    <span key={p.name} className="promo">
                      <br />
                      <small>
                        {p.name} −{euro(p.cents)}
                      </small>
                    </span>
                  ))}
                </td>
                <td>
                  <div className="qty-cell">
                    <button
                      type="button"
                      className="step"
                      aria-label={t('less', { name: l.name })}
                      disabled={locked || l.quantity <= 1}
                      onClick={() => update(i, { quantity: l.quantity - 1 })}
                    >
                      −
                    </button>
                    <input
                      inputMode="numeric"
                      className="qty"
                      aria-label={t('qtyOf', { name: l.name })}
                      value={shownQty(l)}
                      disabled={locked}
                      onFocus={(e) => {
                        setEdit({ sku: l.sku, base: l.quantity, text: String(l.quantity), fresh: true })
                        e.target.select()
                      }}
                      onChange={(e) =>
                        setEdit({
                          sku: l.sku,
                          base: edit?.sku === l.sku ? edit.base : l.quantity,
                          text: e.target.value.replace(/\D/g, '').slice(0, 3),
                          fresh: false,
                        })
                      }
                      onBlur={commit}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') e.currentTarget.blur()
                      }}
                    />
                    <button
                      type="button"
                      className="step"
                      aria-label={t('more', { name: l.name })}
                      disabled={locked || l.quantity >= 999}
                      onClick={() => update(i, { quantity: l.quantity + 1 })}
                    >
                      +
                    </button>
                  </div>
                </td>
                <td>
                  <DiscountInput
                    line={l}
                    disabled={locked}
                    onDiscount={(c) => update(i, { discountCents: c })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('modeOf', { name: l.name })}
                    value={l.mode}
                    disabled={locked}
                    onChange={(e) => update(i, { mode: e.target.value as LineMode })}
                  >
                    {modes.map((m) => (
                      <option key={m} value={m}>
                        {t(m)}
                      </option>
                    ))}
                  </select>
                  {l.mode === 'pickup' && (
                    <select
                      aria-label={t('pickupOf', { name: l.name })}
                      value={l.pickupStoreId ?? ''}
                      disabled={locked}
                      onChange={(e) => update(i, { pickupStoreId: e.target.value })}
                    >
                      <option value="" disabled>
                        {t('chooseStore')}
                      </option>
                      {otherStores.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td className="num">
                  {euro(priced?.get(i)?.totalCents ?? lineTotal(l))}
                  <br />
                  <button
                    type="button"
                    className="icon"
                    disabled={locked}
                    aria-label={t('removeOf', { name: l.name })}
                    title={t('removeOf', { name: l.name })}
                    onClick={() => onChange(lines.filter((_, j) => j !== i))}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                {t('total')}
              </th>
              <td className="num total" data-testid="total">
                {euro(
                  priced ? [...priced.values()].reduce((s, l) => s + l.totalCents, 0) : basketTotal(lines),
                )}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {edit && editing && (
        <Keypad
          field={t('qtyOf', { name: editing.name })}
          decimals={false}
          onKey={(k) => setEdit({ ...edit, text: keyed(edit.text, k, edit.fresh, false), fresh: false })}
          onDone={() => (document.activeElement as HTMLElement | null)?.blur()}
        />
      )}
    </>
  )
}

/** A discount typed in euros; applied when it is a valid amount no larger than the line. */
function DiscountInput({
  line,
  disabled,
  onDiscount,
}: {
  line: BasketLine
  disabled: boolean
  onDiscount(cents: number): void
}) {
  const t = useT(tillDict)
  return (
    <input
      className="money"
      inputMode="decimal"
      aria-label={t('discountOf', { name: line.name })}
      defaultValue={line.discountCents ? centsInput(line.discountCents) : ''}
      placeholder="0,00"
      disabled={disabled}
      onBlur={(e) => {
        const cents = e.target.value.trim() === '' ? 0 : parseEuros(e.target.value)
        if (cents === null || cents > line.unitCents * line.quantity) {
          e.target.value = line.discountCents ? centsInput(line.discountCents) : ''
          return
        }
        onDiscount(cents)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
      }}
    />
  )
}

/**
 * A line taken away that the store has not got (or not enough of): said as soon as it is added, with
 * the ways the network has to serve it, delivery home or pickup in the nearest store that has it.
 */
function ShortHere({
  line,
  modes,
  onMode,
}: {
  line: BasketLine
  modes: LineMode[]
  onMode(patch: Partial<BasketLine>): void
}) {
  const t = useT(tillDict)
  const stock = line.stock
  if (!stock) return null
  const online = stock.online ?? 0
  const store = stock.nearby.find((s) => s.available >= line.quantity)
  const canDeliver = modes.includes('delivery') && online >= line.quantity
  const canCollect = modes.includes('pickup') && store !== undefined
  return (
    <div className="notice short-here" data-testid="short-here">
      <p>{t('shortHere', { n: stock.here ?? 0 })}</p>
      {!canDeliver && !canCollect && <p>{t('shortHereNone')}</p>}
      <div className="row tight">
        {canDeliver && (
          <button type="button" className="secondary" onClick={() => onMode({ mode: 'delivery' })}>
            {t('deliverInstead', { n: online })}
          </button>
        )}
        {canCollect && store && (
          <button
            type="button"
            className="secondary"
            onClick={() => onMode({ mode: 'pickup', pickupStoreId: store.id })}
          >
            {t('collectAtStore', { store: store.name, n: store.available })}
          </button>
        )}
      </div>
    </div>
  )
}
