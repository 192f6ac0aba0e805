// The import suite's part of docs/benchmarks.md and of the terminal output: the figures at each
// size, the import's time against the two lower bounds, its memory against the file's size, the
// targets met or not, and, when it was profiled, where its time goes.
import type { ImportResult, ImportSize } from './imports'
import { importTarget } from './imports'
import type { HotFunction, ProfileSummary } from './measure'
import { median, type Timing } from './measure'
import type { Verdict } from './report'

const seconds = (ms: number): string => {
  const s = ms / 1000
  return s < 1 ? s.toFixed(3) : s < 10 ? s.toFixed(2) : s.toFixed(1)
}
const mb = (bytes: number | null): string =>
  bytes === null ? '–' : String(Math.round(bytes / 2 ** 20) || 0)
const fileMb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1)
const mb1 = (bytes: number): string => (Math.max(0, bytes) / 2 ** 20).toFixed(1)
const count = (n: number): string => n.toLocaleString('en-US')
const times = (ratio: number): string => `${ratio < 10 ? ratio.toFixed(1) : ratio.toFixed(0)}×`
/** Two decimals, without the "-0.00" of a slope that is flat within rounding. */
const slope = (value: number): string => (Math.abs(value) < 0.005 ? 0 : value).toFixed(2)
const percent = (share: number): string => `${(share * 100).toFixed(0)}%`

/** A Markdown table (also readable as plain text): first column left, the rest right. */
function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows]
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

export const figureNames = {
  import: 'import: runImport, end to end',
  sqlite3: 'A: sqlite3 .import --csv',
  bare: 'B: better-sqlite3 insert loop',
} as const

/** Each size's three figures. */
export function importFiguresTable(result: ImportResult): string {
  const rows: string[][] = []
  const add = (name: string, size: ImportSize, t: Timing) =>
    rows.push([
      name,
      count(size.messages),
      fileMb(size.fileBytes),
      seconds(t.median),
      `${seconds(t.min)}–${seconds(t.max)}`,
      mb(t.peakRss),
      String(t.runs.length),
    ])
  for (const size of result.sizes) {
    add(figureNames.import, size, size.import)
    if (size.sqlite3) add(figureNames.sqlite3, size, size.sqlite3)
    add(figureNames.bare, size, size.bare)
  }
  return table(
    ['Figure', 'Messages', 'File MB', 'Median s', 'Min–max s', 'Peak RSS MB', 'Runs'],
    rows,
  )
}

/**
 * The import's median over each lower bound's, per size; and fastest over fastest, which other
 * work on the machine disturbs less (a wide gap between the two says the machine was busy).
 */
export function ratiosTable(result: ImportResult): string {
  return table(
    [
      'Messages',
      'Import ÷ A (sqlite3)',
      'Import ÷ B (insert loop)',
      'Fastest import ÷ fastest B',
      `Target: ≤ ${importTarget.ratio}× B`,
    ],
    result.sizes.map((s) => {
      const b = s.import.median / s.bare.median
      return [
        count(s.messages),
        s.sqlite3 ? times(s.import.median / s.sqlite3.median) : '–',
        times(b),
        times(s.import.min / s.bare.min),
        importTarget.sizes.includes(s.messages)
          ? b <= importTarget.ratio
            ? 'met'
            : 'not met'
          : '(not a target size)',
      ]
    }),
  )
}

