import { useEffect } from 'react'
import { useT } from '../i18n'
import { Field } from '../ui'
import type { DeliveryAddress } from './basket'
import type { TillCustomer } from './CustomerBox'
import { tillDict } from './dict'

export const emptyAddress: DeliveryAddress = { name: '', line1: '', postcode: '', city: '' }

export const addressComplete = (a: DeliveryAddress) =>
  Boolean(a.name.trim() && a.line1.trim() && a.postcode.trim() && a.city.trim())

/** Where a line sold for home delivery goes: the attached customer's address, or typed. */
export function AddressBox({
  value,
  onChange,
  customer,
  locked,
}: {
  value: DeliveryAddress
  onChange(a: DeliveryAddress): void
  customer: TillCustomer | null
  locked: boolean
}) {
  const t = useT(tillDict)
  const c = customer?.customer
  // biome-ignore lint/correctness/useExhaustiveDependencies: filled once per attached customer
  useEffect(() => {
    if (c) {
      onChange({
        name: `${c.first_name} ${c.last_name}`,
        line1: c.address_line,
        postcode: c.postcode,
        city: c.city,
      })
    }
  }, [c?.id])
  const set = (patch: Partial<DeliveryAddress>) => onChange({ ...value, ...patch })
  return (
    <fieldset className="address" disabled={locked}>
      <legend>{t('address')}</legend>
      <Field
        label={t('addressName')}
        value={value.name}
        required
        onChange={(e) => set({ name: e.target.value })}
      />
      <Field
        label={t('addressLine')}
        value={value.line1}
        required
        autoComplete="street-address"
        onChange={(e) => set({ line1: e.target.value })}
      />
      <div className="row">
        <Field
          label={t('postcode')}
          value={value.postcode}
          required
          inputMode="numeric"
          autoComplete="postal-code"
          onChange={(e) => set({ postcode: e.target.value })}
        />
        <Field
          label={t('city')}
          value={value.city}
          required
          onChange={(e) => set({ city: e.target.value })}
        />
      </div>
    </fieldset>
  )
}
