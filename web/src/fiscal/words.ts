import type { Dictionary } from '../i18n'

/** Tenders as the legal till's reports name them (the order's payment methods). */
export const tenderWords: Dictionary<
  'card' | 'cash' | 'gift_card' | 'store_credit' | 'voucher' | 'loyalty_points' | 'partner'
> = {
  fr: {
    card: 'Carte bancaire',
    cash: 'Espèces',
    gift_card: 'Carte cadeau',
    store_credit: 'Avoir',
    voucher: 'Bon d’achat',
    loyalty_points: 'Points fidélité',
    partner: 'Paiement partenaire',
  },
  en: {
    card: 'Card',
    cash: 'Cash',
    gift_card: 'Gift card',
    store_credit: 'Store credit',
    voucher: 'Voucher',
    loyalty_points: 'Loyalty points',
    partner: 'Partner payment',
  },
}

/** The technical event journal's (JET) entries, by kind (see src/fiscal). */
export const journalWords: Dictionary<
  | 'register.created'
  | 'session.opened'
  | 'session.closed'
  | 'session.closed_automatically'
  | 'cash_in'
  | 'cash_out'
  | 'closing.daily'
  | 'closing.monthly'
  | 'closing.annual'
  | 'archive'
  | 'sale.refused'
  | 'sign_in'
  | 'sign_out'
  | 'price_override'
  | 'line_void'
  | 'drawer_opened'
  | 'error'
> = {
  fr: {
    'register.created': 'Caisse créée',
    'session.opened': 'Caisse ouverte',
    'session.closed': 'Caisse fermée',
    'session.closed_automatically': 'Caisse fermée automatiquement',
    cash_in: 'Entrée d’espèces',
    cash_out: 'Sortie d’espèces',
    'closing.daily': 'Clôture journalière',
    'closing.monthly': 'Clôture mensuelle',
    'closing.annual': 'Clôture annuelle',
    archive: 'Archivage',
    'sale.refused': 'Vente refusée',
    sign_in: 'Connexion à la caisse',
    sign_out: 'Déconnexion de la caisse',
    price_override: 'Prix modifié',
    line_void: 'Ligne annulée',
    drawer_opened: 'Tiroir ouvert sans vente',
    error: 'Erreur de caisse',
  },
  en: {
    'register.created': 'Register created',
    'session.opened': 'Register opened',
    'session.closed': 'Register closed',
    'session.closed_automatically': 'Register closed automatically',
    cash_in: 'Cash in',
    cash_out: 'Cash out',
    'closing.daily': 'Daily closing',
    'closing.monthly': 'Monthly closing',
    'closing.annual': 'Annual closing',
    archive: 'Archive',
    'sale.refused': 'Sale refused',
    sign_in: 'Signed in at the register',
    sign_out: 'Signed out of the register',
    price_override: 'Price overridden',
    line_void: 'Line voided',
    drawer_opened: 'Drawer opened without a sale',
    error: 'Register error',
  },
}

/** Kinds of closings. */
export const closingWords: Dictionary<'daily' | 'monthly' | 'annual'> = {
  fr: { daily: 'Journalière', monthly: 'Mensuelle', annual: 'Annuelle' },
  en: { daily: 'Daily', monthly: 'Monthly', annual: 'Annual' },
}

/** A closing's period as staff read it: 14/03/2026, 03/2026 or 2026. */
export function periodText(period: string, lang: 'fr' | 'en'): string {
  const [y, m, d] = period.split('-')
  if (d)
    return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).toLocaleDateString(
      lang === 'fr' ? 'fr-FR' : 'en-GB',
      { timeZone: 'UTC' },
    )
  if (m) return `${m}/${y}`
  return period
}

/** A VAT rate in basis points as a percentage: 2000 → "20 %". */
export function vatRate(bp: number): string {
  return `${(bp / 100).toLocaleString('fr-FR')} %`
}
