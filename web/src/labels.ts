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
