import { actorForSecret, isKnownSecret } from '../access/index.ts'
import { channelRefs } from '../channels/index.ts'
import { asyncApiRoute } from '../events/index.ts'
import { type AppOptions, buildHttpApp } from '../http/http-app.ts'
import { locationRefs } from '../network/index.ts'
import { apiErrorCodes } from './error-catalogue.ts'
import './ports.ts'
import { capabilityRoutes } from './routes.ts'

/** The HTTP application with every capability mounted: what the server, the tests and the benches run. */
export function buildApp(options: AppOptions) {
  return buildHttpApp(options, {
    routes: capabilityRoutes,
    rootRoutes: [asyncApiRoute],
    keys: { actorForSecret, isKnownSecret },
    refs: { location: locationRefs, channel: channelRefs },
    errorCodes: apiErrorCodes,
  })
}

export type App = Awaited<ReturnType<typeof buildApp>>
