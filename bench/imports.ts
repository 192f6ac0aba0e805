// The import suite: the real LinkedIn import (`runImport` on a fresh ledger, which runs it on the
// import thread as the app does) of a generated messages.csv, end to end, against two lower
// bounds for loading the same rows into SQLite: (A) Debian's sqlite3 shell with `.import --csv`,
// (B) a bare better-sqlite3 insert loop over csv-parse. Every run is a process of its own, so its
// peak memory is its own (the import thread's included). When the import misses its target, a
// CPU profile (`node --cpu-prof`) of the same work on the calling thread says where time goes.
// A run from the command line: `tsx bench/imports.ts '<ChildRun as JSON>'` prints its result.
import { execFile } from 'node:child_process'
import { createReadStream, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse'
import { Backend } from '../src/main/backend'
import { readSource } from '../src/main/imports/read'
import { runImport } from '../src/main/imports/service'
import { writeImport } from '../src/main/imports/write'
import { addSeat } from '../src/main/seats/service'
import { timeZoneOf } from '../src/main/settings/service'
import type { ImportSummary } from '../src/shared/contract/imports'
import { type ExpectedRead, generateExport, messagesHeader } from './export-file'
import {
  collectGarbage,
  heapAfterGarbage,
  inFreshProcess,
  median,
  processPeakRss,
  type ProfileSummary,
  type SampledProfile,
  summarizeProfiles,
  type Timing,
  timingOf,
} from './measure'

/** The issue's targets: within 3× of the bare insert loop, and memory flat in the file's size. */
export const importTarget = {
  ratio: 3,
  sizes: [100_000, 1_000_000],
  /** Flat: peak RSS grows by less than this share of what the file grows by. */
  memorySlope: 0.25,
}

export interface ImportSuiteOptions {
  /** A scratch folder; exports and ledgers are made inside it. */
  dir: string
  /** Messages per generated export, smallest first. */
  sizes: number[]
  /** Runs per figure and size (fewer for sizes of a million and up: see `runsFor`). */
  runs: number
  seed: number
  from: string
  to: string
  /** Profile the largest size even when the target is met (a quick run, to exercise it). */
  alwaysProfile?: boolean
  log?: (line: string) => void
}

export type { HeapRunResult }

export interface ImportSize {
  messages: number
  fileBytes: number
  connections: number
  expected: ExpectedRead
  /** `runImport`, end to end. */
  import: Timing
  /** Lower bound A: the sqlite3 shell; null when it is not installed. */
  sqlite3: Timing | null
  /** Lower bound B: better-sqlite3 prepared inserts in one transaction, rows from csv-parse. */
  bare: Timing
  /** Resident memory of an import process just before `runImport` (ledger open, code loaded). */
  rssBeforeImport: number | null
  /** What the import holds in the JS heap, from a run of its own (null: not measured). */
  liveHeap: HeapRunResult | null
  /** What the import wrote (first run). */
  summary: ImportSummary
  /** Where the import's counts differ from what the generator made; empty when they agree. */
  mismatches: string[]
}

export interface ImportResult {
  seed: number
  from: string
  to: string
  sizes: ImportSize[]
  /**
   * The import split into its two halves, reading (readSource) and writing (writeImport), at the
   * largest size: their times, on the calling thread.
   */
  phases: {
    messages: number
    readMs: number[]
    writeMs: number[]
  } | null
  /** Where the time of each half goes, at the size it was profiled at. */
  profile: {
    messages: number
    readMs: number
    writeMs: number
    reading: ProfileSummary
    writing: ProfileSummary
  } | null
  /** The sqlite3 shell's version, or why lower bound A was not measured. */
  sqlite3: { version: string } | { missing: string }
  /** How the sqlite3 shell's peak memory was read (GNU time), or null when it could not be. */
  rssTool: string | null
}

/** One measured run, as handed to its process. */
type ChildRun =
  | {
      mode: 'import' | 'phases' | 'heap'
      folder: string
      dbDir: string
      from: string
      to: string
    }
  | { mode: 'bare'; folder: string; dbDir: string }

interface ImportRunResult {
  ms: number
  peakRss: number | null
  rssBefore: number | null
  summary: ImportSummary
}
interface PhasesRunResult {
  readMs: number
  writeMs: number
  /** Monotonic microseconds: when reading started, when writing started, when it ended. */
  marks: [number, number, number]
}
/** What the import holds: live JS heap (after a full collection) above where it started. */
interface HeapRunResult {
  /** Highest while reading (pass 1: the file into temporary files). */
  reading: number
  /** Highest while writing (each part of the export read back, inferred and written). */
  writing: number
}
interface BareRunResult {
  ms: number
  peakRss: number | null
  rows: number
}

const columns = messagesHeader.split(',')
const createTable = `CREATE TABLE messages (${columns.map((c) => `"${c}" TEXT`).join(', ')})`
const timeBinary = '/usr/bin/time'
const run = promisify(execFile)

/** Fewer runs at a million messages and up: each takes the better part of a minute. */
export function runsFor(messages: number, runs: number): number {
  return messages >= 1_000_000 ? Math.min(runs, 3) : runs
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n)

function currentRss(): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    return match ? Number(match[1]) * 1024 : null
  } catch {
    return null
  }
}

