/**
 * How messages go out, from the environment. SMTP_URL unset: e-mails are written and stay queued
 * (nothing is lost; they go once it is set). TWILIO_* unset: SMS stay queued the same way.
 */
export interface NotificationSettings {
  brand: string
  /** The From of e-mails. */
  from: string
  /** Where the links in messages point (the unsubscribe page): this server as customers reach it. */
  publicUrl: string
  smtpUrl?: string
  twilio?: { accountSid: string; authToken: string; from: string; baseUrl: string }
}

export function notificationSettings(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  const brand = env.PASSERELLE_BRAND_NAME?.trim() || 'Passerelle'
  const sid = env.TWILIO_ACCOUNT_SID?.trim()
  const token = env.TWILIO_AUTH_TOKEN?.trim()
  const smsFrom = env.TWILIO_FROM?.trim()
  return {
    brand,
    from: env.PASSERELLE_MAIL_FROM?.trim() || `"${brand}" <no-reply@passerelle.invalid>`,
    publicUrl: (env.PASSERELLE_PUBLIC_URL?.trim() || 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    twilio:
      sid && token && smsFrom
        ? {
            accountSid: sid,
            authToken: token,
            from: smsFrom,
            baseUrl: (env.TWILIO_API_URL?.trim() || 'https://api.twilio.com').replace(/\/+$/, ''),
          }
        : undefined,
  }
}
