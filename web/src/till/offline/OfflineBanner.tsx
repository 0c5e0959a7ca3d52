import { ApiError } from '../../api/client'
import { explain } from '../../errors'
import { dateTime, euro } from '../../format'
import { useLang, useT } from '../../i18n'
import { offlineDict } from './dict'
import type { OfflineTill } from './useOfflineTill'

/**
 * The till's offline state in one band above the sale: online with the catalogue it keeps, or
 * offline with the tenders it takes; the register's offline sales waiting, being sent, recorded or
 * refused, each with its ticket, time, amount and state.
 */
export function OfflineBanner({ state }: { state: OfflineTill }) {
  const t = useT(offlineDict)
  const { lang } = useLang()
  const waiting = state.sales.filter((s) => s.state === 'pending')
  const refused = state.sales.filter((s) => s.state === 'refused')
  const sent = state.sales.filter((s) => s.state === 'sent')
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeStyle: 'short' })
  return (
    <section
      className={`offline-banner${state.online ? '' : ' is-offline'}`}
      aria-label={t('list')}
      data-testid="offline-banner"
      data-online={state.online}
      data-waiting={waiting.length}
    >
      <p role="status" aria-live="polite">
        {state.online ? (
          state.catalogue ? (
            <span data-testid="offline-catalogue">
              {t('ready', {
                n: state.catalogue.articles.length.toLocaleString('fr-FR'),
                time: time(state.catalogue.fetchedAt),
              })}
            </span>
          ) : (
            <span>{state.refreshing ? t('refreshing') : t('readyNone')}</span>
          )
        ) : (
          <>
            <strong>{t('offline')}</strong> <span>{t('offlineTenders')}</span>
          </>
        )}{' '}
        {waiting.length > 0 && (
          <strong data-testid="offline-waiting">
            {state.replaying && state.online ? t('sending') : t('waiting', { n: waiting.length })}
          </strong>
        )}{' '}
        {refused.length > 0 && <strong className="danger">{t('refused', { n: refused.length })}</strong>}{' '}
        {waiting.length === 0 && sent.length > 0 && (
          <span data-testid="offline-sent">{t('sent', { n: sent.length })}</span>
        )}
      </p>
      {state.sales.length > 0 && (
        <details>
          <summary className="offline-summary">{t('list')}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('ticket')}</th>
                <th scope="col">{t('soldAt')}</th>
                <th scope="col" className="num">
                  {t('amount')}
                </th>
                <th scope="col">{t('state')}</th>
              </tr>
            </thead>
            <tbody>
              {[...state.sales].reverse().map((s) => (
                <tr key={s.key} data-testid="offline-sale" data-state={s.state}>
                  <td>{s.ticket}</td>
                  <td>{dateTime(s.soldAt, lang)}</td>
                  <td className="num">{euro(s.receipt.total_cents)}</td>
                  <td>
                    {s.state === 'pending'
                      ? t('statePending')
                      : s.state === 'sent'
                        ? t('stateSent', { n: s.orderNumber ?? '—' })
                        : t('stateRefused', {
                            why: explain(
                              new ApiError(400, s.problem?.code ?? 'unknown', s.problem?.message ?? ''),
                              lang,
                            ).text,
                          })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  )
}
