import type { Dictionary } from '../i18n'

type Key =
  | 'title'
  | 'scan'
  | 'scanHint'
  | 'notFound'
  | 'notSold'
  | 'results'
  | 'add'
  | 'article'
  | 'price'
  | 'stockHere'
  | 'stockNearby'
  | 'stockOnline'
  | 'none'
  | 'units'
  | 'basket'
  | 'emptyBasket'
  | 'qty'
  | 'qtyOf'
  | 'discount'
  | 'discountOf'
  | 'promoCode'
  | 'applyCode'
  | 'removeCode'
  | 'pricing'
  | 'manualDiscount'
  | 'lineTotal'
  | 'mode'
  | 'modeOf'
  | 'pickupOf'
  | 'chooseStore'
  | 'takeaway'
  | 'delivery'
  | 'pickup'
  | 'notHere'
  | 'address'
  | 'addressName'
  | 'addressLine'
  | 'postcode'
  | 'city'
  | 'deliveredTo'
  | 'collectAt'
  | 'remove'
  | 'removeOf'
  | 'total'
  | 'customer'
  | 'customerLookup'
  | 'customerHint'
  | 'find'
  | 'noCustomer'
  | 'whichCustomer'
  | 'pickCustomer'
  | 'detach'
  | 'points'
  | 'payment'
  | 'due'
  | 'left'
  | 'method'
  | 'amount'
  | 'handed'
  | 'code'
  | 'addTender'
  | 'tenders'
  | 'change'
  | 'complete'
  | 'tooMuch'
  | 'needCode'
  | 'needCustomer'
  | 'card'
  | 'cash'
  | 'gift_card'
  | 'store_credit'
  | 'voucher'
  | 'loyalty_points'
  | 'partner'
  | 'receipt'
  | 'order'
  | 'vatRate'
  | 'vatBase'
  | 'vat'
  | 'vatTotal'
  | 'print'
  | 'newSale'
  | 'thanks'
  | 'noStore'
  | 'confirmation'
  | 'phoneTitle'
  | 'park'
  | 'parkPaid'
  | 'parkedCount'
  | 'resume'
  | 'resumeOf'
  | 'articles'
  | 'keypad'
  | 'keypadFor'
  | 'erase'
  | 'clear'
  | 'ok'
  | 'exact'
  | 'cashOf'
  | 'quick'
  | 'shortHere'
  | 'shortHereNone'
  | 'deliverInstead'
  | 'collectAtStore'
  | 'less'
  | 'more'

