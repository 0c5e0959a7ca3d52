import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { type Dictionary, useT } from '../i18n'
import { useSession } from '../session'
import { ErrorNote, Field, Loading, Section } from '../ui'

type Count = GetResult<'/api/v1/counts/{id}'>

const words: Dictionary<Count['status'] | Count['scope']> = {
  fr: {
    counting: 'comptage',
    recount: 'recomptage',
    review: 'à valider',
    approved: 'validé',
    cancelled: 'annulé',
    full: 'magasin entier',
    zone: 'zone',
    category: 'famille',
    cycle: 'tournant',
  },
  en: {
    counting: 'counting',
    recount: 'recount',
    review: 'to approve',
    approved: 'approved',
    cancelled: 'cancelled',
    full: 'whole store',
    zone: 'zone',
    category: 'category',
    cycle: 'cycle',
  },
}

const dict: Dictionary<
  | 'title'
  | 'open'
  | 'none'
  | 'start'
  | 'zone'
  | 'skus'
  | 'scan'
  | 'add'
  | 'found'
  | 'recounting'
  | 'submit'
  | 'approve'
  | 'item'
  | 'counted'
  | 'recounted'
  | 'expected'
  | 'variance'
  | 'progress'
  | 'status'
  | 'back'
> = {
  fr: {
    title: 'Inventaire',
    open: 'Inventaires en cours',
    none: 'Aucun inventaire en cours dans ce magasin.',
    start: 'Démarrer un inventaire de zone',
    zone: 'Zone (allée, rayon)',
    skus: 'Références de la zone (séparées par des virgules)',
    scan: 'Scanner un article (EAN) ou saisir la référence',
    add: 'Compter',
    found: 'trouvé(s) pour',
    recounting: 'Recomptage : seuls les articles signalés sont recomptés.',
    submit: 'Terminer le comptage',
    approve: 'Valider l’inventaire',
    item: 'Article',
    counted: 'Compté',
    recounted: 'Recompté',
    expected: 'Attendu',
    variance: 'Écart',
    progress: 'articles comptés',
    status: 'Étape',
    back: 'Autre inventaire',
  },
  en: {
    title: 'Stock count',
    open: 'Counts in progress',
    none: 'No count in progress in this store.',
    start: 'Start a zone count',
    zone: 'Zone (aisle, shelf)',
    skus: 'SKUs of the zone (comma-separated)',
    scan: 'Scan an item (EAN) or type its SKU',
    add: 'Count',
    found: 'found of',
    recounting: 'Recount: only the flagged items are counted again.',
    submit: 'Finish counting',
    approve: 'Approve the count',
    item: 'Item',
    counted: 'Counted',
    recounted: 'Recounted',
    expected: 'Expected',
    variance: 'Variance',
    progress: 'items counted',
    status: 'Step',
    back: 'Another count',
  },
}

/**
 * Blind counting on a tablet: a scanner types the EAN and Enter into the scan field, which keeps the
 * focus; counters see what they found, never what was expected, until the count is submitted.
 */
