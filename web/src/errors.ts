import { ApiError } from './api/client'
import { euro } from './format'
import type { Lang } from './i18n'

/**
 * What the API's error codes mean to staff, in their language (docs/errors.md lists the codes). The
 * server's own text is written for integrators, in English, with ids: it is kept as the technical
 * detail, never the message.
 */
const byCode: Record<string, { fr: string; en: string }> = {
  network_unavailable: {
    fr: 'Réseau indisponible : vérifiez la connexion, puis réessayez.',
    en: 'Network unavailable: check the connection, then try again.',
  },
  insufficient_stock: {
    fr: 'Stock insuffisant pour cette vente : vendez moins, ou en livraison ou retrait dans un autre magasin.',
    en: 'Not enough stock for this sale: sell fewer, or deliver or collect in another store.',
  },
  stock_changed: {
    fr: 'Le stock vient de changer : vérifiez le panier, puis validez à nouveau.',
    en: 'The stock has just changed: check the basket, then complete again.',
  },
  insufficient_balance: {
    fr: 'Le solde de la carte ou de l’avoir ne suffit pas.',
    en: 'The card or credit note balance is not enough.',
  },
  insufficient_points: { fr: 'Le client n’a pas assez de points.', en: 'Not enough points.' },
  stored_value_not_found: {
    fr: 'Aucune carte cadeau ni aucun avoir avec ce code.',
    en: 'No gift card or credit note with this code.',
  },
  stored_value_expired: {
    fr: 'Cette carte ou cet avoir a expiré.',
    en: 'This card or credit note has expired.',
  },
  balance_due: {
    fr: 'Les paiements ne couvrent pas le montant dû.',
    en: 'The payments do not cover the amount due.',
  },
  payment_mismatch: {
    fr: 'Les paiements ne correspondent pas au montant dû : retirez-les et encaissez à nouveau.',
    en: 'The payments do not match the amount due: remove them and take them again.',
  },
  cash_not_accepted: { fr: 'Ce canal n’accepte pas les espèces.', en: 'This channel does not take cash.' },
  price_above_maximum: {
    fr: 'Ce prix dépasse le prix maximum fixé par l’enseigne : fixez un prix inférieur ou égal.',
    en: 'This price is above the maximum set by the brand: set a price at or below it.',
  },
  no_price: { fr: 'Un article n’a pas de prix dans ce canal.', en: 'An item has no price in this channel.' },
  not_in_assortment: {
    fr: 'Un article n’est pas vendu dans ce canal.',
    en: 'An item is not sold in this channel.',
  },
  fulfilment_not_offered: {
    fr: 'Ce mode de remise n’est pas proposé ici.',
    en: 'This fulfilment is not offered here.',
  },
  promotion_not_applicable: {
    fr: 'Ce code promo ne s’applique pas à ce panier.',
    en: 'This promo code does not apply to this basket.',
  },
  promotion_not_found: { fr: 'Code promo inconnu.', en: 'Unknown promo code.' },
  promotion_needs_customer: {
    fr: 'Ce code promo demande un client rattaché.',
    en: 'This promo code needs an attached customer.',
  },
  promotion_limit_reached: {
    fr: 'Ce code promo a atteint sa limite d’utilisation.',
    en: 'This promo code has reached its limit.',
  },
  pickup_code_mismatch: {
    fr: 'Ce code de retrait ne correspond pas à la commande : vérifiez-le avec le client.',
    en: 'This pickup code does not match the order: check it with the customer.',
  },
  pickup_locked: {
    fr: 'Retrait bloqué après trop de codes erronés : un responsable doit vérifier l’identité du client.',
    en: 'Pickup locked after too many wrong codes: a manager must check the customer’s identity.',
  },
  customer_not_found: { fr: 'Client introuvable.', en: 'Customer not found.' },
  order_not_found: { fr: 'Commande introuvable.', en: 'Order not found.' },
  variant_not_found: { fr: 'Article introuvable.', en: 'Item not found.' },
  product_not_found: { fr: 'Article introuvable.', en: 'Item not found.' },
  return_not_allowed: {
    fr: 'La politique de retour refuse ce retour.',
    en: 'The return policy refuses this return.',
  },
  return_exceeds_purchase: {
    fr: 'Plus d’unités retournées qu’achetées.',
    en: 'More units returned than bought.',
  },
  invalid_transition: {
    fr: 'Cette étape n’est plus possible : la commande a changé entre-temps. Actualisez.',
    en: 'This step is no longer possible: the order changed meanwhile. Refresh.',
  },
  identity_taken: {
    fr: 'Ce téléphone, cet e-mail ou cette carte appartient déjà à un autre client.',
    en: 'This phone, e-mail or card already belongs to another customer.',
  },
  forbidden: { fr: 'Votre accès ne permet pas cette action.', en: 'Your access does not allow this.' },
  unauthenticated: {
    fr: 'Clé d’accès inconnue ou révoquée : reconnectez-vous.',
    en: 'Unknown or revoked access key: sign in again.',
  },
  too_many_requests: {
    fr: 'Trop de demandes en peu de temps : patientez quelques secondes.',
    en: 'Too many requests: wait a few seconds.',
  },
  database_unavailable: {
    fr: 'Le serveur est momentanément indisponible : réessayez dans un instant.',
    en: 'The server is briefly unavailable: try again in a moment.',
  },
  retry: { fr: 'Conflit momentané : réessayez.', en: 'Brief conflict: try again.' },
  register_not_open: {
    fr: 'La caisse n’est pas ouverte : ouvrez-la avec son fond de caisse avant de vendre (écran Gestion de caisse).',
    en: 'The register is not open: open it with its float before selling (Register screen).',
  },
  register_required: {
    fr: 'Ce magasin vend par ses caisses : choisissez la caisse de ce poste.',
    en: 'This store sells through its registers: choose this till’s register.',
  },
  register_already_open: {
    fr: 'Cette caisse est déjà ouverte : fermez-la avant de la rouvrir.',
    en: 'This register is already open: close it before opening it again.',
  },
  register_not_found: { fr: 'Caisse introuvable.', en: 'Register not found.' },
  day_closed: {
    fr: 'La journée de cette caisse est clôturée : la vente reprend demain.',
    en: 'This register’s day is closed: sales resume tomorrow.',
  },
  count_missing: {
    fr: 'Un moyen de paiement encaissé pendant la session n’a pas été compté : comptez-les tous.',
    en: 'A tender taken during the session was not counted: count them all.',
  },
  variance_needs_manager: {
    fr: 'L’écart de caisse dépasse le seuil du magasin : un responsable ferme la caisse avec un motif.',
    en: 'The cash variance is above the store’s threshold: a manager closes the register with a reason.',
  },
  session_open: {
    fr: 'La caisse est encore ouverte : fermez-la avant de clôturer la journée.',
    en: 'The register is still open: close it before closing the day.',
  },
  period_already_closed: {
    fr: 'Cette période est déjà clôturée : une clôture ne se fait qu’une fois.',
    en: 'This period is already closed: a closing is made once only.',
  },
  period_not_over: {
    fr: 'La période n’est pas terminée : un mois se clôture après son dernier jour, une année après son dernier mois.',
    en: 'The period is not over: a month closes after its last day, a year after its last month.',
  },
  credit_limit_exceeded: {
    fr: 'Commande refusée : elle dépasserait l’encours autorisé du compte.',
    en: 'Order refused: it would take the account over its credit limit.',
  },
  not_a_buyer: {
    fr: 'Ce client n’est pas acheteur de ce compte entreprise : choisissez un acheteur du compte.',
    en: 'This customer is not a buyer of this business account: choose one of its buyers.',
  },
  business_price_above_list: {
    fr: 'Le prix professionnel d’un article dépasse le prix du canal : le tarif B2B doit être corrigé par le siège.',
    en: 'An item’s business price is above the channel’s price: head office must correct the B2B price list.',
  },
  business_account_not_found: { fr: 'Compte entreprise introuvable.', en: 'Business account not found.' },
  price_list_not_found: { fr: 'Tarif professionnel introuvable.', en: 'B2B price list not found.' },
  invoice_not_found: { fr: 'Facture introuvable.', en: 'Invoice not found.' },
  price_incoherent: {
    fr: 'Ce prix enfreint la politique de cohérence de la catégorie : corrigez-le, ou forcez-le avec un motif.',
    en: 'This price breaks the category’s coherence policy: correct it, or force it with a reason.',
  },
  provider_refund_not_found: {
    fr: 'Ce remboursement n’existe pas (ou plus) : actualisez la liste.',
    en: 'This refund does not exist (any more): refresh the list.',
  },
  provider_refund_not_pending: {
    fr: 'Ce remboursement est déjà effectué ou définitivement échoué : il n’y a rien à envoyer.',
    en: 'This refund is already done or failed for good: there is nothing to send.',
  },
  provider_refund_accepted: {
    fr: 'Le prestataire a déjà accepté ce remboursement : il attend la banque, rien à renvoyer.',
    en: 'The provider has already accepted this refund: it is waiting for the bank, nothing to send again.',
  },
  payment_provider_not_configured: {
    fr: 'Aucun prestataire de paiement n’est configuré : rien ne peut être envoyé.',
    en: 'No payment provider is configured: nothing can be sent.',
  },
}

