import { describe, expect, it } from 'vitest'
import type { Actor } from '../shared/actor.ts'
import { AppError } from '../shared/errors.ts'
import {
  assertMayWriteInternal,
  assertStaff,
  changeStatus,
  maySeeTicket,
  openedFrom,
  type TicketStatus,
  transitions,
  warrantyOf,
} from './aftersales.domain.ts'
import { ticketStatuses } from './aftersales.schema.ts'

const ticket = (status: TicketStatus, resolution: string | null = null) => ({
  number: '700001',
  status,
  resolution,
})

/** What each step needs besides the status: a resolution to resolve, or to close unresolved. */
const requestFor = (from: TicketStatus, to: TicketStatus) =>
  to === 'resolved' || (to === 'closed' && from !== 'resolved')
    ? { to, resolution: 'Réparé sous garantie' }
    : { to }

function thrown(fn: () => unknown): AppError {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected an AppError')
}

const actor = (over: Partial<Actor>): Actor => ({
  keyId: 'key_1',
  name: 'k',
  role: 'admin',
  locationId: null,
  channelId: null,
  ...over,
})

const allowedPairs = ticketStatuses.flatMap((from) => transitions[from].map((to) => [from, to] as const))
const refusedPairs = ticketStatuses.flatMap((from) =>
  ticketStatuses.filter((to) => !transitions[from].includes(to)).map((to) => [from, to] as const),
)

describe('the after-sales ticket workflow', () => {
  it('lists exactly these steps', () => {
    expect(allowedPairs.map(([from, to]) => `${from}→${to}`)).toEqual([
      'open→in_progress',
      'open→resolved',
      'open→closed',
      'in_progress→waiting_customer',
      'in_progress→at_repairer',
      'in_progress→resolved',
      'in_progress→closed',
      'waiting_customer→in_progress',
      'waiting_customer→resolved',
      'waiting_customer→closed',
      'at_repairer→in_progress',
      'at_repairer→resolved',
      'resolved→in_progress',
      'resolved→closed',
    ])
  })

  it.each(allowedPairs)('%s → %s is allowed and recorded with both statuses', (from, to) => {
    const change = changeStatus(ticket(from, from === 'resolved' ? 'Remplacé' : null), requestFor(from, to))
    expect(change).toMatchObject({ from, to })
    expect(change.body).not.toBe('')
  })

  it.each(refusedPairs)('%s → %s is refused as invalid_transition naming both', (from, to) => {
    const err = thrown(() => changeStatus(ticket(from), requestFor(from, to)))
    expect(err.status).toBe(409)
    expect(err.code).toBe('invalid_transition')
    expect(err.details).toMatchObject({ from, to, allowed: transitions[from] })
  })

  it('a closed ticket is final and says to open a new one', () => {
    const err = thrown(() => changeStatus(ticket('closed', 'Remplacé'), { to: 'in_progress' }))
    expect(err.message).toContain('open a new ticket')
    expect(transitions.closed).toEqual([])
  })

  it('a product at the repairer cannot be closed on: it must come back or be resolved', () => {
    expect(thrown(() => changeStatus(ticket('at_repairer'), { to: 'closed', resolution: 'x' })).code).toBe(
      'invalid_transition',
    )
  })

  it('resolving needs a resolution, which is kept on the ticket and written in the history', () => {
    const missing = thrown(() => changeStatus(ticket('in_progress'), { to: 'resolved' }))
    expect(missing).toMatchObject({ status: 400, code: 'invalid_input', details: { field: 'resolution' } })
    const blank = thrown(() => changeStatus(ticket('in_progress'), { to: 'resolved', resolution: '   ' }))
    expect(blank.details).toMatchObject({ field: 'resolution' })
    expect(changeStatus(ticket('in_progress'), { to: 'resolved', resolution: ' Pièce changée ' })).toEqual({
      from: 'in_progress',
      to: 'resolved',
      resolution: 'Pièce changée',
      body: 'Pièce changée',
    })
  })

  it('closing an unresolved ticket needs the reason; closing a resolved one keeps its resolution', () => {
    expect(thrown(() => changeStatus(ticket('open'), { to: 'closed' })).details).toMatchObject({
      field: 'resolution',
    })
    expect(changeStatus(ticket('open'), { to: 'closed', resolution: 'Doublon' }).resolution).toBe('Doublon')
    expect(changeStatus(ticket('resolved', 'Remplacé'), { to: 'closed' })).toMatchObject({
      resolution: 'Remplacé',
      body: 'Status changed from resolved to closed.',
    })
  })

  it('reopening drops the resolution; a resolution is refused on a step that does not end the ticket', () => {
    expect(changeStatus(ticket('resolved', 'Remplacé'), { to: 'in_progress' }).resolution).toBeNull()
    const err = thrown(() => changeStatus(ticket('open'), { to: 'in_progress', resolution: 'Réparé' }))
    expect(err.details).toMatchObject({ field: 'resolution' })
  })

  it('a note becomes the history text; an empty note is refused', () => {
    expect(changeStatus(ticket('open'), { to: 'in_progress', note: 'Pris en charge en magasin' }).body).toBe(
      'Pris en charge en magasin',
    )
    expect(
      thrown(() => changeStatus(ticket('open'), { to: 'in_progress', note: ' ' })).details,
    ).toMatchObject({
      field: 'note',
    })
  })
})

