// `metrics`: the funnel of the outreach sent in a period, overall and by group, with intervals.
import { Option } from 'commander'
import type { Funnel, FunnelGroup, GroupBy, Metrics, Rate } from '../../../shared/contract'
import { groupBys } from '../../../shared/contract/analytics'
import { outreachChannels } from '../../../shared/contract/outreach'
import { costPerText } from '../../../shared/reports/words'
import type { Register } from '../program'
import { seatByName } from './seats'

/** The JSON fields of a funnel: counts, rates as fractions 0–1 (null with nothing delivered). */
function funnelJson(f: Funnel) {
  return {
    delivered: f.delivered,
    replies: f.replies,
    positive: f.positive,
    meetings: f.meetings,
    hires: f.hires,
    replyRate: f.replyRate.value,
    positiveRate: f.positiveRate.value,
    meetingRate: f.meetingRate.value,
    medianHoursToFirstReply: f.timeToFirstReply.medianHours,
  }
}

function groupJson(g: FunnelGroup) {
  return {
    key: g.key,
    label: g.label,
    ...funnelJson(g),
    replyRateLow: g.replyRate.low,
    replyRateHigh: g.replyRate.high,
    positiveRateLow: g.positiveRate.low,
    positiveRateHigh: g.positiveRate.high,
    meetingRateLow: g.meetingRate.low,
    meetingRateHigh: g.meetingRate.high,
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`

/** "12% (5–24%)": never a bare percentage; "—" with nothing delivered. */
export function rateCell(r: Rate): string {
  if (r.value === null || r.low === null || r.high === null) return '—'
  return `${pct(r.value)} (${Math.round(r.low * 100)}–${pct(r.high)})`
}

function hours(h: number | null): string {
  if (h === null) return '—'
  return h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`
}

const byNames: Record<GroupBy, string> = {
  template: 'template',
  templateVersion: 'template version',
  role: 'role',
  roleFamily: 'role family',
  channel: 'channel',
  seat: 'seat',
  month: 'month sent',
  week: 'week sent',
  weekday: 'weekday sent',
  length: 'message length',
  words: 'word count',
  followups: 'follow-ups sent',
}

const money = (cents: number | null) => (cents === null ? '—' : `$${(cents / 100).toFixed(2)}`)

const smallMark = '*'

function table(rows: string[][], rightAligned: readonly number[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows.map((r) =>
    r
      .map((cell, c) =>
        rightAligned.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!),
      )
      .join('  ')
      .trimEnd(),
  )
}

export function describeMetrics(m: Metrics, heading: string, by: GroupBy | undefined): string {
  const mark = (f: Funnel) => (f.smallSample ? ` ${smallMark}` : '')
  const lines = [
    heading,
    `Delivered ${m.delivered}, replies ${m.replies}, positive ${m.positive}, meetings ${m.meetings}, hires ${m.hires}${mark(m)}`,
    ...table(
      [
        ['Reply rate', rateCell(m.replyRate)],
        ['Positive rate', rateCell(m.positiveRate)],
        ['Meeting rate', rateCell(m.meetingRate)],
        ['Time to first reply', `median ${hours(m.timeToFirstReply.medianHours)}`],
        [
          'Cost',
          m.cost.free
            ? 'free (no InMail spent a credit)'
            : m.cost.paidInmails === 0
              ? 'no paid InMail sent in this period, so no cost per result'
              : `${money(m.cost.totalCents)} over ${m.cost.paidInmails} paid InMails, ${money(m.cost.perInmailCents)} per InMail`,
        ],
        ...(m.cost.free || m.cost.paidInmails === 0
          ? []
          : [
              ['', costPerText(m.cost.perReplyCents, m.cost.replies, 'reply')],
              ['', costPerText(m.cost.perPositiveCents, m.cost.positive, 'positive')],
              ['', costPerText(m.cost.perMeetingCents, m.cost.meetings, 'meeting')],
              ['', costPerText(m.cost.perHireCents, m.cost.hires, 'hire')],
            ]),
      ],
      [],
    ).map((l) => `  ${l}`),
  ]
  if (by !== undefined) {
    lines.push('', `By ${byNames[by]}:`)
    if (m.groups.length === 0) lines.push('  (nothing sent in this period)')
    else
      lines.push(
        ...table(
          [
            ['', 'Delivered', 'Replies', 'Reply rate (95%)', 'Positive', 'Meetings', 'Hires'],
            ...m.groups.map((g) => [
              `${g.label}${mark(g)}`,
              String(g.delivered),
              String(g.replies),
              rateCell(g.replyRate),
              String(g.positive),
              String(g.meetings),
              String(g.hires),
            ]),
          ],
          [1, 2, 4, 5, 6],
        ).map((l) => `  ${l}`),
      )
  }
  if (m.smallSample || m.groups.some((g) => g.smallSample))
    lines.push(
      '',
      `${smallMark} small sample: fewer than 30 delivered; read the range in brackets, not the rate.`,
    )
  return lines.join('\n')
}

export const registerMetricsCommands: Register = (program, perform) => {
  program
    .command('metrics')
    .description(
      'the funnel of outreach sent in a period (replies, positive, meetings, hires), with intervals',
    )
    .option('--seat <name>', 'only this seat')
    .option('--from <YYYY-MM-DD>', 'first send day (default: the first message)')
    .option('--to <YYYY-MM-DD>', 'last send day (default: today)')
    .addOption(new Option('--by <group>', 'break it down by').choices(groupBys))
    .option('--role <name>', 'only messages for this role')
    .option('--template <name>', 'only messages using this template')
    .addOption(new Option('--channel <channel>', 'only this channel').choices(outreachChannels))
    .action(
      (o: {
        seat?: string
        from?: string
        to?: string
        by?: GroupBy
        role?: string
        template?: string
        channel?: string
      }) =>
        perform(async (ctx) => {
          const seat = o.seat !== undefined ? await seatByName(ctx, o.seat) : undefined
          const m = await ctx.call<Metrics>('analytics.metrics', {
            ...(seat ? { seatId: seat.id } : {}),
            ...(o.from !== undefined ? { from: o.from } : {}),
            ...(o.to !== undefined ? { to: o.to } : {}),
            ...(o.by !== undefined ? { by: o.by } : {}),
            ...(o.role !== undefined ? { role: o.role } : {}),
            ...(o.template !== undefined ? { template: o.template } : {}),
            ...(o.channel !== undefined ? { channel: o.channel } : {}),
          })
          const scope = [seat ? seat.name : 'all seats', o.role, o.template, o.channel].filter(
            (s): s is string => s !== undefined,
          )
          return {
            json: { ...funnelJson(m), groups: m.groups.map(groupJson) },
            text: describeMetrics(
              m,
              `Outreach sent ${m.from} to ${m.to} (${scope.join(', ')})`,
              o.by,
            ),
          }
        }),
    )
}
