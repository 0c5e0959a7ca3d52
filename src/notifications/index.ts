// The face of src/notifications: what other folders may use. Nothing outside src/notifications imports its other files.

export {
  CAMPAIGN_TEMPLATE,
  type CampaignMail,
  type CampaignMessageState,
  campaignMessages,
  queueCampaignEmails,
} from './marketing.service.ts'
export { CONSENT_WITHDRAWN, ERASED, type MessageRow, messagesOf } from './messages.store.ts'
export { Message } from './notifications.contract.ts'
export { notificationsErrors } from './notifications.errors.ts'
export { notificationsJobs } from './notifications.jobs.ts'
export { notificationsRoutes } from './notifications.routes.ts'
export { notifyCustomers } from './notify.consumer.ts'
export { sendDueMessages, type Transports } from './sender.ts'
export { type SmsProvider, twilioProvider } from './sms.ts'
export { closeSmtpTransports, smtpTransport, threadedSmtpTransport } from './smtp.ts'
export { type CampaignContent, type Language, languages } from './templates.domain.ts'
