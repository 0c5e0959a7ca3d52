import type { Job } from '../jobs/job.ts'
import { invoiceMonthly, remindOverdue } from './invoices.service.ts'

export const businessJobs: Job[] = [
  {
    // Accounts invoiced monthly: the month's shipments are invoiced in the hour after it ends.
    id: 'business.invoice-monthly',
    intervalS: 3600,
    run: (db) => invoiceMonthly(db),
  },
  {
    // Overdue invoices get their reminder of the day (a day, 15 and 30 days late), once per level.
    id: 'business.remind-overdue',
    intervalS: 3600,
    run: (db) => db.transaction((tx) => remindOverdue(tx)),
  },
]
