import { type FormEvent, useEffect, useState } from 'react'
import { type GetResult, ok, type Task } from '../api/client'
import { type Dictionary, useT } from '../i18n'
import { useSession } from '../session'
import { ErrorNote, Field, Loading, Section } from '../ui'

type Service = GetResult<'/api/v1/carrier-services'>['data'][number]
type Parcel = GetResult<'/api/v1/parcels/{id}'>

const dict: Dictionary<
  | 'title'
  | 'task'
  | 'taskHint'
  | 'open'
  | 'order'
  | 'status'
  | 'service'
  | 'weight'
  | 'length'
  | 'width'
  | 'height'
  | 'relay'
  | 'relayHint'
  | 'pack'
  | 'label'
  | 'ship'
  | 'tracking'
  | 'parcels'
  | 'units'
  | 'shipped'
  | 'packed'
> = {
  fr: {
    title: 'Emballage et expédition des colis',
    task: 'Préparation à expédier',
    taskHint: 'Le numéro de la préparation (tsk_…), lu sur la liste de préparation.',
    open: 'Ouvrir',
    order: 'Commande {n}',
    status: 'Étape : {s}',
    service: 'Service de transport',
    weight: 'Poids (g)',
    length: 'Longueur (mm)',
    width: 'Largeur (mm)',
    height: 'Hauteur (mm)',
    relay: 'Point relais',
    relayHint: 'Par défaut, celui choisi par le client à la commande.',
    pack: 'Emballer et étiqueter',
    label: 'Ouvrir l’étiquette (PDF)',
    ship: 'Remettre au transporteur',
    tracking: 'Numéro de suivi',
    parcels: 'Colis',
    units: '{n} article(s)',
    shipped: 'Remis au transporteur',
    packed: 'Emballé, à remettre',
  },
  en: {
    title: 'Parcel packing and shipping',
    task: 'Task to ship',
    taskHint: 'The task number (tsk_…), read on the pick list.',
    open: 'Open',
    order: 'Order {n}',
    status: 'Step: {s}',
    service: 'Carrier service',
    weight: 'Weight (g)',
    length: 'Length (mm)',
    width: 'Width (mm)',
    height: 'Height (mm)',
    relay: 'Relay point',
    relayHint: 'By default, the one the customer chose when ordering.',
    pack: 'Pack and label',
    label: 'Open the label (PDF)',
    ship: 'Hand over to the carrier',
    tracking: 'Tracking number',
    parcels: 'Parcels',
    units: '{n} item(s)',
    shipped: 'Handed to the carrier',
    packed: 'Packed, to hand over',
  },
}

/**
 * Packing a ship task into a labelled parcel, printing its label and handing it to the carrier: the
 * parcel takes every unit the task still has, the carrier service serves the customer's postcode.
 */
export function Packing() {
  const t = useT(dict)
  const { api } = useSession()
  const [taskId, setTaskId] = useState(() => new URLSearchParams(location.search).get('task') ?? '')
  const [task, setTask] = useState<Task | null>(null)
  const [services, setServices] = useState<Service[]>([])
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    ok(api.GET('/api/v1/carrier-services')).then(
      (list) => setServices(list.data.filter((s) => s.active)),
      setError,
    )
  }, [api])

  const open = async (e?: FormEvent) => {
    e?.preventDefault()
    setError(null)
    try {
      setTask(await ok(api.GET('/api/v1/fulfilment/tasks/{id}', { params: { path: { id: taskId.trim() } } })))
    } catch (err) {
      setTask(null)
      setError(err)
    }
  }

  return (
    <div className="packing">
      <h1>{t('title')}</h1>
      <form onSubmit={open} className="row">
        <Field
          label={t('task')}
          hint={t('taskHint')}
          value={taskId}
          onChange={(e) => setTaskId(e.target.value)}
          required
        />
        <button type="submit">{t('open')}</button>
      </form>
      <ErrorNote error={error} />
      {task && <TaskParcels key={task.id} task={task} services={services} onChanged={() => open()} />}
    </div>
  )
}

