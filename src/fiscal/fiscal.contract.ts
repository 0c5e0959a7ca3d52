import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable } from '../http/schemas.ts'
import { cashMovementKinds, tillJournalKinds } from './fiscal.domain.ts'
import { closingKinds } from './fiscal.schema.ts'

const Cents = Type.Integer()

export const RegisterIn = Type.Object(
  {
    store_id: Id('Store, id or code.'),
    code: Type.String({ minLength: 1, maxLength: 32, description: 'Short name on tickets, e.g. CAISSE-1.' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  },
  { additionalProperties: false },
)

export const Register = Type.Object({
  id: Type.String(),
  store_id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  timezone: Type.String(),
  open_session_id: Nullable(Type.String()),
  training: Type.Boolean({ description: 'The open session is a training session.' }),
  closed_through: Nullable(Type.String({ description: 'The last business day closed (YYYY-MM-DD).' })),
  last_ticket_seq: Type.Integer(),
  last_ticket_hash: Type.String(),
})

export const RegisterParams = Type.Object({ id: Id('Register, id or code') })
export const StoreParams = Type.Object({ id: Id('Store, id or code') })
export const SessionParams = Type.Object({ id: Id('Cash session id') })
export const TicketParams = Type.Object({ id: Id('Register, id or code'), seq: Type.Integer({ minimum: 1 }) })

export const StoreSettingsIn = Type.Object(
  {
    variance_threshold_cents: Type.Integer({
      minimum: 0,
      description:
        'Cash variance (either way) a cashier may close with; above it a manager closes with a reason.',
    }),
  },
  { additionalProperties: false },
)
export const StoreSettings = Type.Object({ store_id: Type.String(), variance_threshold_cents: Cents })

export const OpenIn = Type.Object(
  {
    float_cents: Type.Integer({
      minimum: 0,
      description: 'The float counted into the drawer (fond de caisse).',
    }),
    training: Type.Optional(
      Type.Boolean({
        description:
          'Open a training session (mode formation): its tickets are marked as training and count in no total; real sales are refused on it.',
      }),
    ),
  },
  { additionalProperties: false },
)

export const CashIn = Type.Object(
  {
    kind: Type.Union(cashMovementKinds.map((k) => Type.Literal(k))),
    amount_cents: Type.Integer({ minimum: 1 }),
    reason: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Bank deposit, petty cash, change delivery…',
    }),
  },
  { additionalProperties: false },
)

export const CloseIn = Type.Object(
  {
    counts: Type.Array(
      Type.Object(
        { method: Type.String({ minLength: 1, maxLength: 32 }), counted_cents: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
      {
        maxItems: 20,
        description: 'What was counted per tender: the drawer for cash, the terminal total for cards.',
      },
    ),
    variance_reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
)

const Tender = Type.Object({ method: Type.String(), amount_cents: Cents })
const VatRow = Type.Object({
  rate_bp: Type.Integer(),
  base_cents: Cents,
  vat_cents: Cents,
  total_cents: Cents,
})

export const Totals = Type.Object({
  tickets: Type.Integer(),
  sales_count: Type.Integer(),
  sales_cents: Cents,
  returns_count: Type.Integer(),
  returns_cents: Cents,
  net_cents: Cents,
  total_abs_cents: Cents,
  discounts_cents: Cents,
  vat: Type.Array(VatRow),
  tenders: Type.Array(Tender),
  duplicates: Type.Integer(),
})

const TenderCount = Type.Object({
  method: Type.String(),
  expected_cents: Cents,
  counted_cents: Nullable(Cents),
  variance_cents: Nullable(Cents),
})

export const SessionReport = Type.Object({
  report: Type.Union([Type.Literal('X'), Type.Literal('Z')]),
  session_id: Type.String(),
  register_id: Type.String(),
  register_code: Type.String(),
  store_id: Type.String(),
  timezone: Type.String({
    description: "The store's IANA time zone: the printed report shows its times in it.",
  }),
  opened_at: Type.String(),
  closed_at: Nullable(Type.String()),
  automatic: Type.Boolean(),
  training: Type.Boolean(),
  training_tickets: Type.Integer({ description: 'Training tickets rung up (counted in no total).' }),
  float_cents: Cents,
  first_ticket_seq: Nullable(Type.Integer()),
  last_ticket_seq: Nullable(Type.Integer()),
  totals: Totals,
  cash_movements: Type.Array(
    Type.Object({
      kind: Type.String(),
      amount_cents: Cents,
      reason: Type.String(),
      recorded_at: Type.String(),
    }),
  ),
  cash_in_cents: Cents,
  cash_out_cents: Cents,
  expected: Type.Array(Tender),
  counts: Nullable(Type.Array(TenderCount)),
  variance_reason: Nullable(Type.String()),
})

export const ReportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('80mm'), Type.Literal('a4')])),
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
})

