import type { locations, OpeningHours } from '../network/index.ts'
import { newId } from '../shared/ids.ts'
import { communesByCode, type Town } from './geography.ts'

export type LocationRow = typeof locations.$inferInsert & { id: string }

export interface DemoLocation {
  row: LocationRow
  kind: 'warehouse' | 'store'
  /** Relative footfall of a store: how many of the till sales it makes. */
  traffic: number
  /** Share of the catalogue a store keeps on its shelves. */
  range: number
  town: Town
}

interface Site {
  code: string
  name: string
  /** INSEE code of the commune, or of the municipal district (Paris, Lyon, Marseille). */
  insee: string
  postcode: string
  address: string
  hours: keyof typeof hours
  ownership?: 'owned' | 'franchised'
  /** Franchised stores that agreed to ship web orders. */
  shipsWebOrders?: boolean
  modes?: string[]
  capacity: number
  traffic?: number
  range?: number
  /** Street-level position for district stores; GeoNames has one point per commune. */
  at?: [number, number]
}

const day = (ranges: Array<[string, string]>) => ranges
const week = (
  mon: Array<[string, string]>,
  rest: Array<[string, string]>,
  sun: Array<[string, string]> = [],
) => ({ mon, tue: rest, wed: rest, thu: rest, fri: rest, sat: rest, sun }) satisfies OpeningHours

const hours = {
  city: week(day([['09:30', '19:30']]), day([['09:30', '19:30']])),
  mall: week(day([['10:00', '20:00']]), day([['10:00', '20:00']])),
  sundayMorning: week(day([['10:00', '20:00']]), day([['10:00', '20:00']]), day([['10:00', '13:00']])),
  // Franchisees in smaller centres close at lunch and on Monday morning.
  franchise: week(
    day([['14:00', '19:00']]),
    day([
      ['09:30', '12:30'],
      ['14:00', '19:00'],
    ]),
  ),
  warehouse: {
    ...week(day([['05:00', '21:00']]), day([['05:00', '21:00']])),
    sat: day([['06:00', '13:00']]),
  },
} satisfies Record<string, OpeningHours>

const warehouses: Site[] = [
  {
    code: 'WH-SARAN',
    name: 'Entrepôt national — Saran (Orléans)',
    insee: '45302',
    postcode: '45770',
    address: 'Parc logistique Orléans-Nord, 1 allée des Transporteurs',
    hours: 'warehouse',
    capacity: 2500,
  },
  {
    code: 'WH-SAINT-PRIEST',
    name: 'Entrepôt régional Sud-Est — Saint-Priest (Lyon)',
    insee: '69290',
    postcode: '69800',
    address: 'Parc technologique, 12 rue des Frères Lumière',
    hours: 'warehouse',
    capacity: 900,
  },
]

