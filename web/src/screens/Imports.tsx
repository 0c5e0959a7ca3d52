import { type FormEvent, useId, useState } from 'react'
import { ApiError, type PostResult } from '../api/client'
import '../fiscal/fiscal.css'
import { type Dictionary, useT } from '../i18n'
import { useSession } from '../session'
import { ErrorNote, Section } from '../ui'

type Report = PostResult<'/api/v1/imports/{entity}'>
type Entity = 'products' | 'prices' | 'stock' | 'customers'
const entities: Entity[] = ['products', 'prices', 'stock', 'customers']

const dict: Dictionary<
  | Entity
  | 'title'
  | 'intro'
  | 'what'
  | 'file'
  | 'fileHint'
  | 'dryRun'
  | 'doImport'
  | 'doCheck'
  | 'sending'
  | 'checked'
  | 'imported'
  | 'counts'
  | 'refusals'
  | 'line'
  | 'column'
  | 'reason'
  | 'whole'
  | 'notListed'
  | 'exports'
  | 'exportsIntro'
  | 'csv'
  | 'jsonl'
  | 'exportOf'
> = {
  fr: {
    products: 'Produits et déclinaisons',
    prices: 'Prix par liste de prix',
    stock: 'Comptages de stock',
    customers: 'Clients',
    title: 'Imports et exports',
    intro:
      'Un fichier CSV ou JSON Lines, lu au fil de l’eau : chaque ligne est appliquée entière ou refusée entière, et réimporter le même fichier ne change rien.',
    what: 'Données',
    file: 'Fichier',
    fileHint: 'CSV (première ligne : les colonnes) ou JSON Lines (.jsonl), 256 Mo au plus.',
    dryRun: 'Vérifier seulement (rien n’est enregistré)',
    doImport: 'Importer le fichier',
    doCheck: 'Vérifier le fichier',
    sending: 'Envoi et lecture du fichier…',
    checked: 'Vérification : {rows} ligne(s) lue(s), rien n’a été enregistré.',
    imported: 'Import terminé : {rows} ligne(s) lue(s).',
    counts: '{created} créée(s), {updated} mise(s) à jour, {unchanged} inchangée(s), {refused} refusée(s).',
    refusals: 'Lignes refusées',
    line: 'Ligne',
    column: 'Colonne',
    reason: 'Motif',
    whole: 'toute la ligne',
    notListed: '{n} autre(s) refus non listé(s).',
    exports: 'Exports',
    exportsIntro: 'Le fichier a les colonnes qu’un import lit : le réimporter ne change rien.',
    csv: 'CSV',
    jsonl: 'JSON Lines',
    exportOf: '{format} : exporter {what}',
  },
  en: {
    products: 'Products and variants',
    prices: 'Prices per price list',
    stock: 'Stock counts',
    customers: 'Customers',
    title: 'Imports and exports',
    intro:
      'A CSV or JSON Lines file, read as it arrives: each row is applied whole or refused whole, and importing the same file again changes nothing.',
    what: 'Data',
    file: 'File',
    fileHint: 'CSV (first line: the columns) or JSON Lines (.jsonl), up to 256 MB.',
    dryRun: 'Check only (nothing is saved)',
    doImport: 'Import the file',
    doCheck: 'Check the file',
    sending: 'Sending and reading the file…',
    checked: 'Check: {rows} row(s) read, nothing was saved.',
    imported: 'Import done: {rows} row(s) read.',
    counts: '{created} created, {updated} updated, {unchanged} unchanged, {refused} refused.',
    refusals: 'Rows refused',
    line: 'Line',
    column: 'Column',
    reason: 'Reason',
    whole: 'the whole row',
    notListed: '{n} more refusal(s) not listed.',
    exports: 'Exports',
    exportsIntro: 'The file has the columns an import reads: importing it back changes nothing.',
    csv: 'CSV',
    jsonl: 'JSON Lines',
    exportOf: '{format}: export {what}',
  },
}

/** Throws the API's error of a failed answer (the file routes are called with fetch, not the client). */
async function failed(res: Response): Promise<never> {
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }
  throw new ApiError(res.status, body.error?.code ?? 'http_error', body.error?.message ?? res.statusText)
}

