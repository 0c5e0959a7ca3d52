import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { newId } from '../shared/ids.ts'
import { notificationSettings } from './settings.ts'
import { type CampaignContent, type Language, languageOf, renderCampaign } from './templates.domain.ts'
import { signingSecret, tokenFor, unsubscribeUrl } from './unsubscribe.ts'

/** The template of marketing e-mails: sent only while the customer's consent to marketing by e-mail is in force. */
export const CAMPAIGN_TEMPLATE = 'campaign'

export interface CampaignMail {
  campaignId: string
  content: Record<Language, CampaignContent>
}

/**
 * A campaign's e-mails to these customers, written as messages for the sender (one per campaign and
 * customer: writing it twice writes nothing more), each in the customer's language, with its
 * unsubscribe link; they are in each customer's 360 like every other message. The caller has chosen
 * customers whose consent is in force; the sender checks it again as it takes each message, so a
 * withdrawal meanwhile cancels it. A customer erased, or without an e-mail address, gets nothing.
 * Returns the message id written for each customer.
 */
export async function queueCampaignEmails(
  tx: Tx,
  mail: CampaignMail,
  customerIds: readonly string[],
): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map()
  const found = await rows<{
    id: string
    email: string
    first_name: string
    country: string
    language: Language | null
  }>(
    tx,
    sql`SELECT c.id, c.email, c.first_name, c.country, p.language
        FROM customer c LEFT JOIN notification_preference p ON p.customer_id = c.id
        WHERE c.id IN (SELECT jsonb_array_elements_text(${JSON.stringify(customerIds)}::jsonb))
          AND c.erased_at IS NULL AND c.merged_into IS NULL AND c.email IS NOT NULL`,
  )
  if (found.length === 0) return new Map()
  const settings = notificationSettings()
  const secret = await signingSecret(tx)
  const out = found.map((c) => {
    const lang = languageOf(c.language, c.country)
    const m = renderCampaign(lang, mail.content[lang], {
      brand: settings.brand,
      first_name: c.first_name,
      unsubscribe_url: unsubscribeUrl(settings.publicUrl, tokenFor(secret, c.id)),
    })
    return {
      id: newId('msg'),
      event_id: `campaign:${mail.campaignId}:${c.id}`,
      customer_id: c.id,
      language: lang,
      address: c.email,
      subject: m.subject,
      text: m.text,
      html: m.html,
    }
  })
  const written = await rows<{ id: string; customer_id: string }>(
    tx,
    sql`INSERT INTO notification_message
          (id, event_id, template, channel, customer_id, subject_ref, language, address, subject, body_text, body_html)
        SELECT x.id, x.event_id, ${CAMPAIGN_TEMPLATE}, 'email', x.customer_id, ${mail.campaignId}, x.language,
               x.address, x.subject, x.text, x.html
        FROM jsonb_to_recordset(${JSON.stringify(out)}::jsonb)
          AS x(id text, event_id text, customer_id text, language text, address text, subject text, text text, html text)
        ON CONFLICT (event_id, template, channel) DO NOTHING
        RETURNING id, customer_id`,
  )
  return new Map(written.map((w) => [w.customer_id, w.id]))
}

export interface CampaignMessageState {
  customer_id: string
  message_id: string
  status: 'queued' | 'sent' | 'failed' | 'bounced' | 'cancelled'
  last_error: string | null
  sent_at: Date | null
}

/** Where a campaign's messages are: one read for the campaign's recipients page. */
export async function campaignMessages(q: Executor, campaignId: string) {
  return rows<CampaignMessageState>(
    q,
    sql`SELECT customer_id, id AS message_id, status, last_error, sent_at FROM notification_message
        WHERE subject_ref = ${campaignId} AND template = ${CAMPAIGN_TEMPLATE}`,
  )
}
