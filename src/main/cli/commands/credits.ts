import type { Balance, CostSummary, Reconciled, Responded, Sent } from '../../../shared/contract'
import type { Forecast, Statement } from '../../../shared/domain/credits'
import { normalizeProfileUrl } from '../../../shared/domain/profiles'
import { costPerText } from '../../../shared/reports/words'
import { numberArg, type Register } from '../program'
import { seatByName } from './seats'

/** `--to` takes a profile URL or, failing that, a name. */
function recipient(to: string) {
  return normalizeProfileUrl(to) !== null ? { profileUrl: to } : { name: to }
}

function describeBalance(seatName: string, b: Balance): string {
  const lines = [`${seatName}: ${b.available} credits available on ${b.asOf}`]
  for (const batch of b.batches)
    lines.push(
      `  ${String(batch.credits).padStart(4)}  ${batch.source.padEnd(10)} dated ${batch.dated}${batch.expires ? `, gone on ${batch.expires}` : ', no expiry'}`,
    )
  if (b.pendingRefunds.length > 0)
    lines.push(
      `Pending refunds: ${b.pendingRefunds.length} (the first window closes on ${b.pendingRefunds[0]!.windowClosesOn})`,
    )
  if (b.nextRenewal)
    lines.push(`Next renewal: ${b.nextRenewal.date}, +${b.nextRenewal.credits} credits`)
  for (const w of b.warnings) lines.push(`! ${w.message}`)
  return lines.join('\n')
}

function describeStatement(seatName: string, s: Statement): string {
  const row = (label: string, n: number) => `  ${label.padEnd(10)} ${String(n).padStart(6)}`
  return [
    `${seatName}: statement ${s.from} to ${s.to}`,
    row('Opening', s.opening),
    row('Granted', s.granted),
    row('Purchased', s.purchased),
    row('Spent', -s.spent),
    row('Refunded', s.refunded),
    row('Expired', -s.expired),
    row('Forfeited', -s.forfeited),
    row('Adjusted', s.adjusted),
    row('Closing', s.closing),
    '',
    ...s.entries.map(
      (e) =>
        `  ${e.day}  ${(e.credits > 0 ? `+${e.credits}` : String(e.credits)).padStart(5)}  ${e.kind.padEnd(10)} ${e.note}`,
    ),
  ].join('\n')
}

function describeForecast(seatName: string, f: Forecast): string {
  const rate = `${Math.round(f.responseRate * 100)}%`
  return [
    `${seatName}: forecast from ${f.from} at ${f.perWeek.toFixed(1)} InMails a week and a ${rate} response rate`,
    f.runsOutOn ? `Runs out on ${f.runsOutOn}.` : 'Does not run out in this period.',
    `Expires unused: ${f.expiresUnused} credits. Expected refunds: ${f.expectedRefunds}.`,
    `Balance on ${f.days.at(-1)?.date ?? f.from}: ${f.days.at(-1)?.available ?? 0}`,
  ].join('\n')
}