const TicketLine = Type.Object({
  sku: Type.String(),
  name: Type.String(),
  quantity: Type.Integer(),
  unit_price_cents: Cents,
  discount_cents: Cents,
  total_cents: Cents,
  vat_rate_bp: Type.Integer(),
  vat_cents: Cents,
})

export const Ticket = Type.Object({
  kind: Type.String(),
  register_id: Type.String(),
  store_id: Type.String(),
  session_id: Type.String(),
  seq: Type.Integer(),
  business_date: Type.String(),
  recorded_at: Type.String(),
  actor: Type.String(),
  order_id: Type.Optional(Type.String()),
  order_number: Type.Optional(Type.Integer()),
  return_id: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  training: Type.Optional(Type.Boolean()),
  lines: Type.Optional(Type.Array(TicketLine)),
  tenders: Type.Optional(Type.Array(Tender)),
  total_cents: Cents,
  vat_cents: Type.Optional(Cents),
  discount_cents: Type.Optional(Cents),
  original_seq: Type.Optional(Type.Integer()),
  copy: Type.Optional(Type.Integer()),
  offline_sold_at: Type.Optional(
    Type.String({ description: 'A sale the till made offline: when, recorded when it came back.' }),
  ),
  offline_ticket: Type.Optional(Type.String({ description: 'The ticket number the till printed offline.' })),
  hash: Type.Optional(Type.String()),
  prev_hash: Type.Optional(Type.String()),
  duplicata: Type.Optional(
    Type.Object({
      copy: Type.Integer(),
      seq: Type.Integer(),
      recorded_at: Type.String(),
      hash: Type.String(),
    }),
  ),
})

export const TicketsQuery = Type.Object({
  after_seq: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
})

export const JournalQuery = Type.Object({
  order: Type.Optional(
    Type.Union([Type.Literal('oldest_first'), Type.Literal('newest_first')], {
      description:
        'oldest_first (the default) reads the journal in sequence from its first entry; newest_first from its last, ' +
        'as someone checking what happened today reads it.',
    }),
  ),
  after_seq: Type.Optional(Type.Integer({ minimum: 0, description: 'Only the entries after this one.' })),
  before_seq: Type.Optional(
    Type.Integer({
      minimum: 1,
      description: 'Only the entries before this one (the next page, newest first).',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
})

export const ClosingIn = Type.Object(
  {
    kind: Type.Union(closingKinds.map((k) => Type.Literal(k))),
    period: Type.String({ description: 'YYYY-MM-DD for a day, YYYY-MM for a month, YYYY for a year.' }),
  },
  { additionalProperties: false },
)

export const Closing = Type.Object({
  kind: Type.String(),
  register_id: Type.String(),
  store_id: Type.String(),
  seq: Type.Integer(),
  period: Type.String(),
  recorded_at: Type.String(),
  actor: Type.String(),
  automatic: Type.Boolean(),
  from_ticket_seq: Type.Optional(Type.Integer()),
  to_ticket_seq: Type.Optional(Type.Integer()),
  totals: Totals,
  total_cents: Cents,
  grand_total_cents: Cents,
  grand_total_net_cents: Cents,
  key_id: Type.String(),
  hash: Type.String(),
  prev_hash: Type.String(),
  signature: Nullable(Type.String()),
})

export const ClosingsQuery = Type.Object({
  kind: Type.Optional(Type.Union(closingKinds.map((k) => Type.Literal(k)))),
})

export const VerifyQuery = Type.Object({ register: Type.Optional(Id('Only this register, id or code')) })

export const Verification = Type.Object({
  ok: Type.Boolean(),
  registers: Type.Integer(),
  records: Type.Integer(),
  broken: Type.Array(
    Type.Object({
      chain: Type.String(),
      register_id: Type.String(),
      seq: Type.Integer(),
      reason: Type.String(),
    }),
  ),
})

export const JournalEntry = Type.Object(
  {
    kind: Type.String(),
    register_id: Type.String(),
    seq: Type.Integer(),
    recorded_at: Type.String(),
    actor: Type.String(),
    session_id: Type.Optional(Nullable(Type.String())),
    amount_cents: Type.Optional(Nullable(Type.Integer())),
    hash: Type.String(),
    prev_hash: Type.String(),
  },
  { additionalProperties: true, description: 'A journal (JET) entry: its hashed content, with its hashes.' },
)

export const PublicKey = Type.Object({
  key_id: Type.String(),
  algorithm: Type.String(),
  public_key: Type.String(),
})

export const ArchiveParams = Type.Object({
  period: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }),
})

export const ArchiveFile = Type.Object(
  {
    format: Type.String(),
    period: Type.String(),
    archive_hash: Type.String(),
    signature: Type.String(),
  },
  {
    additionalProperties: true,
    description: 'The self-contained archive: check it with `passerelle fiscal verify-archive FILE`.',
  },
)

export const FecQuery = Type.Object({
  from: Type.String({ description: 'First business day, YYYY-MM-DD.' }),
  to: Type.String({ description: 'Last business day, YYYY-MM-DD.' }),
})

const Siren = Type.String({ pattern: '^[0-9]{9}$', description: 'SIREN: 9 digits.' })

export const CompanyIn = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120, description: 'Raison sociale.' }),
    legal_form: Type.String({ minLength: 1, maxLength: 60, description: 'SAS, SARL, SA…' }),
    share_capital_cents: Nullable(Type.Integer({ minimum: 0 })),
    address: Type.String({ minLength: 1, maxLength: 300, description: 'Registered office.' }),
    siren: Siren,
    vat_number: Type.String({
      pattern: '^FR[0-9A-Z]{2}[0-9]{9}$',
      description: 'Intra-community VAT number.',
    }),
    rcs: Nullable(
      Type.String({ maxLength: 80, description: 'RCS registration, e.g. RCS Lyon 552 081 317.' }),
    ),
  },
  { additionalProperties: false },
)
export const Company = CompanyIn

