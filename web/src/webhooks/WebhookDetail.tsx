import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { ok } from '../api/client'
import { dateTime } from '../format'
import { useLang, useT } from '../i18n'
import { Link, navigate } from '../router'
import { useSession } from '../session'
import { ErrorNote, Field, Loading, MoreButton, Section, usePages } from '../ui'
import { type Attempt, type Entry, EventTypePicker, SecretOnce, type Subscription, useWords } from './common'
import { dict } from './dict'
import {
  type Choice,
  choiceOf,
  instant,
  isoToLocal,
  localToIso,
  milliseconds,
  patternsOf,
} from './subscriptions'

/** One subscription: its state, its events, pause or enable, a new secret, deletion, its log and replays. */
export function WebhookDetail({ id, catalogue }: { id: string; catalogue: Entry[] }) {
  const t = useT(dict)
  const { lang } = useLang()
  const { api } = useSession()
  const words = useWords()
  const [sub, setSub] = useState<Subscription | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [secret, setSecret] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [choice, setChoice] = useState<Choice | null>(null)
  const [editing, setEditing] = useState(false)
  const [failuresOnly, setFailuresOnly] = useState(false)

  useEffect(() => {
    ok(api.GET('/api/v1/webhooks/{id}', { params: { path: { id } } })).then((s) => {
      setSub(s)
      setChoice(choiceOf(s.event_types))
    }, setError)
  }, [api, id])

  const load = useCallback(
    (cursor: string | undefined) =>
      ok(
        api.GET('/api/v1/webhooks/{id}/deliveries', {
          params: {
            path: { id },
            query: { limit: 25, cursor, ...(failuresOnly ? { outcome: 'failed' } : {}) },
          },
        }),
      ),
    [api, id, failuresOnly],
  )
  const log = usePages<Attempt>(load)

  /** Runs one change, shows what it did, and keeps the subscription as the API answered it. */
  async function act(run: () => Promise<string | null>) {
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      setNotice(await run())
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const patch = (body: { status?: 'active' | 'disabled'; event_types?: string[] }) =>
    ok(api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body })).then((s) => {
      setSub(s)
      setChoice(choiceOf(s.event_types))
      return s
    })

  const replay = (body: { event_id: string } | { from: string; to: string }) =>
    act(async () => {
      const { queued } = await ok(
        api.POST('/api/v1/webhooks/{id}/replay', { params: { path: { id } }, body }),
      )
      // The relay sends queued events within a second: the log shows them once reloaded.
      setTimeout(() => void log.reload(), 1500)
      return t('queued', { n: queued })
    })

  if (!sub) {
    return (
      <div className="webhooks">
        <p>
          <Link href="/webhooks">← {t('back')}</Link>
        </p>
        <ErrorNote error={error} />
        {!error && <Loading />}
      </div>
    )
  }
  const patterns = choice ? patternsOf(choice, catalogue) : []
  const active = sub.status === 'active'

  return (
    <div className="webhooks">
      <p>
        <Link href="/webhooks">← {t('back')}</Link>
      </p>
      <h1 className="url">{sub.url}</h1>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
      {secret && <SecretOnce title={t('secretRotated')} secret={secret} onDone={() => setSecret(null)} />}
      <Section title={t('state')}>
        <dl className="facts" data-testid="webhook-facts">
          <dt>{t('colState')}</dt>
          <dd data-testid="webhook-state">{words.state(sub)}</dd>
          {sub.description && (
            <>
              <dt>{t('descriptionShort')}</dt>
              <dd>{sub.description}</dd>
            </>
          )}
          <dt>{t('colTypes')}</dt>
          <dd>
            <ul className="tags small">
              {sub.event_types.map((p) => (
                <li key={p}>{words.pattern(p)}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('createdAt')}</dt>
          <dd>{dateTime(sub.created_at, lang)}</dd>
        </dl>
        <div className="row actions">
          <button
            type="button"
            className="secondary"
            aria-expanded={editing}
            onClick={() => {
              setChoice(choiceOf(sub.event_types))
              setEditing((on) => !on)
            }}
          >
            {t('editTypes')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              act(async () => {
                await patch({ status: active ? 'disabled' : 'active' })
                return active ? t('paused') : t('enabled')
              })
            }
          >
            {active ? t('pause') : t('enable')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(t('rotateConfirm'))) return
              void act(async () => {
                const r = await ok(
                  api.POST('/api/v1/webhooks/{id}/rotate-secret', { params: { path: { id } } }),
                )
                setSecret(r.secret)
                return null
              })
            }}
          >
            {t('rotate')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(t('deleteConfirm', { url: sub.url }))) return
              void act(async () => {
                await ok(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } }))
                navigate('/webhooks')
                return null
              })
            }}
          >
            {t('delete')}
          </button>
        </div>
      </Section>

      {choice && editing && (
        <Section title={t('editTypes')}>
          <form
            id="webhook-types"
            onSubmit={(e: FormEvent) => {
              e.preventDefault()
              if (patterns.length === 0) return
              void act(async () => {
                await patch({ event_types: patterns })
                setEditing(false)
                return t('saved')
              })
            }}
          >
            <EventTypePicker
              catalogue={catalogue}
              choice={choice}
              onChange={setChoice}
              invalid={patterns.length === 0 ? t('noTypes') : null}
            />
            <div className="row">
              <button type="submit" className="primary" disabled={busy || patterns.length === 0}>
                {t('save')}
              </button>
              <button type="button" className="secondary" onClick={() => setEditing(false)}>
                {t('cancel')}
              </button>
            </div>
          </form>
        </Section>
      )}

      <Section
        title={t('log')}
        actions={
          <div className="row">
            <label className="check">
              <input
                type="checkbox"
                checked={failuresOnly}
                onChange={(e) => setFailuresOnly(e.target.checked)}
              />
              {t('onlyFailures')}
            </label>
            <button type="button" className="secondary" onClick={() => void log.reload()}>
              {t('refresh')}
            </button>
          </div>
        }
      >
        <ErrorNote error={log.error} />
        {!log.loading && log.items.length === 0 && !log.error && <p className="muted">{t('noDelivery')}</p>}
        {log.items.length > 0 && (
          <div className="scroll">
            <table data-testid="delivery-log" className="log">
              <thead>
                <tr>
                  <th scope="col">{t('colWhen')}</th>
                  <th scope="col">{t('colEvent')}</th>
                  <th scope="col">{t('colResult')}</th>
                  <th scope="col" className="num">
                    {t('colHttp')}
                  </th>
                  <th scope="col" className="num">
                    {t('colLatency')}
                  </th>
                  <th scope="col" className="num">
                    {t('colAttempt')}
                  </th>
                  <th scope="col">{t('colNext')}</th>
                  <th scope="col">{t('colExcerpt')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {log.items.map((a) => (
                  <tr key={a.id} data-event={a.event_id}>
                    <td>{instant(a.attempted_at, lang)}</td>
                    <td>
                      {words.typeLabel(a.event_type)}
                      {a.replay && <span className="badge">{t('replayMark')}</span>}
                    </td>
                    <td className={a.ok ? undefined : 'error-soft'}>
                      {a.ok ? t('succeeded') : `${t('failed')} — ${words.failure(a)}`}
                      <div className="muted small">
                        {a.delivery_status === 'delivered'
                          ? t('delivered')
                          : a.delivery_status === 'pending'
                            ? t('pending')
                            : t('givenUp')}
                      </div>
                    </td>
                    <td className="num">{a.status_code ?? '—'}</td>
                    <td className="num">{milliseconds(a.latency_ms, lang)}</td>
                    <td className="num">{a.attempt}</td>
                    <td>{a.next_attempt_at ? instant(a.next_attempt_at, lang) : '—'}</td>
                    <td className="excerpt">{a.response_excerpt ?? ''}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy || !active}
                        aria-label={t('replayOneAria', {
                          event: words.typeLabel(a.event_type),
                          when: instant(a.attempted_at, lang),
                        })}
                        onClick={() => replay({ event_id: a.event_id })}
                      >
                        {t('replayOne')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {log.loading && <Loading />}
        <MoreButton pages={log} />
      </Section>

      <ReplayRange disabled={busy} active={active} onReplay={(from, to) => replay({ from, to })} />
    </div>
  )
}

function ReplayRange({
  active,
  disabled,
  onReplay,
}: {
  active: boolean
  disabled: boolean
  onReplay(from: string, to: string): void
}) {
  const t = useT(dict)
  const [from, setFrom] = useState(() => isoToLocal(new Date(Date.now() - 3_600_000)))
  const [to, setTo] = useState(() => isoToLocal(new Date(Date.now() + 60_000)))
  const [invalid, setInvalid] = useState(false)
  function submit(e: FormEvent) {
    e.preventDefault()
    const start = localToIso(from)
    const end = localToIso(to)
    if (!start || !end || start >= end) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    onReplay(start, end)
  }
  return (
    <Section title={t('replayRange')}>
      <p className="muted">{active ? t('replayRangeHint') : t('enableToReplay')}</p>
      <form className="inline-form" onSubmit={submit}>
        <Field
          label={t('from')}
          type="datetime-local"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Field label={t('to')} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" className="secondary" disabled={disabled || !active}>
          {t('replay')}
        </button>
      </form>
      {invalid && (
        <p role="alert" className="error">
          {t('rangeInvalid')}
        </p>
      )}
    </Section>
  )
}
