import { useCallback, useEffect, useState } from 'react'
import { type GetResult, ok, type PostBody } from '../api/client'
import { dateTime, parseEuros } from '../format'
import { type Dictionary, useLang, useT } from '../i18n'
import { shopperKinds } from '../labels'
import { useLocationNames } from '../locations'
import { useSession } from '../session'
import { Empty, ErrorNote, Field, MoreButton, Section, usePages } from '../ui'

type Segment = GetResult<'/api/v1/segments/{id}'>
type Filter = PostBody<'/api/v1/segments'>['filter']
type Campaign = GetResult<'/api/v1/campaigns/{id}'>
type Recipient = GetResult<'/api/v1/campaigns/{id}/recipients'>['data'][number]
type Shopper = keyof (typeof shopperKinds)['fr']

const states = ['pending', 'queued', 'sent', 'bounced', 'failed', 'skipped'] as const

const words: Dictionary<
  | (typeof states)[number]
  | 'draft'
  | 'sending'
  | 'no_consent'
  | 'no_email'
  | 'erased'
  | 'merged'
  | 'consent_withdrawn'
  | 'cancelled'
  | 'not_written'
> = {
  fr: {
    pending: 'En attente',
    queued: 'En file',
    sent: 'Envoyé',
    bounced: 'Rejeté',
    failed: 'Échec',
    skipped: 'Écarté',
    draft: 'Brouillon',
    sending: 'En cours d’envoi',
    no_consent: 'pas de consentement',
    no_email: 'pas d’e-mail',
    erased: 'client effacé',
    merged: 'profil fusionné',
    consent_withdrawn: 'consentement retiré',
    cancelled: 'annulé',
    not_written: 'non écrit',
  },
  en: {
    pending: 'Pending',
    queued: 'Queued',
    sent: 'Sent',
    bounced: 'Bounced',
    failed: 'Failed',
    skipped: 'Skipped',
    draft: 'Draft',
    sending: 'Sending',
    no_consent: 'no consent',
    no_email: 'no e-mail',
    erased: 'customer erased',
    merged: 'profile merged',
    consent_withdrawn: 'consent withdrawn',
    cancelled: 'cancelled',
    not_written: 'not written',
  },
}

const dict: Dictionary<
  | 'title'
  | 'segments'
  | 'newSegment'
  | 'name'
  | 'channels'
  | 'profiles'
  | 'spendMin'
  | 'spendMax'
  | 'months'
  | 'after'
  | 'before'
  | 'homeStore'
  | 'anyStore'
  | 'consent'
  | 'consentAny'
  | 'consentYes'
  | 'consentNo'
  | 'count'
  | 'counted'
  | 'save'
  | 'saved'
  | 'export'
  | 'campaigns'
  | 'newCampaign'
  | 'segment'
  | 'rate'
  | 'subjectFr'
  | 'bodyFr'
  | 'subjectEn'
  | 'bodyEn'
  | 'placeholders'
  | 'create'
  | 'send'
  | 'confirmSend'
  | 'recipients'
  | 'refresh'
  | 'customer'
  | 'state'
  | 'reason'
  | 'status'
  | 'chooseSegment'
