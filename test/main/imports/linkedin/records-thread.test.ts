// A big messages.csv is parsed on a thread of its own (records-thread.ts). Whatever the thread,
// the reading must be the same: the same plan, the same refusals with the same lines, the same
// encoding, and cancelling still stops it.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLinkedInExport, readLinkedInExport } from '../../../../src/main/imports/linkedin/index'
import { generateExport } from '../../../../bench/export-file'
import { fixtures, messagesHeader, smallExport, useTempDir } from './temp-export'

const temp = useTempDir()
const onThread = { parseOnThreadFrom: 0 }

async function refusal(options: { parseOnThreadFrom?: number }) {
  return readLinkedInExport(temp.dir, options).then(
    () => {
      throw new Error('expected the file to be refused')
    },
    (error: unknown) => {
      const { name, code, message } = error as { name: string; code: string; message: string }
      return { name, code, message }
    },
  )
}

describe('messages.csv parsed on a thread of its own', () => {
  it.each(['linkedin-export', 'linkedin-export-quirks'])(
    'reads %s exactly as the reading thread does',
    async (name) => {
      const folder = join(fixtures, name)
      expect(await readLinkedInExport(folder, onThread)).toEqual(await readLinkedInExport(folder))
    },
  )

  it('reads a file of many batches exactly as the reading thread does', async () => {
    const folder = join(temp.dir, 'export')
    await generateExport(folder, { seed: 3, messages: 9000, from: '2025-01-01', to: '2025-06-30' })
    const plan = await readLinkedInExport(folder, onThread)
    expect(plan.rows).toBe(9000)
    expect(plan).toEqual(await readLinkedInExport(folder))
  })

  it('reads thousands of long messages in a row as the reading thread does', async () => {
    // Long messages (20,000 characters: a pasted CV, say), one after another: a batch is cut by
    // its size, not only by its count, or the thread runs out of memory.
    const body = 'Grüße € '.repeat(2500)
    const lines = [messagesHeader]
    for (let i = 0; i < 2100; i++)
      lines.push(
        `c${i},,Jordan Avery,https://www.linkedin.com/in/jordan-avery,Bo ${i},https://www.linkedin.com/in/bo-${i},2026-01-07 08:00:00 UTC,Hi,"${body}",INBOX`,
      )
    await temp.write('messages.csv', `${lines.join('\n')}\n`)
    const plan = await readLinkedInExport(temp.dir, onThread)
    expect(plan.rows).toBe(2100)
    expect(plan).toEqual(await readLinkedInExport(temp.dir))
  })

  it('refuses what the reading thread refuses, with the same code and line', async () => {
    const cutOff = `${smallExport()}c9,,Jordan Avery,x,Bo,y,2026-01-07 08:00:00 UTC,,"Hi Bo,\nthis never`
    await temp.write('messages.csv', cutOff)
    const quote = await refusal(onThread)
    expect(quote).toMatchObject({ name: 'LinkedInExportError', code: 'UNTERMINATED_QUOTE' })
    expect(quote).toEqual(await refusal({}))
    expect(quote.message).toMatch(/^messages\.csv line 7: a quoted field opens here/)

    await temp.write('messages.csv', `${messagesHeader.replace(',DATE', '')}\nc1,,a,b,c,d,e,f,g\n`)
    const columns = await refusal(onThread)
    expect(columns).toMatchObject({ code: 'MISSING_COLUMNS' })
    expect(columns.message).toMatch(/missing the column DATE/)
  })

  it('tells the encoding the thread found', async () => {
    const text = smallExport().replace(/Ana Smith/g, 'José Müller')
    await temp.write('messages.csv', Buffer.from(text, 'latin1'))
    const plan = await readLinkedInExport(temp.dir, onThread)
    expect(plan.encoding).toBe('windows-1252')
    expect(plan.outreach.map((o) => o.contact.name)).toContain('José Müller')
  })

  it('stops when cancelled, part of the way through', async () => {
    const folder = join(temp.dir, 'export')
    await generateExport(folder, { seed: 3, messages: 9000, from: '2025-01-01', to: '2025-06-30' })
    const controller = new AbortController()
    const reading = openLinkedInExport(folder, {
      ...onThread,
      signal: controller.signal,
      onProgress: ({ rows }) => {
        if (rows >= 2000) controller.abort()
      },
    })
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' })
  })
})
