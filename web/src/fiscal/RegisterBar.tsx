import { useId } from 'react'
import { type Dictionary, useT } from '../i18n'
import { Link } from '../router'
import { chosenRegisterLabel } from './labels'
import './fiscal.css'
import type { StoreRegisters } from './registers'

const dict: Dictionary<'which' | 'choose' | 'open' | 'closed' | 'manage' | 'openIt'> = {
  fr: {
    which: 'Caisse de ce poste',
    choose: 'Choisissez la caisse de ce poste avant de vendre.',
    open: 'Caisse {code} ouverte',
    closed: 'La caisse {code} n’est pas ouverte : ouvrez-la avec son fond de caisse avant de vendre.',
    manage: 'Gestion de caisse',
    openIt: 'Ouvrir la caisse',
  },
  en: {
    which: 'Register of this till',
    choose: 'Choose the register of this till before selling.',
    open: 'Register {code} open',
    closed: 'Register {code} is not open: open it with its float before selling.',
    manage: 'Register',
    openIt: 'Open the register',
  },
}

/**
 * The till's register, above the customer (the basket keeps the room): which one this device sells on and whether it is
 * open. A store without registers (not on the legal till yet) shows nothing.
 */
export function RegisterBar({ till }: { till: StoreRegisters }) {
  const t = useT(dict)
  const id = useId()
  const { registers, register } = till
  if (!registers || registers.length === 0) return null
  return (
    <div className="register-bar" data-testid="register-bar">
      {registers.length > 1 && (
        <span className="register-pick">
          <label htmlFor={id}>{t('which')}</label>
          <select id={id} value={register?.id ?? ''} onChange={(e) => till.choose(e.target.value)}>
            {!register && <option value="">—</option>}
            {registers.map((r) => (
              <option key={r.id} value={r.id}>
                {chosenRegisterLabel(r)}
              </option>
            ))}
          </select>
        </span>
      )}
      {!register ? (
        <span role="status">{t('choose')}</span>
      ) : register.open_session_id ? (
        <span role="status" className="register-open">
          {t('open', { code: register.code })} · <Link href="/register">{t('manage')}</Link>
        </span>
      ) : (
        <span role="status" className="register-closed">
          {t('closed', { code: register.code })} <Link href="/register">{t('openIt')}</Link>
        </span>
      )}
    </div>
  )
}
