import { type ComponentProps, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react'
import { explain, type Names } from './errors'
import { type Dictionary, useLang, useT } from './i18n'

const dict: Dictionary<'more' | 'loading' | 'failed' | 'empty' | 'technical'> = {
  fr: {
    more: 'Afficher plus',
    loading: 'Chargement…',
    failed: 'Erreur',
    empty: 'Rien à afficher.',
    technical: 'Détail technique',
  },
  en: {
    more: 'Show more',
    loading: 'Loading…',
    failed: 'Error',
    empty: 'Nothing to show.',
    technical: 'Technical detail',
  },
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

/**
 * A failed call said in the user's language, with names rather than ids, read out by screen readers;
 * the server's own words (for support) folded away below it.
 */
export function ErrorNote({ error, names }: { error: unknown; names?: Names }) {
  const t = useT(dict)
  const { lang } = useLang()
  if (!error) return null
  const { text, technical } = explain(error, lang, names)
  return (
    <div role="alert" className="error">
      <p>
        {t('failed')} : {text}
      </p>
      {technical && (
        <details className="technical">
          <summary>{t('technical')}</summary>
          <code lang="en">{technical}</code>
        </details>
      )}
    </div>
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
  className,
  hideTitle,
}: {
  title: string
  children: ReactNode
  actions?: ReactNode
  className?: string
  /** The title is for screen readers only (the screen's layout already says what the panel is). */
  hideTitle?: boolean
}) {
  const id = useId()
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={id}>
      <header className={hideTitle && !actions ? 'sr-only' : 'panel-head'}>
        <h2 id={id} className={hideTitle ? 'sr-only' : undefined}>
          {title}
        </h2>
        {actions}
      </header>
      {children}
    </section>
  )
}