function TaskParcels({ task, services, onChanged }: { task: Task; services: Service[]; onChanged(): void }) {
  const t = useT(dict)
  const { api, key } = useSession()
  const [parcels, setParcels] = useState<Parcel[] | null>(null)
  const [service, setService] = useState('')
  const [size, setSize] = useState({ weight_g: '1000', length_mm: '300', width_mm: '200', height_mm: '150' })
  const [relay, setRelay] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const reload = () =>
    ok(api.GET('/api/v1/parcels', { params: { query: { task_id: task.id } } })).then(
      (page) => setParcels(page.data),
      setError,
    )
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per task
  useEffect(() => {
    reload()
  }, [task.id])

  const packed = new Map<string, number>()
  for (const p of parcels ?? [])
    for (const l of p.lines) packed.set(l.order_line_id, (packed.get(l.order_line_id) ?? 0) + l.quantity)
  const left = task.lines
    .map((l) => ({
      order_line_id: l.order_line_id,
      quantity: l.quantity - l.rejected_quantity - (packed.get(l.order_line_id) ?? 0),
    }))
    .filter((l) => l.quantity > 0)
  const chosen = services.find((s) => s.code === service)

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
      await reload()
      onChanged()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const pack = (e: FormEvent) => {
    e.preventDefault()
    return act(() =>
      ok(
        api.POST('/api/v1/parcels', {
          body: {
            task_id: task.id,
            service,
            lines: left,
            weight_g: Number(size.weight_g),
            length_mm: Number(size.length_mm),
            width_mm: Number(size.width_mm),
            height_mm: Number(size.height_mm),
            ...(relay.trim() ? { relay_point_id: relay.trim() } : {}),
          },
        }),
      ),
    )
  }

  // The label is fetched with the key (a link could not carry it) and opened in a new tab.
  const openLabel = async (p: Parcel) => {
    const tab = window.open('', '_blank')
    const res = await fetch(`/api/v1/parcels/${p.id}/label`, { headers: { authorization: `Bearer ${key}` } })
    if (!res.ok) {
      tab?.close()
      setError(new Error(`${res.status}`))
      return
    }
    const url = URL.createObjectURL(await res.blob())
    if (tab) tab.location.href = url
    else window.location.href = url
  }

  return (
    <Section title={`${t('order', { n: task.order_number })} · ${t('status', { s: task.status })}`}>
      <ErrorNote error={error} />
      {parcels === null && <Loading />}
      {parcels && parcels.length > 0 && (
        <table data-testid="parcels">
          <caption className="sr-only">{t('parcels')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tracking')}</th>
              <th scope="col">{t('service')}</th>
              <th scope="col" className="num">
                {t('weight')}
              </th>
              <th scope="col">{t('status', { s: '' })}</th>
              <th scope="col">
                <span className="sr-only">{t('label')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {parcels.map((p) => (
              <tr key={p.id} data-tracking={p.tracking_number}>
                <td>
                  <code>{p.tracking_number}</code>
                </td>
                <td>{p.service_name}</td>
                <td className="num">{p.weight_g}</td>
                <td>{p.status === 'packed' ? t('packed') : t('shipped')}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => openLabel(p)}>
                    {t('label')}
                  </button>
                  {p.status === 'packed' && (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        act(() =>
                          ok(api.POST('/api/v1/parcels/{id}/ship', { params: { path: { id: p.id } } })),
                        )
                      }
                    >
                      {t('ship')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {left.length > 0 && (
        <form onSubmit={pack}>
          <p>{t('units', { n: left.reduce((n, l) => n + l.quantity, 0) })}</p>
          <div className="field">
            <label htmlFor="packing-service">{t('service')}</label>
            <select
              id="packing-service"
              value={service}
              onChange={(e) => setService(e.target.value)}
              required
            >
              <option value="" />
              {services.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name} — {s.carrier}
                </option>
              ))}
            </select>
          </div>
          {chosen?.kind === 'relay' && (
            <Field
              label={t('relay')}
              hint={t('relayHint')}
              value={relay}
              onChange={(e) => setRelay(e.target.value)}
            />
          )}
          {(['weight_g', 'length_mm', 'width_mm', 'height_mm'] as const).map((k) => (
            <Field
              key={k}
              label={t(
                k === 'weight_g'
                  ? 'weight'
                  : k === 'length_mm'
                    ? 'length'
                    : k === 'width_mm'
                      ? 'width'
                      : 'height',
              )}
              type="number"
              min={1}
              required
              value={size[k]}
              onChange={(e) => setSize({ ...size, [k]: e.target.value })}
            />
          ))}
          <button type="submit" disabled={busy || !service}>
            {t('pack')}
          </button>
        </form>
      )}
    </Section>
  )
}