describe('who sees and writes what on a ticket', () => {
  const web = actor({ role: 'channel', channelId: 'chn_web' })
  const store = actor({ role: 'store_staff', locationId: 'loc_lyon' })
  const callCentre = actor({ role: 'call_centre', channelId: 'chn_cc' })

  it('every staff key sees tickets of every channel; a channel key those of its own orders', () => {
    for (const staff of [actor({}), store, callCentre]) expect(maySeeTicket(staff, 'chn_web')).toBe(true)
    expect(maySeeTicket(web, 'chn_web')).toBe(true)
    expect(maySeeTicket(web, 'chn_stores')).toBe(false)
  })

  it('a channel key acting for its logged-in customer sees that customer’s tickets from every channel, only', () => {
    expect(maySeeTicket(web, 'chn_stores', 'repair', 'cus_lea', 'cus_lea')).toBe(true)
    expect(maySeeTicket(web, 'chn_web', 'repair', 'cus_other', 'cus_lea')).toBe(false)
    expect(maySeeTicket(web, 'chn_web', 'repair', null, 'cus_lea')).toBe(false)
    expect(maySeeTicket(web, 'chn_stores', 'supplier_claim', 'cus_lea', 'cus_lea')).toBe(false)
  })

  it('internal notes and workflow steps are staff work', () => {
    expect(() => assertMayWriteInternal(web, false)).not.toThrow()
    expect(thrown(() => assertMayWriteInternal(web, true)).status).toBe(403)
    expect(() => assertMayWriteInternal(store, true)).not.toThrow()
    expect(thrown(() => assertStaff(web, 'change the status of a ticket')).status).toBe(403)
    expect(() => assertStaff(callCentre, 'change the status of a ticket')).not.toThrow()
  })

  it('a ticket records the till’s store, or the key’s channel', () => {
    expect(openedFrom(store)).toEqual({ channelId: null, locationId: 'loc_lyon' })
    expect(openedFrom(callCentre)).toEqual({ channelId: 'chn_cc', locationId: null })
    expect(openedFrom(web)).toEqual({ channelId: 'chn_web', locationId: null })
    expect(openedFrom(actor({}))).toEqual({ channelId: null, locationId: null })
  })
})

describe('the legal guarantee of conformity', () => {
  it('runs two years from delivery, to the same day', () => {
    const w = warrantyOf(new Date('2026-03-10T15:00:00Z'), new Date('2028-03-10T14:00:00Z'))
    expect(w).toEqual({
      delivered_at: '2026-03-10T15:00:00.000Z',
      legal_guarantee_until: '2028-03-10T15:00:00.000Z',
      under_legal_guarantee: true,
    })
    expect(
      warrantyOf(new Date('2026-03-10T15:00:00Z'), new Date('2028-03-10T15:00:01Z'))?.under_legal_guarantee,
    ).toBe(false)
  })

  it('a delivery on 29 February is covered until 28 February two years later', () => {
    expect(warrantyOf(new Date('2028-02-29T10:00:00Z'), new Date())?.legal_guarantee_until).toBe(
      '2030-02-28T10:00:00.000Z',
    )
  })

  it('nothing handed over yet: no guarantee running', () => {
    expect(warrantyOf(null, new Date())).toBeNull()
  })
})
