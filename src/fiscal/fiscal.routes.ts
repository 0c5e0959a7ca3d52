import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@fastify/type-provider-typebox'
import { inTransaction } from '../db/database.ts'
import { errorResponses } from '../http/schemas.ts'
import { staffRoles } from '../shared/actor.ts'
import { archivePeriod } from './archive.service.ts'
import { closePeriod, listClosings } from './closings.service.ts'
import { fecExport } from './fec.service.ts'
import {
  ArchiveFile,
  ArchiveParams,
  CashIn,
  CloseIn,
  Closing,
  ClosingIn,
  ClosingsQuery,
  FecQuery,
  JournalEntry,
  OpenIn,
  PublicKey,
  Register,
  RegisterIn,
  RegisterParams,
  ReportQuery,
  SessionParams,
  SessionReport,
  StoreParams,
  StoreSettings,
  StoreSettingsIn,
  Ticket,
  TicketParams,
  TicketsQuery,
  Verification,
  VerifyQuery,
} from './fiscal.contract.ts'
import { publicKeys } from './keys.service.ts'
import { reportHtml } from './report.view.ts'
import {
  closeSession,
  createRegister,
  currentReport,
  listRegisters,
  moveCash,
  openSession,
  registerOf,
  sessionReport,
  setVarianceThreshold,
} from './sessions.service.ts'
import { getTicket, listJournal, listTickets, reprintTicket } from './tickets.service.ts'
import { verifyChains } from './verify.service.ts'

const tags = ['fiscal']
const headOffice = { roles: ['admin' as const] }
const staff = { roles: staffRoles }

