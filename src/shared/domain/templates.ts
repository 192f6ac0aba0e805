// Message templates: merge fields and the writing checker (DOMAIN.md §3 limits, §6 guidance).

export const templateChannels = [
  'inmail',
  'connection-note',
  'message',
  'email',
  'whatsapp',
] as const
export type TemplateChannel = (typeof templateChannels)[number]

export const channelNames: Record<TemplateChannel, string> = {
  inmail: 'InMail',
  'connection-note': 'Connection note',
  message: 'Message',
  email: 'Email',
  whatsapp: 'WhatsApp',
}

/** Merge fields a template may use, with what they stand for. */
export const mergeFields: Record<string, string> = {
  firstName: "the person's first name",
  lastName: "the person's last name",
  fullName: "the person's full name",
  company: "the person's company",
  headline: "the person's headline",
  role: 'the role you are hiring for',
  myName: 'your name',
}

const fieldPattern = /\{\s*([A-Za-z]+)\s*\}/g

/** The merge fields a text uses, in order of first use. */
export function fieldsIn(text: string): string[] {
  const seen = new Set<string>()
  for (const match of text.matchAll(fieldPattern)) seen.add(match[1]!)
  return [...seen]
}

/** Fills merge fields; fields with no value stay as typed and are listed as missing. */
export function renderTemplate(
  text: string,
  values: Partial<Record<string, string | null>>,
): { text: string; missing: string[] } {
  const missing = new Set<string>()
  const rendered = text.replace(fieldPattern, (whole, name: string) => {
    const value = values[name]
    if (value === undefined || value === null || value.trim() === '') {
      missing.add(name)
      return whole
    }
    return value
  })
  return { text: rendered, missing: [...missing] }
}

/**
 * A template's subject (when it has one) and body filled in with `values`; `missing` names each
 * field left unfilled once, wherever it was.
 */
export function renderMessage(
  template: { subject: string | null; body: string },
  values: Partial<Record<string, string | null>>,
): { subject: string | null; body: string; missing: string[] } {
  const subject = template.subject ? renderTemplate(template.subject, values) : null
  const body = renderTemplate(template.body, values)
  return {
    subject: subject?.text ?? null,
    body: body.text,
    missing: [...new Set([...(subject?.missing ?? []), ...body.missing])],
  }
}

export interface Finding {
  /** 'limit': LinkedIn will refuse it; 'advice': the sources' guidance; 'good': a check it passes. */
  level: 'limit' | 'advice' | 'good'
  code: string
  message: string
}

export function words(text: string): number {
  return text.trim() === '' ? 0 : text.trim().split(/\s+/).length
}

const genericSubjects = [
  /exciting (job |career )?opportunit/i,
  /career opportunit/i,
  /job opportunit/i,
  /^opportunity\b/i,
  /new opportunit/i,
  /^quick question$/i,
  /^hello|^hi\b/i,
  /great opportunity/i,
]

const placeholderPatterns = [/\[[A-Z][A-Za-z ]*\]/, /<[A-Za-z ]+>/, /\bX{3,}\b/, /\bTBD\b/]

/** Checks a template against LinkedIn's hard limits and the writing guidance. */
export function checkTemplate(input: {
  channel: TemplateChannel
  subject?: string | null
  body: string
}): Finding[] {
  const findings: Finding[] = []
  const body = input.body
  const subject = input.subject ?? ''
  const chars = body.length
  const bodyWords = words(body)
  const push = (level: Finding['level'], code: string, message: string) =>
    findings.push({ level, code, message })

  if (input.channel === 'inmail') {
    if (subject.length > 200)
      push(
        'limit',
        'SUBJECT_TOO_LONG',
        `The subject has ${subject.length} characters; InMail allows 200.`,
      )
    if (chars > 2000)
      push('limit', 'BODY_TOO_LONG', `The message has ${chars} characters; InMail allows 2,000.`)
    if (subject.trim() === '')
      push('advice', 'NO_SUBJECT', 'An InMail needs a subject: short and specific.')
  }
  if (input.channel === 'connection-note' && chars > 300)
    push(
      'limit',
      'NOTE_TOO_LONG',
      `The note has ${chars} characters; a connection note allows 300.`,
    )

  if (input.channel !== 'connection-note') {
    if (chars >= 400)
      push(
        'advice',
        'OVER_400',
        `${chars} characters: messages under 400 characters get the most replies.`,
      )
    else if (chars > 0) push('good', 'UNDER_400', `${chars} characters: under 400.`)
    if (bodyWords > 150)
      push('advice', 'OVER_150_WORDS', `${bodyWords} words: keep it under 150 (70–120 works best).`)
    else if (bodyWords > 120 || (bodyWords > 0 && bodyWords < 70))
      push('advice', 'WORD_RANGE', `${bodyWords} words: 70–120 words works best.`)
    else if (bodyWords > 0) push('good', 'WORDS_OK', `${bodyWords} words: within 70–120.`)
  }

  if (subject.trim() !== '') {
    if (words(subject) >= 5)
      push('advice', 'LONG_SUBJECT', `The subject has ${words(subject)} words: under 5 reads best.`)
    if (genericSubjects.some((p) => p.test(subject.trim())))
      push(
        'advice',
        'GENERIC_SUBJECT',
        `"${subject.trim()}" is a generic subject; name the role, skill or reason.`,
      )
  }

  const opening = body.trim().split(/[.!?\n]/)[0] ?? ''
  if (/^(i|i'm|i am|we|we're|our|my name is|at \{?company\}?)\b/i.test(opening.trim()))
    push(
      'advice',
      'OPENS_WITH_YOU',
      'Open with them (their work, their move), not with yourself or the company.',
    )

  const questions = (body.match(/\?/g) ?? []).length
  if (questions > 1)
    push('advice', 'STACKED_ASKS', `${questions} questions: end with one small, bounded ask.`)
  else if (questions === 0 && chars > 0)
    push('advice', 'NO_ASK', 'No question: end with one small ask, like "Worth a 15-minute chat?"')
  if (/\b(send|share|forward) (me )?(your|a) (cv|resume|résumé)\b/i.test(body))
    push(
      'advice',
      'CV_ASK',
      'Asking for a CV up front costs replies; ask for a short chat instead.',
    )

  const unknown = fieldsIn(`${subject} ${body}`).filter((f) => !(f in mergeFields))
  if (unknown.length > 0)
    push(
      'limit',
      'UNKNOWN_FIELD',
      `Unknown merge field ${unknown.map((f) => `{${f}}`).join(', ')}: use ${Object.keys(
        mergeFields,
      )
        .map((f) => `{${f}}`)
        .join(', ')}.`,
    )
  const placeholder = placeholderPatterns.find((p) => p.test(`${subject} ${body}`))
  if (placeholder)
    push(
      'limit',
      'PLACEHOLDER',
      `An unfilled placeholder is left: "${(`${subject} ${body}`.match(placeholder) ?? [''])[0]}".`,
    )

  return findings
}
