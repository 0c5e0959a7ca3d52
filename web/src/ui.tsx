import { type ComponentProps, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react'
import { ApiError } from './api/client'
import { type Dictionary, useT } from './i18n'

const dict: Dictionary<'more' | 'loading' | 'failed' | 'empty'> = {
  fr: { more: 'Afficher plus', loading: 'Chargement…', failed: 'Erreur', empty: 'Rien à afficher.' },
  en: { more: 'Show more', loading: 'Loading…', failed: 'Error', empty: 'Nothing to show.' },
}

/** A labelled input: every field of the workspace has a visible label. */
export function Field({ label, hint, ...input }: ComponentProps<'input'> & { label: string; hint?: string }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  )
}

/** The message of a failed call, read out by screen readers. */
export function ErrorNote({ error }: { error: unknown }) {
  const t = useT(dict)
  if (!error) return null
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error)
  return (
    <p role="alert" className="error">
      {t('failed')} : {message}
    </p>
  )
}

export function Loading() {
  const t = useT(dict)
  return (
    <p aria-live="polite" className="muted">
      {t('loading')}
    </p>
  )
}

export function Empty() {
  const t = useT(dict)
  return <p className="muted">{t('empty')}</p>
}

type Page<T> = { data: T[]; next_cursor: string | null }

/**
 * A list read page by page with the API's cursors: the first page, then "show more" appends the next.
 * Nothing loads a whole collection.
 */
export function usePages<T>(load: ((cursor: string | undefined) => Promise<Page<T>>) | null) {
  const [items, setItems] = useState<T[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const generation = useRef(0)

  const fetchPage = useCallback(
    async (cursor: string | undefined, append: boolean) => {
      if (!load) return
      const mine = ++generation.current
      setLoading(true)
      setError(null)
      try {
        const page = await load(cursor)
        if (mine !== generation.current) return
        setItems((old) => (append ? [...old, ...page.data] : page.data))
        setNext(page.next_cursor)
      } catch (err) {
        if (mine === generation.current) setError(err)
      } finally {
        if (mine === generation.current) setLoading(false)
      }
    },
    [load],
  )

  useEffect(() => {
    setItems([])
    setNext(null)
    void fetchPage(undefined, false)
  }, [fetchPage])

  return {
    items,
    loading,
    error,
    hasMore: next !== null,
    more: () => next && fetchPage(next, true),
    reload: () => fetchPage(undefined, false),
  }
}

export function MoreButton({ pages }: { pages: { hasMore: boolean; loading: boolean; more(): unknown } }) {
  const t = useT(dict)
  if (!pages.hasMore) return null
  return (
    <button type="button" className="secondary" disabled={pages.loading} onClick={() => pages.more()}>
      {t('more')}
    </button>
  )
}

export function Section({
  title,
  children,
  actions,
}: {
  title: string
  children: ReactNode
  actions?: ReactNode
}) {
  const id = useId()
  return (
    <section className="panel" aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  )
}
