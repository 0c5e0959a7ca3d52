import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the segments and campaigns capability answers, beside the common ones. */
export const campaignsErrors = {
  segment_not_found: {
    status: 404,
    meaning: 'No segment with this id: GET /api/v1/segments lists them.',
  },
  campaign_not_found: {
    status: 404,
    meaning: 'No campaign with this id: GET /api/v1/campaigns lists them.',
  },
  unknown_channel: {
    status: 422,
    meaning:
      'The filter’s channels_used names a channel code that does not exist: GET /api/v1/channels lists them.',
  },
  unknown_tier: {
    status: 422,
    meaning:
      'The filter’s tiers names a loyalty tier code that does not exist: GET /api/v1/loyalty/programme lists them.',
  },
  unknown_store: {
    status: 422,
    meaning: 'The filter’s home_stores names an id that is not a store: GET /api/v1/locations lists them.',
  },
  contradictory_filter: {
    status: 422,
    meaning: 'Two bounds of one criterion exclude each other (the field is named): no customer could match.',
  },
  campaign_already_sent: {
    status: 409,
    meaning: 'The campaign was sent already: it goes once; create a new campaign to send again.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(campaignsErrors)
