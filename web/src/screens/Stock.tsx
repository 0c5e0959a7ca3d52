import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { dateTime } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { labelOf, movementWords } from '../labels'
import { locationName, useLocationNames } from '../locations'
import { useSession } from '../session'
import { ErrorNote, Field, Loading, MoreButton, Section, usePages } from '../ui'

type Levels = GetResult<'/api/v1/inventory/{sku}'>
type Movement = GetResult<'/api/v1/inventory/{sku}/movements'>['data'][number]

const dict: Dictionary<
  | 'title'
  | 'sku'
  | 'show'
  | 'location'
  | 'onHand'
  | 'reserved'
  | 'safety'
  | 'available'
  | 'transit'
  | 'quarantined'
  | 'movements'
  | 'when'
  | 'kind'
  | 'delta'
  | 'reference'
  | 'refOrder'
  | 'refReturn'
  | 'refTransfer'
  | 'refOther'
> = {
  fr: {
    title: 'Stock d’une référence',
    sku: 'Référence (SKU)',
    show: 'Afficher',
    location: 'Lieu',
    onHand: 'En stock',
    reserved: 'Réservé',
    safety: 'Sécurité',
    available: 'Disponible',
    transit: 'En transit',
    quarantined: 'Quarantaine',
    movements: 'Mouvements (les plus récents d’abord)',
    when: 'Date',
    kind: 'Mouvement',
    delta: 'Δ stock',
    reference: 'Pièce',
    refOrder: 'Commande',
    refReturn: 'Retour',
    refTransfer: 'Transfert',
    refOther: 'Autre pièce',
  },
  en: {
    title: 'Stock of a SKU',
    sku: 'SKU',
    show: 'Show',
    location: 'Location',
    onHand: 'On hand',
    reserved: 'Reserved',
    safety: 'Safety',
    available: 'Available',
    transit: 'In transit',
    quarantined: 'Quarantined',
    movements: 'Movements (newest first)',
    when: 'Date',
    kind: 'Movement',
    delta: 'Δ on hand',
    reference: 'Reference',
    refOrder: 'Order',
    refReturn: 'Return',
    refTransfer: 'Transfer',
    refOther: 'Other document',
  },
}

/** A SKU's stock in every location and the ledger that explains it, page by page. */
export function Stock() {
  const t = useT(dict)
  const mt = useT(movementWords)
  // A movement's document by its kind (the id stays in the tooltip, for support).
  const documentOf = (ref: string) =>
    ref.startsWith('ord_')
      ? t('refOrder')
      : ref.startsWith('rtn_')
        ? t('refReturn')
        : ref.startsWith('trf_')
          ? t('refTransfer')
          : t('refOther')
  const { lang } = useLang()
  const { api } = useSession()
  const locations = useLocationNames()
  const initial = new URLSearchParams(location.search).get('sku') ?? ''
  const [text, setText] = useState(initial)
  const [sku, setSku] = useState(initial)
  const [levels, setLevels] = useState<Levels | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (!sku) return
    setLevels(null)
    setError(null)
    ok(api.GET('/api/v1/inventory/{sku}', { params: { path: { sku } } })).then(setLevels, setError)
  }, [api, sku])

  const load = useCallback(
    (cursor: string | undefined) =>
      ok(
        api.GET('/api/v1/inventory/{sku}/movements', {
          params: { path: { sku }, query: { limit: 25, cursor } },
        }),
      ),
    [api, sku],
  )
  const moves = usePages<Movement>(sku ? load : null)
  const name = (id: string) => locationName(locations, id)

  function show(e: FormEvent) {
    e.preventDefault()
    setSku(text.trim())
    history.replaceState(null, '', `/stock?sku=${encodeURIComponent(text.trim())}`)
  }

  return (
    <div className="stock">
      <h1>{t('title')}</h1>
      <form onSubmit={show} className="inline-form">
        <Field label={t('sku')} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        <button type="submit" className="secondary">
          {t('show')}
        </button>
      </form>
      <ErrorNote error={error} />
      {sku && !levels && !error && <Loading />}
      {levels && (
        <Section title={levels.sku}>
          <table data-testid="levels">
            <thead>
              <tr>
                <th scope="col">{t('location')}</th>
                {(['onHand', 'reserved', 'safety', 'available', 'transit', 'quarantined'] as const).map(
                  (k) => (
                    <th scope="col" className="num" key={k}>
                      {t(k)}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {levels.levels.map((l) => (
                <tr key={l.location_id}>
                  <td>{name(l.location_id)}</td>
                  <td className="num">{l.on_hand}</td>
                  <td className="num">{l.reserved}</td>
                  <td className="num">{l.safety_stock}</td>
                  <td className="num">{l.available}</td>
                  <td className="num">{l.in_transit}</td>
                  <td className="num">{l.quarantined}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}
      {sku && (
        <Section title={t('movements')}>
          <ErrorNote error={moves.error} />
          <table>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('location')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col" className="num">
                  {t('delta')}
                </th>
                <th scope="col" className="num">
                  {t('reserved')}
                </th>
                <th scope="col">{t('reference')}</th>
              </tr>
            </thead>
            <tbody>
              {moves.items.map((m) => (
                <tr key={m.id}>
                  <td>{dateTime(m.created_at, lang)}</td>
                  <td>{name(m.location_id)}</td>
                  <td>{labelOf(mt, movementWords, m.kind)}</td>
                  <td className="num">{m.on_hand_delta}</td>
                  <td className="num">{m.reserved_delta}</td>
                  <td title={m.reference ?? undefined}>
                    {m.reference ? documentOf(m.reference) : (m.reason ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {moves.loading && <Loading />}
          <MoreButton pages={moves} />
        </Section>
      )}
    </div>
  )
}
