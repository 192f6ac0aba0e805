// `report`: a month's (or any period's) report as PDF, CSV (a folder, one file per table) or JSON
// (the same figures as the PDF), for every seat, one seat, one role, or one client's roles.
import { Option } from 'commander'
import type { ReportExport } from '../../../shared/contract'
import { paperSizes, reportFormats } from '../../../shared/contract/reports'
import { monthPeriod } from '../../reports/period'
import { CliFailure, type Register } from '../program'
import { seatByName } from './seats'

interface ReportOptions {
  month?: string
  from?: string
  to?: string
  seat?: string
  role?: string
  client?: string
  format: (typeof reportFormats)[number]
  paper: (typeof paperSizes)[number]
  out?: string
}

function usage(message: string): never {
  throw new CliFailure({ code: 'USAGE', message })
}

function periodOf(o: ReportOptions): { from: string; to: string } {
  if (o.month !== undefined) {
    if (o.from !== undefined || o.to !== undefined)
      usage('Give either --month or --from and --to, not both.')
    const month = monthPeriod(o.month)
    if (!month) usage(`--month takes a month written YYYY-MM, like 2026-11 (got "${o.month}").`)
    return month
  }
  if (o.from === undefined || o.to === undefined)
    usage('Say which period: --month YYYY-MM, or --from YYYY-MM-DD and --to YYYY-MM-DD.')
  return { from: o.from, to: o.to }
}

export const registerReportCommands: Register = (program, perform) => {
  program
    .command('report')
    .description('a report of credits and outreach for a month or any period, as PDF, CSV or JSON')
    .option('--month <YYYY-MM>', 'the calendar month')
    .option('--from <YYYY-MM-DD>', 'first day of a period (with --to)')
    .option('--to <YYYY-MM-DD>', 'last day of a period (with --from)')
    .option('--seat <name>', 'only this seat')
    .option('--role <name>', 'only outreach for this role (a client’s job)')
    .option('--client <name>', 'only outreach for the roles of this client')
    .addOption(
      new Option('--format <format>', 'what to write').choices(reportFormats).default('pdf'),
    )
    .addOption(new Option('--paper <size>', 'PDF paper size').choices(paperSizes).default('a4'))
    .option(
      '--out <path>',
      'the file to write (for csv: a folder); default: the reports folder beside the ledger',
    )
    .action((o: ReportOptions) =>
      perform(async (ctx) => {
        const period = periodOf(o)
        if ([o.seat, o.role, o.client].filter((x) => x !== undefined).length > 1)
          usage('Choose one scope: --seat, --role or --client, not more.')
        const seat = o.seat !== undefined ? await seatByName(ctx, o.seat) : undefined
        const done = await ctx.call<ReportExport>('reports.export', {
          ...period,
          ...(seat ? { seatId: seat.id } : {}),
          ...(o.role !== undefined ? { role: o.role } : {}),
          ...(o.client !== undefined ? { client: o.client } : {}),
          format: o.format,
          paper: o.paper,
          ...(o.out !== undefined ? { out: o.out } : {}),
        })
        const what =
          done.format === 'csv'
            ? `${done.files.length} CSV files in ${done.path}`
            : `${done.format.toUpperCase()} to ${done.path}`
        return {
          json: { ...done },
          text: [
            `Report ${done.from} to ${done.to} (${done.scope}): wrote ${what}`,
            ...(done.format === 'csv' ? done.files.map((f) => `  ${f}`) : []),
          ].join('\n'),
        }
      }),
    )
}
