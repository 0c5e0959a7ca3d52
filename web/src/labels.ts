import type { Dictionary } from './i18n'

/** Order statuses as staff read them. */
export const orderStatus: Dictionary<
  'draft' | 'placed' | 'partially_fulfilled' | 'fulfilled' | 'completed' | 'cancelled' | 'expired'
> = {
  fr: {
    draft: 'Brouillon',
    placed: 'Enregistrée',
    partially_fulfilled: 'Partiellement remise',
    fulfilled: 'Remise',
    completed: 'Terminée',
    cancelled: 'Annulée',
    expired: 'Expirée',
  },
  en: {
    draft: 'Draft',
    placed: 'Placed',
    partially_fulfilled: 'Partly fulfilled',
    fulfilled: 'Fulfilled',
    completed: 'Completed',
    cancelled: 'Cancelled',
    expired: 'Expired',
  },
}

/** A label from a dictionary, or the API's own word when the dictionary does not know it. */
export function labelOf<K extends string>(t: (key: K) => string, dictionary: Dictionary<K>, key: string) {
  return key in dictionary.fr ? t(key as K) : key
}

/** After-sales ticket kinds and statuses (see src/aftersales/aftersales.domain.ts). */
export const ticketWords: Dictionary<
  | 'repair'
  | 'replacement'
  | 'complaint'
  | 'missing_item'
  | 'supplier_claim'
  | 'open'
  | 'in_progress'
  | 'waiting_customer'
  | 'at_repairer'
  | 'resolved'
  | 'closed'
> = {
  fr: {
    repair: 'Réparation',
    replacement: 'Remplacement',
    complaint: 'Réclamation',
    missing_item: 'Article manquant',
    supplier_claim: 'Réclamation fournisseur',
    open: 'Ouvert',
    in_progress: 'En cours',
    waiting_customer: 'En attente du client',
    at_repairer: 'Chez le réparateur',
    resolved: 'Résolu',
    closed: 'Clos',
  },
  en: {
    repair: 'Repair',
    replacement: 'Replacement',
    complaint: 'Complaint',
    missing_item: 'Missing item',
    supplier_claim: 'Supplier claim',
    open: 'Open',
    in_progress: 'In progress',
    waiting_customer: 'Waiting for the customer',
    at_repairer: 'At the repairer',
    resolved: 'Resolved',
    closed: 'Closed',
  },
}

/** Shopper kinds of the customer 360's profile. */
export const shopperKinds: Dictionary<
  'mobile_shopper' | 'impulse_buyer' | 'assisted_buyer' | 'local_buyer' | 'comparison_shopper'
> = {
  fr: {
    mobile_shopper: 'Achète sur mobile',
    impulse_buyer: 'Achat d’impulsion',
    assisted_buyer: 'Aime être conseillé',
    local_buyer: 'Client de proximité',
    comparison_shopper: 'Compare les prix',
  },
  en: {
    mobile_shopper: 'Mobile shopper',
    impulse_buyer: 'Impulse buyer',
    assisted_buyer: 'Likes assistance',
    local_buyer: 'Local buyer',
    comparison_shopper: 'Comparison shopper',
  },
}

/** How an order line is handed over. */
export const fulfilmentWords: Dictionary<'takeaway' | 'delivery' | 'pickup' | 'ship_from_store'> = {
  fr: {
    takeaway: 'À emporter',
    delivery: 'Livraison à domicile',
    pickup: 'Retrait en magasin',
    ship_from_store: 'Expédiée du magasin',
  },
  en: {
    takeaway: 'Take away',
    delivery: 'Home delivery',
    pickup: 'Store pickup',
    ship_from_store: 'Shipped from a store',
  },
}

/** Stock movements of the ledger (see src/inventory). */
export const movementWords: Dictionary<
  | 'receipt'
  | 'sale'
  | 'reservation'
  | 'release'
  | 'adjustment'
  | 'count'
  | 'transfer_out'
  | 'transfer_in'
  | 'return'
  | 'quarantine'
  | 'supplier_return'
> = {
  fr: {
    receipt: 'Réception',
    sale: 'Vente',
    reservation: 'Réservation',
    release: 'Libération de réservation',
    adjustment: 'Ajustement',
    count: 'Inventaire',
    transfer_out: 'Transfert sortant',
    transfer_in: 'Transfert entrant',
    return: 'Retour',
    quarantine: 'Mise en quarantaine',
    supplier_return: 'Retour fournisseur',
  },
  en: {
    receipt: 'Receipt',
    sale: 'Sale',
    reservation: 'Reservation',
    release: 'Reservation released',
    adjustment: 'Adjustment',
    count: 'Stock count',
    transfer_out: 'Transfer out',
    transfer_in: 'Transfer in',
    return: 'Return',
    quarantine: 'Quarantine',
    supplier_return: 'Return to supplier',
  },
}

/** Statuses of a return. */
export const returnStatusWords: Dictionary<'awaiting_receipt' | 'completed' | 'cancelled'> = {
  fr: { awaiting_receipt: 'En attente des articles', completed: 'Remboursé', cancelled: 'Annulé' },
  en: { awaiting_receipt: 'Awaiting the items', completed: 'Refunded', cancelled: 'Cancelled' },
}

/** The brand's product families, by their catalog codes. */
export const categoryWords: Dictionary<
  'kitchen' | 'textile' | 'decoration' | 'garden' | 'diy' | 'small_appliances' | 'food_gifts' | 'books'
> = {
  fr: {
    kitchen: 'Cuisine',
    textile: 'Linge de maison',
    decoration: 'Décoration',
    garden: 'Jardin',
    diy: 'Bricolage',
    small_appliances: 'Petit électroménager',
    food_gifts: 'Épicerie fine',
    books: 'Livres',
  },
  en: {
    kitchen: 'Kitchen',
    textile: 'Household linen',
    decoration: 'Decoration',
    garden: 'Garden',
    diy: 'DIY',
    small_appliances: 'Small appliances',
    food_gifts: 'Food gifts',
    books: 'Books',
  },
}
