import { useT } from '../i18n'
import { tillDict } from './dict'

/** What a keypad key does to the text being typed: a digit, the decimal comma, erase, clear. */
export function keyed(text: string, key: string, fresh: boolean, decimals: boolean): string {
  if (key === 'clear') return ''
  if (key === 'erase') return fresh ? '' : text.slice(0, -1)
  if (key === ',') {
    if (!decimals) return text
    if (fresh || text === '') return '0,'
    return text.includes(',') ? text : `${text},`
  }
  const base = fresh ? '' : text
  // Two decimals at most: cents.
  if (decimals && /,\d{2}$/.test(base)) return base
  return base === '0' ? key : base + key
}

const keys = ['7', '8', '9', '4', '5', '6', '1', '2', '3']

/**
 * A numeric keypad for tablets, next to the field it types into. Its keys do not take the focus
 * (mousedown is cancelled): the field keeps it, with its label and its value, as with a keyboard.
 */
export function Keypad({
  field,
  decimals,
  onKey,
  onDone,
}: {
  /** The name of the field it types into, for screen readers. */
  field: string
  decimals: boolean
  onKey(key: string): void
  onDone?(): void
}) {
  const t = useT(tillDict)
  const press = (key: string) => ({
    onMouseDown: (e: React.MouseEvent) => e.preventDefault(),
    onClick: () => onKey(key),
  })
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of keys, not a form's fieldset
    <div className="keypad" role="group" aria-label={t('keypadFor', { field })}>
      {keys.map((k) => (
        <button key={k} type="button" className="key" {...press(k)}>
          {k}
        </button>
      ))}
      {decimals ? (
        <button type="button" className="key" {...press(',')}>
          ,
        </button>
      ) : (
        <button type="button" className="key" aria-label={t('clear')} {...press('clear')}>
          C
        </button>
      )}
      <button type="button" className="key" {...press('0')}>
        0
      </button>
      <button type="button" className="key" aria-label={t('erase')} {...press('erase')}>
        ⌫
      </button>
      {onDone && (
        <button
          type="button"
          className="key primary wide"
          onMouseDown={(e) => e.preventDefault()}
          onClick={onDone}
        >
          {t('ok')}
        </button>
      )}
    </div>
  )
}