// biome-ignore format: one store per line reads as a table
const stores: Site[] = [
  { code: 'STO-PARIS-BASTILLE', name: 'Paris Bastille', insee: '75111', postcode: '75011', address: '24 rue du Faubourg Saint-Antoine', hours: 'sundayMorning', capacity: 80, traffic: 1.6, range: 0.75, at: [48.8527, 2.3727] },
  { code: 'STO-PARIS-CONVENTION', name: 'Paris Convention', insee: '75115', postcode: '75015', address: '112 rue de la Convention', hours: 'mall', capacity: 60, traffic: 1.3, range: 0.65, at: [48.8389, 2.2905] },
  { code: 'STO-PARIS-BATIGNOLLES', name: 'Paris Batignolles', insee: '75117', postcode: '75017', address: '41 rue des Batignolles', hours: 'city', capacity: 45, traffic: 1.0, range: 0.55, at: [48.8862, 2.3194] },
  { code: 'STO-LYON-PART-DIEU', name: 'Lyon Part-Dieu', insee: '69383', postcode: '69003', address: 'Centre commercial de la Part-Dieu, 17 rue du Docteur Bouchut', hours: 'mall', capacity: 80, traffic: 1.5, range: 0.75, at: [45.7609, 4.8566] },
  { code: 'STO-MARSEILLE-PRADO', name: 'Marseille Prado', insee: '13208', postcode: '13008', address: '280 avenue du Prado', hours: 'sundayMorning', capacity: 60, traffic: 1.3, range: 0.7, at: [43.271, 5.39] },
  { code: 'STO-LILLE-EURALILLE', name: 'Lille Euralille', insee: '59350', postcode: '59777', address: 'Centre commercial Euralille, 100 centre Euralille', hours: 'mall', capacity: 70, traffic: 1.3, range: 0.7 },
  { code: 'STO-BORDEAUX-SAINTE-CATHERINE', name: 'Bordeaux Sainte-Catherine', insee: '33063', postcode: '33000', address: '98 rue Sainte-Catherine', hours: 'city', capacity: 60, traffic: 1.2, range: 0.65 },
  { code: 'STO-TOULOUSE-CAPITOLE', name: 'Toulouse Capitole', insee: '31555', postcode: '31000', address: "12 rue d'Alsace-Lorraine", hours: 'city', capacity: 60, traffic: 1.2, range: 0.65 },
  { code: 'STO-NANTES-COMMERCE', name: 'Nantes Commerce', insee: '44109', postcode: '44000', address: "8 rue d'Orléans", hours: 'city', capacity: 55, traffic: 1.1, range: 0.6 },
  { code: 'STO-STRASBOURG-KLEBER', name: 'Strasbourg Kléber', insee: '67482', postcode: '67000', address: '5 place Kléber', hours: 'city', capacity: 55, traffic: 1.1, range: 0.6 },
  { code: 'STO-NICE-MASSENA', name: 'Nice Masséna', insee: '06088', postcode: '06000', address: '20 avenue Jean Médecin', hours: 'sundayMorning', capacity: 40, traffic: 1.0, range: 0.55, ownership: 'franchised', shipsWebOrders: true },
  { code: 'STO-MONTPELLIER-COMEDIE', name: 'Montpellier Comédie', insee: '34172', postcode: '34000', address: '3 rue de la Loge', hours: 'city', capacity: 45, traffic: 0.9, range: 0.55 },
  { code: 'STO-RENNES-COLOMBIER', name: 'Rennes Colombier', insee: '35238', postcode: '35000', address: 'Centre commercial Colombia, place du Colombier', hours: 'mall', capacity: 45, traffic: 0.9, range: 0.55 },
  { code: 'STO-GRENOBLE-GRAND-PLACE', name: "Grenoble Grand'Place", insee: '38185', postcode: '38100', address: "Centre commercial Grand'Place, 55 Grand'Place", hours: 'mall', capacity: 35, traffic: 0.8, range: 0.5, ownership: 'franchised' },
  { code: 'STO-DIJON-TOISON-DOR', name: "Dijon Toison d'Or", insee: '21231', postcode: '21000', address: "Centre commercial la Toison d'Or, route de Langres", hours: 'mall', capacity: 30, traffic: 0.7, range: 0.45, ownership: 'franchised', shipsWebOrders: true },
  { code: 'STO-ANGERS-LENEPVEU', name: 'Angers Lenepveu', insee: '49007', postcode: '49100', address: '15 rue Lenepveu', hours: 'franchise', capacity: 20, traffic: 0.6, range: 0.4, ownership: 'franchised', modes: ['takeaway', 'pickup', 'reserve'] },
  { code: 'STO-CLERMONT-JAUDE', name: 'Clermont-Ferrand Jaude', insee: '63113', postcode: '63000', address: 'Centre Jaude, 8 rue Giscard de la Tour Fondue', hours: 'mall', capacity: 30, traffic: 0.7, range: 0.45, ownership: 'franchised' },
  { code: 'STO-TOURS-NATIONALE', name: 'Tours Nationale', insee: '37261', postcode: '37000', address: '62 rue Nationale', hours: 'city', capacity: 35, traffic: 0.8, range: 0.5 },
  { code: 'STO-ROUEN-GROS-HORLOGE', name: 'Rouen Gros-Horloge', insee: '76540', postcode: '76000', address: '45 rue du Gros-Horloge', hours: 'city', capacity: 35, traffic: 0.8, range: 0.5 },
  { code: 'STO-REIMS-DROUET-D-ERLON', name: "Reims Drouet-d'Erlon", insee: '51454', postcode: '51100', address: "30 place Drouet-d'Erlon", hours: 'franchise', capacity: 20, traffic: 0.6, range: 0.4, ownership: 'franchised', modes: ['takeaway', 'pickup', 'reserve'] },
]

const storeModes = ['takeaway', 'pickup', 'reserve', 'delivery']

/**
 * Two warehouses and twenty stores (six franchised) in real towns. A store's `delivery` mode means it
 * sells for home delivery from a warehouse (endless aisle); parcels leave from warehouses only.
 */
export function buildNetwork(towns: Town[]): DemoLocation[] {
  const byInsee = new Map(towns.map((t) => [t.insee, t]))
  const communes = communesByCode()
  const build = (site: Site, kind: 'warehouse' | 'store'): DemoLocation => {
    const district = communes.get(site.insee)
    if (!district?.codesPostaux?.includes(site.postcode)) {
      throw new Error(`demo network: ${site.code} has postcode ${site.postcode} outside INSEE ${site.insee}`)
    }
    // Paris, Lyon and Marseille districts belong to their commune's town.
    const townCode = { '751': '75056', '693': '69123', '132': '13055' }[site.insee.slice(0, 3)] ?? site.insee
    const town = byInsee.get(townCode)
    if (!town) throw new Error(`demo network: no GeoNames town for INSEE ${townCode}`)
    const [lat, lon] = site.at ?? [town.lat, town.lon]
    return {
      kind,
      town,
      traffic: site.traffic ?? 0,
      range: site.range ?? 1,
      row: {
        id: newId('loc'),
        code: site.code,
        name: kind === 'store' ? `Maison Passerelle ${site.name}` : site.name,
        kind,
        ownership: site.ownership ?? 'owned',
        addressLine: site.address,
        postcode: site.postcode,
        city: town.name,
        country: 'FR',
        inseeCode: site.insee,
        lat,
        lon,
        timezone: 'Europe/Paris',
        openingHours: hours[site.hours],
        fulfilmentModes: kind === 'warehouse' ? ['delivery'] : (site.modes ?? storeModes),
        dailyPrepCapacity: site.capacity,
        shipFromStoreOptIn: site.shipsWebOrders ?? false,
        prepLeadMinutes: kind === 'warehouse' ? 240 : 120,
      },
    }
  }
  return [...warehouses.map((w) => build(w, 'warehouse')), ...stores.map((s) => build(s, 'store'))]
}
