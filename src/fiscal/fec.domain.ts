import type { Totals } from './fiscal.domain.ts'

/**
 * The accountant's export: the Fichier des Écritures Comptables of art. A47 A-1 of the Livre des
 * procédures fiscales, 18 columns separated by tabs, amounts with a decimal comma, dates YYYYMMDD.
 * One balanced entry per daily closing of a register (tenders received against sales per VAT rate and
 * the VAT collected; returns on the other side), one per cash movement, and one per invoice or credit
 * note to a business customer, in a sales journal of its own (VF).
 */
export const fecColumns = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const

export interface Accounts {
  /** Sales (comptes 707) and VAT collected (44571) per rate in basis points. */
  salesByRate: Record<number, string>
  vatByRate: Record<number, string>
  /** Where each tender lands: cash, cards to collect, gift cards and credit notes as liabilities. */
  tenders: Record<string, string>
  /** Cash taken to or brought from the bank (virements internes). */
  transfers: string
  /** Business customers (clients, 411…): invoices debit it, credit notes credit it. Absent: 411000. */
  customers?: string
  /** Anything not mapped above. */
  suspense: string
  labels: Record<string, string>
}

/** The default chart (plan comptable général); a retailer's accountant may map other numbers. */
export const defaultAccounts: Accounts = {
  salesByRate: { 2000: '707100', 1000: '707200', 550: '707300', 210: '707400' },
  vatByRate: { 2000: '445711', 1000: '445712', 550: '445713', 210: '445714' },
  tenders: {
    cash: '530000',
    card: '511200',
    gift_card: '419100',
    store_credit: '419200',
    voucher: '419300',
    loyalty: '419400',
  },
  transfers: '580000',
  suspense: '471000',
  customers: '411000',
  labels: {
    '411000': 'Clients',
    '530000': 'Caisse',
    '511200': 'Cartes bancaires à encaisser',
    '419100': 'Cartes cadeaux',
    '419200': 'Avoirs clients',
    '419300': 'Bons d’achat',
    '419400': 'Points de fidélité',
    '580000': 'Virements internes',
    '471000': 'Compte d’attente',
  },
}

const accountPattern = /^[1-8][0-9A-Z]{2,19}$/

/**
 * Why a chart cannot be used, or null: every account a class 1 to 8 number of 3 to 20 characters
 * (digits and capitals, as the FEC's CompteNum), sales accounts in class 7, VAT in 4457, and the
 * standard tenders mapped.
 */
export function accountsProblem(a: Accounts): { field: string; message: string } | null {
  const all: Array<[string, string]> = [
    ...Object.entries(a.salesByRate).map(([k, v]): [string, string] => [`salesByRate/${k}`, v]),
    ...Object.entries(a.vatByRate).map(([k, v]): [string, string] => [`vatByRate/${k}`, v]),
    ...Object.entries(a.tenders).map(([k, v]): [string, string] => [`tenders/${k}`, v]),
    ['transfers', a.transfers],
    ['suspense', a.suspense],
    ...(a.customers === undefined ? [] : [['customers', a.customers] as [string, string]]),
  ]
  for (const [field, account] of all) {
    if (!accountPattern.test(account)) {
      return {
        field,
        message: `${account} is not an account number (3 to 20 digits or capitals, class 1 to 8)`,
      }
    }
  }
  for (const rate of [...Object.keys(a.salesByRate), ...Object.keys(a.vatByRate)]) {
    if (!/^\d{1,4}$/.test(rate))
      return { field: `salesByRate/${rate}`, message: `${rate} is not a rate in basis points` }
  }
  for (const [rate, account] of Object.entries(a.salesByRate)) {
    if (!account.startsWith('7'))
      return { field: `salesByRate/${rate}`, message: `${account} is not a sales account (class 7)` }
    if (!a.vatByRate[Number(rate)])
      return { field: `vatByRate/${rate}`, message: `rate ${rate} has sales but no VAT account` }
  }
  for (const [rate, account] of Object.entries(a.vatByRate)) {
    if (!account.startsWith('4457')) {
      return { field: `vatByRate/${rate}`, message: `${account} is not a VAT collected account (4457…)` }
    }
  }
  if (!a.tenders.cash) return { field: 'tenders/cash', message: 'cash needs an account' }
  if (a.customers !== undefined && !a.customers.startsWith('41')) {
    return { field: 'customers', message: `${a.customers} is not a customers account (411…)` }
  }
  return null
}

export interface FecLine {
  journal: 'VE' | 'CA' | 'VF'
  entry: string
  date: string
  account: string
  label: string
  piece: string
  text: string
  debitCents: number
  creditCents: number
  validDate: string
  /** The customer's auxiliary account (CompAuxNum) and name (CompAuxLib), on a customer line. */
  aux?: { num: string; label: string }
}

const label = (accounts: Accounts, account: string, fallback: string) => accounts.labels[account] ?? fallback

/** A line on the debit side when positive, the credit side when negative (and the other way round). */
function sided(cents: number, debitWhenPositive: boolean) {
  const debit = debitWhenPositive ? cents : -cents
  return debit >= 0 ? { debitCents: debit, creditCents: 0 } : { debitCents: 0, creditCents: -debit }
}

