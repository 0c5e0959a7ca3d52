import type { channels, priceLists } from '../channels/index.ts'
import { newId } from '../shared/ids.ts'

export type ChannelKind = (typeof channels.$inferInsert)['kind']
export type ChannelRow = typeof channels.$inferInsert & { id: string; kind: ChannelKind }
export type PriceListRow = typeof priceLists.$inferInsert & { id: string }

export interface DemoChannel {
  row: ChannelRow
  priceList: PriceListRow
}

interface ChannelSpec {
  kind: ChannelKind
  code: string
  name: string
  priceListName: string
  modes: string[]
  holdMinutes: number
  /** The channel takes the customer's money and owes it to the brand (marketplaces). */
  collectsPayment?: boolean
}

const online = ['delivery', 'pickup', 'reserve']

const specs: ChannelSpec[] = [
  {
    kind: 'store',
    code: 'STORES',
    name: 'Magasins Maison Passerelle',
    priceListName: 'Tarif magasins',
    modes: ['takeaway', 'delivery', 'pickup', 'reserve'],
    holdMinutes: 15,
  },
  {
    kind: 'web',
    code: 'WEB',
    name: 'Site web maisonpasserelle.fr',
    priceListName: 'Tarif web',
    modes: online,
    holdMinutes: 30,
  },
  {
    kind: 'mobile',
    code: 'MOBILE',
    name: 'Application mobile Maison Passerelle',
    priceListName: 'Tarif application',
    modes: online,
    holdMinutes: 30,
  },
  {
    kind: 'call_centre',
    code: 'CALL-CENTRE',
    name: 'Service client (téléphone)',
    priceListName: 'Tarif service client',
    modes: online,
    holdMinutes: 60,
  },
  {
    kind: 'catalogue',
    code: 'CATALOGUE',
    name: 'Catalogue et vente par correspondance',
    priceListName: 'Tarif catalogue',
    modes: online,
    holdMinutes: 120,
  },
  {
    kind: 'partner',
    code: 'PARTNERS',
    name: 'Partenaires et places de marché',
    priceListName: 'Tarif partenaires',
    modes: ['delivery'],
    holdMinutes: 30,
    collectsPayment: true,
  },
]

/** One channel of each kind, each with its own price list (`PL-<channel code>`). */
export function buildChannels(): DemoChannel[] {
  return specs.map((s) => {
    const priceList: PriceListRow = {
      id: newId('prl'),
      code: `PL-${s.code}`,
      name: s.priceListName,
      currency: 'EUR',
    }
    return {
      priceList,
      row: {
        id: newId('chn'),
        code: s.code,
        name: s.name,
        kind: s.kind,
        currency: 'EUR',
        priceListId: priceList.id,
        fulfilmentModes: s.modes,
        draftHoldMinutes: s.holdMinutes,
        collectsPayment: s.collectsPayment ?? false,
      },
    }
  })
}