/** A fresh ledger with one seat, as a user starting out has; the clock the day after `to`. */
async function freshLedger(child: Extract<ChildRun, { from: string }>) {
  const now = new Date(Date.parse(`${child.to}T15:00:00.000Z`) + 86_400_000)
  const dbPath = join(child.dbDir, 'ledger.sqlite')
  const backend = await Backend.open({ dbPath, now: () => now })
  const seat = addSeat(backend.ledger, {
    name: 'Recruiter seat',
    planId: 'recruiter-professional',
    startedOn: child.from,
  })
  const source = { kind: 'linkedin' as const, path: child.folder, seatId: seat.id, overrides: {} }
  return { backend, source }
}

async function importOnce(child: Extract<ChildRun, { from: string }>): Promise<ImportRunResult> {
  const { backend, source } = await freshLedger(child)
  try {
    collectGarbage()
    const rssBefore = currentRss()
    const start = performance.now()
    const done = await runImport(backend.ledger, source)
    const ms = performance.now() - start
    return { ms, peakRss: processPeakRss(), rssBefore, summary: done.summary }
  } finally {
    backend.close()
  }
}

/**
 * What runImport does, in its two halves, timed apart on the calling thread (and, run under
 * `node --cpu-prof`, the moments that cut the profile into reading and writing, leaving start-up
 * out). Its memory is not the import's: the import thread's heap has a ceiling, this one's not.
 */
async function phasesOnce(child: Extract<ChildRun, { from: string }>): Promise<PhasesRunResult> {
  const { backend, source } = await freshLedger(child)
  try {
    const { ledger } = backend
    collectGarbage()
    const marks: [number, number, number] = [monotonicUs(), 0, 0]
    let start = performance.now()
    const read = await readSource(source, { timeZone: timeZoneOf(ledger) })
    const readMs = performance.now() - start
    marks[1] = monotonicUs()
    start = performance.now()
    const request = {
      kind: 'linkedin' as const,
      source: basename(source.path),
      seatId: source.seatId,
      read,
    }
    await writeImport(ledger, request)
    const writeMs = performance.now() - start
    marks[2] = monotonicUs()
    return { readMs, writeMs, marks }
  } finally {
    backend.close()
  }
}

/**
 * The live heap while the import runs, on the calling thread: a full collection every 50,000
 * rows read and every 20,000 items written (so timings from this run mean nothing).
 */
async function heapOnce(child: Extract<ChildRun, { from: string }>): Promise<HeapRunResult> {
  const { backend, source } = await freshLedger(child)
  try {
    const { ledger } = backend
    const base = heapAfterGarbage()
    if (base === null) throw new Error('The heap run needs node --expose-gc.')
    let peak = 0
    const sample = () => (peak = Math.max(peak, heapAfterGarbage()! - base))
    let reports = 0
    const read = await readSource(source, {
      timeZone: timeZoneOf(ledger),
      onProgress: () => {
        if (++reports % 50 === 0) sample()
      },
    })
    sample()
    const reading = peak
    peak = 0
    let items = 0
    try {
      await writeImport(ledger, {
        kind: 'linkedin',
        source: basename(source.path),
        seatId: source.seatId,
        read,
        onItem: () => {
          if (++items % 20_000 === 0) sample()
        },
      })
    } finally {
      read.dispose()
    }
    return { reading, writing: peak }
  } finally {
    backend.close()
  }
}

/** Lower bound B: the rows as they are, into a plain table, under the ledger's own pragmas. */
async function bareOnce(child: ChildRun): Promise<BareRunResult> {
  const db = new Database(join(child.dbDir, 'plain.sqlite'))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec(createTable)
    const insert = db.prepare(`INSERT INTO messages VALUES (${columns.map(() => '?').join(', ')})`)
    collectGarbage()
    const start = performance.now()
    let rows = 0
    db.exec('BEGIN')
    // The same parsing rules as the LinkedIn reader, less its line counting and checks.
    const parser = createReadStream(join(child.folder, 'messages.csv')).pipe(
      parse({
        bom: true,
        delimiter: ',',
        record_delimiter: ['\r\n', '\n', '\r'],
        quote: '"',
        escape: '"',
        from_line: 2,
        relax_column_count: false,
        relax_quotes: false,
        skip_empty_lines: true,
        trim: false,
        cast: false,
        columns: false,
      }),
    )
    for await (const record of parser as AsyncIterable<string[]>) {
      insert.run(record)
      rows++
    }
    db.exec('COMMIT')
    return { ms: performance.now() - start, peakRss: processPeakRss(), rows }
  } finally {
    db.close()
  }
}

