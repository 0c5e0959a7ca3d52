import { useCallback, useEffect, useState } from 'react'
import { type GetResult, ok } from '../api/client'
import { day, decimal } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { locationName, useLocationNames } from '../locations'
import { useSession } from '../session'
import { ErrorNote, Loading, Section } from '../ui'

type Proposal = GetResult<'/api/v1/replenishment/proposals/{id}'>

const dict: Dictionary<
  | 'title'
  | 'drafts'
  | 'none'
  | 'open'
  | 'delivery'
  | 'from'
  | 'sku'
  | 'send'
  | 'proposed'
  | 'velocity'
  | 'onHand'
  | 'transit'
  | 'ordered'
  | 'target'
  | 'short'
  | 'truck'
  | 'approve'
  | 'approved'
  | 'back'
  | 'quantityOf'
  | 'lines'
> = {
  fr: {
    title: 'Réassort',
    drafts: 'Propositions à valider',
    none: 'Aucune proposition à valider.',
    open: 'Ouvrir',
    delivery: 'Livraison le',
    from: 'depuis',
    sku: 'Référence',
    send: 'À envoyer',
    proposed: 'Proposé',
    velocity: 'Ventes / jour',
    onHand: 'En stock',
    transit: 'En route',
    ordered: 'Commandé',
    target: 'Objectif',
    short: 'Manque entrepôt',
    truck: 'Camion',
    approve: 'Valider le réassort',
    approved: 'Validé : transferts en route',
    back: 'Autres propositions',
    quantityOf: 'Quantité à envoyer de {sku}',
    lines: 'lignes',
  },
  en: {
    title: 'Replenishment',
    drafts: 'Proposals to review',
    none: 'No proposal to review.',
    open: 'Open',
    delivery: 'Delivery on',
    from: 'from',
    sku: 'SKU',
    send: 'To send',
    proposed: 'Proposed',
    velocity: 'Sales / day',
    onHand: 'On hand',
    transit: 'In transit',
    ordered: 'On order',
    target: 'Target',
    short: 'Warehouse short',
    truck: 'Truck',
    approve: 'Approve the replenishment',
    approved: 'Approved: transfers on their way',
    back: 'Other proposals',
    quantityOf: 'Units to send of {sku}',
    lines: 'lines',
  },
}

/** A store (or head office) reviews the day's replenishment, line by line with why, and approves it. */
export function Replenishment() {
  const t = useT(dict)
  const { lang } = useLang()
  const { api } = useSession()
  const names = useLocationNames()
  const [list, setList] = useState<Proposal[] | null>(null)
  const [proposal, setProposal] = useState<Proposal | null>(null)
  const [error, setError] = useState<unknown>(null)
  const name = (id: string) => locationName(names, id)

  const refresh = useCallback(() => {
    ok(
      api.GET('/api/v1/replenishment/proposals', { params: { query: { status: 'draft', limit: 30 } } }),
    ).then((page) => setList(page.data), setError)
  }, [api])
  useEffect(refresh, [refresh])

  const open = (id: string) =>
    ok(api.GET('/api/v1/replenishment/proposals/{id}', { params: { path: { id } } })).then(
      setProposal,
      setError,
    )

  async function edit(sku: string, quantity: number) {
    if (!proposal || !Number.isInteger(quantity) || quantity < 0) return
    setError(null)
    try {
      setProposal(
        await ok(
          api.PUT('/api/v1/replenishment/proposals/{id}/lines/{sku}', {
            params: { path: { id: proposal.id, sku } },
            body: { quantity },
          }),
        ),
      )
    } catch (err) {
      setError(err)
    }
  }

  async function approve() {
    if (!proposal) return
    setError(null)
    try {
      setProposal(
        await ok(
          api.POST('/api/v1/replenishment/proposals/{id}/approve', { params: { path: { id: proposal.id } } }),
        ),
      )
    } catch (err) {
      setError(err)
    }
  }

  if (!proposal) {
    return (
      <div className="replenishment">
        <h1>{t('title')}</h1>
        <ErrorNote error={error} />
        <Section title={t('drafts')}>
          {!list && <Loading />}
          {list?.length === 0 && <p>{t('none')}</p>}
          <ul>
            {list?.map((p) => (
              <li key={p.id}>
                <button type="button" className="secondary" onClick={() => open(p.id)}>
                  {name(p.location_id)} — {t('delivery')} {day(p.delivery_date, lang)} · {p.line_count}{' '}
                  {t('lines')} · {p.units}
                </button>
              </li>
            ))}
          </ul>
        </Section>
      </div>
    )
  }

  const draft = proposal.status === 'draft'
  return (
    <div className="replenishment">
      <h1>
        {t('title')} — {name(proposal.location_id)}
      </h1>
      <p>
        {t('delivery')} {day(proposal.delivery_date, lang)} {t('from')} {name(proposal.warehouse_id)} ·{' '}
        {proposal.units} · {decimal(proposal.pallets)} pal. · {proposal.trucks} {t('truck').toLowerCase()}
      </p>
      <ErrorNote error={error} />
      {!draft && (
        <p role="status" data-testid="approved">
          {t('approved')} ({proposal.transfer_ids.length})
        </p>
      )}
      <div className="scroll">
        <table data-testid="proposal-lines">
          <thead>
            <tr>
              <th scope="col">{t('sku')}</th>
              <th scope="col" className="num">
                {t('send')}
              </th>
              <th scope="col" className="num">
                {t('proposed')}
              </th>
              <th scope="col" className="num">
                {t('velocity')}
              </th>
              <th scope="col" className="num">
                {t('onHand')}
              </th>
              <th scope="col" className="num">
                {t('transit')}
              </th>
              <th scope="col" className="num">
                {t('ordered')}
              </th>
              <th scope="col" className="num">
                {t('target')}
              </th>
              <th scope="col" className="num">
                {t('short')}
              </th>
              <th scope="col" className="num">
                {t('truck')}
              </th>
            </tr>
          </thead>
          <tbody>
            {proposal.lines.map((l) => (
              <tr key={l.sku}>
                <td>{l.sku}</td>
                <td className="num">
                  {draft ? (
                    <input
                      type="number"
                      min={0}
                      className="qty"
                      aria-label={t('quantityOf', { sku: l.sku })}
                      defaultValue={l.quantity}
                      onBlur={(e) => {
                        const n = Number(e.target.value)
                        if (n !== l.quantity) edit(l.sku, n)
                      }}
                    />
                  ) : (
                    l.quantity
                  )}
                </td>
                <td className="num">{l.proposed}</td>
                <td className="num">{decimal(l.explanation.velocity_per_day)}</td>
                <td className="num">{l.explanation.on_hand}</td>
                <td className="num">{l.explanation.in_transit}</td>
                <td className="num">{l.explanation.open_orders}</td>
                <td className="num">{l.explanation.target}</td>
                <td className="num">{l.explanation.short_by || ''}</td>
                <td className="num">{l.truck}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        {draft && (
          <button type="button" onClick={approve}>
            {t('approve')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setProposal(null)
            refresh()
          }}
        >
          {t('back')}
        </button>
      </div>
    </div>
  )
}
