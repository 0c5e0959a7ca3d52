import { type FormEvent, useCallback, useState } from 'react'
import { ok } from '../api/client'
import { dateTime } from '../format'
import { useLang, useT } from '../i18n'
import { Link, navigate, usePath } from '../router'
import { useSession } from '../session'
import { Empty, ErrorNote, Field, Loading, MoreButton, Section, usePages } from '../ui'
import {
  type Entry,
  EventTypePicker,
  SecretOnce,
  type Subscription,
  useCatalogue,
  useWords,
} from '../webhooks/common'
import { dict } from '../webhooks/dict'
import { type Choice, emptyChoice, patternsOf, type UrlProblem, urlProblem } from '../webhooks/subscriptions'
import { WebhookDetail } from '../webhooks/WebhookDetail'

const urlWords: Record<
  UrlProblem,
  'urlEmpty' | 'urlNotAbsolute' | 'urlScheme' | 'urlCredentials' | 'urlFragment'
> = {
  empty: 'urlEmpty',
  notAbsolute: 'urlNotAbsolute',
  scheme: 'urlScheme',
  credentials: 'urlCredentials',
  fragment: 'urlFragment',
}

/** Head office's webhook subscriptions: the list, a new one, and one subscription's page with its log. */
export function Webhooks() {
  const path = usePath()
  const catalogue = useCatalogue()
  const id = path.startsWith('/webhooks/') ? decodeURIComponent(path.slice('/webhooks/'.length)) : null
  if (catalogue.error) return <ErrorNote error={catalogue.error} />
  if (!catalogue.entries) return <Loading />
  return id ? (
    <WebhookDetail key={id} id={id} catalogue={catalogue.entries} />
  ) : (
    <WebhookList catalogue={catalogue.entries} />
  )
}

function WebhookList({ catalogue }: { catalogue: Entry[] }) {
  const t = useT(dict)
  const { lang } = useLang()
  const { api } = useSession()
  const words = useWords()
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null)
  const load = useCallback(
    (cursor: string | undefined) =>
      ok(api.GET('/api/v1/webhooks', { params: { query: { limit: 25, cursor } } })),
    [api],
  )
  const pages = usePages<Subscription>(load)

  return (
    <div className="webhooks">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {created && (
        <SecretOnce
          title={t('createdTitle')}
          secret={created.secret}
          onDone={() => {
            const id = created.id
            setCreated(null)
            navigate(`/webhooks/${encodeURIComponent(id)}`)
          }}
        />
      )}
      {!created && creating && (
        <CreateForm
          catalogue={catalogue}
          onCancel={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false)
            setCreated(s)
            void pages.reload()
          }}
        />
      )}
      <Section
        title={t('subscriptions')}
        actions={
          !creating &&
          !created && (
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              {t('new')}
            </button>
          )
        }
      >
        <ErrorNote error={pages.error} />
        {!pages.loading && pages.items.length === 0 && !pages.error && <Empty />}
        {pages.items.length > 0 && (
          <div className="scroll">
            <table data-testid="webhooks">
              <thead>
                <tr>
                  <th scope="col">{t('colUrl')}</th>
                  <th scope="col">{t('colTypes')}</th>
                  <th scope="col">{t('colState')}</th>
                  <th scope="col">{t('colLast')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {pages.items.map((s) => (
                  <tr key={s.id}>
                    <td className="url">
                      {s.url}
                      {s.description && <div className="muted small">{s.description}</div>}
                    </td>
                    <td>
                      <ul className="tags small">
                        {s.event_types.map((p) => (
                          <li key={p}>{words.pattern(p)}</li>
                        ))}
                      </ul>
                    </td>
                    <td className={s.status === 'disabled' ? 'error-soft' : undefined}>{words.state(s)}</td>
                    <td>
                      {s.last_attempt ? (
                        <>
                          {dateTime(s.last_attempt.attempted_at, lang)}
                          <br />
                          {s.last_attempt.ok ? t('succeeded') : t('failed')} — {words.failure(s.last_attempt)}
                        </>
                      ) : (
                        <span className="muted">{t('never')}</span>
                      )}
                    </td>
                    <td>
                      <Link
                        href={`/webhooks/${encodeURIComponent(s.id)}`}
                        aria-label={t('manageAria', { url: s.url })}
                      >
                        {t('manage')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages.loading && <Loading />}
        <MoreButton pages={pages} />
      </Section>
    </div>
  )
}

function CreateForm({
  catalogue,
  onCancel,
  onCreated,
}: {
  catalogue: Entry[]
  onCancel(): void
  onCreated(s: { id: string; secret: string }): void
}) {
  const t = useT(dict)
  const { api } = useSession()
  const [url, setUrl] = useState('')
  const [description, setDescription] = useState('')
  const [choice, setChoice] = useState<Choice>(emptyChoice)
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const problem = urlProblem(url)
  const patterns = patternsOf(choice, catalogue)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setTried(true)
    if (problem || patterns.length === 0) return
    setBusy(true)
    setError(null)
    try {
      const created = await ok(
        api.POST('/api/v1/webhooks', {
          body: { url: url.trim(), event_types: patterns, ...(description.trim() ? { description } : {}) },
        }),
      )
      onCreated({ id: created.id, secret: created.secret })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title={t('new')}>
      <form onSubmit={submit} noValidate data-testid="webhook-form">
        <Field
          label={t('url')}
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://"
          value={url}
          required
          aria-invalid={tried && problem ? true : undefined}
          hint={t('urlHint')}
          onChange={(e) => setUrl(e.target.value)}
          autoFocus
        />
        {tried && problem && (
          <p role="alert" className="error">
            {t(urlWords[problem])}
          </p>
        )}
        <Field
          label={t('description')}
          value={description}
          maxLength={500}
          onChange={(e) => setDescription(e.target.value)}
        />
        <EventTypePicker
          catalogue={catalogue}
          choice={choice}
          onChange={setChoice}
          invalid={tried && patterns.length === 0 ? t('noTypes') : null}
        />
        <ErrorNote error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {t('create')}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Section>
  )
}
