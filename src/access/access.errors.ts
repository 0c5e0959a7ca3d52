import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the access capability (API keys) answers, beside the common ones. */
export const accessErrors = {
  api_key_not_found: { status: 404, meaning: 'No API key with this id: list the keys to find it.' },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(accessErrors)
