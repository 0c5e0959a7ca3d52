/** The business-customers API's schemas: accounts, buyers, B2B price lists and business orders. */
import { Type } from '@fastify/type-provider-typebox'
import { CountryCode, codePattern, Id, Nullable, Page, PageQuery } from '../http/schemas.ts'
import { OrderIn } from '../orders/index.ts'

const Terms = {
  payment_terms_days: Type.Integer({
    minimum: 0,
    maximum: 60,
    description: 'Days from the invoice date (0: on receipt); at most 60, or 45 end of month.',
  }),
  payment_terms_end_of_month: Type.Boolean({ description: 'Then to the end of that month ("fin de mois").' }),
}

export const AccountIn = Type.Object(
  {
    legal_name: Type.String({ minLength: 1, maxLength: 200 }),
    siren: Type.Optional(
      Type.String({ minLength: 9, maxLength: 20, description: 'French companies: 9 digits.' }),
    ),
    siret: Type.Optional(
      Type.String({ minLength: 14, maxLength: 24, description: 'The establishment billed: 14 digits.' }),
    ),
    vat_number: Type.Optional(
      Type.String({ minLength: 4, maxLength: 20, description: 'Intra-EU VAT number, e.g. FR40303265045.' }),
    ),
    country: CountryCode(),
    address_line1: Type.String({ minLength: 1, maxLength: 300 }),
    postcode: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    payment_terms_days: Type.Optional(Terms.payment_terms_days),
    payment_terms_end_of_month: Type.Optional(Terms.payment_terms_end_of_month),
    credit_limit_cents: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000_00 }))),
    price_list: Type.Optional(Id('B2B price list, id or code.')),
    franchisee_id: Type.Optional(
      Id('The franchisee this account is, when it buys its goods from the brand.'),
    ),
    invoicing: Type.Optional(Type.Enum(['per_order', 'monthly'] as const)),
  },
  { additionalProperties: false },
)

export const AccountPatch = Type.Partial(
  Type.Object(
    {
      payment_terms_days: Terms.payment_terms_days,
      payment_terms_end_of_month: Terms.payment_terms_end_of_month,
      credit_limit_cents: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000_00 })),
      price_list: Nullable(Id('B2B price list, id or code; null for none.')),
      invoicing: Type.Enum(['per_order', 'monthly'] as const),
    },
    { additionalProperties: false },
  ),
)

export const Account = Type.Object({
  id: Type.String(),
  legal_name: Type.String(),
  siren: Nullable(Type.String()),
  siret: Nullable(Type.String()),
  vat_number: Nullable(Type.String()),
  country: Type.String(),
  address_line1: Type.String(),
  postcode: Type.String(),
  city: Type.String(),
  email: Nullable(Type.String()),
  payment_terms_days: Type.Integer(),
  payment_terms_end_of_month: Type.Boolean(),
  payment_terms: Type.String({ description: 'The terms in words, as invoices print them.' }),
  credit_limit_cents: Nullable(Type.Integer()),
  open_cents: Type.Integer({ description: 'Ordered and not yet paid, VAT included.' }),
  credit_available_cents: Nullable(Type.Integer()),
  price_list_id: Nullable(Type.String()),
  franchisee_id: Nullable(Type.String()),
  invoicing: Type.String(),
  buyers: Type.Array(Type.Object({ customer_id: Type.String() })),
  created_at: Type.String({ format: 'date-time' }),
})
export const AccountPage = Page(Type.Omit(Account, ['buyers']))
export const AccountParams = Type.Object({ id: Id('Business account id.') })
export const AccountQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Name, SIREN or SIRET.' })),
})

export const BuyerIn = Type.Object(
  { customer_id: Id('Customer who orders for the account.') },
  {
    additionalProperties: false,
  },
)

export const PriceListIn = Type.Object(
  {
    code: Type.String({ pattern: codePattern }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
)
const PriceBreak = Type.Object(
  {
    sku: Type.String({ minLength: 1, maxLength: 64 }),
    min_quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    unit_price_excl_cents: Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Excluding VAT.' }),
  },
  { additionalProperties: false },
)
export const PricesIn = Type.Object(
  {
    prices: Type.Array(PriceBreak, {
      minItems: 1,
      maxItems: 1000,
      description: 'Replaces every break of the SKUs named.',
    }),
  },
  { additionalProperties: false },
)
export const PriceList = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  currency: Type.String(),
  prices: Type.Array(PriceBreak),
})
export const PriceListParams = Type.Object({ ref: Id('Price list id or code.') })

