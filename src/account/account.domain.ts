/**
 * What a customer reads of their own purchases: the steps of an order in their words, from the
 * order's history and its preparation tasks' steps. Pure: the service loads, this decides.
 */

/** Steps the customer is told about, oldest first. */
export const trackingSteps = [
  'placed',
  'confirmed',
  'bought_in_store',
  'preparing',
  'packed',
  'shipped',
  'on_the_way_to_store',
  'ready_for_pickup',
  'delivered',
  'collected',
  'pickup_expired',
  'cancelled',
  'completed',
  'returned',
] as const
export type TrackingStep = (typeof trackingSteps)[number]

export interface OrderHistoryRow {
  type: string
  at: Date
}

export interface TaskStepRow {
  task_id: string
  kind: 'ship' | 'collect' | 'transfer'
  location_id: string
  to_status: string
  at: Date
  data: { carrier?: string; tracking_number?: string | null } | null
}

export interface TimelineEntry {
  step: TrackingStep
  at: string
  location_id: string | null
  carrier: string | null
  tracking_number: string | null
}

// The order's own history: what a customer cares about, the rest (payments, routing, attachments) is staff's.
const orderSteps: Record<string, TrackingStep> = {
  placed: 'placed',
  confirmed: 'confirmed',
  fulfilled_at_till: 'bought_in_store',
  cancelled: 'cancelled',
  completed: 'completed',
  returned: 'returned',
}

function taskStep(t: TaskStepRow): TrackingStep | null {
  if (t.kind === 'transfer') return t.to_status === 'shipped' ? 'on_the_way_to_store' : null
  switch (t.to_status) {
    case 'picking':
      return 'preparing'
    case 'packed':
    case 'ready_for_pickup':
    case 'shipped':
    case 'delivered':
    case 'collected':
      return t.to_status
    case 'expired':
      return 'pickup_expired'
    default:
      return null
  }
}

/**
 * The order's tracking: its steps in time order (a step that several tasks of a split order take is
 * told once per task, with where it happened), and the stage it has reached (the latest step).
 */
export function trackingOf(history: OrderHistoryRow[], taskSteps: TaskStepRow[]) {
  const entries: Array<TimelineEntry & { time: number; rank: number }> = []
  for (const e of history) {
    const step = orderSteps[e.type]
    if (step) entries.push(entry(step, e.at, null, null))
  }
  for (const t of taskSteps) {
    const step = taskStep(t)
    if (step) entries.push(entry(step, t.at, t.location_id, t.data))
  }
  entries.sort((a, b) => a.time - b.time || a.rank - b.rank)
  const timeline = entries.map(({ time: _t, rank: _r, ...e }) => e)
  return { stage: timeline.at(-1)?.step ?? null, timeline }
}

function entry(step: TrackingStep, at: Date, locationId: string | null, data: TaskStepRow['data']) {
  const time = new Date(at).getTime()
  return {
    step,
    at: new Date(time).toISOString(),
    location_id: locationId,
    carrier: data?.carrier ?? null,
    tracking_number: data?.tracking_number ?? null,
    time,
    // Steps written in one transaction share a time: tell them in the order they happen.
    rank: trackingSteps.indexOf(step),
  }
}

/** A shipment as the customer follows it: its task's state, and the carrier once shipped. */
export function shipmentsOf(
  tasks: Array<{ id: string; kind: string; location_id: string; status: string }>,
  taskSteps: TaskStepRow[],
) {
  return tasks
    .filter((t) => t.kind === 'ship')
    .map((t) => {
      const steps = taskSteps.filter((s) => s.task_id === t.id)
      const shipped = steps.find((s) => s.to_status === 'shipped')
      const delivered = steps.find((s) => s.to_status === 'delivered')
      return {
        from_location_id: t.location_id,
        status: t.status,
        shipped_at: shipped ? new Date(shipped.at).toISOString() : null,
        delivered_at: delivered ? new Date(delivered.at).toISOString() : null,
        carrier: shipped?.data?.carrier ?? null,
        tracking_number: shipped?.data?.tracking_number ?? null,
      }
    })
}
