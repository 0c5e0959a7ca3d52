import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react'
import { type Role, UNAUTHENTICATED } from './api/client'
import { type Dictionary, useLang, useT } from './i18n'
import { Link, navigate, usePath } from './router'
import { CallCentre } from './screens/CallCentre'
import { Campaigns } from './screens/Campaigns'
import { Catalog } from './screens/Catalog'
import { CountScreen } from './screens/Count'
import { Duplicates } from './screens/Duplicates'
import { Franchise } from './screens/Franchise'
import { MyPrices } from './screens/MyPrices'
import { Orders } from './screens/Orders'
import { Packing } from './screens/Packing'
import { Queue } from './screens/Queue'
import { Refunds } from './screens/Refunds'
import { Register } from './screens/Register'
import { Replenishment } from './screens/Replenishment'
import { Returns } from './screens/Returns'
import { SignIn } from './screens/SignIn'
import { Stock } from './screens/Stock'
import { Templates } from './screens/Templates'
import { PhoneOrder, Till } from './screens/Till'
import { Webhooks } from './screens/Webhooks'
import {
  forgetKey,
  restoredSession,
  type Session,
  SessionContext,
  sameSession,
  signIn,
  storedKey,
} from './session'
import { Loading } from './ui'

// Chart.js is only for head office's analytics: its own chunk, loaded when the screen opens.
const Analytics = lazy(() => import('./screens/Analytics').then((m) => ({ default: m.Analytics })))
// Head office's and the manager's screens: their own chunks too, so a till's first screen loads less.
const Offer = lazy(() => import('./screens/Offer').then((m) => ({ default: m.Offer })))
const FiscalOffice = lazy(() => import('./screens/FiscalOffice').then((m) => ({ default: m.FiscalOffice })))
const Imports = lazy(() => import('./screens/Imports').then((m) => ({ default: m.Imports })))
const Manager = lazy(() => import('./screens/Manager').then((m) => ({ default: m.Manager })))
const Partners = lazy(() => import('./screens/Partners').then((m) => ({ default: m.Partners })))
const BusinessOrder = lazy(() =>
  import('./screens/BusinessOrder').then((m) => ({ default: m.BusinessOrder })),
)
const Invoices = lazy(() => import('./screens/Invoices').then((m) => ({ default: m.Invoices })))

const dict: Dictionary<
  | 'title'
  | 'till'
  | 'returns'
  | 'queue'
  | 'packing'
  | 'customers'
  | 'phone'
  | 'duplicates'
  | 'catalog'
  | 'stock'
  | 'count'
  | 'replenishment'
  | 'orders'
  | 'signOut'
  | 'language'
  | 'nav'
  | 'skip'
  | 'headOffice'
  | 'callCentre'
  | 'manager'
  | 'analytics'
  | 'webhooks'
  | 'franchise'
  | 'franchisee'
  | 'myPrices'
  | 'noScreen'
  | 'menu'
  | 'register'
  | 'managerDesk'
  | 'offer'
  | 'fiscal'
  | 'imports'
  | 'templates'
  | 'campaigns'
  | 'partners'
  | 'businessOrder'
  | 'invoices'
  | 'refunds'
