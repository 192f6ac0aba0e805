// Hand-made broken and unusual files: each gives one clear error or a rejected row, never a crash
// or a plan built from misread text.
import { describe, expect, it } from 'vitest'
import { readLinkedInExport } from '../../../../src/main/imports/linkedin/index'
import { messagesHeader, myUrl, smallExport, useTempDir } from './temp-export'

const temp = useTempDir()

async function planOf(content: string | Uint8Array) {
  await temp.write('messages.csv', content)
  return readLinkedInExport(temp.dir)
}

async function refusalOf(content: string | Uint8Array) {
  await temp.write('messages.csv', content)
  return readLinkedInExport(temp.dir).then(
    () => {
      throw new Error('expected the file to be refused')
    },
    (error: unknown) => error as { name: string; code: string; message: string },
  )
}

/** The parts of a plan that do not depend on line endings or encoding. */
function gist(plan: Awaited<ReturnType<typeof readLinkedInExport>>) {
  return {
    rows: plan.rows,
    skipped: plan.skipped,
    rejected: plan.rejected,
    outreach: plan.outreach.map((outreach) => ({
      id: outreach.conversationId,
      line: outreach.line,
      channel: outreach.channel,
      contact: outreach.contact,
      body: outreach.body,
      response: outreach.response && {
        line: outreach.response.line,
        sentiment: outreach.response.sentiment,
      },
    })),
  }
}

