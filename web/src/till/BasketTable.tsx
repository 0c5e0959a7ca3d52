import { centsInput, euro, parseEuros } from '../format'
import { useT } from '../i18n'
import { useLocationNames } from '../locations'
import { useSession } from '../session'
import { type BasketLine, basketTotal, type LineMode, lineTotal, type PricedLine } from './basket'
import { tillDict } from './dict'

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

  if (lines.length === 0) return <p className="muted">{t('emptyBasket')}</p>
  return (
    <>
      <div className="scroll">
        <table className="basket" data-testid="basket" data-scan-ms={scanMs ?? undefined}>
          <caption className="sr-only">{t('basket')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('article')}</th>
              <th scope="col" className="num">
                {t('price')}
              </th>
              <th scope="col">{t('qty')}</th>
              <th scope="col">{t('discount')}</th>
              <th scope="col">{t('mode')}</th>
              <th scope="col" className="num">
                {t('lineTotal')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={l.sku}>
                <td>
                  {l.name}
                  <br />
                  <small className="muted">{l.sku}</small>
                  {priced?.get(i)?.promotions.map((p) => (
                    <span key={p.name} className="promo">
                      <br />
                      <small>
                        {p.name} −{euro(p.cents)}
                      </small>
                    </span>
                  ))}
                </td>
                <td className="num">{euro(l.unitCents)}</td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={999}
                    className="qty"
                    aria-label={t('qtyOf', { name: l.name })}
                    value={l.quantity}
                    disabled={locked}
                    onChange={(e) => {
                      const n = Number.parseInt(e.target.value, 10)
                      if (n >= 1) update(i, { quantity: n })
                    }}
                  />
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
                <td className="num">{euro(priced?.get(i)?.totalCents ?? lineTotal(l))}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    disabled={locked}
                    aria-label={t('removeOf', { name: l.name })}
                    onClick={() => onChange(lines.filter((_, j) => j !== i))}
                  >
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                {t('total')}
              </th>
              <td className="num total" data-testid="total">
                {euro(
                  priced ? [...priced.values()].reduce((s, l) => s + l.totalCents, 0) : basketTotal(lines),
                )}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {scanMs !== null && (
        <p className="muted small" data-testid="scan-ms">
          {t('scanTime', { ms: Math.round(scanMs) })}
        </p>
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
