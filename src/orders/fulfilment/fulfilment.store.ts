import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { accentFolding } from '../../customers/index.ts'
import { type Executor, rows, type Tx } from '../../db/database.ts'
import { cte, type Fragment, fragment, param } from '../../db/statement.ts'
import type { Task } from './fulfilment.contract.ts'
import type { PlannedTask } from './fulfilment.domain.ts'
import { pickupAttemptLimit, type TaskKind, type TaskStatus } from './fulfilment.schema.ts'

export interface TaskRow {
  id: string
  order_id: string
  order_number: number
  location_id: string
  kind: TaskKind
  status: TaskStatus
  promised_at: Date
  claimed_by: string | null
  created_at: Date
  updated_at: Date
  lines: Array<{ order_line_id: string; sku: string; quantity: number; rejected_quantity: number }>
  pickup_locked: boolean
  customer_id: string | null
  customer_name: string | null
}

const taskColumns = sql`t.id, t.order_id, o.number::int AS order_number, t.location_id, t.kind, t.status,
  t.promised_at, t.claimed_by, t.created_at, t.updated_at,
  (SELECT coalesce(json_agg(json_build_object('order_line_id', l.order_line_id, 'sku', l.sku,
            'quantity', l.quantity, 'rejected_quantity', l.rejected_quantity) ORDER BY l.order_line_id), '[]'::json)
   FROM fulfilment_task_line l WHERE l.task_id = t.id) AS lines,
  t.kind = 'collect' AND coalesce((SELECT g.locked_at IS NOT NULL FROM pickup_guard g WHERE g.order_id = t.order_id),
                                  false) AS pickup_locked,
  cu.id AS customer_id, nullif(trim(cu.first_name || ' ' || cu.last_name), '') AS customer_name`

/** A task, its order and the order's customer (a merged profile read as its survivor). */
const taskFrom = sql`fulfilment_task t JOIN orders o ON o.id = t.order_id
  LEFT JOIN customer c0 ON c0.id = o.customer_id
  LEFT JOIN customer cu ON cu.id = coalesce(c0.merged_into, c0.id)`

export async function findTask(q: Executor, id: string, lock = false): Promise<TaskRow | undefined> {
  const [row] = await rows<TaskRow>(
    q,
    sql`SELECT ${taskColumns} FROM ${taskFrom}
        WHERE t.id = ${id} ${lock ? sql`FOR UPDATE OF t` : sql``}`,
  )
  return row
}

export async function tasksOfOrder(q: Executor, orderId: string): Promise<TaskRow[]> {
  return rows<TaskRow>(
    q,
    sql`SELECT ${taskColumns} FROM ${taskFrom}
        WHERE t.order_id = ${orderId} ORDER BY t.promised_at, t.id`,
  )
}

/** What a search of the queue asks for: an order number, or a customer by name, phone or e-mail. */
export interface QueueSearch {
  number?: number
  /** E.164. */
  phone?: string
  /** Lower-cased; matched in full. */
  email?: string
  /** Folded (lower case, no accents): part of "first last first". */
  name?: string
}

export interface QueueFilter {
  locationId?: string
  statuses: TaskStatus[]
  search?: QueueSearch
  updatedSince?: string
}

const folded = (column: ReturnType<typeof sql>) => {
  let expr = sql`lower(${column})`
  for (const [from, to] of accentFolding.ligatures) expr = sql`replace(${expr}, ${from}, ${to})`
  return sql`translate(${expr}, ${accentFolding.from}, ${accentFolding.to})`
}

