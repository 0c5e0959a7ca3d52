import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the shipping capability (carriers, parcels, delivery fees) answers, beside the common ones. */
export const shippingErrors = {
  carrier_service_not_found: {
    status: 404,
    meaning: 'No carrier service with this id or code: list them with GET /api/v1/carrier-services.',
  },
  relay_point_not_found: {
    status: 404,
    meaning: 'No relay point with this id or code for this service: list them with GET /api/v1/relay-points.',
  },
  parcel_not_found: {
    status: 404,
    meaning: 'No parcel with this id or tracking number that this key may see: check the reference.',
  },
  task_not_found: {
    status: 404,
    meaning: 'No fulfilment task with this id that this key may work on: check the reference.',
  },
  return_not_found: {
    status: 404,
    meaning: 'No return with this id: check the reference.',
  },
  carrier_service_exists: {
    status: 409,
    meaning: 'A carrier service already has this code: choose another, or change that one with PUT.',
  },
  parcel_already_shipped: {
    status: 409,
    meaning: 'The parcel has left: its lines, weight and label can no longer change.',
  },
  parcel_not_shippable: {
    status: 422,
    meaning:
      'The parcel cannot be handed to the carrier: its task is not packed, or its lines do not cover the task. Pack the task, then ship.',
  },
  service_not_available: {
    status: 422,
    meaning:
      'The carrier service does not serve this postcode, weight or size, or is inactive: quote the options with GET /api/v1/delivery-options.',
  },
  relay_point_required: {
    status: 422,
    meaning: 'A relay service delivers to a relay point: give relay_point_id (GET /api/v1/relay-points).',
  },
  parcel_lines_invalid: {
    status: 422,
    meaning:
      "A parcel line is not a delivery line of the task, or packs more units than the task has left: check the task's lines.",
  },
  webhook_signature_invalid: {
    status: 400,
    meaning:
      "The carrier webhook's X-Carrier-Signature does not match the service's webhook secret, or is older than 5 minutes.",
  },
  tracking_number_unknown: {
    status: 422,
    meaning: 'No parcel of this service has this tracking number: the event is not recorded.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(shippingErrors)