> = {
  fr: {
    title: 'Segments et campagnes',
    segments: 'Segments',
    newSegment: 'Nouveau segment',
    name: 'Nom',
    channels: 'A acheté sur',
    profiles: 'Profil d’acheteur',
    spendMin: 'Dépense minimale (€)',
    spendMax: 'Dépense maximale (€)',
    months: 'Sur les derniers mois',
    after: 'Dernier achat à partir du',
    before: 'Dernier achat avant le',
    homeStore: 'Magasin de référence',
    anyStore: 'Tous',
    consent: 'Consentement marketing par e-mail',
    consentAny: 'Indifférent',
    consentYes: 'Donné',
    consentNo: 'Non donné ou retiré',
    count: 'Compter',
    counted: '{customers} clients, dont {reachable} joignables par e-mail',
    save: 'Enregistrer le segment',
    saved: 'Segment « {name} » enregistré.',
    export: 'Exporter en CSV',
    campaigns: 'Campagnes e-mail',
    newCampaign: 'Nouvelle campagne',
    segment: 'Segment',
    rate: 'E-mails par minute au plus',
    subjectFr: 'Objet (français)',
    bodyFr: 'Texte (français)',
    subjectEn: 'Objet (anglais)',
    bodyEn: 'Texte (anglais)',
    placeholders: '{{first_name}} et {{brand}} sont remplacés ; un lien de désabonnement est ajouté.',
    create: 'Créer la campagne',
    send: 'Envoyer',
    confirmSend: 'Envoyer « {name} » aux clients du segment qui ont donné leur consentement ?',
    recipients: 'Destinataires de « {name} »',
    refresh: 'Actualiser',
    customer: 'Client',
    state: 'État',
    reason: 'Motif',
    status: 'Statut',
    chooseSegment: 'Choisir un segment',
  },
  en: {
    title: 'Segments and campaigns',
    segments: 'Segments',
    newSegment: 'New segment',
    name: 'Name',
    channels: 'Bought in',
    profiles: 'Shopper profile',
    spendMin: 'Minimum spend (€)',
    spendMax: 'Maximum spend (€)',
    months: 'Over the last months',
    after: 'Last purchase on or after',
    before: 'Last purchase before',
    homeStore: 'Home store',
    anyStore: 'Any',
    consent: 'Marketing consent by e-mail',
    consentAny: 'Either',
    consentYes: 'Given',
    consentNo: 'Not given or withdrawn',
    count: 'Count',
    counted: '{customers} customers, {reachable} of them reachable by e-mail',
    save: 'Save segment',
    saved: 'Segment “{name}” saved.',
    export: 'Export as CSV',
    campaigns: 'E-mail campaigns',
    newCampaign: 'New campaign',
    segment: 'Segment',
    rate: 'At most e-mails per minute',
    subjectFr: 'Subject (French)',
    bodyFr: 'Text (French)',
    subjectEn: 'Subject (English)',
    bodyEn: 'Text (English)',
    placeholders: '{{first_name}} and {{brand}} are filled in; an unsubscribe link is added.',
    create: 'Create campaign',
    send: 'Send',
    confirmSend: 'Send “{name}” to the segment’s customers who gave their consent?',
    recipients: 'Recipients of “{name}”',
    refresh: 'Refresh',
    customer: 'Customer',
    state: 'State',
    reason: 'Reason',
    status: 'Status',
    chooseSegment: 'Choose a segment',
  },
}

/** Head office draws segments of the customer base, counts and exports them, and e-mails them campaigns. */
export function Campaigns() {
  const t = useT(dict)
  const { api } = useSession()
  const segments = usePages(
    useCallback(
      (cursor: string | undefined) =>
        ok(api.GET('/api/v1/segments', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } })),
      [api],
    ),
  )
  return (
    <div className="campaigns">
      <h1>{t('title')}</h1>
      <SegmentForm onSaved={() => segments.reload()} />
      <Section title={t('segments')}>
        <ErrorNote error={segments.error} />
        {segments.items.length === 0 && !segments.loading && <Empty />}
        <ul className="list" data-testid="segments">
          {segments.items.map((s) => (
            <SegmentLine key={s.id} segment={s} />
          ))}
        </ul>
        <MoreButton pages={segments} />
      </Section>
      <CampaignsPanel segments={segments.items} />
    </div>
  )
}

