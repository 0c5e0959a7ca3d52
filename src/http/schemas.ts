import { type TSchema, Type } from '@fastify/type-provider-typebox'

/**
 * A value or null (an optional date, a limit that may be lifted). Null first: with type coercion
 * on, ajv would turn null into "" if a string came first.
 */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t])

/**
 * An integer or null. Not a union: with type coercion on, ajv would turn 0 into null in the null
 * branch (an expiry of 0 months would silently become "never"); a type list coerces nothing that
 * already has one of its types.
 */
export const NullableInt = (options: { minimum: number; maximum: number; description?: string }) =>
  Type.Unsafe<number | null>({ type: ['integer', 'null'], ...options })

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. insufficient_stock.' }),
      message: Type.String({ description: 'What went wrong and what to do next.' }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'Error', title: 'Error' },
)

/**
 * The error body whose `code` is one of `codes`, every code the API can answer: the OpenAPI document
 * publishes them as an enum. The composition passes them (src/app/error-catalogue.ts): plumbing knows
 * no capability.
 */
export function errorBodyOf(codes: readonly string[]) {
  const { code, ...rest } = ErrorBody.properties.error.properties
  return Type.Object(
    {
      error: Type.Object({ code: Type.String({ ...code, enum: [...codes] }), ...rest }),
    },
    { $id: 'Error', title: 'Error' },
  )
}

/** The error responses every authenticated route may give. */
export const errorResponses = {
  400: Type.Ref('Error'),
  401: Type.Ref('Error'),
  403: Type.Ref('Error'),
  404: Type.Ref('Error'),
  409: Type.Ref('Error'),
  422: Type.Ref('Error'),
  429: Type.Ref('Error'),
}

export const Id = (description: string) => Type.String({ minLength: 1, maxLength: 64, description })

/** Codes name things in URLs (`/channels/WEB`), so they stay URL-safe. */
export const codePattern = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'

const described = (description?: string) => (description ? { description } : {})

/** An ISO 3166-1 alpha-2 country code, in capitals (FR). */
export const CountryCode = (description?: string) =>
  Type.String({ pattern: '^[A-Z]{2}$', ...described(description) })

/** An ISO 4217 currency code, in capitals (EUR). */
export const CurrencyCode = (description?: string) =>
  Type.String({ pattern: '^[A-Z]{3}$', ...described(description) })

export const PageQuery = {
  cursor: Type.Optional(Type.String({ description: 'next_cursor of the previous page.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    data: Type.Array(item),
    next_cursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as cursor to get the next page; null on the last page.',
    }),
  })
}

/** Channel keys act for the customer logged in on the channel, named by this header. */
export const LoginHeaders = Type.Object({
  'x-customer-login': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'Channel keys: the login of the customer logged in on the channel (linked with ' +
        'POST /customers/{id}/channel-accounts). A channel key sees that customer only.',
    }),
  ),
})

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Retrying a request with the same key returns the first result and creates nothing twice.',
    }),
  ),
})

/** A create that a channel key may make for its logged-in customer. */
export const IdempotencyLoginHeaders = Type.Object({
  ...IdempotencyHeaders.properties,
  ...LoginHeaders.properties,
})

/** Pages a list ordered by a time-ordered id: fetch limit + 1 rows to know whether more follow. */
export function toPage<T>(items: T[], limit: number, idOf: (item: T) => string) {
  const data = items.slice(0, limit)
  const last = data.at(-1)
  return { data, next_cursor: items.length > limit && last ? idOf(last) : null }
}
