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