> = {
  fr: {
    title: 'Passerelle — espace équipe',
    till: 'Caisse',
    returns: 'Retours',
    queue: 'Retraits en magasin',
    packing: 'Colis',
    customers: 'Clients',
    phone: 'Commande téléphone',
    duplicates: 'Doublons',
    catalog: 'Catalogue',
    stock: 'Stock',
    count: 'Inventaire',
    replenishment: 'Réassort',
    orders: 'Commandes',
    signOut: 'Se déconnecter',
    language: 'Langue',
    nav: 'Navigation principale',
    skip: 'Aller au contenu',
    headOffice: 'Siège',
    callCentre: 'Service client',
    manager: 'responsable',
    analytics: 'Analyse des canaux',
    webhooks: 'Webhooks',
    franchise: 'Ma franchise',
    myPrices: 'Mes prix',
    menu: 'Menu',
    register: 'Gestion de caisse',
    managerDesk: 'Responsable',
    offer: 'Offre',
    fiscal: 'Caisses',
    imports: 'Imports',
    templates: 'Messages',
    campaigns: 'Campagnes',
    partners: 'Partenaires',
    businessOrder: 'Commande entreprise',
    invoices: 'Factures',
    refunds: 'Remboursements',
    franchisee: 'Franchisé',
    noScreen: 'Cette clé n’ouvre aucun écran de l’espace équipe : elle sert aux échanges entre systèmes.',
  },
  en: {
    title: 'Passerelle — staff workspace',
    till: 'Till',
    returns: 'Returns',
    queue: 'Click & collect',
    packing: 'Parcels',
    customers: 'Customers',
    phone: 'Phone order',
    duplicates: 'Duplicates',
    catalog: 'Catalog',
    stock: 'Stock',
    count: 'Stock count',
    replenishment: 'Replenishment',
    orders: 'Orders',
    signOut: 'Sign out',
    language: 'Language',
    nav: 'Main navigation',
    skip: 'Skip to content',
    headOffice: 'Head office',
    callCentre: 'Call centre',
    manager: 'manager',
    analytics: 'Channel analytics',
    webhooks: 'Webhooks',
    franchise: 'My franchise',
    myPrices: 'My prices',
    menu: 'Menu',
    register: 'Register',
    managerDesk: 'Manager',
    offer: 'Offer',
    fiscal: 'Registers',
    imports: 'Imports',
    templates: 'Messages',
    campaigns: 'Campaigns',
    partners: 'Partners',
    businessOrder: 'Business order',
    invoices: 'Invoices',
    refunds: 'Refunds',
    franchisee: 'Franchisee',
    noScreen: 'This key opens no screen of the staff workspace: it is for system-to-system use.',
  },
}

type ScreenName =
  | 'till'
  | 'returns'
  | 'queue'
  | 'packing'
  | 'customers'
  | 'phone'
  | 'duplicates'
  | 'catalog'
  | 'stock'
  | 'count'
  | 'replenishment'
  | 'orders'
  | 'analytics'
  | 'webhooks'
  | 'franchise'
  | 'myPrices'
  | 'register'
  | 'managerDesk'
  | 'offer'
  | 'fiscal'
  | 'imports'
  | 'templates'
  | 'campaigns'
  | 'partners'
  | 'businessOrder'
  | 'invoices'
  | 'refunds'

/**
 * The screens and who sees them (`manager`: a store manager's key only); the API enforces the same
 * rules on every call.
 */
const screens: Array<{
  name: ScreenName
  path: string
  roles: Role[]
  manager?: boolean
  component: ComponentType
}> = [
  { name: 'till', path: '/till', roles: ['store_staff'], component: Till },
  { name: 'register', path: '/register', roles: ['store_staff'], component: Register },
  { name: 'returns', path: '/returns', roles: ['store_staff'], component: Returns },
  { name: 'queue', path: '/queue', roles: ['store_staff', 'admin'], component: Queue },
  { name: 'packing', path: '/packing', roles: ['store_staff', 'admin'], component: Packing },
  {
    name: 'customers',
    path: '/customers',
    roles: ['call_centre', 'store_staff', 'admin'],
    component: CallCentre,
  },
  { name: 'phone', path: '/phone-order', roles: ['call_centre'], component: PhoneOrder },
  { name: 'businessOrder', path: '/business-order', roles: ['call_centre'], component: BusinessOrder },
  { name: 'duplicates', path: '/duplicates', roles: ['admin', 'call_centre'], component: Duplicates },
  { name: 'orders', path: '/orders', roles: ['admin', 'store_staff', 'call_centre'], component: Orders },
  { name: 'catalog', path: '/catalog', roles: ['admin', 'store_staff', 'call_centre'], component: Catalog },
  { name: 'stock', path: '/stock', roles: ['admin', 'store_staff'], component: Stock },
  { name: 'count', path: '/count', roles: ['store_staff'], component: CountScreen },
  {
    name: 'replenishment',
    path: '/replenishment',
    roles: ['store_staff', 'admin'],
    component: Replenishment,
  },
  { name: 'analytics', path: '/analytics', roles: ['admin'], component: Analytics },
  { name: 'offer', path: '/offer', roles: ['admin'], component: Offer },
  { name: 'fiscal', path: '/fiscal', roles: ['admin'], component: FiscalOffice },
  { name: 'imports', path: '/imports', roles: ['admin'], component: Imports },
  { name: 'webhooks', path: '/webhooks', roles: ['admin'], component: Webhooks },
  { name: 'refunds', path: '/refunds', roles: ['admin'], component: Refunds },
  { name: 'managerDesk', path: '/manager', roles: ['store_staff'], manager: true, component: Manager },
  { name: 'templates', path: '/templates', roles: ['admin'], component: Templates },
  { name: 'campaigns', path: '/campaigns', roles: ['admin'], component: Campaigns },
  { name: 'partners', path: '/partners', roles: ['admin'], component: Partners },
  { name: 'invoices', path: '/invoices', roles: ['admin', 'call_centre'], component: Invoices },
  { name: 'franchise', path: '/franchise', roles: ['franchisee'], component: Franchise },
  { name: 'myPrices', path: '/my-prices', roles: ['franchisee'], component: MyPrices },
]

