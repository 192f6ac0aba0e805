// `agenda`, `agenda export`, `done`, `skip` and `snooze`: the day's follow-ups from the command line.
import { writeFileSync } from 'node:fs'
import type { Agenda, AgendaItem, DoneResult, Enrolment, Snoozed } from '../../../shared/contract'
import { stepChannelNames } from '../../../shared/contract/sequences'
import { weekdayNames, weekdayOf } from '../../../shared/domain/schedule'
import { CliFailure, type Register } from '../program'

/** What a script needs per step; the app's agenda carries more (the rendered template…). */
function brief(item: AgendaItem) {
  return {
    step: item.step,
    contact: item.contact,
    profileUrl: item.profileUrl,
    channel: item.channel,
    dueOn: item.dueOn,
    sequence: item.sequence,
    position: item.position,
    seat: item.seat,
  }
}

function line(item: AgendaItem): string {
  return `  #${String(item.step).padEnd(5)} ${item.dueOn}  ${stepChannelNames[item.channel].padEnd(24)} ${item.contact}  (${item.sequence}, step ${item.position}/${item.stepCount})`
}

function describeAgenda(a: Agenda): string {
  const section = (title: string, items: AgendaItem[]) =>
    items.length === 0 ? [] : [`${title} (${items.length})`, ...items.map(line)]
  const lines = [
    ...section('Overdue', a.overdue),
    ...section(`Due today, ${a.today}`, a.due),
    ...section('Coming up', a.upcoming),
  ]
  return lines.length > 0 ? lines.join('\n') : `Nothing due on ${a.today} or in the days after.`
}

function usage(message: string): never {
  throw new CliFailure({ code: 'USAGE', message })
}

/** A whole number typed for an option, or a usage error that says what the option takes. */
function wholeNumber(value: string, option: string, min: number, max: number): number {
  const n = Number(value.trim())
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    usage(`${option} takes a whole number from ${min} to ${max} (got "${value}").`)
  return n
}

/** `12` or `#12`, as the agenda prints it. */
function stepArg(value: string): number {
  const id = value.trim().replace(/^#/, '')
  if (!/^\d+$/.test(id) || Number(id) < 1)
    usage(`--step takes a step id as the agenda lists it, like 12 or #12 (got "${value}").`)
  return Number(id)
}

/** "Tue 2026-12-01" */
function dayWithWeekday(day: string): string {
  return `${weekdayNames[weekdayOf(day)].slice(0, 3)} ${day}`
}

export const registerAgendaCommands: Register = (program, perform) => {
  const agendaCommand = program
    .command('agenda')
    .description('follow-up steps due today and overdue, and the ones coming up')
    .option('--at <day>', 'the day to look from, YYYY-MM-DD (default: today)')
    .option('--days <n>', 'how many days ahead to list (default 14)')
    .action((o: { at?: string; days?: string }) =>
      perform(async ({ call }) => {
        const a = await call<Agenda>('sequences.agenda', {
          ...(o.at ? { at: o.at } : {}),
          days: wholeNumber(o.days ?? '14', '--days', 0, 90),
        })
        return {
          json: {
            today: a.today,
            due: a.due.map(brief),
            overdue: a.overdue.map(brief),
            upcoming: a.upcoming.map(brief),
          },
          text: describeAgenda(a),
        }
      }),
    )

  const agendaDays = () => agendaCommand.opts<{ days?: string }>().days

  agendaCommand
    .command('export')
    .description(
      'write the upcoming steps to an iCalendar (.ics) file; exporting again updates them',
    )
    .requiredOption('--ics <file>', 'the .ics file to write')
    .option('--days <n>', 'how many days ahead (default 60)')
    .action((o: { ics: string; days?: string }) =>
      perform(async ({ call }) => {
        const out = await call<{ ics: string; events: number; cancelled: number }>(
          'sequences.exportIcs',
          // Commander hands `--days` after `export` to `agenda`, which has one too.
          { days: wholeNumber(o.days ?? agendaDays() ?? '60', '--days', 1, 365) },
        )
        try {
          writeFileSync(o.ics, out.ics, 'utf8')
        } catch (error) {
          throw new CliFailure({
            code: 'VALIDATION_FAILED',
            message: `Could not write ${o.ics}: ${(error as Error).message}`,
          })
        }
        return {
          json: { file: o.ics, events: out.events, cancelled: out.cancelled },
          text: `Wrote ${out.events} step${out.events === 1 ? '' : 's'} to ${o.ics}${out.cancelled > 0 ? `, and ${out.cancelled} ended step${out.cancelled === 1 ? '' : 's'} as cancelled events (importing the file removes them from your calendar)` : ''}.`,
        }
      }),
    )

  program
    .command('done')
    .description('mark a step done: logs the send (an InMail spends a credit)')
    .requiredOption('--step <id>', 'the step id the agenda shows')
    .option('--at <iso-datetime>', 'when it was sent (default: now)')
    .action((o: { step: string; at?: string }) =>
      perform(async ({ call }) => {
        const r = await call<DoneResult>('sequences.done', {
          stepId: stepArg(o.step),
          ...(o.at ? { at: o.at } : {}),
        })
        const text = [
          `Done: ${stepChannelNames[r.step.channel]} to ${r.enrolment.contact}${r.creditSpent ? ' (1 credit)' : ''}${r.eventId ? `, logged as #${r.eventId}` : ''}.`,
          r.enrolment.status === 'completed' ? `"${r.enrolment.sequence}" is complete.` : '',
          ...r.warnings.map((w) => `! ${w.message}`),
        ]
          .filter(Boolean)
          .join('\n')
        return { json: { ...r }, text }
      }),
    )

  program
    .command('skip')
    .description('skip a step without sending it')
    .requiredOption('--step <id>', 'the step id the agenda shows')
    .action((o: { step: string }) =>
      perform(async ({ call }) => {
        const stepId = stepArg(o.step)
        const e = await call<Enrolment>('sequences.skip', { stepId })
        return { json: { ...e }, text: `Skipped step #${stepId} for ${e.contact}.` }
      }),
    )

  program
    .command('snooze')
    .description('move a step to a later day')
    .requiredOption('--step <id>', 'the step id the agenda shows')
    .option('--to <day>', 'the new day, YYYY-MM-DD')
    .option('--days <n>', 'or: this many days later')
    .action((o: { step: string; to?: string; days?: string }) =>
      perform(async ({ call }) => {
        const stepId = stepArg(o.step)
        if ((o.to === undefined) === (o.days === undefined))
          usage('Snooze to a date or by a number of days: give --to YYYY-MM-DD or --days N.')
        const e = await call<Snoozed>('sequences.snooze', {
          stepId,
          ...(o.to !== undefined ? { to: o.to } : {}),
          ...(o.days !== undefined ? { days: wholeNumber(o.days, '--days', 1, 365) } : {}),
        })
        const index = e.steps.findIndex((s) => s.id === stepId)
        const step = e.steps[index]!
        const later = e.steps.slice(index + 1).filter((s) => s.state === 'pending')
        const text = [
          `Step #${stepId} for ${e.contact} is now due on ${dayWithWeekday(step.dueOn)}${o.days !== undefined ? ' (the next day the sequence sends on)' : ''}.`,
          later.length > 0
            ? `Later steps keep their gaps: ${later.map((s) => dayWithWeekday(s.dueOn)).join(', ')}.`
            : '',
          ...e.warnings.map((w) => `! ${w.message}`),
        ]
          .filter(Boolean)
          .join('\n')
        return { json: { ...e }, text }
      }),
    )
}
