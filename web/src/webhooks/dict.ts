import type { Dictionary } from '../i18n'

type Key =
  | 'title'
  | 'intro'
  | 'new'
  | 'url'
  | 'urlHint'
  | 'description'
  | 'types'
  | 'all'
  | 'wholeFamily'
  | 'create'
  | 'cancel'
  | 'noTypes'
  | 'urlEmpty'
  | 'urlNotAbsolute'
  | 'urlScheme'
  | 'urlCredentials'
  | 'urlFragment'
  | 'secretTitle'
  | 'secretNote'
  | 'copy'
  | 'copied'
  | 'copyFailed'
  | 'secretDone'
  | 'subscriptions'
  | 'colUrl'
  | 'colTypes'
  | 'colState'
  | 'colLast'
  | 'active'
  | 'disabled'
  | 'byAdmin'
  | 'byFailures'
  | 'lastFailure'
  | 'failingSince'
  | 'never'
  | 'succeeded'
  | 'failed'
  | 'manage'
  | 'manageAria'
  | 'allEvents'
  | 'familyAll'
  | 'back'
  | 'createdAt'
  | 'editTypes'
  | 'save'
  | 'saved'
  | 'pause'
  | 'enable'
  | 'paused'
  | 'enabled'
  | 'rotate'
  | 'rotateConfirm'
  | 'delete'
  | 'deleteConfirm'
  | 'deleted'
  | 'log'
  | 'onlyFailures'
  | 'refresh'
  | 'colWhen'
  | 'colEvent'
  | 'colResult'
  | 'colHttp'
  | 'colLatency'
  | 'colAttempt'
  | 'colNext'
  | 'colExcerpt'
  | 'colActions'
  | 'replayMark'
  | 'pending'
  | 'delivered'
  | 'givenUp'
  | 'replayOne'
  | 'replayOneAria'
  | 'queued'
  | 'replayRange'
  | 'replayRangeHint'
  | 'from'
  | 'to'
  | 'replay'
  | 'rangeInvalid'
  | 'enableToReplay'
  | 'state'
  | 'actions'
  | 'noDelivery'
  | 'secretRotated'
  | 'createdTitle'
  | 'descriptionShort'

