import { describe, expect, it } from 'vitest'
import { buildCustomers } from '../demo/customers.ts'
import { loadFrenchTowns } from '../demo/geography.ts'
import { buildNetwork } from '../demo/network.ts'
import { createRandom } from '../demo/random.ts'
import { findDuplicates, type ProfileForMatching, similarity } from './duplicates.domain.ts'

const person = (over: Partial<ProfileForMatching> & { id: string }): ProfileForMatching => ({
  firstName: 'Hélène',
  lastName: 'Lefèvre',
  postcode: '69003',
  addressLine: '12 rue Paul Bert',
  email: null,
  phone: null,
  ...over,
})

describe('finding duplicate customers', () => {
  it('pairs the till profile and the web profile of one person, with the evidence', () => {
    const pairs = findDuplicates([
      person({ id: 'cus_a', phone: '+33612345678' }),
      person({
        id: 'cus_b',
        firstName: 'Helene',
        lastName: 'LEFEVRE',
        email: 'helene@example.fr',
        addressLine: '12, rue-Paul-Bert',
      }),
      person({ id: 'cus_c', firstName: 'Marc', email: 'marc@example.fr' }),
      person({ id: 'cus_d', postcode: '75011', email: 'h2@example.fr' }),
    ])
    expect(pairs).toHaveLength(1)
    expect(pairs[0]).toMatchObject({ ids: ['cus_a', 'cus_b'], score: 100 })
    expect(pairs[0]!.evidence.join(' | ')).toContain('accents and case')
    expect(pairs[0]!.evidence.join(' | ')).toContain('only a phone')
  })

  it('tolerates a typo in the first name but not another person of the same family', () => {
    const pairs = findDuplicates([
      person({ id: 'cus_1', firstName: 'Jonathan' }),
      person({ id: 'cus_2', firstName: 'Johnathan' }),
      person({ id: 'cus_3', firstName: 'Sophie' }),
    ])
    expect(pairs.map((p) => p.ids)).toEqual([['cus_1', 'cus_2']])
    expect(similarity('abc', 'abc')).toBe(1)
  })

  it('finds every customer the demo retailer registered twice', () => {
    const random = createRandom(1)
    const towns = loadFrenchTowns()
    const people = buildCustomers(random.fork('customers'), towns, buildNetwork(towns))
    people.forEach((p, i) => {
      p.row.id = `cus_${String(i).padStart(4, '0')}`
    })
    const expected = people
      .filter((p) => p.duplicateOf)
      .map((p) => [p.row.id!, p.duplicateOf!.row.id!].sort().join('+'))
    expect(expected).toHaveLength(12)
    const found = findDuplicates(
      people.map((p) => ({
        id: p.row.id!,
        firstName: p.row.firstName ?? '',
        lastName: p.row.lastName ?? '',
        postcode: p.row.postcode ?? '',
        addressLine: p.row.addressLine ?? '',
        email: p.row.email ?? null,
        phone: p.row.phone ?? null,
      })),
    ).map((p) => p.ids.join('+'))
    for (const pair of expected) expect(found).toContain(pair)
    // Few false alarms: namesakes living in the same postcode are rare.
    expect(found.length).toBeLessThanOrEqual(expected.length + 3)
  })
})
