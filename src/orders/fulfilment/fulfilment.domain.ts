import { promiseAt, type TaskSite, transitArrival } from '../../network/index.ts'
import { invalidInput } from '../../shared/errors.ts'
import { conflict } from '../orders.errors.ts'
import { pickupAttemptLimit, type TaskKind, type TaskStatus } from './fulfilment.schema.ts'

export interface TaskLineInput {
  id: string
  sku: string
  quantity: number
  fulfilment: string
  sourceLocationId: string
  pickupLocationId: string | null
}

export interface PlannedTask {
  id: string
  locationId: string
  kind: TaskKind
  /** `awaiting_stock` for a pickup whose goods are still to be brought to the store. */
  status: 'allocated' | 'awaiting_stock'
  promisedAt: Date
  lines: Array<{ orderLineId: string; sku: string; quantity: number }>
}

/**
 * The preparation work an order gives its locations: one task per location and kind (a parcel to
 * ship, or goods to hand over in the store), promised once the location's lead time has passed in
 * its opening hours (a warehouse works around the clock when it has no hours). Takeaway lines left
 * the shelf at the till and need no task.
 */
export function planTasks(
  lines: TaskLineInput[],
  sites: Map<string, TaskSite>,
  now: Date,
  newId: () => string,
  /** Pickup lines served by units in transit to their store, with their expected arrival. */
  arriving: Map<string, Date> = new Map(),
): PlannedTask[] {
  const tasks = new Map<string, PlannedTask>()
  const add = (
    locationId: string,
    kind: TaskKind,
    line: TaskLineInput,
    status: PlannedTask['status'] = 'allocated',
    promise?: Date,
  ) => {
    const key = `${locationId}|${kind}|${status}`
    let task = tasks.get(key)
    if (!task) {
      const site = sites.get(locationId)
      task = {
        id: newId(),
        locationId,
        kind,
        status,
        promisedAt: promise ?? (site ? promiseAt(site, now) : now),
        lines: [],
      }
      tasks.set(key, task)
    }
    if (promise && promise > task.promisedAt) task.promisedAt = promise
    task.lines.push({ orderLineId: line.id, sku: line.sku, quantity: line.quantity })
  }
  for (const l of lines) {
    if (l.fulfilment === 'takeaway') continue
    const arrival = arriving.get(l.id)
    if (l.fulfilment === 'delivery') add(l.sourceLocationId, 'ship', l)
    else if (arrival) {
      const to = sites.get(l.sourceLocationId)
      add(l.sourceLocationId, 'collect', l, 'awaiting_stock', to ? promiseAt(to, arrival) : arrival)
    } else if (l.pickupLocationId && l.sourceLocationId !== l.pickupLocationId) {
      // Sent from elsewhere: prepared and shipped there, then prepared again once in the store.
      add(l.sourceLocationId, 'transfer', l)
      const from = sites.get(l.sourceLocationId)
      const to = sites.get(l.pickupLocationId)
      const arrival = from && to ? transitArrival(from, to, promiseAt(from, now)) : now
      add(l.pickupLocationId, 'collect', l, 'awaiting_stock', to ? promiseAt(to, arrival) : arrival)
    } else add(l.sourceLocationId, 'collect', l)
  }
  return [...tasks.values()]
}

// A transfer is `delivered` when the pickup store receives it (POST /inventory/transfers/{id}/receive),
// and a collect task waiting for it becomes `allocated` then: neither is a step staff take here.
const flow: Record<TaskKind, TaskStatus[]> = {
  ship: ['allocated', 'picking', 'packed', 'shipped', 'delivered'],
  collect: ['allocated', 'picking', 'packed', 'ready_for_pickup', 'collected'],
  transfer: ['allocated', 'picking', 'packed', 'shipped'],
}

/** Tasks move one step at a time along their flow; skipping steps is refused so every step has a who. */
export function assertTaskStep(kind: TaskKind, from: TaskStatus, to: TaskStatus) {
  const steps = flow[kind]
  const i = steps.indexOf(from)
  if (i < 0 || steps[i + 1] !== to) {
    const next = i >= 0 ? steps[i + 1] : undefined
    throw conflict(
      'invalid_transition',
      next
        ? `A ${kind} task that is ${from} can only become ${next}, not ${to}.`
        : `A ${kind} task that is ${from} cannot change any more.`,
      { status: from, next: next ?? null },
    )
  }
}

/** Whether the task's goods are still in the location (a line can still be rejected). */
export function stillInLocation(status: TaskStatus): boolean {
  return (
    status === 'allocated' || status === 'picking' || status === 'packed' || status === 'ready_for_pickup'
  )
}

/** Steps where the goods leave the location: the order's stock is consumed then. */
export function goodsLeave(to: TaskStatus): boolean {
  return to === 'shipped' || to === 'collected'
}

export function assertRejectable(
  status: TaskStatus,
  line: { quantity: number; rejectedQuantity: number } | undefined,
  lineId: string,
  quantity: number,
) {
  if (!stillInLocation(status)) {
    throw conflict('invalid_transition', `The task is ${status}: its goods have left the location.`, {
      status,
    })
  }
  if (!line) throw invalidInput('line_id', `${lineId} is not a line of this task`)
  const open = line.quantity - line.rejectedQuantity
  if (quantity > open)
    throw invalidInput('quantity', `at most ${open} unit(s) of this line are left to reject`)
}

/**
 * Splits a line's money over parts of its quantity so the parts add up to the line to the cent:
 * each part takes the difference of two rounded cumulative values.
 */
export function splitAmounts(
  line: { quantity: number; totalCents: number; vatCents: number; discountCents: number },
  parts: number[],
) {
  const cumulative = (amount: number, n: number) => Math.round((amount * n) / line.quantity)
  let done = 0
  return parts.map((q) => {
    const from = done
    done += q
    return {
      quantity: q,
      totalCents: cumulative(line.totalCents, done) - cumulative(line.totalCents, from),
      vatCents: cumulative(line.vatCents, done) - cumulative(line.vatCents, from),
      discountCents: cumulative(line.discountCents, done) - cumulative(line.discountCents, from),
    }
  })
}

/** The hand-over is refused until a manager unlocks it: too many wrong pickup codes were given. */
export function pickupLockedError(orderNumber: number | string) {
  return conflict(
    'pickup_locked',
    `Order ${orderNumber}: ${pickupAttemptLimit} wrong pickup codes were given, so its hand-over is locked. ` +
      'A store manager must check who the customer is and unlock it (POST /fulfilment/tasks/{id}/unlock-pickup with a reason).',
    { field: 'pickup_code' },
  )
}
