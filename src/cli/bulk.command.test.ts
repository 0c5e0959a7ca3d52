import { describe, expect, it } from 'vitest'
import { entities } from '../bulk/index.ts'
import { entityNames } from './bulk.command.ts'

describe('the command line of imports and exports', () => {
  it('offers exactly the entities the bulk capability imports and exports', () => {
    expect([...entityNames]).toEqual([...entities])
  })
})
