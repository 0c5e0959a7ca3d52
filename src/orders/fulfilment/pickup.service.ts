import { type Db, inTransaction, type Tx } from '../../db/database.ts'
import { type Actor, mayOverride } from '../../shared/actor.ts'
import { forbidden, invalidInput } from '../../shared/errors.ts'
import { conflict, notFound, refused } from '../orders.errors.ts'
import { pickupLockedError } from './fulfilment.domain.ts'
import { pickupAttemptLimit, type TaskStatus } from './fulfilment.schema.ts'
import { advanceTask, getTask, type Shipment } from './fulfilment.service.ts'
import * as store from './fulfilment.store.ts'

/**
 * Moves a task one step. A pickup code said at the counter is counted first, in a statement of its
 * own: the hand-over's transaction rolls back when it refuses the code, and a wrong code must stay
 * counted. Not counted: a task that cannot be handed over here (the hand-over then says why), and
 * no code at all (nothing was guessed).
 */
export async function advance(
  db: Db,
  actor: Actor,
  taskId: string,
  to: TaskStatus,
  payments: Parameters<typeof advanceTask>[4],
  pickupCode: string | undefined,
  shipment?: Shipment,
) {
  if (shipment && to !== 'shipped') throw invalidInput('shipment', 'is said when the parcel is shipped')
  if (to === 'collected' && pickupCode) await checkPickupCode(db, actor, taskId, pickupCode)
  return db.transaction((tx) => advanceTask(tx, actor, taskId, to, payments, pickupCode, shipment))
}

async function checkPickupCode(db: Db, actor: Actor, taskId: string, code: string) {
  const task = await store.findTask(db, taskId)
  if (task?.kind !== 'collect' || task.status !== 'ready_for_pickup') return
  const works =
    actor.role === 'admin' || (actor.role === 'store_staff' && actor.locationId === task.location_id)
  if (!works) return
  const attempt = await store.countPickupAttempt(db, task.order_id, task.id, code, actor.keyId)
  if (attempt === null) {
    if (await store.pickupLocked(db, task.order_id)) throw pickupLockedError(task.order_number)
    return
  }
  if (attempt.matches) return
  if (attempt.locked) throw pickupLockedError(task.order_number)
  const left = pickupAttemptLimit - attempt.failed_attempts
  throw refused(
    'pickup_code_mismatch',
    `pickup_code: this is not the code of the order; ask the customer for the code they received (${left} more wrong code${left === 1 ? ' locks' : 's lock'} the hand-over).`,
    { field: 'pickup_code', attempts_left: left },
  )
}

/**
 * A store manager (or head office) unlocks a hand-over locked by wrong codes, once they have
 * checked who the customer is; who, when and why are recorded on the task.
 */
export const unlockPickup = inTransaction(unlockPickupIn)

async function unlockPickupIn(tx: Tx, actor: Actor, taskId: string, reason: string) {
  const task = await store.findTask(tx, taskId, true)
  if (!task || (actor.role === 'store_staff' && task.location_id !== actor.locationId)) {
    throw notFound('task', taskId)
  }
  if (!mayOverride(actor)) throw forbidden('Only a store manager or head office may unlock a hand-over.')
  const why = reason.trim()
  if (why === '') throw invalidInput('reason', 'say how the customer was identified')
  if (!(await store.unlockPickupGuard(tx, task, actor.keyId, why))) {
    throw conflict('pickup_not_locked', `The hand-over of order ${task.order_number} is not locked.`)
  }
  return getTask(tx, actor, taskId)
}
