import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/program'
import { cli, seatAddArgs } from '../../helpers/cli'
import { tempDir } from '../../helpers/ledger'

const addWork = seatAddArgs({ since: '2026-01-05' })

function seatsIn(db: string): number {
  if (!existsSync(db)) return 0
  const conn = new Database(db, { readonly: true })
  const { n } = conn.prepare('SELECT count(*) AS n FROM seats').get() as { n: number }
  conn.close()
  return n
}

describe('outreach-ledger CLI', () => {
  it('adds and lists seats, in words and as JSON', async () => {
    const db = join(tempDir(), 'l.sqlite')
    const added = await cli(db, ...addWork)
    expect(added).toMatchObject({ code: 0, stderr: '' })
    expect(added.stdout).toMatch(/Added seat Work {2}Recruiter Lite: 30 credits\/month, cap 120/)

    const listed = await cli(db, 'seat', 'list', '--json')
    expect(listed.code).toBe(0)
    expect(listed.json()).toEqual({
      seats: [
        expect.objectContaining({
          name: 'Work',
          planId: 'recruiter-lite',
          startedOn: '2026-01-05',
        }),
      ],
    })
  })

  it('accepts global options before or after the command', async () => {
    const dir = tempDir()
    const db = join(dir, 'l.sqlite')
    let out = ''
    const code = await runCli([...addWork, '--db', db, '--json'], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      env: {},
    })
    expect(code).toBe(0)
    expect(JSON.parse(out)).toMatchObject({ seat: { name: 'Work' } })
    expect(seatsIn(db)).toBe(1)
  })

  it('uses $OUTREACH_LEDGER_DB when --db is not given', async () => {
    const db = join(tempDir(), 'from-env.sqlite')
    const code = await runCli(addWork, {
      stdout: () => undefined,
      stderr: () => undefined,
      env: { OUTREACH_LEDGER_DB: db },
    })
    expect(code).toBe(0)
    expect(seatsIn(db)).toBe(1)
  })

  it('exits 1 with a one-line error for input the ledger refuses, writing nothing', async () => {
    const db = join(tempDir(), 'l.sqlite')
    const cases: [string[], RegExp][] = [
      [['seat', 'add', '--name', 'X', '--plan', 'gold', '--since', '2026-01-05'], /Choose a plan/],
      [[...addWork, '--renewal-day', 'soon'], /day of the month/],
      [
        ['seat', 'add', '--name', 'X', '--plan', 'custom', '--since', '2026-01-05'],
        /whole number of credits/,
      ],
      [['seat', 'rename', '--seat', 'Nope', '--name', 'Y'], /no seat named "Nope"/],
    ]
    for (const [args, message] of cases) {
      const run = await cli(db, ...args)
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.stderr).toMatch(message)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stdout).toBe('')
    }
    expect(seatsIn(db)).toBe(0)
  })

  it('prints the error as the one JSON object with --json', async () => {
    const db = join(tempDir(), 'l.sqlite')
    await cli(db, ...addWork)
    const run = await cli(db, ...addWork, '--json')
    expect(run.code).toBe(1)
    expect(run.json()).toEqual({
      error: {
        code: 'SEAT_NAME_TAKEN',
        message: 'A seat named "Work" already exists. Choose another name.',
      },
    })
  })

  it('exits 2 for usage errors', async () => {
    const db = join(tempDir(), 'l.sqlite')
    for (const args of [
      ['seat', 'add', '--name', 'X'],
      ['seat', 'fly'],
      ['teleport'],
      ['seat', 'list', '--colour', 'red'],
      ['backup', '--out'],
    ]) {
      const run = await cli(db, ...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/error:/)
    }
    const json = await cli(db, 'seat', 'add', '--json')
    expect(json.code).toBe(2)
    expect(json.json()).toMatchObject({ error: { code: 'USAGE' } })
  })

  it('a malformed day, month or date and time is a usage error (exit 2) in every command', async () => {
    const db = join(tempDir(), 'l.sqlite')
    const url = 'https://www.linkedin.com/in/jane'
    const cases: [string[], string][] = [
      [['seat', 'add', '--name', 'X', '--plan', 'recruiter-lite', '--since', '23/11/2026'], 'day'],
      [['seat', 'add', '--name', 'X', '--plan', 'recruiter-lite', '--since', '2026-13-01'], 'day'],
      [['metrics', '--from', '2026-13-01'], 'day'],
      [['report', '--to', '2026-03-31', '--from', '2026-02-30'], 'day'],
      [['report', '--month', '2026-13'], 'month'],
      [['statement', '--seat', 'Work', '--from', '2026-11-01', '--to', 'tomorrow'], 'day'],
      [['purchase', '--seat', 'Work', '--credits', '5', '--at', '11/23/2026'], 'day'],
      [['enrol', '--sequence', 'InMail', '--to', url, '--start', '23/11/2026'], 'day'],
      [['agenda', '--at', '2026-11-31'], 'day'],
      [['snooze', '--step', '1', '--to', 'next tuesday'], 'day'],
      [['send', '--seat', 'Work', '--to', url, '--at', '2026-11-23'], 'date and time'],
      [['respond', '--to', url, '--at', '2026-02-30T10:00:00Z'], 'date and time'],
      [['done', '--step', '1', '--at', 'now'], 'date and time'],
    ]
    for (const [args, what] of cases) {
      const run = await cli(db, ...args)
      expect(run.code, args.join(' ')).toBe(2)
      const given = args.at(-1)!
      expect(run.stderr, args.join(' ')).toContain(
        `error: ${args.at(-2)} "${given}" is not a real ${what}: write it `,
      )
      expect(run.stdout).toBe('')
    }
    // Refused before the ledger was opened: no file, nothing written.
    expect(existsSync(db)).toBe(false)
    const json = await cli(db, 'metrics', '--to', '2026-1-5', '--json')
    expect(json.code).toBe(2)
    expect(json.json()).toEqual({
      error: {
        code: 'USAGE',
        message: 'error: --to "2026-1-5" is not a real day: write it YYYY-MM-DD, like 2026-11-23.',
      },
    })
  })

  it('--seat takes the start of a seat name in any case, and lists the seats a start fits', async () => {
    const db = join(tempDir(), 'l.sqlite')
    for (const name of ['Work (Recruiter Lite)', 'Weekend (Premium)', 'Personal', 'Personal 2'])
      expect((await cli(db, ...seatAddArgs({ name, since: '2026-01-05' }))).code).toBe(0)
    const seatOf = async (seat: string) => {
      const run = await cli(db, 'balance', '--seat', seat, '--json')
      return { code: run.code, run }
    }
    const work = await seatOf('work')
    expect(work.code, work.run.stderr).toBe(0)
    expect(work.run.stdout).toBe(
      (await cli(db, 'balance', '--seat', 'Work (Recruiter Lite)', '--json')).stdout,
    )
    // A full name wins over the longer name it starts ("Personal" and "Personal 2").
    expect((await cli(db, 'seat', 'rename', '--seat', 'PERSONAL', '--name', 'Home')).stdout).toBe(
      'Renamed "PERSONAL" to "Home".\n',
    )
    expect((await cli(db, 'seat', 'list')).stdout).toMatch(/Personal 2 /)

    const ambiguous = await cli(db, 'balance', '--seat', 'w')
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toBe(
      'error: "w" could be any of 2 seats: "Weekend (Premium)", "Work (Recruiter Lite)". Type more of the name.\n',
    )
    const json = await cli(db, 'balance', '--seat', 'W', '--json')
    expect(json.json()).toMatchObject({ error: { code: 'AMBIGUOUS_SEAT' } })
    const unknown = await cli(db, 'balance', '--seat', 'Office')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/no seat named "Office". Seats: .*"Weekend \(Premium\)"/)
  })

  it('has --help on every command, exiting 0', async () => {
    const db = join(tempDir(), 'l.sqlite')
    for (const args of [[], ['seat'], ['seat', 'add'], ['seat', 'list'], ['doctor'], ['backup']]) {
      const run = await cli(db, ...args, '--help')
      expect(run.code, args.join(' ')).toBe(0)
      expect(run.stdout).toMatch(/Usage: outreach-ledger/)
    }
  })

  it('renames, archives and restores a seat by name', async () => {
    const db = join(tempDir(), 'l.sqlite')
    await cli(db, ...addWork)
    expect((await cli(db, 'seat', 'rename', '--seat', 'work', '--name', 'Agency')).code).toBe(0)
    expect((await cli(db, 'seat', 'archive', '--seat', 'Agency')).stdout).toMatch(
      /Archived seat "Agency"/,
    )
    expect((await cli(db, 'seat', 'list')).stdout).toMatch(/No seats yet/)
    expect((await cli(db, 'seat', 'list', '--all')).stdout).toMatch(/Agency .*\[archived\]/)
    expect((await cli(db, 'seat', 'restore', '--seat', 'agency')).code).toBe(0)
  })

  it('doctor reports the file, schema and integrity', async () => {
    const db = join(tempDir(), 'l.sqlite')
    const run = await cli(db, 'doctor', '--json')
    expect(run.code).toBe(0)
    expect(run.json()).toMatchObject({ dbPath: db, integrity: { ok: true, problems: [] } })
    expect((await cli(db, 'doctor')).stdout).toMatch(/Integrity: +ok/)
  })

  it('doctor exits 1 on a damaged file and says what to do', async () => {
    const dir = tempDir()
    const db = join(dir, 'l.sqlite')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(db, 'not a database '.repeat(300))
    const run = await cli(db, 'doctor')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/PROBLEMS[\s\S]*damaged/)
    const list = await cli(db, 'seat', 'list')
    expect(list.code).toBe(1)
    expect(list.stderr).toMatch(/damaged/)
  })

  it('backs up to a new file and refuses to overwrite one', async () => {
    const dir = tempDir()
    const db = join(dir, 'l.sqlite')
    await cli(db, ...addWork)
    const out = join(dir, 'copy.sqlite')
    const run = await cli(db, 'backup', '--out', out)
    expect(run.code).toBe(0)
    expect(seatsIn(out)).toBe(1)
    expect((await cli(db, 'backup', '--out', out)).code).toBe(1)
  })

  it('runs from a fresh clone as "npm run cli" (tsx on the source)', async () => {
    const db = join(tempDir(), 'l.sqlite')
    const { stdout } = await promisify(execFile)(
      join('node_modules', '.bin', 'tsx'),
      ['src/main/cli/main.ts', ...addWork, '--db', db, '--json'],
      { env: { ...process.env, OUTREACH_LEDGER_DB: '' } },
    )
    expect(JSON.parse(stdout)).toMatchObject({ seat: { name: 'Work' } })
    expect(seatsIn(db)).toBe(1)
  })
})
