import type { GetResult } from '../api/client'
import type { Dictionary } from '../i18n'

type Entry = GetResult<'/api/v1/events/types'>['data'][number]
/** Every event type of the catalogue, from the API's own description: a new type needs its labels here. */
export type EventType = Entry['type']
export type EventFamily = Entry['family']

export const eventTypeLabels: Dictionary<EventType> = {
  fr: {
    'order.placed': 'Commande passée',
    'order.confirmed': 'Commande confirmée (payée)',
    'order.cancelled': 'Commande annulée',
    'order.line_cancelled': 'Ligne de commande annulée',
    'order.customer_attached': 'Client rattaché à une vente',
    'order.line_fulfilled': 'Ligne de commande remise ou expédiée',
    'order.completed': 'Commande terminée',
    'order.expired': 'Brouillon de commande expiré',
    'payment.captured': 'Paiement encaissé',
    'payment.refunded': 'Paiement remboursé',
    'return.received': 'Retour réceptionné',
    'return.refunded': 'Retour remboursé',
    'return.exchanged': 'Retour échangé',
    'stock.received': 'Stock réceptionné',
    'stock.adjusted': 'Stock ajusté',
    'stock.counted': 'Stock inventorié',
    'stock.transferred': 'Transfert de stock',
    'stock.reservations_released': 'Réservations de stock libérées',
    'price.changed': 'Prix modifié',
    'promotion.started': 'Promotion commencée',
    'promotion.ended': 'Promotion terminée',
    'customer.created': 'Client créé',
    'customer.merged': 'Clients fusionnés',
    'customer.erased': 'Client effacé (RGPD)',
    'pickup.ready': 'Retrait prêt en magasin',
    'pickup.collected': 'Retrait remis au client',
    'pickup.expired': 'Retrait non venu chercher',
    'ticket.opened': 'Dossier SAV ouvert',
    'ticket.status_changed': 'Dossier SAV : statut modifié',
    'franchise.statement_closed': 'Relevé de commissions franchisé clôturé',
  },
  en: {
    'order.placed': 'Order placed',
    'order.confirmed': 'Order confirmed (paid)',
    'order.cancelled': 'Order cancelled',
    'order.line_cancelled': 'Order line cancelled',
    'order.customer_attached': 'Customer attached to a sale',
    'order.line_fulfilled': 'Order line handed over or shipped',
    'order.completed': 'Order completed',
    'order.expired': 'Draft order expired',
    'payment.captured': 'Payment captured',
    'payment.refunded': 'Payment refunded',
    'return.received': 'Return received',
    'return.refunded': 'Return refunded',
    'return.exchanged': 'Return exchanged',
    'stock.received': 'Stock received',
    'stock.adjusted': 'Stock adjusted',
    'stock.counted': 'Stock counted',
    'stock.transferred': 'Stock transferred',
    'stock.reservations_released': 'Stock reservations released',
    'price.changed': 'Price changed',
    'promotion.started': 'Promotion started',
    'promotion.ended': 'Promotion ended',
    'customer.created': 'Customer created',
    'customer.merged': 'Customers merged',
    'customer.erased': 'Customer erased (GDPR)',
    'pickup.ready': 'Ready for pickup in store',
    'pickup.collected': 'Pickup collected',
    'pickup.expired': 'Pickup not collected',
    'ticket.opened': 'After-sales ticket opened',
    'ticket.status_changed': 'After-sales ticket status changed',
    'franchise.statement_closed': 'Franchisee commission statement closed',
  },
}

export const familyLabels: Dictionary<EventFamily> = {
  fr: {
    order: 'Commandes',
    payment: 'Paiements',
    return: 'Retours',
    stock: 'Stock',
    price: 'Prix',
    promotion: 'Promotions',
    customer: 'Clients',
    pickup: 'Retraits en magasin',
    ticket: 'SAV',
    franchise: 'Franchise',
  },
  en: {
    order: 'Orders',
    payment: 'Payments',
    return: 'Returns',
    stock: 'Stock',
    price: 'Prices',
    promotion: 'Promotions',
    customer: 'Customers',
    pickup: 'In-store pickup',
    ticket: 'After-sales',
    franchise: 'Franchise',
  },
}

/** Why an attempt got no answer (src/events/webhooks.sender.ts). */
export const deliveryErrors: Dictionary<
  'timeout' | 'connection_refused' | 'host_not_found' | 'connection_reset' | 'tls_error' | 'network_error'
> = {
  fr: {
    timeout: 'Pas de réponse à temps',
    connection_refused: 'Connexion refusée',
    host_not_found: 'Serveur introuvable',
    connection_reset: 'Connexion interrompue',
    tls_error: 'Certificat TLS refusé',
    network_error: 'Erreur réseau',
  },
  en: {
    timeout: 'No answer in time',
    connection_refused: 'Connection refused',
    host_not_found: 'Host not found',
    connection_reset: 'Connection reset',
    tls_error: 'TLS certificate refused',
    network_error: 'Network error',
  },
}
