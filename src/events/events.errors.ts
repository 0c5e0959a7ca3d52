import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the events capability (event feed, webhooks) answers, beside the common ones. */
export const eventsErrors = {
  event_not_found: { status: 404, meaning: 'No event with this id: read the event feed to find it.' },
  webhook_subscription_not_found: {
    status: 404,
    meaning: 'No webhook subscription with this id: list the subscriptions to find it.',
  },
  webhook_disabled: {
    status: 409,
    meaning: 'The subscription is disabled: enable it (status active) before replaying events to it.',
  },
  cursor_expired: {
    status: 410,
    meaning:
      'The events after this position were pruned: read again from `details.oldest_position` and reconcile.',
  },
  event_type_not_subscribed: {
    status: 422,
    meaning: 'The subscription does not receive this type of event: replay one it subscribes to.',
  },
  replay_too_large: {
    status: 422,
    meaning: 'Too many events match the replay: narrow `from` and `to`.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(eventsErrors)