describe('files that cannot be read as a whole', () => {
  it('refuses an empty file, a file of blank lines and a lone BOM', async () => {
    for (const content of ['', '\n\n  \r\n', '\uFEFF']) {
      const error = await refusalOf(content)
      expect(error).toMatchObject({ name: 'LinkedInExportError', code: 'EMPTY_FILE' })
      expect(error.message).toMatch(/messages\.csv is empty/)
    }
  })

  it('refuses a file with only its header', async () => {
    const error = await refusalOf(`${messagesHeader}\r\n`)
    expect(error).toMatchObject({
      code: 'NO_MESSAGES',
      message: expect.stringContaining('only its header'),
    })
  })

  it('refuses an unterminated quote, as in a download cut off mid-row, naming the line it opens on', async () => {
    const cutOff = `${smallExport()}c9,,Jordan Avery,${myUrl},Bo,https://www.linkedin.com/in/bo,2026-01-07 08:00:00 UTC,,"Hi Bo,\nthis never`
    const error = await refusalOf(cutOff)
    expect(error.code).toBe('UNTERMINATED_QUOTE')
    expect(error.message).toMatch(
      /^messages\.csv line 7: a quoted field opens here and is never closed/,
    )
  })

  it('refuses a quote opened mid-file that swallows the rows after it, naming the line it opens on', async () => {
    const lines = smallExport().split('\n')
    lines.splice(
      3,
      0,
      `c9,,Jordan Avery,${myUrl},Bo,https://www.linkedin.com/in/bo,2026-01-07 08:00:00 UTC,,"Hi Bo, this never ends`,
    )
    const error = await refusalOf(lines.join('\n'))
    expect(error.code).toBe('BROKEN_QUOTES')
    expect(error.message).toMatch(
      /^messages\.csv line 4: the quotes in this row .* a quote opened here may never close/,
    )
  })

  it('refuses quotes that break the CSV rules, naming the line', async () => {
    const lines = smallExport().split('\n')
    lines.splice(
      2,
      0,
      `c9,,Jordan Avery,${myUrl},Bo,https://www.linkedin.com/in/bo,2026-01-07 08:00:00 UTC,,"Hi" Bo,INBOX`,
    )
    const error = await refusalOf(lines.join('\n'))
    expect(error.code).toBe('BROKEN_QUOTES')
    expect(error.message).toMatch(/^messages\.csv line 3: the quotes in this row/)
  })

  it('stops a quote left open in a large file before it eats the memory', async () => {
    const filler = `f,,Jordan Avery,${myUrl},Ana,https://www.linkedin.com/in/ana,2026-01-07 08:00:00 UTC,,${'x'.repeat(200)},INBOX`
    const open = `c9,,Jordan Avery,${myUrl},Bo,https://www.linkedin.com/in/bo,2026-01-07 08:00:00 UTC,,"Hi Bo`
    const error = await refusalOf(
      [messagesHeader, filler, open, ...Array<string>(12_000).fill(filler)].join('\n'),
    )
    expect(error.code).toBe('RECORD_TOO_LARGE')
    expect(error.message).toMatch(/^messages\.csv line 3: this row runs on/)
  })

  it.each([
    [
      'a PNG image',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /PNG image/,
    ],
    [
      'a ZIP archive',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
      /unzip the LinkedIn export/,
    ],
    ['UTF-16 text', Buffer.from(`\uFEFF${messagesHeader}\n`, 'utf16le'), /UTF-16/],
    [
      'binary bytes',
      Buffer.from([0x43, 0x4f, 0x4e, 0x56, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]),
      /NUL bytes/,
    ],
  ])('refuses %s as not CSV', async (_what, bytes, why) => {
    const error = await refusalOf(bytes)
    expect(error.code).toBe('NOT_CSV')
    expect(error.message).toMatch(/^messages\.csv is not a CSV text file/)
    expect(error.message).toMatch(why)
  })

  it('names the required columns that are missing', async () => {
    const header = messagesHeader.replace('DATE,', '').replace('SUBJECT,', '')
    const error = await refusalOf(`${header}\nc1,,a,b,c,d,e,INBOX\n`)
    expect(error.code).toBe('MISSING_COLUMNS')
    expect(error.message).toMatch(/missing the columns DATE, SUBJECT\b/)
  })

  it('says so when the file is separated by semicolons', async () => {
    const excel = [
      messagesHeader,
      `c1;;Jordan Avery;${myUrl};Ana;https://www.linkedin.com/in/ana;2026-01-07 08:00:00 UTC;;Hi;INBOX`,
    ]
    const unquoted = await refusalOf(excel.join('\n').replace(/,/g, ';'))
    expect(unquoted.code).toBe('MISSING_COLUMNS')
    expect(unquoted.message).toMatch(/separated by semicolons/)
    const quotedHeader = `"${messagesHeader.split(',').join('";"')}"`
    const quoted = await refusalOf(
      smallExport().replace(messagesHeader, quotedHeader).replace(/","/g, '";"'),
    )
    expect(quoted.code).toBe('BROKEN_QUOTES')
    expect(quoted.message).toMatch(/^messages\.csv line 1: .*separated by semicolons or tabs/)
  })

  it('says what is wrong with the source path', async () => {
    await expect(readLinkedInExport(`${temp.dir}/nothing-here`)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(readLinkedInExport(temp.dir)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('holds no messages.csv'),
    })
  })

  it('refuses a Connections.csv without its columns, since it decides InMail', async () => {
    await temp.write('Connections.csv', 'Notes:\nsomething else entirely\n')
    await expect(planOf(smallExport())).rejects.toMatchObject({
      code: 'MISSING_COLUMNS',
      message: expect.stringContaining('Connections.csv has no header line'),
    })
  })
})

