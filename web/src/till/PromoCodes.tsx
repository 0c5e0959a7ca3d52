import { useState } from 'react'
import { useT } from '../i18n'
import { tillDict } from './dict'

/** Promotion codes the customer gives at the till; the server says whether they apply. */
export function PromoCodes({
  codes,
  onChange,
  locked,
}: {
  codes: string[]
  onChange(codes: string[]): void
  locked: boolean
}) {
  const t = useT(tillDict)
  const [typed, setTyped] = useState('')
  return (
    <form
      className="row promo-codes"
      onSubmit={(e) => {
        e.preventDefault()
        const code = typed.trim().toUpperCase()
        if (code && !codes.includes(code)) onChange([...codes, code])
        setTyped('')
      }}
    >
      <label>
        {t('promoCode')}
        <input
          value={typed}
          disabled={locked}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
        />
      </label>
      <button type="submit" className="secondary" disabled={locked || typed.trim() === ''}>
        {t('applyCode')}
      </button>
      {codes.map((code) => (
        <button
          key={code}
          type="button"
          className="link"
          disabled={locked}
          aria-label={t('removeCode', { code })}
          onClick={() => onChange(codes.filter((c) => c !== code))}
        >
          {code} ×
        </button>
      ))}
    </form>
  )
}
