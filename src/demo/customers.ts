import { toEan13 } from '../catalog/index.ts'
import type { customers } from '../customers/index.ts'
import { normalisePhone } from '../customers/index.ts'
import { distanceKm } from '../shared/geo.domain.ts'
import { emailDomains, firstNames, lastNames, streets } from './customers.data.ts'
import { type Town, townsWithin } from './geography.ts'
import type { DemoLocation } from './network.ts'
import type { Random } from './random.ts'

export type CustomerRow = typeof customers.$inferInsert & { id: string }

export interface DemoCustomer {
  /** The id is set when the customers are written in the order of their first purchase. */
  row: Omit<CustomerRow, 'id'> & { id?: string }
  homeStore: DemoLocation
  town: Town
  lat: number
  lon: number
  /** Relative number of orders: a few loyal shoppers, many occasional ones. */
  activity: number
  /** Also buys on the web, the app or by phone (needs an e-mail). */
  online: boolean
  /** The same person registered twice (different channel, spelling or contact). */
  duplicateOf?: DemoCustomer
}

const PERSONS = 388
const DUPLICATES = 12

/**
 * About 400 customers living near the stores, reachable by e-mail, phone or both, some with a loyalty
 * card, and a dozen (3 %) registered twice the way it happens in real life: once at a till with a
 * phone, once on the web with an e-mail, or with and without the accents of their name.
 */
export function buildCustomers(random: Random, towns: Town[], network: DemoLocation[]): DemoCustomer[] {
  const stores = network.filter((l) => l.kind === 'store')
  const catchments = new Map(stores.map((s) => [s.row.code, catchment(towns, s)]))
  const used = { emails: new Set<string>(), phones: new Set<string>(), cards: new Set<string>() }
  const people: DemoCustomer[] = []
  for (let i = 0; i < PERSONS; i++) {
    const homeStore = random.weighted(
      stores,
      stores.map((s) => s.traffic),
    )
    const area = catchments.get(homeStore.row.code)!
    const town = random.weighted(
      area,
      area.map((t) => Math.sqrt(t.population)),
    )
    const firstName = random.pick(firstNames)
    const lastName = random.pick(lastNames)
    const contact = random.weightedIndex([15, 20, 65])
    const phone = contact !== 1 ? uniquePhone(random, used.phones) : null
    const email = contact !== 0 ? uniqueEmail(random, firstName, lastName, used.emails) : null
    people.push({
      homeStore,
      town,
      lat: town.lat + (random.next() - 0.5) * 0.02,
      lon: town.lon + (random.next() - 0.5) * 0.03,
      activity: Math.min(25, 1 / (0.04 + random.next()) ** 0.8),
      online: email !== null && random.chance(0.75),
      row: {
        email,
        phone,
        loyaltyCard: random.chance(0.55) ? uniqueCard(random, used.cards) : null,
        firstName,
        lastName,
        addressLine: `${random.int(1, 148)} ${random.pick(streets)}`,
        postcode: random.pick(town.postcodes),
        city: town.name,
        country: 'FR',
      },
    })
  }
  return [...people, ...duplicates(random, people, used)]
}

/** Towns within 20 km of a store (30 km when few), nearest first. */
function catchment(towns: Town[], store: DemoLocation): Town[] {
  let area = townsWithin(towns, store.row, 20)
  if (area.length < 5) area = townsWithin(towns, store.row, 30)
  if (area.length === 0) area = [store.town]
  return area.sort((a, b) => distanceKm(a, store.row) - distanceKm(b, store.row))
}

function duplicates(
  random: Random,
  people: DemoCustomer[],
  used: { emails: Set<string>; phones: Set<string> },
): DemoCustomer[] {
  const candidates = random.shuffle(people.filter((p) => p.row.email && p.row.phone))
  const accented = candidates.filter((p) => stripAccents(p.row.firstName!) !== p.row.firstName)
  const chosen = [
    ...accented.slice(0, 4),
    ...candidates.filter((p) => !accented.slice(0, 4).includes(p)),
  ].slice(0, DUPLICATES)
  return chosen.map((original, i) => {
    const first = original.row.firstName!
    const last = original.row.lastName!
    const copy: DemoCustomer = {
      ...original,
      activity: original.activity / 2,
      online: true,
      duplicateOf: original,
      row: { ...original.row, loyaltyCard: null, phone: null },
    }
    if (i < 4) {
      // "Hélène" at the till, "Helene" on the web: same address, another e-mail.
      copy.row.firstName = stripAccents(first)
      copy.row.email = uniqueEmail(random, copy.row.firstName, last, used.emails)
    } else if (i < 8) {
      // One profile with only the phone (store), one with only the e-mail (web).
      copy.row.email = original.row.email
      original.row.email = null
      original.online = false
    } else {
      // Typed again by a call-centre agent: capitals, comma and hyphens in the address.
      copy.row.lastName = last.toUpperCase()
      copy.row.addressLine = original.row.addressLine!.replace(/^(\d+) (.*)$/, (_, n, s: string) =>
        `${n}, ${s.replaceAll(' ', '-')}`.replace('-', ' '),
      )
      copy.row.email = uniqueEmail(random, first, last, used.emails)
    }
    return copy
  })
}

export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '')
}

function uniqueEmail(random: Random, first: string, last: string, used: Set<string>): string {
  const f = stripAccents(first)
    .toLowerCase()
    .replace(/[^a-z]/g, '')
  const l = stripAccents(last)
    .toLowerCase()
    .replace(/[^a-z]/g, '')
  for (let attempt = 0; ; attempt++) {
    const pattern = random.int(0, 4)
    const local = [`${f}.${l}`, `${f[0]}.${l}`, `${f}${l}`, `${l}.${f}`, `${f}.${l}${random.int(1, 99)}`][
      pattern
    ]!
    const email = `${attempt > 3 ? `${local}${random.int(100, 999)}` : local}@${random.pick(emailDomains)}`
    if (!used.has(email)) {
      used.add(email)
      return email
    }
  }
}

function uniquePhone(random: Random, used: Set<string>): string {
  for (;;) {
    // French mobiles: 06 and 07 3–9, written E.164.
    const phone = random.chance(0.7)
      ? `+336${String(random.int(0, 99_999_999)).padStart(8, '0')}`
      : `+337${random.int(3, 9)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`
    // 0639 and 069x are overseas numbers: keep only what the customer directory accepts as French.
    if (!used.has(phone) && normalisePhone(phone) === phone) {
      used.add(phone)
      return phone
    }
  }
}

/** Loyalty cards carry a 13-digit in-store barcode (EAN-13 with a restricted-circulation prefix 2). */
function uniqueCard(random: Random, used: Set<string>): string {
  for (;;) {
    const card = toEan13(`2990${String(random.int(0, 99_999_999)).padStart(8, '0')}`)
    if (!used.has(card)) {
      used.add(card)
      return card
    }
  }
}
