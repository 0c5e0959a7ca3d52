import { parentPort, workerData } from 'node:worker_threads'
import { type SmtpAnswer, type SmtpOrder, smtpTransport } from './smtp.ts'

/**
 * The SMTP thread (smtp.ts, SmtpThread): hands each message it is posted to the pooled transport of
 * its URL and answers what the server said, or the error with the fields the sender reads.
 */
const transport = smtpTransport((workerData as { url: string }).url)

parentPort!.on('message', async (order: SmtpOrder | 'close') => {
  if (order === 'close') {
    transport.close()
    parentPort!.close()
    return
  }
  let answer: SmtpAnswer
  try {
    const info = await transport.sendMail(order.mail)
    answer = {
      id: order.id,
      info: {
        messageId: info.messageId,
        response: info.response,
        rejected: ((info.rejected ?? []) as Array<string | { address: string }>).map((r) =>
          typeof r === 'string' ? r : r.address,
        ),
      },
    }
  } catch (err) {
    const e = err as Error & { code?: string; responseCode?: number; response?: string }
    answer = {
      id: order.id,
      error: {
        message: e.message,
        ...(e.code === undefined ? {} : { code: e.code }),
        ...(e.responseCode === undefined ? {} : { responseCode: e.responseCode }),
        ...(e.response === undefined ? {} : { response: e.response }),
      },
    }
  }
  parentPort!.postMessage(answer)
})
