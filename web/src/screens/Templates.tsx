import { useEffect, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { type Dictionary, useLang, useT } from '../i18n'
import { useLocationNames } from '../locations'
import { useSession } from '../session'
import { ErrorNote, Loading, Section } from '../ui'

type Preview = GetResult<'/api/v1/notifications/templates/{id}/preview'>
type Template = GetResult<'/api/v1/notifications/templates'>['data'][number]

const names: Dictionary<Template['id']> = {
  fr: {
    order_confirmation: 'Confirmation de commande',
    pickup_ready: 'Prête au retrait',
    pickup_reminder: 'Rappel de retrait',
    pickup_expired: 'Retrait expiré',
    shipped: 'Expédiée',
    refund_issued: 'Remboursement',
    return_received: 'Retour reçu',
    ticket_status_changed: 'Suivi SAV',
  },
  en: {
    order_confirmation: 'Order confirmation',
    pickup_ready: 'Ready for pickup',
    pickup_reminder: 'Pickup reminder',
    pickup_expired: 'Pickup expired',
    shipped: 'Shipped',
    refund_issued: 'Refund issued',
    return_received: 'Return received',
    ticket_status_changed: 'After-sales update',
  },
}

const dict: Dictionary<
  | 'title'
  | 'intro'
  | 'template'
  | 'language'
  | 'store'
  | 'firstStore'
  | 'subject'
  | 'email'
  | 'text'
  | 'sms'
  | 'sentOn'
  | 'frenchName'
  | 'englishName'
> = {
  fr: {
    title: 'Modèles de messages',
    intro:
      'Chaque message tel que le client le reçoit, avec le nom de l’enseigne, les coordonnées d’un magasin et une commande d’exemple.',
    template: 'Modèle',
    language: 'Langue du message',
    store: 'Magasin',
    firstStore: 'Premier magasin du réseau',
    subject: 'Objet',
    email: 'E-mail (HTML)',
    text: 'Version texte',
    sms: 'SMS',
    sentOn: 'Envoyé sur',
    frenchName: 'Français',
    englishName: 'Anglais',
  },
  en: {
    title: 'Message templates',
    intro:
      'Each message as the customer receives it, with the brand’s name, a store’s details and an example order.',
    template: 'Template',
    language: 'Message language',
    store: 'Store',
    firstStore: 'First store of the network',
    subject: 'Subject',
    email: 'E-mail (HTML)',
    text: 'Plain text',
    sms: 'SMS',
    sentOn: 'Sent on',
    frenchName: 'French',
    englishName: 'English',
  },
}

/** Head office previews the messages customers receive, in French and English, for any store. */
export function Templates() {
  const t = useT(dict)
  const tn = useT(names)
  const { lang } = useLang()
  const { api } = useSession()
  const locations = useLocationNames()
  const stores = [...locations.values()].filter((l) => l.kind === 'store')
  const [templates, setTemplates] = useState<Template[] | null>(null)
  const [id, setId] = useState<Template['id']>('order_confirmation')
  const [messageLang, setMessageLang] = useState<'fr' | 'en'>(lang)
  const [store, setStore] = useState('')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    ok(api.GET('/api/v1/notifications/templates')).then((r) => setTemplates(r.data), setError)
  }, [api])

  useEffect(() => {
    setError(null)
    ok(
      api.GET('/api/v1/notifications/templates/{id}/preview', {
        params: { path: { id }, query: { lang: messageLang, ...(store ? { location: store } : {}) } },
      }),
    ).then(setPreview, setError)
  }, [api, id, messageLang, store])

  const current = templates?.find((x) => x.id === id)
  return (
    <div className="templates">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="template-id">{t('template')}</label>
          <select id="template-id" value={id} onChange={(e) => setId(e.target.value as Template['id'])}>
            {(templates ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {tn(x.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="template-lang">{t('language')}</label>
          <select
            id="template-lang"
            value={messageLang}
            onChange={(e) => setMessageLang(e.target.value === 'en' ? 'en' : 'fr')}
          >
            <option value="fr">{t('frenchName')}</option>
            <option value="en">{t('englishName')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="template-store">{t('store')}</label>
          <select id="template-store" value={store} onChange={(e) => setStore(e.target.value)}>
            <option value="">{t('firstStore')}</option>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {current && (
        <p className="muted">
          {t('sentOn')} : <span lang="en">{current.sent_on}</span>
        </p>
      )}
      <ErrorNote error={error} />
      {!preview && !error && <Loading />}
      {preview && (
        <>
          <Section title={t('subject')}>
            {/* The message as the server renders it (its links included): data, shown as the customer reads it. */}
            <p data-testid="preview-subject" lang={preview.language} data-name>
              {preview.subject}
            </p>
          </Section>
          <Section title={t('email')}>
            {/* The message's own HTML, shown as a mail client would, with no script and no link followed. */}
            <iframe
              title={t('email')}
              sandbox=""
              srcDoc={preview.html}
              style={{ width: '100%', minHeight: '22rem', border: '1px solid #ccc', background: '#fff' }}
            />
          </Section>
          <Section title={t('text')}>
            <pre
              data-testid="preview-text"
              lang={preview.language}
              data-name
              style={{ whiteSpace: 'pre-wrap' }}
            >
              {preview.text}
            </pre>
          </Section>
          <Section title={t('sms')}>
            <p lang={preview.language} data-name>
              {preview.sms}
            </p>
          </Section>
        </>
      )}
    </div>
  )
}