describe('rows that cannot be read', () => {
  it('rejects a row with an unreadable DATE, with its line and why, and imports the rest', async () => {
    const good = await planOf(smallExport())
    const plan = await planOf(smallExport().replace('2026-01-07 08:00:00 UTC', '07/01/2026 8am'))
    expect(plan.rejected).toEqual([
      {
        file: 'messages.csv',
        line: 4,
        reason:
          'DATE "07/01/2026 8am" is not a date like 2023-06-11 15:33:58 UTC, so this message cannot be placed in time.',
      },
    ])
    expect(plan.rows).toBe(good.rows)
    expect(plan.outreach.map((outreach) => outreach.conversationId)).toEqual(['c1'])
    expect(good.outreach.map((outreach) => outreach.conversationId)).toEqual(['c1', 'c2'])
  })

  it('rejects a row whose fields do not line up with the header instead of shifting its columns', async () => {
    const lines = smallExport().split('\n')
    lines.splice(
      2,
      0,
      `c8,,Jordan Avery,${myUrl},Bo,https://www.linkedin.com/in/bo,2026-01-07 08:00:00 UTC,,Hi Bo, how are you,INBOX`,
    )
    lines.splice(3, 0, `c9,,Jordan Avery,${myUrl},Bo`)
    lines.splice(
      4,
      0,
      `c10,,Jordan Avery,${myUrl},Bo,https://www.linkedin.com/in/bo,2026-01-07 09:00:00 UTC,,Hi Bo,INBOX,,`,
    )
    const plan = await planOf(lines.join('\n'))
    expect(plan.rejected).toEqual([
      {
        file: 'messages.csv',
        line: 3,
        reason: expect.stringMatching(
          /^This row has 11 fields where the header has 10; a comma outside quotes/,
        ),
      },
      {
        file: 'messages.csv',
        line: 4,
        reason: expect.stringMatching(
          /^This row has 5 fields where the header has 10; it may have been cut short/,
        ),
      },
    ])
    // Empty trailing fields are tolerated.
    expect(plan.outreach.map((outreach) => outreach.conversationId)).toContain('c10')
  })

  it('lists the first 1,000 unreadable rows and counts the rest, so a bad file cannot fill the memory', async () => {
    const bad = `c9,,Jordan Avery,${myUrl},Bo,https://www.linkedin.com/in/bo,11/06/2023,,Hi,INBOX`
    const plan = await planOf(
      [smallExport().trimEnd(), ...Array<string>(1_500).fill(bad)].join('\n'),
    )
    expect(plan.rows).toBe(1_504)
    expect(plan.rejected).toHaveLength(1_001)
    expect(plan.rejected.at(-1)).toEqual({
      file: 'messages.csv',
      line: 1_007,
      reason:
        '500 more rows from this line on could not be read either; only the first 1,000 are listed.',
    })
    expect(plan.outreach).toHaveLength(2)
  })
})

describe('encodings and line endings', () => {
  it('reads CRLF, CRLF inside quoted content and lone CR like LF, with the same line numbers', async () => {
    const lf = gist(await planOf(smallExport()))
    expect(lf.outreach.map((outreach) => outreach.line)).toEqual([2, 4])
    expect(gist(await planOf(smallExport('\r\n')))).toEqual(lf)
    expect(gist(await planOf(smallExport().replace(/\n/g, '\r\n')))).toEqual(lf)
    expect(gist(await planOf(smallExport().replace(/\n/g, '\r')))).toEqual(lf)
  })

  it('reads a file that starts with a BOM', async () => {
    const plain = gist(await planOf(smallExport()))
    expect(gist(await planOf(`\uFEFF${smallExport()}`))).toEqual(plain)
  })

  it('reads Windows-1252 bytes as Windows-1252, not as replacement characters', async () => {
    const text = smallExport()
      .replace(/Ana Smith/g, 'José Müller')
      .replace('worth a chat?', 'worth a chat… €50 café?')
    const plan = await planOf(toWindows1252(text))
    expect(plan.encoding).toBe('windows-1252')
    expect(plan.outreach[0]!.contact.name).toBe('José Müller')
    expect(plan.outreach[0]!.body).toBe('Hi Ana, worth a chat… €50 café?')
    expect(JSON.stringify(plan)).not.toContain('\uFFFD')
  })

  it('repairs double-encoded UTF-8 in names, subjects and content, and leaves plain text alone', async () => {
    const text = smallExport()
      .replace(/"Ana Smith"/g, '"JosÃ© MÃ¼ller"')
      .replace('Platform lead', 'CafÃ© team, Å\u0081Ã³dÅº office')
      .replace('Sure, happy to chat Tuesday.', 'SÃ¸ren here: sure, happy to chat Tuesday.')
      .replace('Hi Ben,\nquick one.', 'Hi Ben, naïve «café» in Łódź, ¿qué tal? Zoë ©2026')
    const plan = await planOf(text)
    expect(plan.encoding).toBe('utf-8')
    const [inmail, message] = plan.outreach
    expect(inmail!.contact.name).toBe('José Müller')
    expect(inmail!.subject).toBe('Café team, Łódź office')
    expect(inmail!.response!.body).toBe('Søren here: sure, happy to chat Tuesday.')
    expect(message!.body).toBe('Hi Ben, naïve «café» in Łódź, ¿qué tal? Zoë ©2026')
  })
})

