import { type Static, Type } from '@fastify/type-provider-typebox'
import { consentMedia, consentPurposes } from '../customers/index.ts'
import { codePattern, Id, Nullable, Page, PageQuery } from '../http/schemas.ts'
import { campaignStatuses } from './campaigns.schema.ts'
import { shopperKinds } from './segments.domain.ts'

const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) })

const Day = Type.String({ format: 'date', description: 'A day, YYYY-MM-DD (Paris time).' })

/**
 * Who is in a segment: every criterion given must hold (AND); a list inside a criterion is any of it
 * (OR). An empty filter is every customer (erased and merged profiles are never in a segment).
 */
export const SegmentFilter = Type.Object(
  {
    shopper_profiles: Type.Optional(
      Type.Array(Type.Enum(shopperKinds), {
        minItems: 1,
        maxItems: shopperKinds.length,
        uniqueItems: true,
        description: 'Customers with any of these shopper profiles (as the 360 view shows them).',
      }),
    ),
    channels_used: Type.Optional(
      Type.Array(Type.String({ pattern: codePattern }), {
        minItems: 1,
        maxItems: 50,
        uniqueItems: true,
        description: 'Channel codes: customers who bought in any of them.',
      }),
    ),
    tiers: Type.Optional(
      Type.Array(Type.String({ pattern: codePattern }), {
        minItems: 1,
        maxItems: 20,
        uniqueItems: true,
        description: 'Loyalty tier codes: customers in any of these tiers now.',
      }),
    ),
    spend: Type.Optional(
      Type.Object(
        {
          min_cents: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_00 })),
          max_cents: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_00 })),
          months: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 120,
              description: 'Over the last this many months; all their orders when absent.',
            }),
          ),
        },
        {
          additionalProperties: false,
          description: 'Money spent (orders bought, net of refunds, all channels), in cents.',
        },
      ),
    ),
    last_purchase: Type.Optional(
      Type.Object(
        {
          after: Type.Optional(Day),
          before: Type.Optional(Day),
          never: Type.Optional(Type.Boolean({ description: 'true: customers who never bought.' })),
        },
        { additionalProperties: false, description: 'When they last bought (on or after, before).' },
      ),
    ),
    home_stores: Type.Optional(
      Type.Array(Id('A store id.'), {
        minItems: 1,
        maxItems: 200,
        uniqueItems: true,
        description: 'Customers whose home store (most visited, else nearest) is any of these.',
      }),
    ),
    consents: Type.Optional(
      Type.Array(
        Type.Object(
          {
            purpose: Type.Enum(consentPurposes),
            medium: Type.Enum(consentMedia),
            granted: Type.Boolean({
              description: 'true: the consent in force is given; false: withdrawn or never given.',
            }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 16 },
      ),
    ),
  },
  { additionalProperties: false },
)
export type SegmentFilter = Static<typeof SegmentFilter>

export const SegmentBody = Type.Object(
  { name: Text(120), filter: SegmentFilter },
  { additionalProperties: false },
)
export const SegmentCountBody = Type.Object({ filter: SegmentFilter }, { additionalProperties: false })

export const SegmentCount = Type.Object({
  customers: Type.Integer({ description: 'Customers in the segment now.' }),
  reachable_by_email: Type.Integer({
    description: 'Of them, those a campaign would e-mail: an address and consent to marketing by e-mail.',
  }),
})

export const Segment = Type.Object({
  id: Type.String(),
  name: Type.String(),
  filter: SegmentFilter,
  created_by: Nullable(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})
export const SegmentWithCount = Type.Object({ ...Segment.properties, count: SegmentCount })
export const SegmentList = Page(Segment)

export const IdParams = Type.Object({ id: Id('The id.') })
export const ListQuery = Type.Object(PageQuery)

const Content = Type.Object(
  {
    subject: Text(200, 'The subject; {{first_name}} and {{brand}} are filled in.'),
    body: Text(20_000, 'Plain text; paragraphs separated by a blank line; {{first_name}} and {{brand}}.'),
  },
  { additionalProperties: false },
)

export const CampaignBody = Type.Object(
  {
    name: Text(120),
    segment_id: Id('The segment it goes to.'),
    content: Type.Object({ fr: Content, en: Content }, { additionalProperties: false }),
    rate_per_minute: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        default: 600,
        description: 'At most this many e-mails handed to the SMTP server per minute.',
      }),
    ),
  },
  { additionalProperties: false },
)

const recipientStates = ['pending', 'queued', 'sent', 'bounced', 'failed', 'skipped'] as const
export const RecipientState = Type.Enum(recipientStates)

export const Campaign = Type.Object({
  id: Type.String(),
  name: Type.String(),
  segment_id: Type.String(),
  content: Type.Object({ fr: Content, en: Content }),
  rate_per_minute: Type.Integer(),
  status: Type.Enum(campaignStatuses),
  recipients: Type.Object(
    Object.fromEntries(recipientStates.map((s) => [s, Type.Integer()])) as Record<
      (typeof recipientStates)[number],
      ReturnType<typeof Type.Integer>
    >,
    { description: 'How many recipients are in each state.' },
  ),
  created_by: Nullable(Type.String()),
  sent_by: Nullable(Type.String()),
  started_at: Nullable(Type.String({ format: 'date-time' })),
  finished_at: Nullable(Type.String({ format: 'date-time' })),
  created_at: Type.String({ format: 'date-time' }),
})
export const CampaignList = Page(Campaign)

export const Recipient = Type.Object({
  customer_id: Type.String(),
  customer_name: Type.String({ description: 'First and last name now (a pseudonym once erased).' }),
  status: RecipientState,
  reason: Nullable(
    Type.String({
      description:
        'Why skipped: no_consent, no_email, erased, merged, consent_withdrawn (after it was queued), ' +
        'cancelled, not_written; ' +
        'or the SMTP answer of a bounce or failure.',
    }),
  ),
  message_id: Nullable(Type.String()),
  sent_at: Nullable(Type.String({ format: 'date-time' })),
})
export const RecipientList = Page(Recipient)
export const RecipientQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(RecipientState),
})
