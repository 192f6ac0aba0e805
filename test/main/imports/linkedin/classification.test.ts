// Hand-made exports for the inference rules the samples do not exercise (in both samples every
// message to a connection has no subject, so Connections.csv never changes a channel there).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { readLinkedInExport } from '../../../../src/main/imports/linkedin/index'
import { fixtures, messageLine, messagesHeader, myUrl, useTempDir, type Row } from './temp-export'

const temp = useTempDir()

const connectionsCsv = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ana,Smith,https://www.linkedin.com/in/ana-smith-1,,Acme,Engineer,05 Jan 2026',
  'Ben,Quinn,https://www.linkedin.com/in/ben-quinn-2,,Acme,Engineer,10 Jan 2026',
  'Dee,Old,https://www.linkedin.com/in/dee-old-4,,Acme,Engineer,12 Mar 2019',
].join('\n')

async function exportOf(rows: Row[], connections: string | null = connectionsCsv): Promise<string> {
  await temp.write('messages.csv', [messagesHeader, ...rows.map(messageLine)].join('\n') + '\n')
  if (connections !== null) await temp.write('Connections.csv', connections)
  return temp.dir
}

const ana = { other: 'Ana Smith', otherUrl: 'https://www.linkedin.com/in/ana-smith-1' }
const ben = { other: 'Ben Quinn', otherUrl: 'https://www.linkedin.com/in/ben-quinn-2' }
const cy = { other: 'Cy Rossi', otherUrl: 'https://www.linkedin.com/in/cy-rossi-3' }
const dee = { other: 'Dee Old', otherUrl: 'https://www.linkedin.com/in/dee-old-4' }

describe('InMail or free message', () => {
  it('uses the subject and whether they were a connection on the day it was sent', async () => {
    const folder = await exportOf([
      {
        id: 'same-day',
        fromMe: true,
        ...ana,
        date: '2026-01-05 23:59:00 UTC',
        subject: 'Role',
        content: 'Hi',
      },
      {
        id: 'later',
        fromMe: true,
        ...ben,
        date: '2026-01-09 08:00:00 UTC',
        subject: 'Role',
        content: 'Hi',
      },
      {
        id: 'stranger',
        fromMe: true,
        ...cy,
        date: '2026-01-09 08:00:00 UTC',
        subject: 'Role',
        content: 'Hi',
      },
      { id: 'no-subject', fromMe: true, ...dee, date: '2026-01-10 08:00:00 UTC', content: 'Hi' },
      {
        id: 'hidden',
        fromMe: true,
        other: 'LinkedIn Member',
        otherUrl: '',
        date: '2026-01-11 08:00:00 UTC',
        subject: 'Role',
        content: 'Hi',
      },
    ])
    const plan = await readLinkedInExport(folder)
    const byId = Object.fromEntries(
      plan.outreach.map((outreach) => [outreach.conversationId, outreach]),
    )
    expect(byId['same-day']).toMatchObject({
      channel: 'message',
      why: expect.stringContaining('connected on 2026-01-05'),
    })
    expect(byId.later).toMatchObject({
      channel: 'inmail',
      why: expect.stringContaining('you connected on 2026-01-10'),
    })
    expect(byId.stranger).toMatchObject({
      channel: 'inmail',
      why: 'You wrote first, with a subject, to someone who was not a connection yet.',
    })
    expect(byId['no-subject']).toMatchObject({
      channel: 'message',
      subject: null,
      why: expect.stringContaining('without a subject'),
    })
    expect(byId.hidden).toMatchObject({
      channel: 'inmail',
      contact: { name: 'LinkedIn Member', profileUrl: null },
      why: expect.stringContaining('hidden'),
    })
    expect(plan.connectionsFound).toBe(true)
  })

  it('without Connections.csv takes every opening message with a subject for an InMail, and says so', async () => {
    const folder = await exportOf(
      [
        {
          id: 'c',
          fromMe: true,
          ...ana,
          date: '2026-01-09 08:00:00 UTC',
          subject: 'Role',
          content: 'Hi',
        },
      ],
      null,
    )
    const plan = await readLinkedInExport(folder)
    expect(plan.connectionsFound).toBe(false)
    expect(plan.outreach[0]).toMatchObject({
      channel: 'inmail',
      why: expect.stringContaining('without Connections.csv'),
    })
  })
})

