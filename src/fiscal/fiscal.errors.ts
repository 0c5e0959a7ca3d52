import { type ErrorCatalogue, errorsOf } from '../shared/errors.ts'

/** Every code the legal till (registers, sessions, tickets, closings, verification) answers. */
export const fiscalErrors = {
  register_not_found: {
    status: 404,
    meaning: 'No register with this id or code in this store: check the reference or create the register.',
  },
  session_not_found: { status: 404, meaning: 'No cash session with this id: check the reference.' },
  ticket_not_found: {
    status: 404,
    meaning: 'No ticket with this number on this register: check the number.',
  },
  register_not_open: {
    status: 409,
    meaning:
      'The register has no open cash session, so it may not sell (caisse fermée): open the register with its float first.',
  },
  register_already_open: {
    status: 409,
    meaning:
      'The register already has an open cash session: close it (count the drawer) before opening another.',
  },
  register_required: {
    status: 422,
    meaning:
      'This store sells through registers: a till sale must name its register (`register_id`) with an open session.',
  },
  register_of_another_store: {
    status: 422,
    meaning: 'The register belongs to another store than the sale: sell on a register of the selling store.',
  },
  company_not_configured: {
    status: 409,
    meaning:
      "The company's legal mentions (name, legal form, address, SIREN, VAT number) are not set: head office sets them (PUT /fiscal/company) before receipts are printed or the FEC chart is changed.",
  },
  company_not_found: {
    status: 404,
    meaning: "The company's legal mentions are not set yet: head office sets them with PUT /fiscal/company.",
  },
  archive_not_found: {
    status: 404,
    meaning: 'No archive of this month yet: the month is archived once it is over.',
  },
  register_in_training: {
    status: 409,
    meaning:
      'The register is open in training mode (mode formation): its tickets are practice. Real sales, refunds and cancellations go on a register open for real.',
  },
  register_not_training: {
    status: 409,
    meaning:
      'A training ticket is rung up only on a register open in training mode: open it with `training: true`.',
  },
  day_closed: {
    status: 409,
    meaning: "The register's business day is closed (clôture journalière): sell or open again tomorrow.",
  },
  count_missing: {
    status: 422,
    meaning:
      'A tender taken during the session was not counted at close: count every tender the report lists.',
  },
  variance_needs_manager: {
    status: 422,
    meaning:
      "A counted amount differs from the expected one by more than the store's threshold: a manager closes with a reason.",
  },
  session_open: {
    status: 409,
    meaning: 'A cash session is still open on the register: close it before closing the day.',
  },
  period_already_closed: {
    status: 409,
    meaning:
      'This period (or a period it belongs to) is already closed on the register: closings are never run twice.',
  },
  period_not_over: {
    status: 422,
    meaning: 'The period is not over yet: close a month after its last day, a year after its last month.',
  },
} as const satisfies ErrorCatalogue

export const { refused, conflict, notFound, fail } = errorsOf(fiscalErrors)

/**
 * The French words of the refusals a cashier sees at the till, sent in `details.message_fr` beside the
 * English message (the catalogue's language), for a till screen in France.
 */
export const frenchMessages = {
  register_not_open: 'La caisse n’est pas ouverte : ouvrez-la avec son fond de caisse avant de vendre.',
  register_required: 'Ce magasin vend par ses caisses : indiquez la caisse de la vente.',
  register_in_training:
    'La caisse est ouverte en mode formation : les vraies ventes se font sur une caisse ouverte normalement.',
  day_closed: 'La journée de cette caisse est clôturée : la vente reprend demain.',
  variance_needs_manager:
    'L’écart de caisse dépasse le seuil du magasin : un responsable clôture avec un motif.',
} as const