export const StoreLegalIn = Type.Object(
  {
    siret: Type.String({ pattern: '^[0-9]{14}$', description: "The store's SIRET: SIREN and 5-digit NIC." }),
    address: Type.Optional(
      Nullable(
        Type.String({
          minLength: 1,
          maxLength: 300,
          description: "Printed on receipts; absent: the store's address in the network.",
        }),
      ),
    ),
  },
  { additionalProperties: false },
)
export const StoreLegal = Type.Object({
  store_id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  siret: Nullable(Type.String()),
  address: Type.String(),
})

const AccountNo = Type.String({ minLength: 3, maxLength: 20, description: 'CompteNum: digits and capitals.' })
const ByRate = Type.Record(Type.String({ pattern: '^[0-9]{1,4}$' }), AccountNo, {
  description: 'Per VAT rate in basis points (2000 for 20 %).',
})
export const FecAccounts = Type.Object(
  {
    salesByRate: ByRate,
    vatByRate: ByRate,
    tenders: Type.Record(Type.String({ pattern: '^[a-z_]{1,32}$' }), AccountNo, {
      description: 'Per tender: cash, card, gift_card, store_credit, voucher, loyalty…',
    }),
    transfers: AccountNo,
    suspense: AccountNo,
    customers: Type.Optional({
      ...AccountNo,
      description: 'Business customers (411…), debited by invoices; absent: 411000.',
    }),
    labels: Type.Optional(Type.Record(Type.String({ maxLength: 20 }), Type.String({ maxLength: 120 }))),
  },
  { additionalProperties: false },
)

export const ReceiptQuery = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
})

export const Receipt = Type.Object({
  company: Company,
  store: StoreLegal,
  register: Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    timezone: Type.String(),
  }),
  ticket: Type.Object({
    seq: Type.Integer(),
    kind: Type.String(),
    business_date: Type.String(),
    recorded_at: Type.String(),
    order_id: Nullable(Type.String()),
    order_number: Nullable(Type.Integer()),
    reason: Nullable(Type.String()),
    lines: Type.Array(TicketLine),
    vat: Type.Array(VatRow),
    tenders: Type.Array(Tender),
    total_cents: Cents,
    vat_cents: Cents,
    discount_cents: Cents,
  }),
  hash_excerpt: Type.String(),
  hash: Type.String(),
  duplicata: Nullable(Type.Object({ copy: Type.Integer(), seq: Type.Integer(), recorded_at: Type.String() })),
  training: Type.Boolean(),
})

export const TrainingIn = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          sku: Type.String({ minLength: 1, maxLength: 64 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
          unit_price_cents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
          discount_cents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
          vat_rate_bp: Type.Integer({ minimum: 0, maximum: 10_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    tenders: Type.Array(
      Type.Object(
        { method: Type.String({ minLength: 1, maxLength: 32 }), amount_cents: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
)

export const JournalIn = Type.Object(
  {
    kind: Type.Union(
      tillJournalKinds.map((k) => Type.Literal(k)),
      {
        description:
          'sign_in / sign_out of the key at the register, price_override (amount_cents charged, previous_cents), line_void, drawer_opened (without a sale), error (code).',
      },
    ),
    sku: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    amount_cents: Type.Optional(Type.Integer({ minimum: -100_000_000, maximum: 100_000_000 })),
    previous_cents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
)
export const JournalRecorded = Type.Object({
  register_id: Type.String(),
  kind: Type.String(),
  seq: Type.Integer(),
  hash: Type.String(),
})

export const ArchiveSummary = Type.Object({
  period: Type.String(),
  archive_hash: Type.String(),
  records: Type.Integer(),
  created_by: Type.String(),
  created_at: Type.String(),
})