/** Head office's imports (products, prices, stock counts, customers) with their report, and exports. */
export function Imports() {
  const t = useT(dict)
  const { key } = useSession()
  const entityId = useId()
  const fileId = useId()
  const [entity, setEntity] = useState<Entity>('prices')
  const [file, setFile] = useState<File | null>(null)
  const [dryRun, setDryRun] = useState(true)
  const [report, setReport] = useState<Report | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function send(e: FormEvent) {
    e.preventDefault()
    if (!file) return
    setBusy(true)
    setError(null)
    setReport(null)
    try {
      const jsonl = /\.(jsonl|ndjson)$/i.test(file.name)
      const res = await fetch(
        `/api/v1/imports/${entity}?dry_run=${dryRun}&format=${jsonl ? 'jsonl' : 'csv'}`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': jsonl ? 'application/x-ndjson' : 'text/csv',
          },
          body: file,
        },
      )
      if (!res.ok) await failed(res)
      setReport((await res.json()) as Report)
    } catch (err) {
      setError(err instanceof TypeError ? new ApiError(0, 'network_unavailable', err.message) : err)
    } finally {
      setBusy(false)
    }
  }

  async function download(what: Entity, format: 'csv' | 'jsonl') {
    setError(null)
    try {
      const res = await fetch(`/api/v1/exports/${what}?format=${format}`, {
        headers: { authorization: `Bearer ${key}` },
      })
      if (!res.ok) await failed(res)
      const url = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = url
      a.download = `${what}.${format}`
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <div className="imports">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNote error={error} />
      <div className="split">
        <Section title={t('doImport')}>
          <form onSubmit={send}>
            <div className="field">
              <label htmlFor={entityId}>{t('what')}</label>
              <select id={entityId} value={entity} onChange={(e) => setEntity(e.target.value as Entity)}>
                {entities.map((x) => (
                  <option key={x} value={x}>
                    {t(x)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={fileId}>{t('file')}</label>
              <input
                id={fileId}
                type="file"
                accept=".csv,.jsonl,.ndjson,text/csv"
                aria-describedby={`${fileId}-hint`}
                required
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
              <small id={`${fileId}-hint`} className="hint">
                {t('fileHint')}
              </small>
            </div>
            <label className="choice-inline">
              <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />{' '}
              {t('dryRun')}
            </label>
            <div>
              <button type="submit" className="primary" disabled={busy || !file}>
                {dryRun ? t('doCheck') : t('doImport')}
              </button>
            </div>
          </form>
          {busy && (
            <p aria-live="polite" className="muted">
              {t('sending')}
            </p>
          )}
          {report && (
            <div role="status" data-testid="import-report">
              <p>
                <strong>
                  {report.dry_run
                    ? t('checked', { rows: report.rows })
                    : t('imported', { rows: report.rows })}
                </strong>{' '}
                {t('counts', {
                  created: report.created,
                  updated: report.updated,
                  unchanged: report.unchanged,
                  refused: report.refused_rows,
                })}
              </p>
              {report.refused.length > 0 && (
                <div className="table-scroll">
                  <table>
                    <caption>{t('refusals')}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          {t('line')}
                        </th>
                        <th scope="col">{t('column')}</th>
                        <th scope="col">{t('reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.refused.map((r) => (
                        <tr key={`${r.line}-${r.column ?? ''}-${r.code}`}>
                          <td className="num">{r.line}</td>
                          <td>{r.column ?? t('whole')}</td>
                          {/* The file's own column names, and the server's reason written for integrators. */}
                          <td lang="en">{r.reason}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {report.refused_not_listed > 0 && <p>{t('notListed', { n: report.refused_not_listed })}</p>}
            </div>
          )}
        </Section>
        <Section title={t('exports')}>
          <p className="muted">{t('exportsIntro')}</p>
          <ul className="list">
            {entities.map((x) => (
              <li key={x} className="row tight">
                <span>{t(x)}</span>
                {(['csv', 'jsonl'] as const).map((f) => (
                  <button
                    key={f}
                    type="button"
                    className="secondary"
                    aria-label={t('exportOf', { what: t(x).toLowerCase(), format: t(f) })}
                    onClick={() => download(x, f)}
                  >
                    {t(f)}
                  </button>
                ))}
              </li>
            ))}
          </ul>
        </Section>
      </div>
    </div>
  )
}
