import type { Seat } from '../../../shared/contract'
import { catalogPlanIds } from '../../../shared/domain/plans'
import { CliFailure, numberArg, type CliContext, type Register } from '../program'

function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`
}

function describeSeat(seat: Seat): string {
  const { terms } = seat
  const renews =
    terms.renewal === 'first-of-month' ? 'renews on the 1st' : `renews on day ${terms.renewalDay}`
  const archived = seat.archivedAt ? '  [archived]' : ''
  return `${seat.name}  ${seat.planName}: ${terms.monthlyCredits} credits/month, cap ${terms.cap}, ${renews}, ${formatCents(terms.priceCents)}/month, since ${seat.startedOn}${archived}`
}

/** The seat with this name (any case), archived ones included. */
export async function seatByName(ctx: CliContext, name: string): Promise<Seat> {
  const seats = await ctx.call<Seat[]>('seats.list', { includeArchived: true })
  const wanted = name.trim().toLowerCase()
  const seat = seats.find((s) => s.name.toLowerCase() === wanted)
  if (!seat)
    throw new CliFailure({
      code: 'SEAT_NOT_FOUND',
      message:
        seats.length === 0
          ? `There is no seat named "${name}". Add one first with "seat add".`
          : `There is no seat named "${name}". Seats: ${seats.map((s) => s.name).join(', ')}.`,
    })
  return seat
}

interface AddOptions {
  name: string
  plan: string
  since: string
  renewalDay?: string
  monthly?: string
  cap?: string
  priceCents?: string
  renewal?: string
}

export const registerSeatCommands: Register = (program, perform) => {
  const seat = program.command('seat').description('add, list, rename and archive seats')

  seat
    .command('add')
    .description('start tracking a LinkedIn subscription')
    .requiredOption('--name <name>', 'what you call this seat, e.g. "Work Recruiter Lite"')
    .requiredOption('--plan <plan-id>', `one of ${catalogPlanIds.join(', ')}, custom`)
    .requiredOption('--since <YYYY-MM-DD>', 'the day the subscription started')
    .option('--renewal-day <n>', 'day of the month credits renew (default: from the plan)')
    .option('--monthly <n>', 'custom plan: credits per month')
    .option('--cap <n>', 'custom plan: most credits that can accumulate')
    .option('--price-cents <n>', 'custom plan: price per month in cents')
    .option('--renewal <rule>', 'custom plan: start-day or first-of-month')
    .action((options: AddOptions) =>
      perform(async ({ call }) => {
        const custom =
          options.plan === 'custom'
            ? {
                monthlyCredits: numberArg(options.monthly ?? ''),
                cap: numberArg(options.cap ?? ''),
                priceCents: numberArg(options.priceCents ?? '0'),
                ...(options.renewal ? { renewal: options.renewal } : {}),
              }
            : undefined
        const added = await call<Seat>('seats.add', {
          name: options.name,
          planId: options.plan,
          startedOn: options.since,
          ...(options.renewalDay !== undefined
            ? { renewalDay: numberArg(options.renewalDay) }
            : {}),
          ...(custom ? { custom } : {}),
        })
        return { json: { seat: added }, text: `Added seat ${describeSeat(added)}` }
      }),
    )

  seat
    .command('list')
    .description('list the seats you track')
    .option('--all', 'include archived seats')
    .action((options: { all?: boolean }) =>
      perform(async ({ call }) => {
        const seats = await call<Seat[]>('seats.list', { includeArchived: options.all === true })
        const text =
          seats.length === 0
            ? 'No seats yet. Add one with: seat add --name NAME --plan PLAN_ID --since YYYY-MM-DD'
            : seats.map(describeSeat).join('\n')
        return { json: { seats }, text }
      }),
    )

  seat
    .command('rename')
    .description('give a seat a new name')
    .requiredOption('--seat <name>', 'the seat to rename')
    .requiredOption('--name <new-name>', 'its new name')
    .action((options: { seat: string; name: string }) =>
      perform(async (ctx) => {
        const { id } = await seatByName(ctx, options.seat)
        const renamed = await ctx.call<Seat>('seats.rename', { seatId: id, name: options.name })
        return { json: { seat: renamed }, text: `Renamed "${options.seat}" to "${renamed.name}".` }
      }),
    )

  for (const [verb, channel, done] of [
    ['archive', 'seats.archive', 'Archived'],
    ['restore', 'seats.restore', 'Restored'],
  ] as const) {
    seat
      .command(verb)
      .description(
        verb === 'archive'
          ? 'hide a seat you no longer use (its history stays)'
          : 'bring an archived seat back',
      )
      .requiredOption('--seat <name>', 'the seat')
      .action((options: { seat: string }) =>
        perform(async (ctx) => {
          const { id } = await seatByName(ctx, options.seat)
          const changed = await ctx.call<Seat>(channel, { seatId: id })
          return { json: { seat: changed }, text: `${done} seat "${changed.name}".` }
        }),
      )
  }
}