/** Within 3× of B at every target size this run measured. */
export function speedVerdict(result: ImportResult): Verdict {
  const goal = `Import within ${importTarget.ratio}× of the bare insert loop (B) at ${importTarget.sizes.map(count).join(' and ')} messages (median)`
  const measured = result.sizes.filter((s) => importTarget.sizes.includes(s.messages))
  if (measured.length === 0)
    return { met: null, text: `${goal}: not measured (this run's sizes are smaller).` }
  const met = measured.every((s) => s.import.median <= importTarget.ratio * s.bare.median)
  const details = measured
    .map(
      (s) =>
        `${times(s.import.median / s.bare.median)} at ${count(s.messages)} ` +
        `(${seconds(s.import.median)} s against ${seconds(s.bare.median)} s; ` +
        `fastest runs ${times(s.import.min / s.bare.min)})`,
    )
    .join(', ')
  const unmeasured = importTarget.sizes.filter((n) => !measured.some((s) => s.messages === n))
  return {
    met,
    text:
      `${goal}: **${met ? 'met' : 'not met'}**, ${details}` +
      (unmeasured.length > 0
        ? `; ${unmeasured.map(count).join(', ')} not measured in this run (\`--big\`).`
        : '.'),
  }
}

interface Growth {
  what: string
  fromRss: number
  toRss: number
  /** Extra peak RSS per extra byte of file. */
  slope: number
}

function growth(result: ImportResult): { from: ImportSize; to: ImportSize; rows: Growth[] } | null {
  const from = result.sizes[0]
  const to = result.sizes.at(-1)
  if (!from || !to || from === to) return null
  const fileGrowth = to.fileBytes - from.fileBytes
  const rows: Growth[] = []
  const add = (what: string, a: number | null | undefined, b: number | null | undefined) => {
    if (a != null && b != null)
      rows.push({ what, fromRss: a, toRss: b, slope: (b - a) / fileGrowth })
  }
  add('the import', from.import.peakRss, to.import.peakRss)
  add('A (sqlite3)', from.sqlite3?.peakRss, to.sqlite3?.peakRss)
  add('B (insert loop)', from.bare.peakRss, to.bare.peakRss)
  return { from, to, rows }
}

/** Below this much file growth, RSS noise (a few MB) says more than the file. */
const judgedGrowth = 8 * 2 ** 20

/** Flat: from the smallest to the largest size, peak RSS grows by under a quarter of the file. */
export function memoryVerdict(result: ImportResult): Verdict {
  const goal = `Import memory flat in the file's size (peak RSS grows by less than ${importTarget.memorySlope} MB per MB of file)`
  const g = growth(result)
  const imported = g?.rows.find((r) => r.what === 'the import')
  if (!g || !imported)
    return { met: null, text: `${goal}: not measured (one size only, or no memory figures).` }
  if (g.to.fileBytes - g.from.fileBytes < judgedGrowth)
    return {
      met: null,
      text: `${goal}: not judged, the files differ by less than ${mb(judgedGrowth)} MB (a quick run).`,
    }
  const met = imported.slope < importTarget.memorySlope
  return {
    met,
    text:
      `${goal}: **${met ? 'met' : 'not met'}**, ${mb(imported.fromRss)} MB at ${count(g.from.messages)} messages ` +
      `(${fileMb(g.from.fileBytes)} MB file), ${mb(imported.toRss)} MB at ${count(g.to.messages)} ` +
      `(${fileMb(g.to.fileBytes)} MB file): ${imported.slope.toFixed(1)} MB more per MB of file.`,
  }
}

function memoryLines(result: ImportResult): string[] {
  const g = growth(result)
  if (!g) return []
  const lines = [
    `- From ${count(g.from.messages)} to ${count(g.to.messages)} messages the file grows by ` +
      `${fileMb(g.to.fileBytes - g.from.fileBytes)} MB; peak RSS grows by ` +
      g.rows
        .map((r) => `${mb(r.toRss - r.fromRss)} MB for ${r.what} (${slope(r.slope)} MB per MB)`)
        .join(', ') +
      '.',
  ]
  const held = result.sizes.filter((s) => s.liveHeap !== null)
  if (held.length > 0)
    lines.push(
      '- What the import holds (live JS heap above its start, after a full collection; sampled ' +
        'every 50,000 rows read and 20,000 items written, in a run of its own): ' +
        held
          .map(
            (s) =>
              `${mb1(s.liveHeap!.reading)} MB reading and ${mb1(s.liveHeap!.writing)} MB writing at ` +
              `${count(s.messages)} messages`,
          )
          .join('; ') +
        ". The import thread's heap has a ceiling of 96 MB (src/main/imports/thread.ts), so V8 " +
        'collects its garbage as it goes instead of letting it pile up for the length of the ' +
        "import; the credit count that ends it (its summary's refunds) replays the seat a few " +
        'weeks at a time (src/main/credits/outcomes.ts).',
    )
  const largest = result.sizes.at(-1)!
  if (largest.rssBeforeImport !== null)
    lines.push(
      `- An import process holds ${mb(largest.rssBeforeImport)} MB before \`runImport\` starts ` +
        '(Node, the code, the open ledger); the rest of its peak is the import and its threads.',
    )
  return lines
}