export const dict: Dictionary<Key> = {
  fr: {
    title: 'Webhooks',
    intro:
      'Les autres systèmes de l’enseigne (ERP, entrepôt, e-mails, BI) reçoivent les événements choisis, signés avec le secret de leur abonnement.',
    new: 'Nouvel abonnement',
    url: 'URL de réception',
    urlHint: 'https://… sans identifiant ni mot de passe : le destinataire vérifie la signature.',
    description: 'Description (facultatif)',
    types: 'Événements reçus',
    all: 'Tous les événements, y compris ceux qui s’ajouteront',
    wholeFamily: 'Toute la famille, y compris les types qui s’ajouteront',
    create: 'Créer l’abonnement',
    cancel: 'Annuler',
    noTypes: 'Choisissez au moins un événement.',
    urlEmpty: 'Saisissez l’URL de réception.',
    urlNotAbsolute: 'L’URL doit être complète, par exemple https://erp.exemple.fr/passerelle.',
    urlScheme: 'L’URL doit commencer par https:// (ou http://).',
    urlCredentials: 'L’URL ne doit pas contenir d’identifiant ni de mot de passe.',
    urlFragment: 'L’URL ne doit pas contenir de #fragment.',
    secretTitle: 'Secret de signature',
    secretNote:
      'Ce secret ne sera plus jamais affiché. Copiez-le maintenant dans le système destinataire : il s’en sert pour vérifier l’en-tête Passerelle-Signature.',
    copy: 'Copier le secret',
    copied: 'Secret copié dans le presse-papiers.',
    copyFailed: 'Copie impossible : sélectionnez le secret et copiez-le.',
    secretDone: 'J’ai enregistré le secret',
    subscriptions: 'Abonnements',
    colUrl: 'URL',
    colTypes: 'Événements',
    colState: 'État',
    colLast: 'Dernière livraison',
    active: 'Actif',
    disabled: 'Désactivé',
    byAdmin: 'Désactivé par un administrateur le {when}.',
    byFailures:
      'Désactivé automatiquement le {when} : toutes les livraisons échouaient depuis le {since}{last}.',
    lastFailure: ' (dernier échec : {what})',
    failingSince: 'Échecs depuis le {since}',
    never: 'Aucune pour l’instant',
    succeeded: 'Réussie',
    failed: 'Échec',
    manage: 'Gérer',
    manageAria: 'Gérer l’abonnement {url}',
    allEvents: 'Tous les événements',
    familyAll: '{family} (toute la famille)',
    back: 'Tous les abonnements',
    createdAt: 'Créé le',
    editTypes: 'Modifier les événements reçus',
    save: 'Enregistrer les événements',
    saved: 'Événements enregistrés.',
    pause: 'Mettre en pause',
    enable: 'Réactiver',
    paused: 'Abonnement en pause : plus rien ne lui est envoyé.',
    enabled:
      'Abonnement réactivé : les événements publiés à partir de maintenant lui sont envoyés ; rejouez la période manquée si besoin.',
    rotate: 'Renouveler le secret',
    rotateConfirm:
      'Renouveler le secret ? L’ancien cesse de fonctionner immédiatement : le destinataire devra utiliser le nouveau.',
    delete: 'Supprimer l’abonnement',
    deleteConfirm:
      'Supprimer l’abonnement à {url} ? Ses livraisons en attente et son journal sont supprimés.',
    deleted: 'Abonnement à {url} supprimé.',
    log: 'Journal des livraisons (les plus récentes d’abord)',
    onlyFailures: 'Échecs seulement',
    refresh: 'Actualiser',
    colWhen: 'Date',
    colEvent: 'Événement',
    colResult: 'Résultat',
    colHttp: 'Code HTTP',
    colLatency: 'Durée',
    colAttempt: 'Tentative',
    colNext: 'Prochain essai',
    colExcerpt: 'Réponse (extrait)',
    colActions: 'Actions',
    replayMark: 'rejeu',
    pending: 'en attente',
    delivered: 'livrée',
    givenUp: 'abandonnée après 72 h',
    replayOne: 'Renvoyer',
    replayOneAria: 'Renvoyer l’événement {event} du {when}',
    queued: '{n} envoi(s) programmé(s).',
    replayRange: 'Rejouer une période',
    replayRangeHint:
      'Renvoie, dans l’ordre, les événements de ses types survenus pendant la période (conservés 30 jours).',
    from: 'Du',
    to: 'Au (exclu)',
    replay: 'Rejouer la période',
    rangeInvalid: 'Indiquez un début et une fin, la fin après le début.',
    enableToReplay: 'Réactivez l’abonnement pour rejouer des événements.',
    state: 'État',
    actions: 'Actions sur l’abonnement',
    noDelivery: 'Aucune tentative de livraison.',
    secretRotated: 'Nouveau secret de signature',
    createdTitle: 'Abonnement créé : enregistrez son secret',
    descriptionShort: 'Description',
  },
  en: {
    title: 'Webhooks',
    intro:
      'The brand’s other systems (ERP, warehouse, e-mail, BI) receive the events they chose, signed with their subscription’s secret.',
    new: 'New subscription',
    url: 'Receiving URL',
    urlHint: 'https://… without user name or password: the receiver verifies the signature.',
    description: 'Description (optional)',
    types: 'Events received',
    all: 'Every event, including those added later',
    wholeFamily: 'The whole family, including types added later',
    create: 'Create the subscription',
    cancel: 'Cancel',
    noTypes: 'Choose at least one event.',
    urlEmpty: 'Enter the receiving URL.',
    urlNotAbsolute: 'The URL must be complete, e.g. https://erp.example.com/passerelle.',
    urlScheme: 'The URL must start with https:// (or http://).',
    urlCredentials: 'The URL must not carry a user name or password.',
    urlFragment: 'The URL must not have a #fragment.',
    secretTitle: 'Signing secret',
    secretNote:
      'This secret will never be shown again. Copy it now into the receiving system: it verifies the Passerelle-Signature header with it.',
    copy: 'Copy the secret',
    copied: 'Secret copied to the clipboard.',
    copyFailed: 'Could not copy: select the secret and copy it.',
    secretDone: 'I have stored the secret',
    subscriptions: 'Subscriptions',
    colUrl: 'URL',
    colTypes: 'Events',
    colState: 'State',
    colLast: 'Last delivery',
    active: 'Active',
    disabled: 'Disabled',
    byAdmin: 'Disabled by an administrator on {when}.',
    byFailures: 'Disabled automatically on {when}: every delivery had failed since {since}{last}.',
    lastFailure: ' (last failure: {what})',
    failingSince: 'Failing since {since}',
    never: 'None yet',
    succeeded: 'Succeeded',
    failed: 'Failed',
    manage: 'Manage',
    manageAria: 'Manage the subscription {url}',
    allEvents: 'Every event',
    familyAll: '{family} (whole family)',
    back: 'All subscriptions',
    createdAt: 'Created on',
    editTypes: 'Change the events received',
    save: 'Save the events',
    saved: 'Events saved.',
    pause: 'Pause',
    enable: 'Enable',
    paused: 'Subscription paused: nothing is sent to it any more.',
    enabled: 'Subscription enabled: events published from now on are sent to it; replay the gap if needed.',
    rotate: 'Rotate the secret',
    rotateConfirm: 'Rotate the secret? The old one stops working at once: the receiver must use the new one.',
    delete: 'Delete the subscription',
    deleteConfirm: 'Delete the subscription to {url}? Its pending deliveries and its log are deleted.',
    deleted: 'Subscription to {url} deleted.',
    log: 'Delivery log (newest first)',
    onlyFailures: 'Failures only',
    refresh: 'Refresh',
    colWhen: 'Date',
    colEvent: 'Event',
    colResult: 'Result',
    colHttp: 'HTTP code',
    colLatency: 'Time',
    colAttempt: 'Attempt',
    colNext: 'Next try',
    colExcerpt: 'Answer (excerpt)',
    colActions: 'Actions',
    replayMark: 'replay',
    pending: 'pending',
    delivered: 'delivered',
    givenUp: 'given up after 72 h',
    replayOne: 'Send again',
    replayOneAria: 'Send the event {event} of {when} again',
    queued: '{n} send(s) queued.',
    replayRange: 'Replay a period',
    replayRangeHint:
      'Sends again, in order, the events of its types that occurred in the period (kept 30 days).',
    from: 'From',
    to: 'To (excluded)',
    replay: 'Replay the period',
    rangeInvalid: 'Give a start and an end, the end after the start.',
    enableToReplay: 'Enable the subscription to replay events.',
    state: 'State',
    actions: 'Subscription actions',
    noDelivery: 'No delivery attempt.',
    secretRotated: 'New signing secret',
    createdTitle: 'Subscription created: store its secret',
    descriptionShort: 'Description',
  },
}
