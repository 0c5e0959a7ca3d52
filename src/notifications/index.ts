// The face of src/notifications: what other folders may use. Nothing outside src/notifications imports its other files.

export { type MessageRow, messagesOf } from './messages.store.ts'
export { Message } from './notifications.contract.ts'
export { notificationsErrors } from './notifications.errors.ts'
export { notificationsJobs } from './notifications.jobs.ts'
export { notificationsRoutes } from './notifications.routes.ts'
export { notifyCustomers } from './notify.consumer.ts'
export { sendDueMessages, smtpTransport, type Transports } from './sender.ts'
export { type SmsProvider, twilioProvider } from './sms.ts'
