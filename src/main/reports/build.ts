// The report model, built from figures the services already computed: the engine's statements
// and Analytics' metrics. Pure: it only arranges them and derives the month-over-month change
// and what the sample says about templates; it never recounts anything.
import type { Comparison, Funnel, FunnelGroup, Metrics } from '../../shared/contract/analytics'
import type {
  Change,
  Report,
  ReportFunnel,
  ReportGroup,
  SeatStatement,
  TemplateVerdict,
} from '../../shared/contract/reports'

/** What the report carries as it is given (the rest is derived from the metrics). */
type Given =
  | 'period'
  | 'previousPeriod'
  | 'scope'
  | 'timeZone'
  | 'generatedAt'
  | 'statements'
  | 'scopeCredits'
  | 'warningsAsOf'
  | 'cost'
  | 'previousCost'
  | 'sequences'

export interface ReportInputs extends Pick<Report, Given> {
  /** Analytics' metrics for the period, by template (its top level is the whole funnel). */
  byTemplate: Metrics
  byRole: Metrics
  byChannel: Metrics
  bySeat: Metrics
  previous: Metrics
  /** Best against worst template, when `rankTemplates` found two to compare. */
  comparison: Comparison | null
}

/** Strips a Metrics down to its funnel (the groups live elsewhere in the report; no cost). */
function funnelOf(m: Funnel): ReportFunnel {
  return {
    delivered: m.delivered,
    replies: m.replies,
    positive: m.positive,
    meetings: m.meetings,
    hires: m.hires,
    replyRate: m.replyRate,
    positiveRate: m.positiveRate,
    meetingRate: m.meetingRate,
    timeToFirstReply: m.timeToFirstReply,
    smallSample: m.smallSample,
  }
}

function change(current: number | null, previous: number | null): Change {
  return {
    current,
    previous,
    delta: current === null || previous === null ? null : current - previous,
  }
}

/** Fewest delivered for a template to be ranked at all: below it one reply swings the rate. */
export const templateMinimum = 10
/** How sure the comparison must be that the best beats the worst before the report names them. */
export const credibleAt = 0.9

/**
 * Templates with at least `templateMinimum` delivered, best reply rate first; ties go to the
 * larger sample. The best and worst are the ends of this list, and are named only when the
 * A/B comparison finds the difference credible (a month of a freelancer's sends rarely reaches
 * 30 a template, so a fixed 30 would never name one).
 */
export function rankTemplates<G extends ReportGroup>(groups: readonly G[]): G[] {
  return groups
    .filter((g) => g.key !== '' && g.delivered >= templateMinimum && g.replyRate.value !== null)
    .sort((a, b) => b.replyRate.value! - a.replyRate.value! || b.delivered - a.delivered)
}

const pct = (p: number) => (p >= 0.995 ? 'over 99%' : `${Math.round(p * 100)}%`)

export function templateVerdict(
  groups: readonly ReportGroup[],
  comparison: Comparison | null,
): TemplateVerdict {
  const ranked = rankTemplates(groups)
  if (ranked.length < 2) {
    const named = groups.filter((g) => g.key !== '').length
    return {
      ranked,
      best: null,
      worst: null,
      comparison: null,
      summary:
        named === 0
          ? 'No outreach with a template in this period.'
          : `Not enough sends to tell a best or worst template: that takes two templates with at least ${templateMinimum} delivered each${ranked.length === 1 ? ` (only ${ranked[0]!.label} has)` : ''}.`,
    }
  }
  const best = ranked[0]!
  const worst = ranked.at(-1)!
  const p = comparison?.probabilityBBeatsA ?? null
  // The comparison asks whether `worst` (B) beats `best` (A); best very likely better is 1 − p.
  const sure = p === null ? null : 1 - p
  const clear = sure !== null && sure >= credibleAt
  const more = comparison?.moreSendsEach ?? null
  return {
    ranked,
    best: clear ? best : null,
    worst: clear ? worst : null,
    comparison,
    summary: clear
      ? `${best.label} did best and ${worst.label} worst: ${pct(sure)} likely the difference is real, not luck (named from ${pct(credibleAt)}).`
      : `Not enough sends to tell which template does better: ${best.label} ahead of ${worst.label} is only ${sure === null ? '—' : pct(sure)} likely to be real (${pct(credibleAt)} needed).${more !== null ? ` About ${more.toLocaleString('en-US')} more sends of each would settle it.` : ''}`,
  }
}

