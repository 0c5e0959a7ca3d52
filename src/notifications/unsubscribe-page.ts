import { notificationSettings } from './settings.ts'
import { escapeHtml } from './templates.domain.ts'

/** The unsubscribe page: a button that posts to the same link, then the confirmation (in French and English). */
export function unsubscribePage(step: 'ask' | 'done', token: string): string {
  const brand = escapeHtml(notificationSettings().brand)
  const body =
    step === 'ask'
      ? `<p>Vous ne souhaitez plus recevoir les offres de ${brand} par e-mail ? / No more offers from ${brand} by e-mail?</p>
<form method="post" action="unsubscribe?token=${encodeURIComponent(token)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Me désabonner / Unsubscribe</button></form>`
      : `<p>C’est fait : vous ne recevrez plus nos offres par e-mail. / Done: you will no longer receive our offers by e-mail.</p>
<p>Les messages sur vos commandes continuent. / Messages about your orders still come.</p>`
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${brand}</title></head><body>${body}</body></html>`
}
