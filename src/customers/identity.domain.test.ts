import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/errors.ts'
import {
  normaliseEmail,
  normaliseIdentity,
  normaliseLoyaltyCard,
  normaliseName,
  normalisePhone,
  searchKey,
} from './identity.domain.ts'

describe('e-mail addresses', () => {
  it('are found whatever the case and surrounding spaces they were typed with', () => {
    expect(normaliseEmail('  Marie.Dupont@Example.FR ')).toBe('marie.dupont@example.fr')
    expect(normaliseEmail('jean+promo@mail.co.uk')).toBe('jean+promo@mail.co.uk')
    expect(normaliseEmail('élodie@café.fr')).toBe('élodie@café.fr')
  })

  it('are refused when they cannot receive mail', () => {
    for (const bad of [
      '',
      '   ',
      'marie',
      'marie@',
      '@example.fr',
      'marie@example',
      'marie dupont@example.fr',
    ]) {
      expect(normaliseEmail(bad), bad).toBeNull()
    }
    expect(normaliseEmail('a@b@example.fr')).toBeNull()
    expect(normaliseEmail('marie@example.f')).toBeNull()
    expect(normaliseEmail('marie@-example.fr')).toBeNull()
  })
})

describe('phone numbers', () => {
  it('typed any French way become one E.164 number', () => {
    for (const typed of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '0612345678',
      '+33 6 12 34 56 78',
      '+33612345678',
      '0033612345678',
      '06-12-34-56-78',
      ' (06) 12 34 56 78 ',
    ]) {
      expect(normalisePhone(typed), typed).toBe('+33612345678')
    }
    expect(normalisePhone('01 23 45 67 89')).toBe('+33123456789')
  })

  it('from abroad are accepted with their + country code', () => {
    expect(normalisePhone('+44 20 7946 0958')).toBe('+442079460958')
    expect(normalisePhone('+1 415 555 2671')).toBe('+14155552671')
    expect(normalisePhone('+32 470 12 34 56')).toBe('+32470123456')
  })

  it('are refused when incomplete, too long, unassigned or mixed with letters', () => {
    for (const bad of [
      '',
      '12',
      '06 12 34 56',
      '+33 6 12 34 56 789',
      '07 00 00 00 00',
      '0612345678x',
      'abc',
      '06 12 34 56 78 ext 3',
    ]) {
      expect(normalisePhone(bad), bad).toBeNull()
    }
  })

  it('normalising a French mobile number twice gives the same number as once', () => {
    const mobile = fc.record({
      // Assigned mobile ranges (063 and 069 hold overseas and unassigned blocks; 070–072 are unassigned).
      prefix: fc.constantFrom(
        '60',
        '61',
        '62',
        '64',
        '65',
        '66',
        '67',
        '68',
        '73',
        '74',
        '75',
        '76',
        '77',
        '78',
      ),
      digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }),
      format: fc.constantFrom('spaced', 'dotted', 'dashed', 'plain', 'intl', 'intl-spaced', '0033'),
    })
    fc.assert(
      fc.property(mobile, ({ prefix, digits, format }) => {
        const national = `0${prefix}${digits.join('')}`
        const pairs = national.match(/../g)!
        const typed = {
          spaced: pairs.join(' '),
          dotted: pairs.join('.'),
          dashed: pairs.join('-'),
          plain: national,
          intl: `+33${national.slice(1)}`,
          'intl-spaced': `+33 ${national.slice(1, 2)} ${pairs.slice(1).join(' ')}`,
          '0033': `0033${national.slice(1)}`,
        }[format]
        const once = normalisePhone(typed)
        expect(once).toBe(`+33${national.slice(1)}`)
        expect(normalisePhone(once!)).toBe(once)
      }),
    )
  })
})

describe('loyalty cards', () => {
  it('keep their digits, whatever the spaces and dashes printed on the card', () => {
    expect(normaliseLoyaltyCard('1234 5678 9012')).toBe('123456789012')
    expect(normaliseLoyaltyCard('1234-5678-9012-3456')).toBe('1234567890123456')
    expect(normaliseLoyaltyCard('12345678')).toBe('12345678')
    expect(normaliseLoyaltyCard('1234567890123456789')).toBe('1234567890123456789')
  })

  it('are refused when too short, too long or not digits', () => {
    for (const bad of ['', '1234567', '12345678901234567890', '1234 56A8 9012', '1234.5678.9012']) {
      expect(normaliseLoyaltyCard(bad), bad).toBeNull()
    }
  })
})

describe('names and addresses', () => {
  it('display trimmed with single spaces, accents kept', () => {
    expect(normaliseName('  Jean-François   de  la   Tour ')).toBe('Jean-François de la Tour')
    expect(normaliseName('Hélène\tMüller')).toBe('Hélène Müller')
    expect(normaliseName('')).toBe('')
  })

  it('are searched without case nor accents', () => {
    expect(searchKey('  Hélène  ÉLOÏSE Œuvre ')).toBe('helene eloise oeuvre')
  })
})

describe('an identifier that cannot be normalised', () => {
  it('is refused naming the field and saying what is expected', () => {
    const err = (() => {
      try {
        normaliseIdentity('loyalty_card', '12', 'card')
      } catch (e) {
        return e
      }
    })() as AppError
    expect(err).toBeInstanceOf(AppError)
    expect(err.status).toBe(400)
    expect(err.details?.field).toBe('card')
    expect(err.message).toMatch(/8 to 19 digits/)
    expect(normaliseIdentity('phone', '06 12 34 56 78')).toBe('+33612345678')
  })
})