const byStatus = (status: number, lang: Lang): string => {
  const fr = lang === 'fr'
  if (status === 400 || status === 422)
    return fr ? 'Demande refusée : vérifiez ce qui a été saisi.' : 'Refused: check what was typed.'
  if (status === 403) return byCode.forbidden![lang]
  if (status === 404) return fr ? 'Introuvable.' : 'Not found.'
  if (status === 409) return fr ? 'Opération refusée dans l’état actuel.' : 'Refused in the current state.'
  return fr ? 'Le serveur a rencontré une erreur : réessayez.' : 'The server ran into an error: try again.'
}

/** Names for ids an error mentions: stores by location id, articles by SKU. */
export interface Names {
  location(id: string): string | undefined
  sku(sku: string): string | undefined
}

interface StockItem {
  sku?: string
  location_id?: string
  requested?: number
  available?: number
}

/** The error as staff read it, and the server's own words kept as a technical detail. */
export function explain(error: unknown, lang: Lang, names?: Names): { text: string; technical?: string } {
  if (!(error instanceof ApiError)) {
    // A fetch that never reached the server (network down): the browser's own words are English.
    if (error instanceof TypeError && /fetch|network/i.test(error.message))
      return { text: byCode.network_unavailable![lang] }
    return { text: error instanceof Error ? error.message : String(error) }
  }
  const known = byCode[error.code]
  // The legal till's refusals carry their French words for the till screen (`details.message_fr`).
  const frenchFromServer = (error.details as { message_fr?: unknown } | undefined)?.message_fr
  const text =
    lang === 'fr' && typeof frenchFromServer === 'string'
      ? frenchFromServer
      : known
        ? known[lang]
        : byStatus(error.status, lang)
  const technical = error.code === 'network_unavailable' ? undefined : `${error.code} — ${error.message}`
  if (error.code === 'credit_limit_exceeded') {
    const d = (error.details ?? {}) as {
      credit_limit_cents?: number
      open_cents?: number
      order_cents?: number
    }
    const money = (c: number | undefined) => (typeof c === 'number' ? euro(c) : '—')
    const more =
      lang === 'fr'
        ? `Encours autorisé : ${money(d.credit_limit_cents)}, déjà dû : ${money(d.open_cents)}, cette commande : ${money(d.order_cents)}.`
        : `Credit limit: ${money(d.credit_limit_cents)}, already owed: ${money(d.open_cents)}, this order: ${money(d.order_cents)}.`
    return { text: `${text} ${more}`, technical }
  }
  if (error.code === 'insufficient_stock') {
    const items = ((error.details as { items?: StockItem[] } | undefined)?.items ?? []).slice(0, 3)
    const lines = items.map((i) => {
      const what = (i.sku && names?.sku(i.sku)) ?? i.sku ?? ''
      const where = (i.location_id && names?.location(i.location_id)) ?? ''
      return lang === 'fr'
        ? `${what} : ${i.available ?? 0} disponible(s)${where ? ` à ${where}` : ''}, ${i.requested ?? 0} demandé(s).`
        : `${what}: ${i.available ?? 0} available${where ? ` at ${where}` : ''}, ${i.requested ?? 0} asked.`
    })
    return { text: [text, ...lines].join(' '), technical }
  }
  return { text, technical }
}