export const fiscalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/fiscal/registers',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Add a register (caisse) to a store',
        body: RegisterIn,
        response: { 201: Register, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await inTransaction(createRegister)(app.db, req.actor, req.body)),
  )

  app.get(
    '/fiscal/stores/:id/registers',
    {
      config: staff,
      schema: {
        tags,
        summary: "A store's registers",
        params: StoreParams,
        response: { 200: Type.Array(Register), ...errorResponses },
      },
    },
    async (req) => listRegisters(app.db, req.actor, req.params.id),
  )

  app.put(
    '/fiscal/stores/:id/settings',
    {
      config: headOffice,
      schema: {
        tags,
        summary: "A store's cash variance threshold",
        params: StoreParams,
        body: StoreSettingsIn,
        response: { 200: StoreSettings, ...errorResponses },
      },
    },
    async (req) =>
      inTransaction(setVarianceThreshold)(
        app.db,
        req.actor,
        req.params.id,
        req.body.variance_threshold_cents,
      ),
  )

  app.post(
    '/fiscal/registers/:id/open',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Open the register with its counted float',
        params: RegisterParams,
        body: OpenIn,
        response: { 201: SessionReport, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await inTransaction(openSession)(app.db, req.actor, req.params.id, req.body.float_cents)),
  )

  app.post(
    '/fiscal/registers/:id/cash',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Cash in or out of the drawer, with its reason',
        params: RegisterParams,
        body: CashIn,
        response: { 200: SessionReport, ...errorResponses },
      },
    },
    async (req) => inTransaction(moveCash)(app.db, req.actor, req.params.id, req.body),
  )

  app.get(
    '/fiscal/registers/:id/x',
    {
      config: staff,
      schema: {
        tags,
        summary: 'The X report of the open session',
        params: RegisterParams,
        response: { 200: SessionReport, ...errorResponses },
      },
    },
    async (req) => currentReport(app.db, req.actor, req.params.id),
  )

  app.post(
    '/fiscal/registers/:id/close',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Close the session: count each tender; answers the Z report',
        params: RegisterParams,
        body: CloseIn,
        response: { 200: SessionReport, ...errorResponses },
      },
    },
    async (req) => inTransaction(closeSession)(app.db, req.actor, req.params.id, req.body),
  )

  app.get(
    '/fiscal/sessions/:id/report',
    {
      config: staff,
      schema: {
        tags,
        summary: 'The X (open) or Z (closed) report of a session',
        params: SessionParams,
        response: { 200: SessionReport, ...errorResponses },
      },
    },
    async (req) => sessionReport(app.db, req.actor, req.params.id),
  )

  app.get(
    '/fiscal/sessions/:id/report.html',
    {
      config: staff,
      schema: {
        tags,
        summary: 'The report printed: an 80 mm receipt or an A4 page, in French or English',
        params: SessionParams,
        querystring: ReportQuery,
        response: { 200: { content: { 'text/html': { schema: { type: 'string' } } } }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const report = await sessionReport(app.db, req.actor, req.params.id)
      return reply
        .type('text/html; charset=utf-8')
        .send(reportHtml(report, req.query.format ?? '80mm', req.query.lang ?? 'fr'))
    },
  )

  app.get(
    '/fiscal/registers/:id/tickets',
    {
      config: staff,
      schema: {
        tags,
        summary: "The register's tickets, in sequence",
        params: RegisterParams,
        querystring: TicketsQuery,
        response: { 200: Type.Array(Ticket), ...errorResponses },
      },
    },
    async (req) => {
      const register = await registerOf(app.db, req.actor, req.params.id)
      return listTickets(app.db, register.id, req.query.after_seq ?? 0, req.query.limit ?? 100)
    },
  )

  app.get(
    '/fiscal/registers/:id/tickets/:seq',
    {
      config: staff,
      schema: {
        tags,
        summary: 'One ticket with its hash',
        params: TicketParams,
        response: { 200: Ticket, ...errorResponses },
      },
    },
    async (req) => {
      const register = await registerOf(app.db, req.actor, req.params.id)
      return getTicket(app.db, register.id, req.params.seq)
    },
  )

  app.post(
    '/fiscal/registers/:id/tickets/:seq/reprint',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Reprint a ticket: a new DUPLICATA n° k record',
        params: TicketParams,
        response: { 201: Ticket, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await inTransaction(reprintTicket)(app.db, req.actor, req.params.id, req.params.seq)),
  )

  app.post(
    '/fiscal/registers/:id/closings',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Close a day, month or year of the register (once), with its perpetual grand total, signed',
        params: RegisterParams,
        body: ClosingIn,
        response: { 201: Closing, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await inTransaction(closePeriod)(app.db, req.actor, req.params.id, req.body.kind, req.body.period),
        ),
  )

  app.get(
    '/fiscal/registers/:id/closings',
    {
      config: staff,
      schema: {
        tags,
        summary: "The register's closings, in sequence",
        params: RegisterParams,
        querystring: ClosingsQuery,
        response: { 200: Type.Array(Closing), ...errorResponses },
      },
    },
    async (req) => {
      const register = await registerOf(app.db, req.actor, req.params.id)
      return listClosings(app.db, register.id, req.query.kind)
    },
  )

  app.get(
    '/fiscal/registers/:id/journal',
    {
      config: staff,
      schema: {
        tags,
        summary: "The register's technical event journal (JET), in sequence",
        params: RegisterParams,
        querystring: TicketsQuery,
        response: { 200: Type.Array(JournalEntry), ...errorResponses },
      },
    },
    async (req) => {
      const register = await registerOf(app.db, req.actor, req.params.id)
      return listJournal(app.db, register.id, req.query.after_seq ?? 0, req.query.limit ?? 100)
    },
  )

  app.get(
    '/fiscal/verify',
    {
      config: headOffice,
      schema: {
        tags,
        summary: 'Walk every chain and signature; name the first broken record of each broken chain',
        querystring: VerifyQuery,
        response: { 200: Verification, ...errorResponses },
      },
    },
    async (req) => verifyChains(app.db, req.query.register),
  )

  app.get(
    '/fiscal/archives/:period',
    {
      config: headOffice,
      schema: {
        tags,
        summary:
          "A month's archive (YYYY-MM): every register's records of the month, the chain heads, signed; recorded in each journal",
        params: ArchiveParams,
        response: { 200: ArchiveFile, ...errorResponses },
      },
    },
    async (req) => archivePeriod(app.db, req.params.period, req.actor.keyId),
  )

  app.get(
    '/fiscal/fec',
    {
      config: headOffice,
      schema: {
        tags,
        summary:
          "The accountant's FEC (art. A47 A-1 LPF, 18 columns, tab-separated) of the registers' daily closings and cash movements",
        querystring: FecQuery,
        response: { 200: { content: { 'text/plain': { schema: { type: 'string' } } } }, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.type('text/plain; charset=utf-8').send(await fecExport(app.db, req.query.from, req.query.to)),
  )

  app.get(
    '/fiscal/public-key',
    {
      config: staff,
      schema: {
        tags,
        summary: "The installation's Ed25519 public key, to check closings' signatures",
        response: { 200: PublicKey, ...errorResponses },
      },
    },
    async () => publicKeys(app.db),
  )
}