function hotTable(hot: readonly HotFunction[]): string {
  const lines = [
    '| Function | File | Mostly called from | Self time | Share |',
    '|---|---|---|---:|---:|',
  ]
  for (const f of hot)
    lines.push(
      `| ${f.name} | ${f.where || '(V8 or native)'} | ${f.caller || '–'} | ${seconds(f.selfMs)} s | ${percent(f.selfShare)} |`,
    )
  return lines.join('\n')
}

function filesLine(summary: ProfileSummary): string {
  return summary.files
    .slice(0, 8)
    .map((f) => `${f.where || '(V8 or native: GC, buffers)'} ${percent(f.selfShare)}`)
    .join(', ')
}

/**
 * Observations the profile supports, each only when its evidence is in this run's profile. They
 * name the code to change; the harness itself changes nothing in src/.
 */
function findings(result: ImportResult): string[] {
  const profile = result.profile
  if (!profile) return []
  const out: string[] = []
  const size = result.sizes.find((s) => s.messages === profile.messages)
  // Unprofiled halves when they were measured at this size; the profiled run's otherwise.
  const phases = result.phases?.messages === profile.messages ? result.phases : null
  const readMs = phases ? median(phases.readMs) : profile.readMs
  const writeMs = phases ? median(phases.writeMs) : profile.writeMs
  if (size)
    out.push(
      `- Reading alone (${seconds(readMs)} s) takes ${times(readMs / size.bare.median)} ` +
        `the whole insert loop B (${seconds(size.bare.median)} s, which parses the same file with ` +
        `csv-parse and inserts every row); writing (${seconds(writeMs)} s) takes ` +
        `${times(writeMs / size.bare.median)}.`,
    )
  const prepare = profile.writing.functions.find(
    (f) => f.name === 'prepare' && f.where.includes('better-sqlite3'),
  )
  if (prepare && prepare.selfShare >= 0.05)
    out.push(
      `- better-sqlite3's \`prepare\` takes ${percent(prepare.selfShare)} of writing, mostly for ` +
        `${prepare.caller || 'an unknown caller'}: a statement prepared on every call. Each also holds ` +
        'native memory until V8 collects its wrapper, which it has no reason to do soon; prepared once ' +
        'per database (as src/main/credits/store.ts does for appendEvent), both go away.',
    )
  const csvError = profile.reading.functions.find((f) => f.name === 'CsvError')
  if (csvError)
    out.push(
      `- csv-parse spends ${seconds(csvError.selfMs)} s of reading building \`CsvError\`s, each ` +
        'with a stack trace: with relax_column_count it still makes one for every record whose ' +
        "field count differs from the first record's, and Connections.csv starts with a one-field " +
        '"Notes:" line, so that is every connection (src/main/imports/linkedin/connections.ts ' +
        'reads it through csv-stream.ts).',
    )
  const share = (where: string) =>
    profile.writing.files.find((f) => f.where === where)?.selfShare ?? 0
  const store = share('src/main/credits/store.ts')
  const contacts = share('src/main/contacts/service.ts')
  if (store + contacts >= 0.3)
    out.push(
      `- Writing is mostly the ledger's own inserts: src/main/credits/store.ts (appendEvent, one ` +
        `INSERT per event into ledger_events) ${percent(store)}, src/main/contacts/service.ts (an ` +
        `INSERT per new person, a lookup for someone known) ${percent(contacts)}. B inserts into a ` +
        'table without an index. A load larger than the ledger sets aside the indexes of ' +
        'ledger_events it does not read while writing and builds them once at the end, inside the ' +
        'same transaction (src/main/imports/bulk.ts: about 5 s off writing at 1,000,000 messages on ' +
        '2026-11-23); when the ledger holds no key of the export yet, the keys are not looked up ' +
        "either. It writes with SQLite's default 16 MB page cache: a 64 MB one, borrowed until " +
        '2026-12-06, saved no time measurable at 1,000,000 messages that day (write halves of ' +
        '21–27 s either way) and cost up to 60 MB of RSS.',
    )
  return out
}

