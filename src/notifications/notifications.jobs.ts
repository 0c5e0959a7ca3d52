import type { Job } from '../jobs/job.ts'
import { configuredTransports, defaultSendOptions, sendDueMessages } from './sender.ts'
import { closeSmtpTransports } from './smtp.ts'

/**
 * Hands queued messages to SMTP (SMTP_URL) and to the SMS provider (TWILIO_*) every 200 ms, like the
 * relay's passes: a message reaches the SMTP server well under a second after its event typically.
 * Without a transport it does nothing and the messages wait, queued.
 */
const send: Job = {
  id: 'notifications.send',
  intervalS: 0.2,
  // Messages just queued leave at once instead of at the next interval.
  wakeAfter: ['notifications.notify'],
  run: (db, log, signal) => {
    const transports = configuredTransports()
    return transports.email || transports.sms
      ? sendDueMessages(db, transports, log, defaultSendOptions, signal)
      : Promise.resolve(0)
  },
  drain: () => closeSmtpTransports(),
}

export const notificationsJobs: Job[] = [send]
