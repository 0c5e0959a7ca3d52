import { sql } from 'drizzle-orm'
// Types only from the database module: the command line reads the demo's keys and seed without a driver.
import type { Executor } from '../db/database.ts'
import { rows } from '../db/rows.ts'
import type { Role } from '../shared/actor.ts'

// What the server needs to know about the demo without loading its generators and data files.

/** Same seed, same retailer (products, SKUs, EANs, customers, history) on every machine. */
export const DEFAULT_DEMO_SEED = 1

export type ProgressListener = (step: string, done: number, total: number) => void

/** Demo keys have fixed secrets so the README can print them: for trying Passerelle only. */
export const demoKeys: Array<{
  secret: string
  role: Role
  name: string
  locationCode?: string
  channelCode?: string
  franchiseeCode?: string
  manager?: boolean
}> = [
  { secret: 'pk_demo_admin', role: 'admin', name: 'Démo — administration (demo admin)' },
  {
    secret: 'pk_demo_store',
    role: 'store_staff',
    name: 'Démo — équipe du magasin Paris Bastille (demo store staff)',
    locationCode: 'STO-PARIS-BASTILLE',
  },
  {
    secret: 'pk_demo_manager',
    role: 'store_staff',
    name: 'Démo — responsable du magasin Paris Bastille (demo store manager)',
    locationCode: 'STO-PARIS-BASTILLE',
    manager: true,
  },
  { secret: 'pk_demo_web', role: 'channel', name: 'Démo — site web (demo web channel)', channelCode: 'WEB' },
  {
    secret: 'pk_demo_callcentre',
    role: 'call_centre',
    name: 'Démo — service client (demo call centre)',
    channelCode: 'CALL-CENTRE',
  },
  {
    secret: 'pk_demo_franchisee',
    role: 'franchisee',
    name: 'Démo — franchisé Riviera Maison, Nice (demo franchisee)',
    franchiseeCode: 'FR-RIVIERA',
  },
]

export interface DemoSummary {
  seed: number
  locations: number
  channels: number
  products: number
  variants: number
  customers: number
  orders: number
  stockRows: number
  movements: number
  keys: typeof demoKeys
  /** Set when the demo was unpacked from the snapshot generated then (see snapshot.ts). */
  madeAt?: string
}

/** True when the database holds any retailer data or API key (then the demo is never loaded). */
export async function hasData(db: Executor): Promise<boolean> {
  const [row] = await rows<{ any: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM location) OR EXISTS (SELECT 1 FROM channel)
            OR EXISTS (SELECT 1 FROM price_list) OR EXISTS (SELECT 1 FROM product)
            OR EXISTS (SELECT 1 FROM customer) OR EXISTS (SELECT 1 FROM orders)
            OR EXISTS (SELECT 1 FROM api_key) AS any`,
  )
  return row?.any === true
}