export const tillDict: Dictionary<Key> = {
  fr: {
    title: 'Caisse',
    scan: 'Scanner ou rechercher un article',
    scanHint: 'Code EAN-13 puis Entrée, ou un nom, une référence.',
    notFound: 'Aucun article pour « {q} ».',
    notSold: 'Cet article n’a pas de prix en magasin.',
    results: 'Résultats de la recherche',
    add: 'Ajouter',
    article: 'Article',
    price: 'Prix TTC',
    stockHere: 'Stock ici',
    stockNearby: 'Magasins proches',
    stockOnline: 'En ligne (livraison)',
    none: 'aucun',
    units: '{n} u.',
    basket: 'Panier',
    emptyBasket: 'Le panier est vide : scannez un article.',
    qty: 'Qté',
    qtyOf: 'Quantité — {name}',
    discount: 'Remise (€)',
    discountOf: 'Remise en euros — {name}',
    promoCode: 'Code promo',
    applyCode: 'Appliquer le code',
    removeCode: 'Retirer le code {code}',
    pricing: 'Calcul des promotions…',
    manualDiscount: 'Remise',
    lineTotal: 'Total',
    mode: 'Mode',
    modeOf: 'Mode de livraison — {name}',
    pickupOf: 'Magasin de retrait — {name}',
    chooseStore: 'Choisir le magasin',
    takeaway: 'À emporter',
    delivery: 'Livraison à domicile',
    pickup: 'Retrait dans un autre magasin',
    notHere: 'Pas en stock ici : proposez la livraison ou le retrait dans un magasin proche.',
    address: 'Adresse de livraison',
    addressName: 'Nom du destinataire',
    addressLine: 'Adresse',
    postcode: 'Code postal',
    city: 'Ville',
    deliveredTo: 'livré à domicile',
    collectAt: 'à retirer à {store}',
    remove: 'Retirer',
    removeOf: 'Retirer {name}',
    total: 'Total TTC',
    customer: 'Client',
    customerLookup: 'Téléphone, e-mail ou carte de fidélité',
    customerHint: 'Le client cumule ses points sur cette vente.',
    find: 'Rechercher',
    noCustomer: 'Aucun client trouvé.',
    whichCustomer: 'Plusieurs clients correspondent : lequel est en caisse ?',
    pickCustomer: 'Choisir {name}',
    detach: 'Retirer le client',
    points: '{points} points ({worth})',
    payment: 'Encaissement',
    due: 'À payer',
    left: 'Reste à payer',
    method: 'Moyen de paiement',
    amount: 'Montant (€)',
    handed: 'Montant remis (€)',
    code: 'Code de la carte ou de l’avoir',
    addTender: 'Ajouter le paiement',
    tenders: 'Paiements',
    change: 'Rendu monnaie',
    complete: 'Valider la vente',
    tooMuch: 'Ce montant dépasse le reste à payer.',
    needCode: 'Saisissez le code.',
    needCustomer: 'Rattachez d’abord le client.',
    card: 'Carte bancaire',
    cash: 'Espèces',
    gift_card: 'Carte cadeau',
    store_credit: 'Avoir',
    voucher: 'Bon de réduction',
    loyalty_points: 'Points fidélité',
    partner: 'Remboursé par le partenaire (place de marché)',
    receipt: 'Ticket de caisse',
    order: 'Vente n° {n}',
    vatRate: 'Taux',
    vatBase: 'Montant TTC',
    vat: 'TVA',
    vatTotal: 'dont TVA',
    print: 'Imprimer le ticket',
    newSale: 'Nouvelle vente',
    thanks: 'Merci de votre visite !',
    noStore: 'La caisse est réservée aux clés d’un magasin.',
    confirmation: 'Confirmation de commande',
    phoneTitle: 'Commande par téléphone',
    park: 'Mettre en attente',
    parkPaid: 'Des paiements sont enregistrés pour ce panier : terminez la vente ou retirez-les d’abord.',
    parkedCount: 'Paniers en attente ({n})',
    resume: 'Reprendre',
    resumeOf: 'Reprendre le panier de {time} ({total})',
    articles: '{n} article(s)',
    keypad: 'Pavé numérique',
    keypadFor: 'Pavé numérique — {field}',
    erase: 'Effacer le dernier chiffre',
    clear: 'Tout effacer',
    ok: 'Valider',
    exact: 'Montant exact',
    cashOf: 'Espèces : {amount} remis',
    quick: 'Montants rapides',
    shortHere: 'Stock du magasin : {n} u. — proposez la livraison ou le retrait ailleurs.',
    shortHereNone: 'Aucun autre magasin ni la livraison n’a cet article.',
    deliverInstead: 'Livrer à domicile ({n} u. en ligne)',
    collectAtStore: 'Retrait à {store} ({n} u.)',
    less: 'Une de moins — {name}',
    more: 'Une de plus — {name}',
  },
  en: {
    title: 'Till',
    scan: 'Scan or search an item',
    scanHint: 'EAN-13 barcode then Enter, or a name or reference.',
    notFound: 'No item for “{q}”.',
    notSold: 'This item has no store price.',
    results: 'Search results',
    add: 'Add',
    article: 'Item',
    price: 'Price incl. VAT',
    stockHere: 'Stock here',
    stockNearby: 'Nearby stores',
    stockOnline: 'Online (delivery)',
    none: 'none',
    units: '{n} u.',
    basket: 'Basket',
    emptyBasket: 'The basket is empty: scan an item.',
    qty: 'Qty',
    qtyOf: 'Quantity — {name}',
    discount: 'Discount (€)',
    discountOf: 'Discount in euros — {name}',
    promoCode: 'Promo code',
    applyCode: 'Apply the code',
    removeCode: 'Remove the code {code}',
    pricing: 'Pricing promotions…',
    manualDiscount: 'Discount',
    lineTotal: 'Total',
    mode: 'Fulfilment',
    modeOf: 'Fulfilment — {name}',
    pickupOf: 'Pickup store — {name}',
    chooseStore: 'Choose the store',
    takeaway: 'Take away',
    delivery: 'Home delivery',
    pickup: 'Pickup in another store',
    notHere: 'Not in stock here: offer home delivery or pickup in a nearby store.',
    address: 'Delivery address',
    addressName: 'Recipient’s name',
    addressLine: 'Address',
    postcode: 'Postcode',
    city: 'City',
    deliveredTo: 'delivered home',
    collectAt: 'to collect at {store}',
    remove: 'Remove',
    removeOf: 'Remove {name}',
    total: 'Total incl. VAT',
    customer: 'Customer',
    customerLookup: 'Phone, e-mail or loyalty card',
    customerHint: 'The customer earns points on this sale.',
    find: 'Find',
    noCustomer: 'No customer found.',
    whichCustomer: 'Several customers match: which one is at the till?',
    pickCustomer: 'Choose {name}',
    detach: 'Remove the customer',
    points: '{points} points ({worth})',
    payment: 'Payment',
    due: 'To pay',
    left: 'Left to pay',
    method: 'Payment method',
    amount: 'Amount (€)',
    handed: 'Cash handed over (€)',
    code: 'Gift card or credit note code',
    addTender: 'Add the payment',
    tenders: 'Payments',
    change: 'Change due',
    complete: 'Complete the sale',
    tooMuch: 'This amount is more than what is left to pay.',
    needCode: 'Type the code.',
    needCustomer: 'Attach the customer first.',
    card: 'Card',
    cash: 'Cash',
    gift_card: 'Gift card',
    store_credit: 'Store credit',
    voucher: 'Voucher',
    loyalty_points: 'Loyalty points',
    partner: 'Refunded by the partner (marketplace)',
    receipt: 'Receipt',
    order: 'Sale no. {n}',
    vatRate: 'Rate',
    vatBase: 'Amount incl. VAT',
    vat: 'VAT',
    vatTotal: 'of which VAT',
    print: 'Print the receipt',
    newSale: 'New sale',
    thanks: 'Thank you for your visit!',
    noStore: 'The till needs a store key.',
    confirmation: 'Order confirmation',
    phoneTitle: 'Phone order',
    park: 'Park the basket',
    parkPaid: 'Payments are recorded for this basket: complete the sale or remove them first.',
    parkedCount: 'Parked baskets ({n})',
    resume: 'Resume',
    resumeOf: 'Resume the basket of {time} ({total})',
    articles: '{n} item(s)',
    keypad: 'Keypad',
    keypadFor: 'Keypad — {field}',
    erase: 'Erase the last digit',
    clear: 'Clear',
    ok: 'OK',
    exact: 'Exact amount',
    cashOf: 'Cash: {amount} handed over',
    quick: 'Quick amounts',
    shortHere: 'Store stock: {n} u. — offer delivery or pickup elsewhere.',
    shortHereNone: 'No other store nor delivery has this item.',
    deliverInstead: 'Deliver home ({n} u. online)',
    collectAtStore: 'Pickup at {store} ({n} u.)',
    less: 'One less — {name}',
    more: 'One more — {name}',
  },
}
