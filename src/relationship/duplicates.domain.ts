import { distance } from 'fastest-levenshtein'
import { searchKey } from '../customers/index.ts'

export interface ProfileForMatching {
  id: string
  firstName: string
  lastName: string
  postcode: string
  addressLine: string
  email: string | null
  phone: string | null
}

export interface DuplicatePair {
  ids: [string, string]
  /** 0–100: how sure the rules are that the two profiles are one person. */
  score: number
  evidence: string[]
}

/** 1 for equal strings, 0 for nothing in common (edit distance over the longer length). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 1 : 1 - distance(a, b) / longest
}

/** An address as compared: accents, case, punctuation and the usual abbreviations ignored. */
export function addressKey(raw: string): string {
  return searchKey(raw)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(bd)\b/g, 'boulevard')
    .replace(/\b(av)\b/g, 'avenue')
    .replace(/\s+/g, ' ')
    .trim()
}

const emailLocal = (e: string | null) => (e ? searchKey(e.split('@')[0]!).replace(/[^a-z]/g, '') : '')

/**
 * Likely duplicates, with the evidence for each. E-mails and phones are unique, so two profiles of
 * one person differ in them (the till took the phone, the web shop the e-mail); what they share is
 * the person: the same last name and postcode (compared accents and case aside), a first name
 * within a typo or an accent, and often the same street address. Profiles are only compared inside
 * a block of the same last name and postcode, which keeps 100,000 customers to a few seconds.
 *
 * Score: 50 for last name + postcode, up to 30 for the first name, 15 for the same address, 5 when
 * one has only a phone and the other only an e-mail (the usual store/web split); pairs under 70 are
 * not listed.
 */
export function findDuplicates(profiles: ProfileForMatching[], minScore = 70): DuplicatePair[] {
  const blocks = new Map<string, ProfileForMatching[]>()
  for (const p of profiles) {
    const last = searchKey(p.lastName)
    if (!last || !p.postcode) continue
    const key = `${last}|${p.postcode.replace(/\s/g, '')}`
    const block = blocks.get(key)
    if (block) block.push(p)
    else blocks.set(key, [p])
  }
  const pairs: DuplicatePair[] = []
  for (const block of blocks.values()) {
    if (block.length < 2) continue
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const pair = compare(block[i]!, block[j]!)
        if (pair.score >= minScore) pairs.push(pair)
      }
    }
  }
  return pairs.sort((a, b) => b.score - a.score || a.ids[0].localeCompare(b.ids[0]))
}

function compare(a: ProfileForMatching, b: ProfileForMatching): DuplicatePair {
  const evidence = [`same last name (${a.lastName} / ${b.lastName}) and postcode ${a.postcode}`]
  let score = 50
  const firstA = searchKey(a.firstName)
  const firstB = searchKey(b.firstName)
  const first = similarity(firstA, firstB)
  let sameFirstName = true
  if (first === 1) {
    score += 30
    evidence.push(
      a.firstName === b.firstName
        ? `same first name ${a.firstName}`
        : `same first name once accents and case are set aside (${a.firstName} / ${b.firstName})`,
    )
  } else if (first >= 0.8) {
    score += 20
    evidence.push(`first names one typo apart (${a.firstName} / ${b.firstName})`)
  } else if (firstA && firstB && (firstA.startsWith(firstB) || firstB.startsWith(firstA))) {
    score += 10
    evidence.push(`one first name is short for the other (${a.firstName} / ${b.firstName})`)
  } else {
    sameFirstName = false
  }
  const addrA = addressKey(a.addressLine)
  const addrB = addressKey(b.addressLine)
  if (addrA && addrB && similarity(addrA, addrB) >= 0.85) {
    score += 15
    evidence.push(`same address (${a.addressLine} / ${b.addressLine})`)
  }
  // Another first name at the same address is family, not a duplicate, whatever else they share.
  if (!sameFirstName) return { ids: orderIds(a, b), score: Math.min(score, 65), evidence }
  const split = (x: ProfileForMatching, y: ProfileForMatching) => x.phone && !x.email && y.email && !y.phone
  if (split(a, b) || split(b, a)) {
    score += 5
    evidence.push('one profile has only a phone, the other only an e-mail')
  } else if (a.email && b.email && emailLocal(a.email) === emailLocal(b.email)) {
    score += 5
    evidence.push('e-mail addresses with the same name part')
  }
  return { ids: orderIds(a, b), score: Math.min(100, score), evidence }
}

const orderIds = (a: { id: string }, b: { id: string }): [string, string] =>
  a.id < b.id ? [a.id, b.id] : [b.id, a.id]
