// Regenerates the network's postcode-centroids.data.json from the French geography the demo uses (GeoNames
// coordinates, Etalab postcodes and populations): `npx tsx src/demo/postcode-centroids.generate.ts`.
import { writeFileSync } from 'node:fs'
import { loadFrenchTowns } from './geography.ts'

type Acc = { lat: number; lon: number; weight: number }
const add = (map: Map<string, Acc>, key: string, lat: number, lon: number, weight: number) => {
  const a = map.get(key) ?? { lat: 0, lon: 0, weight: 0 }
  a.lat += lat * weight
  a.lon += lon * weight
  a.weight += weight
  map.set(key, a)
}
const byPostcode = new Map<string, Acc>()
const byDepartment = new Map<string, Acc>()
for (const t of loadFrenchTowns()) {
  for (const pc of t.postcodes) add(byPostcode, pc, t.lat, t.lon, t.population)
  add(byDepartment, t.department, t.lat, t.lon, t.population)
}
const round = (a: Acc) => [
  Math.round((a.lat / a.weight) * 1000) / 1000,
  Math.round((a.lon / a.weight) * 1000) / 1000,
]
const out = {
  postcodes: Object.fromEntries([...byPostcode].sort().map(([k, a]) => [k, round(a)])),
  departments: Object.fromEntries([...byDepartment].sort().map(([k, a]) => [k, round(a)])),
}
const file = new URL('../network/postcode-centroids.data.json', import.meta.url)
writeFileSync(file, `${JSON.stringify(out)}\n`)
console.log(`${byPostcode.size} postcodes, ${byDepartment.size} departments`)
