import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the fulfilment capability (tasks, pickups) answers, beside the common ones. */
export const fulfilmentErrors = {
  task_not_found: {
    status: 404,
    meaning: 'No fulfilment task with this id that this key may see: check the reference.',
  },
  invalid_transition: {
    status: 409,
    meaning:
      'The task cannot move to this status from its current one: reload the task and follow its steps.',
  },
  pickup_locked: {
    status: 409,
    meaning: 'Too many wrong pickup codes: a store manager must check the customer and unlock the hand-over.',
  },
  pickup_not_locked: { status: 409, meaning: 'The hand-over is not locked: there is nothing to unlock.' },
  reservation_missing: {
    status: 409,
    meaning: 'A line has no reservation here for these units (the order changed): reload the task.',
  },
  stock_changed: {
    status: 409,
    meaning: 'The stock moved while the task was being re-routed: try the rejection again.',
  },
  pickup_code_mismatch: {
    status: 422,
    meaning: "The pickup code is missing or not the order's: ask the customer for the code they received.",
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(fulfilmentErrors)
