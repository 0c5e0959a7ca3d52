import { describe, expect, it } from 'vitest'
import { invalidChannelModes } from './channels.domain.ts'

describe('the fulfilment modes of a channel', () => {
  it('include take-away only for a store channel', () => {
    expect(invalidChannelModes('store', ['takeaway', 'pickup'])).toBeNull()
    expect(invalidChannelModes('web', ['takeaway'])).toContain('store channel')
  })

  it('are at least one, each once', () => {
    expect(invalidChannelModes('web', [])).not.toBeNull()
    expect(invalidChannelModes('web', ['delivery', 'delivery'])).toContain('twice')
  })
})
