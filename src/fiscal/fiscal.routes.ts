import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@fastify/type-provider-typebox'
import { inTransaction } from '../db/database.ts'
import { errorResponses } from '../http/schemas.ts'
import { staffRoles } from '../shared/actor.ts'
import { archivePeriod, getArchive, listArchives } from './archive.service.ts'
import { closePeriod, listClosings } from './closings.service.ts'
import {
  fecAccounts,
  getCompany,
  putCompany,
  putFecAccounts,
  putStoreLegal,
  storeLegal,
} from './company.service.ts'
import { fecExport, salesJournalCsv } from './fec.service.ts'
import {
  ArchiveFile,
  ArchiveParams,
  ArchiveSummary,
  CashIn,
  CloseIn,
  Closing,
  ClosingIn,
  ClosingsQuery,
  Company,
  CompanyIn,
  FecAccounts,
  FecQuery,
  JournalEntry,
  JournalIn,
  JournalQuery,
  JournalRecorded,
  OpenIn,
  PublicKey,
  Receipt,
  ReceiptQuery,
  Register,
  RegisterIn,
  RegisterParams,
  ReportQuery,
  SessionParams,
  SessionReport,
  StoreLegal,
  StoreLegalIn,
  StoreParams,
  StoreSettings,
  StoreSettingsIn,
  Ticket,
  TicketParams,
  TicketsQuery,
  TrainingIn,
  Verification,
  VerifyQuery,
} from './fiscal.contract.ts'
import { notFound } from './fiscal.errors.ts'
import { publicKeys } from './keys.service.ts'
import { receiptOf } from './receipt.service.ts'
import { receiptHtml } from './receipt.view.ts'
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
import {
  getTicket,
  listJournal,
  listTickets,
  reportToJournal,
  reprintTicket,
  ringTraining,
} from './tickets.service.ts'
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
        .send(
          await inTransaction(openSession)(
            app.db,
            req.actor,
            req.params.id,
            req.body.float_cents,
            req.body.training ?? false,
          ),
        ),
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
        summary: "The register's technical event journal (JET), in sequence or newest first",
        params: RegisterParams,
        querystring: JournalQuery,
        response: { 200: Type.Array(JournalEntry), ...errorResponses },
      },
    },
    async (req) => {
      const register = await registerOf(app.db, req.actor, req.params.id)
      return listJournal(app.db, register.id, {
        afterSeq: req.query.after_seq,
        beforeSeq: req.query.before_seq,
        newestFirst: req.query.order === 'newest_first',
        limit: req.query.limit ?? 100,
      })
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
    async (req) => verifyChains(app.db, req.query.register, { databaseUrl: app.database.url }),
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
    '/fiscal/archives',
    {
      config: headOffice,
      schema: {
        tags,
        summary: 'The stored monthly archives (each month archived once, when it is over)',
        response: { 200: Type.Array(ArchiveSummary), ...errorResponses },
      },
    },
    async () => listArchives(app.db),
  )

  app.get(
    '/fiscal/archives/:period/file',
    {
      config: headOffice,
      schema: {
        tags,
        summary: "A stored month's archive file, exactly as written (download)",
        params: ArchiveParams,
        response: { 200: ArchiveFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const archive = await getArchive(app.db, req.params.period)
      return reply
        .header('content-disposition', `attachment; filename="fiscal-archive-${req.params.period}.json"`)
        .send(archive)
    },
  )

  app.get(
    '/fiscal/company',
    {
      config: staff,
      schema: {
        tags,
        summary: "The company's legal mentions printed on receipts",
        response: { 200: Company, ...errorResponses },
      },
    },
    async () => {
      const company = await getCompany(app.db)
      if (!company) throw notFound('company', 'company')
      return company
    },
  )

  app.put(
    '/fiscal/company',
    {
      config: headOffice,
      schema: {
        tags,
        summary:
          "Set the company's legal mentions (name, legal form, capital, address, SIREN, VAT number, RCS)",
        body: CompanyIn,
        response: { 200: Company, ...errorResponses },
      },
    },
    async (req) => inTransaction(putCompany)(app.db, req.actor, req.body),
  )

  app.get(
    '/fiscal/stores/:id/legal',
    {
      config: staff,
      schema: {
        tags,
        summary: "A store's legal mentions: its SIRET and the address on its receipts",
        params: StoreParams,
        response: { 200: StoreLegal, ...errorResponses },
      },
    },
    async (req) => storeLegal(app.db, req.params.id),
  )

  app.put(
    '/fiscal/stores/:id/legal',
    {
      config: headOffice,
      schema: {
        tags,
        summary:
          "Set a store's SIRET and, when it differs from its network address, the address on its receipts",
        params: StoreParams,
        body: StoreLegalIn,
        response: { 200: StoreLegal, ...errorResponses },
      },
    },
    async (req) => inTransaction(putStoreLegal)(app.db, req.actor, req.params.id, req.body),
  )

  app.get(
    '/fiscal/accounts',
    {
      config: headOffice,
      schema: {
        tags,
        summary: "The accountant's chart the FEC is written on (the default chart until set)",
        response: { 200: FecAccounts, ...errorResponses },
      },
    },
    async () => fecAccounts(app.db),
  )

  app.put(
    '/fiscal/accounts',
    {
      config: headOffice,
      schema: {
        tags,
        summary:
          "Replace the FEC's chart: sales and VAT collected per rate, tenders, transfers, suspense, customers",
        body: FecAccounts,
        response: { 200: FecAccounts, ...errorResponses },
      },
    },
    async (req) =>
      inTransaction(putFecAccounts)(app.db, req.actor, { ...req.body, labels: req.body.labels ?? {} }),
  )

  app.get(
    '/fiscal/sales-journal',
    {
      config: headOffice,
      schema: {
        tags,
        summary:
          'The daily sales journal (CSV): per day and store, one row per VAT rate and one per tender, from the daily closings',
        querystring: FecQuery,
        response: { 200: { content: { 'text/csv': { schema: { type: 'string' } } } }, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="journal-ventes-${req.query.from}-${req.query.to}.csv"`,
        )
        .send(await salesJournalCsv(app.db, req.query.from, req.query.to)),
  )

  app.get(
    '/fiscal/registers/:id/tickets/:seq/receipt',
    {
      config: staff,
      schema: {
        tags,
        summary:
          "A ticket's receipt with the legal mentions; a DUPLICATA record answers its original marked DUPLICATA n° k",
        params: TicketParams,
        response: { 200: Receipt, ...errorResponses },
      },
    },
    async (req) => receiptOf(app.db, req.actor, req.params.id, req.params.seq),
  )

  app.get(
    '/fiscal/registers/:id/tickets/:seq/receipt.html',
    {
      config: staff,
      schema: {
        tags,
        summary: 'The receipt printed (80 mm), in French or English',
        params: TicketParams,
        querystring: ReceiptQuery,
        response: { 200: { content: { 'text/html': { schema: { type: 'string' } } } }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const receipt = await receiptOf(app.db, req.actor, req.params.id, req.params.seq)
      return reply.type('text/html; charset=utf-8').send(receiptHtml(receipt, req.query.lang ?? 'fr'))
    },
  )

  app.post(
    '/fiscal/registers/:id/training-tickets',
    {
      config: staff,
      schema: {
        tags,
        summary:
          'Ring up a practice ticket on a register open in training mode (no order, no stock, no total)',
        params: RegisterParams,
        body: TrainingIn,
        response: { 201: Ticket, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await inTransaction(ringTraining)(app.db, req.actor, req.params.id, req.body)),
  )

  app.post(
    '/fiscal/registers/:id/journal',
    {
      config: staff,
      schema: {
        tags,
        summary:
          "Report a till event to the register's journal (JET): sign-in or out, price override, line void, drawer opened without a sale, error",
        params: RegisterParams,
        body: JournalIn,
        response: { 201: JournalRecorded, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await inTransaction(reportToJournal)(app.db, req.actor, req.params.id, req.body)),
  )

  app.get(
    '/fiscal/fec',
    {
      config: headOffice,
      schema: {
        tags,
        summary:
          "The accountant's FEC (art. A47 A-1 LPF, 18 columns, tab-separated) of the registers' daily closings and cash movements, and the invoices to business customers",
        description:
          "Journals: VE (a register's daily closing), CA (cash movements), VF (each invoice and credit note to a " +
          'business customer issued in the period: 411 with the customer as CompAuxNum, 707 and 4457 per VAT rate, ' +
          'credit notes the other way round; PieceRef the invoice number).',
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
