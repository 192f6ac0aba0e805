// `sequence list` and `enrol`: follow-up sequences from the command line.
import type { Enrolled, Sequence } from '../../../shared/contract'
import { stepChannelNames } from '../../../shared/contract/sequences'
import { weekdayNames } from '../../../shared/domain/schedule'
import { normalizeProfileUrl } from '../../../shared/domain/profiles'
import { CliFailure, type CliContext, type Register } from '../program'
import { seatByName } from './seats'

export async function sequenceByName(ctx: CliContext, name: string): Promise<Sequence> {
  const all = await ctx.call<Sequence[]>('sequences.list', { includeArchived: true })
  const found = all.find((s) => s.name.toLowerCase() === name.trim().toLowerCase())
  if (!found)
    throw new CliFailure({
      code: 'NOT_FOUND',
      message: `There is no sequence named "${name}". Sequences: ${all.map((s) => `"${s.name}"`).join(', ')}.`,
    })
  return found
}

function describeSequence(s: Sequence): string {
  const days =
    s.preferredWeekdays.length > 0
      ? s.preferredWeekdays.map((d) => weekdayNames[d].slice(0, 3)).join(', ')
      : 'any day'
  const lines = [
    `${s.name}${s.builtin ? ' (built in)' : ''}: ${s.active} running; ${s.businessDays ? 'working days, ' : ''}${days}; stops on ${s.stopOn === 'meeting' ? 'a meeting' : 'any response'}`,
  ]
  for (const step of s.steps)
    lines.push(
      `  day ${String(step.dayOffset).padStart(2)}  ${stepChannelNames[step.channel]}${step.condition === 'not-connected' ? ' (if not connected)' : step.condition === 'connected' ? ' (if connected)' : ''}${step.exit ? ' — exit' : ''}${step.template ? `  [${step.template}]` : ''}`,
    )
  return lines.join('\n')
}

/** How to bring in the people left out who may be enrolled anyway. */
function overrideHint(leftOut: Enrolled['skipped']): string {
  const n = leftOut.filter((p) => p.overridable).length
  return n === 0 ? '' : `Add --include-answered to enrol ${n === 1 ? 'them' : `these ${n}`} anyway.`
}

/** Repeatable options collect into a list. */
const collect = (value: string, previous: string[] = []) => [...previous, value]

export const registerSequenceCommands: Register = (program, perform) => {
  const sequence = program.command('sequence').description('follow-up sequences')

  sequence
    .command('list')
    .description('the sequences, their steps and how many enrolments are running')
    .option('--all', 'include archived sequences')
    .action((o: { all?: boolean }) =>
      perform(async ({ call }) => {
        const list = await call<Sequence[]>('sequences.list', { includeArchived: o.all === true })
        return { json: { sequences: list }, text: list.map(describeSequence).join('\n\n') }
      }),
    )

  program
    .command('enrol')
    .description('enrol people in a sequence from a start day (credits needed are shown first)')
    .requiredOption('--sequence <name>', 'the sequence, e.g. "InMail 0/3/7/14"')
    .requiredOption(
      '--to <profile-url>',
      "the person's LinkedIn profile URL, or their exact name as the ledger has it; a profile URL the ledger does not know adds them as a new contact; repeat for more people",
      collect,
    )
    .requiredOption('--start <day>', 'day 0 of the sequence, YYYY-MM-DD')
    .option('--seat <name>', 'the seat InMails go from (optional with only one seat)')
    .option(
      '--include-answered',
      'also enrol people who answered, have an InMail awaiting a response, or run in another sequence (left out by default)',
    )
    .option('--dry-run', 'only show the credits the plan needs and who is left out')
    .action(
      (o: {
        sequence: string
        to: string[]
        start: string
        seat?: string
        includeAnswered?: boolean
        dryRun?: boolean
      }) =>
        perform(async (ctx) => {
          const found = await sequenceByName(ctx, o.sequence)
          const seatId = o.seat ? (await seatByName(ctx, o.seat)).id : undefined
          const input = {
            sequenceId: found.id,
            ...(seatId !== undefined ? { seatId } : {}),
            to: o.to.map((to) =>
              normalizeProfileUrl(to) !== null ? { profileUrl: to } : { name: to },
            ),
            startOn: o.start,
            includeAnswered: o.includeAnswered === true,
          }
          if (o.dryRun) {
            const credits = await ctx.call<Enrolled['credits']>('sequences.creditsAhead', input)
            const text = [
              ...credits.newContacts.map((c) => `${c} is new: enrolling adds them as a contact.`),
              credits.message,
              overrideHint(credits.leftOut),
              ...credits.warnings.map((w) => `! ${w.message}`),
            ]
            return { json: { credits }, text: text.filter(Boolean).join('\n') }
          }
          const done = await ctx.call<Enrolled>('sequences.enrol', input)
          const text = [
            `Enrolled ${done.enrolmentIds.length} in "${found.name}" from ${o.start}.`,
            ...done.added.map((a) => `Added ${a.contact} as a new contact.`),
            done.credits.message,
            overrideHint(done.skipped),
            ...done.warnings.map((w) => `! ${w.message}`),
          ]
          return { json: { ...done }, text: text.filter(Boolean).join('\n') }
        }),
    )
}
