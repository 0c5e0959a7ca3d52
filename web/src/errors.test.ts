import { describe, expect, it } from 'vitest'
import { ApiError } from './api/client'
import { explain } from './errors'

describe('a refusal of the legal till, as the cashier reads it', () => {
  const closed = new ApiError(
    409,
    'register_not_open',
    'Register CAISSE-1 has no open cash session: open it first.',
    {
      register_id: 'reg_1',
      message_fr: 'La caisse n’est pas ouverte : ouvrez-la avec son fond de caisse avant de vendre.',
    },
  )

  it('is the server’s French words in French, and the workspace’s own in English', () => {
    expect(explain(closed, 'fr').text).toBe(
      'La caisse n’est pas ouverte : ouvrez-la avec son fond de caisse avant de vendre.',
    )
    expect(explain(closed, 'en').text).toContain('The register is not open')
    expect(explain(closed, 'fr').technical).toContain('register_not_open')
  })

  it('falls back on the workspace’s French when the server sends none', () => {
    const over = new ApiError(422, 'variance_needs_manager', 'Variance over 500 cents', {
      threshold_cents: 500,
    })
    expect(explain(over, 'fr').text).toContain('un responsable ferme la caisse')
  })
})
