// `agenda`, `agenda export`, `done`, `skip` and `snooze`: the day's follow-ups from the command line.
import { writeFileSync } from 'node:fs'
import type { Agenda, AgendaItem, DoneResult, Enrolment } from '../../../shared/contract'
import { stepChannelNames } from '../../../shared/contract/sequences'
import { CliFailure, numberArg, type Register } from '../program'

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

function stepArg(value: string): number | string {
  return numberArg(value.replace(/^#/, ''))
}

export const registerAgendaCommands: Register = (program, perform) => {
  const agendaCommand = program
    .command('agenda')
    .description('follow-up steps due today and overdue, and the ones coming up')
    .option('--at <day>', 'the day to look from, YYYY-MM-DD (default: today)')
    .option('--days <n>', 'how many days ahead to list (default 14)', '14')
    .action((o: { at?: string; days: string }) =>
      perform(async ({ call }) => {
        const a = await call<Agenda>('sequences.agenda', {
          ...(o.at ? { at: o.at } : {}),
          days: numberArg(o.days),
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

  agendaCommand
    .command('export')
    .description(
      'write the upcoming steps to an iCalendar (.ics) file; exporting again updates them',
    )
    .requiredOption('--ics <file>', 'the .ics file to write')
    .option('--days <n>', 'how many days ahead (default 60)', '60')
    .action((o: { ics: string; days: string }) =>
      perform(async ({ call }) => {
        const out = await call<{ ics: string; events: number }>('sequences.exportIcs', {
          days: numberArg(o.days),
        })
        try {
          writeFileSync(o.ics, out.ics, 'utf8')
        } catch (error) {
          throw new CliFailure({
            code: 'VALIDATION_FAILED',
            message: `Could not write ${o.ics}: ${(error as Error).message}`,
          })
        }
        return {
          json: { file: o.ics, events: out.events },
          text: `Wrote ${out.events} step${out.events === 1 ? '' : 's'} to ${o.ics}.`,
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
        const e = await call<Enrolment>('sequences.skip', { stepId: stepArg(o.step) })
        return { json: { ...e }, text: `Skipped step #${o.step} for ${e.contact}.` }
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
        const e = await call<Enrolment>('sequences.snooze', {
          stepId: stepArg(o.step),
          ...(o.to ? { to: o.to } : {}),
          ...(o.days ? { days: numberArg(o.days) } : {}),
        })
        const step = e.steps.find((s) => String(s.id) === o.step.replace(/^#/, ''))
        return {
          json: { ...e },
          text: `Step #${o.step} for ${e.contact} is now due on ${step?.dueOn ?? o.to}.`,
        }
      }),
    )
}
