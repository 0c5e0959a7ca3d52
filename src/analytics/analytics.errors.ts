import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the analytics capability answers, beside the common ones. */
export const analyticsErrors = {
  channel_not_found: { status: 404, meaning: 'No channel with this id or code: check the channel filter.' },
  location_not_found: { status: 404, meaning: 'No location with this id or code: check the location.' },
  service_launch_not_found: {
    status: 404,
    meaning: 'No service launch with this id: list the launches to find it.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(analyticsErrors)
