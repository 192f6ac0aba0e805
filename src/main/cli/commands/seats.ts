import type { Seat } from '../../../shared/contract'
import { catalogPlanIds } from '../../../shared/domain/plans'
import { CliFailure, numberArg, seatNamed, type CliContext, type Register } from '../program'

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

/** The seat with this name or the start of it (any case), archived ones included. */
export async function seatByName(ctx: CliContext, name: string): Promise<Seat> {
  return seatNamed(await ctx.call<Seat[]>('seats.list', { includeArchived: true }), name)
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
  balance?: string
}

export const registerSeatCommands: Register = (program, perform) => {
  const seat = program.command('seat').description('add, list, rename and archive seats')

  seat
    .command('add')
    .description('start tracking a LinkedIn subscription')
    .requiredOption('--name <name>', 'what you call this seat, e.g. "Work Recruiter Lite"')
    .requiredOption('--plan <plan-id>', `one of ${catalogPlanIds.join(', ')}, custom`)
    .requiredOption('--since <YYYY-MM-DD>', 'the day the subscription started')
    .option('--balance <n>', 'credits the seat held on its start day (default: one monthly grant)')
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
          ...(options.balance !== undefined ? { openingBalance: numberArg(options.balance) } : {}),
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

  seat
    .command('policy')
    .description("show or change how this seat's credits expire and refund (DOMAIN.md §2)")
    .requiredOption('--seat <name>', 'the seat')
    .option('--expiry <rule>', '90d (default), never, no-rollover or inactive-90d')
    .option('--refund-declines <yes|no>', 'whether a decline ("Not interested") refunds the credit')
    .action((options: { seat: string; expiry?: string; refundDeclines?: string }) =>
      perform(async (ctx) => {
        const { id, name } = await seatByName(ctx, options.seat)
        const refund = options.refundDeclines?.toLowerCase()
        if (refund !== undefined && refund !== 'yes' && refund !== 'no')
          throw new CliFailure({ code: 'USAGE', message: '--refund-declines takes yes or no.' })
        const policy = await ctx.call<{ expiry: string; refundDeclines: boolean }>(
          'credits.setPolicy',
          {
            seatId: id,
            ...(options.expiry !== undefined ? { expiry: options.expiry } : {}),
            ...(refund !== undefined ? { refundDeclines: refund === 'yes' } : {}),
          },
        )
        return {
          json: { seat: name, policy },
          text: `${name}: credits expire ${policy.expiry === '90d' ? '90 days after they arrive' : policy.expiry === 'never' ? 'never (only the cap binds)' : policy.expiry === 'no-rollover' ? 'at each renewal (no rollover)' : 'after 90 days without an InMail sent'}; declines ${policy.refundDeclines ? 'are' : 'are not'} refunded.`,
        }
      }),
    )

  seat
    .command('plan')
    .description(
      "change a seat's plan: the old plan's credits are forfeited and a new cycle starts",
    )
    .requiredOption('--seat <name>', 'the seat')
    .requiredOption('--plan <plan-id>', `one of ${catalogPlanIds.join(', ')}, custom`)
    .requiredOption('--at <YYYY-MM-DD>', 'the day the new plan started')
    .option('--monthly <n>', 'custom plan: credits per month')
    .option('--cap <n>', 'custom plan: most credits that can accumulate')
    .option('--price-cents <n>', 'custom plan: price per month in cents')
    .option('--renewal <rule>', 'custom plan: start-day or first-of-month')
    .action(
      (options: {
        seat: string
        plan: string
        at: string
        monthly?: string
        cap?: string
        priceCents?: string
        renewal?: string
      }) =>
        perform(async (ctx) => {
          const { id, name } = await seatByName(ctx, options.seat)
          const changed = await ctx.call<{ eventId: number; forfeited: number }>(
            'credits.changePlan',
            {
              seatId: id,
              at: options.at,
              planId: options.plan,
              ...(options.plan === 'custom'
                ? {
                    custom: {
                      monthlyCredits: numberArg(options.monthly ?? ''),
                      cap: numberArg(options.cap ?? ''),
                      priceCents: numberArg(options.priceCents ?? '0'),
                      ...(options.renewal ? { renewal: options.renewal } : {}),
                    },
                  }
                : {}),
            },
          )
          return {
            json: changed,
            text: `${name} is on ${options.plan} from ${options.at}; ${changed.forfeited} credits of the old plan forfeited.`,
          }
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
