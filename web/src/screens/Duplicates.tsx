import { useCallback, useEffect, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { decimal } from '../format'
import { type Dictionary, useT } from '../i18n'
import { useSession } from '../session'
import { Empty, ErrorNote, Loading, Section } from '../ui'

type Pair = GetResult<'/api/v1/customers/duplicates'>['data'][number]
type Person = Pair['customers'][number]

const dict: Dictionary<'title' | 'intro' | 'score' | 'keep' | 'confirm' | 'merged' | 'more' | 'compared'> = {
  fr: {
    title: 'Clients en double',
    intro:
      'Profils qui sont probablement une seule personne, les plus sûrs d’abord. La fusion est définitive.',
    score: 'Score {score}',
    keep: 'Garder {keep}, y fusionner {absorbed}',
    confirm: 'Fusionner {absorbed} dans {keep} ? Ses commandes, dossiers, notes et points rejoignent {keep}.',
    merged: '{absorbed} a rejoint {keep}.',
    more: 'Afficher plus',
    compared: '{n} profils comparés.',
  },
  en: {
    title: 'Duplicate customers',
    intro: 'Profiles that are likely one person, surest first. A merge is final.',
    score: 'Score {score}',
    keep: 'Keep {keep}, merge {absorbed} into it',
    confirm: 'Merge {absorbed} into {keep}? Their orders, tickets, notes and points move to {keep}.',
    merged: '{absorbed} merged into {keep}.',
    more: 'Show more',
    compared: '{n} profiles compared.',
  },
}

const PAGE = 20
const label = (p: Person) => `${p.name} (${[p.email, p.phone, p.postcode].filter(Boolean).join(' · ')})`

/** Likely duplicates found across channels, merged by head office or the call centre. */
export function Duplicates() {
  const t = useT(dict)
  const { api } = useSession()
  // The API ranks pairs by score without a cursor: a longer list is asked for more.
  const [limit, setLimit] = useState(PAGE)
  const [result, setResult] = useState<GetResult<'/api/v1/customers/duplicates'> | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)

  const load = useCallback(
    () =>
      ok(api.GET('/api/v1/customers/duplicates', { params: { query: { limit } } })).then(setResult, setError),
    [api, limit],
  )
  useEffect(() => {
    void load()
  }, [load])

  async function merge(keep: Person, absorbed: Person) {
    if (!window.confirm(t('confirm', { keep: keep.name, absorbed: absorbed.name }))) return
    setBusy(true)
    setError(null)
    try {
      await ok(
        api.POST('/api/v1/customers/{id}/merge', {
          params: { path: { id: keep.id } },
          body: { absorbed_id: absorbed.id },
        }),
      )
      setDone(t('merged', { keep: keep.name, absorbed: absorbed.name }))
      await load()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="duplicates">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorNote error={error} />
      {!result && !error && <Loading />}
      {result && (
        <Section title={t('compared', { n: result.compared })}>
          {result.data.length === 0 && <Empty />}
          <ul className="list" data-testid="duplicates">
            {result.data.map((pair) => {
              const [a, b] = pair.customers
              if (!a || !b) return null
              return (
                <li key={`${a.id}-${b.id}`} className="pair">
                  <p>
                    <strong>{t('score', { score: decimal(pair.score) })}</strong> —{' '}
                    <span lang="en">{pair.evidence.join(' ; ')}</span>
                  </p>
                  <p>
                    {label(a)}
                    <br />
                    {label(b)}
                  </p>
                  <div className="row">
                    {[
                      [a, b],
                      [b, a],
                    ].map(([keep, absorbed]) => (
                      <button
                        key={keep!.id}
                        type="button"
                        className="secondary"
                        disabled={busy}
                        aria-label={t('keep', { keep: label(keep!), absorbed: label(absorbed!) })}
                        onClick={() => merge(keep!, absorbed!)}
                      >
                        {t('keep', { keep: keep!.name, absorbed: absorbed!.name })}
                      </button>
                    ))}
                  </div>
                </li>
              )
            })}
          </ul>
          {result.data.length >= limit && (
            <button type="button" className="secondary" onClick={() => setLimit((n) => n + PAGE)}>
              {t('more')}
            </button>
          )}
        </Section>
      )}
    </div>
  )
}
