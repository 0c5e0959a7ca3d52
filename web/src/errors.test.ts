import { describe, expect, it } from 'vitest'
import { ApiError } from './api/client'
import { explain } from './errors'
import { euro } from './format'

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

describe('a business order over the credit limit, as the call centre reads it', () => {
  const over = new ApiError(422, 'credit_limit_exceeded', 'This order (600000 cents) would take…', {
    credit_limit_cents: 500_000,
    open_cents: 108_475,
    order_cents: 600_000,
    available_cents: 391_525,
  })

  it('names the limit, what the account already owes and the order, in French and in English', () => {
    const fr = explain(over, 'fr').text
    expect(fr).toContain('dépasserait l’encours autorisé')
    expect(fr).toContain(
      `Encours autorisé : ${euro(500_000)}, déjà dû : ${euro(108_475)}, cette commande : ${euro(600_000)}.`,
    )
    const en = explain(over, 'en').text
    expect(en).toContain('over its credit limit')
    expect(en).toContain(`Credit limit: ${euro(500_000)}, already owed: ${euro(108_475)}`)
    expect(explain(over, 'fr').technical).toContain('credit_limit_exceeded')
  })
})
