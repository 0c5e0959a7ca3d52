import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the loyalty capability (points, rules, rewards) answers, beside the common ones. */
export const loyaltyErrors = {
  loyalty_reward_not_found: { status: 404, meaning: 'No reward with this id: list the rewards to find it.' },
  loyalty_rule_not_found: {
    status: 404,
    meaning: 'No earning rule with this id: list the programme rules to find it.',
  },
  insufficient_points: {
    status: 409,
    meaning: 'The customer has fewer points than this takes: spend or remove fewer points.',
  },
  expiry_not_configured: {
    status: 422,
    meaning: 'Points do not expire in this programme: set `expiry_months` on the programme first.',
  },
  loyalty_needs_customer: {
    status: 422,
    meaning: 'Points are spent by a known customer: attach the customer to the order first.',
  },
  reward_unavailable: { status: 422, meaning: 'The reward is no longer offered: choose another one.' },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(loyaltyErrors)