/** The search as a condition on the task's order and customer (`AND …`, or nothing). */
function searchCondition(search: QueueSearch | undefined) {
  if (!search) return sql``
  const any = [
    search.number !== undefined ? sql`o.number = ${search.number}` : null,
    search.phone ? sql`cu.phone = ${search.phone}` : null,
    search.email ? sql`cu.email = ${search.email}` : null,
    search.name
      ? sql`${folded(sql`cu.first_name || ' ' || cu.last_name || ' ' || cu.first_name`)} LIKE ${`%${search.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
      : null,
  ].filter((c) => c !== null)
  if (any.length === 0) return sql`AND false`
  return sql`AND (${sql.join(any, sql` OR `)})`
}

/** A location's queue, soonest promise first; `limit + 1` rows after the (promised_at, id) cursor. */
export async function taskQueue(
  q: Executor,
  filter: QueueFilter,
  limit: number,
  after?: { promisedAt: string; id: string },
): Promise<TaskRow[]> {
  return rows<TaskRow>(
    q,
    sql`SELECT ${taskColumns} FROM ${taskFrom}
        WHERE t.status IN (SELECT jsonb_array_elements_text(${JSON.stringify(filter.statuses)}::jsonb))
          ${filter.locationId ? sql`AND t.location_id = ${filter.locationId}` : sql``}
          ${filter.updatedSince ? sql`AND t.updated_at >= ${filter.updatedSince}::timestamptz` : sql``}
          ${searchCondition(filter.search)}
          ${after ? sql`AND (t.promised_at, t.id) > (${after.promisedAt}::timestamptz, ${after.id})` : sql``}
        ORDER BY t.promised_at, t.id LIMIT ${limit + 1}`,
  )
}

/** A task as the API shows it: its type is the API schema's. */
export function taskView(t: TaskRow): Static<typeof Task> {
  return {
    id: t.id,
    order_id: t.order_id,
    order_number: String(t.order_number),
    location_id: t.location_id,
    kind: t.kind,
    status: t.status,
    promised_at: new Date(t.promised_at).toISOString(),
    claimed_by: t.claimed_by,
    lines: t.lines,
    pickup_locked: t.pickup_locked,
    customer_id: t.customer_id,
    customer_name: t.customer_name,
    created_at: new Date(t.created_at).toISOString(),
    updated_at: new Date(t.updated_at).toISOString(),
  }
}

/** The task rows of planned tasks, as the JSON the inserting statements read. */
function taskRecords(tasks: PlannedTask[]) {
  return tasks.map((t) => ({
    id: t.id,
    location_id: t.locationId,
    kind: t.kind,
    status: t.status,
    promised_at: t.promisedAt.toISOString(),
  }))
}

/** Their lines, the same way. */
function taskLineRecords(tasks: PlannedTask[]) {
  return tasks.flatMap((t) =>
    t.lines.map((l) => ({ task_id: t.id, order_line_id: l.orderLineId, sku: l.sku, quantity: l.quantity })),
  )
}

const tasksJson = param('fulfilment_tasks_json')
const taskLinesJson = param('fulfilment_task_lines_json')

/**
 * An order's first tasks and their lines as CTEs of the order's own statement (`gate` false
 * writes nothing); values from `taskValues`.
 */
export function insertTaskCtes<G extends string, O extends string>(gate: Fragment<G>, orderId: Fragment<O>) {
  return [
    cte(
      'fulfilment_insert_tasks',
      fragment`
        INSERT INTO fulfilment_task (id, order_id, location_id, kind, status, promised_at)
        SELECT x.id, ${orderId}, x.location_id, x.kind, x.status, x.promised_at
        FROM jsonb_to_recordset(${tasksJson}::jsonb)
          AS x(id text, location_id text, kind text, status text, promised_at timestamptz)
        WHERE ${gate}`,
    ),
    cte(
      'fulfilment_insert_task_lines',
      fragment`
        INSERT INTO fulfilment_task_line (task_id, order_line_id, sku, quantity)
        SELECT x.task_id, x.order_line_id, x.sku, x.quantity
        FROM jsonb_to_recordset(${taskLinesJson}::jsonb) AS x(task_id text, order_line_id text, sku text, quantity int)
        WHERE ${gate}`,
    ),
  ] as const
}

export function taskValues(tasks: PlannedTask[]) {
  return {
    fulfilment_tasks_json: JSON.stringify(taskRecords(tasks)),
    fulfilment_task_lines_json: JSON.stringify(taskLineRecords(tasks)),
  }
}

export async function insertTasks(tx: Tx, orderId: string, tasks: PlannedTask[]) {
  if (tasks.length === 0) return
  const list = taskRecords(tasks)
  const lines = taskLineRecords(tasks)
  await tx.execute(
    sql`WITH t AS (
          INSERT INTO fulfilment_task (id, order_id, location_id, kind, status, promised_at)
          SELECT x.id, ${orderId}, x.location_id, x.kind, x.status, x.promised_at
          FROM jsonb_to_recordset(${JSON.stringify(list)}::jsonb)
            AS x(id text, location_id text, kind text, status text, promised_at timestamptz)
        )
        INSERT INTO fulfilment_task_line (task_id, order_line_id, sku, quantity)
        SELECT x.task_id, x.order_line_id, x.sku, x.quantity
        FROM jsonb_to_recordset(${JSON.stringify(lines)}::jsonb)
          AS x(task_id text, order_line_id text, sku text, quantity int)`,
  )
}

export async function moveTask(
  tx: Tx,
  task: { id: string; status: TaskStatus },
  to: TaskStatus,
  actor: string,
  data?: Record<string, unknown>,
  claim = false,
) {
  await tx.execute(
    sql`WITH u AS (
          UPDATE fulfilment_task SET status = ${to}, updated_at = now()
            ${claim ? sql`, claimed_by = ${actor}` : sql``}
          WHERE id = ${task.id}
        )
        INSERT INTO fulfilment_task_event (task_id, from_status, to_status, actor, data)
        VALUES (${task.id}, ${task.status}, ${to}, ${actor}, ${data ? JSON.stringify(data) : null}::jsonb)`,
  )
}

export async function taskEvents(q: Executor, taskId: string) {
  return rows<{
    from_status: string | null
    to_status: string
    actor: string | null
    data: unknown
    created_at: Date
  }>(
    q,
    sql`SELECT from_status, to_status, actor, data, created_at FROM fulfilment_task_event
        WHERE task_id = ${taskId} ORDER BY id`,
  )
}

/** A pickup code said at the counter, as counted. */
export interface PickupAttempt {
  matches: boolean
  failed_attempts: number
  /** This attempt locked the hand-over. */
  locked: boolean
}

/**
 * Counts one pickup code said for an order that has one, in one guarded UPDATE: a wrong code adds
 * an attempt, the last allowed one locks the hand-over (an event of the task says so). The row lock
 * makes codes said at the same moment count one after the other, so no guess gets past the limit.
 * Null when the hand-over was already locked, or the order has no pickup code.
 */
export async function countPickupAttempt(
  q: Executor,
  orderId: string,
  taskId: string,
  code: string,
  actor: string,
): Promise<PickupAttempt | null> {
  await q.execute(
    sql`INSERT INTO pickup_guard (order_id) VALUES (${orderId}) ON CONFLICT (order_id) DO NOTHING`,
  )
  const [row] = await rows<PickupAttempt>(
    q,
    sql`WITH g AS (
          UPDATE pickup_guard g
          SET failed_attempts = g.failed_attempts + (o.pickup_code <> ${code})::int,
              locked_at = CASE WHEN g.failed_attempts + (o.pickup_code <> ${code})::int >= ${pickupAttemptLimit}
                               THEN now() END,
              updated_at = now()
          FROM orders o
          WHERE g.order_id = ${orderId} AND o.id = g.order_id AND o.pickup_code IS NOT NULL AND g.locked_at IS NULL
          RETURNING g.failed_attempts, g.locked_at IS NOT NULL AS locked, o.pickup_code = ${code} AS matches
        ),
        e AS (
          INSERT INTO fulfilment_task_event (task_id, from_status, to_status, actor, data)
          SELECT ${taskId}, 'ready_for_pickup', 'ready_for_pickup', ${actor},
                 jsonb_build_object('pickup', 'locked', 'failed_attempts', failed_attempts)
          FROM g WHERE locked
        )
        SELECT failed_attempts, locked, matches FROM g`,
  )
  return row ?? null
}

/** Whether the hand-over of the order is locked by wrong pickup codes. */
export async function pickupLocked(q: Executor, orderId: string): Promise<boolean> {
  const [row] = await rows<{ locked: boolean }>(
    q,
    sql`SELECT locked_at IS NOT NULL AS locked FROM pickup_guard WHERE order_id = ${orderId}`,
  )
  return row?.locked ?? false
}

/** Unlocks a locked hand-over, recording who did it and why on the task; false when it was not locked. */
export async function unlockPickupGuard(
  tx: Tx,
  task: { id: string; order_id: string; status: TaskStatus },
  actor: string,
  reason: string,
): Promise<boolean> {
  const done = await rows<{ id: number }>(
    tx,
    sql`WITH g AS (
          UPDATE pickup_guard SET failed_attempts = 0, locked_at = NULL, updated_at = now()
          WHERE order_id = ${task.order_id} AND locked_at IS NOT NULL
          RETURNING order_id
        )
        INSERT INTO fulfilment_task_event (task_id, from_status, to_status, actor, data)
        SELECT ${task.id}, ${task.status}, ${task.status}, ${actor},
               jsonb_build_object('pickup', 'unlocked', 'reason', ${reason}::text)
        FROM g
        RETURNING id::int AS id`,
  )
  return done.length > 0
}

/** The order was cancelled: its tasks still in preparation leave the queues. */
export async function cancelOpenTasks(tx: Tx, orderId: string, actor: string, reason: string) {
  await tx.execute(
    sql`WITH c AS (
          UPDATE fulfilment_task t SET status = 'cancelled', updated_at = now()
          FROM (SELECT id, status AS before FROM fulfilment_task
                WHERE order_id = ${orderId} AND status IN ('awaiting_stock', 'allocated', 'picking', 'packed', 'ready_for_pickup')
                FOR UPDATE) o
          WHERE t.id = o.id
          RETURNING t.id, o.before
        )
        INSERT INTO fulfilment_task_event (task_id, from_status, to_status, actor, data)
        SELECT id, before, 'cancelled', ${actor}, ${JSON.stringify({ reason })}::jsonb FROM c`,
  )
}

/**
 * Open preparation tasks per location, for routing's workload cost. Counted at most every few
 * seconds per process (counting every queue on every order would cost more than the order); tasks
 * this process opens or closes meanwhile are added to or taken from the counts at once.
 */
const workloads = new WeakMap<
  object,
  { counts: Record<string, number>; at: number; pending?: Promise<void> }
>()
const WORKLOAD_TTL_MS = 3_000

export async function openTasksByLocation(q: Executor): Promise<Record<string, number>> {
  let w = workloads.get(q)
  if (!w) {
    w = { counts: {}, at: 0 }
    workloads.set(q, w)
  }
  const entry = w
  if (Date.now() - entry.at >= WORKLOAD_TTL_MS) {
    entry.pending ??= rows<{ location_id: string; n: number }>(
      q,
      sql`SELECT location_id, count(*)::int AS n FROM fulfilment_task
          WHERE status IN ('allocated', 'picking', 'packed') GROUP BY location_id`,
    ).then(
      (found) => {
        entry.counts = Object.fromEntries(found.map((f) => [f.location_id, f.n]))
        entry.at = Date.now()
        entry.pending = undefined
      },
      (err) => {
        entry.pending = undefined
        throw err
      },
    )
    await entry.pending
  }
  return entry.counts
}

/** Tasks this process just opened (+) or closed (−) at a location. */
export function countTasks(q: Executor, locationId: string, delta: number) {
  const w = workloads.get(q)
  if (w) w.counts[locationId] = Math.max(0, (w.counts[locationId] ?? 0) + delta)
}