export const registerCreditCommands: Register = (program, perform) => {
  program
    .command('send')
    .description('log an InMail you sent (spends a credit unless it went to an Open Profile)')
    .requiredOption('--seat <name>', 'the seat it was sent from')
    .requiredOption('--to <profile-url>', "the person's LinkedIn profile URL (or name)")
    .requiredOption('--at <iso-datetime>', 'when it was sent, e.g. 2026-03-01T09:30:00Z')
    .option('--open-profile', 'it went to an Open Profile member (free)')
    .option('--template <name>', 'the template it used')
    .option('--role <name>', 'the role or campaign it was for')
    .action(
      (o: {
        seat: string
        to: string
        at: string
        openProfile?: boolean
        template?: string
        role?: string
      }) =>
        perform(async (ctx) => {
          const seat = await seatByName(ctx, o.seat)
          const sent = await ctx.call<Sent>('credits.send', {
            seatId: seat.id,
            to: recipient(o.to),
            at: o.at,
            openProfile: o.openProfile === true,
            ...(o.template ? { template: o.template } : {}),
            ...(o.role ? { role: o.role } : {}),
          })
          const who = sent.contact.name ?? sent.contact.profileUrl
          const text = [
            `Logged InMail #${sent.eventId} to ${who} from ${seat.name}${sent.creditSpent ? ' (1 credit)' : ' (Open Profile, free)'}.`,
            ...sent.warnings.map((w) => `! ${w.message}`),
          ].join('\n')
          return { json: { ...sent }, text }
        }),
    )

  program
    .command('respond')
    .description("log a response; it answers the person's latest InMail before --at")
    .requiredOption('--to <profile-url>', "the person's LinkedIn profile URL (or name)")
    .requiredOption('--at <iso-datetime>', 'when they responded')
    .option('--kind <kind>', 'reply, accept or decline', 'reply')
    .option('--sentiment <sentiment>', 'positive, neutral or negative', 'neutral')
    .action((o: { to: string; at: string; kind: string; sentiment: string }) =>
      perform(async (ctx) => {
        const r = await ctx.call<Responded>('credits.respond', {
          to: recipient(o.to),
          at: o.at,
          kind: o.kind,
          sentiment: o.sentiment,
        })
        return {
          json: { ...r },
          text: `Logged the ${o.kind} to InMail #${r.inmailId} (sent ${r.sentAt}).${r.refunded ? ' 1 credit refunded.' : ' No credit refunded.'}`,
        }
      }),
    )

  program
    .command('meeting')
    .description('log a meeting booked with someone you sent an InMail')
    .requiredOption('--to <profile-url>', "the person's LinkedIn profile URL (or name)")
    .requiredOption('--at <iso-datetime>', 'when the meeting was booked')
    .action((o: { to: string; at: string }) =>
      perform(async (ctx) => {
        const m = await ctx.call<{ eventId: number; inmailId: number }>('credits.meeting', {
          to: recipient(o.to),
          at: o.at,
        })
        return { json: m, text: `Logged a meeting for InMail #${m.inmailId}.` }
      }),
    )

  program
    .command('purchase')
    .description('record InMail credits you bought')
    .requiredOption('--seat <name>', 'the seat')
    .requiredOption('--credits <n>', 'how many credits')
    .requiredOption('--at <YYYY-MM-DD>', 'the day you bought them')
    .option('--price-cents <n>', 'what they cost, in cents', '0')
    .action((o: { seat: string; credits: string; at: string; priceCents: string }) =>
      perform(async (ctx) => {
        const seat = await seatByName(ctx, o.seat)
        const p = await ctx.call<{ eventId: number }>('credits.purchase', {
          seatId: seat.id,
          credits: numberArg(o.credits),
          at: o.at,
          priceCents: numberArg(o.priceCents),
        })
        return { json: p, text: `Recorded ${o.credits} purchased credits on ${seat.name}.` }
      }),
    )

  program
    .command('reconcile')
    .description('record the number LinkedIn shows; a difference is posted as an adjustment')
    .requiredOption('--seat <name>', 'the seat')
    .requiredOption('--at <YYYY-MM-DD>', 'the day LinkedIn showed it')
    .requiredOption('--shown <n>', 'the credits LinkedIn shows')
    .option('--note <text>', 'why, if you know')
    .action((o: { seat: string; at: string; shown: string; note?: string }) =>
      perform(async (ctx) => {
        const seat = await seatByName(ctx, o.seat)
        const r = await ctx.call<Reconciled>('credits.reconcile', {
          seatId: seat.id,
          at: o.at,
          shown: numberArg(o.shown),
          ...(o.note ? { note: o.note } : {}),
        })
        const text =
          r.adjustment === 0
            ? `LinkedIn and the ledger agree: ${r.shown} credits on ${o.at}.`
            : `LinkedIn shows ${r.shown}, the ledger had ${r.computed}: posted an adjustment of ${r.adjustment > 0 ? '+' : ''}${r.adjustment}.`
        return { json: { ...r }, text }
      }),
    )

  program
    .command('cancel')
    .description('record that a subscription was cancelled (its credits are forfeited)')
    .requiredOption('--seat <name>', 'the seat')
    .requiredOption('--at <YYYY-MM-DD>', 'the day it was cancelled')
    .action((o: { seat: string; at: string }) =>
      perform(async (ctx) => {
        const seat = await seatByName(ctx, o.seat)
        const c = await ctx.call<{ eventId: number; forfeited: number }>('credits.cancel', {
          seatId: seat.id,
          at: o.at,
        })
        return {
          json: c,
          text: `Cancelled ${seat.name} on ${o.at}; ${c.forfeited} credits forfeited.`,
        }
      }),
    )

  program
    .command('balance')
    .description('credits available, their batches, pending refunds, next renewal and warnings')
    .requiredOption('--seat <name>', 'the seat')
    .option('--at <iso-datetime>', 'as of when (default: now)')
    .action((o: { seat: string; at?: string }) =>
      perform(async (ctx) => {
        const seat = await seatByName(ctx, o.seat)
        const b = await ctx.call<Balance>('credits.balance', {
          seatId: seat.id,
          ...(o.at ? { at: o.at } : {}),
        })
        return { json: { ...b }, text: describeBalance(seat.name, b) }
      }),
    )

  program
    .command('statement')
    .description(
      'opening, granted, purchased, spent, refunded, expired, forfeited, adjusted, closing',
    )
    .requiredOption('--seat <name>', 'the seat')
    .requiredOption('--from <YYYY-MM-DD>', 'first day')
    .requiredOption('--to <YYYY-MM-DD>', 'last day')
    .action((o: { seat: string; from: string; to: string }) =>
      perform(async (ctx) => {
        const seat = await seatByName(ctx, o.seat)
        const s = await ctx.call<Statement>('credits.statement', {
          seatId: seat.id,
          from: o.from,
          to: o.to,
        })
        return { json: { ...s }, text: describeStatement(seat.name, s) }
      }),
    )

  program
    .command('cost')
    .description(
      'what outreach cost in a period: plan price and purchases, per InMail, reply, meeting, hire',
    )
    .requiredOption('--seat <name>', 'the seat')
    .requiredOption('--from <YYYY-MM-DD>', 'first day')
    .requiredOption('--to <YYYY-MM-DD>', 'last day')
    .action((o: { seat: string; from: string; to: string }) =>
      perform(async (ctx) => {
        const seat = await seatByName(ctx, o.seat)
        const c = await ctx.call<CostSummary>('credits.cost', {
          seatId: seat.id,
          from: o.from,
          to: o.to,
        })
        const money = (cents: number | null) =>
          cents === null ? '—' : `$${(cents / 100).toFixed(2)}`
        const text = [
          `${seat.name}: ${money(c.totalCents)} from ${c.from} to ${c.to} (plan ${money(c.subscriptionCents)}, purchased credits ${money(c.purchasedCents)})`,
          ...(c.creditInmails === 0
            ? ['  No paid InMail was sent in this period, so there is no cost per result.']
            : [
                `  ${money(c.perInmailCents)} per paid InMail · ${c.creditInmails} paid InMails`,
                `  ${costPerText(c.perResponseCents, c.responses, 'reply')}`,
                `  ${costPerText(c.perPositiveCents, c.positive, 'positive')}`,
                `  ${costPerText(c.perMeetingCents, c.meetings, 'meeting')}`,
                `  ${costPerText(c.perHireCents, c.hires, 'hire')}`,
              ]),
        ].join('\n')
        return { json: { ...c }, text }
      }),
    )

  program
    .command('forecast')
    .description('project the balance day by day at a planned pace')
    .requiredOption('--seat <name>', 'the seat')
    .option('--per-week <n>', 'InMails a week (default: your recent pace)')
    .option('--response-rate <r>', 'expected share answered, 0 to 1 (default: measured)')
    .option('--weeks <n>', 'how far ahead (default 8)')
    .option('--at <YYYY-MM-DD>', 'start from the end of this day (default: now)')
    .action(
      (o: { seat: string; perWeek?: string; responseRate?: string; weeks?: string; at?: string }) =>
        perform(async (ctx) => {
          const seat = await seatByName(ctx, o.seat)
          const f = await ctx.call<Forecast>('credits.forecast', {
            seatId: seat.id,
            ...(o.perWeek !== undefined ? { perWeek: numberArg(o.perWeek) } : {}),
            ...(o.responseRate !== undefined ? { responseRate: numberArg(o.responseRate) } : {}),
            ...(o.weeks !== undefined ? { weeks: numberArg(o.weeks) } : {}),
            ...(o.at ? { at: o.at } : {}),
          })
          return { json: { ...f }, text: describeForecast(seat.name, f) }
        }),
    )
}
