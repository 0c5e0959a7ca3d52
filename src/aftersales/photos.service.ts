import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { accountHolder } from '../customers/index.ts'
import { type Executor, rows, type Tx } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { newId } from '../shared/ids.ts'
import { text } from './aftersales.domain.ts'
import { notFound, refused } from './aftersales.errors.ts'
import { loadTicket } from './aftersales.service.ts'
import { checkPhoto, decodeBase64, maxPhotosPerTicket } from './photos.domain.ts'
import { type PhotoRow, photoView } from './photos.store.ts'

export interface PhotoInput {
  file_name: string
  content_type: string
  content_base64: string
  /** What the photo shows, written to the ticket's history with it. */
  message?: string
}

/**
 * Attaches a photo to a ticket: its bytes must be a photo of the type declared (read from the file's
 * signature), within the size limit, and a ticket holds at most `maxPhotosPerTicket`. The ticket is
 * locked while counting, so two uploads at once cannot both take the last place. A closed ticket
 * takes no more photos: a new problem is a new ticket.
 */
export async function addPhoto(tx: Tx, actor: Actor, ticketId: string, input: PhotoInput, login?: string) {
  const bytes = decodeBase64(input.content_base64)
  const contentType = checkPhoto(bytes, input.content_type)
  const fileName = text('file_name', input.file_name.split(/[\\/]/).pop() ?? '')
  const message = input.message === undefined ? null : text('message', input.message)
  const ticket = await loadTicket(tx, actor, ticketId, true, await accountHolder(tx, actor, login))
  if (ticket.status === 'closed') {
    throw refused('ticket_closed', `Ticket ${ticket.number} is closed; open a new ticket for a new problem.`)
  }
  const [count] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM service_ticket_photo WHERE ticket_id = ${ticket.id}`,
  )
  if ((count?.n ?? 0) >= maxPhotosPerTicket) {
    throw refused(
      'photo_limit_reached',
      `Ticket ${ticket.number} already has ${maxPhotosPerTicket} photos, the most it keeps.`,
      { limit: maxPhotosPerTicket },
    )
  }
  const id = newId('pho')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const base64 = Buffer.from(bytes).toString('base64')
  const [photo] = await rows<PhotoRow>(
    tx,
    sql`WITH u AS (UPDATE service_ticket SET updated_at = now() WHERE id = ${ticket.id}),
        m AS (
          INSERT INTO service_ticket_message (ticket_id, body, internal, author)
          SELECT ${ticket.id}, ${message ?? ''}, false, ${actor.keyId} WHERE ${message !== null}::boolean
          RETURNING id
        )
        INSERT INTO service_ticket_photo (id, ticket_id, content_type, file_name, size_bytes, sha256, content,
                                          message_id, author)
        VALUES (${id}, ${ticket.id}, ${contentType}, ${fileName}, ${bytes.length}, ${sha256},
                decode(${base64}, 'base64'), (SELECT id FROM m), ${actor.keyId})
        RETURNING id, ticket_id, file_name, content_type, size_bytes, sha256, message_id::int AS message_id,
                  author, created_at`,
  )
  return photoView(photo!)
}

/** A photo's bytes, for whoever may see its ticket. */
export async function photoContent(
  q: Executor,
  actor: Actor,
  ticketId: string,
  photoId: string,
  login?: string,
) {
  const ticket = await loadTicket(q, actor, ticketId, false, await accountHolder(q, actor, login))
  const [photo] = await rows<{ content_type: string; file_name: string; content: string }>(
    q,
    sql`SELECT content_type, file_name, encode(content, 'base64') AS content
        FROM service_ticket_photo WHERE id = ${photoId} AND ticket_id = ${ticket.id}`,
  )
  if (!photo) throw notFound('photo', photoId)
  return {
    contentType: photo.content_type,
    fileName: photo.file_name,
    bytes: Buffer.from(photo.content, 'base64'),
  }
}