function SegmentLine({ segment }: { segment: Omit<Segment, 'count'> }) {
  const t = useT(dict)
  const { key } = useSession()
  const [error, setError] = useState<unknown>(null)
  async function download() {
    setError(null)
    try {
      // The export needs the key: fetched, then handed to the browser as a file.
      const res = await fetch(`/api/v1/segments/${encodeURIComponent(segment.id)}/export`, {
        headers: { authorization: `Bearer ${key}` },
      })
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`)
      const url = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = url
      a.download = `segment-${segment.name}.csv`
      a.click()
      URL.revokeObjectURL(url)
    } catch (err) {
      setError(err)
    }
  }
  return (
    <li className="row">
      <strong>{segment.name}</strong>
      <button type="button" className="secondary" onClick={download}>
        {t('export')}
      </button>
      <ErrorNote error={error} />
    </li>
  )
}

function SegmentForm({ onSaved }: { onSaved(): void }) {
  const t = useT(dict)
  const ts = useT(shopperKinds)
  const { api } = useSession()
  const stores = [...useLocationNames().values()].filter((l) => l.kind === 'store')
  const [channels, setChannels] = useState<Array<{ code: string; name: string }>>([])
  const [name, setName] = useState('')
  const [used, setUsed] = useState<string[]>([])
  const [profiles, setProfiles] = useState<Shopper[]>([])
  const [min, setMin] = useState('')
  const [max, setMax] = useState('')
  const [months, setMonths] = useState('')
  const [after, setAfter] = useState('')
  const [before, setBefore] = useState('')
  const [home, setHome] = useState('')
  const [consent, setConsent] = useState<'any' | 'yes' | 'no'>('any')
  const [count, setCount] = useState<{ customers: number; reachable_by_email: number } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)

  useEffect(() => {
    ok(api.GET('/api/v1/channels', { params: { query: { limit: 100 } } })).then(
      (r) => setChannels(r.data.map((c) => ({ code: c.code, name: c.name }))),
      setError,
    )
  }, [api])

  function filter(): Filter {
    const f: Filter = {}
    if (used.length > 0) f.channels_used = used
    if (profiles.length > 0) f.shopper_profiles = profiles
    const minCents = min ? parseEuros(min) : null
    const maxCents = max ? parseEuros(max) : null
    if (minCents !== null || maxCents !== null || months)
      f.spend = {
        ...(minCents !== null ? { min_cents: minCents } : {}),
        ...(maxCents !== null ? { max_cents: maxCents } : {}),
        ...(months ? { months: Number(months) } : {}),
      }
    if (after || before) f.last_purchase = { ...(after ? { after } : {}), ...(before ? { before } : {}) }
    if (home) f.home_stores = [home]
    if (consent !== 'any')
      f.consents = [{ purpose: 'marketing', medium: 'email', granted: consent === 'yes' }]
    return f
  }

  async function run(save: boolean) {
    setError(null)
    setDone(null)
    try {
      if (save) {
        const s = await ok(api.POST('/api/v1/segments', { body: { name, filter: filter() } }))
        setCount(s.count)
        setDone(t('saved', { name: s.name }))
        onSaved()
      } else setCount(await ok(api.POST('/api/v1/segments/count', { body: { filter: filter() } })))
    } catch (err) {
      setError(err)
    }
  }

  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])
  return (
    <Section title={t('newSegment')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void run(true)
        }}
      >
        <Field
          label={t('name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={120}
        />
        <fieldset>
          <legend>{t('channels')}</legend>
          {channels.map((c) => (
            <label key={c.code} className="check">
              <input
                type="checkbox"
                checked={used.includes(c.code)}
                onChange={() => setUsed(toggle(used, c.code))}
              />{' '}
              {c.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('profiles')}</legend>
          {(Object.keys(shopperKinds.fr) as Shopper[]).map((k) => (
            <label key={k} className="check">
              <input
                type="checkbox"
                checked={profiles.includes(k)}
                onChange={() => setProfiles(toggle(profiles, k))}
              />{' '}
              {ts(k)}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <Field
            label={t('spendMin')}
            inputMode="decimal"
            value={min}
            onChange={(e) => setMin(e.target.value)}
          />
          <Field
            label={t('spendMax')}
            inputMode="decimal"
            value={max}
            onChange={(e) => setMax(e.target.value)}
          />
          <Field
            label={t('months')}
            type="number"
            min={1}
            max={120}
            value={months}
            onChange={(e) => setMonths(e.target.value)}
          />
        </div>
        <div className="row">
          <Field label={t('after')} type="date" value={after} onChange={(e) => setAfter(e.target.value)} />
          <Field label={t('before')} type="date" value={before} onChange={(e) => setBefore(e.target.value)} />
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="segment-home">{t('homeStore')}</label>
            <select id="segment-home" value={home} onChange={(e) => setHome(e.target.value)}>
              <option value="">{t('anyStore')}</option>
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="segment-consent">{t('consent')}</label>
            <select
              id="segment-consent"
              value={consent}
              onChange={(e) => setConsent(e.target.value as 'any' | 'yes' | 'no')}
            >
              <option value="any">{t('consentAny')}</option>
              <option value="yes">{t('consentYes')}</option>
              <option value="no">{t('consentNo')}</option>
            </select>
          </div>
        </div>
        <div className="row">
          <button type="button" className="secondary" onClick={() => run(false)}>
            {t('count')}
          </button>
          <button type="submit">{t('save')}</button>
        </div>
      </form>
      {count && (
        <p role="status" data-testid="segment-count">
          {t('counted', { customers: count.customers, reachable: count.reachable_by_email })}
        </p>
      )}
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorNote error={error} />
    </Section>
  )
}

function CampaignsPanel({ segments }: { segments: Array<{ id: string; name: string }> }) {
  const t = useT(dict)
  const tw = useT(words)
  const { lang } = useLang()
  const { api } = useSession()
  const [error, setError] = useState<unknown>(null)
  const [open, setOpen] = useState<Campaign | null>(null)
  // Opening a campaign, or refreshing, reads its recipients afresh.
  const [version, setVersion] = useState(0)
  const campaigns = usePages(
    useCallback(
      (cursor: string | undefined) =>
        ok(api.GET('/api/v1/campaigns', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } })),
      [api],
    ),
  )
  // A campaign handed over whole may still have e-mails queued at the sender.
  const active = (c: Campaign) =>
    c.status === 'sending' || c.recipients.queued > 0 || c.recipients.pending > 0
  const sending = campaigns.items.some(active)
  const { reload } = campaigns
  // While a campaign goes out, its figures move: read again every 2 s.
  useEffect(() => {
    if (!sending) return
    const timer = setInterval(() => void reload(), 2000)
    return () => clearInterval(timer)
  }, [sending, reload])

  async function send(c: Campaign) {
    if (!window.confirm(t('confirmSend', { name: c.name }))) return
    setError(null)
    try {
      setOpen(await ok(api.POST('/api/v1/campaigns/{id}/send', { params: { path: { id: c.id } } })))
      await reload()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <>
      <CampaignForm segments={segments} onCreated={() => reload()} />
      <Section
        title={t('campaigns')}
        actions={
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setVersion((v) => v + 1)
              void reload()
            }}
          >
            {t('refresh')}
          </button>
        }
      >
        <ErrorNote error={error ?? campaigns.error} />
        {campaigns.items.length === 0 && !campaigns.loading && <Empty />}
        <div className="scroll">
          <table data-testid="campaigns">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('status')}</th>
                {states.map((s) => (
                  <th key={s} scope="col">
                    {tw(s)}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">{t('send')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {campaigns.items.map((c) => (
                <tr key={c.id} data-campaign={c.name}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setOpen(c)
                        setVersion((v) => v + 1)
                      }}
                    >
                      {c.name}
                    </button>
                    {c.started_at && <small className="muted"> {dateTime(c.started_at, lang)}</small>}
                  </td>
                  <td data-testid="campaign-status">{tw(c.status)}</td>
                  {states.map((s) => (
                    <td key={s} data-state={s}>
                      {c.recipients[s]}
                    </td>
                  ))}
                  <td>
                    {c.status === 'draft' && (
                      <button type="button" onClick={() => send(c)}>
                        {t('send')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <MoreButton pages={campaigns} />
      </Section>
      {open && (
        <Recipients
          key={`${open.id}-${version}`}
          campaign={open}
          sending={campaigns.items.some((c) => c.id === open.id && active(c))}
        />
      )}
    </>
  )
}

function CampaignForm({
  segments,
  onCreated,
}: {
  segments: Array<{ id: string; name: string }>
  onCreated(): void
}) {
  const t = useT(dict)
  const { api } = useSession()
  const [name, setName] = useState('')
  const [segmentId, setSegmentId] = useState('')
  const [rate, setRate] = useState('600')
  const [fr, setFr] = useState({ subject: '', body: '' })
  const [en, setEn] = useState({ subject: '', body: '' })
  const [error, setError] = useState<unknown>(null)

  async function create() {
    setError(null)
    try {
      await ok(
        api.POST('/api/v1/campaigns', {
          body: { name, segment_id: segmentId, content: { fr, en }, rate_per_minute: Number(rate) || 600 },
        }),
      )
      setName('')
      onCreated()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <Section title={t('newCampaign')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}
      >
        <div className="row">
          <Field
            label={t('name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={120}
          />
          <div className="field">
            <label htmlFor="campaign-segment">{t('segment')}</label>
            <select
              id="campaign-segment"
              value={segmentId}
              onChange={(e) => setSegmentId(e.target.value)}
              required
            >
              <option value="">{t('chooseSegment')}</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('rate')}
            type="number"
            min={1}
            value={rate}
            onChange={(e) => setRate(e.target.value)}
          />
        </div>
        <p className="muted">{t('placeholders')}</p>
        <Field
          label={t('subjectFr')}
          lang="fr"
          value={fr.subject}
          onChange={(e) => setFr({ ...fr, subject: e.target.value })}
          required
        />
        <TextArea label={t('bodyFr')} lang="fr" value={fr.body} onChange={(body) => setFr({ ...fr, body })} />
        <Field
          label={t('subjectEn')}
          lang="en"
          value={en.subject}
          onChange={(e) => setEn({ ...en, subject: e.target.value })}
          required
        />
        <TextArea label={t('bodyEn')} lang="en" value={en.body} onChange={(body) => setEn({ ...en, body })} />
        <button type="submit">{t('create')}</button>
      </form>
      <ErrorNote error={error} />
    </Section>
  )
}

function TextArea({
  label,
  lang,
  value,
  onChange,
}: {
  label: string
  lang: string
  value: string
  onChange(v: string): void
}) {
  const id = `campaign-body-${lang}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        lang={lang}
        rows={5}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
      />
    </div>
  )
}

function Recipients({ campaign, sending }: { campaign: Campaign; sending: boolean }) {
  const t = useT(dict)
  const tw = useT(words)
  const { api } = useSession()
  const load = useCallback(
    (cursor: string | undefined) =>
      ok(
        api.GET('/api/v1/campaigns/{id}/recipients', {
          params: { path: { id: campaign.id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [api, campaign.id],
  )
  const pages = usePages<Recipient>(load)
  const { reload } = pages
  // While the campaign goes out, its recipients' states move: read again every 2 s.
  useEffect(() => {
    if (!sending) return
    const timer = setInterval(() => void reload(), 2000)
    return () => clearInterval(timer)
  }, [sending, reload])
  const reason = (r: string | null) => (r === null ? '' : r in words.fr ? tw(r as keyof typeof words.fr) : r)
  return (
    <Section title={t('recipients', { name: campaign.name })}>
      <ErrorNote error={pages.error} />
      <div className="scroll">
        <table data-testid="recipients">
          <thead>
            <tr>
              <th scope="col">{t('customer')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('reason')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.items.map((r) => (
              <tr key={r.customer_id} data-customer={r.customer_id}>
                {/* A customer's name is data, as they gave it. */}
                <td data-name>{r.customer_name}</td>
                <td>{tw(r.status)}</td>
                <td>{reason(r.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton pages={pages} />
    </Section>
  )
}