export function App() {
  // A reload opens on the session this tab had, checked again behind it (a revoked key signs out).
  const [session, setSession] = useState<Session | null>(restoredSession)
  const [restoring, setRestoring] = useState(() => storedKey() !== null && session === null)
  const t = useT(dict)

  useEffect(() => {
    const key = storedKey()
    if (!key) return
    signIn(key)
      .then(
        (fresh) => setSession((current) => (current && sameSession(current, fresh) ? current : fresh)),
        () => {
          forgetKey()
          setSession(null)
        },
      )
      .finally(() => setRestoring(false))
  }, [])

  useEffect(() => {
    document.title = t('title')
  }, [t])

  useEffect(() => {
    const signOut = () => {
      forgetKey()
      setSession(null)
    }
    window.addEventListener(UNAUTHENTICATED, signOut)
    return () => window.removeEventListener(UNAUTHENTICATED, signOut)
  }, [])

  if (restoring) return <Loading />
  if (!session) return <SignIn onSignedIn={setSession} />
  return (
    <SessionContext.Provider value={session}>
      <Shell
        session={session}
        onSignOut={() => {
          forgetKey()
          setSession(null)
          navigate('/')
        }}
      />
    </SessionContext.Provider>
  )
}

function Shell({ session, onSignOut }: { session: Session; onSignOut(): void }) {
  const t = useT(dict)
  const { lang, setLang } = useLang()
  const path = usePath()
  const mine = screens.filter(
    (s) => s.roles.includes(session.me.role) && (!s.manager || session.me.manager === true),
  )
  const current = mine.find((s) => path === s.path || path.startsWith(`${s.path}/`))
  const [menuOpen, setMenuOpen] = useState(false)

  useEffect(() => {
    if (!current && mine[0]) navigate(mine[0].path)
  }, [current, mine])

  const role = session.me.role
  const where =
    session.store?.name ??
    (role === 'admin'
      ? t('headOffice')
      : role === 'franchisee'
        ? t('franchisee')
        : (session.channel?.name ?? t('callCentre')))
  const Screen = current?.component

  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="topbar">
        <span className="brand">Passerelle</span>
        <nav aria-label={t('nav')} className={menuOpen ? 'open' : undefined}>
          {/* On a tablet the menu folds behind one button: the bar stays one row whatever the role. */}
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-menu"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {t('menu')} : {current ? t(current.name) : ''}
          </button>
          <ul id="main-menu">
            {mine.map((s) => (
              <li key={s.name}>
                <Link
                  href={s.path}
                  aria-current={s === current ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  {t(s.name)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span className="place">
            <span data-testid="where">{where}</span>
            {/* The key's name, as head office typed it: data, in whatever words it was given. */}
            <span className="muted user" data-name>
              {session.me.name}
              {session.me.manager ? ` (${t('manager')})` : ''}
            </span>
          </span>
          <label className="lang">
            <span className="sr-only">{t('language')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'fr')}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="button" className="secondary" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {mine.length === 0 && <p>{t('noScreen')}</p>}
        <Suspense fallback={<Loading />}>{Screen && <Screen key={current?.name} />}</Suspense>
      </main>
    </div>
  )
}