describe('companion files', () => {
  it('reports a damaged Invitations.csv as a rejected row and still imports the messages', async () => {
    await temp.write('Invitations.csv', 'From;To;Sent At\nJordan;Ana;today\n')
    const plan = await planOf(smallExport())
    expect(plan.outreach).toHaveLength(2)
    expect(plan.invitations).toEqual([])
    expect(plan.rejected).toEqual([
      {
        file: 'Invitations.csv',
        line: 1,
        reason: expect.stringMatching(
          /^Invitations\.csv has no To, Sent At, Direction \(or inviterProfileUrl\) column.*semicolons/,
        ),
      },
    ])
  })

  it('keeps outgoing invitations only and rejects an unreadable Sent At', async () => {
    await temp.write(
      'Invitations.csv',
      [
        'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
        `Jordan Avery,Ana Smith,"01/05/26, 09:15 AM","Hi Ana, let's connect",OUTGOING,${myUrl},https://www.linkedin.com/in/ana-smith-1/`,
        `Cy Rossi,Jordan Avery,"01/06/26, 12:05 PM",,INCOMING,https://www.linkedin.com/in/cy-rossi-3,${myUrl}`,
        `Jordan Avery,Ben Quinn,yesterday,,OUTGOING,${myUrl},https://www.linkedin.com/in/ben-quinn-2`,
        `Jordan Avery,Dee Old,"12/31/25, 12:00 AM",,OUTGOING,${myUrl},https://www.linkedin.com/in/dee-old-4`,
      ].join('\n'),
    )
    const plan = await planOf(smallExport())
    expect(plan.invitations).toEqual([
      {
        to: 'Dee Old',
        profileUrl: 'https://www.linkedin.com/in/dee-old-4',
        at: '2025-12-31T00:00:00.000Z',
        message: null,
      },
      {
        to: 'Ana Smith',
        profileUrl: 'https://www.linkedin.com/in/ana-smith-1',
        at: '2026-01-05T09:15:00.000Z',
        message: "Hi Ana, let's connect",
      },
    ])
    expect(plan.rejected).toEqual([
      {
        file: 'Invitations.csv',
        line: 4,
        reason: expect.stringContaining('Sent At "yesterday" is not a time'),
      },
    ])
  })

  it('rejects a connection with an unreadable date, saying what it changes', async () => {
    await temp.write(
      'Connections.csv',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Smith,https://www.linkedin.com/in/ana-smith-1,,Acme,Engineer,someday\n',
    )
    const plan = await planOf(smallExport())
    expect(plan.rejected).toEqual([
      {
        file: 'Connections.csv',
        line: 2,
        reason: expect.stringContaining('may be counted as InMail'),
      },
    ])
    expect(plan.outreach[0]!.channel).toBe('inmail')
  })

  it.each([
    ['on one line each', '"When exporting your connection data, some emails are missing."'],
    [
      'with a quoted note over two lines',
      '"When exporting your connection data,\nsome emails are missing."',
    ],
  ])('counts lines after the notes before the header (%s)', async (_, note) => {
    await temp.write(
      'Connections.csv',
      [
        'Notes:',
        note,
        '',
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
        'Ben,Quinn,https://www.linkedin.com/in/ben-quinn-2,,Acme,Engineer,10 Jan 2026',
        'Ana,Smith,https://www.linkedin.com/in/ana-smith-1,,Acme,Engineer,someday',
      ].join('\n') + '\n',
    )
    const plan = await planOf(smallExport())
    const lines = ['Notes:', ...note.split('\n'), '', 'header', 'Ben'].length
    expect(plan.rejected).toEqual([
      { file: 'Connections.csv', line: lines + 1, reason: expect.stringContaining('someday') },
    ])
  })
})

const windows1252 = new Map<string, number>()
for (let byte = 0x80; byte <= 0x9f; byte++) {
  windows1252.set(new TextDecoder('windows-1252').decode(Uint8Array.of(byte)), byte)
}

/** The bytes Excel on Windows writes for "CSV (Comma delimited)". */
function toWindows1252(text: string): Buffer {
  return Buffer.from(Array.from(text, (char) => windows1252.get(char) ?? char.charCodeAt(0)))
}
