import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the network capability (stores and warehouses) answers, beside the common ones. */
export const networkErrors = {
  location_not_found: { status: 404, meaning: 'No location with this id or code: check the reference.' },
  already_exists: {
    status: 409,
    meaning: 'A location with this code already exists: choose another code or edit that location.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(networkErrors)
