import { describe, expect, it } from 'vitest'
import { checkTemplate, fieldsIn, renderTemplate } from '../../src/shared/domain/templates'

const codes = (input: Parameters<typeof checkTemplate>[0]) =>
  checkTemplate(input)
    .filter((f) => f.level !== 'good')
    .map((f) => f.code)

// 72 words, under 400 characters, opening with them, one bounded ask.
const good =
  'Saw your talk on search at {company}, {firstName}. We need a lead for a small remote team that owns indexing end to end. Pay is 95 to 110k, no on call, and you pick the stack. You would move us from batch jobs to streaming with two engineers who know the code and a manager who did it at her last job. It is a calm team and it ships each week. Worth a 15 minute chat?'

describe('the template checker', () => {
  it('passes a short, specific InMail with one bounded ask', () => {
    expect(codes({ channel: 'inmail', subject: 'Search platform lead', body: good })).toEqual([])
  })

  it('flags LinkedIn’s hard limits', () => {
    expect(codes({ channel: 'inmail', subject: 'x'.repeat(201), body: good })).toContain(
      'SUBJECT_TOO_LONG',
    )
    expect(
      codes({ channel: 'inmail', subject: 'Role', body: 'word '.repeat(401) + '?' }),
    ).toContain('BODY_TOO_LONG')
    expect(codes({ channel: 'connection-note', body: 'a'.repeat(301) })).toEqual([
      'NOTE_TOO_LONG',
      'NO_ASK',
    ])
    expect(codes({ channel: 'connection-note', body: 'a'.repeat(299) + '?' })).toEqual([])
  })

  it('gives the sources’ guidance', () => {
    const found = codes({
      channel: 'inmail',
      subject: 'Exciting opportunity at Acme Corp today',
      body: 'I am a recruiter at Acme. Are you open? Could you send me your CV? When are you free?',
    })
    expect(found).toEqual(
      expect.arrayContaining([
        'LONG_SUBJECT',
        'GENERIC_SUBJECT',
        'OPENS_WITH_YOU',
        'STACKED_ASKS',
        'CV_ASK',
        'WORD_RANGE',
      ]),
    )
    expect(codes({ channel: 'email', body: `${good} ${good}` })).toEqual(
      expect.arrayContaining(['OVER_400', 'OVER_150_WORDS', 'STACKED_ASKS']),
    )
  })

  it('flags unknown merge fields and unfilled placeholders', () => {
    expect(codes({ channel: 'message', body: `Hi {fristName}, ${good}` })).toContain(
      'UNKNOWN_FIELD',
    )
    expect(codes({ channel: 'message', body: `Hi [Name], ${good}` })).toContain('PLACEHOLDER')
  })
})

describe('merge fields', () => {
  it('lists and fills them, saying which had no value', () => {
    expect(fieldsIn('Hi {firstName}, {company} and { firstName }')).toEqual([
      'firstName',
      'company',
    ])
    expect(
      renderTemplate('Hi {firstName} at {company}', { firstName: 'Ana', company: '' }),
    ).toEqual({
      text: 'Hi Ana at {company}',
      missing: ['company'],
    })
  })
})
