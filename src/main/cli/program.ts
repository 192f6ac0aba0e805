// The CLI: commands over the same handler map as the app. Exit 0 on success, 1 for input the
// ledger refused, 2 for usage errors. With --json, stdout carries exactly one JSON object.
import { Command, CommanderError } from 'commander'
import type { ErrorInfo } from '../../shared/contract/errors'
import { isCalendarDay } from '../../shared/domain/days'
import { appVersion, Backend } from '../backend'
import { resolveDbPath } from '../paths'
import { registerAgendaCommands } from './commands/agenda'
import { registerAppCommands } from './commands/app'
import { registerContactCommands } from './commands/contacts'
import { registerCreditCommands } from './commands/credits'
import { registerDataCommands } from './commands/data'
import { registerImportCommands } from './commands/imports'
import { registerMetricsCommands } from './commands/metrics'
import { registerReportCommands } from './commands/report'
import { registerSeatCommands } from './commands/seats'
import { registerSequenceCommands } from './commands/sequences'
import { registerSettingsCommands } from './commands/settings'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  now?: () => Date
}

/** What a command produced: a JSON-able object for --json, and lines for people. */
export interface Output {
  json: Record<string, unknown>
  text: string
  /** Non-zero when the command ran but found a problem (doctor on a damaged file). */
  exitCode?: number
}

export class CliFailure extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
  }
}

export interface CliContext {
  /** Calls a channel through the handler map; a refused input becomes a CliFailure. */
  call: <R>(channel: string, input: unknown) => Promise<R>
  backend: () => Promise<Backend>
}

export type Action = (ctx: CliContext) => Promise<Output>
export type Register = (parent: Command, perform: (action: Action) => Promise<void>) => void

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0
  let opened: Backend | undefined
  const program = new Command('outreach-ledger')
    .description('Outreach Ledger: InMail credits, outreach and follow-ups, on your own machine.')
    .version(appVersion)
    .option('--db <file>', 'the ledger file (default: the app data folder, or $OUTREACH_LEDGER_DB)')
    .option('--json', 'print exactly one JSON object on stdout')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })

  const json = (): boolean => program.opts<{ json?: boolean }>().json === true

  const ctx: CliContext = {
    backend: async () => {
      opened ??= await Backend.open({
        dbPath: resolveDbPath(program.opts<{ db?: string }>().db, io.env),
        ...(io.now ? { now: io.now } : {}),
      })
      return opened
    },
    call: async <R>(channel: string, input: unknown): Promise<R> => {
      const envelope = await (await ctx.backend()).invoke(channel, input)
      if (!envelope.ok) throw new CliFailure(envelope.error)
      return envelope.result as R
    },
  }

  const perform = async (action: Action): Promise<void> => {
    try {
      const output = await action(ctx)
      io.stdout(
        json() ? `${JSON.stringify(output.json, null, 2)}\n` : output.text.replace(/\n?$/, '\n'),
      )
      exitCode = output.exitCode ?? 0
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error
      if (json()) io.stdout(`${JSON.stringify({ error: error.info })}\n`)
      io.stderr(`error: ${error.info.message}\n`)
      exitCode = error.info.code === 'USAGE' ? 2 : 1
    }
  }

  registerAppCommands(program, perform)
  registerDataCommands(program, perform)
  registerSeatCommands(program, perform)
  registerCreditCommands(program, perform)
  registerSettingsCommands(program, perform)
  registerContactCommands(program, perform)
  registerImportCommands(program, perform)
  registerMetricsCommands(program, perform)
  registerReportCommands(program, perform)
  registerSequenceCommands(program, perform)
  registerAgendaCommands(program, perform)
  // Every command alike: a malformed day, month or date and time is a usage error (exit 2),
  // said in a sentence, before the ledger is opened.
  program.hook('preAction', (_program, command) => {
    const problem = malformedDateOption(command)
    if (problem) command.error(`error: ${problem}`, { exitCode: 2, code: 'outreach.malformedDate' })
  })

  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    // Help and version are successes; everything else commander rejects is a usage error.
    if (error.exitCode === 0) return 0
    if (argv.includes('--json'))
      io.stdout(`${JSON.stringify({ error: { code: 'USAGE', message: error.message } })}\n`)
    return 2
  } finally {
    opened?.close()
  }
  return exitCode
}

/** Turns "12" into 12 and leaves anything else as text, so the contract's schema explains it. */
export function numberArg(value: string): number | string {
  const n = Number(value)
  return value.trim() !== '' && Number.isFinite(n) ? n : value
}

/** What an option's value placeholder says it takes, for the ones holding dates. */
const day = { valid: isCalendarDay, what: 'day', write: 'YYYY-MM-DD, like 2026-11-23' }
const dateKinds: Record<
  string,
  { valid: (value: string) => boolean; what: string; write: string }
> = {
  '<YYYY-MM-DD>': day,
  '<day>': day,
  '<YYYY-MM>': {
    valid: (value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value),
    what: 'month',
    write: 'YYYY-MM, like 2026-11',
  },
  '<iso-datetime>': {
    valid: (value) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) &&
      isCalendarDay(value.slice(0, 10)) &&
      !Number.isNaN(Date.parse(value)),
    what: 'date and time',
    write: 'like 2026-11-23T09:30:00Z (ISO 8601)',
  },
}

/** The sentence for the first date option of `command` that is not written as it should be. */
export function malformedDateOption(command: Command): string | null {
  for (const option of command.options) {
    const placeholder = /<[^>]+>/.exec(option.flags)?.[0]
    const kind = placeholder ? dateKinds[placeholder] : undefined
    const value: unknown = command.getOptionValue(option.attributeName())
    if (kind && typeof value === 'string' && !kind.valid(value.trim()))
      return `${option.long} "${value}" is not a real ${kind.what}: write it ${kind.write}.`
  }
  return null
}

/**
 * The seat a --seat argument names: its full name or the start of exactly one seat's name, in
 * any case ("work" for "Work (Recruiter Lite)"). A start several seats share is refused with
 * their names; so is a name no seat has.
 */
export function seatNamed<S extends { name: string }>(seats: readonly S[], name: string): S {
  const wanted = name.trim().toLowerCase()
  const exact = seats.find((s) => s.name.toLowerCase() === wanted)
  if (exact) return exact
  const starting = wanted === '' ? [] : seats.filter((s) => s.name.toLowerCase().startsWith(wanted))
  if (starting.length === 1) return starting[0]!
  const list = (some: readonly S[]) => some.map((s) => `"${s.name}"`).join(', ')
  if (starting.length > 1)
    throw new CliFailure({
      code: 'AMBIGUOUS_SEAT',
      message: `"${name}" could be any of ${starting.length} seats: ${list(starting)}. Type more of the name.`,
    })
  throw new CliFailure({
    code: 'SEAT_NOT_FOUND',
    message:
      seats.length === 0
        ? `There is no seat named "${name}". Add one first with "seat add".`
        : `There is no seat named "${name}". Seats: ${list(seats)}.`,
  })
}