export const BusinessOrderIn = Type.Object(
  {
    buyer_customer_id: Id('The buyer placing the order (a buyer of the account).'),
    purchase_order_ref: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'The buyer’s purchase order number.' }),
    ),
    channel: OrderIn.properties.channel,
    lines: Type.Array(
      Type.Object(
        {
          sku: Type.String({ minLength: 1, maxLength: 64 }),
          quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
          fulfilment: OrderIn.properties.lines.items.properties.fulfilment,
          pickup_location_id: Type.Optional(Id('Store where the buyer collects, id or code.')),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    delivery_address: OrderIn.properties.delivery_address,
  },
  { additionalProperties: false },
)
export const BusinessOrder = Type.Object({
  order_id: Type.String(),
  order_number: Type.String(),
  account_id: Type.String(),
  buyer_customer_id: Type.String(),
  purchase_order_ref: Nullable(Type.String()),
  total_cents: Type.Integer({ description: 'VAT included.' }),
  vat_cents: Type.Integer(),
  total_excl_cents: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      sku: Type.String(),
      quantity: Type.Integer(),
      unit_price_excl_cents: Nullable(Type.Integer({ description: 'Null: the channel’s price applied.' })),
      total_cents: Type.Integer(),
    }),
  ),
  payment_terms: Type.String(),
  open_cents: Type.Integer({ description: 'What the account owes after this order.' }),
})

export const SellerIn = Type.Object(
  {
    legal_name: Type.String({ minLength: 1, maxLength: 200 }),
    legal_form: Type.String({ minLength: 1, maxLength: 50, description: 'SAS, SA, SARL…' }),
    share_capital_cents: Type.Integer({ minimum: 0, maximum: 1e15 }),
    siret: Type.String({ minLength: 14, maxLength: 24 }),
    vat_number: Type.String({ minLength: 4, maxLength: 20 }),
    rcs_city: Type.String({ minLength: 1, maxLength: 100, description: 'City of the trade register (RCS).' }),
    address_line1: Type.String({ minLength: 1, maxLength: 300 }),
    postcode: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 200 }),
    country: CountryCode(),
    iban: Type.Optional(Type.String({ minLength: 15, maxLength: 42 })),
    late_penalty_rate_bp: Type.Integer({
      minimum: 0,
      maximum: 10_000,
      description: 'Yearly late-payment penalty rate in basis points (1215 = 12.15 %).',
    }),
  },
  { additionalProperties: false },
)
export const Seller = Type.Object({
  legal_name: Type.String(),
  legal_form: Type.String(),
  share_capital_cents: Type.Integer(),
  siren: Type.String(),
  siret: Type.String(),
  vat_number: Type.String(),
  rcs_city: Type.String(),
  address_line1: Type.String(),
  postcode: Type.String(),
  city: Type.String(),
  country: Type.String(),
  iban: Nullable(Type.String()),
  late_penalty_rate_bp: Type.Integer(),
})

export const Invoice = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'F2026-000001: one unbroken series a year, credit notes included.' }),
  kind: Type.Enum(['invoice', 'credit_note'] as const),
  account_id: Type.String(),
  account_name: Type.String({ description: 'The account’s legal name: the customer invoiced.' }),
  issue_date: Type.String({ format: 'date' }),
  due_date: Type.String({ format: 'date' }),
  corrects_invoice_id: Nullable(Type.String()),
  return_id: Nullable(Type.String()),
  order_ids: Type.Array(Type.String()),
  total_excl_cents: Type.Integer(),
  vat_cents: Type.Integer(),
  total_cents: Type.Integer(),
  paid_cents: Type.Integer(),
  credited_cents: Type.Integer({ description: 'Credit notes issued against this invoice.' }),
  outstanding_cents: Type.Integer(),
  status: Type.Enum(['open', 'overdue', 'paid', 'issued'] as const, {
    description: 'issued: a credit note.',
  }),
  reminders: Type.Array(
    Type.Object({
      level: Type.Integer(),
      sent_on: Type.String({ format: 'date' }),
      overdue_cents: Type.Integer(),
      penalty_cents: Type.Integer({ description: 'Late penalties accrued, plus the fixed 40 € fee.' }),
    }),
  ),
  pdf_url: Type.String({ description: 'The Factur-X PDF (PDF/A-3 with factur-x.xml attached).' }),
  xml_url: Type.String({ description: 'The CII XML alone.' }),
})
export const InvoicePage = Page(Invoice)
export const InvoiceParams = Type.Object({ ref: Id('Invoice id or number.') })
export const InvoiceQuery = Type.Object({
  ...PageQuery,
  account_id: Type.Optional(Id('Business account.')),
  status: Type.Optional(Type.Enum(['open', 'overdue', 'paid', 'unpaid'] as const)),
})
export const IssueInvoiceIn = Type.Object(
  {
    order_ids: Type.Optional(
      Type.Array(Id('Order.'), {
        minItems: 1,
        maxItems: 500,
        description: 'Default: every shipped order not yet invoiced.',
      }),
    ),
  },
  { additionalProperties: false },
)
export const InvoicePaymentIn = Type.Object(
  {
    amount_cents: Type.Integer({ minimum: 1, maximum: 1e12 }),
    received_on: Type.String({ format: 'date' }),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
)
