import createClient from 'openapi-fetch'
import type { paths } from './schema'

/** The API's types, from the server's OpenAPI document (schema.d.ts, generated). */
export type { paths }
export type Api = ReturnType<typeof createClient<paths>>

type Json<T> = T extends { content: { 'application/json': infer R } } ? R : never
/** What a GET on `path` answers with (200). */
export type GetResult<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } }
  ? Json<R>
  : never
/** The body a POST on `path` takes. */
export type PostBody<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } }
}
  ? B
  : never

/** What a POST on `path` answers with (200). */
export type PostResult<P extends keyof paths> = paths[P] extends { post: { responses: { 200: infer R } } }
  ? Json<R>
  : never

export type Me = GetResult<'/api/v1/me'>
/** A basket priced as placing it would price it (promotions included). */
export type Quote = PostResult<'/api/v1/orders/quote'>
export type Role = Me['role']
export type Variant = GetResult<'/api/v1/variants'>
export type Product = GetResult<'/api/v1/products'>['data'][number]
/** What the screens use of a location (the list and the single read shape opening hours differently). */
export type Location = Pick<
  GetResult<'/api/v1/locations/{ref}'>,
  'id' | 'code' | 'name' | 'kind' | 'address_line' | 'postcode' | 'city' | 'lat' | 'lon'
>
export type Channel = GetResult<'/api/v1/channels/{ref}'>
export type Customer = GetResult<'/api/v1/customers/{id}'>
export type Customer360 = GetResult<'/api/v1/customers/{id}/360'>
export type Order = GetResult<'/api/v1/orders/{id}'>
export type OrderSummary = GetResult<'/api/v1/orders'>['data'][number]
export type Task = GetResult<'/api/v1/fulfilment/tasks/{id}'>
export type TaskSummary = GetResult<'/api/v1/fulfilment/tasks'>['data'][number]
export type TaskStatus = NonNullable<
  NonNullable<
    paths['/api/v1/fulfilment/tasks/{id}/advance']['post']['requestBody']
  >['content']['application/json']['to']
>
export type Availability = GetResult<'/api/v1/availability'>['items'][number]
export type OrderInput = PostBody<'/api/v1/orders'>
export type Tender = NonNullable<OrderInput['payments']>[number]
export type TenderMethod = Tender['method']

/** An error answered by the API: its stable code and the message saying what to do next. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the error body's `details` say (e.g. the lines short of stock). */
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export function apiClient(key: string): Api {
  return createClient<paths>({
    baseUrl: globalThis.location?.origin ?? '',
    headers: { authorization: `Bearer ${key}` },
  })
}

/** Dispatched on the window when the API no longer knows the signed-in key. */
export const UNAUTHENTICATED = 'passerelle:unauthenticated'

/** The data of a call, or its error thrown as an ApiError. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: Awaited<typeof call>
  try {
    answer = await call
  } catch (err) {
    // No answer at all: the network or the server is gone.
    throw new ApiError(0, 'network_unavailable', err instanceof Error ? err.message : String(err))
  }
  const { data, error, response } = answer
  if (response.ok && data !== undefined) return data
  const body = (error ?? {}) as { error?: { code?: string; message?: string; details?: unknown } }
  // A key revoked while signed in: the workspace goes back to its sign-in screen.
  if (response.status === 401) globalThis.dispatchEvent?.(new Event(UNAUTHENTICATED))
  throw new ApiError(
    response.status,
    body.error?.code ?? 'http_error',
    body.error?.message ?? `${response.status} ${response.statusText}`,
    body.error?.details,
  )
}
