import { Type } from 'typebox'
import { messageChannels, messageStatuses } from './notifications.schema.ts'
import { languages, templateIds } from './templates.domain.ts'

const Language = Type.Enum(languages, { description: 'fr or en.' })
const TemplateId = Type.Enum(templateIds)

export const TemplateList = Type.Object({
  data: Type.Array(
    Type.Object({
      id: TemplateId,
      languages: Type.Array(Language),
      sent_on: Type.String({ description: 'The event that sends it.' }),
    }),
  ),
})

export const TemplateParams = Type.Object({ id: Type.String({ minLength: 1 }) })
export const PreviewQuery = Type.Object({
  lang: Type.Optional(Language),
  location: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        "A store's id or code: its name, address and hours fill the preview (else the first store).",
    }),
  ),
})

export const Preview = Type.Object({
  template: TemplateId,
  language: Language,
  subject: Type.String(),
  text: Type.String({ description: 'The plain-text part of the e-mail.' }),
  html: Type.String({ description: 'The HTML part of the e-mail.' }),
  sms: Type.String({ description: 'The text sent by SMS.' }),
})

export const CustomerParams = Type.Object({ id: Type.String({ minLength: 1 }) })

export const Preferences = Type.Object({
  customer_id: Type.String(),
  language: Type.Union([Language, Type.Null()], {
    description:
      "Null: the language of the customer's country (French in FR, BE, CH, LU, MC; English elsewhere).",
  }),
  email: Type.Boolean({ description: 'Messages about their orders, returns and tickets by e-mail.' }),
  sms: Type.Boolean({ description: 'The same by SMS (to the phone on the profile).' }),
  e_receipt: Type.Boolean({ description: 'A sale carried away at a till is confirmed by e-mail too.' }),
})

export const PreferencesBody = Type.Object(
  {
    language: Type.Optional(Type.Union([Language, Type.Null()])),
    email: Type.Optional(Type.Boolean()),
    sms: Type.Optional(Type.Boolean()),
    e_receipt: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)

export const UnsubscribeQuery = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) })

export const Message = Type.Object({
  id: Type.String(),
  event_id: Type.String(),
  template: Type.String(),
  channel: Type.Enum(messageChannels),
  language: Type.String(),
  subject_ref: Type.Union([Type.String(), Type.Null()], { description: 'The order, return or ticket.' }),
  subject: Type.String(),
  status: Type.Enum(messageStatuses),
  attempts: Type.Integer(),
  last_error: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  sent_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})

export const EReceiptBody = Type.Object(
  { order_id: Type.String({ minLength: 1, description: 'The sale (order id).' }) },
  { additionalProperties: false },
)

export const EReceipt = Type.Object({
  order_id: Type.String(),
  queued: Type.Boolean({ description: 'False when it was asked before (it is written once per sale).' }),
  message_id: Type.Union([Type.String(), Type.Null()], {
    description: 'Null when the customer has no e-mail address or turned e-mails off.',
  }),
  status: Type.Union([Type.Enum(messageStatuses), Type.Null()]),
})
