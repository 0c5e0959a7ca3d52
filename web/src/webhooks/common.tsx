import { useEffect, useId, useRef, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { dateTime } from '../format'
import { useLang, useT } from '../i18n'
import { useSession } from '../session'
import { dict } from './dict'
import { deliveryErrors, type EventType, eventTypeLabels, familyLabels } from './labels'
import { type CatalogueEntry, type Choice, covers, groupByFamily, parsePattern } from './subscriptions'

export type Subscription = GetResult<'/api/v1/webhooks/{id}'>
export type Attempt = GetResult<'/api/v1/webhooks/{id}/deliveries'>['data'][number]
export type Entry = GetResult<'/api/v1/events/types'>['data'][number]

/** The event catalogue, read once per screen. */
export function useCatalogue() {
  const { api } = useSession()
  const [entries, setEntries] = useState<Entry[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    ok(api.GET('/api/v1/events/types')).then((r) => setEntries(r.data), setError)
  }, [api])
  return { entries, error }
}

/** Event types, families, patterns and failures in the reader's language: never a raw code. */
export function useWords() {
  const t = useT(dict)
  const { lang } = useLang()
  const type = useT(eventTypeLabels)
  const family = useT(familyLabels)
  const failure = useT(deliveryErrors)
  const typeLabel = (code: string) => (code in eventTypeLabels.fr ? type(code as EventType) : code)
  const familyLabel = (code: string) =>
    code in familyLabels.fr ? family(code as keyof typeof familyLabels.fr) : code
  /** Why an attempt failed: its HTTP status, or what went wrong without an answer. */
  const failureOf = (a: { status_code: number | null; error: string | null }) => {
    if (a.status_code !== null) return `HTTP ${a.status_code}`
    const key = (a.error ?? 'network_error').split(' ')[0]!
    return key in deliveryErrors.fr
      ? failure(key as keyof typeof deliveryErrors.fr)
      : failure('network_error')
  }
  return {
    failure: failureOf,
    typeLabel,
    familyLabel,
    pattern(p: string) {
      const parsed = parsePattern(p)
      if (parsed.kind === 'all') return t('allEvents')
      if (parsed.kind === 'family') return t('familyAll', { family: familyLabel(parsed.family) })
      return typeLabel(parsed.type)
    },
    /** Active, or disabled with who did it, when and why, in the reader's language. */
    state(s: Subscription) {
      if (s.status === 'active') {
        return s.failing_since
          ? `${t('active')} — ${t('failingSince', { since: dateTime(s.failing_since, lang) })}`
          : t('active')
      }
      const when = s.disabled_at ? dateTime(s.disabled_at, lang) : ''
      if (s.disabled_by === 'administrator') return `${t('disabled')} — ${t('byAdmin', { when })}`
      const last =
        s.last_attempt && !s.last_attempt.ok ? t('lastFailure', { what: failureOf(s.last_attempt) }) : ''
      const since = s.failing_since ? dateTime(s.failing_since, lang) : when
      return `${t('disabled')} — ${t('byFailures', { when, since, last })}`
    },
  }
}

/** The event types a subscription receives, picked from the catalogue family by family. */
export function EventTypePicker({
  catalogue,
  choice,
  onChange,
  invalid,
}: {
  catalogue: readonly CatalogueEntry[]
  choice: Choice
  onChange(choice: Choice): void
  invalid?: string | null
}) {
  const t = useT(dict)
  const words = useWords()
  const id = useId()
  const toggle = (set: ReadonlySet<string>, value: string, on: boolean) => {
    const next = new Set(set)
    if (on) next.add(value)
    else next.delete(value)
    return next
  }
  return (
    <fieldset className="event-picker" aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend>{t('types')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={choice.all}
          onChange={(e) => onChange({ ...choice, all: e.target.checked })}
        />
        {t('all')}
      </label>
      <div className="families">
        {groupByFamily(catalogue).map((group) => (
          <fieldset key={group.family} className="family" disabled={choice.all}>
            <legend>{words.familyLabel(group.family)}</legend>
            <label className="check">
              <input
                type="checkbox"
                checked={choice.all || choice.families.has(group.family)}
                onChange={(e) =>
                  onChange({ ...choice, families: toggle(choice.families, group.family, e.target.checked) })
                }
              />
              <span>
                <span className="sr-only">{words.familyLabel(group.family)} — </span>
                {t('wholeFamily')}
              </span>
            </label>
            {group.types.map((entry) => (
              <label className="check" key={entry.type}>
                <input
                  type="checkbox"
                  checked={covers(choice, entry)}
                  disabled={choice.families.has(entry.family)}
                  onChange={(e) =>
                    onChange({ ...choice, types: toggle(choice.types, entry.type, e.target.checked) })
                  }
                />
                {words.typeLabel(entry.type)}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      {invalid && (
        <p id={`${id}-error`} role="alert" className="error">
          {invalid}
        </p>
      )}
    </fieldset>
  )
}

/** A signing secret, shown once after creation or rotation, with a copy button. */
export function SecretOnce({ title, secret, onDone }: { title: string; secret: string; onDone(): void }) {
  const t = useT(dict)
  const id = useId()
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const input = useRef<HTMLInputElement>(null)
  // Keyboard and screen-reader users land on the secret, selected, ready to copy.
  useEffect(() => input.current?.focus(), [])
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret)
      setCopied('yes')
    } catch {
      setCopied('no')
      input.current?.select()
    }
  }
  return (
    <section className="panel secret" aria-labelledby={`${id}-title`} data-testid="secret-once">
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="notice" id={`${id}-note`}>
        {t('secretNote')}
      </p>
      <div className="field">
        <label htmlFor={id}>{t('secretTitle')}</label>
        <input
          id={id}
          readOnly
          value={secret}
          className="secret-value"
          aria-describedby={`${id}-note`}
          ref={input}
          onFocus={(e) => e.target.select()}
        />
      </div>
      <div className="row">
        <button type="button" className="primary" onClick={copy}>
          {t('copy')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('secretDone')}
        </button>
      </div>
      {copied && (
        <p role="status" className={copied === 'no' ? 'error' : 'muted'}>
          {copied === 'yes' ? t('copied') : t('copyFailed')}
        </p>
      )}
    </section>
  )
}