/** Why peak memory grows when the target is missed, from this run's own figures. */
function memoryFindings(result: ImportResult): string[] {
  if (memoryVerdict(result).met !== false) return []
  const held = result.sizes.filter((s) => s.liveHeap !== null)
  const out = [
    '- What the import holds does not grow with the file. LinkedIn lists rows newest first, so ' +
      'no conversation is complete before the end of the file: a messages.csv over 32 MB is read ' +
      'into temporary files by conversation (src/main/imports/linkedin/spill.ts, about 2 MB of ' +
      'the file each), and writing reads them back one at a time' +
      (held.length > 0
        ? ` (live heap: ${held.map((s) => `${mb1(Math.max(s.liveHeap!.reading, s.liveHeap!.writing))} MB at ${count(s.messages)} messages`).join(', ')}).`
        : '.'),
  ]
  out.push(
    "- The rest is V8's heap and SQLite's page cache. The import thread's heap has a ceiling " +
      "(src/main/imports/thread.ts) and SQLite's page cache stays at its default 16 MB: a " +
      'larger file grows neither. The reading ' +
      'of the export (linkedin/spill.ts), its inference and the closing credit count ' +
      '(src/main/credits/outcomes.ts) each hold a part of the export at a time.',
  )
  return out
}

/** The "Import" section of docs/benchmarks.md. */
export function importSection(result: ImportResult, command: string, quick: boolean): string[] {
  const speed = speedVerdict(result)
  const memory = memoryVerdict(result)
  const sizes = result.sizes.map((s) => count(s.messages)).join(' and ')
  const parts = [
    '## Import: LinkedIn messages.csv',
    '',
    `Command: \`${command}\`` +
      (quick || result.sizes.some((s) => s.messages >= 1_000_000)
        ? '. '
        : ' (`npm run bench -- --big` measures 100,000 and 1,000,000 messages). ') +
      `Exports of ${sizes} messages, generated with seed ${result.seed} (bench/export-file.ts): ` +
      `a recruiter's LinkedIn from ${result.from} to ${result.to}, newest first as LinkedIn lists it, ` +
      'with InMails to non-connections, free messages to connections, follow-ups, replies, inbound ' +
      'threads, group threads, spam and LinkedIn notices; multi-line quoted bodies, names in many ' +
      'scripts; and a matching Connections.csv.',
    '',
    `- ${speed.text}`,
    `- ${memory.text}`,
    '',
    importFiguresTable(result),
    '',
    ratiosTable(result),
    '',
    '- import: `runImport` (src/main/imports/service.ts) on a fresh ledger file (Backend.open and a ' +
      'seat, not timed), on the import thread as in the app (src/main/imports/thread.ts): reading messages.csv (into temporary files, by conversation) and ' +
      'Connections.csv, then in one transaction reading each part back, inferring its outreach and ' +
      'writing it, including the credit count it ends with. A big messages.csv is parsed on a ' +
      'thread of its own while the import thread handles the records already parsed, and the ' +
      'parts of a spilled export are read back and inferred on another while the import thread ' +
      'writes (src/main/imports/linkedin/records-thread.ts, src/main/imports/items-thread.ts): ' +
      'the import keeps two cores busy; B and A use one.',
    "- A: Debian's `sqlite3` shell loading the same file into a plain table of its ten text " +
      'columns (`.import --csv --skip 1`, one transaction), timed from spawn to exit; peak RSS ' +
      `from ${result.rssTool ?? '(not available: GNU time is not installed)'}.` +
      ('version' in result.sqlite3
        ? ` sqlite3 ${result.sqlite3.version}.`
        : ` Not measured: ${result.sqlite3.missing}.`),
    '- B: a prepared INSERT per row of the same file, parsed by csv-parse as a stream, into the same ' +
      "plain table in one transaction, with the ledger's pragmas (WAL, synchronous FULL).",
    '- Every run is a Node process of its own (sqlite3 its own process), rounds interleaved (import, ' +
      'A, B, import, …); peak RSS is the highest of the runs, for the whole process (VmHWM). ' +
      'The export was just written, so it is read from the OS page cache; ledgers and tables are ' +
      'new files in the same temp folder.',
    ...memoryLines(result),
  ]
  const p = result.phases
  if (p)
    parts.push(
      `- The import's halves at ${count(p.messages)} messages (median of ${p.readMs.length}): ` +
        `reading (readSource) ${seconds(median(p.readMs))} s, writing (writeImport) ${seconds(median(p.writeMs))} s.`,
    )
  const mismatches = result.sizes.filter((s) => s.mismatches.length > 0)
  if (mismatches.length === 0) {
    const s = result.sizes.at(-1)!
    parts.push(
      `- Checked: at every size the import found what the generator made (at ${count(s.messages)}: ` +
        `${count(s.summary.inmails)} InMails, ${count(s.summary.messages)} free messages, ` +
        `${count(s.summary.followups)} follow-ups, ${count(s.summary.responses)} responses, ` +
        `${count(s.summary.contacts)} contacts; ${count(s.summary.skipped.inbound ?? 0)} inbound ` +
        'conversations left out).',
    )
  } else
    for (const s of mismatches)
      parts.push(
        `- **The import's counts differ from the generator's** at ${count(s.messages)}: ${s.mismatches.join('; ')}.`,
      )

  const whyMemory = memoryFindings(result)
  if (whyMemory.length > 0)
    parts.push('', "### Why the import's peak memory still grows", '', ...whyMemory)

  const profile = result.profile
  if (profile) {
    parts.push(
      '',
      `### Where the import's time goes (${count(profile.messages)} messages)`,
      '',
      `One import under \`node --cpu-prof\`, cut at the moments reading and writing began and ended ` +
        `(start-up left out): reading ${seconds(profile.readMs)} s, writing ${seconds(profile.writeMs)} s ` +
        '(the profiler slows both a little). Self time of the busiest functions.',
      '',
      `Reading (readSource: messages.csv into temporary files by conversation, and Connections.csv; messages.csv itself is parsed on a thread of its own, src/main/imports/linkedin/records-thread.ts, whose time this profile of the reading thread leaves out). By file: ${filesLine(profile.reading)}.`,
      '',
      hotTable(profile.reading.functions),
      '',
      `Writing (writeImport, one transaction: each part of the export read back and inferred, on a thread of its own when the export spilled and so outside this profile, then the rows written, the indexes built, the credit count). By file: ${filesLine(profile.writing)}.`,
      '',
      hotTable(profile.writing.functions),
    )
    const found = findings(result)
    if (found.length > 0) parts.push('', 'What the profile shows:', '', ...found)
  }
  return parts
}

/** What the terminal shows at the end of a run. */
export function importTerminal(result: ImportResult): string {
  return [
    importFiguresTable(result),
    '',
    ratiosTable(result),
    '',
    speedVerdict(result).text.replaceAll('**', ''),
    memoryVerdict(result).text.replaceAll('**', ''),
  ].join('\n')
}
