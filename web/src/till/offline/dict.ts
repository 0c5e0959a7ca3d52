import type { Dictionary } from '../../i18n'

type Key =
  | 'ready'
  | 'readyNone'
  | 'refreshing'
  | 'offline'
  | 'offlineTenders'
  | 'waiting'
  | 'sending'
  | 'sent'
  | 'refused'
  | 'list'
  | 'ticket'
  | 'soldAt'
  | 'amount'
  | 'state'
  | 'statePending'
  | 'stateSent'
  | 'stateRefused'
  | 'receiptTitle'
  | 'receiptNote'
  | 'takeawayOnly'
  | 'tendersOnly'
  | 'notInCatalogue'
  | 'codeOffline'
  | 'noCatalogue'
  | 'priceChanged'
  | 'customerOnline'
  | 'results'

export const offlineDict: Dictionary<Key> = {
  fr: {
    ready: 'Caisse prête hors ligne : {n} articles, mis à jour à {time}.',
    readyNone: 'Catalogue du magasin pas encore chargé : la caisse ne peut pas vendre hors ligne.',
    refreshing: 'Mise à jour du catalogue du magasin…',
    offline: 'Hors ligne : la caisse continue de vendre.',
    offlineTenders:
      'Espèces et carte bancaire uniquement ; carte cadeau, avoir et points de fidélité : en ligne seulement.',
    waiting: '{n} vente(s) hors ligne en attente d’envoi.',
    sending: 'Envoi des ventes hors ligne…',
    sent: '{n} vente(s) hors ligne enregistrée(s).',
    refused: '{n} vente(s) hors ligne refusée(s) : à voir avec le responsable.',
    list: 'Ventes hors ligne de cette caisse',
    ticket: 'Ticket',
    soldAt: 'Heure',
    amount: 'Montant',
    state: 'État',
    statePending: 'En attente',
    stateSent: 'Enregistrée, vente n° {n}',
    stateRefused: 'Refusée : {why}',
    receiptTitle: 'Ticket de caisse (hors ligne)',
    receiptNote: 'Vente faite hors ligne : enregistrée dès le retour du réseau.',
    takeawayOnly:
      'Hors ligne, seuls les articles à emporter se vendent : retirez la livraison ou le retrait.',
    tendersOnly:
      'Hors ligne, seuls les espèces et la carte bancaire sont acceptés : retirez les autres paiements.',
    notInCatalogue: '« {name} » n’est pas dans le catalogue gardé pour le hors ligne.',
    codeOffline: 'Le code « {code} » ne peut pas être vérifié hors ligne : retirez-le.',
    noCatalogue: 'Hors ligne et sans catalogue du magasin : la vente ne peut pas être faite.',
    priceChanged: 'Le montant hors ligne ({amount}) diffère des paiements pris : reprenez les paiements.',
    customerOnline: 'Le client n’est rattaché qu’en ligne : la vente hors ligne se fait sans lui.',
    results: 'Articles du catalogue gardé',
  },
  en: {
    ready: 'Till ready offline: {n} articles, updated at {time}.',
    readyNone: 'Store catalogue not loaded yet: the till cannot sell offline.',
    refreshing: 'Updating the store catalogue…',
    offline: 'Offline: the till keeps selling.',
    offlineTenders: 'Cash and bank card only; gift cards, credit notes and loyalty points: online only.',
    waiting: '{n} offline sale(s) waiting to be sent.',
    sending: 'Sending the offline sales…',
    sent: '{n} offline sale(s) recorded.',
    refused: '{n} offline sale(s) refused: see the manager.',
    list: 'Offline sales of this till',
    ticket: 'Ticket',
    soldAt: 'Time',
    amount: 'Amount',
    state: 'State',
    statePending: 'Waiting',
    stateSent: 'Recorded, sale no. {n}',
    stateRefused: 'Refused: {why}',
    receiptTitle: 'Receipt (offline)',
    receiptNote: 'Sale made offline: recorded as soon as the network is back.',
    takeawayOnly: 'Offline, only take-away articles are sold: remove the delivery or pickup.',
    tendersOnly: 'Offline, only cash and bank card are taken: remove the other payments.',
    notInCatalogue: '“{name}” is not in the catalogue kept for offline use.',
    codeOffline: 'The code “{code}” cannot be checked offline: remove it.',
    noCatalogue: 'Offline and without the store catalogue: the sale cannot be made.',
    priceChanged: 'The offline amount ({amount}) differs from the payments taken: take the payments again.',
    customerOnline: 'The customer is attached online only: the offline sale is made without them.',
    results: 'Articles of the kept catalogue',
  },
}
