import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'

export interface PhotoRow {
  id: string
  ticket_id: string
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  message_id: number | null
  author: string | null
  created_at: Date
}

/** The photos of a ticket, oldest first, without their bytes (each is fetched on its own). */
export async function photosOf(q: Executor, ticketId: string) {
  const list = await rows<PhotoRow>(
    q,
    sql`SELECT id, ticket_id, file_name, content_type, size_bytes, sha256, message_id::int AS message_id, author,
               created_at
        FROM service_ticket_photo WHERE ticket_id = ${ticketId} ORDER BY ticket_id, id`,
  )
  return list.map(photoView)
}

export function photoView(p: PhotoRow) {
  return {
    id: p.id,
    file_name: p.file_name,
    content_type: p.content_type,
    size_bytes: p.size_bytes,
    sha256: p.sha256,
    message_id: p.message_id,
    author: p.author,
    created_at: new Date(p.created_at).toISOString(),
    url: `/api/v1/tickets/${p.ticket_id}/photos/${p.id}`,
  }
}