async function inChild<T>(child: ChildRun, nodeArgs: readonly string[] = []): Promise<T> {
  const script = fileURLToPath(import.meta.url)
  return JSON.parse(await inFreshProcess(script, [JSON.stringify(child)], nodeArgs)) as T
}

async function sqlite3Version(): Promise<{ version: string } | { missing: string }> {
  try {
    const { stdout } = await run('sqlite3', ['--version'])
    return { version: stdout.split(' ')[0] ?? stdout.trim() }
  } catch {
    return {
      missing: 'the sqlite3 command-line tool is not installed (Debian: apt-get install sqlite3)',
    }
  }
}

async function hasGnuTime(): Promise<boolean> {
  try {
    await run(timeBinary, ['-f', '%M', 'true'])
    return true
  } catch {
    return false
  }
}

/** Lower bound A: one sqlite3 process, timed from spawn to exit, its peak memory from GNU time. */
async function sqlite3Once(
  folder: string,
  dbDir: string,
  expectedRows: number,
  gnuTime: boolean,
): Promise<{ ms: number; peakRss: number | null }> {
  const dbPath = join(dbDir, 'plain.sqlite')
  const rssFile = join(dbDir, 'time.txt')
  const shell = [
    '-bail',
    dbPath,
    'PRAGMA journal_mode = WAL;',
    'PRAGMA synchronous = FULL;',
    `${createTable};`,
    `.import --csv --skip 1 "${join(folder, 'messages.csv')}" messages`,
  ]
  const start = performance.now()
  if (gnuTime) await run(timeBinary, ['-f', '%M', '-o', rssFile, 'sqlite3', ...shell])
  else await run('sqlite3', shell)
  const ms = performance.now() - start
  const db = new Database(dbPath, { readonly: true })
  const rows = db.prepare('SELECT count(*) FROM messages').pluck().get() as number
  db.close()
  if (rows !== expectedRows)
    throw new Error(`sqlite3 .import loaded ${rows} rows where the file has ${expectedRows}.`)
  const kb = gnuTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : NaN
  return { ms, peakRss: Number.isFinite(kb) ? kb * 1024 : null }
}

/** The summary's counts against what the generator made. */
function compare(summary: ImportSummary, expected: ExpectedRead): string[] {
  const pairs: [string, number, number][] = [
    ['InMails', summary.inmails, expected.inmails],
    ['free messages', summary.messages, expected.freeMessages],
    ['follow-ups', summary.followups, expected.followups],
    ['responses', summary.responses, expected.responses],
    ['inbound conversations skipped', summary.skipped.inbound ?? 0, expected.inbound],
    ['rejected rows', summary.rejected.length, 0],
  ]
  return pairs
    .filter(([, got, want]) => got !== want)
    .map(([what, got, want]) => `${what}: ${got} imported, ${want} generated`)
}