/** Each seat's warnings, in one list with the seat's name. */
function warningsOf(statements: readonly SeatStatement[]): Report['warnings'] {
  return statements.flatMap((s) =>
    s.warnings.map((w) => ({ seat: s.seat, code: w.code, message: w.message })),
  )
}

const warningKinds: Record<SeatStatement['warnings'][number]['code'], string> = {
  LOW_BALANCE: 'low balance',
  EXPIRING_UNUSED: 'credits expiring unused',
  REFUND_WINDOWS_CLOSING: 'refund windows closing',
  RESPONSE_RATE_AT_RISK: 'response rate at risk',
  DAILY_LIMIT: 'daily limit',
  OVERDRAWN: 'overdrawn',
  SEAT_CANCELLED: 'seat cancelled',
  SECOND_INMAIL: 'second InMail to one person',
}

/**
 * A role's or client's report: a seat's warnings are about the whole seat (every client's
 * outreach, other people's InMails), so they are only counted, one line a seat, never detailed.
 */
function seatWarningCounts(statements: readonly SeatStatement[]): Report['warnings'] {
  return statements.flatMap((s) => {
    if (s.warnings.length === 0) return []
    const kinds = [...new Set(s.warnings.map((w) => warningKinds[w.code]))].join(', ')
    const n = s.warnings.length
    return [
      {
        seat: s.seat,
        code: s.warnings[0]!.code,
        message: `${n} seat-level warning${n === 1 ? '' : 's'} (${kinds}). ${n === 1 ? 'It covers' : 'They cover'} every client’s outreach on this seat, so ${n === 1 ? 'it is' : 'they are'} counted here, not detailed: see the all-seats report.`,
      },
    ]
  })
}

/** A group without Analytics' cost share (see ReportFunnel). */
function groupsOf(m: Metrics): ReportGroup[] {
  return m.groups.map((g: FunnelGroup) => ({ key: g.key, label: g.label, ...funnelOf(g) }))
}

export function buildReport(inputs: ReportInputs): Report {
  const now = funnelOf(inputs.byTemplate)
  const before = funnelOf(inputs.previous)
  return {
    title: `Outreach report, ${inputs.period.label}`,
    period: inputs.period,
    previousPeriod: inputs.previousPeriod,
    scope: inputs.scope,
    timeZone: inputs.timeZone,
    generatedAt: inputs.generatedAt,
    statements: inputs.statements,
    scopeCredits: inputs.scopeCredits,
    funnel: now,
    previousFunnel: before,
    cost: inputs.cost,
    previousCost: inputs.previousCost,
    change: {
      delivered: change(now.delivered, before.delivered),
      replies: change(now.replies, before.replies),
      meetings: change(now.meetings, before.meetings),
      replyRate: change(now.replyRate.value, before.replyRate.value),
      positiveRate: change(now.positiveRate.value, before.positiveRate.value),
      meetingRate: change(now.meetingRate.value, before.meetingRate.value),
      medianHoursToFirstReply: change(
        now.timeToFirstReply.medianHours,
        before.timeToFirstReply.medianHours,
      ),
      costPerReplyCents: change(inputs.cost.perReplyCents, inputs.previousCost.perReplyCents),
      costPerMeetingCents: change(inputs.cost.perMeetingCents, inputs.previousCost.perMeetingCents),
    },
    byTemplate: groupsOf(inputs.byTemplate),
    byRole: groupsOf(inputs.byRole),
    byChannel: groupsOf(inputs.byChannel),
    bySeat: groupsOf(inputs.bySeat),
    templates: templateVerdict(groupsOf(inputs.byTemplate), inputs.comparison),
    sequences: inputs.sequences,
    warningsAsOf: inputs.warningsAsOf,
    warnings: inputs.scopeCredits
      ? seatWarningCounts(inputs.statements)
      : warningsOf(inputs.statements),
  }
}
