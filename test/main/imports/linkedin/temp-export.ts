// Hand-made export folders in temp directories for the reader's tests.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'

export { fixturesDir as fixtures } from '../../../helpers/fixtures'
export const myUrl = 'https://www.linkedin.com/in/jordan-avery-recruits'

export const messagesHeader =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER'

/** A fresh folder per test, removed after it. */
export function useTempDir(): {
  readonly dir: string
  write(name: string, content: string | Uint8Array): Promise<string>
} {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outreach-linkedin-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  return {
    get dir() {
      return dir
    },
    async write(name, content) {
      const path = join(dir, name)
      await writeFile(path, content)
      return path
    },
  }
}

export interface Row {
  id: string
  fromMe: boolean
  other?: string
  otherUrl?: string
  date: string
  subject?: string
  content: string
  folder?: string
}

/** One messages.csv line in the base ten columns, quoted the way LinkedIn quotes. */
export function messageLine(row: Row): string {
  const other = row.other ?? 'Ana Smith'
  const otherUrl = row.otherUrl ?? 'https://www.linkedin.com/in/ana-smith-1'
  const [from, fromUrl, to, toUrl] = row.fromMe
    ? ['Jordan Avery', myUrl, other, otherUrl]
    : [other, otherUrl, 'Jordan Avery', myUrl]
  return [
    row.id,
    '',
    from,
    fromUrl,
    to,
    toUrl,
    row.date,
    row.subject ?? '',
    row.content,
    row.folder ?? 'INBOX',
  ]
    .map((value) => `"${value.replace(/"/g, '""')}"`)
    .join(',')
}

/** A small messages.csv: one InMail with a reply, one free message, one inbound thread. */
export function smallExport(eol = '\n'): string {
  return (
    [
      messagesHeader,
      messageLine({
        id: 'c1',
        fromMe: true,
        date: '2026-01-05 09:30:00 UTC',
        subject: 'Platform lead',
        content: 'Hi Ana, worth a chat?',
      }),
      messageLine({
        id: 'c1',
        fromMe: false,
        date: '2026-01-06 10:00:00 UTC',
        content: 'Sure, happy to chat Tuesday.',
      }),
      messageLine({
        id: 'c2',
        fromMe: true,
        other: 'Ben Quinn',
        otherUrl: 'https://www.linkedin.com/in/ben-quinn-2',
        date: '2026-01-07 08:00:00 UTC',
        content: 'Hi Ben,\nquick one.',
      }),
      messageLine({
        id: 'c3',
        fromMe: false,
        other: 'Cy Rossi',
        otherUrl: 'https://www.linkedin.com/in/cy-rossi-3',
        date: '2026-01-08 08:00:00 UTC',
        content: 'Hi Jordan!',
      }),
    ].join(eol) + eol
  )
}
