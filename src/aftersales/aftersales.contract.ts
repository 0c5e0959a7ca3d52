import { Type } from '@fastify/type-provider-typebox'
import { Id, Nullable, Page, PageQuery } from '../http/schemas.ts'
import { openableTicketKinds, ticketKinds, ticketStatuses } from './aftersales.schema.ts'
import { maxPhotoBytes, photoTypes } from './photos.domain.ts'

// At least one character that is not a space.
const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) })

const Kind = Type.Enum(ticketKinds, {
  description:
    'repair, replacement, complaint, missing_item: the customer’s; supplier_claim: the store’s claim on a ' +
    'defective item refunded and quarantined (no customer, not shown to channel keys).',
})

const OpenableKind = Type.Enum(openableTicketKinds)

const Status = Type.Enum(ticketStatuses)

const ticketFields = {
  id: Type.String(),
  number: Type.String({ description: 'Human-readable ticket number, quoted by the customer and staff.' }),
  order_id: Type.String(),
  order_number: Type.String(),
  order_line_id: Type.String(),
  sku: Type.String(),
  product_name: Type.String(),
  customer_id: Nullable(
    Type.String({
      description: 'The customer of the order (a merged profile’s survivor); null on a supplier claim.',
    }),
  ),
  return_id: Nullable(Type.String({ description: 'The return that brought the product back defective.' })),
  kind: Kind,
  status: Status,
  subject: Type.String(),
  location_id: Nullable(
    Type.String({ description: 'Where the product is; null while the customer has it.' }),
  ),
  opened_channel_id: Nullable(Type.String({ description: 'Channel of the key that opened it.' })),
  opened_location_id: Nullable(Type.String({ description: 'Store whose till opened it.' })),
  opened_by: Nullable(Type.String({ description: 'The API key that opened it.' })),
  resolution: Nullable(Type.String({ description: 'How it ended, once resolved or closed.' })),
  warranty: Nullable(
    Type.Object(
      {
        delivered_at: Type.String({
          format: 'date-time',
          description: 'When the goods were handed over or delivered.',
        }),
        legal_guarantee_until: Type.String({
          format: 'date-time',
          description: 'The legal guarantee of conformity: two years from delivery.',
        }),
        under_legal_guarantee: Type.Boolean(),
      },
      { description: 'Null while the goods have not been handed over.' },
    ),
  ),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
}

const Message = Type.Object({
  id: Type.Integer(),
  body: Type.String(),
  internal: Type.Boolean({ description: 'Staff only; never shown to a channel key.' }),
  from_status: Nullable(Type.String()),
  to_status: Nullable(Type.String({ description: 'Set on a status change (and `open` on the first row).' })),
  author: Nullable(Type.String({ description: 'The API key that wrote it.' })),
  created_at: Type.String({ format: 'date-time' }),
})

const Ticket = Type.Object(ticketFields)

export const Photo = Type.Object({
  id: Type.String(),
  file_name: Type.String(),
  content_type: Type.Enum(photoTypes, { description: 'Read from the file’s bytes.' }),
  size_bytes: Type.Integer(),
  sha256: Type.String(),
  message_id: Nullable(Type.Integer({ description: 'The message it came with.' })),
  author: Nullable(Type.String({ description: 'The API key that attached it.' })),
  created_at: Type.String({ format: 'date-time' }),
  url: Type.String({ description: 'Where its bytes are read (same keys as the ticket).' }),
})

export const TicketWithMessages = Type.Object({
  ...ticketFields,
  messages: Type.Array(Message),
  photos: Type.Array(Photo),
})

export const AddPhotoBody = Type.Object(
  {
    file_name: Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '^[^\\u0000-\\u001f]*\\S[^\\u0000-\\u001f]*$',
    }),
    content_type: Type.Enum(photoTypes, {
      description: 'What the file is; checked against its bytes (a mismatch is refused).',
    }),
    content_base64: Type.String({
      minLength: 1,
      maxLength: Math.ceil(maxPhotoBytes / 3) * 4 + 64,
      description: `The file, base64-encoded; at most ${maxPhotoBytes / 1024 / 1024} MB decoded; JPEG, PNG, WebP or HEIC.`,
    }),
    message: Type.Optional(Text(4000, 'What the photo shows, added to the history with it.')),
  },
  { additionalProperties: false },
)

export const PhotoParams = Type.Object({ id: Id('Ticket id'), photo_id: Id('Photo id') })

export const TicketParams = Type.Object({ id: Id('Ticket id') })

export const OpenTicketBody = Type.Object(
  {
    order_id: Id('Order id'),
    order_line_id: Id('The line of that order the ticket is about'),
    kind: OpenableKind,
    subject: Text(200),
    message: Type.Optional(Text(4000, 'The customer’s account of the problem.')),
    location_id: Type.Optional(Id('Where the product is, if the brand holds it (id or code)')),
  },
  { additionalProperties: false },
)

export const ListTicketsQuery = Type.Object({
  customer_id: Type.Optional(Id('Customer id; a merged profile’s id finds the survivor’s tickets')),
  order_id: Type.Optional(Id('Order id')),
  status: Type.Optional(Status),
  location_id: Type.Optional(Id('Where the product is (id or code)')),
  ...PageQuery,
})

export const TicketPage = Page(Ticket)

export const AddMessageBody = Type.Object(
  {
    body: Text(4000),
    internal: Type.Optional(
      Type.Boolean({ default: false, description: 'A note for staff only; not for channel keys.' }),
    ),
  },
  { additionalProperties: false },
)

export const AddMessageResponse = Type.Object({ ...Message.properties, ticket_id: Type.String() })

export const SetStatusBody = Type.Object(
  {
    status: Status,
    resolution: Type.Optional(Text(2000, 'How it was solved, or why it closes unresolved.')),
    note: Type.Optional(Text(4000, 'What to say in the history.')),
    internal: Type.Optional(
      Type.Boolean({ default: false, description: 'Hide the history row from channels.' }),
    ),
  },
  { additionalProperties: false },
)

export const MoveProductBody = Type.Object(
  {
    location_id: Nullable(Id('Location id or code')),
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
)
