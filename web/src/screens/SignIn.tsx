import { type FormEvent, useEffect, useRef, useState } from 'react'
import { type Dictionary, useLang, useT } from '../i18n'
import { type Session, signIn } from '../session'
import { ErrorNote, Field } from '../ui'

const dict: Dictionary<'title' | 'intro' | 'key' | 'hint' | 'submit' | 'channelKey' | 'language'> = {
  fr: {
    title: 'Connexion à l’espace équipe',
    intro: 'Magasins, service client et siège : collez votre clé d’API pour commencer.',
    key: 'Clé d’API',
    hint: 'Elle est gardée dans cet onglet seulement, jusqu’à sa fermeture.',
    submit: 'Se connecter',
    channelKey:
      'Cette clé est celle d’un canal de vente (site, application) : l’espace équipe demande une clé de magasin, du service client ou du siège.',
    language: 'Langue',
  },
  en: {
    title: 'Sign in to the staff workspace',
    intro: 'Stores, call centre and head office: paste your API key to start.',
    key: 'API key',
    hint: 'It is kept in this tab only, until you close it.',
    submit: 'Sign in',
    channelKey:
      'This key belongs to a sales channel (web shop, app): the staff workspace needs a store, call-centre or head-office key.',
    language: 'Language',
  },
}

export function SignIn({ onSignedIn }: { onSignedIn(session: Session): void }) {
  const t = useT(dict)
  const { lang, setLang } = useLang()
  const [key, setKey] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const keyRef = useRef<HTMLInputElement>(null)
  useEffect(() => keyRef.current?.focus(), [])

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const session = await signIn(key.trim())
      if (session.me.role === 'channel') {
        sessionStorage.clear()
        throw new Error(t('channelKey'))
      }
      onSignedIn(session)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main id="main" className="signin">
      <form onSubmit={submit} className="panel">
        <h1>{t('title')}</h1>
        <p>{t('intro')}</p>
        <Field
          ref={keyRef}
          label={t('key')}
          hint={t('hint')}
          type="password"
          autoComplete="off"
          required
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
        <ErrorNote error={error} />
        <div className="row">
          <button type="submit" disabled={busy || !key.trim()}>
            {t('submit')}
          </button>
          <label className="lang">
            {t('language')}{' '}
            <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'fr')}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
      </form>
    </main>
  )
}
