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
import { smallSampleBelow } from '../analytics/funnel'

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

/**
 * Templates with a sample that says something (at least 30 delivered), best reply rate first;
 * ties go to the larger sample. The best and worst are the ends of this list.
 */
export function rankTemplates<G extends ReportGroup>(groups: readonly G[]): G[] {
  return groups
    .filter((g) => g.key !== '' && g.delivered >= smallSampleBelow && g.replyRate.value !== null)
    .sort((a, b) => b.replyRate.value! - a.replyRate.value! || b.delivered - a.delivered)
}

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
          : `Too few sends to name a best or worst template: that takes two templates with at least ${smallSampleBelow} delivered each${ranked.length === 1 ? ` (only ${ranked[0]!.label} has)` : ''}.`,
    }
  }
  const best = ranked[0]!
  const worst = ranked.at(-1)!
  const p = comparison?.probabilityBBeatsA ?? null
  // The comparison asks whether `worst` (B) beats `best` (A); it is clear when it very likely does not.
  const clear = p !== null && 1 - p >= 0.95
  return {
    ranked,
    best: clear ? best : null,
    worst: clear ? worst : null,
    comparison,
    summary: clear
      ? `${best.label} did best and ${worst.label} worst, and the difference is real: ${comparison!.verdict}.`
      : `No template clearly did better than another yet. ${comparison?.verdict ?? ''}`.trim(),
  }
}

/** Each seat's warnings, in one list with the seat's name. */
function warningsOf(statements: readonly SeatStatement[]): Report['warnings'] {
  return statements.flatMap((s) =>
    s.warnings.map((w) => ({ seat: s.seat, code: w.code, message: w.message })),
  )
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
    warnings: warningsOf(inputs.statements),
  }
}
