import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { getLocation } from '../network/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { type Accounts, accountsProblem, defaultAccounts } from './fec.domain.ts'
import { conflict } from './fiscal.errors.ts'

/** The company's legal identity, as receipts print it. */
export interface Company {
  name: string
  legal_form: string
  share_capital_cents: number | null
  address: string
  siren: string
  vat_number: string
  rcs: string | null
}

/** SIREN: 9 digits whose Luhn sum is a multiple of 10 (La Poste's SIREN 356000000 is the one exception). */
export function validSiren(siren: string): boolean {
  if (!/^\d{9}$/.test(siren)) return false
  if (siren === '356000000') return true
  return luhn(siren)
}

/** SIRET: the SIREN and a 5-digit establishment number, Luhn over the 14 digits (La Poste: digit sum % 5). */
export function validSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false
  if (siret.startsWith('356000000')) return [...siret].reduce((s, d) => s + Number(d), 0) % 5 === 0
  return luhn(siret)
}

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** A SIRET of the company: its SIREN, a 4-digit establishment number and the Luhn check digit. */
export function siretOf(siren: string, establishment: number): string {
  const base = `${siren}${String(establishment).padStart(4, '0')}`
  for (let d = 0; d <= 9; d++) if (luhn(`${base}${d}`)) return `${base}${d}`
  throw new Error('unreachable: one check digit always fits')
}

/** A SIREN from 8 digits and the Luhn check digit. */
export function sirenOf(eightDigits: string): string {
  for (let d = 0; d <= 9; d++) if (luhn(`${eightDigits}${d}`)) return `${eightDigits}${d}`
  throw new Error('unreachable: one check digit always fits')
}

/** The French intra-community VAT number of a SIREN: FR, a 2-digit key, the SIREN. */
export function vatNumberOf(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97
  return `FR${String(key).padStart(2, '0')}${siren}`
}

export async function getCompany(q: Executor): Promise<Company | null> {
  const [c] = await rows<Company>(
    q,
    sql`SELECT name, legal_form, share_capital_cents, address, siren, vat_number, rcs
        FROM fiscal_company WHERE id = 'company'`,
  )
  return c ?? null
}

/** Head office sets the company's legal mentions; the SIREN and VAT number are checked. */
export async function putCompany(tx: Tx, actor: Actor, c: Company) {
  if (actor.role !== 'admin') throw forbidden("Head office sets the company's legal mentions.")
  if (!validSiren(c.siren))
    throw invalidInput('siren', `${c.siren} is not a valid SIREN (9 digits, Luhn key)`)
  if (c.vat_number !== vatNumberOf(c.siren)) {
    throw invalidInput('vat_number', `the VAT number of SIREN ${c.siren} is ${vatNumberOf(c.siren)}`)
  }
  await tx.execute(
    sql`INSERT INTO fiscal_company (id, name, legal_form, share_capital_cents, address, siren, vat_number, rcs)
        VALUES ('company', ${c.name}, ${c.legal_form}, ${c.share_capital_cents}, ${c.address}, ${c.siren},
          ${c.vat_number}, ${c.rcs})
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, legal_form = EXCLUDED.legal_form,
          share_capital_cents = EXCLUDED.share_capital_cents, address = EXCLUDED.address,
          siren = EXCLUDED.siren, vat_number = EXCLUDED.vat_number, rcs = EXCLUDED.rcs, updated_at = now()`,
  )
  return (await getCompany(tx))!
}

/** A store's legal mentions: its SIRET (an establishment of the company) and the address printed. */
export async function putStoreLegal(
  tx: Tx,
  actor: Actor,
  storeId: string,
  body: { siret: string; address?: string | null },
) {
  if (actor.role !== 'admin') throw forbidden("Head office sets a store's legal mentions.")
  const store = await getLocation(tx, storeId)
  if (store.kind === 'warehouse') throw invalidInput('id', `${storeId} is a warehouse, not a store`)
  if (!validSiret(body.siret))
    throw invalidInput('siret', `${body.siret} is not a valid SIRET (14 digits, Luhn key)`)
  await tx.execute(
    sql`INSERT INTO fiscal_store (store_id, siret, address) VALUES (${store.id}, ${body.siret}, ${body.address ?? null})
        ON CONFLICT (store_id) DO UPDATE SET siret = EXCLUDED.siret, address = EXCLUDED.address, updated_at = now()`,
  )
  return storeLegal(tx, store.id)
}

export async function storeLegal(q: Executor, storeId: string) {
  const store = await getLocation(q, storeId)
  const [s] = await rows<{ siret: string | null; address: string | null }>(
    q,
    sql`SELECT siret, address FROM fiscal_store WHERE store_id = ${store.id}`,
  )
  const address =
    s?.address ?? [store.addressLine, `${store.postcode} ${store.city}`.trim()].filter(Boolean).join(', ')
  return { store_id: store.id, code: store.code, name: store.name, siret: s?.siret ?? null, address }
}

/** The accountant's chart the FEC is written on: the company's, or the default chart. */
export async function fecAccounts(q: Executor): Promise<Accounts> {
  const [row] = await rows<{ fec_accounts: Accounts | null }>(
    q,
    sql`SELECT fec_accounts FROM fiscal_company WHERE id = 'company'`,
  )
  return row?.fec_accounts ?? defaultAccounts
}

/** Head office maps the FEC's accounts; every account is checked, the whole chart replaced at once. */
export async function putFecAccounts(tx: Tx, actor: Actor, accounts: Accounts) {
  if (actor.role !== 'admin') throw forbidden("Head office sets the accountant's chart.")
  const problem = accountsProblem(accounts)
  if (problem) throw invalidInput(problem.field, problem.message)
  const [row] = await rows<{ id: string }>(
    tx,
    sql`UPDATE fiscal_company SET fec_accounts = ${JSON.stringify(accounts)}::jsonb, updated_at = now()
        WHERE id = 'company' RETURNING id`,
  )
  if (!row) {
    throw conflict('company_not_configured', "Set the company's legal mentions (PUT /fiscal/company) first.")
  }
  return accounts
}
