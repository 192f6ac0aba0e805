import { describe, expect, it } from 'vitest'
import { normalizeProfileUrl } from '../../src/shared/domain/profiles'

describe('normalizeProfileUrl', () => {
  it('makes every spelling of one profile the same key', () => {
    const key = 'https://www.linkedin.com/in/jane-doe-42'
    for (const spelling of [
      'https://www.linkedin.com/in/jane-doe-42',
      'https://www.linkedin.com/in/jane-doe-42/',
      'http://linkedin.com/in/Jane-Doe-42',
      'www.linkedin.com/in/JANE-DOE-42/?originalSubdomain=uk',
      'https://uk.linkedin.com/in/jane-doe-42#about',
      '  linkedin.com/in/jane-doe-42  ',
    ])
      expect(normalizeProfileUrl(spelling), spelling).toBe(key)
  })

  it('keeps non-Latin slugs, decoded once and re-encoded', () => {
    expect(normalizeProfileUrl('https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller')).toBe(
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller',
    )
    expect(normalizeProfileUrl('linkedin.com/in/Jürgen-Müller')).toBe(
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller',
    )
  })

  it('refuses what is not a member profile', () => {
    for (const notProfile of [
      '',
      'jane doe',
      'https://www.linkedin.com/company/acme',
      'https://www.linkedin.com/in/',
      'https://evil.example/linkedin.com/in/jane',
      'https://linkedin.com.evil.example/in/jane',
      'https://www.linkedin.com/in/jane/details/experience',
    ])
      expect(normalizeProfileUrl(notProfile), notProfile).toBeNull()
  })
})