/** The entry of one daily closing: tenders on one side, sales and VAT per rate on the other. */
export function closingEntry(
  c: { register_code: string; period: string; recorded_at: string; totals: Totals },
  accounts: Accounts = defaultAccounts,
): FecLine[] {
  const date = c.period.replaceAll('-', '')
  const base = {
    journal: 'VE' as const,
    entry: `VE-${c.register_code}-${date}`,
    date,
    piece: `Z-${c.register_code}-${date}`,
    text: `Clôture journalière caisse ${c.register_code} ${c.period}`,
    validDate: c.recorded_at.slice(0, 10).replaceAll('-', ''),
  }
  const lines: FecLine[] = []
  for (const t of c.totals.tenders) {
    if (t.amount_cents === 0) continue
    const account = accounts.tenders[t.method] ?? accounts.suspense
    lines.push({
      ...base,
      account,
      label: label(accounts, account, t.method),
      ...sided(t.amount_cents, true),
    })
  }
  for (const v of c.totals.vat) {
    const sales = accounts.salesByRate[v.rate_bp] ?? accounts.suspense
    const vat = accounts.vatByRate[v.rate_bp] ?? accounts.suspense
    const pct = `${v.rate_bp / 100} %`.replace('.', ',')
    if (v.base_cents !== 0) {
      lines.push({ ...base, account: sales, label: `Ventes TVA ${pct}`, ...sided(v.base_cents, false) })
    }
    if (v.vat_cents !== 0) {
      lines.push({ ...base, account: vat, label: `TVA collectée ${pct}`, ...sided(v.vat_cents, false) })
    }
  }
  return lines
}

/** A cash movement: the drawer against internal transfers. */
export function cashEntry(
  m: {
    register_code: string
    seq: number
    kind: 'cash_in' | 'cash_out'
    amount_cents: number
    reason: string
    date: string
    recorded_at: string
  },
  accounts: Accounts = defaultAccounts,
): FecLine[] {
  const date = m.date.replaceAll('-', '')
  const base = {
    journal: 'CA' as const,
    entry: `CA-${m.register_code}-${m.seq}`,
    date,
    piece: `JET-${m.register_code}-${m.seq}`,
    text: `${m.kind === 'cash_in' ? 'Entrée' : 'Sortie'} d’espèces : ${m.reason}`,
    validDate: m.recorded_at.slice(0, 10).replaceAll('-', ''),
  }
  const cash = accounts.tenders.cash ?? accounts.suspense
  const into = m.kind === 'cash_in' ? m.amount_cents : -m.amount_cents
  return [
    { ...base, account: cash, label: label(accounts, cash, 'Caisse'), ...sided(into, true) },
    {
      ...base,
      account: accounts.transfers,
      label: label(accounts, accounts.transfers, 'Virements internes'),
      ...sided(into, false),
    },
  ]
}

/** An invoice or a credit note to a business customer, as the FEC books it. */
export interface LedgerInvoice {
  kind: 'invoice' | 'credit_note'
  /** F2026-000001: the PieceRef. */
  number: string
  /** YYYY-MM-DD. */
  issueDate: string
  /** The customer's own account (CompAuxNum) and legal name. */
  customer: { account: string; name: string }
  vat: Array<{ rateBp: number; basisCents: number; vatCents: number }>
  totalCents: number
}

/**
 * The entry of one invoice in the sales journal VF: the customer (411) debited with the total, sales
 * (707) and VAT collected (4457) credited per rate; a credit note the other way round. Balanced as
 * the invoice is: its total is the sum of its bases and VAT per rate.
 */
export function invoiceEntry(inv: LedgerInvoice, accounts: Accounts = defaultAccounts): FecLine[] {
  const date = inv.issueDate.replaceAll('-', '')
  const credit = inv.kind === 'credit_note'
  const base = {
    journal: 'VF' as const,
    entry: `VF-${inv.number}`,
    date,
    piece: inv.number,
    text: `${credit ? 'Avoir' : 'Facture'} ${inv.number} ${inv.customer.name}`,
    validDate: date,
  }
  const customers = accounts.customers ?? '411000'
  const lines: FecLine[] = [
    {
      ...base,
      account: customers,
      label: label(accounts, customers, 'Clients'),
      aux: { num: inv.customer.account, label: inv.customer.name },
      ...sided(inv.totalCents, !credit),
    },
  ]
  for (const v of inv.vat) {
    const sales = accounts.salesByRate[v.rateBp] ?? accounts.suspense
    const vat = accounts.vatByRate[v.rateBp] ?? accounts.suspense
    const pct = `${v.rateBp / 100} %`.replace('.', ',')
    if (v.basisCents !== 0) {
      lines.push({ ...base, account: sales, label: `Ventes TVA ${pct}`, ...sided(v.basisCents, credit) })
    }
    if (v.vatCents !== 0) {
      lines.push({ ...base, account: vat, label: `TVA collectée ${pct}`, ...sided(v.vatCents, credit) })
    }
  }
  return lines
}

const amount = (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`
const field = (s: string) => s.replace(/[\t\r\n|]/g, ' ')

/** The file: the header, then one line per entry line, tab-separated, CRLF-free. */
export function fecFile(lines: FecLine[]): string {
  const journalLabel = { VE: 'Ventes caisse', CA: 'Mouvements de caisse', VF: 'Ventes sur factures' }
  const rows = lines.map((l) =>
    [
      l.journal,
      journalLabel[l.journal],
      l.entry,
      l.date,
      l.account,
      field(l.label),
      l.aux ? field(l.aux.num) : '',
      l.aux ? field(l.aux.label) : '',
      l.piece,
      l.date,
      field(l.text),
      amount(l.debitCents),
      amount(l.creditCents),
      '',
      '',
      l.validDate,
      '',
      '',
    ].join('\t'),
  )
  return `${[fecColumns.join('\t'), ...rows].join('\n')}\n`
}

/** Debit minus credit of each entry: every value is 0 in a balanced export. */
export function imbalances(lines: FecLine[]): Map<string, number> {
  const byEntry = new Map<string, number>()
  for (const l of lines) byEntry.set(l.entry, (byEntry.get(l.entry) ?? 0) + l.debitCents - l.creditCents)
  return byEntry
}