describe('threads', () => {
  const thread: Row[] = [
    {
      id: 't',
      fromMe: true,
      ...ana,
      date: '2026-02-02 09:00:00 UTC',
      subject: 'Role',
      content: 'Opening',
    },
    { id: 't', fromMe: true, ...ana, date: '2026-02-05 09:00:00 UTC', content: 'Bump 😀' },
    { id: 't', fromMe: true, ...ana, date: '2026-02-09 09:00:00 UTC', content: 'Last try' },
    {
      id: 't',
      fromMe: false,
      ...ana,
      date: '2026-02-10 09:00:00 UTC',
      content: 'No thanks, not looking.',
    },
    { id: 't', fromMe: true, ...ana, date: '2026-02-10 10:00:00 UTC', content: 'Understood!' },
    {
      id: 't',
      fromMe: false,
      ...ana,
      date: '2026-02-11 09:00:00 UTC',
      content: 'Sure, happy to chat.',
    },
  ]

  it.each([
    ['oldest first', thread],
    ['newest first', [...thread].reverse()],
    ['shuffled', [thread[3]!, thread[0]!, thread[5]!, thread[2]!, thread[4]!, thread[1]!]],
  ])(
    'finds the follow-ups and the first reply whatever the row order (%s)',
    async (_order, rows) => {
      const plan = await readLinkedInExport(await exportOf(rows))
      expect(plan.outreach).toHaveLength(1)
      const [outreach] = plan.outreach
      expect(outreach!.body).toBe('Opening')
      expect(outreach!.followups.map((followup) => [followup.at, followup.bodyChars])).toEqual([
        ['2026-02-05T09:00:00.000Z', 6],
        ['2026-02-09T09:00:00.000Z', 8],
      ])
      expect(outreach!.response).toMatchObject({
        at: '2026-02-10T09:00:00.000Z',
        body: 'No thanks, not looking.',
        sentiment: 'negative',
        kind: 'decline',
      })
      const replyLine = rows.indexOf(thread[3]!) + 2
      expect(outreach!.response!.line).toBe(replyLine)
    },
  )

  it('leaves out threads the other person opened, group threads and spam, counting each', async () => {
    const folder = await exportOf([
      { id: 'in', fromMe: false, ...cy, date: '2026-02-01 09:00:00 UTC', content: 'Hi Jordan' },
      {
        id: 'in',
        fromMe: true,
        ...cy,
        date: '2026-02-01 10:00:00 UTC',
        subject: 'Re',
        content: 'Hello',
      },
      {
        id: 'spam',
        fromMe: true,
        ...ben,
        date: '2026-02-01 09:00:00 UTC',
        subject: 'Role',
        content: 'Hi',
      },
      {
        id: 'spam',
        fromMe: false,
        ...ben,
        date: '2026-02-02 09:00:00 UTC',
        content: 'Buy now',
        folder: 'SPAM',
      },
      {
        id: 'group',
        fromMe: true,
        other: 'Ana Smith, Ben Quinn',
        otherUrl: 'https://www.linkedin.com/in/ana-smith-1;https://www.linkedin.com/in/ben-quinn-2',
        date: '2026-02-03 09:00:00 UTC',
        subject: 'Intro',
        content: 'Meet each other',
      },
      {
        id: 'group-comma',
        fromMe: true,
        other: 'Ana Smith, Cy Rossi',
        otherUrl: 'https://www.linkedin.com/in/ana-smith-1, https://www.linkedin.com/in/cy-rossi-3',
        date: '2026-02-03 09:00:00 UTC',
        content: 'Meet each other',
      },
      { id: 'mine', fromMe: true, ...dee, date: '2026-02-04 09:00:00 UTC', content: 'Hi Dee' },
    ])
    const plan = await readLinkedInExport(folder)
    expect(plan.skipped).toEqual({ inbound: 1, spam: 1, group: 2 })
    expect(plan.outreach.map((outreach) => outreach.conversationId)).toEqual(['mine'])
  })
})

describe('rows that are not messages', () => {
  const header = `${messagesHeader},ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT`
  const sent = (extra: string) =>
    `c1,,Jordan Avery,${myUrl},Ana Smith,https://www.linkedin.com/in/ana-smith-1,2026-03-01 09:00:00 UTC,Role,Hi Ana,INBOX,${extra}`

  it('counts drafts and LinkedIn notices by reason and keeps the real messages', async () => {
    await temp.write(
      'messages.csv',
      [
        header,
        sent(',No,No'),
        `d1,,Jordan Avery,${myUrl},Bo Draft,https://www.linkedin.com/in/bo,2026-03-02 09:00:00 UTC,Draft,unfinished,INBOX,,Yes,Yes`,
        `d2,,Jordan Avery,${myUrl},Bo Draft,https://www.linkedin.com/in/bo,not a date,Draft,unfinished,INBOX,,true,false`,
        `s1,,LinkedIn Member,,Jordan Avery,${myUrl},2026-03-03 08:00:00 UTC,,,INBOX,,No,No`,
        `s2,,LinkedIn,,Jordan Avery,${myUrl},2026-03-03 08:00:00 UTC,,Ana Smith accepted your message request,INBOX,,No,No`,
        `s3,,Ana Smith,https://www.linkedin.com/in/ana-smith-1,Jordan Avery,${myUrl},2026-03-03 08:00:00 UTC,,,INBOX,,No,No`,
        `a1,,LinkedIn Member,,Jordan Avery,${myUrl},2026-03-04 08:00:00 UTC,,Thanks for the note!,INBOX,,No,No`,
        `f1,,Jordan Avery,${myUrl},Cy Rossi,https://www.linkedin.com/in/cy-rossi-3,2026-03-05 08:00:00 UTC,,,INBOX,cv.pdf,No,No`,
      ].join('\n'),
    )
    const plan = await readLinkedInExport(temp.dir)
    expect(plan.rows).toBe(8)
    expect(plan.rejected).toEqual([])
    expect(plan.skipped).toEqual({ draft: 2, system: 3, inbound: 1 })
    // A message with only an attachment is a message.
    expect(plan.outreach.map((outreach) => outreach.conversationId)).toEqual(['c1', 'f1'])
  })
})

