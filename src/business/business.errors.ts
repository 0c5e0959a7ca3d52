import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the business-customers capability answers, beside the common ones. */
export const businessErrors = {
  business_account_not_found: {
    status: 404,
    meaning: 'No business account with this id: check the reference.',
  },
  price_list_not_found: {
    status: 404,
    meaning: 'No B2B price list with this id or code: create it first or check the reference.',
  },
  business_account_exists: {
    status: 409,
    meaning: 'An account already bills this SIRET: use that account (add buyers to it).',
  },
  invoice_not_found: {
    status: 404,
    meaning: 'No invoice or credit note with this id or number: check the reference.',
  },
  seller_not_set: {
    status: 409,
    meaning:
      'The brand’s invoicing identity (SIRET, VAT number, capital…) is not set: PUT /business/seller first.',
  },
  payment_exceeds_outstanding: {
    status: 422,
    meaning:
      'The payment is more than the invoice still owes (details give the outstanding amount): check the amount.',
  },
  price_list_exists: {
    status: 409,
    meaning: 'A B2B price list already has this code: choose another code or update that list.',
  },
  buyer_of_another_account: {
    status: 409,
    meaning: 'This customer already buys for another business account: detach them there first.',
  },
  not_a_buyer: {
    status: 422,
    meaning:
      'The customer is not a buyer of this account: add them as a buyer, or order for the right account.',
  },
  credit_limit_exceeded: {
    status: 422,
    meaning:
      'The order would take the account over its credit limit (details give the limit, the open amount and the order): collect a payment or raise the limit.',
  },
  business_price_above_list: {
    status: 422,
    meaning:
      'The account’s B2B price for a line is above the channel’s own price: correct the B2B price list.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(businessErrors)
