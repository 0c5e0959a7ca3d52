import { type FormEvent, useState } from 'react'
import { type Customer, ok } from '../api/client'
import { euro } from '../format'
import { useT } from '../i18n'
import { identifierQuery } from '../identifiers'
import { useSession } from '../session'
import { ErrorNote, Field } from '../ui'
import { tillDict } from './dict'

export interface TillCustomer {
  customer: Customer
  points: number
  worthCents: number
}

export function CustomerBox({
  value,
  onChange,
  locked,
}: {
  value: TillCustomer | null
  onChange(c: TillCustomer | null): void
  locked: boolean
}) {
  const t = useT(tillDict)
  const { api } = useSession()
  const [text, setText] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [several, setSeveral] = useState<Customer[] | null>(null)

  async function find(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setSeveral(null)
    try {
      const page = await ok(
        api.GET('/api/v1/customers', { params: { query: { ...identifierQuery(text), limit: 8 } } }),
      )
      const customer = page.data[0]
      if (!customer) throw new Error(t('noCustomer'))
      // Several match (a shared phone, a common name): the cashier asks, never the first one silently.
      if (page.data.length > 1) {
        setSeveral(page.data)
        return
      }
      await attach(customer)
    } catch (err) {
      setError(err)
    }
  }

  async function attach(customer: Customer) {
    setError(null)
    try {
      const loyalty = await ok(
        api.GET('/api/v1/customers/{id}/loyalty', {
          params: { path: { id: customer.id }, query: { limit: 1 } },
        }),
      )
      onChange({ customer, points: loyalty.balance, worthCents: loyalty.worth_cents })
      setText('')
      setSeveral(null)
    } catch (err) {
      setError(err)
    }
  }

  if (value) {
    const c = value.customer
    return (
      <div className="customer" data-testid="till-customer">
        <p>
          <strong>
            {c.first_name} {c.last_name}
          </strong>{' '}
          <span className="muted">{c.email ?? c.phone ?? c.loyalty_card}</span>
        </p>
        <p>{t('points', { points: value.points, worth: euro(value.worthCents) })}</p>
        <button type="button" className="link" disabled={locked} onClick={() => onChange(null)}>
          {t('detach')}
        </button>
      </div>
    )
  }
  return (
    <form onSubmit={find} className="inline-form">
      <Field
        label={t('customerLookup')}
        hint={t('customerHint')}
        value={text}
        disabled={locked}
        onChange={(e) => setText(e.target.value)}
        data-scan-fallback
      />
      <button type="submit" className="secondary" disabled={locked || !text.trim()}>
        {t('find')}
      </button>
      <ErrorNote error={error} />
      {several && (
        <div className="customer-choice" data-testid="customer-choice">
          <p role="status">{t('whichCustomer')}</p>
          <ul className="list">
            {several.map((c) => {
              const name = `${c.first_name} ${c.last_name}`.trim()
              return (
                <li key={c.id}>
                  <button
                    type="button"
                    className="secondary"
                    disabled={locked}
                    aria-label={t('pickCustomer', {
                      name: `${name}, ${[c.email, c.phone, c.city].filter(Boolean).join(', ')}`,
                    })}
                    onClick={() => void attach(c)}
                  >
                    <span data-name>{name}</span>{' '}
                    <small className="muted" data-name>
                      {[c.email ?? c.phone, c.city].filter(Boolean).join(' · ')}
                    </small>
                  </button>
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </form>
  )
}