export function CountScreen() {
  const t = useT(dict)
  const w = useT(words)
  const { api, me, store } = useSession()
  const [list, setList] = useState<Count[] | null>(null)
  const [count, setCount] = useState<Count | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [code, setCode] = useState('')
  const [last, setLast] = useState<{ sku: string; found: number } | null>(null)
  const [zone, setZone] = useState('')
  const [skus, setSkus] = useState('')
  const scanField = useRef<HTMLInputElement>(null)

  const refresh = useCallback(() => {
    ok(api.GET('/api/v1/counts', { params: { query: { limit: 20, location_id: store?.id } } })).then(
      (page) => setList(page.data.filter((c) => c.status !== 'approved' && c.status !== 'cancelled')),
      setError,
    )
  }, [api, store])
  useEffect(refresh, [refresh])

  const reload = (id: string) =>
    ok(api.GET('/api/v1/counts/{id}', { params: { path: { id } } })).then(setCount, setError)

  async function scan(e: FormEvent) {
    e.preventDefault()
    if (!count || !code.trim()) return
    setError(null)
    try {
      const res = await ok(
        api.POST('/api/v1/counts/{id}/scans', {
          params: { path: { id: count.id } },
          body: { code: code.trim() },
        }),
      )
      setLast(res)
      setCode('')
      await reload(count.id)
    } catch (err) {
      setError(err)
    }
    scanField.current?.focus()
  }

  async function start(e: FormEvent) {
    e.preventDefault()
    if (!store) return
    setError(null)
    const list = skus
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean)
    try {
      setCount(
        await ok(
          api.POST('/api/v1/counts', {
            body: { location_id: store.id, scope: 'zone', zone: zone.trim() || undefined, skus: list },
          }),
        ),
      )
    } catch (err) {
      setError(err)
    }
  }

  async function step(action: 'submit' | 'approve') {
    if (!count) return
    setError(null)
    try {
      const path = action === 'submit' ? '/api/v1/counts/{id}/submit' : '/api/v1/counts/{id}/approve'
      setCount(await ok(api.POST(path, { params: { path: { id: count.id } } })))
    } catch (err) {
      setError(err)
    }
  }

  if (!count) {
    return (
      <div className="count">
        <h1>{t('title')}</h1>
        <ErrorNote error={error} />
        <Section title={t('open')}>
          {!list && <Loading />}
          {list?.length === 0 && <p>{t('none')}</p>}
          <ul>
            {list?.map((c) => (
              <li key={c.id}>
                <button type="button" className="secondary" onClick={() => reload(c.id)}>
                  {c.scope_value ?? w(c.scope)} — {c.counted_items}/{c.items} {t('progress')}
                </button>
              </li>
            ))}
          </ul>
        </Section>
        {store && (
          <Section title={t('start')}>
            <form onSubmit={start}>
              <Field label={t('zone')} value={zone} onChange={(e) => setZone(e.target.value)} />
              <Field
                label={t('skus')}
                value={skus}
                onChange={(e) => setSkus(e.target.value)}
                autoComplete="off"
              />
              <button type="submit">{t('start')}</button>
            </form>
          </Section>
        )}
      </div>
    )
  }

  const counting = count.status === 'counting' || count.status === 'recount'
  return (
    <div className="count">
      <h1>
        {t('title')} — {count.scope_value ?? w(count.scope)}
      </h1>
      <p>
        {t('status')}: <strong data-testid="count-status">{w(count.status)}</strong> · {count.counted_items}/
        {count.items} {t('progress')}
      </p>
      {count.status === 'recount' && <p>{t('recounting')}</p>}
      <ErrorNote error={error} />
      {counting && (
        <form onSubmit={scan} className="inline-form">
          <Field
            ref={scanField}
            label={t('scan')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
            autoComplete="off"
            inputMode="numeric"
          />
          <button type="submit">{t('add')}</button>
        </form>
      )}
      {last && counting && (
        <p role="status" data-testid="last-scan">
          {last.found} {t('found')} {last.sku}
        </p>
      )}
      <div className="scroll">
        <table data-testid="count-lines">
          <thead>
            <tr>
              <th scope="col">{t('item')}</th>
              <th scope="col" className="num">
                {t('counted')}
              </th>
              <th scope="col" className="num">
                {t('recounted')}
              </th>
              <th scope="col" className="num">
                {t('expected')}
              </th>
              <th scope="col" className="num">
                {t('variance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {count.lines.map((l) => (
              <tr key={l.sku} className={l.needs_recount ? 'flagged' : undefined}>
                <td>{l.sku}</td>
                <td className="num">{l.counted ?? '—'}</td>
                <td className="num">{l.recounted ?? (l.needs_recount ? '…' : '')}</td>
                <td className="num">{l.expected ?? '•'}</td>
                <td className="num">{l.variance ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        {counting && (
          <button type="button" onClick={() => step('submit')}>
            {t('submit')}
          </button>
        )}
        {count.status === 'review' && (me.role === 'admin' || me.manager) && (
          <button type="button" onClick={() => step('approve')}>
            {t('approve')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setCount(null)
            setLast(null)
            refresh()
          }}
        >
          {t('back')}
        </button>
      </div>
    </div>
  )
}