export async function runImportSuite(options: ImportSuiteOptions): Promise<ImportResult> {
  const log = options.log ?? (() => undefined)
  const { dir, seed, from, to } = options
  const sqlite3 = await sqlite3Version()
  const gnuTime = 'version' in sqlite3 && (await hasGnuTime())
  const result: ImportResult = {
    seed,
    from,
    to,
    sizes: [],
    phases: null,
    profile: null,
    sqlite3,
    rssTool: gnuTime ? `GNU time (${timeBinary} -f %M)` : null,
  }
  let runNumber = 0
  /** A new empty folder per run: every ledger and table starts from nothing. */
  const scratch = () => {
    const path = join(dir, `run-${++runNumber}`)
    mkdirSync(path, { recursive: true })
    return path
  }

  for (const messages of options.sizes) {
    const folder = join(dir, `export-${messages}`)
    let started = performance.now()
    const made = await generateExport(folder, { seed, messages, from, to })
    log(
      `  generated ${messages.toLocaleString('en-US')} messages (${(made.messagesBytes / 2 ** 20).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    const runs = runsFor(messages, options.runs)
    const imports: ImportRunResult[] = []
    const bare: BareRunResult[] = []
    const shell: { ms: number; peakRss: number | null }[] = []
    started = performance.now()
    // Round by round, so that a busier moment of the machine falls on every figure alike.
    for (let i = 0; i < runs; i++) {
      let dbDir = scratch()
      imports.push(await inChild<ImportRunResult>({ mode: 'import', folder, dbDir, from, to }))
      rmSync(dbDir, { recursive: true, force: true })
      if ('version' in sqlite3) {
        dbDir = scratch()
        shell.push(await sqlite3Once(folder, dbDir, messages, gnuTime))
        rmSync(dbDir, { recursive: true, force: true })
      }
      dbDir = scratch()
      const loaded = await inChild<BareRunResult>({ mode: 'bare', folder, dbDir })
      rmSync(dbDir, { recursive: true, force: true })
      if (loaded.rows !== messages)
        throw new Error(
          `The insert loop loaded ${loaded.rows} rows where the file has ${messages}.`,
        )
      bare.push(loaded)
    }
    const heapDir = scratch()
    const liveHeap = await inChild<HeapRunResult>({
      mode: 'heap',
      folder,
      dbDir: heapDir,
      from,
      to,
    })
    rmSync(heapDir, { recursive: true, force: true })
    const size: ImportSize = {
      messages,
      liveHeap,
      fileBytes: made.messagesBytes,
      connections: made.connections,
      expected: made.expected,
      import: timingOf(
        imports.map((r) => r.ms),
        imports.map((r) => r.peakRss),
      ),
      sqlite3:
        shell.length > 0
          ? timingOf(
              shell.map((r) => r.ms),
              shell.map((r) => r.peakRss),
            )
          : null,
      bare: timingOf(
        bare.map((r) => r.ms),
        bare.map((r) => r.peakRss),
      ),
      rssBeforeImport: imports.every((r) => r.rssBefore !== null)
        ? median(imports.map((r) => r.rssBefore!))
        : null,
      summary: imports[0]!.summary,
      mismatches: compare(imports[0]!.summary, made.expected),
    }
    result.sizes.push(size)
    log(
      `  ${messages.toLocaleString('en-US')} messages, ${runs} runs each in ${((performance.now() - started) / 1000).toFixed(0)} s: ` +
        `import ${size.import.median.toFixed(0)} ms, ` +
        (size.sqlite3 ? `sqlite3 ${size.sqlite3.median.toFixed(0)} ms, ` : '') +
        `insert loop ${size.bare.median.toFixed(0)} ms`,
    )
  }

  const largest = result.sizes.at(-1)!
  const folderOf = (messages: number) => join(dir, `export-${messages}`)
  const phaseRuns = Math.min(3, runsFor(largest.messages, options.runs))
  const phases: PhasesRunResult[] = []
  for (let i = 0; i < phaseRuns; i++) {
    const dbDir = scratch()
    const folder = folderOf(largest.messages)
    phases.push(await inChild<PhasesRunResult>({ mode: 'phases', folder, dbDir, from, to }))
    rmSync(dbDir, { recursive: true, force: true })
  }
  result.phases = {
    messages: largest.messages,
    readMs: phases.map((p) => p.readMs),
    writeMs: phases.map((p) => p.writeMs),
  }

  const missed = result.sizes.filter(
    (s) =>
      importTarget.sizes.includes(s.messages) &&
      s.import.median > importTarget.ratio * s.bare.median,
  )
  const profiled = missed.at(-1) ?? (options.alwaysProfile ? largest : undefined)
  if (profiled) {
    log(`  profiling the import of ${profiled.messages.toLocaleString('en-US')} messages…`)
    const dbDir = scratch()
    const profileDir = join(dbDir, 'profile')
    const folder = folderOf(profiled.messages)
    const ran = await inChild<PhasesRunResult>({ mode: 'phases', folder, dbDir, from, to }, [
      '--cpu-prof',
      `--cpu-prof-dir=${profileDir}`,
    ])
    const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'))
    if (!file) throw new Error(`node --cpu-prof wrote no profile into ${profileDir}.`)
    const sampled = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as SampledProfile
    const [readFrom, writeFrom, end] = ran.marks
    result.profile = {
      messages: profiled.messages,
      readMs: ran.readMs,
      writeMs: ran.writeMs,
      reading: summarizeProfiles([sampled], 1, 12, { fromUs: readFrom, toUs: writeFrom }),
      writing: summarizeProfiles([sampled], 1, 12, { fromUs: writeFrom, toUs: end }),
    }
    rmSync(dbDir, { recursive: true, force: true })
  }
  return result
}

async function child(childRun: ChildRun): Promise<unknown> {
  if (childRun.mode === 'bare') return bareOnce(childRun)
  if (childRun.mode === 'phases') return phasesOnce(childRun)
  if (childRun.mode === 'heap') return heapOnce(childRun)
  return importOnce(childRun)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  child(JSON.parse(process.argv[2] ?? '') as ChildRun).then(
    (measured) => process.stdout.write(JSON.stringify(measured)),
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
