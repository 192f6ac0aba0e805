// Writes a large, realistic messages.csv for the streaming and memory tests: outreach with and
// without subjects, follow-ups, replies, and inbound threads, listed newest first like LinkedIn.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

const me = { name: 'Jordan Avery', url: 'https://www.linkedin.com/in/jordan-avery-recruits' }
const header =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n'
const firstNames = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Eun-ji', 'Farah', 'Józef', 'Łukasz', 'Søren']
const lastNames = ['García', 'Müller', 'Nguyen', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Smith']
const replies = [
  'Sure, happy to chat Tuesday.',
  'Not interested, thanks.',
  'Maybe later this year.',
]

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function stamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

export interface SyntheticExport {
  rows: number
  conversations: number
  /** Conversations the user opened. */
  outreach: number
}

/**
 * About `rows` data rows in threads of `threadLength` messages (the user's opening message, then
 * alternating replies); every fifth thread is inbound. Rows are written newest first.
 */
export async function writeSyntheticMessages(
  path: string,
  rows: number,
  threadLength = 3,
): Promise<SyntheticExport> {
  const out = createWriteStream(path)
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(header)
  const start = Date.UTC(2026, 0, 1)
  let written = 0
  let conversations = 0
  let outreach = 0
  // Newest first: number the threads backwards in time.
  const threads = Math.ceil(rows / threadLength)
  for (let t = threads - 1; t >= 0 && written < rows; t--) {
    conversations++
    const id = `2-${t.toString(16).padStart(16, '0')}`
    const name = `${firstNames[t % firstNames.length]} ${lastNames[t % lastNames.length]}`
    const url = `https://www.linkedin.com/in/person-${t}`
    const inbound = t % 5 === 0
    if (!inbound) outreach++
    const opened = start + t * 600_000
    const lines: string[] = []
    for (let m = 0; m < threadLength && written + lines.length < rows; m++) {
      const fromMe = (m % 2 === 0) !== inbound
      const at = stamp(opened + m * 3_600_000)
      const subject = m === 0 && !inbound && t % 3 !== 0 ? `Platform lead role ${t % 7}` : ''
      const content =
        m === 0
          ? `Hi ${name.split(' ')[0]},\nI noticed your work at Acme. I'm hiring for a senior role that fits. Worth a 15-minute chat this week?`
          : fromMe
            ? 'Quick bump - is this on your list this quarter?'
            : replies[t % replies.length]!
      const [from, fromUrl, to, toUrl] = fromMe
        ? [me.name, me.url, name, url]
        : [name, url, me.name, me.url]
      lines.push(
        [id, '', from, fromUrl, to, toUrl, at, subject, content, 'INBOX'].map(quote).join(',') +
          '\n',
      )
    }
    written += lines.length
    for (const line of lines.reverse()) await write(line)
  }
  out.end()
  await once(out, 'finish')
  return { rows: written, conversations, outreach }
}
