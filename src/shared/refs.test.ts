import { describe, expect, it } from 'vitest'
import { AppError } from './errors.ts'
import { type CodedRow, codeResolver } from './refs.ts'

function resolverOver(list: CodedRow[]) {
  const reads = { count: 0 }
  const resolver = codeResolver<object>('location', 'loc', async () => {
    reads.count++
    return [...list]
  })
  return { resolver, reads, db: {} }
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`)
  return err
}

describe('naming a location by id or by code', () => {
  it('takes an id as given, without reading anything', async () => {
    const { resolver, reads, db } = resolverOver([{ id: 'loc_1', code: 'STO-NICE' }])
    expect(await resolver.id(db, 'loc_1', 'store_id')).toBe('loc_1')
    expect(await resolver.id(db, 'loc_unchecked', 'store_id')).toBe('loc_unchecked')
    expect(reads.count).toBe(0)
  })

  it('turns codes into ids from one read of the codes', async () => {
    const { resolver, reads, db } = resolverOver([
      { id: 'loc_1', code: 'STO-NICE' },
      { id: 'loc_2', code: 'STO-LYON' },
    ])
    expect(await resolver.id(db, 'STO-NICE', 'store_id')).toBe('loc_1')
    expect(await resolver.id(db, 'STO-LYON', 'store_id')).toBe('loc_2')
    expect(reads.count).toBe(1)
  })

  it('finds a code created after the codes were read, reading them again once', async () => {
    const list = [{ id: 'loc_1', code: 'STO-NICE' }]
    const { resolver, reads, db } = resolverOver(list)
    await resolver.id(db, 'STO-NICE', 'store_id')
    list.push({ id: 'loc_2', code: 'STO-NEW' })
    expect(await resolver.id(db, 'STO-NEW', 'store_id')).toBe('loc_2')
    expect(reads.count).toBe(2)
  })

  it('answers an unknown code with a 400 naming the field and the code', async () => {
    const { resolver, db } = resolverOver([{ id: 'loc_1', code: 'STO-NICE' }])
    const err = await refusal(resolver.id(db, 'STO-NOWHERE', 'lines/0/pickup_location_id'))
    expect(err.status).toBe(400)
    expect(err.details?.field).toBe('lines/0/pickup_location_id')
    expect(err.message).toContain('unknown location code STO-NOWHERE')
  })

  it('checks that an id exists when the binding is stored for later', async () => {
    const { resolver, db } = resolverOver([{ id: 'loc_1', code: 'STO-NICE' }])
    expect(await resolver.existingId(db, 'loc_1', 'location_id')).toBe('loc_1')
    expect(await resolver.existingId(db, 'STO-NICE', 'location_id')).toBe('loc_1')
    const err = await refusal(resolver.existingId(db, 'loc_nope', 'location_id'))
    expect(err.details?.field).toBe('location_id')
    expect(err.message).toContain('no location with id loc_nope')
  })
})
