import { describe, expect, it } from 'vitest'
import { identifierQuery } from './identifiers'

describe('a customer identifier typed at the till or by the call centre', () => {
  it('is an e-mail, a loyalty card, a phone number in any form, or a name', () => {
    expect(identifierQuery(' Lea.Martin@orange.fr ')).toEqual({ email: 'Lea.Martin@orange.fr' })
    expect(identifierQuery('2990120639892')).toEqual({ card: '2990120639892' })
    expect(identifierQuery('06 27 46 30 81')).toEqual({ phone: '0627463081' })
    expect(identifierQuery('+33 6.27.46.30.81')).toEqual({ phone: '+33627463081' })
    expect(identifierQuery('Mercier')).toEqual({ q: 'Mercier' })
  })
})