describe('who "me" is', () => {
  it('is the most frequent sender unless given, and a given profile must be in the export', async () => {
    const folder = await exportOf([
      {
        id: 'a',
        fromMe: true,
        ...ana,
        date: '2026-01-09 08:00:00 UTC',
        subject: 'Role',
        content: 'Hi',
      },
      { id: 'b', fromMe: true, ...ben, date: '2026-01-09 08:00:00 UTC', content: 'Hi' },
      { id: 'b', fromMe: false, ...ben, date: '2026-01-10 08:00:00 UTC', content: 'Hello' },
    ])
    const detected = await readLinkedInExport(folder)
    expect(detected.me).toEqual({ name: 'Jordan Avery', profileUrl: myUrl, detected: true })

    // Read from Ben's side, the thread Ben answered is one Jordan opened.
    const asBen = await readLinkedInExport(folder, {
      me: 'https://uk.linkedin.com/in/BEN-QUINN-2/',
    })
    expect(asBen.me).toEqual({ name: 'Ben Quinn', profileUrl: ben.otherUrl, detected: false })
    expect(asBen.outreach).toEqual([])
    expect(asBen.skipped).toEqual({ inbound: 1, 'not-with-you': 1 })

    await expect(readLinkedInExport(folder, { me: 'Jordan Avery' })).rejects.toMatchObject({
      code: 'INVALID_ME',
      message: expect.stringContaining('is not a LinkedIn profile URL'),
    })
    await expect(
      readLinkedInExport(folder, { me: 'https://www.linkedin.com/in/somebody-else' }),
    ).rejects.toMatchObject({ code: 'ME_NOT_FOUND' })
  })
})

describe('row order and column layout', () => {
  const folder = join(fixtures, 'linkedin-export-quirks')
  const records: string[][] = parse(readFileSync(join(folder, 'messages.csv')), {
    bom: true,
    relax_column_count: false,
  })
  const [header, ...rows] = records as [string[], ...string[][]]
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`
  const csv = (table: string[][]) =>
    table.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n'

  function summary(plan: Awaited<ReturnType<typeof readLinkedInExport>>) {
    return {
      me: plan.me,
      rows: plan.rows,
      skipped: plan.skipped,
      // Line numbers change with the row order; everything else must not.
      outreach: plan.outreach.map((outreach) => ({
        ...outreach,
        line: 0,
        followups: outreach.followups.map((followup) => ({ ...followup, line: 0 })),
        response: outreach.response && { ...outreach.response, line: 0 },
      })),
    }
  }

  it('reads the same plan from the rows shuffled', async () => {
    const expected = summary(await readLinkedInExport(folder))
    // A fixed shuffle, so the test is repeatable.
    const shuffled = rows
      .map((row, i) => ({ row, key: (i * 7919) % rows.length }))
      .sort((a, b) => a.key - b.key)
    await temp.write('messages.csv', csv([header, ...shuffled.map((entry) => entry.row)]))
    await temp.write('Connections.csv', readFileSync(join(folder, 'Connections.csv')))
    expect(summary(await readLinkedInExport(temp.dir))).toEqual(expected)
  })

  it('maps columns by name: reordered, renamed in case and spacing, extra ones, optional ones gone', async () => {
    const expected = summary(await readLinkedInExport(folder))
    const order = [8, 6, 2, 0, 3, 5, 4, 7, 11, 9, 12]
    const renamed = order.map((i) => ` ${header[i]!.toLowerCase()} `)
    const table = [
      ['EXTRA', ...renamed],
      ...rows.map((row, n) => [`x${n}`, ...order.map((i) => row[i]!)]),
    ]
    await temp.write('messages.csv', csv(table))
    await temp.write('Connections.csv', readFileSync(join(folder, 'Connections.csv')))
    expect(summary(await readLinkedInExport(temp.dir))).toEqual(expected)
  })
})
