// The report model, built from figures the services already computed: the engine's statements
// and Analytics' metrics. Pure: it only arranges them and derives the month-over-month change
// and what the sample says about templates; it never recounts anything.
import type { Comparison, Funnel, FunnelGroup, Metrics } from '../../shared/contract/analytics'
import type {
  Change,
  Report,
  ReportPeriod,
  ReportScope,
  SeatStatement,
  TemplateVerdict,
} from '../../shared/contract/reports'
import type { SequenceRun } from '../../shared/contract/sequences'
import { smallSampleBelow } from '../analytics/funnel'

export interface ReportInputs {
  period: ReportPeriod
  previousPeriod: ReportPeriod
  scope: ReportScope
  timeZone: string
  generatedAt: string
  statements: SeatStatement[]
  /** The day the statements' warnings are as of. */
  warningsAsOf: string
  /** Analytics' metrics for the period, by template (its top level is the whole funnel). */
  byTemplate: Metrics
  byRole: Metrics
  byChannel: Metrics
  bySeat: Metrics
  previous: Metrics
  /** Best against worst template, when `rankTemplates` found two to compare. */
  comparison: Comparison | null
  sequences: SequenceRun[]
}

/** Strips a Metrics down to its funnel (the groups live elsewhere in the report). */
function funnelOf(m: Metrics): Funnel {
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
    cost: m.cost,
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
export function rankTemplates(groups: readonly FunnelGroup[]): FunnelGroup[] {
  return groups
    .filter((g) => g.key !== '' && g.delivered >= smallSampleBelow && g.replyRate.value !== null)
    .sort((a, b) => b.replyRate.value! - a.replyRate.value! || b.delivered - a.delivered)
}

export function templateVerdict(
  groups: readonly FunnelGroup[],
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
    funnel: now,
    previousFunnel: before,
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
      costPerReplyCents: change(now.cost.perReplyCents, before.cost.perReplyCents),
      costPerMeetingCents: change(now.cost.perMeetingCents, before.cost.perMeetingCents),
    },
    byTemplate: inputs.byTemplate.groups,
    byRole: inputs.byRole.groups,
    byChannel: inputs.byChannel.groups,
    bySeat: inputs.bySeat.groups,
    templates: templateVerdict(inputs.byTemplate.groups, inputs.comparison),
    sequences: inputs.sequences,
    warningsAsOf: inputs.warningsAsOf,
    warnings: warningsOf(inputs.statements),
  }
}
