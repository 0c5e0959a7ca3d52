import { useState } from 'react'
import { dateTime, euro } from '../format'
import { useLang, useT } from '../i18n'
import { tillDict } from './dict'
import type { ParkedBasket } from './saved'

/** The baskets parked at this register: when, how many articles, how much, for whom; resumed in one tap. */
export function ParkedList({
  parked,
  onResume,
  locked,
}: {
  parked: ParkedBasket[]
  onResume(id: string): void
  locked: boolean
}) {
  const t = useT(tillDict)
  const { lang } = useLang()
  const [open, setOpen] = useState(false)
  if (parked.length === 0) return null
  return (
    <div className="parked" data-testid="parked">
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('parkedCount', { n: parked.length })}
      </button>
      {open && (
        <ul className="list">
          {parked.map((p) => {
            const n = p.lines.reduce((sum, l) => sum + l.quantity, 0)
            const who = p.customer
              ? `${p.customer.customer.first_name} ${p.customer.customer.last_name}`
              : null
            return (
              <li key={p.id} className="parked-row">
                <span>
                  <strong>{dateTime(p.parkedAt, lang)}</strong> · {t('articles', { n })} ·{' '}
                  <strong>{euro(p.totalCents)}</strong>
                  {who && <> · {who}</>}
                  <br />
                  <small className="muted">{p.lines.map((l) => l.name).join(', ')}</small>
                </span>
                <button
                  type="button"
                  className="primary"
                  disabled={locked}
                  aria-label={t('resumeOf', { time: dateTime(p.parkedAt, lang), total: euro(p.totalCents) })}
                  onClick={() => {
                    setOpen(false)
                    onResume(p.id)
                  }}
                >
                  {t('resume')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
